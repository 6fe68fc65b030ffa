import type { HeuristicEvaluation } from "./offline/evaluate.js";
import type {
  ContextSource, CvProfile, EngineName, Evaluation, FinalEvaluation, Phase, Question, QuestionStyle, Rubric,
} from "../types.js";

/** The question type of one question (a "mixed" interview alternates between these). */
export type ConcreteQuestionType = "technical" | "behavioral" | "system_design";

export interface JobContext {
  jobTitle: string;
  company?: string | undefined;
  jobDescription?: string | undefined;
  jobTerms: string[];
  language: string;
}

export interface QuestionRequest extends JobContext {
  questionType: ConcreteQuestionType;
  questionStyle: QuestionStyle;
  phase: Phase;
  difficulty: number;
  step: number;
  maxSteps: number;
  kind: Question["kind"];
  topic: string;
  cvProfile: CvProfile;
  context: string[];
  contextSource: ContextSource;
  /** The question being followed up or clarified, and the candidate's answer to it. */
  previous?: { question: string; answer: string; missing: string[] } | undefined;
  askedQuestions: string[];
  seed: string;
}

export interface EvaluationRequest extends JobContext {
  question: Question;
  answer: string;
  cvProfile: CvProfile;
  /** The instant heuristic evaluation, already used to route the interview. */
  quick: HeuristicEvaluation;
}

export interface EvaluationResult {
  score: number;
  rubric: Rubric;
  feedback: string;
}

export interface AssessmentRequest extends JobContext {
  questionType: string;
  questions: Question[];
  answers: { questionId: string; text: string }[];
  evaluations: Evaluation[];
}

/** Judgement text of the final report; the numbers are aggregated from the evaluations. */
export type AssessmentResult = Pick<FinalEvaluation, "strengths" | "improvements" | "summary"> &
  Partial<Pick<FinalEvaluation, "recommendation">>;

export type TokenSink = (token: string) => void;

/** The interviewer's brain: the offline engine or an LLM. */
export interface InterviewModel {
  readonly name: EngineName;
  generateQuestion(request: QuestionRequest, onToken?: TokenSink): Promise<string>;
  evaluateAnswer(request: EvaluationRequest): Promise<EvaluationResult>;
  assess(request: AssessmentRequest): Promise<AssessmentResult>;
}
