/**
 * The interview as the page knows it, built from GET /interviews/{id} or kept up to date from
 * turn replies, and the view models the views render. DOM-free.
 */
import type { Coaching, Decision, Feedback, FinalEvaluation, InterviewRecord, Question, Role, Status, TurnResponse } from "./contract";
import { DECISION_LABELS, PERSONA_LABELS, RECOMMENDATION_TONES, SENIORITY_LABELS, formatPercent, formatScore, phaseLabel, type Tone } from "./labels";

type Speaker = InterviewRecord["messages"][number]["role"];
type Channel = InterviewRecord["answers"][number]["channel"];

export interface Message {
  role: Speaker;
  text: string;
  question_id?: string;
  /** How a candidate's answer was given, when not typed. */
  channel?: Channel;
}

export interface InterviewModel {
  threadId: string;
  /** Who the human is: the candidate (the AI interviews) or the interviewer (the AI is the candidate). */
  role: Role;
  status: Status;
  currentStep: number;
  maxSteps: number;
  jobTitle: string;
  companyName?: string;
  /** The candidate's name; in role interviewer, the AI candidate's (from its CV). */
  candidateName?: string;
  questionType: string;
  questionStyle: string;
  phase: string;
  engine: string;
  persona?: NonNullable<InterviewRecord["persona"]>;
  endedEarly: boolean;
  questions: Question[];
  messages: Message[];
  evaluations: Feedback[];
  finalEvaluation?: FinalEvaluation;
  coaching?: Coaching;
  /** false: the hiring team keeps the scores and report; the candidate is thanked instead. */
  resultsShared: boolean;
  /** For a hiring team's job (started from its invite link): the team, not the candidate, erases it. */
  forJob: boolean;
}

export function fromRecord(record: InterviewRecord): InterviewModel {
  // How the human spoke: a candidate's answers, or (role reversal) an interviewer's questions.
  const channels = new Map(record.answers.map((a) => [a.question_id, a.channel]));
  const asked = new Map(record.questions.map((q) => [q.id, q.channel]));
  return {
    threadId: record.thread_id,
    role: record.role,
    status: record.status,
    currentStep: record.current_step,
    maxSteps: record.max_steps,
    jobTitle: record.job_title,
    forJob: record.job_id !== undefined,
    ...(record.company_name ? { companyName: record.company_name } : {}),
    ...(record.candidate_name ? { candidateName: record.candidate_name } : {}),
    questionType: record.question_type,
    questionStyle: record.question_style,
    phase: record.phase,
    engine: record.engine,
    ...(record.persona ? { persona: record.persona } : {}),
    endedEarly: record.ended_early,
    resultsShared: record.results_shared,
    questions: record.questions,
    messages: record.messages.map((m) => {
      const human = m.role === record.role && m.question_id !== undefined;
      const channel = human ? (record.role === "candidate" ? channels : asked).get(m.question_id!) : undefined;
      return { ...m, ...(channel && channel !== "text" ? { channel } : {}) };
    }),
    evaluations: record.evaluations,
    ...(record.final_evaluation ? { finalEvaluation: record.final_evaluation } : {}),
    ...(record.coaching ? { coaching: record.coaching } : {}),
  };
}

export interface SetupSummary {
  job_title: string;
  question_type: string;
  question_style?: string;
  company_name?: string;
  /** Started from a job's invite link. */
  for_job?: boolean;
}

/** The model right after a start: the greeting, then (when the AI interviews) the first question. */
export function fromStart(turn: TurnResponse, setup: SetupSummary): InterviewModel {
  const messages: Message[] = [];
  const question = turn.question;
  if (turn.role === "interviewer") {
    // The AI candidate greets the human interviewer and waits for the first question.
    messages.push({ role: "candidate", text: turn.greeting ?? turn.message });
  } else {
    if (turn.greeting) messages.push({ role: "interviewer", text: turn.greeting });
    messages.push(question ? { role: "interviewer", text: question.text, question_id: question.id } : { role: "interviewer", text: turn.message });
  }
  return {
    threadId: turn.thread_id,
    role: turn.role,
    status: turn.status,
    currentStep: turn.current_step,
    maxSteps: turn.max_steps,
    jobTitle: setup.job_title.trim(),
    ...(setup.company_name?.trim() ? { companyName: setup.company_name.trim() } : {}),
    questionType: setup.question_type,
    questionStyle: setup.question_style || "adaptive",
    phase: turn.phase ?? question?.phase ?? "intro",
    engine: turn.engine,
    endedEarly: false,
    resultsShared: turn.results_shared,
    forJob: setup.for_job ?? false,
    questions: question ? [question] : [],
    messages,
    evaluations: [],
  };
}

