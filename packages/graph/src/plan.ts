import type { Phase, QuestionStyle, QuestionType } from "./types.js";
import type { ConcreteQuestionType } from "./engines/model.js";
import { findTechnologies } from "./text/lexicon.js";
import { keyTerms } from "./text/words.js";

/** Spreads the phases over the main questions: intro first, closing last, the middle shared. */
export function planPhases(maxSteps: number): Phase[] {
  if (maxSteps <= 1) return ["role_skills"];
  if (maxSteps === 2) return ["intro", "role_skills"];
  if (maxSteps === 3) return ["intro", "role_skills", "closing"];
  const middle: Phase[] = ["projects", "standout_skills", "role_skills"];
  const slots = maxSteps - 2;
  const plan: Phase[] = ["intro"];
  for (let i = 0; i < middle.length; i++) {
    // Spare slots go to role skills first, then projects.
    const rest = slots % 3;
    const share = Math.floor(slots / 3) + (i === 2 && rest >= 1 ? 1 : 0) + (i === 0 && rest === 2 ? 1 : 0);
    for (let j = 0; j < share; j++) plan.push(middle[i]!);
  }
  plan.push("closing");
  return plan;
}

/** A mixed interview alternates technical and behavioural questions, starting behavioural. */
export function questionTypeFor(type: QuestionType, step: number): ConcreteQuestionType {
  if (type !== "mixed") return type;
  return step % 2 === 1 ? "behavioral" : "technical";
}

/** Skills a role of this kind usually needs, for when neither CV nor job description names any. */
const ROLE_SKILLS: [RegExp, string[]][] = [
  [/front|ui|web/i, ["component architecture", "web performance", "accessibility", "state management"]],
  [/back|api|server|platform/i, ["API design", "database design", "caching", "scalability"]],
  [/data|analytic|bi\b/i, ["data modelling", "data quality", "SQL", "pipelines"]],
  [/machine|ml|ai\b|scien/i, ["model evaluation", "feature engineering", "experimentation", "deployment of models"]],
  [/devops|sre|reliab|infra|cloud/i, ["incident response", "observability", "infrastructure as code", "capacity planning"]],
  [/mobile|ios|android/i, ["mobile performance", "offline support", "release management", "app architecture"]],
  [/secur/i, ["threat modelling", "incident response", "access control", "secure code review"]],
  [/product|program|project/i, ["prioritisation", "stakeholder management", "roadmapping", "measuring outcomes"]],
  [/design|ux/i, ["user research", "design systems", "prototyping", "usability testing"]],
  [/manag|lead|head|director/i, ["team leadership", "hiring", "delivery planning", "coaching"]],
  [/engineer|developer|programmer/i, ["code quality", "debugging", "system design", "testing"]],
];
const GENERAL_SKILLS = ["problem solving", "communication", "ownership", "learning quickly"];

export function roleSkills(jobTitle: string): string[] {
  return ROLE_SKILLS.find(([re]) => re.test(jobTitle))?.[1] ?? GENERAL_SKILLS;
}

/** Technologies and key words of the job title and description, most telling first. */
export function extractJobTerms(jobTitle: string, jobDescription?: string): string[] {
  const text = `${jobTitle}\n${jobDescription ?? ""}`;
  const techs = findTechnologies(text);
  const words = jobDescription ? keyTerms(jobDescription, 10) : [];
  const seen = new Set(techs.map((t) => t.toLowerCase()));
  const terms = [...techs, ...words.filter((w) => !seen.has(w))];
  return (terms.length ? terms : roleSkills(jobTitle)).slice(0, 15);
}

const initialDifficulty: Record<QuestionStyle, number> = { adaptive: 2, broad: 2, narrow_up: 1, follow_up: 2 };
export const startingDifficulty = (style: QuestionStyle) => initialDifficulty[style];

/** Difficulty of the next main question: narrow_up climbs steadily, broad stays, others follow the score. */
export function nextDifficulty(style: QuestionStyle, current: number, lastScore: number): number {
  const clamp = (d: number) => Math.max(1, Math.min(5, d));
  if (style === "broad") return current;
  if (style === "narrow_up") return clamp(current + 1);
  if (lastScore >= 7.5) return clamp(current + 1);
  if (lastScore < 4.5) return clamp(current - 1);
  return current;
}
