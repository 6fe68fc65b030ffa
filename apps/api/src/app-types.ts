import type { InterviewService } from "@interview/graph";
import type { Logger } from "./logger.js";

export interface AppSettings {
  apiKeys: string[];
  corsOrigins: string[];
  rateLimitPerMinute: number;
  jsonBodyLimitBytes: number;
  cvMaxBytes: number;
  /** Folder of the built web UI, served at `/`; none when absent. */
  webDistDir?: string | undefined;
}

/** Everything the HTTP app needs, injected by the composition root or a test. */
export interface AppDeps {
  service: InterviewService;
  logger: Logger;
  settings: AppSettings;
  /** Readiness of the storage behind the service, for /health. */
  checkDatabase?: () => Promise<void>;
  /** Registers voice routes (POST /join); absent when voice is not wired in. */
  voice?: VoiceRoutes;
}

export type VoiceRoutes = (app: import("@hono/zod-openapi").OpenAPIHono<AppEnv>, deps: AppDeps) => void;

/** Per-request values; threadId is logged so operators can follow an interview without its content. */
export type AppEnv = { Variables: { requestId: string; threadId?: string } };
