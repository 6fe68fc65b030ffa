import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HashedEmbeddings } from "../engines/hashed-embeddings.js";
import { VALID_ASSESSMENT, VALID_EVALUATION } from "./chat.js";
import { listenOnLoopback } from "./loopback.js";

export interface RecordedRequest {
  path: string;
  apiKey: string | undefined;
  body: string;
}

/** What a request is for, by the prompt it carries (or its endpoint). */
export type RequestKind = "question" | "decision" | "evaluation" | "assessment" | "candidate" | "embedding" | "search";

/**
 * Faults the server can play, each as a real provider or network shows it:
 * `reset` — the connection is destroyed mid-stream; `malformed` — a broken SSE JSON chunk;
 * `slow` — tokens trickle in far apart; `empty` — no candidates; `safety` — finishReason SAFETY
 * without content; `blocked` — promptFeedback.blockReason; `cut` — the stream ends before any
 * finishReason; `max_tokens` — finishReason MAX_TOKENS; `429` (with Retry-After), `500`, `400`;
 * `hang` — no reply at all.
 */
export type Fault = "reset" | "malformed" | "slow" | "empty" | "safety" | "blocked" | "cut" | "max_tokens" | "429" | "500" | "503" | "400" | "hang";

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => resolve(body));
  });

function kindOf(path: string, body: string): RequestKind {
  if (path === "/search") return "search";
  if (path.includes("mbedContent")) return "embedding";
  if (body.includes("evaluate one interview answer")) return "evaluation";
  if (body.includes("final assessment")) return "assessment";
  if (body.includes("deciding what to do after")) return "decision";
  if (body.includes("You are the candidate")) return "candidate";
  return "question";
}

/** The actions a decision prompt allows (its "- action —" lines). */
const allowedIn = (body: string) => [...body.matchAll(/- (ask_followup|new_question|clarify|conclude) —/g)].map((m) => m[1]);

/**
 * A loopback server speaking the Gemini REST protocol (generateContent, streamGenerateContent with
 * SSE, embedContent, batchEmbedContents) and Tavily's /search, recording every request. Tests
 * queue faults for a kind of request with `fail`; once they are used up it behaves again.
 */
export async function startProviderServer(options: { failFirst?: number } = {}) {
  const requests: RecordedRequest[] = [];
  const embeddings = new HashedEmbeddings(768);
  const faults: { kind: RequestKind | "any"; fault: Fault }[] = [];
  for (let i = 0; i < (options.failFirst ?? 0); i++) faults.push({ kind: "any", fault: "503" });
  let questionNumber = 0;
  let slowTokenMs = 400;

  const takeFault = (kind: RequestKind): Fault | undefined => {
    const at = faults.findIndex((f) => f.kind === kind || (f.kind === "any" && kind !== "embedding" && kind !== "search"));
    return at >= 0 ? faults.splice(at, 1)[0]!.fault : undefined;
  };

  const textFor = (kind: RequestKind, body: string) => {
    if (kind === "evaluation") return VALID_EVALUATION;
    if (kind === "assessment") return VALID_ASSESSMENT;
    if (kind === "candidate") return "At Parcelly I built streaming pipelines on Kafka.";
    const question = `Gemini question ${++questionNumber}: which trade-offs did you weigh?`;
    if (kind !== "decision") return question;
    const action = allowedIn(body).includes("new_question") ? "new_question" : "conclude";
    return `DECISION: ${action}\nREASON: The answer was specific.\nQUESTION: ${action === "conclude" ? "" : question}`;
  };

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? "";
    requests.push({ path, apiKey: (req.headers["x-goog-api-key"] as string) ?? req.headers.authorization, body });
    const kind = kindOf(path.split("?")[0]!, body);
    const fault = takeFault(kind);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    if (fault === "hang") return;
    if (fault === "429") {
      // As Gemini says when to come back: a RetryInfo detail (and, through gateways, a Retry-After header).
      const details = [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "1s" }];
      return send(429, { error: { code: 429, message: "Resource exhausted.", status: "RESOURCE_EXHAUSTED", details } }, { "retry-after": "1" });
    }
    if (fault === "500" || fault === "503" || fault === "400") {
      return send(Number(fault), { error: { code: Number(fault), message: "Provider failure.", status: fault === "400" ? "INVALID_ARGUMENT" : "UNAVAILABLE" } });
    }
    if (kind === "search") {
      return send(200, {
        query: JSON.parse(body).query,
        results: [{ title: "Acme engineering blog", url: "https://acme.example/blog", content: "Acme runs its logistics platform on Kafka and Kubernetes.", score: 0.9 }],
        response_time: 0.1,
      });
    }
    if (path.includes(":batchEmbedContents")) {
      const { requests: items } = JSON.parse(body) as { requests: { content: { parts: { text: string }[] } }[] };
      return send(200, { embeddings: items.map((r) => ({ values: embeddings.embedOne(r.content.parts.map((p) => p.text).join(" ")) })) });
    }
    if (path.includes(":embedContent")) {
      const { content } = JSON.parse(body) as { content: { parts: { text: string }[] } };
      return send(200, { embedding: { values: embeddings.embedOne(content.parts.map((p) => p.text).join(" ")) } });
    }
    if (!/:(generateContent|streamGenerateContent)/.test(path)) return send(404, { error: { message: `unknown path ${path}` } });
    generate(res, path.includes(":streamGenerateContent"), textFor(kind, body), fault, slowTokenMs);
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    requests,
    /** Plays `fault` on the next `times` requests of `kind`. */
    fail(kind: RequestKind | "any", fault: Fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ kind, fault });
    },
    clearFaults() {
      faults.length = 0;
    },
    setSlowTokenMs(ms: number) {
      slowTokenMs = ms;
    },
    close: listening.close,
  };
}

