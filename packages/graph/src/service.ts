import { randomUUID } from "node:crypto";
import { Command, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { InterviewGraph } from "./graph.js";
import type { InterviewInput, InterviewState } from "./state.js";
import { currentQuestion } from "./state.js";
import type { Channel, EngineName, Evaluation, FinalEvaluation, Question, QuestionStyle, QuestionType } from "./types.js";
import { QUESTION_STYLES, QUESTION_TYPES } from "./types.js";
import type { Turn, ThreadRegistry } from "./threads.js";
import type { CvIngestor, IngestedCv } from "./cv/ingest.js";
import type { CvIndexCache } from "./cv/cv-index.js";
import type { AnswerResume } from "./nodes/await-answer.js";
import type { QuestionTokenEvent } from "./nodes/generate-question.js";
import { InterviewError, interviewNotFound, isInterviewError } from "./errors.js";
import { DEFAULT_MAX_STEPS, MAX_STEPS_LIMIT } from "./settings.js";
import { emptyProfile } from "./cv/profile.js";

export interface StartRequest {
  threadId?: string | undefined;
  jobTitle: string;
  questionType: string;
  questionStyle?: string | undefined;
  maxSteps?: number | undefined;
  company?: string | undefined;
  jobDescription?: string | undefined;
  language?: string | undefined;
  candidateName?: string | undefined;
  cvPdf?: Uint8Array | undefined;
  cvText?: string | undefined;
}

/** What a client needs after each turn. */
export interface TurnView {
  threadId: string;
  status: "question" | "completed";
  message: string;
  currentStep: number;
  maxSteps: number;
  question: Question | null;
  /** The evaluation of the answer just given (not of a clarification request). */
  evaluation: Evaluation | null;
  finalEvaluation: FinalEvaluation | null;
  state: InterviewState;
}

export interface TurnOptions {
  /** Receives the next question's text as it is written. */
  onToken?: (token: string) => void;
  signal?: AbortSignal;
}

export interface ServiceLimits {
  maxAnswerChars: number;
  turnTimeoutMs: number;
}

export const defaultServiceLimits: ServiceLimits = { maxAnswerChars: 10_000, turnTimeoutMs: 90_000 };

export interface ServiceDeps {
  graph: InterviewGraph;
  checkpointer: BaseCheckpointSaver;
  threads: ThreadRegistry;
  ingestor: CvIngestor;
  cvIndex: CvIndexCache;
  engine: EngineName;
  limits?: Partial<ServiceLimits>;
  /**
   * The graph's work is local and has no effect outside the run (offline engine, local
   * embeddings, no web search): an answer turn may then run while its lease is being taken
   * (ThreadRegistry.begin), and runs again in the rare case it started from a stale state.
   */
  localGraph?: boolean;
}

type GraphInput = Parameters<InterviewGraph["invoke"]>[0];

/**
 * Leaves absent fields out of the graph input. A channel written with `undefined` is stored by
 * the Postgres saver as "empty", and LangGraph 1.7 then rebuilds it on every load by walking the
 * thread's whole checkpoint history (one query per checkpoint, so turns got slower as the
 * interview went on; see bench/RESULTS.md). Never written, the channel keeps its default.
 */
function withoutUndefined<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;
}

const isInterruptOnly = (chunk: unknown) => {
  const keys = Object.keys(chunk ?? {});
  return keys.length === 1 && keys[0] === "__interrupt__";
};


const THREAD_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Starts, continues, reads and erases interviews; the one entry point every front-end uses. */
export class InterviewService {
  private readonly limits: ServiceLimits;

  constructor(private readonly deps: ServiceDeps) {
    this.limits = { ...defaultServiceLimits, ...deps.limits };
  }

  get engine(): EngineName {
    return this.deps.engine;
  }

  async start(request: StartRequest, options: TurnOptions = {}): Promise<TurnView> {
    const input = validateStart(request);
    const threadId = request.threadId ?? randomUUID();
    if (!THREAD_ID.test(threadId)) {
      throw new InterviewError("invalid_input", "thread_id may only contain letters, digits, '_', '-', '.' and ':' (max 128).");
    }
    const cv = await this.ingest(request);
    const turn = await this.deps.threads.create(threadId);
    if (!turn) throw new InterviewError("thread_exists", "An interview with this thread_id already exists.");
    let state: InterviewState;
    try {
      state = await this.run(turn, withoutUndefined({
        ...input,
        seed: threadId,
        engine: this.deps.engine,
        cv: cv?.chunks ?? [],
        cvProfile: cv?.profile ?? emptyProfile(),
      }), options);
      await turn.commit();
    } catch (error) {
      // A start that failed leaves nothing behind, so the same request can be sent again (a
      // commit whose reply was lost may have landed: erase it too). Clean-up failing must not
      // hide why the start failed.
      await turn.abandon().catch(() => undefined);
      await this.deps.checkpointer.deleteThread(threadId).catch(() => undefined);
      await this.deps.threads.remove(threadId).catch(() => undefined);
      this.deps.cvIndex.evict(threadId);
      throw error;
    }
    return this.view(threadId, state, true);
  }

