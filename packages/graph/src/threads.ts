import { randomUUID } from "node:crypto";
import type pg from "pg";
import { withStartupLock } from "./checkpointer.js";

export interface ThreadLease {
  threadId: string;
  owner: string;
  /** The checkpoint of the last completed turn; null before the first one. */
  head: string | null;
}

export type AcquireResult = ThreadLease | "missing" | "busy";

/**
 * The interviews that exist, which checkpoint is the current state of each, and who may write.
 * The head only moves when a turn completes, so a failed turn leaves the interview as it was;
 * the lease gives each thread one writer at a time.
 */
export interface ThreadRegistry {
  /** Registers a new thread and leases it; null if the id is taken. */
  create(threadId: string): Promise<ThreadLease | null>;
  acquire(threadId: string): Promise<AcquireResult>;
  /** Ends the lease, moving the head when the turn completed. */
  release(lease: ThreadLease, newHead?: string): Promise<void>;
  head(threadId: string): Promise<string | null | undefined>;
  remove(threadId: string): Promise<void>;
}

/**
 * Threads in a PostgreSQL table, shared by every process on the database. No connection is held
 * during a turn, and a lease left by a crashed process expires after `ttlMs`.
 */
export class PostgresThreadRegistry implements ThreadRegistry {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly ttlMs: number,
  ) {}

  static async create(pool: pg.Pool, ttlMs = 120_000): Promise<PostgresThreadRegistry> {
    await withStartupLock(pool, () =>
      pool.query(`create table if not exists interview_threads (
        thread_id text primary key,
        head text,
        lease_owner text,
        lease_expires_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now())`),
    );
    return new PostgresThreadRegistry(pool, ttlMs);
  }

  async create(threadId: string): Promise<ThreadLease | null> {
    const owner = randomUUID();
    const result = await this.pool.query(
      `insert into interview_threads (thread_id, lease_owner, lease_expires_at)
       values ($1, $2, now() + $3 * interval '1 millisecond') on conflict (thread_id) do nothing`,
      [threadId, owner, this.ttlMs],
    );
    return result.rowCount === 1 ? { threadId, owner, head: null } : null;
  }

  async acquire(threadId: string): Promise<AcquireResult> {
    const owner = randomUUID();
    const result = await this.pool.query<{ head: string | null }>(
      `update interview_threads set lease_owner = $2, lease_expires_at = now() + $3 * interval '1 millisecond'
       where thread_id = $1 and (lease_owner is null or lease_expires_at < now())
       returning head`,
      [threadId, owner, this.ttlMs],
    );
    if (result.rowCount === 1) return { threadId, owner, head: result.rows[0]!.head };
    return (await this.head(threadId)) === undefined ? "missing" : "busy";
  }

  async release(lease: ThreadLease, newHead?: string): Promise<void> {
    await this.pool.query(
      `update interview_threads set lease_owner = null, lease_expires_at = null,
         head = coalesce($3, head), updated_at = now()
       where thread_id = $1 and lease_owner = $2`,
      [lease.threadId, lease.owner, newHead ?? null],
    );
  }

  async head(threadId: string): Promise<string | null | undefined> {
    const result = await this.pool.query<{ head: string | null }>("select head from interview_threads where thread_id = $1", [threadId]);
    return result.rowCount === 0 ? undefined : result.rows[0]!.head;
  }

  async remove(threadId: string): Promise<void> {
    await this.pool.query("delete from interview_threads where thread_id = $1", [threadId]);
  }
}

/** Process-local registry, for unit tests on a MemorySaver. */
export class InMemoryThreadRegistry implements ThreadRegistry {
  private readonly threads = new Map<string, { head: string | null; owner: string | null }>();

  async create(threadId: string): Promise<ThreadLease | null> {
    if (this.threads.has(threadId)) return null;
    const owner = randomUUID();
    this.threads.set(threadId, { head: null, owner });
    return { threadId, owner, head: null };
  }

  async acquire(threadId: string): Promise<AcquireResult> {
    const thread = this.threads.get(threadId);
    if (!thread) return "missing";
    if (thread.owner) return "busy";
    thread.owner = randomUUID();
    return { threadId, owner: thread.owner, head: thread.head };
  }

  async release(lease: ThreadLease, newHead?: string): Promise<void> {
    const thread = this.threads.get(lease.threadId);
    if (!thread || thread.owner !== lease.owner) return;
    thread.owner = null;
    if (newHead) thread.head = newHead;
  }

  async head(threadId: string): Promise<string | null | undefined> {
    return this.threads.get(threadId)?.head;
  }

  async remove(threadId: string): Promise<void> {
    this.threads.delete(threadId);
  }
}
