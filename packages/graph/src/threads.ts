import { randomUUID } from "node:crypto";
import type { MemorySaver } from "@langchain/langgraph";
import type pg from "pg";
import { SELECT_CHECKPOINT_SQL, TURN_KEY, withStartupLock, type CheckpointRow, type SaverTurn, type StagedCheckpoint, type StagedWrites } from "./checkpointer.js";
import { InterviewError, interviewNotFound } from "./errors.js";
import { CommittedHeads, type HeldHead, type StagedWrite } from "./committed-heads.js";

/**
 * One turn on one interview: it holds the interview's lease (one writer at a time) and saves
 * what the graph run wrote only on commit, moving the interview's head to it in the same step.
 * A turn that fails is abandoned and leaves the interview exactly as it was.
 */
export interface Turn {
  readonly threadId: string;
  /** The head the turn started from: the last committed checkpoint, null before the first. */
  readonly head: string | null;
  /** Entries for the run's `configurable`: how the checkpointer takes part in the turn. */
  readonly configurable: Record<string, unknown>;
  /**
   * Waits for the lease of a speculative turn (one whose run started from this process's copy of
   * the head before the lease was granted; see `begin`). Throws `not_found` or
   * `turn_in_progress` when the lease is refused; false when another process had moved the
   * interview on since that copy: the turn then holds the lease, has dropped what the run staged,
   * and its next run loads the current state. True at once for other turns.
   */
  confirm(): Promise<boolean>;
  /** Saves the turn and ends its lease; returns the new head (the old one if nothing was written). */
  commit(): Promise<string | null>;
  /** Ends the lease and drops whatever the turn would have saved. */
  abandon(): Promise<void>;
}

/**
 * The interviews that exist, which checkpoint is the current state of each (the head), and who
 * may write. Methods that take a lease throw `not_found` or `turn_in_progress` (InterviewError).
 */
export interface ThreadRegistry {
  /** Registers a new interview and returns its first turn; null if the id is taken. */
  create(threadId: string): Promise<Turn | null>;
  /**
   * A turn on an existing interview. The lease may be taken lazily, by the state load of the
   * run (PostgreSQL: one statement for both), which is then where a refusal is thrown. A
   * `speculative` turn may also run before the lease is granted, from the state this process
   * committed last, when that copy is usually current; only for runs with no effect outside the
   * turn (no provider calls, no streamed output), which must call `confirm()` before using
   * their result.
   */
  begin(threadId: string, options?: { speculative?: boolean }): Promise<Turn>;
  /** Takes the lease now: to erase the interview, or to run without a turn-aware checkpointer. */
  lock(threadId: string): Promise<Turn>;
  head(threadId: string): Promise<string | null | undefined>;
  remove(threadId: string): Promise<void>;
}

const busy = () => new InterviewError("turn_in_progress", "Another turn is in progress on this interview; try again when it finishes.");
const superseded = () =>
  new InterviewError("turn_in_progress", "This turn outlasted its lease and another took over the interview; nothing of it was saved. Send it again.");

const LEASE_SQL = `update interview_threads set lease_owner = $2, lease_expires_at = now() + $3 * interval '1 millisecond'
  where thread_id = $1 and (lease_owner is null or lease_expires_at < now())
  returning head`;

/**
 * The lease and the head checkpoint in one round trip: no lease, no row; no head, or the head
 * this process already holds ($4, CommittedHeads), no checkpoint. Its transaction commits without
 * waiting for the WAL flush (PostgreSQL's asynchronous commit, for this statement only): a lease
 * lost in a database crash only makes the turn's commit, which does wait, find no lease and fail,
 * and the turn is sent again.
 */
const LEASE_AND_LOAD_SQL = `with lease as (${LEASE_SQL})
  select lease.head, c.* from lease left join lateral (
    ${SELECT_CHECKPOINT_SQL} where cp.thread_id = $1 and cp.checkpoint_ns = '' and cp.checkpoint_id = lease.head
      and lease.head is distinct from $4::text) c on true
  where set_config('synchronous_commit', 'off', true) is not null`;

const LOAD_HEAD_SQL = `${SELECT_CHECKPOINT_SQL} where cp.thread_id = $1 and cp.checkpoint_ns = '' and cp.checkpoint_id = $2`;

const RELEASE_SQL = `update interview_threads set lease_owner = null, lease_expires_at = null
  where thread_id = $1 and lease_owner = $2`;

