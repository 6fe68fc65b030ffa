import type { InterviewState, Persona } from "./state.js";
import { currentQuestion } from "./state.js";
import type {
  Answer, ContextSource, Decision, EngineName, Evaluation, FinalEvaluation, Phase, Question, QuestionStyle, QuestionType, Role, TranscriptMessage,
} from "./types.js";
import type { TurnKind } from "./threads.js";

/**
 * What front-ends render: typed views of an interview, never the raw graph state. The API, the
 * voice agent and the terminal client all read these.
 */
export type ViewStatus = "question" | "awaiting_question" | "completed";

/** The reply to one turn (a start, an answer, an end). */
export interface TurnView {
  threadId: string;
  role: Role;
  engine: EngineName;
  status: ViewStatus;
  /** On the start's reply only: the greeting, said before the first question. */
  greeting: string | null;
  /**
   * What is said now: the next question; in role reversal the AI candidate's reply; at the end the
   * closing summary.
   */
  message: string;
  currentStep: number;
  maxSteps: number;
  phase: Phase;
  question: Question | null;
  /** The evaluation of the answer just given (none after a request to rephrase). */
  evaluation: Evaluation | null;
  /** What the interviewer decided after the answer just given, and why. */
  decision: Decision | null;
  finalEvaluation: FinalEvaluation | null;
  /** Role reversal, at completion: the coaching on the human interviewer. */
  coaching: InterviewState["coaching"];
  /** At completion: every answered question with its answer and evaluation. */
  answered: { question: Question; answer: Answer; evaluation: Evaluation | undefined }[];
  /** false: the hiring team keeps the scores and the report from the candidate. */
  resultsShared: boolean;
}

/** The whole interview, for GET /interviews/{id}, reports and resuming clients. */
export interface InterviewView extends Omit<TurnView, "greeting" | "evaluation" | "decision"> {
  greeting: string | null;
  setup: {
    jobTitle: string;
    questionType: QuestionType;
    questionStyle: QuestionStyle;
    company?: string | undefined;
    jobDescription?: string | undefined;
    jobId?: string | undefined;
    language: string;
    candidateName?: string | undefined;
    persona: Persona | null;
    hasCv: boolean;
  };
  difficulty: number;
  endedEarly: boolean;
  questions: Question[];
  answers: Answer[];
  evaluations: Evaluation[];
  messages: TranscriptMessage[];
  retrieval: { topic: string; needsRetrieval: boolean; similarityScore: number | null; contextSource: ContextSource };
}

const statusOf = (state: InterviewState): ViewStatus =>
  state.status === "completed" ? "completed" : state.role === "interviewer" ? "awaiting_question" : "question";

const greetingOf = (state: InterviewState) => state.messages.find((m) => m.role === (state.role === "interviewer" ? "candidate" : "interviewer") && !m.questionId)?.text ?? null;

function answeredOf(state: InterviewState): TurnView["answered"] {
  return state.questions.flatMap((question) => {
    const answer = state.answers.find((a) => a.questionId === question.id);
    return answer ? [{ question, answer, evaluation: state.evaluations.find((e) => e.questionId === question.id) }] : [];
  });
}

/** The reply to a turn of `kind`, from the state the turn ended in. */
export function turnView(threadId: string, state: InterviewState, kind: TurnKind): TurnView {
  const status = statusOf(state);
  const last = state.messages[state.messages.length - 1];
  const question = status === "question" ? (currentQuestion(state) ?? null) : null;
  // The interviewer's next question; the AI candidate's latest words; or the closing summary.
  const message = status === "question" ? (question?.text ?? "") : (last?.text ?? "");
  const lastAnswer = state.answers[state.answers.length - 1];
  const answered = kind === "answer" && state.role === "candidate" && lastAnswer ? lastAnswer.questionId : null;
  const evaluation = answered ? (state.evaluations.find((e) => e.questionId === answered) ?? null) : null;
  const decision = answered ? (state.questions.find((q) => q.id === answered)?.decision ?? null) : null;
  return {
    threadId,
    role: state.role,
    engine: state.engine,
    status,
    greeting: kind === "start" ? greetingOf(state) : null,
    message,
    currentStep: status === "completed" && state.role === "candidate" && !state.endedEarly ? state.maxSteps : state.step,
    maxSteps: state.maxSteps,
    phase: state.phase,
    question,
    evaluation,
    decision,
    finalEvaluation: finalEvaluationOf(state),
    coaching: status === "completed" ? state.coaching : null,
    answered: status === "completed" ? answeredOf(state) : [],
    resultsShared: state.resultsShared,
  };
}

/**
 * The final evaluation as shown. With no answer scored there is no score: an interview stored
 * before that rule says 0 / no_hire, which reads as not scored too.
 */
export function finalEvaluationOf(state: Pick<InterviewState, "finalEvaluation" | "evaluations">): FinalEvaluation | null {
  const f = state.finalEvaluation;
  return f && state.evaluations.length === 0 ? { ...f, overallScore: null, recommendation: null } : f;
}

export function interviewView(threadId: string, state: InterviewState): InterviewView {
  const { greeting: _, evaluation: __, decision: ___, ...turn } = turnView(threadId, state, "answer");
  return {
    ...turn,
    answered: answeredOf(state),
    greeting: greetingOf(state),
    setup: {
      jobTitle: state.jobTitle,
      questionType: state.questionType,
      questionStyle: state.questionStyle,
      company: state.company,
      jobDescription: state.jobDescription,
      jobId: state.jobId,
      language: state.language,
      candidateName: state.candidateName,
      persona: state.persona,
      hasCv: state.cvId !== null,
    },
    difficulty: state.difficulty,
    endedEarly: state.endedEarly,
    questions: state.questions,
    answers: state.answers,
    evaluations: state.evaluations,
    messages: state.messages,
    retrieval: { topic: state.topic, needsRetrieval: state.needsRetrieval, similarityScore: state.similarityScore, contextSource: state.contextSource },
    coaching: state.coaching,
  };
}

const withoutDecision = ({ decision: _, ...question }: Question): Question => question;

/** What both views hold of the results: the current question's decision, the answered list's evaluations, the assessment. */
const sharedWithoutResults = (view: TurnView | InterviewView) => ({
  question: view.question && withoutDecision(view.question),
  finalEvaluation: null,
  answered: view.answered.map(({ question, answer }) => ({ question: withoutDecision(question), answer, evaluation: undefined })),
});

/**
 * The turn without its results (the evaluation, why the interviewer went on, the final assessment):
 * what a candidate is shown when the hiring team keeps the results to itself.
 */
export function turnWithoutResults(view: TurnView): TurnView {
  return { ...view, ...sharedWithoutResults(view), evaluation: null, decision: null };
}

/** The whole interview without its results; see turnWithoutResults. */
export function interviewWithoutResults(view: InterviewView): InterviewView {
  return { ...view, ...sharedWithoutResults(view), questions: view.questions.map(withoutDecision), evaluations: [] };
}
