import http from "node:http";
import { kindOfSystemPrompt, listenOnLoopback } from "@interview/graph/testing";

export interface ProxiedCall {
  path: string;
  /** What the request was for (the fake servers' own classification, by the prompt it carries). */
  kind: string;
  /** performance.now() in this process: request received, reply finished. */
  start: number;
  end: number;
}

/** The prompt kind of a chat completion, as the fake servers classify it, by the system prompt. */
function chatKind(body: string): string {
  let system = "";
  try {
    const content = (JSON.parse(body) as { messages?: { content?: unknown }[] }).messages?.[0]?.content;
    system = typeof content === "string" ? content : JSON.stringify(content ?? "");
  } catch {
    return "unreadable";
  }
  return kindOfSystemPrompt(system);
}

/**
 * A fixed latency in front of a loopback fake provider: each request whose path is delayed waits
 * `delayMs` after its body has arrived, then is forwarded and the fake's reply (a stream too) is
 * passed on as it comes. The fakes answer at once, so a call takes the latency plus loopback
 * hops, the way a model whose whole reply comes after a fixed think time would.
 */
export async function startDelayProxy(upstream: string, delayMs: number, delayed: (path: string) => boolean = () => true) {
  const calls: ProxiedCall[] = [];
  let latency = delayMs;
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const start = performance.now();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const path = (req.url ?? "/").split("?")[0]!;
      const forward = () => {
        const headers = { ...req.headers, host: target.host, "content-length": String(body.length) };
        const upstreamRequest = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent }, (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res);
          reply.on("end", () => {
            calls.push({ path, kind: path.endsWith("/chat/completions") ? chatKind(body.toString("utf8")) : path, start, end: performance.now() });
          });
        });
        upstreamRequest.on("error", () => res.destroy());
        upstreamRequest.end(body);
      };
      if (delayed(path)) setTimeout(forward, latency);
      else forward();
    });
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    calls,
    /** Changes the latency of the requests that come from now on (0 for a warm-up). */
    setLatency(ms: number) {
      latency = ms;
    },
    close: async () => {
      agent.destroy();
      await listening.close();
    },
  };
}
