import type { InterviewState, InterviewUpdate } from "../state.js";
import { extractJobTerms, planPhases, startingDifficulty } from "../plan.js";

/** Plans the interview and greets the candidate. */
export function setup(state: InterviewState): InterviewUpdate {
  const plan = planPhases(state.maxSteps);
  const name = state.candidateName ? `, ${state.candidateName}` : "";
  const company = state.company ? ` at ${state.company}` : "";
  // A hiring team that keeps the results is the one to tell the candidate how it went.
  const after = state.resultsShared
    ? "after each answer you'll get feedback, and at the end a full report"
    : "your answers go to the hiring team, who will be in touch about the next steps";
  const greeting =
    `Hello${name}! I'll be interviewing you for the ${state.jobTitle} role${company}. ` +
    `We'll go through ${state.maxSteps} question${state.maxSteps === 1 ? "" : "s"}; ${after}. Let's begin.`;
  return {
    plan,
    jobTerms: extractJobTerms(state.jobTitle, state.jobDescription),
    phase: plan[0]!,
    step: 1,
    difficulty: startingDifficulty(state.questionStyle),
    status: "question",
    messages: [{ role: "interviewer", text: greeting }],
  };
}