  async answer(threadId: string, text: string, channel: Channel = "text", options: TurnOptions = {}): Promise<TurnView> {
    const answer = typeof text === "string" ? text.trim() : "";
    if (!answer) throw new InterviewError("invalid_input", "user_response must be a non-empty string.");
    if (answer.length > this.limits.maxAnswerChars) {
      throw new InterviewError("invalid_input", `user_response is longer than ${this.limits.maxAnswerChars} characters.`);
    }
    if (!THREAD_ID.test(threadId)) throw interviewNotFound();
    // Streamed tokens reach the client as they are written: only a run with no output may speculate.
    const turn = await this.deps.threads.begin(threadId, { speculative: this.deps.localGraph === true && !options.onToken });
    let state: InterviewState;
    let head: string | null;
    try {
      const resume: AnswerResume = { text: answer, channel };
      state = await this.runConfirmed(turn, new Command({ resume }) as GraphInput, options);
      head = await turn.commit();
    } catch (error) {
      // Frees the interview at once (not when the lease expires) so the answer can be sent again.
      await turn.abandon().catch(() => undefined);
      throw error;
    }
    // A finished interview waits for nothing: the run changes nothing and writes no checkpoint.
    // Checked here rather than by loading the state first, which cost one more load per turn.
    if (head === turn.head && state.status === "completed") {
      throw new InterviewError("interview_completed", "This interview is already completed.");
    }
    return this.view(threadId, state, false);
  }

  /** The current state, or 404. */
  async get(threadId: string): Promise<TurnView> {
    const head = THREAD_ID.test(threadId) ? await this.deps.threads.head(threadId) : undefined;
    if (!head) throw interviewNotFound();
    return this.view(threadId, await this.stateAt(threadId, head), false);
  }

  /** Erases the interview: every checkpoint (with the CV chunks in them) and the cached index. */
  async delete(threadId: string): Promise<void> {
    if (!THREAD_ID.test(threadId)) throw interviewNotFound();
    const turn = await this.deps.threads.lock(threadId);
    try {
      await this.deps.checkpointer.deleteThread(threadId);
      this.deps.cvIndex.evict(threadId);
      await this.deps.threads.remove(threadId);
    } catch (error) {
      await turn.abandon().catch(() => undefined);
      throw error;
    }
  }

  async exists(threadId: string): Promise<boolean> {
    return Boolean(await this.deps.threads.head(threadId));
  }

  private async ingest(request: StartRequest): Promise<IngestedCv | null> {
    if (request.cvPdf && request.cvPdf.byteLength > 0) return this.deps.ingestor.fromPdf(request.cvPdf);
    if (request.cvText?.trim()) return this.deps.ingestor.fromText(request.cvText);
    return null;
  }

  /**
   * One turn, run from the thread's head checkpoint; returns the state it ends in. The run saves
   * one checkpoint, when it pauses or ends (durability "exit"), and the turn keeps it until the
   * caller commits it on success.
   */
  private async run(turn: Turn, input: GraphInput, options: TurnOptions): Promise<InterviewState> {
    const signal = options.signal
      ? AbortSignal.any([options.signal, AbortSignal.timeout(this.limits.turnTimeoutMs)])
      : AbortSignal.timeout(this.limits.turnTimeoutMs);
    // No checkpoint_id: the run continues from the head, which the turn loads (addressing a
    // checkpoint by id makes LangGraph load the latest one too, to compare).
    const config = { configurable: { ...turn.configurable, thread_id: turn.threadId }, durability: "exit" as const, signal };
    let values: unknown;
    try {
      if (!options.onToken) {
        values = await this.deps.graph.invoke(input, config);
      } else {
        const stream = await this.deps.graph.stream(input, { ...config, streamMode: ["custom", "values"] as const });
        for await (const [mode, chunk] of stream as AsyncIterable<["custom" | "values", unknown]>) {
          // The last chunk of a paused run holds only the pending interrupt.
          if (mode === "values" && !isInterruptOnly(chunk)) values = chunk;
          else if ((chunk as QuestionTokenEvent)?.type === "question_token") options.onToken((chunk as QuestionTokenEvent).token);
        }
      }
    } catch (error) {
      if (isInterviewError(error)) throw error;
      if (signal.aborted) {
        throw new InterviewError("provider_unavailable", "The interviewer took too long to respond; send the same answer again.", { cause: error });
      }
      throw error;
    }
    // The run's output is the state it saved (less the pending interrupt), so no reload is needed.
    // A streamed run with nothing to do (a finished interview) emits no values: read them.
    if (values === undefined) return this.stateAt(turn.threadId, turn.head);
    const { __interrupt__: _, ...state } = values as InterviewState & { __interrupt__?: unknown };
    return state as InterviewState;
  }

