export { createApp, type App } from "./app.js";
export type { AppDeps, AppSettings, AppEnv, VoiceRoutes } from "./app-types.js";
export { createLogger, scrub } from "./logger.js";
export { loadApiConfig, appSettingsFrom, ApiConfigSchema, type ApiConfig } from "./config.js";
export { startWorkers, workerCount, type WorkerPool } from "./workers.js";
export { openApiDocument } from "./openapi.js";