/**
 * Writes a turn's checkpoints, channel values and pending writes and moves the head, in one
 * statement that does nothing unless the turn still holds the lease. Channel values are upserted:
 * a turn's new versions are above every version its head references, so an existing row can only
 * be one that no committed checkpoint reads (left by a turn that died inside an older version of
 * this engine), and must not win over the turn's value.
 */
const COMMIT_SQL = `with lease as (
    update interview_threads set head = coalesce($3, head), lease_owner = null, lease_expires_at = null, updated_at = now()
    where thread_id = $1 and lease_owner = $2 returning thread_id),
  blobs as (
    insert into checkpoint_blobs (thread_id, checkpoint_ns, channel, version, type, blob)
    select $1, '', b.* from unnest($4::text[], $5::text[], $6::text[], $7::bytea[]) b where exists (select 1 from lease)
    on conflict (thread_id, checkpoint_ns, channel, version) do update set type = excluded.type, blob = excluded.blob),
  saved as (
    insert into checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, checkpoint, metadata)
    select $1, '', c.id, c.parent, c.checkpoint::jsonb, c.metadata::jsonb
    from unnest($8::text[], $9::text[], $10::text[], $11::text[]) c(id, parent, checkpoint, metadata) where exists (select 1 from lease)
    on conflict (thread_id, checkpoint_ns, checkpoint_id) do update set checkpoint = excluded.checkpoint, metadata = excluded.metadata),
  writes as (
    insert into checkpoint_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, type, blob)
    select $1, '', w.* from unnest($12::text[], $13::text[], $14::int[], $15::text[], $16::text[], $17::bytea[]) w where exists (select 1 from lease)
    on conflict (thread_id, checkpoint_ns, checkpoint_id, task_id, idx) do update
      set channel = excluded.channel, type = excluded.type, blob = excluded.blob where excluded.idx < 0)
  select count(*)::int as committed from lease`;

type LeaseRow = (CheckpointRow & { head: string | null }) | undefined;

/** The pool writes a statement on a later tick; once this resolves, the ones issued before have gone out. */
const statementsSent = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A turn on PostgreSQL; BatchedPostgresSaver loads and stages through it (SaverTurn). */
class PostgresTurn implements Turn, SaverTurn {
  readonly owner = randomUUID();
  readonly configurable = { [TURN_KEY]: this };
  private leased: boolean;
  private loaded = false;
  private loadedRow: CheckpointRow | undefined;
  /** The lease statement of a speculative load, not yet awaited (confirm). */
  private pendingLease: Promise<LeaseRow> | null = null;
  /** The current state, read by the lease statement when a speculative run started from an older one. */
  private current: CheckpointRow | undefined;
  private readonly checkpoints = new Map<string, StagedCheckpoint>();
  private readonly blobs = new Map<string, StagedCheckpoint["blobs"][number]>();
  private readonly writes = new Map<string, StagedWrite>();

  constructor(
    private readonly registry: PostgresThreadRegistry,
    private readonly pool: pg.Pool,
    readonly threadId: string,
    public head: string | null,
    leased: boolean,
    private readonly speculative = false,
  ) {
    this.leased = leased;
  }

  async load(): Promise<CheckpointRow | undefined> {
    if (this.loaded) throw new Error("A turn loads its state once per run.");
    this.loaded = true;
    if (this.current) return (this.loadedRow = this.current);
    if (this.leased) return this.head === null ? undefined : this.loadHead();
    const heads = this.registry.heads;
    const held = heads.idOf(this.threadId);
    const lease = this.pool
      .query<CheckpointRow & { head: string | null }>(LEASE_AND_LOAD_SQL, [this.threadId, this.owner, this.registry.ttlMs, held])
      .then((result) => result.rows[0]);
    // Speculative: run from the held copy while the lease statement is under way (confirm).
    const copy = this.speculative && held !== null && heads.usuallyCurrent() ? heads.row(this.threadId, held) : undefined;
    if (copy) {
      this.pendingLease = lease;
      lease.catch(() => undefined);
      this.head = held;
      // The run then takes the CPU until it ends: let the statement go out first.
      await statementsSent();
      return (this.loadedRow = copy);
    }
    // What this process held may have been evicted meanwhile: then read it after all.
    this.loadedRow = (await this.settle(await lease, held)) ?? heads.row(this.threadId, held!) ?? (await this.loadHead());
    return this.loadedRow;
  }

