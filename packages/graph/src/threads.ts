import { randomUUID } from "node:crypto";
import type { MemorySaver } from "@langchain/langgraph";
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
 * the lease gives each thread one writer at a time. Between turns the head is always the
 * thread's latest checkpoint: what a failed turn saved (LangGraph's "exit" durability saves a
 * checkpoint on error too) is discarded when its lease ends, and what a turn whose process died
 * saved is discarded when the next turn takes over the expired lease. So a turn simply continues
 * from the latest checkpoint, and nothing a failed turn wrote can resurface.
 */
export interface ThreadRegistry {
  /** Registers a new thread and leases it; null if the id is taken. */
  create(threadId: string): Promise<ThreadLease | null>;
  acquire(threadId: string): Promise<AcquireResult>;
  /**
   * Ends the lease. When the turn completed, the head moves to the thread's latest checkpoint
   * (the one the turn wrote, if it wrote one); otherwise what the turn saved is discarded.
   * Returns the head after the release.
   */
  release(lease: ThreadLease, completed: boolean): Promise<string | null>;
  head(threadId: string): Promise<string | null | undefined>;
  remove(threadId: string): Promise<void>;
}

/**
 * Threads in a PostgreSQL table, shared by every process on the database. No connection is held
 * during a turn, and a lease left by a crashed process expires after `ttlMs`. It lives beside the
 * tables of LangGraph's PostgresSaver on the same database and reads `checkpoints` to find the
 * checkpoint a completed turn wrote, in the statement that ends the lease.
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
    const result = await this.pool.query<{ head: string | null; abandoned: boolean }>(
      `update interview_threads t set lease_owner = $2, lease_expires_at = now() + $3 * interval '1 millisecond'
       from (select lease_owner as previous_owner from interview_threads where thread_id = $1) p
       where t.thread_id = $1 and (t.lease_owner is null or t.lease_expires_at < now())
       returning t.head, p.previous_owner is not null as abandoned`,
      [threadId, owner, this.ttlMs],
    );
    const row = result.rows[0];
    if (!row) return (await this.head(threadId)) === undefined ? "missing" : "busy";
    // The lease expired in the hands of a process that died mid-turn.
    if (row.abandoned) await this.transaction((client) => discardAfterHead(client, threadId, row.head));
    return { threadId, owner, head: row.head };
  }

  async release(lease: ThreadLease, completed: boolean): Promise<string | null> {
    if (completed) {
      const result = await this.pool.query<{ head: string | null }>(
        `update interview_threads set lease_owner = null, lease_expires_at = null, updated_at = now(),
           head = coalesce((select c.checkpoint_id from checkpoints c
             where c.thread_id = $1 and c.checkpoint_ns = '' order by c.checkpoint_id desc limit 1), head)
         where thread_id = $1 and lease_owner = $2
         returning head`,
        [lease.threadId, lease.owner],
      );
      return result.rows[0]?.head ?? lease.head;
    }
    return this.transaction(async (client) => {
      const result = await client.query<{ head: string | null }>(
        `update interview_threads set lease_owner = null, lease_expires_at = null, updated_at = now()
         where thread_id = $1 and lease_owner = $2 returning head`,
        [lease.threadId, lease.owner],
      );
      if (result.rowCount === 1) await discardAfterHead(client, lease.threadId, lease.head);
      return lease.head;
    });
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("begin");
      const result = await work(client);
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async head(threadId: string): Promise<string | null | undefined> {
    const result = await this.pool.query<{ head: string | null }>("select head from interview_threads where thread_id = $1", [threadId]);
    return result.rowCount === 0 ? undefined : result.rows[0]!.head;
  }

  async remove(threadId: string): Promise<void> {
    await this.pool.query("delete from interview_threads where thread_id = $1", [threadId]);
  }
}

/**
 * Deletes the checkpoints saved after `head` in LangGraph's PostgresSaver tables, with their
 * pending writes and the channel values only they referenced. Channel versions are counters, so
 * a turn retried from the head reuses the versions the discarded checkpoints had: left in place,
 * their stored values would win over the retry's (blobs are inserted "on conflict do nothing").
 */
async function discardAfterHead(client: pg.PoolClient, threadId: string, head: string | null) {
  const after = [threadId, head ?? ""];
  await client.query("delete from checkpoint_writes where thread_id = $1 and checkpoint_ns = '' and checkpoint_id > $2", after);
  const removed = await client.query("delete from checkpoints where thread_id = $1 and checkpoint_ns = '' and checkpoint_id > $2", after);
  if (removed.rowCount === 0) return;
  await client.query(
    `delete from checkpoint_blobs b where b.thread_id = $1 and b.checkpoint_ns = '' and not exists (
       select 1 from checkpoints c where c.thread_id = b.thread_id and c.checkpoint_ns = b.checkpoint_ns
         and c.checkpoint -> 'channel_versions' ->> b.channel = b.version)`,
    [threadId],
  );
}

interface MemoryThread {
  head: string | null;
  owner: string | null;
}

/** Process-local registry over a MemorySaver, for tests and the benchmark's in-process floor. */
export class InMemoryThreadRegistry implements ThreadRegistry {
  private readonly threads = new Map<string, MemoryThread>();

  constructor(private readonly saver: MemorySaver) {}

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

  async release(lease: ThreadLease, completed: boolean): Promise<string | null> {
    const thread = this.threads.get(lease.threadId);
    if (!thread || thread.owner !== lease.owner) return lease.head;
    thread.owner = null;
    const saved = this.saver.storage[lease.threadId]?.[""] ?? {};
    // Checkpoint ids are time-ordered (uuid v6): the greatest is the latest.
    const after = Object.keys(saved).filter((id) => id > (thread.head ?? ""));
    if (completed) {
      thread.head = after.reduce<string | null>((a, b) => (a === null || b > a ? b : a), thread.head);
    } else {
      for (const id of after) {
        delete saved[id];
        delete this.saver.writes[JSON.stringify([lease.threadId, "", id])];
      }
    }
    return thread.head;
  }

  async head(threadId: string): Promise<string | null | undefined> {
    return this.threads.get(threadId)?.head;
  }

  async remove(threadId: string): Promise<void> {
    this.threads.delete(threadId);
  }
}
