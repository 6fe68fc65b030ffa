import { createHash, randomBytes } from "node:crypto";
import type { Pool } from "pg";
import { createUnloggedTable } from "@interview/shared-state";
import type { Principal } from "../access.js";

/**
 * Tickets open one WebSocket: a browser cannot send Authorization on a WebSocket, and a key or
 * token in the URL would reach access logs. A ticket is asked for over HTTP (with the usual
 * credentials), lives a few seconds, opens one socket on one interview, and is then used up.
 * Only its digest is stored.
 */
export interface SocketGrant {
  threadId: string;
  /** Who asked for it: the socket acts as them (and their Idempotency-Keys are theirs). */
  principal: Principal;
}

export interface TicketStore {
  issue(grant: SocketGrant, ttlMs: number): Promise<string>;
  /** The grant of a live ticket, which is used up by this call; undefined for an unknown, used or expired one. */
  redeem(ticket: string): Promise<SocketGrant | undefined>;
}

export const TICKET_PREFIX = "wst_";
export const DEFAULT_TICKET_TTL_MS = 30_000;

const newTicket = () => `${TICKET_PREFIX}${randomBytes(24).toString("base64url")}`;
const digestOf = (ticket: string) => createHash("sha256").update(ticket).digest();
/** What a ticket may look like: anything else is refused without a lookup. */
const TICKET = /^wst_[A-Za-z0-9_-]{32}$/;

function principalFrom(value: unknown): Principal {
  const p = value as { kind?: unknown; keyDigest?: unknown; tokenDigest?: unknown };
  if (p?.kind === "team" && typeof p.keyDigest === "string") return { kind: "team", keyDigest: p.keyDigest };
  if (p?.kind === "candidate" && typeof p.tokenDigest === "string") return { kind: "candidate", tokenDigest: p.tokenDigest };
  return { kind: "open" };
}

/** For a single process (and tests): tickets are lost on restart, which costs a client one retry. */
export class MemoryTicketStore implements TicketStore {
  readonly #tickets = new Map<string, { grant: SocketGrant; expiresAt: number }>();

  async issue(grant: SocketGrant, ttlMs: number): Promise<string> {
    const now = Date.now();
    for (const [key, entry] of this.#tickets) if (entry.expiresAt <= now) this.#tickets.delete(key);
    const ticket = newTicket();
    this.#tickets.set(digestOf(ticket).toString("hex"), { grant: { threadId: grant.threadId, principal: { ...grant.principal } }, expiresAt: now + ttlMs });
    return ticket;
  }

  async redeem(ticket: string): Promise<SocketGrant | undefined> {
    if (!TICKET.test(ticket)) return undefined;
    const key = digestOf(ticket).toString("hex");
    const entry = this.#tickets.get(key);
    this.#tickets.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry.grant : undefined;
  }
}

export interface PostgresTicketStoreOptions {
  pool: Pool;
  /** Table name (a plain lower-case identifier); `api_socket_tickets` by default. */
  table?: string | undefined;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,40}$/;

/**
 * Tickets in PostgreSQL, so a ticket asked for on one replica opens a socket on any other (the
 * load balancer chooses). Redeeming deletes the row in the same statement: used once, whoever asks.
 */
export class PostgresTicketStore implements TicketStore {
  readonly #pool: Pool;
  readonly #table: string;
  #lastCleanup = 0;

  /** Creates the table if needed (safely when several replicas start at once). */
  static async open(options: PostgresTicketStoreOptions): Promise<PostgresTicketStore> {
    const store = new PostgresTicketStore(options);
    await store.#createTable();
    return store;
  }

  private constructor(options: PostgresTicketStoreOptions) {
    const table = options.table ?? "api_socket_tickets";
    if (!IDENTIFIER.test(table)) throw new Error(`Invalid ticket table name "${table}": use lower-case letters, digits and _.`);
    this.#pool = options.pool;
    this.#table = table;
  }

  async #createTable(): Promise<void> {
    // Unlogged: a ticket lost in a crash only means asking for another.
    await createUnloggedTable(
      this.#pool,
      this.#table,
      "digest bytea primary key, thread_id text not null, principal jsonb not null, expires_at timestamptz not null",
      "expires_at",
    );
  }

  async issue(grant: SocketGrant, ttlMs: number): Promise<string> {
    const ticket = newTicket();
    await this.#pool.query(`insert into "${this.#table}" (digest, thread_id, principal, expires_at) values ($1, $2, $3, now() + $4::integer * interval '1 millisecond')`, [
      digestOf(ticket),
      grant.threadId,
      JSON.stringify(grant.principal),
      Math.ceil(ttlMs),
    ]);
    // Tickets nobody used: swept at most once a minute, piggy-backed on an issue.
    if (Date.now() - this.#lastCleanup > 60_000) {
      this.#lastCleanup = Date.now();
      await this.#pool.query(`delete from "${this.#table}" where expires_at <= now()`).catch(() => undefined);
    }
    return ticket;
  }

  async redeem(ticket: string): Promise<SocketGrant | undefined> {
    if (!TICKET.test(ticket)) return undefined;
    const { rows } = await this.#pool.query<{ thread_id: string; principal: unknown; live: boolean }>(
      `delete from "${this.#table}" where digest = $1 returning thread_id, principal, expires_at > now() as live`,
      [digestOf(ticket)],
    );
    const row = rows[0];
    return row?.live ? { threadId: row.thread_id, principal: principalFrom(row.principal) } : undefined;
  }
}
