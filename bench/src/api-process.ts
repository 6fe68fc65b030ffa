import { fileURLToPath } from "node:url";
import { freePort } from "../../apps/api/src/testing/server-process.js";
import { spawnTarget, type Target } from "./ipc.js";

const SERVER = fileURLToPath(new URL("../../apps/api/src/server.ts", import.meta.url));
const PRELOAD = new URL("./targets/api-preload.ts", import.meta.url).href;


/**
 * apps/api/src/server.ts itself, unchanged, in a process of its own on `databaseUrl`, with
 * bench/src/targets/api-preload.ts loaded beside it to count statements and answer "mem" and
 * "storage". Differences from a default deployment: the rate limit is raised so one benchmark
 * client is not throttled (the limiter still runs, counting in PostgreSQL as server.ts does when
 * DATABASE_URL is set), logs go to /dev/null, a stop waits at most 2 s for running turns.
 */
export async function spawnApi(databaseUrl: string, env: Record<string, string> = {}): Promise<Target> {
  const port = await freePort();
  const settings: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    RATE_LIMIT_PER_MINUTE: String(1e9),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    SHUTDOWN_GRACE_MS: "2000",
    API_WORKERS: "1",
    ...(process.env.DB_POOL_SIZE ? { DB_POOL_SIZE: process.env.DB_POOL_SIZE } : {}),
    ...env,
  };
  return spawnTarget(SERVER, settings, 300_000, ["--import", PRELOAD]);
}