  /**
   * A run whose result is used only once its turn holds the lease (Turn.confirm): a refused
   * lease wins over the run's own outcome, and a run that started from a state another process
   * had moved on is made again from the current one.
   */
  private async runConfirmed(turn: Turn, input: GraphInput, options: TurnOptions): Promise<InterviewState> {
    let outcome: { state: InterviewState } | { error: unknown };
    try {
      outcome = { state: await this.run(turn, input, options) };
    } catch (error) {
      outcome = { error };
    }
    if (!(await turn.confirm())) return this.run(turn, input, options);
    if ("error" in outcome) throw outcome.error;
    return outcome.state;
  }

  private async stateAt(threadId: string, head: string | null): Promise<InterviewState> {
    const snapshot = await this.deps.graph.getState({ configurable: { thread_id: threadId, ...(head ? { checkpoint_id: head } : {}) } });
    return snapshot.values as InterviewState;
  }

  private view(threadId: string, state: InterviewState, isStart: boolean): TurnView {
    const question = state.status === "completed" ? null : (currentQuestion(state) ?? null);
    const last = state.messages[state.messages.length - 1];
    let message = state.status === "completed" ? (last?.text ?? "") : (question?.text ?? "");
    if (isStart && question) message = `${state.messages[0]?.text ?? ""}\n\n${question.text}`.trim();
    const lastAnswer = state.answers[state.answers.length - 1];
    const evaluation = (!isStart && lastAnswer && state.evaluations.find((e) => e.questionId === lastAnswer.questionId)) || null;
    return {
      threadId,
      status: state.status === "completed" ? "completed" : "question",
      message,
      currentStep: state.status === "completed" ? state.maxSteps : state.step,
      maxSteps: state.maxSteps,
      question,
      evaluation,
      finalEvaluation: state.finalEvaluation,
      state,
    };
  }
}

/** Checks and normalises the fields of a start request; old clients' style names are accepted as types. */
export function validateStart(request: StartRequest): Omit<InterviewInput, "seed" | "engine" | "cv" | "cvProfile"> {
  const jobTitle = request.jobTitle?.trim();
  if (!jobTitle) throw new InterviewError("invalid_input", "job_title is required.");
  if (jobTitle.length > 200) throw new InterviewError("invalid_input", "job_title must be at most 200 characters.");
  let questionType = request.questionType?.trim().toLowerCase().replace(/[\s-]+/g, "_");
  let questionStyle = request.questionStyle?.trim().toLowerCase() || "adaptive";
  if ((QUESTION_STYLES as readonly string[]).includes(questionType ?? "") && questionType !== "adaptive") {
    questionStyle = questionType!;
    questionType = "mixed";
  }
  if (!(QUESTION_TYPES as readonly string[]).includes(questionType ?? "")) {
    throw new InterviewError("invalid_input", `question_type must be one of ${QUESTION_TYPES.join(", ")}.`);
  }
  if (!(QUESTION_STYLES as readonly string[]).includes(questionStyle)) {
    throw new InterviewError("invalid_input", `question_style must be one of ${QUESTION_STYLES.join(", ")}.`);
  }
  const maxSteps = request.maxSteps ?? DEFAULT_MAX_STEPS;
  if (!Number.isInteger(maxSteps) || maxSteps < 1 || maxSteps > MAX_STEPS_LIMIT) {
    throw new InterviewError("invalid_input", `max_step must be an integer from 1 to ${MAX_STEPS_LIMIT}.`);
  }
  const optional = (value: string | undefined, field: string, max: number) => {
    const v = value?.trim();
    if (v && v.length > max) throw new InterviewError("invalid_input", `${field} must be at most ${max} characters.`);
    return v || undefined;
  };
  return {
    jobTitle,
    questionType: questionType as QuestionType,
    questionStyle: questionStyle as QuestionStyle,
    maxSteps,
    company: optional(request.company, "company_name", 200),
    jobDescription: optional(request.jobDescription, "job_description", 20_000),
    language: optional(request.language, "language", 40) ?? "en",
    candidateName: optional(request.candidateName, "username", 100),
  };
}
