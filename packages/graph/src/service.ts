import { randomUUID } from "node:crypto";
import { Command } from "@langchain/langgraph";
import type { InterviewInput, InterviewState, Persona } from "./state.js";
import type { Channel, EngineName, PersonaStrength, QuestionStyle, QuestionType, Role, Seniority } from "./types.js";
import { PERSONAS, QUESTION_STYLES, QUESTION_TYPES, ROLES, SENIORITIES } from "./types.js";
import { isReplay, type InterviewSummary, type Replay, type RequestKey, type ThreadRegistry, type Turn, type TurnKind } from "./threads.js";
import type { InterviewDirectory, InterviewListFilter, InterviewPage } from "./interview-list.js";
import { charCount, type CvIngestor, type IngestedCv } from "./cv/ingest.js";
import type { CvIndexRetriever, CvStore } from "./cv/cv-store.js";
import type { AnswerResume } from "./nodes/await-answer.js";
import type { QuestionTokenEvent } from "./nodes/generate-question.js";
import { InterviewError, interviewNotFound, isInterviewError } from "./errors.js";
import { DEFAULT_MAX_STEPS, MAX_STEPS_LIMIT } from "./settings.js";
import { emptyCvModel } from "./cv/model/index.js";
import { finalEvaluationOf, interviewView, turnView, type InterviewView, type TurnView } from "./views.js";
import { reportFromState, type ReportDocument } from "./report/index.js";
import { candidateNameFromCv } from "./candidate/index.js";
import { raceSignal } from "./race-signal.js";

export interface StartRequest {
  threadId?: string | undefined;
  role?: string | undefined;
  jobTitle: string;
  questionType: string;
  questionStyle?: string | undefined;
  maxSteps?: number | undefined;
  company?: string | undefined;
  jobDescription?: string | undefined;
  jobId?: string | undefined;
  language?: string | undefined;
  candidateName?: string | undefined;
  cvPdf?: Uint8Array | undefined;
  cvText?: string | undefined;
  /** Role reversal: how the AI candidate performs, and how senior it is. */
  persona?: string | undefined;
  seniority?: string | undefined;
  /** Digest of the candidate's per-interview access token, checked by front-ends. */
  accessTokenHash?: string | undefined;
  /** false: the candidate is not told their scores or the report (a hiring team's screening). */
  resultsShared?: boolean | undefined;
}

export interface AnswerInput {
  text: string;
  channel?: Channel;
  /** The question this answer is for; another current question means the answer is stale. */
  questionId?: string | undefined;
}

export interface TurnOptions {
  /** Receives the next question (or the AI candidate's reply) as it is written. */
  onToken?: (token: string) => void;
  signal?: AbortSignal;
  /** The client's Idempotency-Key: a request already answered is replayed, not run again. */
  requestKey?: RequestKey | undefined;
}

export interface ServiceLimits {
  maxAnswerChars: number;
  /** A whole turn, start included (CV reading and embedding). */
  turnTimeoutMs: number;
}

export const defaultServiceLimits: ServiceLimits = { maxAnswerChars: 10_000, turnTimeoutMs: 90_000 };

/** Told after every committed turn and erase, for realtime clients (WebSocket, other replicas). */
export interface InterviewEvents {
  committed(threadId: string, view: TurnView, kind: TurnKind): void;
  erased(threadId: string): void;
  /** The interview's access token was replaced: sockets opened with the old one must close. */
  accessChanged(threadId: string): void;
}

/** What the service needs of a compiled interview graph (both graphs share the state and checkpointer). */
export interface DrivableGraph {
  invoke(input: unknown, config: Record<string, unknown>): Promise<unknown>;
  stream(input: unknown, config: Record<string, unknown>): Promise<AsyncIterable<unknown>>;
  getState(config: { configurable: Record<string, unknown> }): Promise<{ values: unknown }>;
}

