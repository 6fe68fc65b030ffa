/** Human words for the API's codes. */
import type { QuestionStyle, QuestionType, Recommendation } from "./types";

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

const PHASES: Record<string, string> = {
  intro: "Introduction",
  projects: "Projects",
  standout_skills: "Standout skills",
  role_skills: "Role skills",
  closing: "Closing",
};

export const phaseLabel = (phase: string | undefined) =>
  phase ? (PHASES[phase] ?? phase.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase())) : "";

export const RECOMMENDATIONS: Record<Recommendation, { label: string; tone: "good" | "ok" | "weak" }> = {
  strong_hire: { label: "Strong hire", tone: "good" },
  hire: { label: "Hire", tone: "good" },
  lean_hire: { label: "Lean hire", tone: "ok" },
  lean_no_hire: { label: "Lean no hire", tone: "weak" },
  no_hire: { label: "No hire", tone: "weak" },
};

/** Scores are 0–10 with at most one decimal. */
export const formatScore = (score: number) => (Math.round(score * 10) / 10).toFixed(1).replace(/\.0$/, "");

export const scoreTone = (score: number): "good" | "ok" | "weak" => (score >= 7 ? "good" : score >= 4.5 ? "ok" : "weak");
