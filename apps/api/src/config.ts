import { z } from "zod";
import { EngineConfigSchema, parseConfig, SpeechSettingsSchema } from "@interview/graph";
import type { AppSettings } from "./app-types.js";

const list = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean));
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));
const bool = z.enum(["true", "false", ""]).optional().transform((v) => v === "true");

/** Settings of the HTTP server, on top of the engine's and the speech providers'. */
export const ApiConfigSchema = EngineConfigSchema.extend(SpeechSettingsSchema.shape).extend({
  PORT: z.coerce.number().int().positive().default(8000),
  HOST: z.string().default("0.0.0.0"),
  API_WORKERS: z
    .string()
    .regex(/^(auto|[1-9][0-9]*)$/, 'must be a number of processes, or "auto" for one per CPU core')
    .default("1"),
  API_KEYS: list,
  CORS_ORIGINS: list,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  /** Redis for rate limits and realtime events shared by replicas; PostgreSQL when absent. */
  REDIS_URL: optionalText,
  JSON_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(256 * 1024),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WEB_DIST_DIR: optionalText,
  /** The web UI's address for links handed out (invites); the request's own address when absent. */
  PUBLIC_URL: optionalText,
  /** How long a stopping server lets running turns finish before it exits. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(300_000).default(30_000),
  /** Silence after which a streamed turn opens and then sends a keep-alive comment (idle proxies close at 30–60 s). */
  STREAM_KEEPALIVE_MS: z.coerce.number().int().min(1000).max(60_000).default(10_000),
  /** Job postings may be fetched from private addresses (intranets). */
  JOB_FETCH_ALLOW_PRIVATE: bool,
  LIVEKIT_URL: optionalText,
  /** Where the API itself reaches LiveKit's room service (to close rooms); LIVEKIT_URL when unset. */
  LIVEKIT_API_URL: optionalText,
  LIVEKIT_API_KEY: optionalText,
  LIVEKIT_API_SECRET: optionalText,
  LIVEKIT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
});

export type ApiConfig = z.infer<typeof ApiConfigSchema>;

export function loadApiConfig(env: Record<string, string | undefined>): ApiConfig {
  return parseConfig(ApiConfigSchema, env);
}

/** The HTTP app's settings from the configuration; the web UI is served when its folder is given. */
export function appSettingsFrom(config: ApiConfig, webDistDir?: string): AppSettings {
  return {
    apiKeys: config.API_KEYS,
    corsOrigins: config.CORS_ORIGINS,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    jsonBodyLimitBytes: config.JSON_BODY_LIMIT_BYTES,
    cvMaxBytes: config.CV_MAX_BYTES,
    audioMaxBytes: config.AUDIO_MAX_BYTES,
    audioMaxSeconds: config.AUDIO_MAX_SECONDS,
    streamKeepAliveMs: config.STREAM_KEEPALIVE_MS,
    webDistDir,
    publicUrl: config.PUBLIC_URL,
  };
}