/** A candidate's interview whose hiring team keeps the results: the candidate is shown none of them. */
export const resultsKept = (model: InterviewModel): boolean => model.role === "candidate" && !model.resultsShared;

/** The question the candidate is to answer; none while a human interviewer is to ask. */
export const currentQuestion = (model: InterviewModel): Question | undefined =>
  model.status === "completed" || model.role === "interviewer" ? undefined : model.questions[model.questions.length - 1];

/** What the human just sent: an answer (candidate) or a question (interviewer). */
function humanMessage(model: InterviewModel, text: string, channel?: Channel): Message {
  if (model.role === "interviewer") return { role: "interviewer", text: text.trim(), ...(channel && channel !== "text" ? { channel } : {}) };
  const asked = currentQuestion(model);
  return { role: "candidate", text: text.trim(), ...(asked ? { question_id: asked.id } : {}), ...(channel && channel !== "text" ? { channel } : {}) };
}

/** The model while a message is on its way: the human's bubble shows at once. */
export function withPendingAnswer(model: InterviewModel, text: string, channel?: Channel): InterviewModel {
  return { ...model, messages: [...model.messages, humanMessage(model, text, channel)] };
}

/**
 * The model after the human sent `sent` and the server replied with `turn`. A recorded answer is
 * shown as the server understood it (`transcript`).
 */
export function applyTurn(model: InterviewModel, sent: string, turn: TurnResponse): InterviewModel {
  const spoken = turn.transcript !== undefined;
  const messages: Message[] = [...model.messages, humanMessage(model, turn.transcript ?? sent, spoken ? "audio" : undefined)];
  let evaluations = model.evaluations;
  let questions = model.questions;
  if (model.role === "interviewer") {
    // The AI candidate's answer (or, at the end, its goodbye).
    if (turn.message) messages.push({ role: "candidate", text: turn.message });
  } else {
    if (turn.feedback) evaluations = [...evaluations.filter((e) => e.question_id !== turn.feedback!.question_id), turn.feedback];
    if (turn.status === "question" && turn.question) {
      if (!questions.some((q) => q.id === turn.question!.id)) questions = [...questions, turn.question];
      messages.push({ role: "interviewer", text: turn.question.text, question_id: turn.question.id });
    }
    if (turn.status === "completed") {
      if (turn.feedback_list) evaluations = turn.feedback_list.map(({ question, answer, ...feedback }) => feedback);
      if (turn.message) messages.push({ role: "interviewer", text: turn.message });
    }
  }
  const next: InterviewModel = {
    ...model,
    status: turn.status,
    currentStep: turn.current_step,
    maxSteps: turn.max_steps,
    phase: turn.phase ?? turn.question?.phase ?? model.phase,
    engine: turn.engine || model.engine,
    resultsShared: turn.results_shared,
    questions,
    messages,
    evaluations,
  };
  if (turn.final_evaluation) next.finalEvaluation = turn.final_evaluation;
  return next;
}

// ---------------------------------------------------------------- view models

export type TranscriptItem =
  | { type: "message"; role: Speaker; text: string; questionId?: string; label?: string; isCurrent: boolean; spoken: boolean }
  | { type: "feedback"; questionId: string; feedback: Feedback; scoreText: string };

/**
 * Bubbles in order; each answered question's feedback follows the candidate's answer. A human
 * interviewer's questions are numbered in the order they were asked.
 */
