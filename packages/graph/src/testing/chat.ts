import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import { ResilientChat, type RetryPolicy } from "../engines/gemini/resilient-chat.js";

export type ReplyFn = (messages: BaseMessage[], call: number) => string | Error;

const textOf = (m: BaseMessage) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content));
/** Which of the interviewer's prompts this is: question, evaluation or final assessment. */
export const promptKind = (messages: BaseMessage[]) => {
  const system = textOf(messages[0]!);
  return system.includes("evaluate one interview answer") ? "evaluation" : system.includes("final assessment") ? "assessment" : "question";
};

/**
 * A LangChain chat model for tests and benchmarks: replies come from a function of the prompt
 * (so parallel calls get the right reply), optionally after a fixed delay, and every call is
 * recorded with its start and end time.
 */
export class ScriptedChatModel extends BaseChatModel {
  readonly calls: { kind: string; start: number; end: number }[] = [];

  constructor(
    private readonly reply: ReplyFn,
    private readonly delayMs = 0,
  ) {
    super({});
  }

  _llmType() {
    return "scripted";
  }

  private async answer(messages: BaseMessage[]): Promise<string> {
    const start = performance.now();
    const n = this.calls.length;
    const record = { kind: promptKind(messages), start, end: start };
    this.calls.push(record);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    record.end = performance.now();
    const reply = this.reply(messages, n);
    if (reply instanceof Error) throw reply;
    return reply;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const text = await this.answer(messages);
    return { generations: [{ message: new AIMessage(text), text }] };
  }

  override async *_streamResponseChunks(messages: BaseMessage[]): AsyncGenerator<ChatGenerationChunk> {
    const text = await this.answer(messages);
    for (const token of text.match(/\S+\s*/g) ?? []) {
      yield new ChatGenerationChunk({ message: new AIMessageChunk({ content: token }), text: token });
    }
  }
}

export const fastRetries: RetryPolicy = { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 2 };

export const VALID_EVALUATION = JSON.stringify({
  score: 7.5,
  rubric: { relevance: 8, depth: 7, clarity: 8, evidence: 7 },
  feedback: "Clear and specific; say more about the trade-offs.",
});
export const VALID_ASSESSMENT = JSON.stringify({
  recommendation: "hire",
  strengths: ["Concrete examples"],
  improvements: ["Discuss trade-offs"],
  summary: "A convincing candidate.",
});

/** A well-behaved LLM interviewer: a numbered question, a valid evaluation, a valid assessment. */
export const wellBehaved: ReplyFn = (messages, call) => {
  const kind = promptKind(messages);
  if (kind === "evaluation") return `Here you go:\n\`\`\`json\n${VALID_EVALUATION}\n\`\`\``;
  if (kind === "assessment") return VALID_ASSESSMENT;
  return `Question number ${call}: how did you approach it?`;
};

export function scriptedChat(reply: ReplyFn = wellBehaved, options: { delayMs?: number; policy?: RetryPolicy } = {}) {
  const model = new ScriptedChatModel(reply, options.delayMs);
  return { model, chat: new ResilientChat([model], options.policy ?? fastRetries) };
}

/** An error shaped like a provider's HTTP failure. */
export const providerError = (status: number) => Object.assign(new Error(`provider returned ${status}`), { status });
