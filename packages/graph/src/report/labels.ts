/** The words reports use for the engine's codes; both renderers take them from here. */
import type { DecisionAction, QuestionForm, ReportDocument, ReportQuestion } from "./document.js";

const RECOMMENDATIONS: Record<string, string> = {
  strong_hire: "Strong hire",
  hire: "Hire",
  lean_hire: "Lean hire",
  lean_no_hire: "Lean no hire",
  no_hire: "No hire",
};

/** "lean_no_hire" → "Lean no hire"; an unknown code reads as words rather than disappearing. */
export function recommendationLabel(code: string): string {
  return RECOMMENDATIONS[code] ?? humanize(code);
}

const PHASES: Record<string, string> = {
  intro: "Introduction",
  projects: "Projects",
  standout_skills: "Standout skills",
  role_skills: "Role skills",
  closing: "Closing",
};

export const phaseLabel = (phase: string): string => PHASES[phase] ?? humanize(phase);

const QUESTION_TYPES: Record<string, string> = {
  technical: "Technical",
  behavioral: "Behavioural",
  mixed: "Mixed",
  system_design: "System design",
};

export const questionTypeLabel = (type: string): string => QUESTION_TYPES[type] ?? humanize(type);

const QUESTION_STYLES: Record<string, string> = {
  adaptive: "Adaptive",
  broad: "Broad",
  narrow_up: "Narrowing",
  follow_up: "Follow-up",
};

export const questionStyleLabel = (style: string): string => QUESTION_STYLES[style] ?? humanize(style);

const DECISIONS: Record<DecisionAction, string> = {
  ask_followup: "Asked a follow-up",
  new_question: "Moved to a new question",
  clarify: "Clarified the question",
  conclude: "Ended the interview",
};

export const decisionLabel = (action: DecisionAction): string => DECISIONS[action] ?? humanize(action);

const FORMS: Record<QuestionForm, string> = { open: "Open", closed: "Closed", leading: "Leading" };

export const formLabel = (form: QuestionForm): string => FORMS[form] ?? humanize(form);

/** Scores are 0–10 with at most one decimal: 7 → "7", 7.25 → "7.3". */
export function formatScore(score: number): string {
  return (Math.round(score * 10) / 10).toFixed(1).replace(/\.0$/, "");
}

/** 0.375 → "38%". */
export const formatShare = (share: number): string => `${Math.round(share * 100)}%`;

export const answered = (q: ReportQuestion): boolean => q.answer !== undefined;

/** "1 question", "3 questions". */
export const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** "Completed", "Ended early after 2 answers (5 questions planned)", "In progress"; as the web page says it. */
export function statusLabel(doc: ReportDocument): string {
  if (doc.status === "in_progress") return "In progress";
  if (!doc.endedEarly) return "Completed";
  const n = doc.questions.filter(answered).length;
  return `Ended early after ${counted(n, "answer")} (${counted(doc.plannedQuestions, "question")} planned)`;
}

const FALLBACK_SCORE = "Scored by the instant heuristic: the model's evaluation failed, so the instant score stands.";

/**
 * How the answers were scored, said once when it is the same for every answer (the offline
 * interviewer always scores this way; a model engine only when its evaluations failed).
 */
export function scoringNote(doc: ReportDocument): string | undefined {
  const scored = doc.questions.filter((q) => q.evaluatedBy);
  if (!scored.length || !scored.every((q) => q.evaluatedBy === "heuristic")) return undefined;
  return doc.engine === "offline"
    ? "Every answer was scored by the instant heuristic (this server runs the offline engine)."
    : "Every answer was scored by the instant heuristic: the model's evaluations were not available.";
}

/** A question's flag when its score is the instant one while others had the model's. */
export function fallbackScoreFlag(doc: ReportDocument, q: ReportQuestion): string | undefined {
  return q.evaluatedBy === "heuristic" && !scoringNote(doc) ? FALLBACK_SCORE : undefined;
}

/** Why there is no overall score, in the reader's words. */
export function notScoredReason(doc: ReportDocument): string {
  if (!doc.questions.some(answered)) return "No questions were answered";
  if (doc.status === "in_progress") return "The interview is still in progress";
  return "No overall evaluation was produced";
}

/** Only web addresses become links; anything else (javascript:, file:) stays plain text. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Whole-date rendering independent of the server's time zone and locale. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(date);
  const time = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone: "UTC" }).format(date);
  return `${day}, ${time} UTC`;
}

function humanize(code: string): string {
  const words = code.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
