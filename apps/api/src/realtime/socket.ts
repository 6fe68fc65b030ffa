import { createHash, randomBytes } from "node:crypto";
import { WebSocket } from "ws";
import { InterviewError, type ErrorCode, type InterviewService, type InterviewView, type RequestKey, type TurnOptions, type TurnView } from "@interview/graph";
import { errorFacts, type Logger } from "../logger.js";
import type { SpeechServices } from "../speech.js";
import { interviewFor, keyOwner, turnFor, UNKNOWN_ACCESS_TOKEN, type Principal } from "../access.js";
import { describeError } from "../http-errors.js";
import { coaching, finalEvaluation } from "../presenters.js";
import type { BusEvent } from "@interview/shared-state";
import { CLOSE_CODES, parseClientMessage, type ClientMessage, type ServerMessage } from "./protocol.js";

/** What every socket of a process shares. */
export interface SocketContext {
  service: InterviewService;
  speech: SpeechServices | undefined;
  logger: Logger;
  audioMaxBytes: number;
  heartbeatMs: number;
  /** Registers the socket: closes the one it replaces, follows the interview's events. */
  attach(socket: InterviewSocket): Promise<void>;
  detach(socket: InterviewSocket): void;
  /** A turn a socket of this process runs on the interview, if any. */
  runningTurn(threadId: string): Promise<unknown> | undefined;
  trackTurn(threadId: string, turn: Promise<unknown>): void;
}

type Shown = Pick<TurnView, "status" | "currentStep" | "message"> & { question: { id: string } | null };

/** What a client has been shown of the interview: the same state read twice has the same signature. */
const signature = (view: Shown) => JSON.stringify([view.status, view.currentStep, view.question?.id ?? null, view.message]);

/**
 * Sortable by when it opened (base-36 milliseconds), unique by its random part; it names the
 * connection in logs and in the bus's `socket_opened`.
 */
const newConnectionId = () => `ws_${Date.now().toString(36)}_${randomBytes(6).toString("hex")}`;

const fingerprint = (parts: unknown[]) => createHash("sha256").update(JSON.stringify(parts)).digest("hex");

const SPEECH_NOT_CONFIGURED = "Spoken answers are not set up on this server: set STT_PROVIDER and its key (see README, Spoken answers).";

/**
 * One client's WebSocket on one interview. Turns run through the same service as HTTP; what
 * they change reaches the client as messages. Frames are handled in arrival order; a turn runs
 * in the background so pings and reads are answered while it runs.
 */
