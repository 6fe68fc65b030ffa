import type { InterviewSettings } from "./settings.js";
import type { InterviewState } from "./state.js";
import type { NextAction, Phase, Question } from "./types.js";
import type { HeuristicEvaluation } from "./heuristics/index.js";
import { nextDifficulty } from "./plan.js";

/** The actions open after an answer to `question`: a follow-up while the budget lasts, a new question until the last one. */
export function allowedActions(state: Pick<InterviewState, "questions" | "maxSteps">, question: Question, settings: Pick<InterviewSettings, "maxFollowUpsPerQuestion">): NextAction[] {
  const followUps = state.questions.filter((q) => q.step === question.step && q.kind === "follow_up").length;
  const actions: NextAction[] = [];
  if (followUps < settings.maxFollowUpsPerQuestion) actions.push("ask_followup");
  if (question.kind !== "clarification") actions.push("clarify");
  actions.push(question.step >= state.maxSteps ? "conclude" : "new_question");
  return actions;
}

/**
 * The instant decision on what follows an answer, without a model call: a follow-up when the
 * answer was thin but genuine, a clarification when the candidate asked for one, else the next
 * question or the end. The offline engine's decision; an LLM engine's fallback.
 */
export function proposeNextAction(allowed: NextAction[], quick: HeuristicEvaluation): NextAction {
  if (quick.wantsClarification && allowed.includes("clarify")) return "clarify";
  if (quick.followUpDue && allowed.includes("ask_followup")) return "ask_followup";
  return allowed.includes("conclude") ? "conclude" : "new_question";
}

const NOTHING_TO_JUDGE_REASON: Record<NonNullable<HeuristicEvaluation["evidenceIssue"]>, string> = {
  empty: "The answer left nothing to judge; moving on.",
  gibberish: "The answer could not be read as an answer; moving on.",
  instructions_only: "The answer only addressed the grader; moving on.",
  dont_know: "The candidate did not know; moving on rather than pressing.",
  copies_question: "The answer only repeated the question; moving on.",
  repeats_answer: "The answer repeated an earlier one; moving on.",
  other_language: "The answer was in another language than the interview's; moving on.",
};

/** Why the triage decided what it did, in a line for the report. */
export function heuristicReason(
  action: NextAction,
  quick: Pick<HeuristicEvaluation, "missing" | "followUpDue"> & Partial<Pick<HeuristicEvaluation, "evidenceIssue" | "offTopic">> | null,
): string {
  switch (action) {
    case "clarify":
      return "The candidate asked for the question to be put differently.";
    case "ask_followup":
      return `The answer was thin (${quick?.missing.slice(0, 2).join(" and ") || "little detail"}); one follow-up to let the candidate add it.`;
    case "conclude":
      return "The last planned question was answered.";
    case "new_question":
      if (quick?.followUpDue) return "The follow-up budget for this question is spent; moving on.";
      if (quick?.evidenceIssue) return NOTHING_TO_JUDGE_REASON[quick.evidenceIssue];
      if (quick?.offTopic) return "The answer did not address the question; moving on.";
      return "The answer covered the question; moving on.";
  }
}

/** Where the interview moves for the next main question: step, phase and difficulty. */
export function nextMainQuestion(state: Pick<InterviewState, "plan" | "questionStyle" | "difficulty">, question: Question, quick: Pick<HeuristicEvaluation, "score">): { step: number; phase: Phase; difficulty: number } {
  const step = question.step + 1;
  return {
    step,
    phase: state.plan[step - 1] ?? "role_skills",
    difficulty: nextDifficulty(state.questionStyle, state.difficulty, quick.score),
  };
}
