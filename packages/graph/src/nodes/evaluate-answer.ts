import type { GraphDeps } from "../deps.js";
import type { InterviewState, InterviewUpdate } from "../state.js";

/** The model's evaluation of the last answer; runs beside the generation of the next question. */
export function makeEvaluateAnswer(deps: GraphDeps) {
  return async (state: InterviewState): Promise<InterviewUpdate> => {
    const quick = state.pendingEvaluation!;
    const question = state.questions.find((q) => q.id === quick.questionId)!;
    const answer = state.answers.find((a) => a.questionId === quick.questionId)!;
    const result = await deps.model.evaluateAnswer({
      jobTitle: state.jobTitle,
      company: state.company,
      jobDescription: state.jobDescription,
      jobTerms: state.jobTerms,
      language: state.language,
      question,
      answer: answer.text,
      cvProfile: state.cvProfile,
      quick,
    });
    return {
      evaluations: [{ questionId: quick.questionId, ...result, followUpDue: quick.followUpDue }],
      pendingEvaluation: null,
    };
  };
}
