import type { InterviewState, InterviewUpdate } from "../state.js";
import { currentQuestion } from "../state.js";
import { chooseTopic } from "../plan.js";

const GROUNDED_PHASES = new Set(["projects", "standout_skills", "role_skills"]);

/**
 * Picks the topic of the next question and whether it needs grounding: main questions about
 * projects and skills do; the greeting, closing, follow-ups and clarifications do not.
 */
export function decideRetrieval(state: InterviewState): InterviewUpdate {
  const action = state.nextAction;
  if (action === "ask_followup" || action === "clarify") {
    return { topic: currentQuestion(state)?.topic ?? state.topic, needsRetrieval: false };
  }
  return {
    topic: chooseTopic(state),
    needsRetrieval: GROUNDED_PHASES.has(state.phase),
    similarityScore: null,
    retrievedContext: [],
    contextSource: "none",
  };
}
