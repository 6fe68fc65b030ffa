import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_CV_INDEX_CACHE_MB } from "./cv/cv-store.js";
import { JSON_MODES } from "./engines/openai.js";
import { commaList as list, optionalText } from "./settings-fields.js";

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const bool = z.enum(["true", "false", ""]).optional().transform((v) => v === "true");

/** Every setting of the engine, read from an environment-like object. Only entry points call this. */
export const EngineConfigSchema = z.object({
  DATABASE_URL: optionalText,
  DATA_DIR: z.string().default("./.data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().optional(),
  DB_POOL_SIZE: int(20),
  /** How long a turn's lease lasts without a heartbeat: a crashed writer frees its interview within this. */
  LEASE_TTL_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
  /** offline | gemini | openai; by default gemini with GOOGLE_API_KEY, else openai with OPENAI_BASE_URL, else offline. */
  LLM_PROVIDER: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["offline", "gemini", "openai"]).optional()),
  GOOGLE_API_KEY: list,
  GEMINI_MODEL: z.string().default("gemini-2.5-flash"),
  GEMINI_EMBEDDING_MODEL: z.string().default("gemini-embedding-001"),
  /** A gateway or proxy in front of the Gemini API (default: Google's endpoint). */
  GEMINI_BASE_URL: optionalText,
  /** Any server speaking the OpenAI protocol (Ollama, vLLM, LM Studio, llama.cpp, OpenAI itself). */
  OPENAI_BASE_URL: optionalText,
  /** Optional for local servers; comma-separate several keys to rotate. */
  OPENAI_API_KEY: list,
  OPENAI_MODEL: optionalText,
  /** Embeddings from the same server; the local hashed vectors when absent. */
  OPENAI_EMBEDDING_MODEL: optionalText,
  OPENAI_JSON_MODE: z.preprocess((v) => (v === "" ? undefined : v), z.enum(JSON_MODES).default("auto")),
  /** Refuse to start with any provider outside loopback or a private network, and turn web search off. */
  PRIVATE_MODE: bool,
  MODEL_TIMEOUT_MS: int(20_000),
  MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  TAVILY_API_KEY: optionalText,
  TAVILY_BASE_URL: optionalText,
  WEB_SEARCH_TIMEOUT_MS: int(8_000),
  CV_MAX_BYTES: int(5 * 1024 * 1024),
  CV_MAX_PAGES: int(30),
  CV_PARSE_TIMEOUT_MS: int(10_000),
  CV_MAX_TEXT_CHARS: int(200_000),
  CV_PARSE_CONCURRENCY: int(2),
  CV_SIMILARITY_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  /** Memory for the per-CV search indexes kept between turns; a CV past it is re-read from PostgreSQL when next searched. */
  CV_INDEX_CACHE_MB: int(DEFAULT_CV_INDEX_CACHE_MB),
  ANSWER_MAX_CHARS: int(10_000),
  TURN_TIMEOUT_MS: int(90_000),
});

export type EngineConfig = z.infer<typeof EngineConfigSchema>;

/** Parses settings with `schema`; a bad one stops with a message naming each problem. */
export function parseConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

export function loadEngineConfig(env: Record<string, string | undefined>): EngineConfig {
  return parseConfig(EngineConfigSchema, env);
}

/**
 * The one `.env` rule of every entry point (API, voice agent, terminal client): settings may come
 * from a `.env` file at the repository root; variables already in the environment win.
 */
export function loadDotEnv(repoRoot: string): void {
  const file = path.join(repoRoot, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}
