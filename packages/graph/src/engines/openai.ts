import type { BaseMessage } from "@langchain/core/messages";
import { ChatOpenAICompletions, OpenAIClient, OpenAIEmbeddings, type BaseChatOpenAIFields } from "@langchain/openai";
import { z } from "zod";
import { callProvider, InvalidOutput, statusOf, type CallPolicy } from "../providers/resilience.js";
import { ChatInterviewModel } from "./chat/chat-model.js";
import { ResilientChat, type CallKind, type ChatCall, type ChatPolicies } from "./chat/resilient-chat.js";
import { ResilientEmbeddings } from "./resilient-embeddings.js";

/*
 * One engine for every local model server in common use: Ollama, vLLM, LM Studio and llama.cpp all
 * speak the OpenAI chat-completions and embeddings protocol, as do hosted gateways. `@langchain/ollama`
 * (Ollama's native /api/chat) was considered: its one concrete advantage is setting `num_ctx` per
 * request, and that is better set once on the server (OLLAMA_CONTEXT_LENGTH, or `num_ctx` in a
 * Modelfile) than tied to one server's protocol; it would cover Ollama alone and add a dependency.
 *
 * `ChatOpenAICompletions` rather than `ChatOpenAI`: the latter switches to OpenAI's Responses API for
 * some model names (any "codex" model, say), which no local server serves.
 */

/**
 * How structured replies (evaluation, assessment) ask for JSON: `json_object` (JSON mode),
 * `json_schema` (the reply's schema, for servers that constrain output to it), `off` (the prompt
 * alone asks for JSON), or `auto`: JSON mode, then the schema, then neither, remembering what the
 * server refused with a 400. Replies are validated with zod whatever the mode.
 */
export const JSON_MODES = ["auto", "json_object", "json_schema", "off"] as const;
export type JsonMode = (typeof JSON_MODES)[number];

export interface OpenAISettings {
  /** The server's OpenAI-protocol root, e.g. http://localhost:11434/v1 (a bare host gets /v1). */
  baseUrl: string;
  /** Keys to rotate through; none for a local server that takes no key. */
  apiKeys: string[];
  model: string;
  embeddingModel: string;
  jsonMode?: JsonMode | undefined;
  /** Only for models that can shorten their vectors (OpenAI's text-embedding-3); others ignore or refuse it. */
  embeddingDimensions?: number | undefined;
}

const PROVIDER = "OpenAI-compatible model server";
const EMBEDDING_PROVIDER = "OpenAI-compatible embedding server";

/** Local servers take any key, but the SDK refuses to send a request without one. */
export const NO_API_KEY = "no-key";

/** The SDK's root URL: the servers above all serve the protocol under /v1, so a bare host gets it. */
export function openaiBaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The value is not echoed: it may carry credentials.
    throw new Error("OPENAI_BASE_URL is not a valid URL");
  }
  if (parsed.pathname === "/" || parsed.pathname === "") parsed.pathname = "/v1";
  return parsed.toString().replace(/\/+$/, "");
}

const keysOf = (settings: OpenAISettings) => (settings.apiKeys.length ? settings.apiKeys : [NO_API_KEY]);

function chatFields(settings: OpenAISettings, apiKey: string): BaseChatOpenAIFields {
  return {
    apiKey,
    model: settings.model,
    temperature: 0.4,
    // Our retries, backoff and key rotation apply (providers/resilience.ts), not the SDK's.
    maxRetries: 0,
    // Usage is not used, and `stream_options` is refused by some servers.
    streamUsage: false,
    // Never log requests: with OPENAI_LOG=debug the SDK would print prompts, which carry CV text and answers.
    configuration: { baseURL: openaiBaseUrl(settings.baseUrl), logLevel: "off" },
  };
}

type ResponseFormat = NonNullable<OpenAIClient.Chat.ChatCompletionCreateParams["response_format"]>;
type StructuredFormat = Exclude<JsonMode, "auto" | "off">;

