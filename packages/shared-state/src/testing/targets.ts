import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
// The engine's own pool set-up, imported narrowly (as test/global-setup.ts does): the tests need
// pools configured as the API's, not the whole engine.
import { openDatabase, type Database } from "@interview/graph";
import { Redis } from "ioredis";
import { RespServer } from "./resp-server.js";

/** Pools to the run's PostgreSQL, one per simulated replica, opened the way the API opens its own. */
export async function openPools(databaseUrl: string, count: number, poolSize = 5): Promise<Database[]> {
  return Promise.all(Array.from({ length: count }, () => openDatabase({ url: databaseUrl, dataDir: tmpdir(), poolSize })));
}

/** A name no other test (or parallel test file) uses: tables, channels, key prefixes. */
export const uniqueName = (stem: string) => `${stem}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;

export interface RedisTarget {
  url: string;
  close(): Promise<void>;
}

/**
 * Where the Redis tests run: always the loopback RESP server (a fresh machine has no Redis), and
 * also TEST_REDIS_URL when set, so the same tests check the stand-in against a real server.
 */
export const REDIS_TARGETS: { name: string; start(): Promise<RedisTarget> }[] = [
  {
    name: "the loopback RESP server",
    start: async () => {
      const server = await RespServer.start();
      return { url: server.url, close: () => server.close() };
    },
  },
  ...(process.env.TEST_REDIS_URL
    ? [{ name: "TEST_REDIS_URL", start: async () => ({ url: process.env.TEST_REDIS_URL!, close: async () => undefined }) }]
    : []),
];

/** A connection for a test, closed by `closeAll`. */
export class RedisConnections {
  readonly #open: Redis[] = [];

  async open(url: string): Promise<Redis> {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    // Expected while a test cuts connections; the code under test reports its own.
    redis.on("error", () => undefined);
    await redis.connect();
    this.#open.push(redis);
    return redis;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#open.splice(0).map((redis) => redis.quit().catch(() => redis.disconnect())));
  }
}