export function transcript(model: InterviewModel): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  const current = currentQuestion(model);
  const labels = questionLabels(model.questions);
  const shownFeedback = new Set<string>();
  let asked = 0;
  model.messages.forEach((m, index) => {
    let label: string | undefined;
    if (model.role === "interviewer") label = m.role === "interviewer" ? `Question ${++asked}` : undefined;
    else label = m.role === "interviewer" && m.question_id !== undefined ? labels.get(m.question_id) : undefined;
    const isQuestion = model.role === "candidate" && m.role === "interviewer" && m.question_id !== undefined;
    const isLastForQuestion = !model.messages.slice(index + 1).some((later) => later.role === "interviewer" && later.question_id === m.question_id);
    items.push({
      type: "message",
      role: m.role,
      text: m.text,
      ...(m.question_id ? { questionId: m.question_id } : {}),
      ...(label ? { label } : {}),
      isCurrent: isQuestion && current?.id === m.question_id && isLastForQuestion,
      spoken: m.channel === "audio" || m.channel === "voice",
    });
    if (model.role === "candidate" && m.role === "candidate" && m.question_id && !shownFeedback.has(m.question_id)) {
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

/** "Evasive senior candidate" for the AI candidate a human interviews. */
export const personaText = (persona: InterviewModel["persona"]) =>
  persona ? `${PERSONA_LABELS[persona.strength].label} ${SENIORITY_LABELS[persona.seniority].toLowerCase()} candidate` : "AI candidate";

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
  if (model.role === "interviewer") {
    // The human decides how many questions to ask; the number planned is a guide.
    const asked = model.messages.filter((m) => m.role === "interviewer").length;
    const text =
      model.status === "completed"
        ? `Interview ended after ${asked} question${asked === 1 ? "" : "s"}`
        : asked === 0
          ? `No questions asked yet (${max} planned)`
          : `${asked} of ${max} planned question${max === 1 ? "" : "s"} asked`;
    return { step: Math.min(asked, max), max, text, phase: personaText(model.persona), fraction: model.status === "completed" ? 1 : Math.min(1, asked / max), isFollowUp: false };
  }
  if (model.status === "completed") {
    const answered = new Set(model.evaluations.map((e) => e.question_id)).size;
    const text = model.endedEarly ? `Ended early after ${answered} answer${answered === 1 ? "" : "s"}` : `All ${max} question${max === 1 ? "" : "s"} answered`;
    return { step: max, max, text, phase: "Complete", fraction: 1, isFollowUp: false };
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

const CONTEXT_SOURCES: Record<Question["context_source"], string | undefined> = { cv: "From the CV", web: "From a web source", none: undefined };

export interface ReportRow {
  number: number;
  questionId: string;
  question: string;
  kind: string;
  score: number;
  scoreText: string;
  feedback: string;
  rubric?: Feedback["rubric"];
  /** What the interviewer decided after this answer, and why. */
  decision?: { label: string; reason: string; byHeuristic: boolean };
  /** Where the question came from: "From the CV" with the passage, or a web source. */
  source?: { label: string; grounding: string[] };
  insufficientEvidence: boolean;
  /** The model's evaluation failed and the instant heuristic score stands. */
  heuristic: boolean;
}

export interface ReportView {
  title: string;
  /** Null when nothing was answered: no score, no recommendation. */
  overall: number | null;
  overallText: string;
  recommendation: string | null;
  tone: Tone;
  summary: string;
  strengths: string[];
  improvements: string[];
  rows: ReportRow[];
  chart: { label: string; score: number; title: string }[];
  endedEarly: boolean;
  /** Every answer was scored by the instant heuristic (said once, not on every row). */
  allHeuristic: boolean;
  offline: boolean;
}

const decisionOf = (d: Decision | undefined) => (d ? { label: DECISION_LABELS[d.action], reason: d.reason, byHeuristic: d.by === "heuristic" } : undefined);

export function reportView(model: InterviewModel): ReportView | undefined {
  const f = model.finalEvaluation;
  if (!f || model.role !== "candidate") return undefined;
  const labels = questionLabels(model.questions);
  const rows: ReportRow[] = f.per_question.map((p, i) => {
    const evaluation = model.evaluations.find((e) => e.question_id === p.question_id);
    const question = model.questions.find((q) => q.id === p.question_id);
    const sourceLabel = question ? CONTEXT_SOURCES[question.context_source] : undefined;
    const decision = decisionOf(question?.decision);
    return {
      number: i + 1,
      questionId: p.question_id,
      question: p.question,
      kind: labels.get(p.question_id) ?? "",
      score: p.score,
      scoreText: formatScore(p.score),
      feedback: p.feedback,
      ...(evaluation ? { rubric: evaluation.rubric } : {}),
      ...(decision ? { decision } : {}),
      ...(sourceLabel ? { source: { label: sourceLabel, grounding: question?.grounding ?? [] } } : {}),
      insufficientEvidence: evaluation?.insufficient_evidence ?? false,
      heuristic: evaluation?.evaluated_by === "heuristic",
    };
  });
  return {
    title: model.companyName ? `${model.jobTitle} at ${model.companyName}` : model.jobTitle,
    overall: f.overall_score,
    overallText: f.overall_score === null ? "—" : formatScore(f.overall_score),
    recommendation: f.recommendation && f.recommendation_label,
    tone: (f.recommendation && RECOMMENDATION_TONES[f.recommendation]) ?? "ok",
    summary: f.summary,
    strengths: f.strengths,
    improvements: f.improvements,
    rows,
    chart: rows.map((r) => ({ label: `Q${r.number}`, score: r.score, title: `${r.kind || `Question ${r.number}`}: ${r.scoreText}/10` })),
    endedEarly: model.endedEarly,
    allHeuristic: rows.length > 0 && rows.every((r) => r.heuristic),
    offline: model.engine === "offline",
  };
}

const FORMS: Record<Coaching["per_question"][number]["form"], string> = { open: "Open", closed: "Closed", leading: "Leading" };
/** Flags that repeat what the form, "multiple" and competency columns already say. */
const SHOWN_ELSEWHERE = new Set(["open", "closed", "leading", "multiple"]);

export interface CoachingView {
  title: string;
  candidate: string;
  generatedCv: boolean;
  questions: {
    number: number;
    text: string;
    form: string;
    tone: Tone;
    multiple: boolean;
    followsUp: boolean;
    competency?: string;
    flags: string[];
  }[];
  covered: string[];
  missed: string[];
  talkTime: { interviewerShare: number; text: string; interviewerWords: number; candidateWords: number; tone: Tone };
  followUpRate: { value: number; text: string };
  flagged: Coaching["flagged_questions"];
  advice: string[];
  assessment?: { persona: string; summary: string; scoreText?: string };
}

/** The coaching report of an interview the human held with an AI candidate. */
export function coachingView(model: InterviewModel): CoachingView | undefined {
  const c = model.coaching;
  if (!c || model.role !== "interviewer") return undefined;
  const share = c.talk_time.interviewer_share;
  // A good interviewer listens more than they talk: about a third of the words is a healthy share.
  const talkTone: Tone = share <= 0.4 ? "good" : share <= 0.55 ? "ok" : "weak";
  return {
    title: model.companyName ? `${model.jobTitle} at ${model.companyName}` : model.jobTitle,
    candidate: `${model.candidateName ? `${model.candidateName}, ` : ""}${personaText(model.persona).replace(/^./, (ch) => ch.toLowerCase())}`,
    generatedCv: model.persona?.generated_cv ?? false,
    questions: c.per_question.map((q) => ({
      number: q.number,
      text: q.text,
      form: FORMS[q.form],
      tone: q.form === "open" ? "good" : q.form === "closed" ? "ok" : "weak",
      multiple: q.multiple,
      followsUp: q.follows_up,
      ...(q.competency ? { competency: q.competency } : {}),
      flags: q.flags.filter((f) => !SHOWN_ELSEWHERE.has(f)),
    })),
    covered: c.coverage.filter((x) => x.covered).map((x) => x.competency),
    missed: c.coverage.filter((x) => !x.covered).map((x) => x.competency),
    talkTime: {
      interviewerShare: share,
      text: `You spoke ${formatPercent(share)} of the words`,
      interviewerWords: c.talk_time.interviewer_words,
      candidateWords: c.talk_time.candidate_words,
      tone: talkTone,
    },
    followUpRate: { value: c.follow_up_rate, text: formatPercent(c.follow_up_rate) },
    flagged: c.flagged_questions,
    advice: c.advice,
    ...(c.candidate_assessment
      ? {
          assessment: {
            persona: PERSONA_LABELS[c.candidate_assessment.persona].label,
            summary: c.candidate_assessment.summary,
            ...(c.candidate_assessment.score !== undefined ? { scoreText: formatScore(c.candidate_assessment.score) } : {}),
          },
        }
      : {}),
  };
}
