import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "./app-types.js";
import { errorBody, errorResponse, logFailure, toErrorResponse } from "./http-errors.js";
import { identify } from "./access.js";
import { requestLimiter } from "./rate-limit.js";
import { pathForLog } from "./logger.js";
import { registerInterviewRoutes } from "./routes/interviews.js";
import { registerSessionRoutes } from "./routes/session.js";
import { registerSystemRoutes } from "./routes/system.js";
import { registerWebUi } from "./web-ui.js";
import { registerDocsUi } from "./docs-ui.js";

const isApiPath = (path: string) =>
  /^\/(start_interview|continue_interview|join|interviews|jobs|invites|session|ws|openapi\.json|docs)(\/|$)/.test(path);

/** Routes that take uploads (a CV or a recording): the body may be as large as the file allows. */
function uploadLimit(c: Context<AppEnv>, deps: AppDeps): { maxSize: number; code: "cv_too_large" | "audio_too_large"; message: string } | null {
  const multipart = (c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  if (!multipart) return null;
  const { settings } = deps;
  if (/^\/(start_interview|join|session\/start\/[^/]+|invites\/[^/]+\/(start|join))$/.test(c.req.path)) {
    return { maxSize: settings.cvMaxBytes + 1024 * 1024, code: "cv_too_large", message: `The CV is larger than the ${(settings.cvMaxBytes / 1024 / 1024).toFixed(0)} MB limit.` };
  }
  if (/^\/(continue_interview|session\/turn\/[^/]+)$/.test(c.req.path)) {
    return { maxSize: settings.audioMaxBytes + 1024 * 1024, code: "audio_too_large", message: `The recording is larger than the ${(settings.audioMaxBytes / 1024 / 1024).toFixed(0)} MB limit.` };
  }
  return null;
}

/** The HTTP API: reference-compatible interview routes, docs, health and the web UI. */
export function createApp(deps: AppDeps) {
  const { settings, logger } = deps;
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        // An unknown field comes first: it is usually why a required one is missing (answer for user_response).
        const issue = result.error.issues.find((i) => i.code === "unrecognized_keys") ?? result.error.issues[0];
        if (issue?.code === "unrecognized_keys") return c.json(errorBody("invalid_input", issue.message), 400);
        const field = issue?.path.join(".") || "body";
        // A field left out reads as one, not as zod's "expected string, received undefined".
        const missing = issue?.code === "invalid_type" && /received undefined$/.test(issue.message);
        return c.json(errorBody("invalid_input", `${field}: ${missing ? "this field is required" : (issue?.message ?? "invalid value")}`), 400);
      }
    },
  });

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Path and status only: bodies (CVs, answers) and tokens are never logged.
    logger.info({
      requestId: c.get("requestId"),
      threadId: c.get("threadId"),
      method: c.req.method,
      path: pathForLog(c.req.path),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  if (settings.corsOrigins.length) {
    app.use(cors({ origin: settings.corsOrigins, allowHeaders: ["Authorization", "Content-Type", "Accept", "Idempotency-Key"], exposeHeaders: ["X-Request-Id", "Retry-After"] }));
  }
  app.use(identify(settings.apiKeys));
  const limiter = requestLimiter(deps);
  if (limiter) app.use(async (c, next) => (isApiPath(c.req.path) ? limiter(c, next) : next()));
  app.use(async (c, next) => {
    const upload = uploadLimit(c, deps);
    const limit = bodyLimit({
      maxSize: upload?.maxSize ?? settings.jsonBodyLimitBytes,
      onError: (ctx) => (upload ? errorResponse(ctx, upload.code, upload.message) : errorResponse(ctx, "payload_too_large", "The request body is too large.")),
    });
    return limit(c, next);
  });
  // A replica that is stopping finishes what it has and takes no new turns.
  app.use(async (c, next) => {
    if (deps.readiness?.draining && c.req.method === "POST" && isApiPath(c.req.path)) {
      return errorResponse(c, "not_ready", "This server is restarting; send the request again in a moment.", 2);
    }
    await next();
  });

  registerInterviewRoutes(app, deps);
  registerSessionRoutes(app, deps);
  deps.voice?.(app, deps);
  for (const register of deps.routes ?? []) register(app, deps);
  registerSystemRoutes(app, deps);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Interview engine API",
      version: "0.2.0",
      description: "Text and voice job interviews driven by a checkpointed LangGraph interview graph.",
    },
    security: settings.apiKeys.length ? [{ bearer: [] }] : [],
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  registerDocsUi(app);
  if (settings.webDistDir) registerWebUi(app, settings.webDistDir);

  app.notFound((c) => errorResponse(c, "not_found", `No route for ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    logFailure(logger, c, error);
    return toErrorResponse(c, error);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
