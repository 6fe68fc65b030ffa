import { ReadableStream, type ReadableStreamDefaultController } from "node:stream/web";
import { isInterviewError, type InterviewService, type TurnView } from "@interview/graph";
import { spokenApology, spokenOpening, spokenReply } from "./speech-text.js";

/** The part of the interview service the voice agent uses; state always comes from the checkpointer. */
export type Interviews = Pick<InterviewService, "get" | "answer">;

export interface Spoken {
  text: string;
  /** True when the interview is over and the agent should leave after saying this. */
  finished: boolean;
}

export interface Opening extends Spoken {
  /** The interview's language, for speech recognition and synthesis. */
  language: string;
}

export interface Reply {
  /** The words to speak, as they become available. */
  text: ReadableStream<string>;
  /** Resolves once the turn is settled: true when the interview is over. */
  finished: Promise<boolean>;
}

export interface BridgeOptions {
  /** How long the next question may be held back so the feedback can be said first. */
  feedbackWaitMs: number;
  /** Retries while another writer (a text client, a previous agent) holds the thread. */
  busyRetries?: number;
  busyRetryDelayMs?: number;
  /** Told about failed turns; receives the error only, never the answer. */
  onError?: (error: unknown) => void;
}

/**
 * Makes the interview graph the brain of a voice conversation on one thread: each final user
 * transcript becomes the answer to the current question, and the graph's reply is what is spoken.
 * Turns run one at a time, in the order they were spoken.
 */
export class InterviewBridge {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly interviews: Interviews,
    readonly threadId: string,
    private readonly options: BridgeOptions,
  ) {}

  async opening(): Promise<Opening> {
    const view = await this.interviews.get(this.threadId);
    return { text: spokenOpening(view), finished: view.status === "completed", language: view.state.language };
  }

  reply(answer: string): Reply {
    const out = new SpokenStream();
    const finished = this.serial(async () => {
      // Question tokens are held back for a moment so the feedback, known only when the turn
      // ends, can come first; a slow turn starts speaking the question as it is written.
      const release = setTimeout(() => out.startStreaming(), this.options.feedbackWaitMs);
      try {
        const view = await this.answer(answer, (token) => out.token(token));
        clearTimeout(release);
        if (!out.spokeTokens) out.say(spokenReply(view));
        return view.status === "completed";
      } catch (error) {
        clearTimeout(release);
        this.options.onError?.(error);
        const recovery = await this.recover(error);
        out.say(recovery.text);
        return recovery.finished;
      } finally {
        out.close();
      }
    });
    return { text: out.readable, finished };
  }

  private async answer(text: string, onToken: (token: string) => void): Promise<TurnView> {
    const retries = this.options.busyRetries ?? 5;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.interviews.answer(this.threadId, text, "voice", { onToken });
      } catch (error) {
        if (!isInterviewError(error, "turn_in_progress") || attempt >= retries) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.options.busyRetryDelayMs ?? 1_000));
      }
    }
  }

  /** What to say when a turn failed; the thread is unchanged, so the candidate can answer again. */
  private async recover(error: unknown): Promise<Spoken> {
    if (isInterviewError(error, "interview_completed")) return this.opening();
    if (isInterviewError(error, "not_found")) return { text: spokenApology.gone, finished: true };
    const apology = isInterviewError(error, "invalid_input") ? spokenApology.tooLong : spokenApology.notSaved;
    try {
      const view = await this.interviews.get(this.threadId);
      if (view.status === "completed") return { text: spokenOpening(view), finished: true };
      return { text: `${apology} ${spokenApology.repeat(view.message)}`, finished: false };
    } catch {
      return { text: apology, finished: false };
    }
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Text for TTS: held until released or replaced by a whole sentence; never written after the listener left. */
class SpokenStream {
  readonly readable: ReadableStream<string>;
  private controller!: ReadableStreamDefaultController<string>;
  private held: string[] = [];
  private streaming = false;
  private done = false;
  spokeTokens = false;

  constructor() {
    this.readable = new ReadableStream<string>({
      start: (controller) => {
        this.controller = controller;
      },
      // The listener went away (the candidate interrupted); the turn itself still completes.
      cancel: () => {
        this.done = true;
      },
    });
  }

  token(token: string) {
    if (this.streaming) this.emit(token);
    else this.held.push(token);
  }

  startStreaming() {
    if (this.streaming) return;
    this.streaming = true;
    for (const token of this.held.splice(0)) this.emit(token);
  }

  say(text: string) {
    this.held = [];
    if (text) this.write(text);
  }

  close() {
    if (this.done) return;
    this.done = true;
    this.controller.close();
  }

  private emit(token: string) {
    if (!token) return;
    this.spokeTokens = true;
    this.write(token);
  }

  private write(text: string) {
    if (!this.done) this.controller.enqueue(text);
  }
}
