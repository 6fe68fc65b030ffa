import { Hono } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Database } from "@interview/graph";
import { openEventPublisher, openSharedState, type InterviewEventBus, type SharedState, type SharedStateOptions } from "./index.js";
import { collector } from "./testing/event-bus-contract.js";
import { RespServer } from "./testing/resp-server.js";
import { openPools, uniqueName } from "./testing/targets.js";

const databaseUrl = inject("databaseUrl");

let server: RespServer;
let pools: Database[];
/** What a test opened, closed after it. */
const opened: { close(): Promise<void> }[] = [];
const keep = <T extends { close(): Promise<void> }>(value: T) => (opened.push(value), value);

beforeAll(async () => {
  server = await RespServer.start();
  pools = await openPools(databaseUrl, 2);
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((value) => value.close()));
});
afterAll(async () => {
  await server.close();
  await Promise.all(pools.map((db) => db.close()));
});

describe("openSharedState", () => {
  const open = async (options: SharedStateOptions) => keep(await openSharedState(options));

  /** Two API processes on the chosen backend: one limit between them, and each hears the other. */
  async function expectShared(a: SharedState, b: SharedState) {
    const client = { headers: { authorization: `Bearer ${uniqueName("key")}` } };
    const apps = [a, b].map((state) => {
      const app = new Hono();
      app.use(rateLimiter({ windowMs: 60_000, limit: 3, keyGenerator: (c) => c.req.header("authorization") ?? "", store: state.rateLimitStore }));
      app.get("/", (c) => c.text("ok"));
      return app;
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await apps[i % 2]!.request("/", client)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);

    const thread = uniqueName("thread");
    const heard = collector();
    await b.eventBus.subscribe(thread, heard.handler);
    await a.eventBus.publish(thread, { type: "socket_opened", connectionId: "c1" });
    await vi.waitFor(() => expect(heard.events).toEqual([{ type: "socket_opened", connectionId: "c1", origin: a.eventBus.origin }]));
  }

  it("uses Redis when given REDIS_URL, even with a database", async () => {
    const [a, b] = [await open({ redisUrl: server.url, pool: pools[0]!.pool }), await open({ redisUrl: server.url })];
    expect([a.kind, b.kind]).toEqual(["redis", "redis"]);
    await expectShared(a, b);
    expect(server.keys().length).toBeGreaterThan(0);
  });

  it("uses PostgreSQL when given the pool and no Redis", async () => {
    const [a, b] = [await open({ pool: pools[0]!.pool }), await open({ pool: pools[1]!.pool })];
    expect([a.kind, b.kind]).toEqual(["postgres", "postgres"]);
    await expectShared(a, b);
  });

  it("keeps everything in the process with neither", async () => {
    const state = await open({});
    expect(state.kind).toBe("in-process");
    await expectShared(state, state);
  });

  it("refuses to start when the configured Redis cannot be reached", async () => {
    const gone = await RespServer.start();
    const url = gone.url;
    await gone.close();
    await expect(openSharedState({ redisUrl: url })).rejects.toThrow();
  });
});

describe("openEventPublisher", () => {
  /** What an API replica on `listener` hears of a turn the publisher (a voice worker) sends. */
  async function heardFrom(publisher: InterviewEventBus, listener: SharedState) {
    const thread = uniqueName("thread");
    const heard = collector();
    await listener.eventBus.subscribe(thread, heard.handler);
    await publisher.publish(thread, { type: "turn_committed", status: "question", questionId: "q2" });
    await vi.waitFor(() => expect(heard.events).toEqual([{ type: "turn_committed", status: "question", questionId: "q2", origin: publisher.origin }]));
    await expect(publisher.subscribe(thread, () => undefined)).rejects.toMatchObject({ code: "not_listening" });
  }

  it("publishes on Redis when given REDIS_URL, as the API then listens there, on one connection", async () => {
    const api = keep(await openSharedState({ redisUrl: server.url }));
    const before = server.clientCount;
    const publisher = keep(await openEventPublisher({ redisUrl: server.url, pool: pools[0]!.pool }));
    expect(server.clientCount - before).toBe(1);
    await heardFrom(publisher, api);
  });

  it("publishes on PostgreSQL otherwise, with no listening connection of its own", async () => {
    const api = keep(await openSharedState({ pool: pools[0]!.pool }));
    const publisher = keep(await openEventPublisher({ pool: pools[1]!.pool }));
    await heardFrom(publisher, api);
    const listeners = await pools[0]!.pool.query("select 1 from pg_stat_activity where application_name = $1", [`interview-events ${publisher.origin}`]);
    expect(listeners.rowCount).toBe(0);
  });

  it("refuses to start when the configured Redis cannot be reached", async () => {
    const gone = await RespServer.start();
    const url = gone.url;
    await gone.close();
    await expect(openEventPublisher({ redisUrl: url, pool: pools[0]!.pool })).rejects.toThrow();
  });
});
