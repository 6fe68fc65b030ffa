import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import pRetry, { AbortError } from "p-retry";
import type { z } from "zod";
import { InterviewError } from "../../errors.js";

export interface RetryPolicy {
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 3, minTimeoutMs: 500, maxTimeoutMs: 8_000 };

class MalformedReply extends Error {}

const statusOf = (error: unknown): number | undefined => {
  const e = error as { status?: number; response?: { status?: number } };
  return e?.status ?? e?.response?.status;
};

/** Requests the provider will refuse again whatever we do (bad request, blocked content). */
const isPermanent = (error: unknown) => statusOf(error) === 400;

/** Extracts the JSON object of a reply, tolerating code fences and prose around it. */
export function parseJsonReply(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text)?.[1] ?? text;
  const start = fenced.indexOf("{");
  const end = fenced.lastIndexOf("}");
  if (start < 0 || end <= start) throw new MalformedReply("no JSON object in the reply");
  try {
    return JSON.parse(fenced.slice(start, end + 1));
  } catch {
    throw new MalformedReply("the reply is not valid JSON");
  }
}

const contentText = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((part) => (typeof part === "string" ? part : ((part as { text?: string }).text ?? ""))).join("")
      : "";

/**
 * A chat model behind retries with exponential backoff, rotating through the configured API
 * keys (one model instance per key) after each failure.
 */
export class ResilientChat {
  private next = 0;

  constructor(
    private readonly models: BaseChatModel[],
    private readonly policy: RetryPolicy = defaultRetryPolicy,
  ) {
    if (models.length === 0) throw new Error("ResilientChat needs at least one model");
  }

  private rotate(): BaseChatModel {
    const model = this.models[this.next % this.models.length]!;
    this.next++;
    return model;
  }

  private async attempt<T>(run: (model: BaseChatModel) => Promise<T>): Promise<T> {
    try {
      return await pRetry(
        async () => {
          try {
            return await run(this.rotate());
          } catch (error) {
            if (isPermanent(error)) throw new AbortError(error as Error);
            throw error;
          }
        },
        {
          retries: this.policy.retries,
          minTimeout: this.policy.minTimeoutMs,
          maxTimeout: this.policy.maxTimeoutMs,
          factor: 2,
          randomize: true,
        },
      );
    } catch (error) {
      if (error instanceof MalformedReply) {
        throw new InterviewError("model_output_invalid", "The model's reply could not be understood; send the same answer again.", { cause: error });
      }
      const status = statusOf(error);
      throw new InterviewError(
        "provider_unavailable",
        `The model provider is unavailable${status ? ` (HTTP ${status})` : ""}; send the same answer again.`,
        { cause: error },
      );
    }
  }

  /** Plain text, streamed to `onToken` as it arrives. */
  async text(messages: BaseMessage[], onToken?: (token: string) => void): Promise<string> {
    return this.attempt(async (model) => {
      if (!onToken) return contentText((await model.invoke(messages)).content);
      let text = "";
      for await (const chunk of await model.stream(messages)) {
        const token = contentText(chunk.content);
        if (token) {
          text += token;
          onToken(token);
        }
      }
      return text;
    });
  }

  /** A JSON reply validated against `schema`; a malformed reply counts as a failed attempt. */
  async structured<S extends z.ZodType>(messages: BaseMessage[], schema: S): Promise<z.infer<S>> {
    return this.attempt(async (model) => {
      const reply = contentText((await model.invoke(messages)).content);
      const parsed = schema.safeParse(parseJsonReply(reply));
      if (!parsed.success) throw new MalformedReply("the reply does not match the expected shape");
      return parsed.data;
    });
  }
}