  async confirm(): Promise<boolean> {
    const lease = this.pendingLease;
    if (!lease) return true;
    this.pendingLease = null;
    const current = await this.settle(await lease, this.head);
    if (!current) return true;
    this.checkpoints.clear();
    this.blobs.clear();
    this.writes.clear();
    this.current = current;
    this.loaded = false;
    return false;
  }

  /**
   * Takes a lease statement's outcome for a run that holds the copy `held` (or none): null when
   * that copy is the head, else the head checkpoint the statement read (it reads one unless the
   * head is the one held).
   */
  private async settle(row: LeaseRow, held: string | null): Promise<CheckpointRow | null> {
    await this.granted(row);
    if (held !== null) this.registry.heads.observe(this.head === held);
    if (this.head === held) return null;
    if (row!.checkpoint_id === null) throw new Error(`Checkpoint ${this.head} of the interview's head is missing.`);
    return row!;
  }

  /** Takes the outcome of a lease statement: no row is a refusal, else the lease and the head. */
  async granted(row: { head: string | null } | undefined): Promise<void> {
    if (!row) throw (await this.registry.head(this.threadId)) === undefined ? interviewNotFound() : busy();
    this.leased = true;
    this.head = row.head;
    // An interview whose start never completed has no state to continue.
    if (this.head === null) {
      await this.abandon();
      throw interviewNotFound();
    }
  }

  private async loadHead(): Promise<CheckpointRow | undefined> {
    const result = await this.pool.query<CheckpointRow>(LOAD_HEAD_SQL, [this.threadId, this.head]);
    return (this.loadedRow = result.rows[0]);
  }

  stageCheckpoint(checkpoint: StagedCheckpoint): void {
    this.checkpoints.set(checkpoint.id, checkpoint);
    // An emptied channel (LangGraph's branch triggers, mostly) loads as absent, stored or not.
    for (const blob of checkpoint.blobs) if (blob[2] !== "empty") this.blobs.set(`${blob[0]}\0${blob[1]}`, blob);
  }

  stageWrites({ checkpointId, taskId, rows }: StagedWrites): void {
    for (const row of rows) {
      const key = `${checkpointId}\0${taskId}\0${row[0]}`;
      // As in the library: special channels (negative idx) replace, ordinary writes keep the first.
      if (row[0] < 0 || !this.writes.has(key)) this.writes.set(key, [checkpointId, taskId, ...row]);
    }
  }

  async commit(): Promise<string | null> {
    if (!(await this.confirm())) throw new Error("The turn ran from a state that has moved on; run it again before committing.");
    if (!this.leased) throw new Error("The turn was never started: its state was not loaded.");
    const checkpoints = [...this.checkpoints.values()];
    const blobs = [...this.blobs.values()];
    const writes = [...this.writes.values()];
    // Checkpoint ids are time-ordered (uuid v6): the greatest is the latest.
    const head = checkpoints.reduce<string | null>((a, c) => (a === null || c.id > a ? c.id : a), null);
    const committing = this.pool.query<{ committed: number }>(COMMIT_SQL, [
      this.threadId,
      this.owner,
      head,
      blobs.map((b) => b[0]),
      blobs.map((b) => b[1]),
      blobs.map((b) => b[2]),
      blobs.map((b) => b[3]),
      checkpoints.map((c) => c.id),
      checkpoints.map((c) => c.parentId),
      checkpoints.map((c) => JSON.stringify(c.checkpoint)),
      checkpoints.map((c) => JSON.stringify(c.metadata)),
      writes.map((w) => w[0]),
      writes.map((w) => w[1]),
      writes.map((w) => w[2]),
      writes.map((w) => w[3]),
      writes.map((w) => w[4]),
      writes.map((w) => w[5]),
    ]);
    committing.catch(() => undefined);
    // What this process will hold of the new head is built while the statement is under way.
    let held: HeldHead | null | undefined;
    if (checkpoints.length > 0) {
      await statementsSent();
      held = checkpoints.length === 1 ? CommittedHeads.prepare(this.loadedRow, checkpoints[0]!, writes) : null;
    }
    const result = await committing;
    this.leased = false;
    if (result.rows[0]!.committed !== 1) {
      this.registry.heads.forget(this.threadId);
      throw superseded();
    }
    // Nothing written (a finished interview): the held head is still the head.
    if (held !== undefined) this.registry.heads.hold(this.threadId, held);
    return head ?? this.head;
  }

