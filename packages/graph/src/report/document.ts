/**
 * The report document: everything a report shows, already resolved to what a reader sees, so the
 * Markdown and PDF renderers never read the graph state and always agree.
 */

/** Who the human was: the candidate being assessed, or an interviewer practising on an AI candidate. */
export type ReportRole = "candidate" | "interviewer";

export interface ReportDocument {
  interviewId: string;
  role: ReportRole;
  /** "Backend Engineer at Acme". */
  title: string;
  /** Whoever answered the questions; may be in any script ("Σοφία Παπαδοπούλου", "יעל כהן"). */
  candidateName?: string;
  /** The human who asked the questions, for role "interviewer". */
  interviewerName?: string;
  /** ISO date-time the report was produced. */
  createdAt: string;
  /** offline | gemini | openai. */
  engine: string;
  status: "in_progress" | "completed";
  /** Ended before all planned questions were asked. */
  endedEarly: boolean;
  /** Main questions planned; follow-ups and clarifications come on top. */
  plannedQuestions: number;
  questionType: string;
  questionStyle: string;
  /** Missing while the interview runs, or when nothing was answered to judge. */
  overall?: ReportOverall;
  /** In the order asked. */
  questions: ReportQuestion[];
  /** Present for role "interviewer". */
  interviewer?: InterviewerCoaching;
}

export interface ReportOverall {
  score: number;
  /** strong_hire | hire | lean_hire | lean_no_hire | no_hire. */
  recommendation: string;
  /** What readers see for the recommendation: "Strong hire" (see recommendationLabel). */
  recommendationLabel: string;
  summary: string;
  strengths: string[];
  improvements: string[];
}

export interface ReportRubric {
  relevance: number;
  depth: number;
  clarity: number;
  evidence: number;
}

export interface ReportQuestion {
  /** Position in the interview, 1-based, counting follow-ups and clarifications. */
  number: number;
  kind: "main" | "follow_up" | "clarification";
  /** "Question 2", "Follow-up", "Clarification". */
  label: string;
  text: string;
  /** intro | projects | standout_skills | role_skills | closing. */
  phase: string;
  answer?: string;
  channel?: "text" | "audio" | "voice";
  score?: number;
  rubric?: ReportRubric;
  feedback?: string;
  /** The answer gave nothing to judge. */
  insufficientEvidence?: boolean;
  /** "heuristic": the instant score (the offline engine, or a model engine whose evaluation failed). */
  evaluatedBy?: "model" | "heuristic";
  /** What the interviewer decided after this answer, and why. */
  decision?: { action: DecisionAction; reason: string };
  /** The CV fact or web source the question was built on. */
  grounding?: { source: "cv" | "web" | "none"; fact?: string; url?: string };
}

export type DecisionAction = "ask_followup" | "new_question" | "clarify" | "conclude";

export type QuestionForm = "open" | "closed" | "leading";

export interface CoachedQuestion {
  number: number;
  text: string;
  form: QuestionForm;
  /** Several questions asked in one. */
  multiple: boolean;
  /** Builds on the candidate's previous answer. */
  followsUp: boolean;
  competency?: string;
  flags: string[];
}

export interface InterviewerCoaching {
  perQuestion: CoachedQuestion[];
  coverage: { competency: string; covered: boolean }[];
  /** interviewerShare is 0–1. */
  talkTime: { interviewerWords: number; candidateWords: number; interviewerShare: number };
  /** Share of questions that followed up on an answer, 0–1. */
  followUpRate: number;
  /** Illegal or biased questions (age, family, religion…). */
  flaggedQuestions: { number: number; text: string; category: string; why: string }[];
  advice: string[];
  /** The AI candidate's own assessment of the interview, against the persona it was given. */
  candidateAssessment?: { persona: string; summary: string; score?: number };
}