export interface ServiceDeps {
  /** The AI interviews (role "candidate": the human is the candidate). */
  interviewerGraph: DrivableGraph;
  /** The AI is the candidate (role "interviewer"); absent where role reversal is not wired in. */
  candidateGraph?: DrivableGraph;
  threads: ThreadRegistry;
  /** The team's list of interviews and the candidates' tokens (absent in process-local set-ups). */
  directory?: InterviewDirectory;
  ingestor: CvIngestor;
  cvStore: CvStore;
  retriever?: Pick<CvIndexRetriever, "remember" | "forget">;
  engine: EngineName;
  limits?: Partial<ServiceLimits>;
  events?: InterviewEvents;
  /** The AI candidate's CV when the interviewer gives none (role reversal). */
  personaCv?: (request: { jobTitle: string; jobDescription?: string | undefined; company?: string | undefined; seniority: Seniority; seed: string }) => string;
}

type GraphInput = unknown;

/**
 * Leaves absent fields out of the graph input: a channel written with `undefined` is stored as
 * "empty", which LangGraph rebuilds on every load by walking the thread's history. Never written,
 * the channel keeps its default.
 */
function withoutUndefined<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;
}

const isInterruptOnly = (chunk: unknown) => {
  const keys = Object.keys(chunk ?? {});
  return keys.length === 1 && keys[0] === "__interrupt__";
};

const THREAD_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

const summaryOf = (state: InterviewState): InterviewSummary => {
  const final = finalEvaluationOf(state);
  return { status: state.status, step: state.step, maxSteps: state.maxSteps, overallScore: final?.overallScore ?? null, recommendation: final?.recommendation ?? null };
};

/** Starts, continues, ends, reads and erases interviews: the one entry point every front-end uses. */
export class InterviewService {
  /** The limits it enforces (answer length, turn time), for front-ends to show. */
  readonly limits: ServiceLimits;

  constructor(private readonly deps: ServiceDeps) {
    this.limits = { ...defaultServiceLimits, ...deps.limits };
  }

  get engine(): EngineName {
    return this.deps.engine;
  }

  get supportsRoleReversal(): boolean {
    return this.deps.candidateGraph !== undefined;
  }

  async start(request: StartRequest, options: TurnOptions = {}): Promise<TurnView> {
    const input = validateStart(request);
    if (input.role === "interviewer" && !this.deps.candidateGraph) throw new InterviewError("invalid_input", "Interviewing an AI candidate is not available on this server.");
    const threadId = request.threadId ?? randomUUID();
    if (!THREAD_ID.test(threadId)) {
      throw new InterviewError("invalid_input", "The interview id may only contain letters, digits, '_', '-', '.' and ':' (at most 128).");
    }
    const signal = this.turnSignal(options.signal);
    const created = await this.deps.threads.create(
      threadId,
      { role: input.role, jobId: input.jobId, jobTitle: input.jobTitle, company: input.company, candidateName: input.candidateName, accessTokenHash: request.accessTokenHash, maxSteps: input.maxSteps },
      options.requestKey,
    );
    if (isReplay(created)) return this.replay(created);
    const turn = created;
    const cvId = randomUUID();
    try {
      const cv = await raceSignal(this.ingest(request, input, threadId), signal);
      if (cv) {
        await this.deps.cvStore.save(threadId, cvId, cv.passages);
        this.deps.retriever?.remember(cvId, cv.passages);
      }
      // In role reversal the name on the CV is the AI candidate's, and the human is the interviewer.
      const names = input.role === "interviewer" ? { candidateName: (cv && candidateNameFromCv(cv.text)) || undefined, interviewerName: input.candidateName } : {};
      const state = await this.run(turn, withoutUndefined({
        ...input,
        ...names,
        seed: threadId,
        engine: this.deps.engine,
        cvId: cv && cv.passages.length > 0 ? cvId : null,
        cvProfile: cv?.profile ?? emptyCvModel(),
      }), options, signal);
      const view = turnView(threadId, state, "start");
      await turn.commit(summaryOf(state), "start", options.requestKey);
      this.deps.events?.committed(threadId, view, "start");
      return view;
    } catch (error) {
      // A start that failed leaves nothing behind, so the same request can be sent again.
      await turn.abandon().catch(() => undefined);
      this.deps.retriever?.forget(cvId);
      throw this.explain(error, signal);
    }
  }