export class InterviewSocket {
  readonly id = newConnectionId();
  readonly #openedAt = Date.now();
  #ready: Promise<void> = Promise.resolve();
  /** Pushes of the interview's state, one after the other, so the client sees them in order. */
  #outbox: Promise<void> = Promise.resolve();
  #turn: Promise<void> | null = null;
  #refreshDue = false;
  #shown: string | null = null;
  readonly #shownEvaluations = new Set<string>();
  /** The question last shown: the one an answer from this socket answers. */
  #questionId: string | null = null;
  #language = "en";
  #role: string = "candidate";
  readonly #audio = new Map<number, Buffer>();
  #audioBytes = 0;
  #alive = true;
  #heartbeat: NodeJS.Timeout | undefined;
  /** Set once the bus has delivered this socket's own `socket_opened`. */
  #confirmed = false;
  #closing = false;
  #closed = false;
  unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    readonly threadId: string,
    readonly principal: Principal,
    private readonly ws: WebSocket,
    private readonly ctx: SocketContext,
  ) {}

  get closed() {
    return this.#closed || this.#closing;
  }

  /** Registers the socket, then tells the client where the interview stands. */
  open(): void {
    this.ws.on("pong", () => (this.#alive = true));
    this.#heartbeat = setInterval(() => this.#beat(), this.ctx.heartbeatMs);
    this.#heartbeat.unref();
    this.#ready = this.#setUp();
  }

  async #setUp(): Promise<void> {
    try {
      // Checked before it takes the interview from another socket (a retired token must not close
      // the new browser's), and again once subscribed, for a change in between.
      if (!(await this.#stillAllowed())) return;
      await this.ctx.attach(this);
      if (this.closed || !(await this.#stillAllowed())) return;
      this.send({ type: "connected", thread_id: this.threadId, connection_id: this.id });
      // A turn this process still runs for the interview (the client dropped mid-turn): its
      // result is the current question, so the client resumes there rather than one behind.
      await this.ctx.runningTurn(this.threadId)?.catch(() => undefined);
      const view = await this.#current();
      this.#language = view.setup.language;
      this.#role = view.role;
      for (const e of view.evaluations) this.#shownEvaluations.add(e.questionId);
      await this.#enqueue(() => this.#pushState(view, "resume"));
    } catch (error) {
      this.#report(error);
      if (describeError(error).code === "not_found") this.close(CLOSE_CODES.deleted, "interview not found");
      else this.close(CLOSE_CODES.internalError, "could not open the interview");
    }
  }

  send(message: ServerMessage): void {
    if (this.ws.readyState !== WebSocket.OPEN || this.#closing) return;
    this.ws.send(JSON.stringify(message));
  }

  /** Closes with a documented code; a peer that does not answer the close is cut off. */
  close(code: number, reason: string): void {
    if (this.#closing || this.#closed) return;
    this.#closing = true;
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
    setTimeout(() => {
      if (this.ws.readyState !== WebSocket.CLOSED) this.ws.terminate();
    }, 5_000).unref();
  }

  /** The socket is gone (either side closed it); a turn it started runs on and is saved. */
  onClosed(code: number): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    this.#audio.clear();
    this.ctx.detach(this);
    this.ctx.logger.info({ threadId: this.threadId, connectionId: this.id, code, ms: Date.now() - this.#openedAt }, "socket closed");
  }

  #beat(): void {
    if (!this.#alive) {
      this.close(CLOSE_CODES.heartbeatTimeout, "heartbeat timeout");
      return;
    }
    this.#alive = false;
    try {
      this.ws.ping();
    } catch {
      // Closing already; the close event cleans up.
    }
  }

  /** A frame from the client. */
  receive(data: unknown): void {
    this.#alive = true;
    if (this.closed) return;
    if (typeof data !== "string") return this.#error("invalid_input", "Send JSON text frames; binary frames are not accepted (audio goes in audio_chunk as base64).");
    const parsed = parseClientMessage(data);
    if (!parsed.ok) return this.#error("invalid_input", parsed.message);
    const message = parsed.message;
    // Answered at once, even during a turn: the client's own heartbeat and buffered audio.
    if (message.type === "ping") return this.send({ type: "pong" });
    if (message.type === "audio_chunk") return this.#bufferAudio(message.data, message.seq);
    void this.#ready.then(() => this.#handle(message));
  }

  #handle(message: Exclude<ClientMessage, { type: "ping" | "audio_chunk" }>): void {
    if (this.closed) return;
    switch (message.type) {
      case "get_current_question":
        void this.#enqueue(async () => this.#pushState(await this.#current(), "question")).catch((error: unknown) => this.#report(error));
        return;
      case "answer": {
        const { text, question_id: questionId, request_id: requestId } = message;
        return this.#runTurn(requestId, ["answer", this.threadId, text.trim(), questionId ?? null], (options) =>
          this.ctx.service.answer(this.threadId, { text, channel: "text", questionId }, options),
        );
      }
      case "audio_end":
        return this.#answerAudio(message);
      case "end":
        return this.#runTurn(message.request_id, ["end", this.threadId], (options) => this.ctx.service.end(this.threadId, { requestKey: options.requestKey }));
    }
  }

  #bufferAudio(data: string, seq: number): void {
    const bytes = Buffer.from(data, "base64");
    this.#audioBytes += bytes.length - (this.#audio.get(seq)?.length ?? 0);
    if (this.#audioBytes > this.ctx.audioMaxBytes) {
      this.#audio.clear();
      this.#audioBytes = 0;
      this.#error("audio_too_large", `The recording is larger than the ${(this.ctx.audioMaxBytes / 1024 / 1024).toFixed(1)} MB limit for one answer.`);
      this.close(CLOSE_CODES.tooLarge, "audio too large");
      return;
    }
    // A chunk sent again (after a hiccup) replaces the first copy.
    this.#audio.set(seq, bytes);
  }

  #answerAudio(message: Extract<ClientMessage, { type: "audio_end" }>): void {
    const { request_id: requestId, question_id: questionId } = message;
    // Kept while a turn runs, so the same audio_end can be sent again once it is over.
    if (this.#turn) return this.#busy(requestId);
    const seqs = [...this.#audio.keys()].sort((a, b) => a - b);
    if (seqs.length === 0) return this.#error("invalid_input", "audio_end: no audio_chunk frames came before it.", requestId);
    const missing = seqs.findIndex((seq, i) => seq !== i);
    if (missing >= 0) return this.#error("invalid_input", `audio_end: audio_chunk ${missing} is missing (seq counts from 0 for each answer).`, requestId);
    const audio = new Uint8Array(Buffer.concat(seqs.map((seq) => this.#audio.get(seq)!)));
    this.#audio.clear();
    this.#audioBytes = 0;
    const digest = createHash("sha256").update(audio).digest("hex");
    this.#runTurn(requestId, ["audio", this.threadId, digest, questionId ?? null], async (options) => {
      const { speech, service } = this.ctx;
      if (!speech) throw new InterviewError("speech_not_configured", SPEECH_NOT_CONFIGURED);
      // No transcription is paid for an interview that cannot take the answer.
      if ((await service.get(this.threadId)).status === "completed") throw new InterviewError("interview_completed", "This interview is already completed and takes no more answers.");
      const text = await speech.transcribe({ data: audio, mimeType: message.mime_type ?? "" }, this.#language);
      this.send({ type: "transcript", text });
      return service.answer(this.threadId, { text, channel: "audio", questionId }, options);
    });
  }

  /** One turn at a time per socket; the service refuses a second writer on any replica too. */
  #runTurn(requestId: string | undefined, request: unknown[], work: (options: TurnOptions) => Promise<TurnView>): void {
    if (this.#turn) return this.#busy(requestId);
    const requestKey: RequestKey | undefined = requestId
      ? { principal: keyOwner(this.principal), key: requestId, fingerprint: fingerprint(["ws", ...request]) }
      : undefined;
    const answered = this.#questionId;
    const turn = (async () => {
      try {
        if (!(await this.#stillAllowed(requestId))) return;
        const view = await work({ onToken: (text) => this.send({ type: "token", text }), requestKey });
        await this.#enqueue(() => this.#pushTurn(view, answered));
      } catch (error) {
        this.#report(error, requestId);
      }
    })();
    this.#turn = turn;
    this.ctx.trackTurn(this.threadId, turn);
    void turn.finally(() => {
      this.#turn = null;
      if (this.#refreshDue) {
        this.#refreshDue = false;
        this.refresh();
      }
    });
  }

  #busy(requestId: string | undefined): void {
    this.#error("turn_in_progress", "Another turn is in progress on this interview; wait for its reply, then send again.", requestId);
  }

  /** An event about this interview from any replica. */
  onBusEvent(event: BusEvent): void {
    if (this.closed) return;
    switch (event.type) {
      case "socket_opened":
        // Every replica sees the bus's events in one order: the socket announced last wins, and
        // events from before this socket's own announcement are about older sockets.
        if (event.connectionId === this.id) this.#confirmed = true;
        else if (this.#confirmed) this.close(CLOSE_CODES.replaced, "replaced");
        return;
      case "turn_committed":
      case "interview_ended":
        return this.refresh();
      case "interview_deleted":
        this.#error("not_found", "This interview was erased.");
        this.close(CLOSE_CODES.deleted, "interview deleted");
        return;
      case "access_changed":
        // Missed or failed, the check is made again before the next turn.
        return void this.#stillAllowed().catch(() => undefined);
    }
  }

  /**
   * A candidate's socket lives only as long as its token opens the interview (opening the invite
   * link elsewhere replaces it): checked when the token changes, once subscribed, and before each
   * turn, so a missed event cannot leave the old browser answering. False once it has closed.
   */
  async #stillAllowed(requestId?: string): Promise<boolean> {
    if (this.principal.kind !== "candidate") return true;
    const info = await this.ctx.service.info(this.threadId);
    // Erased: the interview_deleted event, or the turn's own not_found, says so.
    if (!info || info.accessTokenHash === this.principal.tokenDigest) return !this.closed;
    this.#error("unauthorized", UNKNOWN_ACCESS_TOKEN, requestId);
    this.close(CLOSE_CODES.accessWithdrawn, "access withdrawn");
    return false;
  }

  /** The bus's own announcement could not be sent: this socket stands (it cannot be outvoted). */
  confirm(): void {
    this.#confirmed = true;
  }

  /** Re-reads the interview after a commit (HTTP, voice, another replica) and pushes what is new. */
  refresh(): void {
    if (this.#turn) {
      // The turn pushes its own result; anything else is looked at once it is over.
      this.#refreshDue = true;
      return;
    }
    void this.#ready
      .then(() =>
        this.#enqueue(async () => {
          if (this.closed) return;
          if (this.#turn) {
            this.#refreshDue = true;
            return;
          }
          const view = await this.#current();
          if (signature(view) === this.#shown) return;
          const last = view.answers.at(-1);
          const evaluation = last && view.evaluations.find((e) => e.questionId === last.questionId);
          if (evaluation && !this.#shownEvaluations.has(evaluation.questionId)) {
            this.#sendEvaluation(evaluation);
            const decision = view.questions.find((q) => q.id === evaluation.questionId)?.decision;
            if (decision) this.send({ type: "decision", question_id: evaluation.questionId, action: decision.action, reason: decision.reason });
          }
          await this.#pushState(view, "question");
        }),
      )
      .catch((error: unknown) => this.#report(error));
  }

  #enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.#outbox.then(job);
    this.#outbox = run.catch(() => undefined);
    return run;
  }

  /** The interview as this socket's caller may see it (a candidate may not see results the team keeps). */
  async #current(): Promise<InterviewView> {
    return interviewFor(this.principal, await this.ctx.service.get(this.threadId));
  }

  async #pushTurn(turn: TurnView, answered: string | null): Promise<void> {
    const view = turnFor(this.principal, turn);
    if (view.evaluation) this.#sendEvaluation(view.evaluation);
    const decided = view.evaluation?.questionId ?? answered;
    if (view.decision && decided) this.send({ type: "decision", question_id: decided, action: view.decision.action, reason: view.decision.reason });
    await this.#pushState(view, "question");
  }

  #sendEvaluation(e: NonNullable<TurnView["evaluation"]>): void {
    this.#shownEvaluations.add(e.questionId);
    this.send({ type: "evaluation", question_id: e.questionId, score: e.score, rubric: e.rubric, feedback: e.feedback, insufficient_evidence: e.insufficientEvidence ?? false });
  }

  /** The interview as it stands: its current question (or reply), or its completion, then its audio. */
  async #pushState(view: TurnView | InterviewView, as: "resume" | "question"): Promise<void> {
    if (this.closed) return;
    this.#shown = signature(view);
    const { question } = view;
    if (view.status === "question" && question) {
      this.#questionId = question.id;
      const fields = { question_id: question.id, text: question.text, step: view.currentStep, max_steps: view.maxSteps, phase: question.phase, kind: question.kind };
      if (as === "resume") {
        const full = view as InterviewView;
        this.send({ type: "resume", status: "question", ...fields, ...(full.answers.length === 0 && full.greeting ? { greeting: full.greeting } : {}), answered: full.answers.length });
      } else this.send({ type: "question", ...fields });
    } else if (view.status === "awaiting_question") {
      this.#questionId = null;
      if (as === "resume") {
        const full = view as InterviewView;
        this.send({ type: "resume", status: "awaiting_question", text: view.message, step: view.currentStep, max_steps: view.maxSteps, phase: view.phase, answered: full.answers.length });
      } else this.send({ type: "reply", text: view.message, status: "awaiting_question", step: view.currentStep, max_steps: view.maxSteps });
    } else {
      // Role reversal's coaching is on the whole interview only.
      const full = "coaching" in view ? view : this.#role === "interviewer" ? await this.ctx.service.get(this.threadId) : null;
      this.send({
        type: "completed",
        text: view.message,
        ...(view.finalEvaluation ? { final_evaluation: finalEvaluation(view.finalEvaluation) } : {}),
        ...(full?.coaching ? { coaching: coaching(full.coaching) } : {}),
      });
    }
    await this.#pushAudio(view);
    if (view.status === "completed") this.close(CLOSE_CODES.completed, "completed");
  }

  /** The message spoken, kept under the same id HTTP uses, so a reconnect does not pay for it twice. */
  async #pushAudio(view: TurnView | InterviewView): Promise<void> {
    const speech = this.ctx.speech;
    if (!speech?.tts || !view.message.trim() || this.closed) return;
    const messageId = view.question?.id ?? (view.status === "completed" ? "closing" : `reply-${view.currentStep}`);
    try {
      let audio = await speech.audio.load(this.threadId, messageId);
      if (!audio) {
        const spoken = await speech.tts.synthesize(view.message, { language: this.#language });
        audio = { mimeType: spoken.mimeType, data: spoken.data };
        await speech.audio.save(this.threadId, messageId, audio);
      }
      this.send({ type: "audio", message_id: messageId, data: Buffer.from(audio.data).toString("base64"), mime_type: audio.mimeType });
    } catch (error) {
      this.ctx.logger.warn({ threadId: this.threadId, connectionId: this.id, code: describeError(error).code }, "text-to-speech failed; the message has no audio");
    }
  }

  #error(code: ErrorCode, message: string, requestId?: string): void {
    this.send({ type: "error", code, message, ...(requestId ? { request_id: requestId } : {}) });
  }

  /** A failed turn or read, as the documented error; unexpected ones are logged by code only. */
  #report(error: unknown, requestId?: string): void {
    const { code, message, retryAfterSeconds } = describeError(error);
    if (code === "internal_error") this.ctx.logger.error({ threadId: this.threadId, connectionId: this.id, err: errorFacts(error) }, "socket turn failed");
    this.send({ type: "error", code, message, ...(retryAfterSeconds ? { retry_after_seconds: retryAfterSeconds } : {}), ...(requestId ? { request_id: requestId } : {}) });
  }
}
