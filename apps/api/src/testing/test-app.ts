import { Writable } from "node:stream";
import { openTestRuntime } from "@interview/graph/testing";
import { PostgresJobStore, type RuntimeOverrides } from "@interview/graph";
import { jobDirectory, jobRoutes } from "../routes/jobs.js";
import { inviteRoutes } from "../routes/invites.js";
import { listRoutes } from "../routes/list.js";
import { createApp } from "../app.js";
import type { AppDeps, AppSettings } from "../app-types.js";
import { createLogger } from "../logger.js";

/** Log lines written by the app, kept in memory so tests can inspect them. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    done();
  }
  get text() {
    return this.lines.join("\n");
  }
}

export const testSettings: AppSettings = {
  apiKeys: [],
  corsOrigins: [],
  rateLimitPerMinute: 0,
  jsonBodyLimitBytes: 256 * 1024,
  cvMaxBytes: 5 * 1024 * 1024,
  audioMaxBytes: 10 * 1024 * 1024,
  audioMaxSeconds: 300,
  streamKeepAliveMs: 10_000,
};

/** The real app on the real graph and the test run's PostgreSQL, with logs captured. */
export async function openTestApp(
  databaseUrl: string,
  options: { settings?: Partial<AppSettings>; overrides?: RuntimeOverrides; env?: Record<string, string>; speech?: AppDeps["speech"]; routes?: AppDeps["routes"] } = {},
) {
  const runtime = await openTestRuntime(databaseUrl, options.overrides, options.env);
  const jobStore = new PostgresJobStore(runtime.database.pool);
  const logs = new LogCapture();
  const app = createApp({
    service: runtime.service,
    logger: createLogger("info", logs),
    settings: { ...testSettings, ...options.settings },
    checkDatabase: async () => void (await runtime.database.pool.query("select 1")),
    ...(options.speech ? { speech: options.speech } : {}),
    jobs: jobDirectory(jobStore),
    routes: options.routes ?? [jobRoutes(jobStore, { allowPrivate: true }), inviteRoutes(jobStore), listRoutes(jobStore)],
  });
  return { app, runtime, logs, close: () => runtime.close() };
}

export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

export function form(fields: Record<string, string | Blob>): RequestInit {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Blob) data.append(key, value, key === "cv" ? "cv.pdf" : key);
    else data.append(key, value);
  }
  return { method: "POST", body: data };
}

export const SOLID_ANSWER =
  "At Parcelly I led the migration of our dispatch service to Kubernetes because deploys took 40 minutes. " +
  "First I containerised the service, then I wrote Terraform for the cluster, and as a result deploys dropped to 6 minutes and incidents fell by 30%.";
