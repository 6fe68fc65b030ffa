import type { InterviewService, PostgresJobStore } from "@interview/graph";
import { jobRoutes } from "./routes/jobs.js";
import { inviteRoutes } from "./routes/invites.js";
import { listRoutes } from "./routes/list.js";
import { createApp } from "./app.js";
import { createLogger } from "./logger.js";
import { loadApiConfig } from "./config.js";
import { createVoiceRoutes } from "./voice.js";
import type { AppDeps } from "./app-types.js";
import { createRealtime } from "./realtime/index.js";
import { InProcessEventBus } from "@interview/shared-state";

/**
 * The OpenAPI document of every route, as the server registers them, without a database: the
 * source the web app's types are generated from (apps/web: `pnpm generate:api`).
 */
export async function openApiDocument(): Promise<unknown> {
  // Stores are never reached while the document is built.
  const jobs = {} as PostgresJobStore;
  const routes: AppDeps["routes"] = [jobRoutes(jobs), inviteRoutes(jobs), listRoutes(jobs), createRealtime({ bus: new InProcessEventBus() }).routes];
  const app = createApp({
    // Handlers never run while the document is built.
    service: {} as InterviewService,
    logger: createLogger("silent"),
    voice: createVoiceRoutes(loadApiConfig({})).routes,
    routes,
    settings: { apiKeys: [], corsOrigins: [], rateLimitPerMinute: 0, jsonBodyLimitBytes: 1, cvMaxBytes: 1, audioMaxBytes: 1, audioMaxSeconds: 1, streamKeepAliveMs: 1000 },
  });
  return (await app.request("/openapi.json")).json();
}
