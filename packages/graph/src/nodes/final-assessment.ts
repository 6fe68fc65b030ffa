import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { GraphDeps } from "../deps.js";
import type { InterviewState, InterviewUpdate } from "../state.js";
import type { Evaluation, FinalEvaluation, Recommendation } from "../types.js";
import { upsertBy } from "../state.js";
import { evaluateWithModel, retriesDue } from "./evaluate-answer.js";

export function recommendationFor(score: number): Recommendation {
  if (score >= 8) return "strong_hire";
  if (score >= 6.5) return "hire";
  if (score >= 5.5) return "lean_hire";
  if (score >= 4) return "lean_no_hire";
  return "no_hire";
}

const CLOSING = "Thank you, that's the end of the interview.";
/** The closing words when the hiring team keeps the results: no score, and what happens next. */
const CLOSING_FOR_TEAM = `${CLOSING} Your answers go to the hiring team, who will be in touch about the next steps.`;

/**
 * Aggregates the evaluations into the report; the model writes its judgement. Model evaluations
 * that failed during the interview get a last try first.
 */
export function makeFinalAssessment(deps: GraphDeps) {
  return async (state: InterviewState, config: LangGraphRunnableConfig): Promise<InterviewUpdate> => {
    const retried = await Promise.all(retriesDue(state).map((q) => evaluateWithModel(deps, state, q, config.signal)));
    // The last try is the last: what still failed stands as evaluated by the heuristic.
    const settled: Evaluation[] = retried.map(({ modelRetryDue: _, ...e }) => e);
    const evaluations = upsertBy<Evaluation>("questionId")(state.evaluations, settled);
    if (evaluations.length === 0) {
      const summary = `The interview for the ${state.jobTitle} role ended before any question was answered, so there is nothing to assess.`;
      return {
        finalEvaluation: { overallScore: null, recommendation: null, strengths: [], improvements: ["Answer at least one question to get an assessment."], perQuestion: [], summary },
        status: "completed",
        nextAction: null,
        messages: [{ role: "interviewer", text: state.resultsShared ? `${CLOSING} ${summary}` : CLOSING_FOR_TEAM }],
      };
    }
    const judged = await deps.model.assess(
      {
        jobTitle: state.jobTitle,
        company: state.company,
        jobDescription: state.jobDescription,
        jobTerms: state.jobTerms,
        language: state.language,
        questionType: state.questionType,
        questions: state.questions,
        answers: state.answers,
        evaluations,
      },
      { signal: config.signal },
    );
    const scores = evaluations.map((e) => e.score);
    const overallScore = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
    const finalEvaluation: FinalEvaluation = {
      overallScore,
      recommendation: judged.recommendation ?? recommendationFor(overallScore),
      strengths: judged.strengths,
      improvements: judged.improvements,
      perQuestion: evaluations.map((e) => ({
        questionId: e.questionId,
        question: state.questions.find((q) => q.id === e.questionId)?.text ?? "",
        score: e.score,
        feedback: e.feedback,
      })),
      summary: judged.summary,
    };
    const closing = state.resultsShared ? `${CLOSING} Your overall score is ${overallScore}/10. ${judged.summary}` : CLOSING_FOR_TEAM;
    return {
      evaluations: settled,
      finalEvaluation,
      status: "completed",
      nextAction: null,
      messages: [{ role: "interviewer", text: closing }],
    };
  };
}
