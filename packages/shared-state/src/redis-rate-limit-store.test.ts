import { Hono } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisRateLimitStore } from "./redis-rate-limit-store.js";
import { warnings } from "./testing/event-bus-contract.js";
import { rateLimitStoreContract } from "./testing/rate-limit-contract.js";
import { RespServer } from "./testing/resp-server.js";
import { REDIS_TARGETS, RedisConnections, uniqueName, type RedisTarget } from "./testing/targets.js";

describe.each(REDIS_TARGETS)("RedisRateLimitStore on $name", (target) => {
  let server: RedisTarget;
  let operator: Redis;
  const connections = new RedisConnections();
  // Keeps this run's keys apart from anything else on a real server.
  const root = `${uniqueName("test")}:`;

  beforeAll(async () => {
    server = await target.start();
    operator = await connections.open(server.url);
  });
  afterAll(async () => {
    const keys = await operator.keys(`${root}*`);
    if (keys.length) await operator.del(...keys);
    await connections.closeAll();
    await server.close();
  });

  rateLimitStoreContract(() => ({
    openReplicas: async ({ prefix, windowMs }) => [
      new RedisRateLimitStore({ redis: await connections.open(server.url), prefix: root + prefix, windowMs }),
      new RedisRateLimitStore({ redis: await connections.open(server.url), prefix: root + prefix, windowMs }),
    ],
    storedKeys: () => operator.keys(`${root}*`),
  }));

  it("gives every window an expiry, so idle clients' keys go away by themselves", async () => {
    const store = new RedisRateLimitStore({ redis: await connections.open(server.url), prefix: `${root}ttl:`, windowMs: 30_000 });
    await store.increment("client");
    await store.decrement("client");
    await store.decrement("client");

    const [key] = await operator.keys(`${root}ttl:*`);
    const ttl = await operator.pttl(key!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
    expect(await operator.get(key!)).toBe("0");
  });
});

describe("RedisRateLimitStore when Redis goes away", () => {
  const connections = new RedisConnections();
  afterAll(() => connections.closeAll());

  it("lets requests through and warns once rather than per request", async () => {
    const server = await RespServer.start();
    const reported = warnings();
    const store = new RedisRateLimitStore({ redis: await connections.open(server.url), timeoutMs: 200, onWarning: reported.hook });
    const app = new Hono();
    app.use(rateLimiter({ windowMs: 60_000, limit: 1, keyGenerator: () => "client", store }));
    app.get("/", (c) => c.text("ok"));
    expect((await app.request("/")).status).toBe(200);
    expect((await app.request("/")).status).toBe(429);
    await server.close();

    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.request("/")).status);

    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(reported.seen).toHaveLength(1);
    expect(reported.seen[0]?.context).toEqual({ component: "rate-limit:redis", operation: "increment", suppressed: 0 });
  });
});
