import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HashedEmbeddings } from "../engines/hashed-embeddings.js";
import type { NextAction } from "../types.js";
import { allowedActionsIn, kindOfSystemPrompt, VALID_ASSESSMENT, VALID_EVALUATION } from "./chat.js";
import { listenOnLoopback } from "./loopback.js";

/** What a request is for, by the prompt it carries (or its endpoint). */
export type OpenAIRequestKind = "question" | "decision" | "evaluation" | "assessment" | "candidate" | "embedding" | "models";

export interface OpenAIRecordedRequest {
  path: string;
  kind: OpenAIRequestKind;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/**
 * Faults as real servers and networks show them: `429` (with Retry-After), `500`, `503`, `400`;
 * `hang` — no reply at all; `reset` — the connection is destroyed mid-reply; `malformed` — a broken
 * JSON body or SSE chunk; `length` — half the reply with finish_reason "length"; `content_filter` —
 * no content, finish_reason "content_filter"; `empty` — no content, finish_reason "stop";
 * `no_finish` — the whole reply but finish_reason null; `cut` — the stream ends before its last
 * chunk and `[DONE]`.
 */
export type OpenAIFault = "429" | "500" | "503" | "400" | "hang" | "reset" | "malformed" | "length" | "content_filter" | "empty" | "no_finish" | "cut";

export type ReplyFor = (body: ChatBody) => string;

interface ChatBody {
  model?: string;
  stream?: boolean;
  messages?: { role: string; content: unknown }[];
  response_format?: { type: string };
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => resolve(body));
  });

const textOf = (content: unknown): string =>
  typeof content === "string" ? content : Array.isArray(content) ? content.map((p) => (p as { text?: string }).text ?? "").join("") : "";

const kindOf = (body: ChatBody): OpenAIRequestKind => kindOfSystemPrompt(textOf(body.messages?.[0]?.content));

/** The actions the decision prompt, the last message, allows. */
const allowedInBody = (body: ChatBody): string[] => allowedActionsIn(textOf(body.messages?.at(-1)?.content));

/**
 * A loopback server speaking the OpenAI protocol as local model servers do (Ollama, vLLM, LM Studio,
 * llama.cpp): POST /v1/chat/completions (plain, and SSE with `stream: true`), POST /v1/embeddings,
 * GET /v1/models. Replies follow the prompt's kind; structured replies are bare JSON when
 * `response_format` asks for JSON, and JSON inside prose otherwise. It records every request; tests
 * queue faults for a kind of request with `fail`, and can make it refuse `response_format` with a
 * 400 as some servers do.
 */
