import { createRequire } from "node:module";
import type { Target } from "./ipc.js";
import { ApiClient } from "./clients.js";
import { percentile } from "./stats.js";
import { ANSWER, MAX_ANSWERS } from "./workload.js";

/** The part of `ws`'s client used here. */
interface Socket {
  on(event: "message", listener: (data: Buffer) => void): void;
  on(event: "close", listener: (code: number) => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  send(data: string): void;
  close(): void;
}

// The `ws` client apps/api itself depends on (Node 20 has no WebSocket client of its own).
const WebSocket = createRequire(new URL("../../apps/api/package.json", import.meta.url))("ws") as new (url: string, protocols: string[]) => Socket;

export interface ChannelTurns {
  turns: number;
  p50: number;
  p99: number;
  /** Request → first `token` (SSE and WebSocket). */
  firstTokenP50: number;
}

export interface RealtimeResult {
  /** Answer turns (not starts) at 1 concurrent interview, the three channels interleaved by interview. */
  http: ChannelTurns;
  sse: ChannelTurns;
  ws: ChannelTurns;
  /** Connect (upgrade) → `resume`, once per interview. */
  connectP50: number;
  errors: string[];
}

interface Message {
  type: string;
  [key: string]: unknown;
}

/** One interview's socket: messages are queued, `next(types)` waits for the first of those types. */
async function openSocket(baseUrl: string, threadId: string) {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/ws/interview/${encodeURIComponent(threadId)}`, ["interview.v1"]);
  const queue: { message: Message; at: number }[] = [];
  let wake: (() => void) | null = null;
  let closed: Error | null = null;
  ws.on("message", (data) => {
    queue.push({ message: JSON.parse(data.toString()) as Message, at: performance.now() });
    wake?.();
  });
  ws.on("close", (code) => {
    closed = new Error(`socket closed (${code})`);
    wake?.();
  });
  ws.on("error", (error) => {
    closed = error;
    wake?.();
  });
  const next = async (types: string[]): Promise<{ message: Message; at: number }> => {
    for (;;) {
      const at = queue.findIndex((q) => types.includes(q.message.type) || q.message.type === "error");
      // Messages before it (tokens on the way to the question) are taken with it.
      if (at >= 0) return queue.splice(0, at + 1)[at]!;
      if (closed) throw closed;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  };
  return { ws, queue, next };
}

/**
 * WebSocket turn overhead beside the HTTP turn, in the same API process (server.ts, offline
 * engine) and the same run: whole interviews at 1 concurrent, one answered over POST
 * /continue_interview (JSON), the next streamed (SSE), the next over `GET /ws/interview/{id}`
 * (`answer` → `token` … `evaluation` `decision` `question`/`completed`, docs/realtime.md), in turn.
 */
export async function measureRealtime(api: Target, seconds: number): Promise<RealtimeResult> {
  const baseUrl = `http://127.0.0.1:${api.ready.port}`;
  const client = new ApiClient(baseUrl);
  const samples = { http: [] as number[], sse: [] as number[], ws: [] as number[] };
  const tokens = { sse: [] as number[], ws: [] as number[] };
  const connects: number[] = [];
  const errors: string[] = [];
  const deadline = performance.now() + seconds * 1000;
  const viaWs = async (record: boolean) => {
    const start = await client.start();
    const t0 = performance.now();
    const socket = await openSocket(baseUrl, start.threadId);
    try {
      const resume = await socket.next(["resume"]);
      if (resume.message.type === "error") throw new Error(`resume: ${JSON.stringify(resume.message)}`);
      if (record) connects.push(resume.at - t0);
      for (let n = 0; n < MAX_ANSWERS; n++) {
        socket.queue.length = 0;
        const sent = performance.now();
        socket.ws.send(JSON.stringify({ type: "answer", text: ANSWER }));
        const end = await socket.next(["question", "completed"]);
        if (end.message.type === "error") throw new Error(`answer: ${JSON.stringify(end.message)}`);
        // Tokens came before the question, so they were taken from the queue on the way.
        if (record) samples.ws.push(end.at - sent);
        if (end.message.type === "completed") break;
      }
    } finally {
      socket.ws.close();
    }
  };
  const viaHttp = async (streamed: boolean, record: boolean) => {
    let turn = await client.start();
    for (let n = 0; !turn.done && n < MAX_ANSWERS; n++) {
      const t0 = performance.now();
      if (streamed) {
        const { reply, firstTokenAt } = await client.answerStreamed(turn.threadId, ANSWER);
        const t1 = performance.now();
        turn = { threadId: turn.threadId, done: reply.status === "completed" };
        if (record) {
          samples.sse.push(t1 - t0);
          if (Number.isFinite(firstTokenAt)) tokens.sse.push(firstTokenAt - t0);
        }
      } else {
        turn = await client.answer(turn.threadId, ANSWER);
        if (record) samples.http.push(performance.now() - t0);
      }
    }
  };
  // WebSocket first tokens: measured on their own pass so the turn timing above stays a plain wait.
  const wsFirstToken = async () => {
    const start = await client.start();
    const socket = await openSocket(baseUrl, start.threadId);
    try {
      await socket.next(["resume"]);
      for (let n = 0; n < MAX_ANSWERS; n++) {
        socket.queue.length = 0;
        const sent = performance.now();
        socket.ws.send(JSON.stringify({ type: "answer", text: ANSWER }));
        const first = await socket.next(["token", "completed", "question"]);
        if (first.message.type === "token") tokens.ws.push(first.at - sent);
        const end = first.message.type === "token" ? await socket.next(["question", "completed"]) : first;
        if (end.message.type === "completed" || end.message.type === "error") break;
      }
    } finally {
      socket.ws.close();
    }
  };
  const guarded = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      if (errors.length < 3) errors.push((error as Error).message.slice(0, 200));
    }
  };
  await guarded(() => viaHttp(false, false));
  await guarded(() => viaHttp(true, false));
  await guarded(() => viaWs(false));
  for (let round = 0; performance.now() < deadline || round < 2; round++) {
    await guarded(() => viaHttp(false, true));
    await guarded(() => viaHttp(true, true));
    await guarded(() => viaWs(true));
    await guarded(wsFirstToken);
  }
  const summary = (list: number[], first: number[] = []): ChannelTurns => ({
    turns: list.length,
    p50: percentile(list, 50),
    p99: percentile(list, 99),
    firstTokenP50: percentile(first, 50),
  });
  return { http: summary(samples.http), sse: summary(samples.sse, tokens.sse), ws: summary(samples.ws, tokens.ws), connectP50: percentile(connects, 50), errors };
}
