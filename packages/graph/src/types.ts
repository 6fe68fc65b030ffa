export const QUESTION_TYPES = ["technical", "behavioral", "mixed", "system_design"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_STYLES = ["adaptive", "broad", "narrow_up", "follow_up"] as const;
export type QuestionStyle = (typeof QUESTION_STYLES)[number];

export const PHASES = ["intro", "projects", "standout_skills", "role_skills", "closing"] as const;
export type Phase = (typeof PHASES)[number];

/** Who the human is: the candidate (the AI interviews), or the interviewer (the AI is the candidate). */
export const ROLES = ["candidate", "interviewer"] as const;
export type Role = (typeof ROLES)[number];

/** How the AI candidate performs when a human interviews it. */
export const PERSONAS = ["strong", "average", "weak", "evasive"] as const;
export type PersonaStrength = (typeof PERSONAS)[number];
export const SENIORITIES = ["junior", "mid", "senior", "lead"] as const;
export type Seniority = (typeof SENIORITIES)[number];

export type ContextSource = "cv" | "web" | "none";
/** How an answer arrived: typed, a recorded clip (HTTP/WebSocket), or live voice (LiveKit). */
export type Channel = "text" | "audio" | "voice";
export type EngineName = "offline" | "gemini" | "openai";

/** What the interviewer decided to do after an answer. */
export const NEXT_ACTIONS = ["ask_followup", "new_question", "clarify", "conclude"] as const;
export type NextAction = (typeof NEXT_ACTIONS)[number];

/** A decision after an answer, why, and who took it (the model, or the heuristic triage). */
export interface Decision {
  action: NextAction;
  reason: string;
  by: "model" | "heuristic";
}

export interface Question {
  id: string;
  text: string;
  phase: Phase;
  difficulty: number;
  kind: "main" | "follow_up" | "clarification";
  /** The main question number this belongs to (1-based). */
  step: number;
  /** What the question is about (a CV fact, a skill, the role). */
  topic: string;
  contextSource: ContextSource;
  /** The CV passage or web result the question was grounded in. */
  grounding?: string[];
  /** The focus it was about (never the subject of two main questions) and what it asked for. */
  focusKey?: string;
  intent?: string;
  /** What was decided after this question's answer, and why. */
  decision?: Decision;
  /** Role reversal: how the human interviewer asked it (the AI candidate answers on the same channel). */
  channel?: Channel;
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
  /** The answer gave nothing to judge (empty, "I don't know", another language…). */
  insufficientEvidence: boolean;
  /** "heuristic" when the model's evaluation failed and the instant one stands (retried before the report). */
  evaluatedBy: "model" | "heuristic";
  /** The model's evaluation failed and is to be tried again. */
  modelRetryDue?: boolean;
}

export interface QuestionSummary {
  questionId: string;
  question: string;
  score: number;
  feedback: string;
}

export const RECOMMENDATIONS = ["strong_hire", "hire", "lean_hire", "lean_no_hire", "no_hire"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface FinalEvaluation {
  /** Null when no answer was scored: an interview ended before any answer says nothing of the candidate. */
  overallScore: number | null;
  recommendation: Recommendation | null;
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
