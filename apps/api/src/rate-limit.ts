import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { rateLimiter, type Store } from "hono-rate-limiter";
import type { AppDeps, AppEnv } from "./app-types.js";
import { digest, principalOf } from "./access.js";
import { errorResponse } from "./http-errors.js";

/** Who a request counts against: its key or token (by digest), else its address. */
function clientKey(c: Context<AppEnv>): string {
  const principal = principalOf(c);
  if (principal.kind === "team") return `team:${principal.keyDigest}`;
  if (principal.kind === "candidate") return `token:${principal.tokenDigest}`;
  const auth = c.req.header("authorization");
  if (auth) return `auth:${digest(auth)}`;
  try {
    return `ip:${getConnInfo(c).remote.address ?? "local"}`;
  } catch {
    return "ip:local";
  }
}

const limiters = new WeakMap<AppDeps, MiddlewareHandler<AppEnv>>();

/**
 * The per-client request limit (RATE_LIMIT_PER_MINUTE), undefined when it is off. One limiter per
 * app's deps, so the HTTP routes and the WebSocket upgrades (served by an app of their own) count
 * against the same budget, in the shared store when there is one and in memory otherwise.
 */
export function requestLimiter(deps: AppDeps): MiddlewareHandler<AppEnv> | undefined {
  if (deps.settings.rateLimitPerMinute <= 0) return undefined;
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = rateLimiter<AppEnv>({
      windowMs: 60_000,
      limit: deps.settings.rateLimitPerMinute,
      standardHeaders: "draft-6",
      keyGenerator: clientKey,
      // The stores are written for any Hono app; this one's context only adds variables.
      ...(deps.rateLimitStore ? { store: deps.rateLimitStore as unknown as Store<AppEnv> } : {}),
      handler: (c) => errorResponse(c, "rate_limited", "Too many requests; slow down and try again in a minute.", 60),
    });
    limiters.set(deps, limiter);
  }
  return limiter;
}
