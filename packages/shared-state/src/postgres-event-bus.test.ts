import { createServer } from "node:net";
import type { Client, PoolConfig } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Database } from "@interview/graph";
import { PostgresEventBus } from "./postgres-event-bus.js";
import { collector, eventBusContract, warnings } from "./testing/event-bus-contract.js";
import { openPools, uniqueName } from "./testing/targets.js";

const databaseUrl = inject("databaseUrl");

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("PostgresEventBus", () => {
  let replicas: Database[];
  // Own channel: the malformed-message test must not reach other test files' buses.
  const channel = uniqueName("interview_events");
  let opened = 0;
  const operator = () => replicas[2]!.pool;
  const listenersOf = async (origin: string) =>
    (await operator().query(`select pid, query from pg_stat_activity where application_name = $1`, [`interview-events ${origin}`])).rows;

  beforeAll(async () => {
    replicas = await openPools(databaseUrl, 3);
  });
  afterAll(async () => {
    await Promise.all(replicas.map((db) => db.close()));
  });

  eventBusContract(
    () => ({
      open: (options) =>
        PostgresEventBus.open({ pool: replicas[opened++ % 2]!.pool, channel, reconnectDelayMs: { initial: 20, max: 200 }, ...options }),
      dropListener: async (bus) =>
        (await operator().query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [`interview-events ${bus.origin}`]))
          .rowCount ?? 0,
      publishRaw: async (payload) => void (await operator().query("select pg_notify($1, $2)", [channel, payload])),
    }),
    { rawChannel: true, droppable: true },
  );

  it("listens on one connection and one channel however many interviews it follows, and lets go on close", async () => {
    const bus = await PostgresEventBus.open({ pool: replicas[0]!.pool, channel });
    for (let i = 0; i < 5; i++) await bus.subscribe(`thread-${i}`, () => undefined);

    expect(await listenersOf(bus.origin)).toEqual([expect.objectContaining({ query: `LISTEN "${channel}"` })]);
    await bus.close();
    await vi.waitFor(async () => expect(await listenersOf(bus.origin)).toEqual([]), { timeout: 10_000, interval: 50 });
  });

  it("keeps retrying while the database refuses connections, then listens again", async () => {
    const pool = replicas[0]!.pool;
    const Listener = (pool as unknown as { Client: new (config: PoolConfig) => Client }).Client;
    const deadPort = await closedPort();
    const origin = uniqueName("origin");
    let made = 0;
    // The first connection works; the next two find the database down; then it is back.
    const createListener = () => {
      made++;
      const down = made === 2 || made === 3;
      return new Listener(down ? { host: "127.0.0.1", port: deadPort } : { ...pool.options, application_name: `interview-events ${origin}` });
    };
    const reported = warnings();
    let reconnects = 0;
    const bus = await PostgresEventBus.open({
      pool,
      channel,
      origin,
      createListener,
      onWarning: reported.hook,
      onReconnect: () => void reconnects++,
      reconnectDelayMs: { initial: 20, max: 100 },
    });
    const received = collector();
    const t = uniqueName("thread");
    await bus.subscribe(t, received.handler);
    const [listener] = await listenersOf(origin);
    await operator().query("select pg_terminate_backend($1)", [listener.pid]);

    await vi.waitFor(() => expect(reconnects).toBe(1), { timeout: 15_000, interval: 20 });
    expect(made).toBe(4);
    // The drop, then the first failed attempt (the second is within the throttle interval).
    expect(reported.seen.map((w) => w.context.operation)).toEqual(["listen", "reconnect"]);

    const publisher = await PostgresEventBus.open({ pool: replicas[1]!.pool, channel });
    await publisher.publish(t, { type: "interview_ended" });
    await vi.waitFor(() => expect(received.events).toEqual([{ type: "interview_ended", origin: publisher.origin }]), { timeout: 10_000 });
    await Promise.all([bus.close(), publisher.close()]);
  });

  it("refuses a channel name that is not a plain identifier", async () => {
    await expect(PostgresEventBus.open({ pool: replicas[0]!.pool, channel: "a; drop" })).rejects.toThrow(/Invalid event channel name/);
  });
});
