import { OpenAPIHono } from "@hono/zod-openapi";
import { swaggerUI } from "@hono/swagger-ui";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { bearerAuth } from "hono/bearer-auth";
import { rateLimiter } from "hono-rate-limiter";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AppDeps, AppEnv } from "./app-types.js";
import { errorBody, errorResponse, toErrorResponse } from "./http-errors.js";
import { registerInterviewRoutes } from "./routes/interviews.js";
import { registerSystemRoutes } from "./routes/system.js";
import { registerWebUi } from "./web-ui.js";

const UPLOAD_PATHS = new Set(["/start_interview", "/join"]);
const PUBLIC_PATHS = new Set(["/health"]);
const isApiPath = (path: string) =>
  /^\/(start_interview|continue_interview|join|interviews|openapi\.json|docs)(\/|$)/.test(path);

function clientKey(c: Parameters<Parameters<typeof rateLimiter<AppEnv>>[0]["keyGenerator"]>[0]): string {
  const auth = c.req.header("authorization");
  if (auth) return auth;
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}

/** The HTTP API: reference-compatible interview routes, docs, health and the web UI. */
export function createApp(deps: AppDeps) {
  const { settings, logger } = deps;
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue?.path.join(".") || "body";
        return c.json(errorBody("invalid_input", `${field}: ${issue?.message ?? "invalid value"}`), 400);
      }
    },
  });

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Path and status only: bodies (CVs, answers) are never logged.
    logger.info({
      requestId: c.get("requestId"),
      threadId: c.get("threadId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  if (settings.corsOrigins.length) {
    app.use(cors({ origin: settings.corsOrigins, allowHeaders: ["Authorization", "Content-Type", "Accept"], exposeHeaders: ["X-Request-Id"] }));
  }
  if (settings.apiKeys.length) {
    const auth = bearerAuth<AppEnv>({
      token: settings.apiKeys,
      noAuthenticationHeader: { message: errorBody("unauthorized", "Send Authorization: Bearer <API key>.") },
      invalidAuthenticationHeader: { message: errorBody("unauthorized", "Malformed Authorization header.") },
      invalidToken: { message: errorBody("unauthorized", "Unknown API key.") },
    });
    app.use(async (c, next) => (isApiPath(c.req.path) && !PUBLIC_PATHS.has(c.req.path) ? auth(c, next) : next()));
  }
  if (settings.rateLimitPerMinute > 0) {
    const limiter = rateLimiter<AppEnv>({
      windowMs: 60_000,
      limit: settings.rateLimitPerMinute,
      standardHeaders: "draft-6",
      keyGenerator: clientKey,
      handler: (c) => errorResponse(c, "rate_limited", "Too many requests; slow down and try again in a minute."),
    });
    app.use(async (c, next) => (isApiPath(c.req.path) ? limiter(c, next) : next()));
  }
  app.use(async (c, next) => {
    const upload = UPLOAD_PATHS.has(c.req.path);
    const limit = bodyLimit({
      // Room for the CV plus the other form fields.
      maxSize: upload ? settings.cvMaxBytes + 1024 * 1024 : settings.jsonBodyLimitBytes,
      onError: (ctx) =>
        upload
          ? errorResponse(ctx, "cv_too_large", `The CV is larger than the ${(settings.cvMaxBytes / 1024 / 1024).toFixed(0)} MB limit.`)
          : errorResponse(ctx, "payload_too_large", "The request body is too large."),
    });
    return limit(c, next);
  });

  registerInterviewRoutes(app, deps);
  deps.voice?.(app, deps);
  registerSystemRoutes(app, deps);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Interview engine API",
      version: "0.1.0",
      description: "Text and voice job interviews driven by a checkpointed LangGraph interview graph.",
    },
    security: settings.apiKeys.length ? [{ bearer: [] }] : [],
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.get("/docs", swaggerUI({ url: "/openapi.json" }));
  if (settings.webDistDir) registerWebUi(app, settings.webDistDir);

  app.notFound((c) => errorResponse(c, "not_found", `No route for ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    const response = toErrorResponse(c, error);
    if (response.status >= 500) {
      logger.error({ requestId: c.get("requestId"), err: { name: (error as Error).name, code: (error as { code?: string }).code } }, "request failed");
    }
    return response;
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
