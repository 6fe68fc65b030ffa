import { z } from "zod";

const list = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean));
const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/** Every setting of the engine, read from an environment-like object. Only entry points call this. */
export const EngineConfigSchema = z.object({
  DATABASE_URL: optionalText,
  DATA_DIR: z.string().default("./.data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().optional(),
  DB_POOL_SIZE: int(20),
  /** Off behind a transaction-pooling proxy without prepared-statement support (PgBouncer < 1.21). */
  DB_PREPARED_STATEMENTS: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  GOOGLE_API_KEY: list,
  GEMINI_MODEL: z.string().default("gemini-2.5-flash"),
  GEMINI_EMBEDDING_MODEL: z.string().default("gemini-embedding-001"),
  /** A gateway or proxy in front of the Gemini API (default: Google's endpoint). */
  GEMINI_BASE_URL: optionalText,
  MODEL_TIMEOUT_MS: int(20_000),
  MODEL_MAX_RETRIES: z.coerce.number().int().min(0).default(3),
  TAVILY_API_KEY: optionalText,
  TAVILY_BASE_URL: optionalText,
  CV_MAX_BYTES: int(5 * 1024 * 1024),
  CV_MAX_PAGES: int(30),
  CV_PARSE_TIMEOUT_MS: int(10_000),
  CV_SIMILARITY_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  ANSWER_MAX_CHARS: int(10_000),
  TURN_TIMEOUT_MS: int(90_000),
});

export type EngineConfig = z.infer<typeof EngineConfigSchema>;

export function loadEngineConfig(env: Record<string, string | undefined>): EngineConfig {
  const parsed = EngineConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
