/**
 * Child process: our HTTP API as server.ts composes it (createRuntime + createApp), on the
 * PostgreSQL given in BENCH_DATABASE_URL, served by @hono/node-server on a loopback port.
 * With BENCH_API_WORKERS > 1 it runs like API_WORKERS: this process forks that many workers with
 * apps/api's startWorkers (node:cluster, one shared port) and answers the parent's commands for
 * all of them. Differences from a default deployment: the rate limit is raised so one benchmark
 * client is not throttled (the limiter still runs), voice routes are not mounted, logs go to
 * /dev/null.
 */
import cluster, { type Worker } from "node:cluster";
import { serve } from "@hono/node-server";
import pg from "pg";
import { appSettingsFrom, createApp, createLogger, loadApiConfig, startWorkers } from "@interview/api";
import { createRuntime } from "@interview/graph";
import { memoryAfterGc, serveCommands, type MemorySample } from "../ipc.js";

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
const workers = Number(process.env.BENCH_API_WORKERS ?? 1);

/** Rows and bytes the checkpointer has stored, to divide by turns. */
async function storage(pool: pg.Pool, statementsSoFar: number) {
  const { rows } = await pool.query<Record<string, string>>(`select
    (select count(*) from checkpoints) as checkpoints,
    (select count(*) from checkpoint_blobs) as blobs,
    (select count(*) from checkpoint_writes) as writes,
    (select coalesce(sum(pg_column_size(checkpoint)), 0) from checkpoints) as checkpoint_bytes,
    (select coalesce(sum(octet_length(blob)), 0) from checkpoint_blobs) as blob_bytes,
    (select coalesce(sum(octet_length(blob)), 0) from checkpoint_writes) as write_bytes,
    pg_database_size(current_database()) as database_bytes`);
  return { ...Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)])), statements: statementsSoFar };
}

if (cluster.isPrimary && workers > 1) {
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 1 });
  const workerPool = startWorkers(workers, createLogger("silent"));
  let nextId = 0;
  const ask = <T>(worker: Worker, cmd: string) =>
    new Promise<T>((resolve) => {
      const id = ++nextId;
      const onMessage = (message: { id?: number; result?: T }) => {
        if (message?.id !== id) return;
        worker.off("message", onMessage);
        resolve(message.result as T);
      };
      worker.on("message", onMessage);
      worker.send({ id, cmd });
    });
  const all = async <T>(cmd: string) => Promise.all(workerPool.workers().map((w) => ask<T>(w, cmd)));
  let listening = 0;
  cluster.on("listening", (_worker, address) => {
    if (++listening < workers) return;
    serveCommands(
      { port: address.port, poolSize: config.DB_POOL_SIZE, workers },
      {
        // The whole server: this process and its workers.
        mem: async () =>
          [memoryAfterGc(), ...(await all<MemorySample>("mem"))].reduce((a, m) => ({
            rss: a.rss + m.rss,
            heapUsed: a.heapUsed + m.heapUsed,
            external: a.external + m.external,
          })),
        storage: async () => storage(pool, (await all<number>("statements")).reduce((a, n) => a + n, 0)),
      },
      async () => {
        await workerPool.stop();
        await pool.end();
      },
    );
  });
} else {
  const runtime = await createRuntime(config);
  const app = createApp({
    service: runtime.service,
    logger: createLogger(config.LOG_LEVEL),
    checkDatabase: async () => void (await runtime.database.pool.query("select 1")),
    settings: appSettingsFrom(config),
  });
  // Port 0 in a cluster worker: every worker shares the one port the primary picks.
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
    const stop = async () => {
      server.close();
      await runtime.close();
    };
    if (cluster.isWorker) {
      process.on("message", (message: { id: number; cmd: string }) => {
        const result = message.cmd === "mem" ? memoryAfterGc() : statements;
        process.send!({ id: message.id, result });
      });
      process.on("SIGTERM", () => void stop().finally(() => process.exit(0)));
      return;
    }
    serveCommands({ port: info.port, poolSize: config.DB_POOL_SIZE, workers: 1 }, { mem: () => memoryAfterGc(), storage: () => storage(runtime.database.pool, statements) }, stop);
  });
}
