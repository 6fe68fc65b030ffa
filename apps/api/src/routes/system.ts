import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../app-types.js";

const Health = z
  .object({
    status: z.enum(["ok", "degraded"]),
    engine: z.enum(["offline", "gemini", "openai"]),
    database: z.enum(["ok", "unavailable"]),
    provider: z.enum(["ok", "unavailable"]).openapi({ description: "Whether the model provider answers (always ok offline)." }),
    role_reversal: z.boolean().openapi({ description: "Whether interviewing an AI candidate is available." }),
    speech: z.object({ transcription: z.boolean(), voice_replies: z.boolean() }).openapi({ description: "Recorded answers (speech-to-text) and spoken replies (text-to-speech) over HTTP and WebSocket." }),
    voice: z.boolean().openapi({ description: "Live voice interviews (LiveKit)." }),
    limits: z
      .object({
        cv_max_bytes: z.number().int(),
        answer_max_chars: z.number().int().openapi({ description: "Counted in characters (code points), as a person counts them." }),
        audio_max_bytes: z.number().int(),
        audio_max_seconds: z.number(),
      })
      .openapi({ description: "This server's limits (settings), so a client can check before it sends." }),
  })
  .openapi("Health");
const Probe = z.object({ status: z.enum(["ok", "unavailable", "draining"]) }).openapi("Probe");

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["system"],
  summary: "The engine and database state (no auth required)",
  responses: {
    200: { description: "Healthy", content: { "application/json": { schema: Health } } },
    503: { description: "Database unavailable", content: { "application/json": { schema: Health } } },
  },
});

const liveRoute = createRoute({
  method: "get",
  path: "/health/live",
  tags: ["system"],
  summary: "Liveness for orchestrators: the process is up and serving",
  responses: { 200: { description: "Alive", content: { "application/json": { schema: Probe } } } },
});

const readyRoute = createRoute({
  method: "get",
  path: "/health/ready",
  tags: ["system"],
  summary: "Readiness for orchestrators: the database answers and this replica is not draining",
  responses: {
    200: { description: "Ready", content: { "application/json": { schema: Probe } } },
    503: { description: "Not ready (database unreachable, or stopping)", content: { "application/json": { schema: Probe } } },
  },
});

export function registerSystemRoutes(app: OpenAPIHono<AppEnv>, { service, checkDatabase, checkProvider, readiness, speech, voiceAvailable, settings }: AppDeps) {
  const limits = () => ({
    cv_max_bytes: settings.cvMaxBytes,
    answer_max_chars: service.limits.maxAnswerChars,
    audio_max_bytes: settings.audioMaxBytes,
    audio_max_seconds: settings.audioMaxSeconds,
  });
  const databaseOk = () => (checkDatabase ? checkDatabase().then(() => true, () => false) : Promise.resolve(true));

  app.openapi(healthRoute, async (c) => {
    const [ok, provider] = await Promise.all([databaseOk(), checkProvider ? checkProvider() : Promise.resolve({ ok: true })]);
    const body = {
      status: ok && provider.ok ? ("ok" as const) : ("degraded" as const),
      engine: service.engine,
      database: ok ? ("ok" as const) : ("unavailable" as const),
      provider: provider.ok ? ("ok" as const) : ("unavailable" as const),
      role_reversal: service.supportsRoleReversal,
      speech: { transcription: Boolean(speech?.stt), voice_replies: Boolean(speech?.tts) },
      voice: voiceAvailable ?? false,
      limits: limits(),
    };
    return c.json(body, ok ? 200 : 503);
  });

  app.openapi(liveRoute, (c) => c.json({ status: "ok" as const }, 200));

  app.openapi(readyRoute, async (c) => {
    if (readiness?.draining) return c.json({ status: "draining" as const }, 503);
    return (await databaseOk()) ? c.json({ status: "ok" as const }, 200) : c.json({ status: "unavailable" as const }, 503);
  });
}