/** What the server accepts as `response_format`, shared by every key's client and learned once. */
class ResponseFormats {
  private readonly refused = new Set<StructuredFormat>();
  constructor(readonly mode: JsonMode) {}

  /** The formats to try, best first; the plain request comes after them in auto mode. */
  candidates(): StructuredFormat[] {
    if (this.mode === "off") return [];
    if (this.mode !== "auto") return [this.mode];
    return (["json_object", "json_schema"] as const).filter((f) => !this.refused.has(f));
  }

  refuse(formats: StructuredFormat[]) {
    for (const format of formats) this.refused.add(format);
  }
}

function schemaFormat(schema: z.ZodType, name: string): ResponseFormat {
  const { $schema: _, ...jsonSchema } = z.toJSONSchema(schema) as Record<string, unknown>;
  // Not strict: OpenAI's strict mode refuses optional fields, and the reply is validated anyway.
  return { type: "json_schema", json_schema: { name, schema: jsonSchema, strict: false } };
}

/** The SDK's own checks of a schema-constrained reply, as the invalid output they are. */
function asInvalidOutput(error: unknown): unknown {
  // Matched by class name: these keep the generic name "Error", and `openai` is not a direct dependency.
  const name = (error as object | undefined)?.constructor?.name;
  if (name === "LengthFinishReasonError") return new InvalidOutput("the model stopped early (length)");
  if (name === "ContentFilterFinishReasonError") return new InvalidOutput("the model stopped early (content_filter)");
  if (error instanceof SyntaxError && /structured output/i.test(error.message)) return new InvalidOutput("the reply is not valid JSON");
  return error;
}

type Completion = OpenAIClient.Chat.Completions.ChatCompletion;
type CompletionChunks = AsyncIterable<OpenAIClient.Chat.Completions.ChatCompletionChunk>;

/**
 * The client for structured replies: each request carries the `response_format` the server takes.
 * In auto mode a 400 is answered by the same request with the next format, then none; a format is
 * remembered as refused only when a request without it then succeeds (so a request that is bad for
 * another reason forgets nothing), and no retry or key is spent on learning.
 */
class StructuredReplyModel extends ChatOpenAICompletions {
  private readonly byFormat: Record<StructuredFormat, ResponseFormat>;

  constructor(
    fields: BaseChatOpenAIFields,
    private readonly formats: ResponseFormats,
    schema: z.ZodType,
    schemaName: string,
  ) {
    super(fields);
    this.byFormat = { json_object: { type: "json_object" }, json_schema: schemaFormat(schema, schemaName) };
  }

  override completionWithRetry(request: OpenAIClient.Chat.ChatCompletionCreateParamsStreaming, options?: OpenAIClient.RequestOptions): Promise<CompletionChunks>;
  override completionWithRetry(request: OpenAIClient.Chat.ChatCompletionCreateParamsNonStreaming, options?: OpenAIClient.RequestOptions): Promise<Completion>;
  override async completionWithRetry(
    request: OpenAIClient.Chat.ChatCompletionCreateParamsStreaming | OpenAIClient.Chat.ChatCompletionCreateParamsNonStreaming,
    options?: OpenAIClient.RequestOptions,
  ): Promise<Completion | CompletionChunks> {
    const send = (format: StructuredFormat | undefined) =>
      super.completionWithRetry(
        (format ? { ...request, response_format: this.byFormat[format] } : request) as OpenAIClient.Chat.ChatCompletionCreateParamsNonStreaming,
        options,
      );
    const candidates = this.formats.candidates();
    const attempts: (StructuredFormat | undefined)[] = this.formats.mode === "auto" ? [...candidates, undefined] : candidates.length ? candidates : [undefined];
    for (const [i, format] of attempts.entries()) {
      try {
        const reply = await send(format);
        this.formats.refuse(candidates.slice(0, i));
        return reply;
      } catch (error) {
        if (this.formats.mode !== "auto" || statusOf(error) !== 400 || i === attempts.length - 1) throw asInvalidOutput(error);
      }
    }
    throw new Error("unreachable: the last attempt returns or throws");
  }
}

