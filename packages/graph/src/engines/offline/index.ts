import type { AssessmentRequest, EvaluationRequest, InterviewModel, QuestionRequest, TokenSink } from "../model.js";
import { composeOfflineQuestion } from "./questions.js";
import { composeOfflineAssessment } from "./report.js";

/**
 * The offline interviewer: deterministic, needs no key or network. Its evaluation is the same
 * heuristic evaluation the graph already computed to route the interview.
 */
export class OfflineModel implements InterviewModel {
  readonly name = "offline" as const;

  async generateQuestion(request: QuestionRequest, onToken?: TokenSink): Promise<string> {
    const text = composeOfflineQuestion(request);
    if (onToken) for (const token of text.match(/\S+\s*/g) ?? []) onToken(token);
    return text;
  }

  async evaluateAnswer(request: EvaluationRequest) {
    const { score, rubric, feedback } = request.quick;
    return { score, rubric, feedback };
  }

  async assess(request: AssessmentRequest) {
    return composeOfflineAssessment(request);
  }
}
