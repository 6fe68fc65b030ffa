import { connect } from "node:net";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDIS_TARGETS, RedisConnections, uniqueName, type RedisTarget } from "./targets.js";

/** Sends raw bytes in the given pieces and collects the reply until `until` has arrived. */
async function raw(url: string, pieces: string[], until: string): Promise<string> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let reply = "";
  const done = new Promise<string>((resolve, reject) => {
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes(until)) resolve(reply);
    });
    socket.on("error", reject);
  });
  for (const piece of pieces) {
    await new Promise<void>((resolve) => socket.write(piece, () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  try {
    return await done;
  } finally {
    socket.destroy();
  }
}

// The stand-in's tests: with TEST_REDIS_URL they run against a real Redis too, to show it agrees.
describe.each(REDIS_TARGETS)("RESP behaviour on $name", (target) => {
  let server: RedisTarget;
  let redis: Redis;
  const connections = new RedisConnections();

  beforeAll(async () => {
    server = await target.start();
    redis = await connections.open(server.url);
  });
  afterAll(async () => {
    await connections.closeAll();
    await server.close();
  });

  it("answers a command split across packets, and pipelined commands in order", async () => {
    const key = uniqueName("split");
    const incr = `*2\r\n$4\r\nINCR\r\n$${key.length}\r\n${key}\r\n`;
    const reply = await raw(server.url, ["*1\r\n$4\r\nPI", `NG\r\n${incr}${incr.slice(0, 7)}`, `${incr.slice(7)}*2\r\n$3\r\nDEL\r\n$${key.length}\r\n${key}\r\n`], ":1\r\n:2\r\n:1\r\n");
    expect(reply).toBe("+PONG\r\n:1\r\n:2\r\n:1\r\n");
  });

  it("sets an expiry with PEXPIRE NX only when the key has none", async () => {
    const key = uniqueName("ttl");
    await redis.incr(key);
    expect(await redis.pttl(key)).toBe(-1);
    expect(await redis.pexpire(key, 10_000, "NX")).toBe(1);
    expect(await redis.pexpire(key, 50, "NX")).toBe(0);
    expect(await redis.pttl(key)).toBeGreaterThan(50);
    await redis.incr(key);
    // INCR keeps the expiry.
    expect(await redis.pttl(key)).toBeGreaterThan(50);
    expect(await redis.pttl(uniqueName("missing"))).toBe(-2);
    await redis.del(key);
  });

  it("answers a MULTI with one reply per queued command", async () => {
    const key = uniqueName("multi");
    const result = await redis.multi().incr(key).decr(key).get(key).pttl(key).exec();
    expect(result).toEqual([
      [null, 1],
      [null, 0],
      [null, "0"],
      [null, -1],
    ]);
    await redis.del(key);
  });

  it("delivers a PUBLISH to subscribers with pub/sub framing, and counts them", async () => {
    const channel = uniqueName("chan");
    const subscriber = await connections.open(server.url);
    const received = new Promise<[string, string]>((resolve) => subscriber.once("message", (c: string, m: string) => resolve([c, m])));
    expect(await subscriber.subscribe(channel)).toBe(1);
    expect(await redis.publish(channel, "hello")).toBe(1);
    expect(await received).toEqual([channel, "hello"]);
    expect(await subscriber.unsubscribe(channel)).toBe(0);
    expect(await redis.publish(channel, "nobody")).toBe(0);
  });
});