export async function startOpenAIServer(options: { models?: string[]; dimensions?: number } = {}) {
  const requests: OpenAIRecordedRequest[] = [];
  const embeddings = new HashedEmbeddings(options.dimensions ?? 384);
  const faults: { kind: OpenAIRequestKind | "any"; fault: OpenAIFault }[] = [];
  const replies = new Map<OpenAIRequestKind, ReplyFor>();
  let refusedFormats = new Set<string>();
  let decisions: NextAction[] = ["new_question", "conclude"];
  let questionNumber = 0;

  const takeFault = (kind: OpenAIRequestKind): OpenAIFault | undefined => {
    const at = faults.findIndex((f) => f.kind === kind || (f.kind === "any" && kind !== "embedding" && kind !== "models"));
    return at >= 0 ? faults.splice(at, 1)[0]!.fault : undefined;
  };

  const replyFor = (kind: OpenAIRequestKind, body: ChatBody): string => {
    const custom = replies.get(kind);
    if (custom) return custom(body);
    const json = body.response_format?.type === "json_object" || body.response_format?.type === "json_schema";
    if (kind === "evaluation") return json ? VALID_EVALUATION : `Here is the evaluation:\n\`\`\`json\n${VALID_EVALUATION}\n\`\`\``;
    if (kind === "assessment") return json ? VALID_ASSESSMENT : `Assessment follows.\n${VALID_ASSESSMENT}`;
    if (kind === "candidate") return "At Parcelly I built streaming pipelines on Kafka.";
    const question = `Local question ${++questionNumber}: which trade-offs did you weigh?`;
    if (kind !== "decision") return question;
    const allowed = allowedInBody(body);
    const action = decisions.find((a) => allowed.includes(a)) ?? "conclude";
    return `DECISION: ${action}\nREASON: The answer named its trade-offs.\nQUESTION: ${action === "conclude" ? "" : question}`;
  };

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = (req.url ?? "").split("?")[0]!;
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return send(res, 400, { error: { message: "invalid JSON body", type: "invalid_request_error" } });
    }
    const kind: OpenAIRequestKind = path === "/v1/embeddings" ? "embedding" : path === "/v1/models" ? "models" : kindOf(body as ChatBody);
    requests.push({ path, kind, authorization: req.headers.authorization, body });
    const fault = takeFault(kind);
    if (fault === "hang") return;
    if (fault === "429") {
      return send(res, 429, { error: { message: "Rate limit reached.", type: "rate_limit_error", code: "rate_limit_exceeded" } }, { "retry-after": "1" });
    }
    if (fault === "500" || fault === "503" || fault === "400") {
      return send(res, Number(fault), { error: { message: "Server failure.", type: fault === "400" ? "invalid_request_error" : "server_error" } });
    }
    if (req.method === "GET" && path === "/v1/models") {
      const ids = options.models ?? ["local-model", "local-embedder"];
      return send(res, 200, { object: "list", data: ids.map((id) => ({ id, object: "model", created: 0, owned_by: "local" })) });
    }
    if (req.method !== "POST") return send(res, 405, { error: { message: "method not allowed" } });
    if (path === "/v1/embeddings") return embed(res, body, embeddings, fault);
    if (path !== "/v1/chat/completions") return send(res, 404, { error: { message: `unknown path ${path}`, type: "invalid_request_error" } });
    const chat = body as ChatBody;
    const format = chat.response_format?.type;
    if (format && refusedFormats.has(format)) {
      return send(res, 400, { error: { message: `response_format type ${format} is not supported`, type: "invalid_request_error", param: "response_format" } });
    }
    complete(res, chat, replyFor(kind, chat), fault);
  });
  const listening = await listenOnLoopback(server);
  const { url } = listening;
  return {
    url,
    /** The SDK's root for this server. */
    baseUrl: `${url}/v1`,
    requests,
    chatRequests: (kind?: OpenAIRequestKind) => requests.filter((r) => r.path === "/v1/chat/completions" && (!kind || r.kind === kind)),
    /** Plays `fault` on the next `times` requests of `kind`. */
    fail(kind: OpenAIRequestKind | "any", fault: OpenAIFault, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ kind, fault });
    },
    clearFaults() {
      faults.length = 0;
    },
    /** Refuses these `response_format` types with a 400 (all of them by default), as servers without JSON mode do. */
    refuseResponseFormat(types: string[] = ["json_object", "json_schema"]) {
      refusedFormats = new Set(types);
    },
    /** The decisions the model takes, first allowed one wins (default: move on, or conclude). */
    decide(actions: NextAction[]) {
      decisions = actions;
    },
    /** Replaces the replies to a kind of prompt (undefined restores the default). */
    reply(kind: OpenAIRequestKind, reply: ReplyFor | undefined) {
      if (reply) replies.set(kind, reply);
      else replies.delete(kind);
    },
    close: listening.close,
  };
}

function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(payload));
}

function embed(res: ServerResponse, body: Record<string, unknown>, embeddings: HashedEmbeddings, fault: OpenAIFault | undefined) {
  const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input ?? "")];
  if (fault === "empty") return send(res, 200, { object: "list", data: [], model: body.model });
  if (fault === "reset" || fault === "malformed") {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"object": "list", "data": [');
    if (fault === "reset") res.socket?.destroy();
    else res.end();
    return;
  }
  const base64 = body.encoding_format === "base64";
  const data = inputs.map((text, index) => {
    const vector = embeddings.embedOne(text);
    return { object: "embedding", index, embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector };
  });
  send(res, 200, { object: "list", data, model: body.model, usage: { prompt_tokens: 0, total_tokens: 0 } });
}

let completionId = 0;

function complete(res: ServerResponse, body: ChatBody, text: string, fault: OpenAIFault | undefined) {
  const id = `chatcmpl-${++completionId}`;
  const model = body.model ?? "local-model";
  const finish: string | null =
    fault === "length" ? "length" : fault === "content_filter" ? "content_filter" : fault === "no_finish" ? null : "stop";
  const content = fault === "empty" || fault === "content_filter" ? "" : fault === "length" ? text.slice(0, Math.ceil(text.length / 2)) : text;

  if (!body.stream) {
    const reply = {
      id,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finish }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    };
    if (fault === "reset" || fault === "malformed" || fault === "cut") {
      // A body cut off in the middle.
      res.writeHead(200, { "content-type": "application/json" });
      res.write(JSON.stringify(reply).slice(0, 40));
      if (fault === "reset") res.socket?.destroy();
      else res.end();
      return;
    }
    return send(res, 200, reply);
  }

  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
    `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
  const pieces = content.match(/\S+\s*/g) ?? [];
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.write(chunk({ role: "assistant", content: "" }));
  if (fault === "reset") {
    res.write(chunk({ content: pieces[0] ?? "" }));
    setTimeout(() => res.socket?.destroy(), 20);
    return;
  }
  if (fault === "malformed") {
    res.write(chunk({ content: pieces[0] ?? "" }));
    res.write(`data: {"id": "${id}", "choices": [{"index": 0, "delta": {"content": "bro\n\n`);
    return res.end();
  }
  for (const piece of pieces) res.write(chunk({ content: piece }));
  if (fault === "cut") return res.end();
  res.write(chunk({}, finish));
  res.write("data: [DONE]\n\n");
  res.end();
}
