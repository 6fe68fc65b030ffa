/**
 * Child process: our HTTP API as server.ts composes it (createRuntime + createApp), on the
 * PostgreSQL given in BENCH_DATABASE_URL, served by @hono/node-server on a loopback port.
 * Differences from a default deployment: the rate limit is raised so one benchmark client is not
 * throttled (the limiter still runs), voice routes are not mounted, logs go to /dev/null.
 */
import { serve } from "@hono/node-server";
import pg from "pg";
import { appSettingsFrom, createApp, createLogger, loadApiConfig } from "@interview/api";
import { createRuntime } from "@interview/graph";
import { memoryAfterGc, serveCommands } from "../ipc.js";

// Counts every statement sent to PostgreSQL (transactions' BEGIN/COMMIT included): round trips per turn.
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const env: Record<string, string> = {
  DATABASE_URL: process.env.BENCH_DATABASE_URL!,
  RATE_LIMIT_PER_MINUTE: String(1e9),
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
};
if (process.env.DB_POOL_SIZE) env.DB_POOL_SIZE = process.env.DB_POOL_SIZE;
const config = loadApiConfig(env);
const runtime = await createRuntime(config);
const app = createApp({
  service: runtime.service,
  logger: createLogger(config.LOG_LEVEL),
  checkDatabase: async () => void (await runtime.database.pool.query("select 1")),
  settings: appSettingsFrom(config),
});

/** Rows and bytes the checkpointer has stored, to divide by turns. */
async function storage() {
  const { rows } = await runtime.database.pool.query<Record<string, string>>(`select
    (select count(*) from checkpoints) as checkpoints,
    (select count(*) from checkpoint_blobs) as blobs,
    (select count(*) from checkpoint_writes) as writes,
    (select coalesce(sum(pg_column_size(checkpoint)), 0) from checkpoints) as checkpoint_bytes,
    (select coalesce(sum(octet_length(blob)), 0) from checkpoint_blobs) as blob_bytes,
    (select coalesce(sum(octet_length(blob)), 0) from checkpoint_writes) as write_bytes,
    pg_database_size(current_database()) as database_bytes`);
  return { ...Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)])), statements };
}

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  serveCommands(
    { port: info.port, poolSize: config.DB_POOL_SIZE },
    { mem: () => memoryAfterGc(), storage },
    async () => {
      server.close();
      await runtime.close();
    },
  );
});
