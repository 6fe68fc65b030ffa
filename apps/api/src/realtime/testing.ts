/**
 * Test helpers for the realtime channel: a replica of the API on a real loopback port (its own
 * runtime, bus and sockets on the test database), an interviewer whose next question can be held
 * back mid-stream, and a `ws` client that collects what the server sends.
 */
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { WebSocket, type ClientOptions } from "ws";
import type { Pool } from "pg";
import { OfflineModel, type AudioStore, type CallContext, type QuestionRequest, type WrittenQuestion } from "@interview/graph";
import { openTestRuntime } from "@interview/graph/testing";
import { createApp } from "../app.js";
import type { AppDeps, AppSettings } from "../app-types.js";
import { createLogger } from "../logger.js";
import { InProcessEventBus, interviewEventsToBus, PostgresEventBus, type InterviewEventBus } from "@interview/shared-state";
import type { SpeechServices } from "../speech.js";
import { LogCapture, testSettings } from "../testing/test-app.js";
import { createRealtime, type Realtime, type RealtimeOptions, type ServerMessage, type TicketStore } from "./index.js";

/**
 * The offline interviewer, except that while `hold()` is in force the next question stops after
 * its first word until `release()`: a turn caught mid-stream, as a slow model would leave it.
 */
export class HeldModel extends OfflineModel {
  #gate: Promise<void> | null = null;
  #open: (() => void) | null = null;
  #entered: (() => void) | null = null;
  /** Resolves once a question has started streaming and waits at the gate. */
  entered: Promise<void> = Promise.resolve();

  hold(): void {
    this.#gate = new Promise((resolve) => (this.#open = resolve));
    this.entered = new Promise((resolve) => (this.#entered = resolve));
  }

  release(): void {
    this.#open?.();
    this.#gate = null;
  }

  override async generateQuestion(request: QuestionRequest, context: CallContext = {}): Promise<WrittenQuestion> {
    const tokens: string[] = [];
    const written = await super.generateQuestion(request, { ...context, onToken: (t) => tokens.push(t) });
    const gate = this.#gate;
    if (gate) {
      context.onToken?.(tokens[0] ?? "");
      this.#entered?.();
      await gate;
      for (const token of tokens.slice(1)) context.onToken?.(token);
    } else for (const token of tokens) context.onToken?.(token);
    return written;
  }
}

export interface ReplicaOptions {
  settings?: Partial<AppSettings>;
  /** Speech services on the replica's own audio store. */
  speech?: (audio: AudioStore) => SpeechServices;
  /** A ticket store on the replica's own pool (shared tickets across replicas). */
  tickets?: (pool: Pool) => Promise<TicketStore>;
  /** A PostgreSQL channel shared with the other replicas; an in-process bus when absent. */
  channel?: string;
  realtime?: Omit<RealtimeOptions, "bus" | "tickets">;
}

export interface Replica {
  model: HeldModel;
  logs: LogCapture;
  runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  /** http://127.0.0.1:port */
  url: string;
  wsUrl(threadId: string): string;
  /** A JSON request to the replica over the network. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** One API process: runtime, bus, app with the realtime routes, and a server on a loopback port. */
export async function openReplica(databaseUrl: string, options: ReplicaOptions = {}): Promise<Replica> {
  const model = new HeldModel();
  let bus: InterviewEventBus | undefined;
  const runtime = await openTestRuntime(databaseUrl, { model, events: interviewEventsToBus(() => bus) });
  bus = options.channel ? await PostgresEventBus.open({ pool: runtime.database.pool, channel: options.channel }) : new InProcessEventBus();
  const tickets = await options.tickets?.(runtime.database.pool);
  const realtime = createRealtime({ ...options.realtime, bus, ...(tickets ? { tickets } : {}) });
  const logs = new LogCapture();
  const app = createApp({
    service: runtime.service,
    logger: createLogger("info", logs),
    settings: { ...testSettings, ...options.settings },
    ...(options.speech ? { speech: options.speech(runtime.audio) } : {}),
    routes: [realtime.routes],
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  realtime.injectWebSocket(server);
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const openBus = bus;
  return {
    model,
    logs,
    runtime,
    url,
    wsUrl: (threadId) => `ws://127.0.0.1:${port}/ws/interview/${encodeURIComponent(threadId)}`,
    request: (method, path, body, headers = {}) =>
      fetch(`${url}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    async close() {
      model.release();
      await realtime.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await openBus.close();
      await runtime.close();
    },
  };
}

/** The upgrade was answered with an HTTP status instead of a socket. */
export class RefusedError extends Error {
  constructor(readonly status: number) {
    super(`The server refused the socket with HTTP ${status}.`);
  }
}

type MessageOf<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;

/** A real `ws` client that keeps every message, and waits for the next one of a type. */
export class SocketClient {
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly #read = new Set<number>();
  #wake: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      this.messages.push(JSON.parse(data.toString("utf8")) as ServerMessage);
      this.#notify();
    });
    this.closed = new Promise((resolve) =>
      ws.on("close", (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.#notify();
      }),
    );
  }

  static connect(url: string, options: { protocols?: string[]; headers?: Record<string, string>; autoPong?: boolean } = {}): Promise<SocketClient> {
    const clientOptions: ClientOptions = { autoPong: options.autoPong ?? true, ...(options.headers ? { headers: options.headers } : {}) };
    const ws = new WebSocket(url, options.protocols ?? ["interview.v1"], clientOptions);
    const client = new SocketClient(ws);
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(client));
      ws.once("unexpected-response", (request, response) => {
        reject(new RefusedError(response.statusCode ?? 0));
        request.destroy();
      });
      ws.on("error", (error) => reject(error));
    });
  }

  #notify() {
    const wake = this.#wake;
    this.#wake = [];
    for (const w of wake) w();
  }

  send(message: unknown): void {
    this.ws.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** The first message of this type not read yet; fails if the socket closes or nothing comes in time. */
  async next<T extends ServerMessage["type"]>(type: T, timeoutMs = 15_000): Promise<MessageOf<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.messages.findIndex((m, i) => m.type === type && !this.#read.has(i));
      if (index >= 0) {
        this.#read.add(index);
        return this.messages[index] as MessageOf<T>;
      }
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error(`The socket closed before a "${type}" message; got ${this.types().join(", ")}.`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No "${type}" message within ${timeoutMs} ms; got ${this.types().join(", ")}.`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Types received so far, in order (tokens folded into one entry). */
  types(): string[] {
    return this.messages.map((m) => m.type).filter((t, i, all) => t !== "token" || all[i - 1] !== "token");
  }

  /** Every token received so far, joined. */
  tokens(): string {
    return this.messages.flatMap((m) => (m.type === "token" ? [m.text] : [])).join("");
  }

  close(): void {
    this.ws.close(1000);
  }
}
