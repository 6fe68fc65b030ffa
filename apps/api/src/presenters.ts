import { recommendationLabel, type Decision, type InterviewerCoaching, type Evaluation, type FinalEvaluation, type InterviewView, type Question, type TurnView } from "@interview/graph";
import type { z } from "@hono/zod-openapi";
import type { InterviewRecord, TurnResponse } from "./schemas.js";

/** The engine's views in the contract's snake_case; nothing of the graph's state leaks through. */
const decision = (d: Decision) => ({ action: d.action, reason: d.reason, by: d.by });

const question = (q: Question) => ({
  id: q.id,
  text: q.text,
  phase: q.phase,
  difficulty: q.difficulty,
  kind: q.kind,
  step: q.step,
  topic: q.topic,
  context_source: q.contextSource,
  ...(q.grounding?.length ? { grounding: q.grounding } : {}),
  ...(q.decision ? { decision: decision(q.decision) } : {}),
  ...(q.channel ? { channel: q.channel } : {}),
});

const feedback = (e: Evaluation) => ({
  question_id: e.questionId,
  score: e.score,
  rubric: e.rubric,
  feedback: e.feedback,
  insufficient_evidence: e.insufficientEvidence ?? false,
  evaluated_by: e.evaluatedBy ?? "heuristic",
});

export const finalEvaluation = (f: FinalEvaluation) => ({
  overall_score: f.overallScore,
  recommendation: f.recommendation,
  recommendation_label: f.recommendation && recommendationLabel(f.recommendation),
  strengths: f.strengths,
  improvements: f.improvements,
  per_question: f.perQuestion.map((p) => ({ question_id: p.questionId, question: p.question, score: p.score, feedback: p.feedback })),
  summary: f.summary,
});

export const coaching = (c: InterviewerCoaching) => ({
  per_question: c.perQuestion.map((q) => ({
    number: q.number,
    text: q.text,
    form: q.form,
    multiple: q.multiple,
    follows_up: q.followsUp,
    ...(q.competency ? { competency: q.competency } : {}),
    flags: q.flags,
  })),
  coverage: c.coverage,
  talk_time: { interviewer_words: c.talkTime.interviewerWords, candidate_words: c.talkTime.candidateWords, interviewer_share: c.talkTime.interviewerShare },
  follow_up_rate: c.followUpRate,
  flagged_questions: c.flaggedQuestions,
  advice: c.advice,
  ...(c.candidateAssessment
    ? { candidate_assessment: { persona: c.candidateAssessment.persona as "strong" | "average" | "weak" | "evasive", summary: c.candidateAssessment.summary, ...(c.candidateAssessment.score !== undefined ? { score: c.candidateAssessment.score } : {}) } }
    : {}),
});

export interface TurnExtras {
  accessToken?: string | undefined;
  transcript?: string | undefined;
  audioUrl?: string | undefined;
}

/** The reference contract's reply, plus the structured question, feedback and decision. */
export function turnResponse(view: TurnView, extras: TurnExtras = {}): z.infer<typeof TurnResponse> {
  // The reference contract's start message is the greeting followed by the first question.
  const message = view.greeting && view.status === "question" ? `${view.greeting}\n\n${view.message}`.trim() : view.message;
  const body: z.infer<typeof TurnResponse> = {
    thread_id: view.threadId,
    status: view.status,
    message,
    current_step: view.currentStep,
    max_steps: view.maxSteps,
    role: view.role,
    engine: view.engine,
    results_shared: view.resultsShared,
  };
  if (view.greeting) body.greeting = view.greeting;
  if (view.question) {
    body.question = question(view.question);
    body.phase = view.question.phase;
  }
  if (view.evaluation) body.feedback = feedback(view.evaluation);
  if (view.decision) body.decision = decision(view.decision);
  if (extras.transcript !== undefined) body.transcript = extras.transcript;
  if (extras.audioUrl) body.audio_url = extras.audioUrl;
  if (extras.accessToken) body.access_token = extras.accessToken;
  if (view.status === "completed") {
    // Both go with the final evaluation: a candidate whose team keeps the results gets neither.
    if (view.finalEvaluation) {
      body.feedback_list = view.answered.flatMap(({ question: q, answer, evaluation }) =>
        evaluation ? [{ ...feedback(evaluation), question: q.text, answer: answer.text }] : [],
      );
      body.final_evaluation = finalEvaluation(view.finalEvaluation);
    }
    if (view.coaching) body.coaching = coaching(view.coaching);
  }
  return body;
}

export function interviewRecord(view: InterviewView): z.infer<typeof InterviewRecord> {
  const { setup } = view;
  return {
    thread_id: view.threadId,
    status: view.status,
    role: view.role,
    current_step: view.currentStep,
    max_steps: view.maxSteps,
    job_title: setup.jobTitle,
    ...(setup.jobId ? { job_id: setup.jobId } : {}),
    question_type: setup.questionType,
    question_style: setup.questionStyle,
    ...(setup.company ? { company_name: setup.company } : {}),
    ...(setup.candidateName ? { candidate_name: setup.candidateName } : {}),
    language: setup.language,
    ...(setup.persona ? { persona: { strength: setup.persona.strength, seniority: setup.persona.seniority, generated_cv: setup.persona.generatedCv } } : {}),
    has_cv: setup.hasCv,
    engine: view.engine,
    phase: view.phase,
    difficulty: view.difficulty,
    ended_early: view.endedEarly,
    ...(view.greeting ? { greeting: view.greeting } : {}),
    ...(view.question ? { question: question(view.question) } : {}),
    questions: view.questions.map(question),
    answers: view.answers.map((a) => ({ question_id: a.questionId, text: a.text, channel: a.channel })),
    evaluations: view.evaluations.map(feedback),
    messages: view.messages.map((m) => ({ role: m.role, text: m.text, ...(m.questionId ? { question_id: m.questionId } : {}) })),
    retrieval: {
      topic: view.retrieval.topic,
      needs_retrieval: view.retrieval.needsRetrieval,
      similarity_score: view.retrieval.similarityScore,
      context_source: view.retrieval.contextSource,
    },
    ...(view.finalEvaluation ? { final_evaluation: finalEvaluation(view.finalEvaluation) } : {}),
    ...(view.coaching ? { coaching: coaching(view.coaching) } : {}),
    results_shared: view.resultsShared,
  };
}
