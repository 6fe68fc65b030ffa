import { isDeepStrictEqual } from "node:util";
import { Annotation } from "@langchain/langgraph";
import type {
  Answer, ContextSource, CvChunk, CvProfile, EngineName, Evaluation, FinalEvaluation, NextAction, Phase, Question,
  QuestionStyle, QuestionType, TranscriptMessage,
} from "./types.js";
import type { HeuristicEvaluation } from "./engines/offline/evaluate.js";
import { emptyProfile } from "./cv/profile.js";

export type InterviewStatus = "starting" | "question" | "concluding" | "completed";

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

export const InterviewStateAnnotation = Annotation.Root({
  // What the interview is for (set once by the caller).
  jobTitle: value<string>(() => ""),
  questionType: value<QuestionType>(() => "mixed"),
  questionStyle: value<QuestionStyle>(() => "adaptive"),
  company: value<string | undefined>(() => undefined),
  jobDescription: value<string | undefined>(() => undefined),
  language: value<string>(() => "en"),
  maxSteps: value<number>(() => 5),
  candidateName: value<string | undefined>(() => undefined),
  /** Makes the offline engine deterministic per thread. */
  seed: value<string>(() => ""),
  engine: value<EngineName>(() => "offline"),
  cv: value<CvChunk[]>(() => []),
  cvProfile: value<CvProfile>(emptyProfile),

  // Derived by setup.
  jobTerms: value<string[]>(() => []),
  plan: value<Phase[]>(() => []),

  // Progress.
  phase: value<Phase>(() => "intro"),
  difficulty: value<number>(() => 2),
  step: value<number>(() => 0),
  status: value<InterviewStatus>(() => "starting"),
  nextAction: value<NextAction | null>(() => null),
  /** The instant evaluation of the last answer, waiting for the model's full evaluation. */
  pendingEvaluation: value<HeuristicEvaluation | null>(() => null),

  // Retrieval decision for the next question.
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
});

export type InterviewState = typeof InterviewStateAnnotation.State;
export type InterviewUpdate = typeof InterviewStateAnnotation.Update;

/** What a caller provides to start an interview. */
export type InterviewInput = Pick<
  InterviewState,
  "jobTitle" | "questionType" | "questionStyle" | "maxSteps" | "language" | "seed" | "engine" | "cv" | "cvProfile"
> &
  Partial<Pick<InterviewState, "company" | "jobDescription" | "candidateName">>;

export const currentQuestion = (state: Pick<InterviewState, "questions">): Question | undefined =>
  state.questions[state.questions.length - 1];

/** The record channels: their reducers add items, so an update with none changes nothing. */
const RECORD_CHANNELS = new Set<string>(["questions", "answers", "evaluations", "messages"]);

/**
 * A node's update without the channels it would leave as they are. LangGraph gives every channel
 * a node writes a new version, stored again at the next checkpoint, even when its value is the
 * same (bench/RESULTS.md: stored channel values per turn). Nodes that run in one superstep
 * (generateQuestion ∥ evaluateAnswer) write different channels, so a value left out can never let
 * another node's write to the same channel win instead.
 */
export function withoutNoOps(state: InterviewState, update: InterviewUpdate): InterviewUpdate {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(update)) {
    const noOp = RECORD_CHANNELS.has(key)
      ? Array.isArray(value) && value.length === 0
      : isDeepStrictEqual(value, state[key as keyof InterviewState]);
    if (!noOp) changed[key] = value;
  }
  return changed as InterviewUpdate;
}
