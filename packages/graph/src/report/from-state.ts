import type { InterviewState } from "../state.js";
import type { Question } from "../types.js";
import type { InterviewerCoaching, ReportDocument, ReportQuestion } from "./document.js";
import { recommendationLabel } from "./labels.js";

export type ReportSource = Pick<
  InterviewState,
  | "role" | "jobTitle" | "company" | "candidateName" | "interviewerName" | "engine" | "status" | "endedEarly" | "maxSteps"
  | "questionType" | "questionStyle" | "questions" | "answers" | "evaluations" | "finalEvaluation" | "coaching"
>;

export interface ReportOptions {
  /** When the report is produced; now unless given. */
  createdAt?: Date;
}

/** A grounding passage is quoted, not reproduced: the CV itself stays with the interview. */
const FACT_CHARS = 240;

/** The report document for an interview's state. */
export function reportFromState(interviewId: string, state: ReportSource, options: ReportOptions = {}): ReportDocument {
  const status = state.status === "completed" ? "completed" : "in_progress";
  const f = state.finalEvaluation;
  let main = 0;
  const questions = state.questions.map((q, i): ReportQuestion => {
    const a = state.answers.find((x) => x.questionId === q.id);
    const e = state.evaluations.find((x) => x.questionId === q.id);
    return {
      number: i + 1,
      kind: q.kind,
      label: q.kind === "main" ? `Question ${++main}` : q.kind === "follow_up" ? "Follow-up" : "Clarification",
      text: q.text,
      phase: q.phase,
      ...(a ? { answer: a.text, channel: a.channel } : {}),
      ...(e
        ? { score: e.score, rubric: e.rubric, feedback: e.feedback, insufficientEvidence: e.insufficientEvidence, evaluatedBy: e.evaluatedBy }
        : {}),
      ...(q.decision ? { decision: { action: q.decision.action, reason: q.decision.reason } } : {}),
      grounding: groundingOf(q),
    };
  });
  const coaching = state.role === "interviewer" && isCoaching(state.coaching) ? state.coaching : undefined;
  // In role reversal the candidate is the AI (named by its CV) and the human is the interviewer.
  const name = {
    ...(state.candidateName ? { candidateName: state.candidateName } : {}),
    ...(state.role === "interviewer" && state.interviewerName ? { interviewerName: state.interviewerName } : {}),
  };
  return {
    interviewId,
    role: state.role,
    title: state.company ? `${state.jobTitle} at ${state.company}` : state.jobTitle,
    ...name,
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    engine: state.engine,
    status,
    endedEarly: status === "completed" && state.endedEarly,
    plannedQuestions: state.maxSteps,
    questionType: state.questionType,
    questionStyle: state.questionStyle,
    // With nothing answered there is no score (older interviews stored a zero): leave it out.
    ...(f?.overallScore != null && f.recommendation && state.evaluations.length
      ? {
          overall: {
            score: f.overallScore,
            recommendation: f.recommendation,
            recommendationLabel: recommendationLabel(f.recommendation),
            summary: f.summary,
            strengths: f.strengths,
            improvements: f.improvements,
          },
        }
      : {}),
    questions,
    ...(coaching ? { interviewer: coaching } : {}),
  };
}

function groundingOf(q: Question): NonNullable<ReportQuestion["grounding"]> {
  const passage = q.grounding?.[0]?.replace(/\s+/g, " ").trim();
  if (q.contextSource === "none" || !passage) return { source: q.contextSource };
  const url = /https?:\/\/[^\s)"'<>]+/.exec(passage)?.[0];
  const fact = passage.length > FACT_CHARS ? `${passage.slice(0, FACT_CHARS).replace(/\s+\S*$/, "")}…` : passage;
  return { source: q.contextSource, fact, ...(url ? { url } : {}) };
}

/** The state keeps the coaching analysis untyped; only a complete one is reported. */
function isCoaching(value: unknown): value is InterviewerCoaching {
  if (!value || typeof value !== "object") return false;
  const c = value as Record<string, unknown>;
  const talk = c.talkTime as Record<string, unknown> | undefined;
  return (
    Array.isArray(c.perQuestion) && Array.isArray(c.coverage) && Array.isArray(c.flaggedQuestions) && Array.isArray(c.advice) &&
    typeof c.followUpRate === "number" && typeof talk?.interviewerShare === "number"
  );
}
