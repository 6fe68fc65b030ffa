import type { GraphDeps } from "../deps.js";
import type { InterviewState, InterviewUpdate } from "../state.js";
import type { FinalEvaluation, Recommendation } from "../types.js";

export function recommendationFor(score: number): Recommendation {
  if (score >= 8) return "strong_hire";
  if (score >= 6.5) return "hire";
  if (score >= 5.5) return "lean_hire";
  if (score >= 4) return "lean_no_hire";
  return "no_hire";
}

/** Aggregates the evaluations into the report; the model writes its judgement. */
export function makeFinalAssessment(deps: GraphDeps) {
  return async (state: InterviewState): Promise<InterviewUpdate> => {
    const judged = await deps.model.assess({
      jobTitle: state.jobTitle,
      company: state.company,
      jobDescription: state.jobDescription,
      jobTerms: state.jobTerms,
      language: state.language,
      questionType: state.questionType,
      questions: state.questions,
      answers: state.answers,
      evaluations: state.evaluations,
    });
    const scores = state.evaluations.map((e) => e.score);
    const overallScore = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : 0;
    const finalEvaluation: FinalEvaluation = {
      overallScore,
      recommendation: judged.recommendation ?? recommendationFor(overallScore),
      strengths: judged.strengths,
      improvements: judged.improvements,
      perQuestion: state.evaluations.map((e) => ({
        questionId: e.questionId,
        question: state.questions.find((q) => q.id === e.questionId)?.text ?? "",
        score: e.score,
        feedback: e.feedback,
      })),
      summary: judged.summary,
    };
    const closing = `Thank you, that's the end of the interview. Your overall score is ${overallScore}/10. ${judged.summary}`;
    return {
      finalEvaluation,
      status: "completed",
      nextAction: null,
      messages: [{ role: "interviewer", text: closing }],
    };
  };
}
