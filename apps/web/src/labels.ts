/** Human words for the API's codes. Recommendation labels come from the API; these are the page's own. */
import type { Decision, Persona, QuestionStyle, QuestionType, Recommendation, Role, Seniority, Status } from "./contract";

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  technical: "Technical",
  behavioral: "Behavioural",
  mixed: "Mixed",
  system_design: "System design",
};

export const QUESTION_STYLE_LABELS: Record<QuestionStyle, { label: string; hint: string }> = {
  adaptive: { label: "Adaptive", hint: "The interviewer decides: it probes deeper when an answer is thin and moves on when it is solid." },
  broad: { label: "Broad", hint: "Open questions across many topics." },
  narrow_up: { label: "Narrowing", hint: "Each question narrower and deeper than the last." },
  follow_up: { label: "Follow-up", hint: "Each question builds on your previous answer." },
};

export const PERSONA_LABELS: Record<Persona, { label: string; hint: string }> = {
  strong: { label: "Strong", hint: "Concrete, well-structured answers with results." },
  average: { label: "Average", hint: "Reasonable answers that need probing for detail." },
  weak: { label: "Weak", hint: "Thin answers with little evidence." },
  evasive: { label: "Evasive", hint: "Fluent, but deflects into generalities." },
};

export const SENIORITY_LABELS: Record<Seniority, string> = { junior: "Junior", mid: "Mid-level", senior: "Senior", lead: "Lead" };

// "Practice" would mislabel a candidate invited by the team; the list holds both.
export const ROLE_LABELS: Record<Role, string> = { candidate: "Candidate interview", interviewer: "Role reversal" };

export const STATUS_LABELS: Record<Status, string> = { question: "In progress", awaiting_question: "In progress", completed: "Completed" };

export const DECISION_LABELS: Record<Decision["action"], string> = {
  ask_followup: "Followed up",
  new_question: "Moved on",
  clarify: "Clarified",
  conclude: "Concluded",
};

const PHASES: Record<string, string> = {
  intro: "Introduction",
  projects: "Projects",
  standout_skills: "Standout skills",
  role_skills: "Role skills",
  closing: "Closing",
};

export const phaseLabel = (phase: string | undefined) =>
  phase ? (PHASES[phase] ?? phase.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase())) : "";

export type Tone = "good" | "ok" | "weak";

/** The colour of a recommendation (its words are the API's `recommendation_label`). */
export const RECOMMENDATION_TONES: Record<Recommendation, Tone> = {
  strong_hire: "good",
  hire: "good",
  lean_hire: "ok",
  lean_no_hire: "weak",
  no_hire: "weak",
};

/** Scores are 0–10 with at most one decimal. */
export const formatScore = (score: number) => (Math.round(score * 10) / 10).toFixed(1).replace(/\.0$/, "");

export const scoreTone = (score: number): Tone => (score >= 7 ? "good" : score >= 4.5 ? "ok" : "weak");

export const formatPercent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** A date and time in the reader's locale, short. */
export const formatDateTime = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
};
