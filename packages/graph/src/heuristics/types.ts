import type { Rubric } from "../types.js";

export type RubricDimension = keyof Rubric;

/** Why an answer left nothing to judge. */
export type EvidenceIssue =
  | "empty"
  | "gibberish"
  | "dont_know"
  | "copies_question"
  | "repeats_answer"
  | "other_language"
  | "instructions_only";

export interface ScoringInput {
  questionId: string;
  /** The question as asked. */
  question: string;
  /** What the question is about, e.g. "the Kafka event pipeline at Parcelly", "laminated doughs". */
  topic: string;
  answer: string;
  /** The interview's language as a BCP 47 tag ("en", "de", "pt-BR") or an English name ("German"). */
  language: string;
  /** `terms`: technologies and key terms of the job. */
  job: { title: string; description?: string | undefined; terms: string[] };
  /** Technologies and skills in the candidate's CV (may be empty). */
  cvTerms: string[];
  /** The candidate's earlier answers in this interview, oldest first. */
  earlierAnswers?: readonly string[];
}

/** The instant evaluation of one answer; structurally an `InstantEvaluation` of the engines. */
export interface HeuristicEvaluation {
  questionId: string;
  /** 0–10, one decimal: the weighted rubric. */
  score: number;
  rubric: Rubric;
  /** Two or three sentences about this answer. */
  feedback: string;
  /** Nothing in the answer could be judged; see `evidenceIssue`. */
  insufficientEvidence: boolean;
  /** Why there was nothing to judge. */
  evidenceIssue?: EvidenceIssue;
  /** About another domain than the question and the role. */
  offTopic: boolean;
  /** Text trying to instruct the grader was found, removed and ignored. */
  injection: boolean;
  /** Thin but genuine: worth one follow-up. */
  followUpDue: boolean;
  wantsClarification: boolean;
  dontKnow: boolean;
  /** Rubric dimensions below par, weakest first. */
  missing: RubricDimension[];
  /** Words of the answer once instructions to the grader are removed. */
  words: number;
}
