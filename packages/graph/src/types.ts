export const QUESTION_TYPES = ["technical", "behavioral", "mixed", "system_design"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_STYLES = ["adaptive", "broad", "narrow_up", "follow_up"] as const;
export type QuestionStyle = (typeof QUESTION_STYLES)[number];

export const PHASES = ["intro", "projects", "standout_skills", "role_skills", "closing"] as const;
export type Phase = (typeof PHASES)[number];

export type ContextSource = "cv" | "web" | "none";
export type Channel = "text" | "voice";
export type EngineName = "offline" | "gemini";

/** What the engine decided to do after an answer. */
export type NextAction = "ask_followup" | "new_question" | "clarify" | "conclude";

export interface CvChunk {
  id: number;
  text: string;
  vector: number[];
}

/** Facts extracted from a CV; used to template questions and judge relevance. */
export interface CvProfile {
  skills: string[];
  technologies: string[];
  projects: string[];
  employers: string[];
}

export interface Question {
  id: string;
  text: string;
  phase: Phase;
  difficulty: number;
  kind: "main" | "follow_up" | "clarification";
  /** The main question number this belongs to (1-based). */
  step: number;
  topic: string;
  contextSource: ContextSource;
}

export interface Answer {
  questionId: string;
  text: string;
  channel: Channel;
}

export interface Rubric {
  relevance: number;
  depth: number;
  clarity: number;
  evidence: number;
}

export interface Evaluation {
  questionId: string;
  score: number;
  rubric: Rubric;
  feedback: string;
  followUpDue: boolean;
}

export interface QuestionSummary {
  questionId: string;
  question: string;
  score: number;
  feedback: string;
}

export type Recommendation = "strong_hire" | "hire" | "lean_hire" | "lean_no_hire" | "no_hire";

export interface FinalEvaluation {
  overallScore: number;
  recommendation: Recommendation;
  strengths: string[];
  improvements: string[];
  perQuestion: QuestionSummary[];
  summary: string;
}

export interface TranscriptMessage {
  role: "interviewer" | "candidate";
  text: string;
  questionId?: string;
}

export interface RetrievalDecision {
  topic: string;
  needsRetrieval: boolean;
  similarityScore: number | null;
  contextSource: ContextSource;
  retrievedContext: string[];
}
