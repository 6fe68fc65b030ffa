import { existsSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-types.js";

/** Serves the built web UI; unknown non-API paths fall back to index.html (client-side routes). */
export function registerWebUi(app: OpenAPIHono<AppEnv>, distDir: string) {
  const root = path.relative(process.cwd(), path.resolve(distDir)) || ".";
  if (!existsSync(path.join(distDir, "index.html"))) return;
  app.use("/*", serveStatic({ root }));
  // The page's own routes, so a link to one (an invite, the team page) opens it directly.
  for (const route of ["/interview/*", "/team", "/team/*", "/invite/*"]) app.get(route, serveStatic({ root, path: "index.html" }));
}
