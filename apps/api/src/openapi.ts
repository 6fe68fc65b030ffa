import type { InterviewService } from "@interview/graph";
import { createApp } from "./app.js";
import { createLogger } from "./logger.js";
import { loadApiConfig } from "./config.js";
import { createVoiceRoutes } from "./voice.js";
import type { AppDeps } from "./app-types.js";

/**
 * The OpenAPI document of every route, as the server registers them, without a database: the
 * source the web app's types are generated from (apps/web: `pnpm generate:api`).
 */
export async function openApiDocument(routes: AppDeps["routes"] = []): Promise<unknown> {
  const app = createApp({
    // Handlers never run while the document is built.
    service: {} as InterviewService,
    logger: createLogger("silent"),
    voice: createVoiceRoutes(loadApiConfig({})).routes,
    routes,
    settings: { apiKeys: [], corsOrigins: [], rateLimitPerMinute: 0, jsonBodyLimitBytes: 1, cvMaxBytes: 1, audioMaxBytes: 1 },
  });
  return (await app.request("/openapi.json")).json();
}
