import type { Evaluation, FinalEvaluation, Question, TurnView } from "@interview/graph";
import type { z } from "@hono/zod-openapi";
import type { InterviewRecord, TurnResponse } from "./schemas.js";

const question = (q: Question) => ({
  id: q.id,
  text: q.text,
  phase: q.phase,
  difficulty: q.difficulty,
  kind: q.kind,
  context_source: q.contextSource,
});

const feedback = (e: Evaluation) => ({ question_id: e.questionId, score: e.score, rubric: e.rubric, feedback: e.feedback });

export const finalEvaluation = (f: FinalEvaluation) => ({
  overall_score: f.overallScore,
  recommendation: f.recommendation,
  strengths: f.strengths,
  improvements: f.improvements,
  per_question: f.perQuestion.map((p) => ({ question_id: p.questionId, question: p.question, score: p.score, feedback: p.feedback })),
  summary: f.summary,
});

/** The reference contract's reply, plus the structured question and feedback. */
export function turnResponse(view: TurnView): z.infer<typeof TurnResponse> {
  const { state } = view;
  const body: z.infer<typeof TurnResponse> = {
    thread_id: view.threadId,
    status: view.status,
    message: view.message,
    current_step: view.currentStep,
    max_steps: view.maxSteps,
    engine: state.engine,
  };
  if (view.question) {
    body.question = question(view.question);
    body.phase = view.question.phase;
  }
  if (view.evaluation) body.feedback = feedback(view.evaluation);
  if (view.status === "completed") {
    body.feedback_list = state.evaluations.map((e) => ({
      ...feedback(e),
      question: state.questions.find((q) => q.id === e.questionId)?.text ?? "",
      answer: state.answers.find((a) => a.questionId === e.questionId)?.text ?? "",
    }));
    if (view.finalEvaluation) body.final_evaluation = finalEvaluation(view.finalEvaluation);
  }
  return body;
}

export function interviewRecord(view: TurnView): z.infer<typeof InterviewRecord> {
  const { state } = view;
  return {
    thread_id: view.threadId,
    status: view.status,
    current_step: view.currentStep,
    max_steps: view.maxSteps,
    job_title: state.jobTitle,
    question_type: state.questionType,
    question_style: state.questionStyle,
    ...(state.company ? { company_name: state.company } : {}),
    engine: state.engine,
    phase: state.phase,
    difficulty: state.difficulty,
    questions: state.questions.map(question),
    answers: state.answers.map((a) => ({ question_id: a.questionId, text: a.text, channel: a.channel })),
    evaluations: state.evaluations.map(feedback),
    messages: state.messages.map((m) => ({ role: m.role, text: m.text, ...(m.questionId ? { question_id: m.questionId } : {}) })),
    retrieval: {
      topic: state.topic,
      needs_retrieval: state.needsRetrieval,
      similarity_score: state.similarityScore,
      context_source: state.contextSource,
    },
    ...(state.finalEvaluation ? { final_evaluation: finalEvaluation(state.finalEvaluation) } : {}),
  };
}
