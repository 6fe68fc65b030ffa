/**
 * The interview as the page knows it, built from GET /interviews/{id} or kept up to date from
 * turn replies, and the view models the views render. DOM-free.
 */
import { RECOMMENDATIONS, formatScore, phaseLabel } from "./labels";
import type { Feedback, FinalEvaluation, InterviewRecord, Question, Role, Status, TurnResponse } from "./types";

export interface Message {
  role: Role;
  text: string;
  question_id?: string;
}

export interface InterviewModel {
  threadId: string;
  status: Status;
  currentStep: number;
  maxSteps: number;
  jobTitle: string;
  companyName?: string;
  questionType: string;
  questionStyle: string;
  phase: string;
  engine: string;
  questions: Question[];
  messages: Message[];
  evaluations: Feedback[];
  finalEvaluation?: FinalEvaluation;
}

export function fromRecord(record: InterviewRecord): InterviewModel {
  return {
    threadId: record.thread_id,
    status: record.status,
    currentStep: record.current_step,
    maxSteps: record.max_steps,
    jobTitle: record.job_title,
    ...(record.company_name ? { companyName: record.company_name } : {}),
    questionType: record.question_type,
    questionStyle: record.question_style,
    phase: record.phase,
    engine: record.engine,
    questions: record.questions,
    messages: record.messages,
    evaluations: record.evaluations,
    ...(record.final_evaluation ? { finalEvaluation: record.final_evaluation } : {}),
  };
}

export interface SetupSummary {
  job_title: string;
  question_type: string;
  question_style?: string;
  company_name?: string;
}

/** The model right after POST /start_interview: the reply's message is greeting + first question. */
export function fromStart(turn: TurnResponse, setup: SetupSummary): InterviewModel {
  const messages: Message[] = [];
  const question = turn.question;
  if (question) {
    const text = turn.message.trim();
    const greeting = text.endsWith(question.text) ? text.slice(0, text.length - question.text.length).trim() : "";
    if (greeting) messages.push({ role: "interviewer", text: greeting });
    messages.push({ role: "interviewer", text: question.text, question_id: question.id });
  } else {
    messages.push({ role: "interviewer", text: turn.message });
  }
  return {
    threadId: turn.thread_id,
    status: turn.status,
    currentStep: turn.current_step,
    maxSteps: turn.max_steps,
    jobTitle: setup.job_title.trim(),
    ...(setup.company_name?.trim() ? { companyName: setup.company_name.trim() } : {}),
    questionType: setup.question_type,
    questionStyle: setup.question_style || "adaptive",
    phase: turn.phase ?? question?.phase ?? "intro",
    engine: turn.engine,
    questions: question ? [question] : [],
    messages,
    evaluations: [],
  };
}

export const currentQuestion = (model: InterviewModel): Question | undefined =>
  model.status === "completed" ? undefined : model.questions[model.questions.length - 1];

/** The model while an answer is on its way: the candidate's bubble shows at once. */
export function withPendingAnswer(model: InterviewModel, answer: string): InterviewModel {
  const asked = currentQuestion(model);
  return { ...model, messages: [...model.messages, { role: "candidate", text: answer.trim(), ...(asked ? { question_id: asked.id } : {}) }] };
}

/** The model after the candidate answered `answer` and the server replied with `turn`. */
export function applyTurn(model: InterviewModel, answer: string, turn: TurnResponse): InterviewModel {
  const asked = currentQuestion(model);
  const messages: Message[] = [...model.messages, { role: "candidate", text: answer.trim(), ...(asked ? { question_id: asked.id } : {}) }];
  let evaluations = model.evaluations;
  if (turn.feedback) evaluations = [...evaluations.filter((e) => e.question_id !== turn.feedback!.question_id), turn.feedback];
  let questions = model.questions;
  if (turn.status === "question" && turn.question) {
    if (!questions.some((q) => q.id === turn.question!.id)) questions = [...questions, turn.question];
    messages.push({ role: "interviewer", text: turn.question.text, question_id: turn.question.id });
  }
  if (turn.status === "completed") {
    if (turn.feedback_list) evaluations = turn.feedback_list.map(({ question_id, score, rubric, feedback }) => ({ question_id, score, rubric, feedback }));
    if (turn.message) messages.push({ role: "interviewer", text: turn.message });
  }
  const next: InterviewModel = {
    ...model,
    status: turn.status,
    currentStep: turn.current_step,
    maxSteps: turn.max_steps,
    phase: turn.phase ?? turn.question?.phase ?? model.phase,
    engine: turn.engine || model.engine,
    questions,
    messages,
    evaluations,
  };
  if (turn.final_evaluation) next.finalEvaluation = turn.final_evaluation;
  return next;
}

// ---------------------------------------------------------------- view models

