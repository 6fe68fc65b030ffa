import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startProviderServer } from "@interview/graph/testing";
import { startServerProcess, type ServerProcess } from "./testing/server-process.js";
import { SOLID_ANSWER } from "./testing/test-app.js";
import { SocketClient } from "./realtime/testing.js";

const databaseUrl = inject("databaseUrl");

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const START = { job_title: "Backend Engineer", question_type: "technical", max_step: 3 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const alive = (server: ServerProcess) => server.child.exitCode === null && server.child.signalCode === null;

describe("a server whose model provider misbehaves (Gemini protocol on loopback)", () => {
  let provider: Awaited<ReturnType<typeof startProviderServer>>;
  let server: ServerProcess;
  beforeAll(async () => {
    provider = await startProviderServer();
    server = await startServerProcess({
      DATABASE_URL: databaseUrl,
      GOOGLE_API_KEY: "k",
      GEMINI_BASE_URL: provider.url,
      MODEL_TIMEOUT_MS: "800",
      MODEL_MAX_RETRIES: "0",
      CV_SIMILARITY_THRESHOLD: "0.12",
    });
  }, 90_000);
  afterAll(async () => {
    await server.stop();
    await provider.close();
  });

  it.each(["reset", "malformed", "slow", "cut", "blocked"] as const)("keeps serving after a %s stream, and the same answer succeeds afterwards", async (fault) => {
    const start = await (await post(`${server.url}/start_interview`, START)).json();
    provider.fail("decision", fault, 1);
    for (const accept of ["text/event-stream", "application/json"]) {
      provider.fail("decision", fault, 1);
      const res = await post(`${server.url}/continue_interview`, { thread_id: start.thread_id, user_response: SOLID_ANSWER }, { accept });
      const text = await res.text();
      // A failure before the first token is a plain JSON error; after it, an SSE error event.
      expect(text).toMatch(/provider_unavailable|upstream_timeout|model_output_invalid/);
      expect(text).not.toMatch(/internal_error/);
    }
    await sleep(200);
    expect(alive(server)).toBe(true);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    provider.clearFaults();
    const retried = await post(`${server.url}/continue_interview`, { thread_id: start.thread_id, user_response: SOLID_ANSWER });
    expect(retried.status).toBe(200);
    expect(server.output()).not.toContain(SOLID_ANSWER);
  }, 30_000);
});

describe("a writer that dies mid-turn (external PostgreSQL, which keeps running)", () => {
  it("frees the interview within the lease time: the resent answer is accepted once, nothing lost or doubled", async () => {
    const provider = await startProviderServer();
    const env = { DATABASE_URL: databaseUrl, GOOGLE_API_KEY: "k", GEMINI_BASE_URL: provider.url, LEASE_TTL_MS: "3000", MODEL_TIMEOUT_MS: "20000", MODEL_MAX_RETRIES: "0" };
    const first = await startServerProcess(env);
    let threadId: string;
    try {
      threadId = (await (await post(`${first.url}/start_interview`, START)).json()).thread_id;
      // The decision call hangs: the turn is mid-flight, holding the lease, when the process dies.
      provider.fail("decision", "hang", 1);
      void post(`${first.url}/continue_interview`, { thread_id: threadId, user_response: SOLID_ANSWER }).catch(() => undefined);
      await sleep(700);
    } finally {
      first.child.kill("SIGKILL");
      await first.stop();
    }
    const second = await startServerProcess(env);
    try {
      const killedAt = Date.now();
      let accepted: Response | undefined;
      while (!accepted && Date.now() - killedAt < 15_000) {
        const res = await post(`${second.url}/continue_interview`, { thread_id: threadId, user_response: SOLID_ANSWER });
        if (res.status === 200) accepted = res;
        else {
          expect((await res.json()).error.code).toBe("turn_in_progress");
          await sleep(250);
        }
      }
      expect(accepted?.status).toBe(200);
      // Freed within the lease time (3 s here; LEASE_TTL_MS defaults to 10 s), not after minutes.
      expect(Date.now() - killedAt).toBeLessThan(3_000 + 2_000);
      const record = await (await fetch(`${second.url}/interviews/${threadId}`)).json();
      expect(record.answers).toHaveLength(1);
      expect(record.questions).toHaveLength(2);
    } finally {
      await second.stop();
      await provider.close();
    }
  }, 90_000);
});

describe("stopping", () => {
  it("finishes the turn in flight on SIGTERM, refuses new ones meanwhile, reports not ready, and exits cleanly", async () => {
    const provider = await startProviderServer();
    provider.setSlowTokenMs(150);
    const server = await startServerProcess({ DATABASE_URL: databaseUrl, GOOGLE_API_KEY: "k", GEMINI_BASE_URL: provider.url, MODEL_TIMEOUT_MS: "20000", MODEL_MAX_RETRIES: "0" });
    try {
      const start = await (await post(`${server.url}/start_interview`, START)).json();
      const other = await (await post(`${server.url}/start_interview`, START)).json();
      // A slow, streamed decision: about a dozen tokens, 150 ms apart.
      provider.fail("decision", "slow", 1);
      const inFlight = post(`${server.url}/continue_interview`, { thread_id: start.thread_id, user_response: SOLID_ANSWER }, { accept: "text/event-stream" });
      await sleep(400);
      server.child.kill("SIGTERM");
      await sleep(200);
      const ready = await fetch(`${server.url}/health/ready`).catch(() => undefined);
      if (ready) expect(ready.status).toBe(503);
      const refused = await post(`${server.url}/continue_interview`, { thread_id: other.thread_id, user_response: SOLID_ANSWER }).catch(() => undefined);
      if (refused) expect((await refused.json()).error.code).toBe("not_ready");
      const finished = await inFlight;
      expect(finished.status).toBe(200);
      expect(await finished.text()).toMatch(/event: done/);
      const code = await new Promise((resolve) => (alive(server) ? server.child.once("exit", resolve) : resolve(server.child.exitCode)));
      expect(code).toBe(0);
    } finally {
      await server.stop();
      await provider.close();
    }
  }, 60_000);
});

describe("two API processes on one PostgreSQL", () => {
  it("count one rate limit between them: 15 requests alternating get 429 from the 11th on", async () => {
    const env = { DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: "10", API_KEYS: `limit-${Date.now()}` };
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 15; i++) {
        const server = i % 2 === 0 ? a : b;
        statuses.push((await fetch(`${server.url}/interviews/none`, { headers: { authorization: `Bearer ${env.API_KEYS}` } })).status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429, 429, 429, 429]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 90_000);

  it("keep one socket per interview between them, and a turn taken on one reaches a socket on the other", async () => {
    const env = { DATABASE_URL: databaseUrl };
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    const ws = (server: ServerProcess, thread: string) => SocketClient.connect(`${server.url.replace("http", "ws")}/ws/interview/${thread}`);
    try {
      const start = (await (await post(`${a.url}/start_interview`, START)).json()) as { thread_id: string; question: { id: string } };
      const onB = await ws(b, start.thread_id);
      await onB.next("connected");
      // An HTTP answer on A: B's socket hears the evaluation and the next question.
      const answered = await post(`${a.url}/continue_interview`, { thread_id: start.thread_id, question_id: start.question.id, user_response: SOLID_ANSWER });
      expect(answered.status).toBe(200);
      const next = (await answered.json()) as { question: { id: string; text: string } };
      expect((await onB.next("evaluation")).question_id).toBe(start.question.id);
      expect(await onB.next("question")).toMatchObject({ question_id: next.question.id, text: next.question.text });
      // The same interview connects on A: B's socket is closed as replaced.
      const onA = await ws(a, start.thread_id);
      await onA.next("connected");
      expect((await onB.closed).code).toBe(4000);
      onA.close();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 90_000);
});
