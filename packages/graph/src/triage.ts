import type { InterviewSettings } from "./settings.js";
import type { InterviewState, InterviewUpdate } from "./state.js";
import type { NextAction, Question } from "./types.js";
import { evaluateHeuristically } from "./engines/offline/evaluate.js";
import { nextDifficulty } from "./plan.js";

/**
 * Decides, instantly and without a model call, what follows an answer: a follow-up when the
 * answer was thin, a clarification when the candidate asked for one, the next question, or the
 * end. The model's evaluation runs beside the next question, off the critical path.
 */
export function triageAnswer(state: InterviewState, question: Question, answer: string, settings: Pick<InterviewSettings, "maxFollowUpsPerQuestion">): InterviewUpdate {
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
  else if (quick.followUpDue && followUpsSoFar < settings.maxFollowUpsPerQuestion) action = "ask_followup";
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
}
