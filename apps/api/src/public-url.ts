import type { Context } from "hono";
import type { AppDeps, AppEnv } from "./app-types.js";

/** Where people reach this server: PUBLIC_URL when set (behind a proxy), else the request's own origin. */
export const publicBase = (c: Context<AppEnv>, deps: AppDeps): string => deps.settings.publicUrl?.replace(/\/+$/, "") || new URL(c.req.url).origin;