export type TranscriptItem =
  | { type: "message"; role: Role; text: string; questionId?: string; label?: string; isCurrent: boolean }
  | { type: "feedback"; questionId: string; feedback: Feedback; scoreText: string };

/** Bubbles in order; each answered question's feedback follows the candidate's answer. */
export function transcript(model: InterviewModel): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  const current = currentQuestion(model);
  const labels = questionLabels(model.questions);
  const shownFeedback = new Set<string>();
  model.messages.forEach((m, index) => {
    const isQuestion = m.role === "interviewer" && m.question_id !== undefined;
    const label = isQuestion ? labels.get(m.question_id!) : undefined;
    const isLastForQuestion = !model.messages.slice(index + 1).some((later) => later.role === "interviewer" && later.question_id === m.question_id);
    items.push({
      type: "message",
      role: m.role,
      text: m.text,
      ...(m.question_id ? { questionId: m.question_id } : {}),
      ...(label ? { label } : {}),
      isCurrent: isQuestion && current?.id === m.question_id && isLastForQuestion,
    });
    if (m.role === "candidate" && m.question_id && !shownFeedback.has(m.question_id)) {
      // The evaluation belongs after the last answer to that question (a clarification may come between).
      const answeredAgain = model.messages.slice(index + 1).some((later) => later.role === "candidate" && later.question_id === m.question_id);
      const feedback = model.evaluations.find((e) => e.question_id === m.question_id);
      if (feedback && !answeredAgain) {
        shownFeedback.add(m.question_id);
        items.push({ type: "feedback", questionId: m.question_id, feedback, scoreText: `${formatScore(feedback.score)}/10` });
      }
    }
  });
  return items;
}

/** "Question 3", "Follow-up", "Clarification" for each question id. */
export function questionLabels(questions: Question[]): Map<string, string> {
  const labels = new Map<string, string>();
  let main = 0;
  for (const q of questions) {
    if (q.kind === "main") labels.set(q.id, `Question ${++main}`);
    else labels.set(q.id, q.kind === "follow_up" ? "Follow-up" : "Clarification");
  }
  return labels;
}

export interface Progress {
  step: number;
  max: number;
  text: string;
  phase: string;
  /** 0..1, how far through the interview the candidate is. */
  fraction: number;
  isFollowUp: boolean;
}

export function progress(model: InterviewModel): Progress {
  const max = Math.max(1, model.maxSteps);
  if (model.status === "completed") {
    return { step: max, max, text: `All ${max} question${max === 1 ? "" : "s"} answered`, phase: "Complete", fraction: 1, isFollowUp: false };
  }
  const step = Math.min(Math.max(1, model.currentStep), max);
  const q = currentQuestion(model);
  const isFollowUp = q !== undefined && q.kind !== "main";
  return {
    step,
    max,
    text: `Question ${step} of ${max}`,
    phase: phaseLabel(q?.phase ?? model.phase),
    fraction: (step - 1) / max,
    isFollowUp,
  };
}

export interface ReportRow {
  number: number;
  questionId: string;
  question: string;
  kind: string;
  score: number;
  scoreText: string;
  feedback: string;
  rubric?: Feedback["rubric"];
}

export interface ReportView {
  title: string;
  overall: number;
  overallText: string;
  recommendation: string;
  tone: "good" | "ok" | "weak";
  summary: string;
  strengths: string[];
  improvements: string[];
  rows: ReportRow[];
  chart: { label: string; score: number; title: string }[];
}

export function reportView(model: InterviewModel): ReportView | undefined {
  const f = model.finalEvaluation;
  if (!f) return undefined;
  const labels = questionLabels(model.questions);
  const rows: ReportRow[] = f.per_question.map((p, i) => {
    const rubric = model.evaluations.find((e) => e.question_id === p.question_id)?.rubric;
    return {
      number: i + 1,
      questionId: p.question_id,
      question: p.question,
      kind: labels.get(p.question_id) ?? "",
      score: p.score,
      scoreText: formatScore(p.score),
      feedback: p.feedback,
      ...(rubric ? { rubric } : {}),
    };
  });
  const rec = RECOMMENDATIONS[f.recommendation] ?? { label: f.recommendation, tone: "ok" as const };
  return {
    title: model.companyName ? `${model.jobTitle} at ${model.companyName}` : model.jobTitle,
    overall: f.overall_score,
    overallText: formatScore(f.overall_score),
    recommendation: rec.label,
    tone: rec.tone,
    summary: f.summary,
    strengths: f.strengths,
    improvements: f.improvements,
    rows,
    chart: rows.map((r) => ({ label: `Q${r.number}`, score: r.score, title: `${r.kind || `Question ${r.number}`}: ${r.scoreText}/10` })),
  };
}
