import { createHash } from "node:crypto";
import type { ThrottledReporter, WarningHook } from "./warnings.js";

/** Options every shared rate-limit store takes. */
export interface RateLimitStoreOptions {
  /** Namespace for this limiter's keys, so two limiters on one backend count separately. */
  prefix?: string | undefined;
  /** Window length until the middleware's `init` sets it (its `windowMs`); 60 s by default. */
  windowMs?: number | undefined;
  /**
   * How long to wait for the backend before letting the request through (default 2 s). The
   * backend answers in milliseconds when healthy; a hung one must not hang every API request.
   */
  timeoutMs?: number | undefined;
  /** Told when the store fails open; throttled to one call per 10 s and operation. */
  onWarning?: WarningHook | undefined;
}

export const DEFAULT_WINDOW_MS = 60_000;
export const DEFAULT_TIMEOUT_MS = 2_000;

/**
 * The stored form of a client key: the limiter keys on the Authorization header (API keys,
 * interview tokens) or the client address, none of which may sit in a shared table in clear.
 */
export function hashKey(prefix: string, key: string): Buffer {
  return createHash("sha256").update(prefix).update("\0").update(key).digest();
}

export class StoreTimeoutError extends Error {
  constructor(operation: string, timeoutMs: number) {
    super(`The rate-limit store did not answer ${operation} within ${timeoutMs} ms.`);
    this.name = "StoreTimeoutError";
  }
}

/**
 * Runs a store operation, failing open: on an error or a timeout the request goes through
 * (and the failure is reported). The rate limit protects the API from overuse; it must not
 * become the reason the whole API is down while its backend has a hiccup.
 */
export async function failOpen<T>(
  reporter: ThrottledReporter,
  operation: string,
  timeoutMs: number,
  run: () => Promise<T>,
  fallback: T,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StoreTimeoutError(operation, timeoutMs)), timeoutMs);
        timer.unref();
      }),
    ]);
  } catch (error) {
    reporter.report(operation, error);
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}
