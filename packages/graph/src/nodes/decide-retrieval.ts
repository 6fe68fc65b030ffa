import type { InterviewState, InterviewUpdate } from "../state.js";
import { currentQuestion } from "../state.js";
import { cvFacts, rankFacts } from "../cv/model/index.js";
import { chooseFocus } from "../engines/offline/compose/index.js";

const GROUNDED_PHASES = new Set(["projects", "standout_skills", "role_skills"]);

/** The CV's facts, most relevant to the job first (a state from an older engine has none). */
export const rankedFacts = (state: InterviewState) =>
  state.cvProfile?.experience ? rankFacts(cvFacts(state.cvProfile), { title: state.jobTitle, description: state.jobDescription, terms: state.jobTerms }) : [];

/**
 * Chooses what the next question is about and whether it needs grounding: the next main
 * question gets a fact or skill of the CV and the job not asked about yet (its label is the
 * retrieval query); project and skill questions are grounded, the greeting and closing are not;
 * follow-ups and clarifications keep their question's focus and context.
 */
export function decideRetrieval(state: InterviewState): InterviewUpdate {
  const action = state.nextAction;
  if (action === "ask_followup" || action === "clarify") {
    return { topic: currentQuestion(state)?.topic ?? state.topic, needsRetrieval: false };
  }
  const usedKeys = state.questions.flatMap((q) => (q.kind === "main" && q.focusKey ? [q.focusKey] : []));
  const focus = chooseFocus({
    phase: state.phase,
    facts: rankedFacts(state),
    job: { title: state.jobTitle, company: state.company, description: state.jobDescription, terms: state.jobTerms },
    usedKeys,
  });
  return {
    focus,
    topic: focus.label,
    needsRetrieval: GROUNDED_PHASES.has(state.phase),
    similarityScore: null,
    retrievedContext: [],
    contextSource: "none",
  };
}