  async answer(threadId: string, input: AnswerInput, options: TurnOptions = {}): Promise<TurnView> {
    const text = typeof input.text === "string" ? input.text.trim() : "";
    if (!text) throw new InterviewError("invalid_input", "The answer is empty.");
    if (charCount(text) > this.limits.maxAnswerChars) {
      throw new InterviewError("answer_too_long", `The answer is longer than ${this.limits.maxAnswerChars.toLocaleString("en")} characters; shorten it and send it again.`);
    }
    const resume: AnswerResume = { kind: "answer", text, channel: input.channel ?? "text", questionId: input.questionId };
    return this.turn(threadId, resume, "answer", options);
  }

  /** Ends the interview now: the report covers what was answered. Ending a finished interview returns it as it is. */
  async end(threadId: string, options: TurnOptions = {}): Promise<TurnView> {
    return this.turn(threadId, { kind: "end" }, "end", options);
  }

  /** The whole interview, or 404. */
  async get(threadId: string): Promise<InterviewView> {
    return interviewView(threadId, await this.currentState(threadId));
  }

  /** The state at the interview's head, or 404 (also for one whose start never completed). */
  async currentState(threadId: string): Promise<InterviewState> {
    const info = THREAD_ID.test(threadId) ? await this.deps.threads.info(threadId) : undefined;
    if (!info?.head) throw interviewNotFound();
    return this.stateAt(threadId, info.head, info.role);
  }

  /** The interview's report document (for Markdown and PDF renderers). */
  async report(threadId: string): Promise<ReportDocument> {
    return reportFromState(threadId, await this.currentState(threadId));
  }

  async info(threadId: string) {
    return THREAD_ID.test(threadId) ? this.deps.threads.info(threadId) : undefined;
  }

  /** The new token opens the interview; sockets opened with the old one close. Returns the voice room the old one was in. */
  async replaceAccessToken(threadId: string, tokenDigest: string): Promise<{ voiceRoom: string | null }> {
    const replaced = (await this.deps.directory?.replaceAccessToken(threadId, tokenDigest)) ?? { voiceRoom: null };
    this.deps.events?.accessChanged(threadId);
    return replaced;
  }

  /** Whether a voice agent in this room may take the interview's answers (see InterviewDirectory.speaksIn); true without a directory. */
  async speaksIn(threadId: string, room: string): Promise<boolean> {
    return (await this.deps.directory?.speaksIn(threadId, room)) ?? true;
  }

  /** The interview's voice room from now on, and the one it had before (to close); with a candidate's token, only while it opens the interview. */
  async replaceVoiceRoom(threadId: string, room: string, tokenDigest?: string): Promise<{ recorded: boolean; previous: string | null }> {
    return (await this.deps.directory?.replaceVoiceRoom(threadId, room, tokenDigest)) ?? { recorded: true, previous: null };
  }

  async isAccessToken(tokenDigest: string): Promise<boolean> {
    return (await this.deps.directory?.isAccessToken(tokenDigest)) ?? false;
  }

  async list(filter: InterviewListFilter): Promise<InterviewPage> {
    return (await this.deps.directory?.list(filter)) ?? { rows: [], nextCursor: null };
  }

  /**
   * Erases the interview: checkpoints, CV passages (and this process's index of them), audio, keys.
   * Returns the voice room it was in, for the caller to close.
   */
  async erase(threadId: string): Promise<{ voiceRoom: string | null }> {
    const info = THREAD_ID.test(threadId) ? await this.deps.threads.info(threadId) : undefined;
    if (!info) throw interviewNotFound();
    const cvId = info.head ? (await this.stateAt(threadId, info.head, info.role)).cvId : null;
    const erased = await this.deps.threads.erase(threadId);
    if (cvId) this.deps.retriever?.forget(cvId);
    this.deps.events?.erased(threadId);
    return erased;
  }

