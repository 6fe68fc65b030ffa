import type { CvModel } from "../cv/model/index.js";
import type { QuestionFocus } from "./offline/compose/index.js";
import type {
  ContextSource, EngineName, Evaluation, FinalEvaluation, NextAction, PersonaStrength, Phase, Question, QuestionStyle,
  Rubric, Seniority,
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

export type TokenSink = (token: string) => void;

/** How a call is made: where its streamed text goes, and when the caller gives up. */
export interface CallContext {
  onToken?: TokenSink | undefined;
  signal?: AbortSignal | undefined;
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
  /**
   * What a main question is about: a CV fact, a skill, the role (chosen by decideRetrieval). For a
   * follow-up or clarification, its main question's focus when known.
   */
  focus: QuestionFocus | null;
  cvProfile: CvModel;
  context: string[];
  contextSource: ContextSource;
  /** The question being followed up or clarified, and the candidate's answer to it. */
  previous?: { question: string; answer: string; missing: string[] } | undefined;
  askedQuestions: string[];
  /** What the main questions so far asked for, so each asks something different. */
  usedIntents: string[];
  seed: string;
}

/** A question as written, and what it asks for when the writer says (the offline composer does). */
export interface WrittenQuestion {
  text: string;
  intent?: string | undefined;
}

/**
 * What the model decides after an answer, in the same call that writes the next question: the
 * answered question, what it may do, what the instant triage proposes, and the next main question
 * it would ask if it moves on.
 */
export interface DecisionRequest extends JobContext {
  questionStyle: QuestionStyle;
  maxSteps: number;
  cvProfile: CvModel;
  transcript: { question: string; answer: string }[];
  answered: { question: Question; answer: string; missing: string[] };
  allowed: NextAction[];
  proposed: NextAction;
  next: Pick<QuestionRequest, "questionType" | "phase" | "step" | "difficulty" | "topic" | "context" | "contextSource">;
  askedQuestions: string[];
}

/** The model's decision, its one-line reason, and the question it wrote (none when it concludes). */
export interface DecidedTurn {
  action: NextAction;
  reason: string;
  question: string;
  /** "heuristic" when the model's decision could not be used and the triage's stood. */
  by: "model" | "heuristic";
}

/** The instant heuristic evaluation of an answer, which already routed the interview. */
export interface InstantEvaluation {
  questionId: string;
  score: number;
  rubric: Rubric;
  feedback: string;
  followUpDue: boolean;
  insufficientEvidence?: boolean | undefined;
  words?: number | undefined;
}

export interface EvaluationRequest extends JobContext {
  question: Question;
  answer: string;
  cvProfile: CvModel;
  quick: InstantEvaluation;
}

export interface EvaluationResult {
  score: number;
  rubric: Rubric;
  feedback: string;
  insufficientEvidence?: boolean;
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

/** Role reversal: the AI candidate answers the human interviewer's question from its CV. */
export interface CandidateAnswerRequest extends JobContext {
  question: string;
  /** Passages of the persona's CV retrieved for the question, best first. */
  passages: string[];
  similarity: number;
  /** Passages covering the whole CV, for "tell me about yourself" questions. */
  background: string[];
  /** Below this similarity the passages do not cover the question. */
  similarityThreshold: number;
  persona: PersonaStrength;
  seniority: Seniority;
  transcript: { question: string; answer: string }[];
  seed: string;
  turn: number;
}

/** The interviewer's brain: the offline engine or an LLM. */
export interface InterviewModel {
  readonly name: EngineName;
  /** True when the model itself decides what follows an answer (decideAndAsk). */
  readonly decides: boolean;
  generateQuestion(request: QuestionRequest, context?: CallContext): Promise<WrittenQuestion>;
  /** One call on the critical path: the decision, its reason, and the next question, streamed. */
  decideAndAsk?(request: DecisionRequest, context?: CallContext): Promise<DecidedTurn>;
  evaluateAnswer(request: EvaluationRequest, context?: CallContext): Promise<EvaluationResult>;
  assess(request: AssessmentRequest, context?: CallContext): Promise<AssessmentResult>;
  answerAsCandidate?(request: CandidateAnswerRequest, context?: CallContext): Promise<string>;
}