  async abandon(): Promise<void> {
    const lease = this.pendingLease;
    this.pendingLease = null;
    // A speculative turn's lease may have been granted meanwhile: release it too.
    if (lease && (await lease.catch(() => undefined))) this.leased = true;
    if (!this.leased) return;
    this.leased = false;
    await this.pool.query(RELEASE_SQL, [this.threadId, this.owner]);
  }
}

/**
 * Interviews in a PostgreSQL table beside LangGraph's checkpoint tables, shared by every process
 * on the database. No connection is held during a turn, and a lease left by a process that died
 * expires after `ttlMs`; such a turn had written nothing.
 */
export class PostgresThreadRegistry implements ThreadRegistry {
  /** What this process last committed per interview, so a turn's load can skip reading it back. */
  readonly heads = new CommittedHeads();

  private constructor(
    private readonly pool: pg.Pool,
    readonly ttlMs: number,
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

  async create(threadId: string): Promise<Turn | null> {
    const turn = new PostgresTurn(this, this.pool, threadId, null, true);
    const result = await this.pool.query(
      `insert into interview_threads (thread_id, lease_owner, lease_expires_at)
       values ($1, $2, now() + $3 * interval '1 millisecond') on conflict (thread_id) do nothing`,
      [threadId, turn.owner, this.ttlMs],
    );
    return result.rowCount === 1 ? turn : null;
  }

  async begin(threadId: string, options: { speculative?: boolean } = {}): Promise<Turn> {
    return new PostgresTurn(this, this.pool, threadId, null, false, options.speculative);
  }

  async lock(threadId: string): Promise<Turn> {
    const turn = new PostgresTurn(this, this.pool, threadId, null, false);
    const result = await this.pool.query<{ head: string | null }>(LEASE_SQL, [threadId, turn.owner, this.ttlMs]);
    await turn.granted(result.rows[0]);
    return turn;
  }

  async head(threadId: string): Promise<string | null | undefined> {
    const result = await this.pool.query<{ head: string | null }>("select head from interview_threads where thread_id = $1", [threadId]);
    return result.rowCount === 0 ? undefined : result.rows[0]!.head;
  }

  async remove(threadId: string): Promise<void> {
    this.heads.forget(threadId);
    await this.pool.query("delete from interview_threads where thread_id = $1", [threadId]);
  }
}

interface MemoryThread {
  head: string | null;
  owner: string | null;
}

/**
 * Process-local registry over a MemorySaver, for tests and the benchmark's in-process floor. The
 * MemorySaver writes as the run goes, so a turn's commit moves the head to the latest checkpoint
 * and abandoning deletes what the run saved after the head.
 */
export class InMemoryThreadRegistry implements ThreadRegistry {
  private readonly threads = new Map<string, MemoryThread>();

  constructor(private readonly saver: MemorySaver) {}

  async create(threadId: string): Promise<Turn | null> {
    if (this.threads.has(threadId)) return null;
    const thread: MemoryThread = { head: null, owner: randomUUID() };
    this.threads.set(threadId, thread);
    return this.turn(threadId, thread);
  }

  begin(threadId: string): Promise<Turn> {
    return this.lock(threadId);
  }

  async lock(threadId: string): Promise<Turn> {
    const thread = this.threads.get(threadId);
    if (!thread || thread.head === null && !thread.owner) throw interviewNotFound();
    if (thread.owner) throw busy();
    thread.owner = randomUUID();
    return this.turn(threadId, thread);
  }

  private turn(threadId: string, thread: MemoryThread): Turn {
    const owner = thread.owner;
    const head = thread.head;
    const end = (completed: boolean) => {
      if (thread.owner !== owner) return thread.head;
      thread.owner = null;
      const saved = this.saver.storage[threadId]?.[""] ?? {};
      // Checkpoint ids are time-ordered (uuid v6): the greatest is the latest.
      const after = Object.keys(saved).filter((id) => id > (head ?? ""));
      if (completed) return (thread.head = after.reduce<string | null>((a, b) => (a === null || b > a ? b : a), head));
      for (const id of after) {
        delete saved[id];
        delete this.saver.writes[JSON.stringify([threadId, "", id])];
      }
      return head;
    };
    return {
      threadId,
      head,
      configurable: {},
      confirm: async () => true,
      commit: async () => end(true),
      abandon: async () => void end(false),
    };
  }

  async head(threadId: string): Promise<string | null | undefined> {
    return this.threads.get(threadId)?.head;
  }

  async remove(threadId: string): Promise<void> {
    this.threads.delete(threadId);
  }
}
