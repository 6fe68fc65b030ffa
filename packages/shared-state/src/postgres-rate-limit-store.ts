import type { ClientRateLimitInfo, Store } from "hono-rate-limiter";
import type { Pool } from "pg";
import { DEFAULT_TIMEOUT_MS, DEFAULT_WINDOW_MS, failOpen, hashKey, type RateLimitStoreOptions } from "./rate-limit-common.js";
import { createUnloggedTable } from "./unlogged-table.js";
import { ThrottledReporter } from "./warnings.js";

export interface PostgresRateLimitStoreOptions extends RateLimitStoreOptions {
  /** The shared database; one statement per request, so the app's own pool is fine. */
  pool: Pool;
  /** Table name (a plain lower-case identifier); `api_rate_limits` by default. */
  table?: string | undefined;
  /**
   * How often expired windows are deleted: at most once per interval, piggy-backed on an
   * increment, so an idle API does no work. Defaults to the window, and at least a minute.
   */
  cleanupIntervalMs?: number | undefined;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,40}$/;

type Row = { hits: number; reset_at: Date | string };

/**
 * Rate-limit counts in PostgreSQL, shared by every replica on the database. One row per client
 * key (hashed); its window starts at the client's first hit, as with the in-memory store, and
 * the database's clock decides when it ends, so replicas with skewed clocks still agree.
 */
export class PostgresRateLimitStore implements Store {
  /** Counts are shared between processes (the middleware's double-count check reads this). */
  readonly localKeys = false;
  readonly prefix: string;
  windowMs: number;
  readonly #pool: Pool;
  readonly #table: string;
  readonly #timeoutMs: number;
  readonly #reporter: ThrottledReporter;
  readonly #cleanupIntervalMs: number | undefined;
  #lastCleanup = Date.now();
  readonly #sql: { increment: string; get: string; decrement: string; reset: string; cleanup: string };

  /** Creates the table if needed (safely when several replicas start at once) and the store. */
  static async open(options: PostgresRateLimitStoreOptions): Promise<PostgresRateLimitStore> {
    const store = new PostgresRateLimitStore(options);
    await store.#createTable();
    return store;
  }

  private constructor(options: PostgresRateLimitStoreOptions) {
    const table = options.table ?? "api_rate_limits";
    if (!IDENTIFIER.test(table)) throw new Error(`Invalid rate-limit table name "${table}": use lower-case letters, digits and _.`);
    this.#pool = options.pool;
    this.#table = table;
    this.prefix = options.prefix ?? "api:";
    this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#cleanupIntervalMs = options.cleanupIntervalMs;
    this.#reporter = new ThrottledReporter("rate-limit:postgres", options.onWarning);
    const t = `"${table}"`;
    this.#sql = {
      // One round trip, atomic per key: concurrent hits on one key queue on its row lock.
      increment: `insert into ${t} as r (key, hits, reset_at)
        values ($1, 1, now() + $2::integer * interval '1 millisecond')
        on conflict (key) do update set
          hits = case when r.reset_at <= now() then 1 else r.hits + 1 end,
          reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
        returning hits, reset_at`,
      get: `select hits, reset_at from ${t} where key = $1 and reset_at > now()`,
      // Never below zero, and a window that has ended is left alone (the next hit starts afresh).
      decrement: `update ${t} set hits = hits - 1 where key = $1 and hits > 0 and reset_at > now()`,
      reset: `delete from ${t} where key = $1`,
      cleanup: `delete from ${t} where reset_at <= now()`,
    };
  }

  /** Called by the middleware with its options: the window comes from there. */
  init(options: { windowMs: number }): void {
    this.windowMs = options.windowMs;
  }

  async #createTable(): Promise<void> {
    // Unlogged: a counter lost in a crash only means limits start afresh.
    await createUnloggedTable(this.#pool, this.#table, "key bytea primary key, hits integer not null, reset_at timestamptz not null", "reset_at");
  }

  #key(key: string): Buffer {
    return hashKey(this.prefix, key);
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const info = await failOpen<ClientRateLimitInfo>(
      this.#reporter,
      "increment",
      this.#timeoutMs,
      async () => {
        const { rows } = await this.#pool.query<Row>(this.#sql.increment, [this.#key(key), Math.round(this.windowMs)]);
        const row = rows[0]!;
        return { totalHits: row.hits, resetTime: new Date(row.reset_at) };
      },
      // Unknown count: the request goes through.
      { totalHits: 0 },
    );
    this.#maybeCleanup();
    return info;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return failOpen(
      this.#reporter,
      "get",
      this.#timeoutMs,
      async () => {
        const { rows } = await this.#pool.query<Row>(this.#sql.get, [this.#key(key)]);
        const row = rows[0];
        return row ? { totalHits: row.hits, resetTime: new Date(row.reset_at) } : undefined;
      },
      undefined,
    );
  }

  async decrement(key: string): Promise<void> {
    await failOpen(this.#reporter, "decrement", this.#timeoutMs, async () => void (await this.#pool.query(this.#sql.decrement, [this.#key(key)])), undefined);
  }

  async resetKey(key: string): Promise<void> {
    await failOpen(this.#reporter, "resetKey", this.#timeoutMs, async () => void (await this.#pool.query(this.#sql.reset, [this.#key(key)])), undefined);
  }

  /** Deletes every window that has ended; returns how many. */
  async cleanupExpired(): Promise<number> {
    const result = await this.#pool.query(this.#sql.cleanup);
    return result.rowCount ?? 0;
  }

  #maybeCleanup(): void {
    const interval = this.#cleanupIntervalMs ?? Math.max(this.windowMs, 60_000);
    const now = Date.now();
    if (now - this.#lastCleanup < interval) return;
    this.#lastCleanup = now;
    this.cleanupExpired().catch((error: unknown) => this.#reporter.report("cleanup", error));
  }
}
