import { DEFAULT_API_CONNECT_OPTIONS, llm, type APIConnectOptions } from "@livekit/agents";
import type { InterviewBridge } from "./bridge.js";

/** The human's latest words: the user message the session is asking a reply to. */
export function latestAnswer(chatCtx: llm.ChatContext): string | undefined {
  const last = chatCtx.items.at(-1);
  if (last?.type !== "message" || last.role !== "user") return undefined;
  return last.textContent?.trim() || undefined;
}

/**
 * The interview graph in the place of the session's LLM: there is no LangGraph adapter for Node,
 * so replies come from the bridge instead of a chat model.
 */
export class InterviewLLM extends llm.LLM {
  constructor(
    private readonly bridge: InterviewBridge,
    /** Called once the reply after which the agent leaves has been produced. */
    private readonly onFinished: () => void,
  ) {
    super();
  }

  label(): string {
    return "interview-graph";
  }

  override get model(): string {
    return "interview-graph";
  }

  chat({ chatCtx, connOptions = DEFAULT_API_CONNECT_OPTIONS }: { chatCtx: llm.ChatContext; connOptions?: APIConnectOptions }): llm.LLMStream {
    return new InterviewReplyStream(this, chatCtx, connOptions, this.bridge, this.onFinished);
  }
}

class InterviewReplyStream extends llm.LLMStream {
  constructor(
    owner: InterviewLLM,
    chatCtx: llm.ChatContext,
    connOptions: APIConnectOptions,
    private readonly bridge: InterviewBridge,
    private readonly onFinished: () => void,
  ) {
    super(owner, { chatCtx, connOptions });
  }

  protected async run(): Promise<void> {
    const answer = latestAnswer(this.chatCtx);
    if (!answer) return;
    const reply = this.bridge.reply(answer);
    // Settles even if the human interrupts and this stream is dropped.
    void reply.finished.then((finished) => finished && this.onFinished()).catch(() => undefined);
    const id = `turn-${Date.now()}`;
    for await (const content of reply.text) {
      if (this.abortController.signal.aborted || this.queue.closed) break;
      this.queue.put({ id, delta: { role: "assistant", content } });
    }
  }
}
