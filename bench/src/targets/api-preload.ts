/**
 * Loaded with `--import` into apps/api/src/server.ts, which runs unchanged as the benchmark's API
 * process (the composition root itself: runtime, shared state, speech, jobs, every route it
 * mounts). This module only observes it: it counts the statements sent to PostgreSQL, answers the
 * benchmark's commands ("mem", "storage") over the fork IPC channel, says "ready" once the server
 * answers /health/live, and stops it with SIGTERM (server.ts's own graceful shutdown).
 * With API_WORKERS > 1 it runs in the primary and in every worker (cluster.fork keeps execArgv):
 * the primary answers for the whole server, asking each worker for its part.
 */
import cluster from "node:cluster";
import http from "node:http";
import pg from "pg";
import { memoryAfterGc, serveCommands, type MemorySample } from "../ipc.js";

let statements = 0;
let own = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

type WorkerCommand = { benchId: number; benchCmd: "mem" | "statements" };

if (cluster.isWorker) {
  process.on("message", (message: WorkerCommand) => {
    if (typeof message?.benchId !== "number") return;
    const result = message.benchCmd === "mem" ? memoryAfterGc() : statements;
    process.send!({ benchId: message.benchId, result });
  });
} else if (process.send) {
  const port = Number(process.env.PORT);
  let nextId = 0;
  const ask = <T>(worker: import("node:cluster").Worker, benchCmd: WorkerCommand["benchCmd"]) =>
    new Promise<T>((resolve) => {
      const benchId = ++nextId;
      const onMessage = (message: { benchId?: number; result?: T }) => {
        if (message?.benchId !== benchId) return;
        worker.off("message", onMessage);
        resolve(message.result as T);
      };
      worker.on("message", onMessage);
      worker.send({ benchId, benchCmd });
    });
  const workers = () => Object.values(cluster.workers ?? {}).filter((w): w is import("node:cluster").Worker => w !== undefined && !w.isDead());
  let pool: pg.Pool | null = null;

  /** Rows and bytes the engine has stored, to divide by turns; this module's own queries are not counted. */
  const storage = async () => {
    pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    own++;
    const { rows } = await pool.query<Record<string, string>>(`select
      (select count(*) from checkpoints) as checkpoints,
      (select count(*) from checkpoint_blobs) as blobs,
      (select count(*) from checkpoint_writes) as writes,
      (select count(*) from interview_cv_chunks) as cv_rows,
      (select coalesce(sum(pg_column_size(checkpoint)), 0) from checkpoints) as checkpoint_bytes,
      (select coalesce(sum(octet_length(blob)), 0) from checkpoint_blobs) as blob_bytes,
      (select coalesce(sum(octet_length(blob)), 0) from checkpoint_writes) as write_bytes,
      (select coalesce(sum(octet_length(text) + octet_length(vector)), 0) from interview_cv_chunks) as cv_bytes,
      pg_database_size(current_database()) as database_bytes`);
    const counted = (await Promise.all(workers().map((w) => ask<number>(w, "statements")))).reduce((a, n) => a + n, statements - own);
    return { ...Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)])), statements: counted };
  };

  const mem = async (): Promise<MemorySample> =>
    [memoryAfterGc(), ...(await Promise.all(workers().map((w) => ask<MemorySample>(w, "mem"))))].reduce((a, m) => ({
      rss: a.rss + m.rss,
      heapUsed: a.heapUsed + m.heapUsed,
      external: a.external + m.external,
    }));

  const live = () =>
    new Promise<boolean>((resolve) => {
      const request = http.get({ host: "127.0.0.1", port, path: "/health/live", agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      });
      request.on("error", () => resolve(false));
      request.setTimeout(1_000, () => request.destroy());
    });
  const poll = setInterval(async () => {
    if (!(await live())) return;
    clearInterval(poll);
    serveCommands({ port, workers: Math.max(1, workers().length) }, { mem, storage }, async () => {
      await pool?.end().catch(() => undefined);
      // server.ts's own shutdown: finish running turns, close the runtime, exit.
      process.kill(process.pid, "SIGTERM");
      await new Promise(() => undefined);
    });
  }, 100);
}
