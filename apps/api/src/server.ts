/** Composition root: the only place that reads the environment. */
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createRuntime, openDatabase } from "@interview/graph";
import { appSettingsFrom, loadApiConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { createApp } from "./app.js";
import { createVoiceRoutes } from "./voice.js";
import { startWorkers, workerCount } from "./workers.js";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
// Settings may come from a .env file at the repository root; real environment variables win.
const envFile = path.join(repoRoot, ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

let config: ReturnType<typeof loadApiConfig>;
try {
  config = loadApiConfig(process.env);
} catch (error) {
  fail((error as Error).message);
}
const logger = createLogger(config.LOG_LEVEL);

const workers = workerCount(config.API_WORKERS);
const dataDir = path.resolve(repoRoot, config.DATA_DIR);
if (cluster.isPrimary && workers > 1) await runPrimary();
else await runServer();

/** API_WORKERS > 1: starts the embedded PostgreSQL once (the workers share it), then the workers. */
async function runPrimary() {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir, port: config.EMBEDDED_PG_PORT, poolSize: 1 }).catch(
    (error: Error) => fail(`Could not open the database: ${error.message}`),
  );
  const pool = startWorkers(workers, logger);
  logger.info({ workers, port: config.PORT }, `Starting ${workers} workers on http://localhost:${config.PORT}`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await pool.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

async function runServer() {
  // Each worker's logs say which worker wrote them.
  const log = cluster.isWorker ? logger.child({ worker: cluster.worker!.id }) : logger;
  const runtime = await createRuntime({ ...config, DATA_DIR: dataDir }).catch((error: Error) =>
    fail(`Could not open the database: ${error.message}`),
  );
  const app = createApp({
    service: runtime.service,
    logger: log,
    checkDatabase: async () => void (await runtime.database.pool.query("select 1")),
    voice: createVoiceRoutes(config),
    settings: appSettingsFrom(config, config.WEB_DIST_DIR ?? path.resolve(repoRoot, "apps/web/dist")),
  });

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    log.info(
      { port: info.port, engine: runtime.engine, database: runtime.database.kind, webSearch: runtime.webSearch },
      `Interview engine listening on http://localhost:${info.port}`,
    );
  });

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    server.close();
    await runtime.close();
    process.exit(0);
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}