  private async turn(threadId: string, resume: AnswerResume, kind: TurnKind, options: TurnOptions): Promise<TurnView> {
    if (!THREAD_ID.test(threadId)) throw interviewNotFound();
    const begun = await this.deps.threads.begin(threadId, options.requestKey);
    if (isReplay(begun)) return this.replay(begun);
    const signal = this.turnSignal(options.signal, begun.signal);
    let state: InterviewState;
    let head: string | null;
    try {
      state = await this.run(begun, new Command({ resume }), options, signal);
      head = await begun.commit(summaryOf(state), kind, options.requestKey);
    } catch (error) {
      // Frees the interview at once (not when the lease expires) so the answer can be sent again.
      await begun.abandon().catch(() => undefined);
      throw this.explain(error, signal);
    }
    const view = turnView(threadId, state, kind);
    // A finished interview waits for nothing: the run changed nothing and wrote no checkpoint.
    if (head === begun.head && state.status === "completed") {
      if (kind === "end") return view;
      throw new InterviewError("interview_completed", "This interview is already completed and takes no more answers.");
    }
    this.deps.events?.committed(threadId, view, kind);
    return view;
  }

  private async replay(replay: Replay): Promise<TurnView> {
    const info = await this.deps.threads.info(replay.threadId);
    return turnView(replay.threadId, await this.stateAt(replay.threadId, replay.head, info?.role ?? "candidate"), replay.kind);
  }

  private async ingest(request: StartRequest, input: ReturnType<typeof validateStart>, seed: string): Promise<IngestedCv | null> {
    if (request.cvPdf && request.cvPdf.byteLength > 0) return this.deps.ingestor.fromPdf(request.cvPdf);
    if (request.cvText?.trim()) return this.deps.ingestor.fromText(request.cvText);
    // Interviewing an AI candidate without a CV: it gets a plausible one for the job.
    if (input.role === "interviewer" && this.deps.personaCv) {
      const text = this.deps.personaCv({ jobTitle: input.jobTitle, jobDescription: input.jobDescription, company: input.company, seniority: input.persona!.seniority, seed });
      return this.deps.ingestor.fromText(text);
    }
    return null;
  }

  private turnSignal(...signals: (AbortSignal | undefined)[]): AbortSignal {
    return AbortSignal.any([AbortSignal.timeout(this.limits.turnTimeoutMs), ...signals.filter((s): s is AbortSignal => s !== undefined)]);
  }

  /** The documented error for a failed turn: a timeout of the whole turn becomes upstream_timeout. */
  private explain(error: unknown, signal: AbortSignal): unknown {
    if (isInterviewError(error)) return error;
    if (signal.aborted) {
      const reason = signal.reason as unknown;
      if (isInterviewError(reason)) return reason;
      if ((reason as Error | undefined)?.name === "TimeoutError") {
        return new InterviewError("upstream_timeout", "The interviewer took too long to respond; nothing was saved, send the same request again.", { cause: error, retryAfterSeconds: 5 });
      }
      return new InterviewError("internal_error", "The request was cancelled; nothing was saved.", { cause: error });
    }
    return error;
  }

  private graphFor(role: string): DrivableGraph {
    return role === "interviewer" && this.deps.candidateGraph ? this.deps.candidateGraph : this.deps.interviewerGraph;
  }

