import { ReadableStream, type ReadableStreamDefaultController } from "node:stream/web";
import { isInterviewError, type InterviewService, type TurnView } from "@interview/graph";
import { roleServedBy, type AgentName } from "./dispatch.js";
import { isClosingRemark, SPOKEN_MOVED, spokenApology, spokenCandidateReply, spokenFeedback, spokenOpening, spokenRefusal, spokenReply } from "./speech-text.js";

/** The part of the interview service the voice agent uses; state always comes from the checkpointer. */
export type Interviews = Pick<InterviewService, "get" | "answer" | "end">;

export interface Spoken {
  text: string;
  /** True when the agent should leave after saying this (the interview is over, or not its own). */
  finished: boolean;
}

export interface Opening extends Spoken {
  /** The interview's language, for speech recognition and synthesis. */
  language: string;
  /** The dispatch named the wrong agent for the interview's role; nothing will be sent to the graph. */
  refused: boolean;
  /** The interview is spoken in another room now (joined again, or moved to another browser): the agent leaves. */
  moved: boolean;
}

export interface Reply {
  /** The words to speak, as they become available. */
  text: ReadableStream<string>;
  /** Resolves once the turn is settled: true when the agent should leave. */
  finished: Promise<boolean>;
}

export interface BridgeOptions {
  /** Which agent speaks: the interviewer ("voice-agent") or the AI candidate ("candidate-agent"). */
  agent?: AgentName;
  /** How long the next question may be held back so the feedback can be said first. */
  feedbackWaitMs: number;
  /** Retries while another writer (a text client, a previous agent) holds the thread. */
  busyRetries?: number;
  busyRetryDelayMs?: number;
  /** Told about failed turns; receives the error only, never the answer. */
  onError?: (error: unknown) => void;
  /**
   * Whether the agent's room is still the interview's. An interview has one voice room: once it is
   * joined elsewhere, or moved to another browser, this agent takes no more answers here.
   */
  stillHere?: () => Promise<boolean>;
}

/**
 * Makes the interview graph the brain of a voice conversation on one thread: each final user
 * transcript is sent to the graph — as the answer to the current question, or in role reversal as
 * the next question for the AI candidate — and the graph's reply is what is spoken. Turns run one
 * at a time, in the order they were spoken.
 */
export class InterviewBridge {
  readonly agent: AgentName;
  private queue: Promise<unknown> = Promise.resolve();
  private refusal: string | null = null;
  /** The question the candidate was last asked: an answer to an older one is not recorded. */
  private questionId: string | undefined;

  constructor(
    private readonly interviews: Interviews,
    readonly threadId: string,
    private readonly options: BridgeOptions,
  ) {
    this.agent = options.agent ?? "voice-agent";
  }

  async opening(): Promise<Opening> {
    const view = await this.interviews.get(this.threadId);
    const language = view.setup.language;
    if (view.role !== roleServedBy(this.agent)) {
      this.refusal = spokenRefusal(this.agent);
      return { text: this.refusal, finished: true, language, refused: true, moved: false };
    }
    if (await this.movedElsewhere()) return { text: this.refusal!, finished: true, language, refused: true, moved: true };
    this.questionId = view.question?.id;
    return { text: spokenOpening(view), finished: view.status === "completed", language, refused: false, moved: false };
  }

  /** True once the interview has left the agent's room; the agent refuses from then on. */
  get moved(): boolean {
    return this.refusal === SPOKEN_MOVED;
  }

  private async movedElsewhere(): Promise<boolean> {
    if (!this.options.stillHere || (await this.options.stillHere())) return false;
    this.refusal = SPOKEN_MOVED;
    return true;
  }

  /** The graph's reply to what the human just said. */
  reply(said: string): Reply {
    const out = new SpokenStream();
    const finished = this.serial(async () => {
      try {
        if (this.refusal !== null || (await this.movedElsewhere())) {
          out.write(this.refusal!);
          return true;
        }
        return this.agent === "candidate-agent" ? await this.candidateTurn(said, out) : await this.interviewTurn(said, out);
      } catch (error) {
        this.options.onError?.(error);
        const recovery = await this.recover(error);
        out.write(recovery.text);
        return recovery.finished;
      } finally {
        out.close();
      }
    });
    return { text: out.readable, finished };
  }

  /**
   * The interviewer: feedback on the answer, then the next question. The feedback is known only
   * when the turn ends, the question as it is written; see SpokenQuestion for how they meet.
   */
  private async interviewTurn(answer: string, out: SpokenStream): Promise<boolean> {
    const question = new SpokenQuestion(out);
    const release = setTimeout(() => question.startStreaming(), this.options.feedbackWaitMs);
    try {
      const view = await this.send({ text: answer, questionId: this.questionId }, (token) => question.token(token));
      this.questionId = view.question?.id;
      question.finish(view);
      return view.status === "completed";
    } finally {
      clearTimeout(release);
    }
  }

