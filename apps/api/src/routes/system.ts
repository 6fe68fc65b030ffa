import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../app-types.js";

const Health = z.object({ status: z.enum(["ok", "degraded"]), engine: z.enum(["offline", "gemini"]), database: z.enum(["ok", "unavailable"]) }).openapi("Health");

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["system"],
  summary: "Liveness and database readiness (no auth required)",
  responses: {
    200: { description: "Healthy", content: { "application/json": { schema: Health } } },
    503: { description: "Database unavailable", content: { "application/json": { schema: Health } } },
  },
});

export function registerSystemRoutes(app: OpenAPIHono<AppEnv>, { service, checkDatabase }: AppDeps) {
  app.openapi(healthRoute, async (c) => {
    try {
      await checkDatabase?.();
      return c.json({ status: "ok" as const, engine: service.engine, database: "ok" as const }, 200);
    } catch {
      return c.json({ status: "degraded" as const, engine: service.engine, database: "unavailable" as const }, 503);
    }
  });
}
