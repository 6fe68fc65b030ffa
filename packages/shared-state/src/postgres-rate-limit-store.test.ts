import type { Database } from "@interview/graph";
import { Hono } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { PostgresRateLimitStore } from "./postgres-rate-limit-store.js";
import { hashKey } from "./rate-limit-common.js";
import { warnings } from "./testing/event-bus-contract.js";
import { rateLimitStoreContract } from "./testing/rate-limit-contract.js";
import { openPools, uniqueName } from "./testing/targets.js";

const databaseUrl = inject("databaseUrl");

describe("PostgresRateLimitStore", () => {
  let replicas: Database[];
  const table = uniqueName("rate_limits");

  beforeAll(async () => {
    // Two replicas and an operator's session.
    replicas = await openPools(databaseUrl, 3);
  });
  afterAll(async () => {
    await replicas[2]!.pool.query(`drop table if exists "${table}"`);
    await Promise.all(replicas.map((db) => db.close()));
  });

  rateLimitStoreContract(() => ({
    openReplicas: async ({ prefix, windowMs }) => [
      await PostgresRateLimitStore.open({ pool: replicas[0]!.pool, table, prefix, windowMs }),
      await PostgresRateLimitStore.open({ pool: replicas[1]!.pool, table, prefix, windowMs }),
    ],
    storedKeys: async () => (await replicas[2]!.pool.query<{ key: string }>(`select encode(key, 'hex') as key from "${table}"`)).rows.map((r) => r.key),
  }));

  it("creates its table once when many replicas start at the same moment", async () => {
    const fresh = uniqueName("rate_limits_start");
    const stores = await Promise.all(
      Array.from({ length: 9 }, (_, i) => PostgresRateLimitStore.open({ pool: replicas[i % 3]!.pool, table: fresh, prefix: "p:" })),
    );
    for (const store of stores) await store.increment("client");

    expect((await stores[0]!.get("client"))?.totalHits).toBe(9);
    await replicas[2]!.pool.query(`drop table "${fresh}"`);
  });

  it("deletes ended windows as it goes, and keeps live ones", async () => {
    const fresh = uniqueName("rate_limits_cleanup");
    const short = await PostgresRateLimitStore.open({ pool: replicas[0]!.pool, table: fresh, prefix: "p:", windowMs: 200 });
    const long = await PostgresRateLimitStore.open({ pool: replicas[1]!.pool, table: fresh, prefix: "p:", windowMs: 60_000, cleanupIntervalMs: 0 });
    const rowsFor = async (key: string) =>
      (await replicas[2]!.pool.query<{ n: number }>(`select count(*)::int as n from "${fresh}" where key = $1`, [hashKey("p:", key)])).rows[0]!.n;

    await short.increment("gone-quiet");
    await long.increment("active");
    await vi.waitFor(async () => expect(await short.get("gone-quiet")).toBeUndefined(), { timeout: 10_000, interval: 50 });
    expect(await rowsFor("gone-quiet")).toBe(1);

    // The next hit anywhere sweeps the ended window away.
    await long.increment("active");
    await vi.waitFor(async () => expect(await rowsFor("gone-quiet")).toBe(0), { timeout: 10_000, interval: 50 });
    expect((await long.get("active"))?.totalHits).toBe(2);
    await replicas[2]!.pool.query(`drop table "${fresh}"`);
  });

  it("lets requests through when the database fails, warning once rather than per request", async () => {
    const [doomed] = await openPools(databaseUrl, 1);
    const reported = warnings();
    const store = await PostgresRateLimitStore.open({ pool: doomed!.pool, table, prefix: uniqueName("p"), onWarning: reported.hook });
    const app = new Hono();
    app.use(rateLimiter({ windowMs: 60_000, limit: 2, keyGenerator: () => "client", store }));
    app.get("/", (c) => c.text("ok"));
    await doomed!.close();

    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await app.request("/")).status);

    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(reported.seen).toEqual([{ message: expect.stringMatching(/pool/i), context: { component: "rate-limit:postgres", operation: "increment", suppressed: 0 } }]);
  });

  it("lets a request through when the database does not answer in time, and counts it once it does", async () => {
    const reported = warnings();
    const prefix = uniqueName("p");
    const store = await PostgresRateLimitStore.open({ pool: replicas[0]!.pool, table, prefix, timeoutMs: 200, onWarning: reported.hook });
    await store.increment("client");
    // An operator's long transaction holds the client's row.
    const operator = await replicas[2]!.pool.connect();
    try {
      await operator.query("begin");
      await operator.query(`select * from "${table}" where key = $1 for update`, [hashKey(prefix, "client")]);

      expect(await store.increment("client")).toEqual({ totalHits: 0 });
      expect(reported.seen.map((w) => w.message)).toEqual([expect.stringMatching(/did not answer increment within 200 ms/)]);
    } finally {
      await operator.query("rollback");
      operator.release();
    }
    await vi.waitFor(async () => expect((await store.get("client"))?.totalHits).toBe(2), { timeout: 10_000, interval: 50 });
  });

  it("refuses a table name that is not a plain identifier", async () => {
    await expect(PostgresRateLimitStore.open({ pool: replicas[0]!.pool, table: 'x"; drop table y; --' })).rejects.toThrow(/Invalid rate-limit table name/);
  });
});