/**
 * Plain-text calls (questions, decisions, the AI candidate) go to the text clients; each structured
 * reply's schema gets its own clients, which ask for JSON as the server allows.
 */
class OpenAIChat extends ResilientChat {
  private readonly byShape = new Map<z.ZodType, ResilientChat>();

  constructor(
    private readonly settings: OpenAISettings,
    private readonly chatPolicies: ChatPolicies,
    private readonly formats: ResponseFormats,
  ) {
    super(keysOf(settings).map((key) => new ChatOpenAICompletions(chatFields(settings, key))), chatPolicies, PROVIDER);
  }

  override structured<S extends z.ZodType>(messages: BaseMessage[], schema: S, call: ChatCall): Promise<z.infer<S>> {
    if (this.formats.mode === "off") return super.structured(messages, schema, call);
    return this.shaped(schema, call.kind).structured(messages, schema, call);
  }

  private shaped(schema: z.ZodType, kind: CallKind): ResilientChat {
    let chat = this.byShape.get(schema);
    if (!chat) {
      const models = keysOf(this.settings).map((key) => new StructuredReplyModel(chatFields(this.settings, key), this.formats, schema, kind));
      chat = new ResilientChat(models, this.chatPolicies, PROVIDER);
      this.byShape.set(schema, chat);
    }
    return chat;
  }
}

/** The interviewer on an OpenAI-protocol server: one client per key, our retries instead of the SDK's. */
export function openaiInterviewer(settings: OpenAISettings, policies: ChatPolicies): ChatInterviewModel {
  return new ChatInterviewModel(new OpenAIChat(settings, policies, new ResponseFormats(settings.jsonMode ?? "auto")), "openai");
}

/** The server's embeddings, under the same call rules as the model. */
export function openaiEmbeddings(settings: OpenAISettings, policy: CallPolicy): ResilientEmbeddings {
  const clients = keysOf(settings).map(
    (apiKey) =>
      new OpenAIEmbeddings({
        apiKey,
        model: settings.embeddingModel,
        maxRetries: 0,
        // The SDK asks for base64 unless told otherwise, which not every local server can give.
        encodingFormat: "float",
        // These calls take no signal: the SDK's own deadline frees the socket of a server that hangs.
        timeout: policy.timeoutMs,
        ...(settings.embeddingDimensions ? { dimensions: settings.embeddingDimensions } : {}),
        configuration: { baseURL: openaiBaseUrl(settings.baseUrl), logLevel: "off" },
      }),
  );
  return new ResilientEmbeddings(clients, policy, EMBEDDING_PROVIDER);
}

export interface OpenAIServerStatus {
  /** The models the server offers. */
  models: string[];
  /** Whether the configured chat and embedding models are among them (Ollama lists "name:latest" for "name"). */
  hasModel: boolean;
  hasEmbeddingModel: boolean;
}

/**
 * A cheap check that the server answers, for /health: GET /models, which costs no inference.
 * Fails with the documented provider errors (unavailable, timeout, refused key).
 */
export async function checkOpenAIServer(settings: OpenAISettings, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<OpenAIServerStatus> {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const client = new OpenAIClient({ apiKey: keysOf(settings)[0]!, baseURL: openaiBaseUrl(settings.baseUrl), maxRetries: 0, timeout: timeoutMs, logLevel: "off" });
  const models = await callProvider(
    PROVIDER,
    async ({ signal }) => {
      const page = await client.models.list({ signal });
      return page.data.map((m) => m.id);
    },
    { policy: { retries: 0, minBackoffMs: 0, maxBackoffMs: 0, timeoutMs }, signal: options.signal },
  );
  const listed = (name: string) => models.includes(name) || models.includes(`${name}:latest`);
  return { models, hasModel: listed(settings.model), hasEmbeddingModel: listed(settings.embeddingModel) };
}
