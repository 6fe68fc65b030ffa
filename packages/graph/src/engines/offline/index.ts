import type { AssessmentRequest, CallContext, CandidateAnswerRequest, EvaluationRequest, InterviewModel, QuestionRequest, WrittenQuestion } from "../model.js";
import { answerAsCandidate } from "../../candidate/index.js";
import { composeQuestionDetailed, type AnswerGap, type QuestionFocus } from "./compose/index.js";
import { composeOfflineAssessment } from "./report.js";

/**
 * The offline interviewer: deterministic, needs no key or network. The triage decides what follows
 * an answer, and its evaluation is the instant evaluation the graph already made.
 */
export class OfflineModel implements InterviewModel {
  readonly name = "offline" as const;
  readonly decides = false;

  async generateQuestion(request: QuestionRequest, context: CallContext = {}): Promise<WrittenQuestion> {
    // Follow-ups and clarifications are about the question they follow: its focus, else its topic.
    const focus: QuestionFocus = request.focus ?? { key: `topic:${request.topic}`, kind: "job_skill", label: request.topic, skill: request.topic };
    const { text, intent } = composeQuestionDetailed({
      questionType: request.questionType,
      questionStyle: request.questionStyle,
      phase: request.phase,
      kind: request.kind,
      difficulty: request.difficulty,
      step: request.step,
      maxSteps: request.maxSteps,
      job: { title: request.jobTitle, company: request.company, description: request.jobDescription, terms: request.jobTerms },
      focus,
      context: request.contextSource === "cv" ? request.context : [],
      previous: request.previous && { ...request.previous, missing: request.previous.missing as AnswerGap[] },
      askedQuestions: request.askedQuestions,
      usedIntents: request.usedIntents,
      seed: request.seed,
    });
    if (context.onToken) for (const token of text.match(/\S+\s*/g) ?? []) context.onToken(token);
    return { text, intent };
  }

  async evaluateAnswer(request: EvaluationRequest) {
    const { score, rubric, feedback, insufficientEvidence } = request.quick;
    return { score, rubric, feedback, insufficientEvidence: insufficientEvidence ?? false };
  }

  async assess(request: AssessmentRequest) {
    return composeOfflineAssessment(request);
  }

  /** Role reversal: answers from the retrieved CV passages, in the first person, inventing nothing. */
  async answerAsCandidate(request: CandidateAnswerRequest, context: CallContext = {}): Promise<string> {
    const { text } = answerAsCandidate({
      question: request.question,
      passages: request.passages,
      similarity: request.similarity,
      persona: request.persona,
      seniority: request.seniority,
      jobTitle: request.jobTitle,
      askedBefore: request.transcript.map((t) => t.question),
      previousAnswers: request.transcript.map((t) => t.answer),
      seed: request.seed,
      turn: request.turn,
      background: request.background,
      ...(request.company ? { company: request.company } : {}),
      similarityThreshold: request.similarityThreshold,
    });
    if (context.onToken) for (const token of text.match(/\S+\s*/g) ?? []) context.onToken(token);
    return text;
  }
}