const candidate = (text: string, finishReason?: string) => ({
  candidates: [{ content: { role: "model", parts: [{ text }] }, ...(finishReason ? { finishReason } : {}), index: 0 }],
});

function generate(res: ServerResponse, stream: boolean, text: string, fault: Fault | undefined, slowTokenMs: number) {
  const json = (payload: unknown) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(payload));
  };
  if (fault === "empty") return stream ? sse(res, [{ candidates: [] }]) : json({ candidates: [] });
  if (fault === "blocked") {
    const reply = { promptFeedback: { blockReason: "SAFETY" } };
    return stream ? sse(res, [reply]) : json(reply);
  }
  if (fault === "safety") {
    const reply = { candidates: [{ finishReason: "SAFETY", index: 0, safetyRatings: [{ category: "HARM_CATEGORY_HARASSMENT", probability: "HIGH" }] }] };
    return stream ? sse(res, [reply]) : json(reply);
  }
  if (fault === "max_tokens") {
    const half = text.slice(0, Math.ceil(text.length / 2));
    return stream ? sse(res, [candidate(half, "MAX_TOKENS")]) : json(candidate(half, "MAX_TOKENS"));
  }
  if (!stream) {
    if (fault === "reset" || fault === "malformed" || fault === "cut") {
      // A body cut off in the middle.
      res.writeHead(200, { "content-type": "application/json" });
      res.write(JSON.stringify(candidate(text, "STOP")).slice(0, 20));
      if (fault === "reset") res.socket?.destroy();
      else res.end();
      return;
    }
    if (fault === "slow") {
      res.writeHead(200, { "content-type": "application/json" });
      const body = JSON.stringify(candidate(text, "STOP"));
      let at = 0;
      const timer = setInterval(() => {
        if (res.destroyed || at >= body.length) {
          clearInterval(timer);
          if (!res.destroyed) res.end();
          return;
        }
        res.write(body.slice(at, at + 4));
        at += 4;
      }, slowTokenMs);
      return;
    }
    return json(candidate(text, "STOP"));
  }
  const pieces = text.match(/\S+\s*/g) ?? [text];
  const chunks = pieces.map((piece, i) => candidate(piece, i === pieces.length - 1 ? "STOP" : undefined));
  res.writeHead(200, { "content-type": "text/event-stream" });
  if (fault === "reset") {
    res.write(`data: ${JSON.stringify(chunks[0])}\r\n\r\n`);
    setTimeout(() => res.socket?.destroy(), 20);
    return;
  }
  if (fault === "malformed") {
    res.write(`data: ${JSON.stringify(chunks[0])}\r\n\r\n`);
    res.write(`data: {"candidates": [{"content": {"parts": [{"text": "bro\r\n\r\n`);
    return res.end();
  }
  if (fault === "cut") {
    for (const chunk of chunks.slice(0, -1)) res.write(`data: ${JSON.stringify(chunk)}\r\n\r\n`);
    return res.end();
  }
  if (fault === "slow") {
    let at = 0;
    const timer = setInterval(() => {
      if (res.destroyed || at >= chunks.length) {
        clearInterval(timer);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(`data: ${JSON.stringify(chunks[at++])}\r\n\r\n`);
    }, slowTokenMs);
    return;
  }
  sse(res, chunks);
}

function sse(res: ServerResponse, chunks: unknown[]) {
  if (!res.headersSent) res.writeHead(200, { "content-type": "text/event-stream" });
  for (const chunk of chunks) res.write(`data: ${JSON.stringify(chunk)}\r\n\r\n`);
  res.end();
}
