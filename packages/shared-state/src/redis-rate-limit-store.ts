import type { ClientRateLimitInfo, Store } from "hono-rate-limiter";
import type { Redis } from "ioredis";
import { DEFAULT_TIMEOUT_MS, DEFAULT_WINDOW_MS, failOpen, hashKey, type RateLimitStoreOptions } from "./rate-limit-common.js";
import { ThrottledReporter } from "./warnings.js";

export interface RedisRateLimitStoreOptions extends RateLimitStoreOptions {
  /** The connection to use; the caller owns it (and quits it). */
  redis: Redis;
}

type ExecResult = [error: Error | null, result: unknown][] | null;

/** The replies of a MULTI/EXEC, or the first error in it. */
function replies(result: ExecResult): unknown[] {
  if (!result) throw new Error("The Redis transaction was aborted.");
  for (const [error] of result) if (error) throw error;
  return result.map(([, value]) => value);
}

/**
 * Rate-limit counts in Redis, shared by every replica on it: INCR, then PEXPIRE NX to start the
 * window on a key's first hit (as with the in-memory store), in one MULTI. PEXPIRE NX needs
 * Redis 7; on an older server every increment fails open with a warning naming the error.
 */
export class RedisRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  windowMs: number;
  readonly #redis: Redis;
  readonly #timeoutMs: number;
  readonly #reporter: ThrottledReporter;

  constructor(options: RedisRateLimitStoreOptions) {
    this.#redis = options.redis;
    this.prefix = options.prefix ?? "interview:rate-limit:";
    this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#reporter = new ThrottledReporter("rate-limit:redis", options.onWarning);
  }

  init(options: { windowMs: number }): void {
    this.windowMs = options.windowMs;
  }

  /** The Redis key: the prefix in clear (to find them), the client key hashed. */
  #key(key: string): string {
    return this.prefix + hashKey(this.prefix, key).toString("base64url");
  }

  #resetTime(pttl: unknown): Date {
    const ms = Number(pttl);
    // -1 (no expiry) cannot follow PEXPIRE NX; be safe and assume a full window.
    return new Date(Date.now() + (ms > 0 ? ms : this.windowMs));
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const k = this.#key(key);
    const windowMs = Math.round(this.windowMs);
    return failOpen<ClientRateLimitInfo>(
      this.#reporter,
      "increment",
      this.#timeoutMs,
      async () => {
        const [hits, , pttl] = replies(await this.#redis.multi().incr(k).pexpire(k, windowMs, "NX").pttl(k).exec());
        return { totalHits: Number(hits), resetTime: this.#resetTime(pttl) };
      },
      { totalHits: 0 },
    );
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const k = this.#key(key);
    return failOpen(
      this.#reporter,
      "get",
      this.#timeoutMs,
      async () => {
        const [hits, pttl] = replies(await this.#redis.multi().get(k).pttl(k).exec());
        return hits === null ? undefined : { totalHits: Number(hits), resetTime: this.#resetTime(pttl) };
      },
      undefined,
    );
  }

  async decrement(key: string): Promise<void> {
    const k = this.#key(key);
    const windowMs = Math.round(this.windowMs);
    await failOpen(
      this.#reporter,
      "decrement",
      this.#timeoutMs,
      async () => {
        const [hits] = replies(await this.#redis.multi().decr(k).pexpire(k, windowMs, "NX").exec());
        // Below zero: the window had ended, and the key was created at -1. Undo it, or the next
        // window would start with a free request. INCR undoes DECR exactly, whatever ran between.
        if (Number(hits) < 0) await this.#redis.incr(k);
      },
      undefined,
    );
  }

  async resetKey(key: string): Promise<void> {
    await failOpen(this.#reporter, "resetKey", this.#timeoutMs, async () => void (await this.#redis.del(this.#key(key))), undefined);
  }
}