  /**
   * One turn, run from the interview's head; returns the state it ends in. The run saves one
   * checkpoint, when it pauses or ends (durability "exit"), and the turn keeps it until committed.
   */
  private async run(turn: Turn, input: GraphInput, options: TurnOptions, signal: AbortSignal): Promise<InterviewState> {
    const graph = this.graphFor(turn.role);
    const config = { configurable: { ...turn.configurable, thread_id: turn.threadId }, durability: "exit" as const, signal };
    let values: unknown;
    if (!options.onToken) {
      values = await raceSignal(graph.invoke(input, config), signal);
    } else {
      const stream = await graph.stream(input, { ...config, streamMode: ["custom", "values"] });
      const consume = async () => {
        for await (const [mode, chunk] of stream as AsyncIterable<["custom" | "values", unknown]>) {
          // The last chunk of a paused run holds only the pending interrupt.
          if (mode === "values" && !isInterruptOnly(chunk)) values = chunk;
          else if ((chunk as QuestionTokenEvent)?.type === "question_token") options.onToken!((chunk as QuestionTokenEvent).token);
        }
      };
      await raceSignal(consume(), signal);
    }
    // A streamed run with nothing to do (a finished interview) emits no values: read them.
    if (values === undefined) return this.stateAt(turn.threadId, turn.head, turn.role);
    const { __interrupt__: _, ...state } = values as InterviewState & { __interrupt__?: unknown };
    return state as InterviewState;
  }

  private async stateAt(threadId: string, head: string | null, role: string): Promise<InterviewState> {
    const snapshot = await this.graphFor(role).getState({ configurable: { thread_id: threadId, ...(head ? { checkpoint_id: head } : {}) } });
    return snapshot.values as InterviewState;
  }
}

const oneOf = <T extends string>(values: readonly T[], value: string, what: string): T => {
  if (!(values as readonly string[]).includes(value)) throw new InterviewError("invalid_input", `The ${what} must be one of ${values.join(", ")}.`);
  return value as T;
};

/** Checks and normalises the fields of a start request; old clients' style names are accepted as types. */
export function validateStart(request: StartRequest): Omit<InterviewInput, "seed" | "engine" | "cvId" | "cvProfile"> {
  const jobTitle = request.jobTitle?.trim();
  if (!jobTitle) throw new InterviewError("invalid_input", "The job title is required.");
  if (charCount(jobTitle) > 200) throw new InterviewError("invalid_input", "The job title must be at most 200 characters.");
  let questionType = request.questionType?.trim().toLowerCase().replace(/[\s-]+/g, "_") ?? "";
  let questionStyle = request.questionStyle?.trim().toLowerCase() || "adaptive";
  if ((QUESTION_STYLES as readonly string[]).includes(questionType) && questionType !== "adaptive") {
    questionStyle = questionType;
    questionType = "mixed";
  }
  const role = oneOf<Role>(ROLES, request.role?.trim().toLowerCase() || "candidate", "role");
  const maxSteps = request.maxSteps ?? DEFAULT_MAX_STEPS;
  if (!Number.isInteger(maxSteps) || maxSteps < 1 || maxSteps > MAX_STEPS_LIMIT) {
    throw new InterviewError("invalid_input", `The number of questions must be a whole number from 1 to ${MAX_STEPS_LIMIT}.`);
  }
  const optional = (value: string | undefined, what: string, max: number) => {
    const v = value?.trim();
    if (v && charCount(v) > max) throw new InterviewError("invalid_input", `The ${what} must be at most ${max.toLocaleString("en")} characters.`);
    return v || undefined;
  };
  const persona: Persona | null =
    role === "interviewer"
      ? {
          strength: oneOf<PersonaStrength>(PERSONAS, request.persona?.trim().toLowerCase() || "average", "persona"),
          seniority: oneOf<Seniority>(SENIORITIES, request.seniority?.trim().toLowerCase() || "mid", "seniority"),
          generatedCv: !(request.cvPdf?.byteLength || request.cvText?.trim()),
        }
      : null;
  return {
    role,
    jobTitle,
    questionType: oneOf<QuestionType>(QUESTION_TYPES, questionType, "question type"),
    questionStyle: oneOf<QuestionStyle>(QUESTION_STYLES, questionStyle, "question style"),
    maxSteps,
    company: optional(request.company, "company name", 200),
    jobDescription: optional(request.jobDescription, "job description", 20_000),
    jobId: optional(request.jobId, "job id", 128),
    language: optional(request.language, "language", 40) ?? "en",
    candidateName: optional(request.candidateName, "candidate's name", 100),
    persona,
    resultsShared: request.resultsShared ?? true,
  };
}
