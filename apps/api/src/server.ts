/** Composition root: the only place that reads the environment. */
import cluster from "node:cluster";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { assertPrivateProvider, createRuntime, loadDotEnv, openDatabase, PostgresJobStore } from "@interview/graph";
import { jobDirectory, jobRoutes } from "./routes/jobs.js";
import { inviteRoutes } from "./routes/invites.js";
import { listRoutes } from "./routes/list.js";
import { appSettingsFrom, loadApiConfig } from "./config.js";
import { createLogger, errorFacts, scrub, type Logger } from "./logger.js";
import { createApp } from "./app.js";
import { createVoiceRoutes } from "./voice.js";
import { createSpeechServices } from "./speech.js";
import { startWorkers, workerCount } from "./workers.js";
import { interviewEventsToBus, openSharedState, type InterviewEventBus } from "@interview/shared-state";
import { createRealtime, PostgresTicketStore } from "./realtime/index.js";
import type { Readiness } from "./app-types.js";

/** One line saying what went wrong, scrubbed like the logs; never a stack trace. */
function fail(message: string): never {
  console.error(scrub(message));
  process.exit(1);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
loadDotEnv(repoRoot);

let config: ReturnType<typeof loadApiConfig>;
try {
  config = loadApiConfig(process.env);
} catch (error) {
  fail((error as Error).message);
}
const logger = createLogger(config.LOG_LEVEL);
guardProcess(logger);

const workers = workerCount(config.API_WORKERS);
const dataDir = path.resolve(repoRoot, config.DATA_DIR);
if (cluster.isPrimary && workers > 1) await runPrimary();
else await runServer();

/**
 * Nothing a provider or a socket does may end the process: a stray rejection or error event is
 * logged (its kind only, never its text, which may quote a provider's reply) and serving goes on.
 */
function guardProcess(log: Logger) {
  process.on("unhandledRejection", (reason) => log.error({ err: errorFacts(reason) }, "unhandled rejection; still serving"));
  process.on("uncaughtException", (error) => log.error({ err: errorFacts(error) }, "uncaught exception; still serving"));
}

/** API_WORKERS > 1: starts the embedded PostgreSQL once (the workers share it), then the workers. */
async function runPrimary() {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir, port: config.EMBEDDED_PG_PORT, poolSize: 1 }).catch((error: Error) => fail(error.message));
  const pool = startWorkers(workers, logger);
  logger.info({ workers, port: config.PORT, dataLocation: database.dataLocation }, `Starting ${workers} workers on http://localhost:${config.PORT}`);
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

/** Privacy mode covers the speech providers too: recorded answers are personal data. */
async function checkSpeechPrivacy() {
  const uses = (provider: string | undefined, name: "elevenlabs" | "openai", fallback: boolean) => provider === name || (provider === undefined && fallback);
  const openaiAudio = Boolean(config.OPENAI_AUDIO_BASE_URL || config.OPENAI_AUDIO_API_KEY.length);
  const eleven = config.ELEVEN_API_KEY.length > 0;
  for (const provider of [config.STT_PROVIDER, config.TTS_PROVIDER]) {
    if (uses(provider, "openai", openaiAudio)) await assertPrivateProvider("OPENAI_AUDIO_BASE_URL", config.OPENAI_AUDIO_BASE_URL);
    else if (uses(provider, "elevenlabs", !openaiAudio && eleven)) await assertPrivateProvider("ELEVENLABS_BASE_URL", config.ELEVENLABS_BASE_URL);
  }
}

async function runServer() {
  // Each worker's logs say which worker wrote them.
  const log = cluster.isWorker ? logger.child({ worker: cluster.worker!.id }) : logger;
  // Every commit and erase is published to the replicas' bus, so open sockets anywhere hear of it.
  let eventBus: InterviewEventBus | undefined;
  const events = interviewEventsToBus(
    () => eventBus,
    (error) => log.warn({ component: "event-bus", err: errorFacts(error) }, "could not publish an interview event"),
  );
  if (config.PRIVATE_MODE) await checkSpeechPrivacy().catch((error: Error) => fail(error.message));
  const runtime = await createRuntime({ ...config, DATA_DIR: dataDir }, { events }).catch((error: Error) => fail(error.message));
  const voice = createVoiceRoutes(config);
  // Limits and realtime events are shared through Redis when configured, else through PostgreSQL
  // when other processes may drive the same interviews: other replicas (an external database, or
  // several workers) or the voice worker, whose turns open sockets must hear of.
  const shared = await openSharedState({
    redisUrl: config.REDIS_URL,
    pool: config.DATABASE_URL || cluster.isWorker || voice.available ? runtime.database.pool : undefined,
    onWarning: (error, context) => log.warn({ component: context.component, operation: context.operation, suppressed: context.suppressed, err: errorFacts(error) }, "shared state degraded"),
  }).catch((error: Error) => fail(`Could not open the shared state (${error.message}).`));
  eventBus = shared.eventBus;
  const realtime = createRealtime({ bus: shared.eventBus, tickets: await PostgresTicketStore.open({ pool: runtime.database.pool }) });
  const readiness: Readiness = { draining: false };
  const jobStore = new PostgresJobStore(runtime.database.pool);
  const app = createApp({
    service: runtime.service,
    logger: log,
    checkDatabase: async () => void (await runtime.database.pool.query("select 1")),
    checkProvider: runtime.checkProvider,
    voice: voice.routes,
    voiceAvailable: voice.available,
    voiceRooms: voice.rooms,
    speech: createSpeechServices(config, runtime.audio),
    rateLimitStore: shared.rateLimitStore,
    readiness,
    jobs: jobDirectory(jobStore),
    routes: [
      jobRoutes(jobStore, { allowPrivate: config.JOB_FETCH_ALLOW_PRIVATE }),
      inviteRoutes(jobStore, { voice: voice.availability }),
      listRoutes(jobStore),
      realtime.routes,
    ],
    settings: appSettingsFrom(config, config.WEB_DIST_DIR ?? path.resolve(repoRoot, "apps/web/dist")),
  });

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    log.info(
      { port: info.port, engine: runtime.engine, database: runtime.database.kind, dataLocation: runtime.database.dataLocation, webSearch: runtime.webSearch, shared: shared.kind },
      `Interview engine listening on http://localhost:${info.port}`,
    );
  });
  realtime.injectWebSocket(server);

  let stopping = false;
  /**
   * A graceful stop: the replica reports not ready and refuses new turns at once, lets the turns
   * already running finish (up to SHUTDOWN_GRACE_MS), then closes its connections and exits.
   */
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    readiness.draining = true;
    await realtime.close();
    log.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, "shutting down: finishing running turns");
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    const grace = new Promise<void>((resolve) => setTimeout(resolve, config.SHUTDOWN_GRACE_MS).unref());
    await Promise.race([closed, grace]);
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    await shared.close().catch(() => undefined);
    await runtime.close();
    process.exit(0);
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}
