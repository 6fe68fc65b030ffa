import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { GraphDeps } from "../deps.js";
import type { Evaluation } from "../types.js";
import type { InterviewState, InterviewUpdate } from "../state.js";
import type { InstantEvaluation } from "../engines/model.js";

const heuristicOf = (quick: InstantEvaluation, retry: boolean): Evaluation => ({
  questionId: quick.questionId,
  score: quick.score,
  rubric: quick.rubric,
  feedback: quick.feedback,
  followUpDue: quick.followUpDue,
  insufficientEvidence: quick.insufficientEvidence ?? false,
  evaluatedBy: "heuristic",
  ...(retry ? { modelRetryDue: true } : {}),
});

/**
 * The model's evaluation of one answer. When the model fails, the instant evaluation stands,
 * marked as such, and the model is asked again later: the turn itself never fails for it.
 */
export async function evaluateWithModel(deps: GraphDeps, state: InterviewState, quick: InstantEvaluation, signal?: AbortSignal): Promise<Evaluation> {
  if (deps.model.name === "offline") return heuristicOf(quick, false);
  const question = state.questions.find((q) => q.id === quick.questionId)!;
  const answer = state.answers.find((a) => a.questionId === quick.questionId)!;
  try {
    const result = await deps.model.evaluateAnswer(
      {
        jobTitle: state.jobTitle,
        company: state.company,
        jobDescription: state.jobDescription,
        jobTerms: state.jobTerms,
        language: state.language,
        question,
        answer: answer.text,
        cvProfile: state.cvProfile,
        quick,
      },
      { signal },
    );
    return {
      questionId: quick.questionId,
      ...result,
      followUpDue: quick.followUpDue,
      // An answer with nothing to judge stays flagged whatever the model made of it.
      insufficientEvidence: Boolean(result.insufficientEvidence || quick.insufficientEvidence),
      evaluatedBy: "model",
    };
  } catch (error) {
    if (signal?.aborted) throw error;
    return heuristicOf(quick, true);
  }
}

/** Instant evaluations whose model evaluation failed earlier, as their heuristic evaluation. */
export function retriesDue(state: InterviewState): InstantEvaluation[] {
  return state.evaluations.filter((e) => e.modelRetryDue);
}

/** Evaluates the last answer beside the generation of the next question, and retries failed ones. */
export function makeEvaluateAnswer(deps: GraphDeps) {
  return async (state: InterviewState, config: LangGraphRunnableConfig): Promise<InterviewUpdate> => {
    const quick = state.pendingEvaluation!;
    const evaluations = await Promise.all([quick, ...retriesDue(state)].map((q) => evaluateWithModel(deps, state, q, config.signal)));
    return { evaluations, pendingEvaluation: null };
  };
}
