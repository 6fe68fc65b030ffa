import { Annotation } from "@langchain/langgraph";
import type {
  Answer, ContextSource, EngineName, Evaluation, FinalEvaluation, NextAction, PersonaStrength, Phase, Question,
  QuestionStyle, QuestionType, Role, Seniority, TranscriptMessage,
} from "./types.js";
import type { HeuristicEvaluation } from "./heuristics/index.js";
import type { QuestionFocus } from "./engines/offline/compose/index.js";
import { emptyCvModel, type CvModel } from "./cv/model/index.js";
import type { InterviewerCoaching } from "./coaching/types.js";

export type InterviewStatus = "starting" | "question" | "awaiting_question" | "concluding" | "completed";

/** Adds new items and replaces existing ones with the same key, keeping order. */
export function upsertBy<T>(key: keyof T) {
  return (current: T[], update: T[] | T): T[] => {
    const incoming = Array.isArray(update) ? update : [update];
    const result = [...current];
    for (const item of incoming) {
      const at = result.findIndex((existing) => existing[key] === item[key]);
      if (at >= 0) result[at] = item;
      else result.push(item);
    }
    return result;
  };
}

export function append<T>(current: T[], update: T[] | T): T[] {
  return current.concat(update);
}

const value = <T>(initial: () => T) => Annotation<T>({ reducer: (_, next) => next, default: initial });

/** The AI candidate's persona when the human is the interviewer. */
export interface Persona {
  strength: PersonaStrength;
  seniority: Seniority;
  /** The CV was generated for the job rather than uploaded. */
  generatedCv: boolean;
}

/**
 * The interview's state, defined once. The CV's passages and vectors are not here: they live in
 * the CV store under `cvId` and are erased with the interview.
 */
export const InterviewStateAnnotation = Annotation.Root({
  // What the interview is for (set once by the caller).
  role: value<Role>(() => "candidate"),
  jobTitle: value<string>(() => ""),
  questionType: value<QuestionType>(() => "mixed"),
  questionStyle: value<QuestionStyle>(() => "adaptive"),
  company: value<string | undefined>(() => undefined),
  jobDescription: value<string | undefined>(() => undefined),
  jobId: value<string | undefined>(() => undefined),
  language: value<string>(() => "en"),
  maxSteps: value<number>(() => 5),
  /** The candidate's name: the human's, or in role reversal the AI persona's. */
  candidateName: value<string | undefined>(() => undefined),
  /** Role reversal: the human interviewer's name. */
  interviewerName: value<string | undefined>(() => undefined),
  /** Makes the offline engine deterministic per thread. */
  seed: value<string>(() => ""),
  engine: value<EngineName>(() => "offline"),
  cvId: value<string | null>(() => null),
  /** The typed CV model (experience, projects, skills by kind), without its contact lines. */
  cvProfile: value<CvModel>(emptyCvModel),
  persona: value<Persona | null>(() => null),
  /**
   * Whether the candidate is told their scores and the report. A hiring team screening for a job
   * may keep them to itself; the closing words then say the team will be in touch.
   */
  resultsShared: value<boolean>(() => true),

  // Derived by setup.
  jobTerms: value<string[]>(() => []),
  plan: value<Phase[]>(() => []),

  // Progress.
  phase: value<Phase>(() => "intro"),
  difficulty: value<number>(() => 2),
  step: value<number>(() => 0),
  status: value<InterviewStatus>(() => "starting"),
  /** After an answer: what the triage proposes, then what was decided. */
  nextAction: value<NextAction | null>(() => null),
  /** The instant evaluation of the last answer, waiting for the model's full evaluation. */
  pendingEvaluation: value<HeuristicEvaluation | null>(() => null),
  /** Ended before all its questions were asked. */
  endedEarly: value<boolean>(() => false),

  // Retrieval decision for the next question: what it is about, and its grounding.
  focus: value<QuestionFocus | null>(() => null),
  topic: value<string>(() => ""),
  needsRetrieval: value<boolean>(() => false),
  similarityScore: value<number | null>(() => null),
  retrievedContext: value<string[]>(() => []),
  contextSource: value<ContextSource>(() => "none"),

  // Record.
  questions: Annotation<Question[]>({ reducer: upsertBy<Question>("id"), default: () => [] }),
  answers: Annotation<Answer[]>({ reducer: upsertBy<Answer>("questionId"), default: () => [] }),
  evaluations: Annotation<Evaluation[]>({ reducer: upsertBy<Evaluation>("questionId"), default: () => [] }),
  messages: Annotation<TranscriptMessage[]>({ reducer: append, default: () => [] }),
  finalEvaluation: value<FinalEvaluation | null>(() => null),
  /** Role reversal: how the human interviewed. */
  coaching: value<InterviewerCoaching | null>(() => null),
});

export type InterviewState = typeof InterviewStateAnnotation.State;
export type InterviewUpdate = typeof InterviewStateAnnotation.Update;

/** What a caller provides to start an interview. */
export type InterviewInput = Pick<
  InterviewState,
  "role" | "jobTitle" | "questionType" | "questionStyle" | "maxSteps" | "language" | "seed" | "engine" | "cvId" | "cvProfile" | "persona"
> &
  Partial<Pick<InterviewState, "company" | "jobDescription" | "candidateName" | "interviewerName" | "jobId" | "resultsShared">>;

export const currentQuestion = (state: Pick<InterviewState, "questions">): Question | undefined =>
  state.questions[state.questions.length - 1];
