import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import type { Logger } from "pino";

/** `API_WORKERS`: a count, or "auto" for one per CPU core. */
export function workerCount(setting: string): number {
  if (setting === "auto") return availableParallelism();
  return Number(setting);
}

export interface WorkerPool {
  workers(): Worker[];
  /** SIGTERM to every worker; resolves when all have exited. */
  stop(): Promise<void>;
}

/** A worker that dies sooner than this after starting is restarted only after a pause. */
const CRASH_LOOP_MS = 5_000;

/**
 * Runs `count` copies of this process's entry point with node:cluster: they share the listening
 * port (the primary hands out connections round-robin) and the database, where leases keep one
 * writer per interview whichever worker a request reaches. A worker that exits unexpectedly is
 * replaced.
 */
export function startWorkers(count: number, logger: Logger): WorkerPool {
  let stopping = false;
  const startedAt = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    // Exit code 0 is a worker shutting down on a signal of its own (Ctrl-C reaches every process).
    if (stopping || code === 0) return;
    logger.error({ worker: worker.id, code, signal }, "worker exited; starting another");
    setTimeout(fork, lived < CRASH_LOOP_MS ? 1_000 : 0);
  });
  for (let i = 0; i < count; i++) fork();
  const workers = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  return {
    workers,
    stop: async () => {
      stopping = true;
      await Promise.all(
        workers().map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once("exit", () => resolve());
              worker.process.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}
