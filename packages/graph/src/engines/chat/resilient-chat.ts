import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, HumanMessage, type BaseMessage } from "@langchain/core/messages";
import type { z } from "zod";
import { callProvider, InvalidOutput, KeyRing, type CallPolicy } from "../../providers/resilience.js";

/** The policy of each kind of model call: the question is on the critical path, the rest are not. */
export interface ChatPolicies {
  question: CallPolicy;
  evaluation: CallPolicy;
  assessment: CallPolicy;
}

export type CallKind = keyof ChatPolicies;

export interface ChatCall {
  kind: CallKind;
  signal?: AbortSignal | undefined;
  /** Receives the reply as it is written; once the listener got some of it, the call is no longer retried. */
  onToken?: ((token: string) => void) | undefined;
  /** Whether the listener has received any of the reply (default: any token was passed on). */
  delivered?: () => boolean;
}

/** Finish reasons of a complete reply (Gemini's and the OpenAI protocol's). */
const COMPLETE = new Set(["STOP", "stop", "tool_calls", "end_turn"]);

/** Why a reply is unusable even though the call succeeded: blocked, cut, truncated or empty. */
function incomplete(metadata: Record<string, unknown> | undefined, text: string): string | null {
  const reason = (metadata?.finishReason ?? metadata?.finish_reason) as string | undefined;
  if (reason === undefined) return "the reply ended before the model said it was complete";
  if (!COMPLETE.has(reason)) return `the model stopped early (${reason})`;
  if (!text.trim()) return "the reply was empty";
  return null;
}

const contentText = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((part) => (typeof part === "string" ? part : (part as { type?: string }).type === "text" || "text" in (part as object) ? ((part as { text?: string }).text ?? "") : "")).join("")
      : "";

/** Extracts the JSON object of a reply, tolerating code fences and prose around it. */
export function parseJsonReply(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text)?.[1] ?? text;
  const start = fenced.indexOf("{");
  const end = fenced.lastIndexOf("}");
  if (start < 0 || end <= start) throw new InvalidOutput("no JSON object in the reply");
  try {
    return JSON.parse(fenced.slice(start, end + 1));
  } catch {
    throw new InvalidOutput("the reply is not valid JSON");
  }
}

/**
 * A chat model behind the provider-call rules (providers/resilience.ts): each call kind has its own
 * timeout and retries, API keys rotate (one model instance per key), stream and socket faults are
 * caught, and empty, blocked, truncated or malformed output counts as a failed attempt.
 */
export class ResilientChat {
  private readonly keys: KeyRing;

  constructor(
    private readonly models: BaseChatModel[],
    private readonly policies: ChatPolicies,
    private readonly provider = "model provider",
  ) {
    if (models.length === 0) throw new Error("ResilientChat needs at least one model");
    this.keys = new KeyRing(models.length);
  }

  /** Plain text; streamed to `onToken` when given. */
  async text(messages: BaseMessage[], call: ChatCall): Promise<string> {
    let emitted = false;
    return callProvider(
      this.provider,
      async ({ signal, key }) => {
        const model = this.models[key]!;
        if (!call.onToken) return complete(model, messages, signal);
        let text = "";
        let metadata: Record<string, unknown> = {};
        for await (const chunk of await model.stream(messages, { signal })) {
          metadata = { ...metadata, ...chunk.response_metadata };
          const token = contentText(chunk.content);
          if (!token) continue;
          text += token;
          emitted = true;
          call.onToken(token);
        }
        const problem = incomplete(metadata, text);
        if (problem) throw new InvalidOutput(problem);
        return text;
      },
      // Once words reached the listener, a retry would repeat them: the turn fails instead.
      { policy: this.policies[call.kind], signal: call.signal, keys: this.keys, retryable: () => !(call.delivered ? call.delivered() : emitted) },
    );
  }

  /**
   * A JSON reply validated against `schema`. A malformed reply gets one repair request (the model
   * is told what was wrong); one that stays malformed counts as a failed attempt.
   */
  async structured<S extends z.ZodType>(messages: BaseMessage[], schema: S, call: ChatCall): Promise<z.infer<S>> {
    return callProvider(
      this.provider,
      async ({ signal, key }) => {
        const model = this.models[key]!;
        const reply = await complete(model, messages, signal);
        const first = validated(schema, reply);
        if (first.ok) return first.value;
        const repair = new HumanMessage(`That reply does not match the required JSON shape (${first.problem}). Reply again with the JSON object only.`);
        const second = validated(schema, await complete(model, [...messages, new AIMessage(reply), repair], signal));
        if (second.ok) return second.value;
        throw new InvalidOutput("the reply does not match the expected shape");
      },
      { policy: this.policies[call.kind], signal: call.signal, keys: this.keys },
    );
  }
}

/** One complete, usable reply. */
async function complete(model: BaseChatModel, messages: BaseMessage[], signal: AbortSignal): Promise<string> {
  const reply = await model.invoke(messages, { signal });
  const text = contentText(reply.content);
  const problem = incomplete(reply.response_metadata, text);
  if (problem) throw new InvalidOutput(problem);
  return text;
}

function validated<S extends z.ZodType>(schema: S, reply: string): { ok: true; value: z.infer<S> } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = parseJsonReply(reply);
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problem: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "reply"}: ${i.message}`).join("; ") };
}