  /** The AI candidate: its answer is spoken as it is written; a closing remark ends the interview. */
  private async candidateTurn(question: string, out: SpokenStream): Promise<boolean> {
    if (isClosingRemark(question)) {
      const view = await this.interviews.end(this.threadId);
      out.write(view.message);
      return true;
    }
    let streamed = false;
    const view = await this.send({ text: question }, (token) => {
      if (token) streamed = true;
      out.write(token);
    });
    if (!streamed) out.write(spokenCandidateReply(view, question));
    // Tokens end where the model stopped, perhaps without a space.
    else if (view.status === "completed") out.write(` ${view.message}`);
    return view.status === "completed";
  }

  private async send(input: { text: string; questionId?: string | undefined }, onToken: (token: string) => void): Promise<TurnView> {
    const retries = this.options.busyRetries ?? 5;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.interviews.answer(this.threadId, { ...input, channel: "voice" }, { onToken });
      } catch (error) {
        if (!isInterviewError(error, "turn_in_progress") || attempt >= retries) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.options.busyRetryDelayMs ?? 1_000));
      }
    }
  }

  /** What to say when a turn failed; the thread is unchanged, so the human can say it again. */
  private async recover(error: unknown): Promise<Spoken> {
    if (isInterviewError(error, "interview_completed")) return this.opening();
    if (isInterviewError(error, "not_found")) return { text: spokenApology.gone, finished: true };
    const candidate = this.agent === "candidate-agent";
    const tooLong = isInterviewError(error, "answer_too_long") || isInterviewError(error, "invalid_input");
    const apology = candidate
      ? tooLong ? spokenApology.questionTooLong : spokenApology.questionNotSaved
      : tooLong ? spokenApology.tooLong : isInterviewError(error, "stale_question") ? spokenApology.moved : spokenApology.notSaved;
    try {
      const view = await this.interviews.get(this.threadId);
      if (view.status === "completed") return { text: spokenOpening(view), finished: true };
      if (candidate) return { text: apology, finished: false };
      this.questionId = view.question?.id;
      const again = isInterviewError(error, "stale_question") ? spokenApology.current(view.message) : spokenApology.repeat(view.message);
      return { text: `${apology} ${again}`, finished: false };
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

/** Sentence ends followed by more words: everything up to the last one may be spoken early. */
const SPOKEN_UP_TO = /[.!?…]+["'”’)\]]*\s+(?=\S)/g;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * The next question, and the feedback on the answer as its own event. A quick turn is said as
 * "feedback, question". On a slow one the question starts before the feedback is known: its
 * opening sentences are spoken as they are written, while its last sentence — the question the
 * candidate answers — waits for the end of the turn, so the feedback goes just before it and the
 * question is still the last thing the candidate hears.
 */
class SpokenQuestion {
  private written = "";
  private spoken = 0;
  private streaming = false;

  constructor(private readonly out: SpokenStream) {}

  token(token: string) {
    this.written += token;
    if (this.streaming) this.speakCompleteSentences();
  }

  startStreaming() {
    this.streaming = true;
    this.speakCompleteSentences();
  }

  finish(view: TurnView) {
    if (this.spoken === 0) {
      this.out.write(spokenReply(view));
      return;
    }
    // The rest of the question as the graph settled it (tidied for speech), or as it was written.
    const said = words(this.written.slice(0, this.spoken));
    const settled = words(view.message);
    const continues = said.every((word, i) => settled[i] === word);
    const rest = continues ? settled.slice(said.length).join(" ") : this.written.slice(this.spoken).trim();
    this.out.write([spokenFeedback(view), rest].filter(Boolean).join(" "));
  }

  private speakCompleteSentences() {
    const pending = this.written.slice(this.spoken);
    let end = 0;
    for (const match of pending.matchAll(SPOKEN_UP_TO)) end = match.index + match[0].length;
    if (end === 0) return;
    this.out.write(pending.slice(0, end));
    this.spoken += end;
  }
}

/** Text for TTS, written as it is known; never written after the listener left. */
class SpokenStream {
  readonly readable: ReadableStream<string>;
  private controller!: ReadableStreamDefaultController<string>;
  private done = false;

  constructor() {
    this.readable = new ReadableStream<string>({
      start: (controller) => {
        this.controller = controller;
      },
      // The listener went away (the human interrupted); the turn itself still completes.
      cancel: () => {
        this.done = true;
      },
    });
  }

  write(text: string) {
    if (text && !this.done) this.controller.enqueue(text);
  }

  close() {
    if (this.done) return;
    this.done = true;
    this.controller.close();
  }
}
