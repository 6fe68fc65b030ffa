import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import { ResilientChat, type ChatPolicies } from "../engines/chat/resilient-chat.js";
import type { CallPolicy } from "../providers/resilience.js";

export type ReplyFn = (messages: BaseMessage[], call: number) => string | Error;

const textOf = (m: BaseMessage) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content));

export type PromptKind = "question" | "decision" | "evaluation" | "assessment" | "candidate";

/** What a call is for, by the text of its system prompt (fakes of every protocol share this). */
export function kindOfSystemPrompt(system: string): PromptKind {
  if (system.includes("evaluate one interview answer")) return "evaluation";
  if (system.includes("final assessment")) return "assessment";
  if (system.includes("deciding what to do after")) return "decision";
  if (system.includes("You are the candidate")) return "candidate";
  return "question";
}

/** The actions a decision prompt's text allows (its "- action —" lines), in the order it lists them. */
export const allowedActionsIn = (prompt: string): string[] => [...prompt.matchAll(/^- (ask_followup|new_question|clarify|conclude) —/gm)].map((m) => m[1]!);

/** Which of the prompts this is: a question, a decision with its question, an evaluation, the assessment, or the AI candidate's answer. */
export const promptKind = (messages: BaseMessage[]): PromptKind => kindOfSystemPrompt(textOf(messages[0]!));

/** The actions a decision prompt allows, in the order it lists them. */
export const allowedIn = (messages: BaseMessage[]): string[] => allowedActionsIn(textOf(messages[messages.length - 1]!));

/**
 * A LangChain chat model for tests and benchmarks: replies come from a function of the prompt
 * (so parallel calls get the right reply), optionally after a fixed delay, with the finish reason
 * a provider gives a complete reply; every call is recorded with its start and end time.
 */
export class ScriptedChatModel extends BaseChatModel {
  readonly calls: { kind: PromptKind; start: number; end: number }[] = [];

  constructor(
    private readonly reply: ReplyFn,
    private readonly delayMs = 0,
  ) {
    super({});
  }

  _llmType() {
    return "scripted";
  }

  private async answer(messages: BaseMessage[], signal?: AbortSignal): Promise<string> {
    const start = performance.now();
    const n = this.calls.length;
    const record = { kind: promptKind(messages), start, end: start };
    this.calls.push(record);
    if (this.delayMs) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, this.delayMs);
        signal?.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(signal.reason);
        }, { once: true });
      });
    }
    record.end = performance.now();
    const reply = this.reply(messages, n);
    if (reply instanceof Error) throw reply;
    return reply;
  }

  async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"]): Promise<ChatResult> {
    const text = await this.answer(messages, options.signal);
    return { generations: [{ message: new AIMessage({ content: text, response_metadata: { finishReason: "STOP" } }), text }] };
  }

  override async *_streamResponseChunks(messages: BaseMessage[], options: this["ParsedCallOptions"]): AsyncGenerator<ChatGenerationChunk> {
    const text = await this.answer(messages, options.signal);
    const tokens = text.match(/\S+\s*/g) ?? [];
    for (const [i, token] of tokens.entries()) {
      yield new ChatGenerationChunk({
        message: new AIMessageChunk({ content: token }),
        text: token,
        ...(i === tokens.length - 1 ? { generationInfo: { finishReason: "STOP" } } : {}),
      });
    }
  }
}

const fastPolicy: CallPolicy = { retries: 2, minBackoffMs: 1, maxBackoffMs: 2, timeoutMs: 5_000, maxRetryAfterMs: 1_000 };
export const fastRetries: ChatPolicies = { question: fastPolicy, evaluation: fastPolicy, assessment: fastPolicy };

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

/**
 * A well-behaved LLM interviewer: it moves on after every answer (concluding after the last), with
 * a numbered question, a valid evaluation and a valid assessment.
 */
export const wellBehaved: ReplyFn = (messages, call) => {
  const kind = promptKind(messages);
  if (kind === "evaluation") return `Here you go:\n\`\`\`json\n${VALID_EVALUATION}\n\`\`\``;
  if (kind === "assessment") return VALID_ASSESSMENT;
  if (kind === "candidate") return "At my last job I built the settlement API in Go.";
  if (kind === "decision") {
    const allowed = allowedIn(messages);
    const action = allowed.includes("new_question") ? "new_question" : "conclude";
    return `DECISION: ${action}\nREASON: The answer covered the question.\nQUESTION: ${action === "conclude" ? "" : `Question number ${call}: how did you approach it?`}`;
  }
  return `Question number ${call}: how did you approach it?`;
};

export function scriptedChat(reply: ReplyFn = wellBehaved, options: { delayMs?: number; policies?: ChatPolicies } = {}) {
  const model = new ScriptedChatModel(reply, options.delayMs);
  return { model, chat: new ResilientChat([model], options.policies ?? fastRetries) };
}

/** An error shaped like a provider's HTTP failure. */
export const providerError = (status: number) => Object.assign(new Error(`provider returned ${status}`), { status });
