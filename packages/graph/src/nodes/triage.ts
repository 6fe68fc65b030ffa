import type { GraphDeps } from "../deps.js";
import type { InterviewState, InterviewUpdate } from "../state.js";
import { currentQuestion } from "../state.js";
import type { NextAction } from "../types.js";
import { evaluateHeuristically } from "../engines/offline/evaluate.js";
import { nextDifficulty } from "../plan.js";

/**
 * Decides, instantly and without a model call, what happens next: a follow-up when the answer
 * was thin, a clarification when the candidate asked for one, the next question, or the end.
 */
export function makeTriage(deps: GraphDeps) {
  return (state: InterviewState): InterviewUpdate => {
    const question = currentQuestion(state)!;
    const answer = state.answers.find((a) => a.questionId === question.id)?.text ?? "";
    const quick = evaluateHeuristically({
      questionId: question.id,
      question: question.text,
      topic: question.topic,
      answer,
      cvProfile: state.cvProfile,
      jobTerms: state.jobTerms,
    });
    const followUpsSoFar = state.questions.filter((q) => q.step === question.step && q.kind === "follow_up").length;

    let action: NextAction;
    if (quick.wantsClarification && question.kind !== "clarification") action = "clarify";
    else if (quick.followUpDue && followUpsSoFar < deps.settings.maxFollowUpsPerQuestion) action = "ask_followup";
    else if (question.step >= state.maxSteps) action = "conclude";
    else action = "new_question";

    if (action === "clarify") return { nextAction: action, pendingEvaluation: null };
    if (action === "ask_followup") return { nextAction: action, pendingEvaluation: quick };
    if (action === "conclude") return { nextAction: action, pendingEvaluation: quick, status: "concluding" };
    const step = question.step + 1;
    return {
      nextAction: action,
      pendingEvaluation: quick,
      step,
      phase: state.plan[step - 1] ?? "role_skills",
      difficulty: nextDifficulty(state.questionStyle, state.difficulty, quick.score),
    };
  };
}
