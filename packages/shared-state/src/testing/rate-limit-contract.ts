import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { rateLimiter, type Store } from "hono-rate-limiter";
import { expect, it, vi } from "vitest";

export interface RateLimitHarness {
  /** Two stores as two replicas hold them: each on its own connection to the one backend. */
  openReplicas(options: { prefix: string; windowMs?: number }): Promise<[Store, Store]>;
  /** Every key the backend holds, in text form (hex for binary ones). */
  storedKeys(): Promise<string[]>;
}

/** An API replica: the limiter as the app configures it (keyed on Authorization), on `store`. */
function replica(store: Store, limit: number, windowMs: number) {
  const app = new Hono();
  app.use(
    rateLimiter({
      windowMs,
      limit,
      standardHeaders: "draft-6",
      keyGenerator: (c) => c.req.header("authorization") ?? "anonymous",
      store,
    }),
  );
  app.get("/interviews/:id", (c) => c.json({ ok: true }));
  return app;
}

const asClient = (key: string) => ({ headers: { authorization: key } });
const prefix = () => `t${randomUUID().slice(0, 8)}:`;

/** What every shared store must do, whatever its backend. */
export function rateLimitStoreContract(harness: () => RateLimitHarness): void {
  it("shares one limit across two replicas: 15 alternating requests get 429 from the 11th on", async () => {
    const [a, b] = await harness().openReplicas({ prefix: prefix() });
    const apps = [replica(a, 10, 60_000), replica(b, 10, 60_000)];
    const responses = [];
    for (let i = 0; i < 15; i++) responses.push(await apps[i % 2]!.request("/interviews/x", asClient("Bearer key-one")));

    expect(responses.map((r) => r.status)).toEqual([...Array(10).fill(200), ...Array(5).fill(429)]);
    expect(responses.map((r) => r.headers.get("ratelimit-remaining"))).toEqual(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0", "0", "0", "0", "0", "0"]);
    const reset = Number(responses[14]!.headers.get("ratelimit-reset"));
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(60);
    // Another client is counted on its own.
    expect((await apps[1]!.request("/interviews/x", asClient("Bearer key-two"))).status).toBe(200);
  });

  it("starts a client's count afresh once its window has passed", async () => {
    const [a, b] = await harness().openReplicas({ prefix: prefix() });
    const apps = [replica(a, 2, 700), replica(b, 2, 700)];
    const ask = (i: number) => apps[i % 2]!.request("/interviews/x", asClient("Bearer key-one"));
    expect([(await ask(0)).status, (await ask(1)).status, (await ask(0)).status]).toEqual([200, 200, 429]);

    // Polled rather than slept: the backend's clock ends the window, not this process's.
    await vi.waitFor(async () => expect((await ask(1)).status).toBe(200), { timeout: 10_000, interval: 100 });
    // A whole new window: one more request fits, the next does not.
    expect([(await ask(0)).status, (await ask(1)).status]).toEqual([200, 429]);
  });

  it("gives a hit back on decrement, never below zero, and resetKey clears a client for every replica", async () => {
    const [a, b] = await harness().openReplicas({ prefix: prefix() });
    for (let i = 0; i < 3; i++) await a.increment("client");
    await b.decrement("client");
    expect((await a.increment("client")).totalHits).toBe(3);

    await b.decrement("new-client");
    expect((await a.increment("new-client")).totalHits).toBe(1);

    await a.resetKey("client");
    expect(await b.get?.("client")).toBeUndefined();
    expect((await b.increment("client")).totalHits).toBe(1);
  });

  it("counts 50 parallel hits from two replicas exactly", async () => {
    const [a, b] = await harness().openReplicas({ prefix: prefix() });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).increment("busy-client")));

    expect(results.map((r) => r.totalHits).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await a.get?.("busy-client"))?.totalHits).toBe(50);
  });

  it("never stores the client key (an API key, say) in clear", async () => {
    const [a] = await harness().openReplicas({ prefix: prefix() });
    const secret = `sk-live-${randomUUID()}`;
    await a.increment(`Bearer ${secret}`);

    const keys = await harness().storedKeys();
    expect(keys.length).toBeGreaterThan(0);
    const hex = Buffer.from(secret).toString("hex");
    expect(keys.filter((k) => k.includes(secret) || k.includes(hex))).toEqual([]);
  });
}
