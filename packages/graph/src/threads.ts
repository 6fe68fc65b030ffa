import { randomUUID } from "node:crypto";
import type { MemorySaver } from "@langchain/langgraph";
import type pg from "pg";
import { SELECT_CHECKPOINT_SQL, TURN_KEY, type CheckpointRow, type SaverTurn, type StagedCheckpoint, type StagedWrites } from "./checkpointer.js";
import { InterviewError, interviewNotFound } from "./errors.js";
import { ERASE_INTERVIEW_SQL } from "./schema.js";

/** What a turn does: its reply is rebuilt from the state it committed when its request is replayed. */
export type TurnKind = "start" | "answer" | "end";

/** A client's Idempotency-Key: who sent it, the key, and a digest of the request it came with. */
export interface RequestKey {
  principal: string;
  key: string;
  fingerprint: string;
}

/** A request already answered: its reply is the view of the state it committed. */
export interface Replay {
  threadId: string;
  head: string;
  kind: TurnKind;
}

/** The fields of a new interview that the team's list shows. */
export interface NewInterview {
  role: string;
  jobId?: string | undefined;
  jobTitle: string;
  company?: string | undefined;
  candidateName?: string | undefined;
  accessTokenHash?: string | undefined;
  maxSteps: number;
}

/** Where an interview stands after a turn, stored beside its head for the list. */
export interface InterviewSummary {
  status: string;
  step: number;
  maxSteps: number;
  overallScore: number | null;
  recommendation: string | null;
}

export interface ThreadInfo {
  threadId: string;
  head: string | null;
  role: string;
  jobId: string | null;
  accessTokenHash: string | null;
}

/**
 * One turn on one interview: it holds the interview's lease (one writer at a time, across
 * processes) and saves what the graph run wrote only on commit, moving the interview's head to it
 * in the same statement. A turn that fails is abandoned and leaves the interview as it was.
 */
export interface Turn {
  readonly threadId: string;
  /** The head the turn started from: the last committed checkpoint, null before the first. */
  readonly head: string | null;
  readonly role: string;
  /** Entries for the run's `configurable`: how the checkpointer takes part in the turn. */
  readonly configurable: Record<string, unknown>;
  /** Aborted when the turn loses its lease (it outlived it, and another writer took over). */
  readonly signal: AbortSignal;
  /** Saves the turn and ends its lease; returns the new head (the old one if nothing was written). */
  commit(summary: InterviewSummary, kind: TurnKind, key?: RequestKey): Promise<string | null>;
  /** Ends the lease and drops whatever the turn would have saved (a first turn: the interview too). */
  abandon(): Promise<void>;
}

/**
 * The interviews that exist, which checkpoint is the current state of each (the head), and who
 * may write. Methods that take a lease throw `not_found` or `turn_in_progress` (InterviewError).
 */
export interface ThreadRegistry {
  /** Registers a new interview and returns its first turn, or the replay of the request that already did. */
  create(threadId: string, interview: NewInterview, key?: RequestKey): Promise<Turn | Replay>;
  /** A turn on an existing interview, or the replay of a request already answered. */
  begin(threadId: string, key?: RequestKey): Promise<Turn | Replay>;
  info(threadId: string): Promise<ThreadInfo | undefined>;
  /** Erases the interview and everything stored for it, holding its lease (or, in-memory, at once); returns the voice room it was in, to close. */
  erase(threadId: string): Promise<{ voiceRoom: string | null }>;
}

export const isReplay = (value: Turn | Replay): value is Replay => !("commit" in value);

const busy = () => new InterviewError("turn_in_progress", "Another turn is in progress on this interview; try again when it finishes.");
const superseded = () =>
  new InterviewError("turn_in_progress", "This turn outlasted its lease and another took over the interview; nothing of it was saved. Send it again.");
const mismatch = () =>
  new InterviewError("idempotency_mismatch", "This Idempotency-Key was already used with a different request; use a new key for a new request.");

const LEASE_SQL = `update interview_threads set lease_owner = $2, lease_expires_at = now() + $3 * interval '1 millisecond'
  where thread_id = $1 and (lease_owner is null or lease_expires_at < now())`;

/**
 * A request key's record (replayed instead of running a turn), or else the lease and the head
 * checkpoint, in one round trip.
 */
const BEGIN_SQL = `with
    known as (select fingerprint, thread_id, kind, head from interview_request_keys
      where principal = $4 and key = $5 and head is not null and created_at > now() - interval '24 hours'),
    lease as (${LEASE_SQL} and not exists (select 1 from known) returning head, role)
  select (select row_to_json(known) from known) as known, lease.head, lease.role, c.*
  from (select 1) one
    left join lease on true
    left join lateral (${SELECT_CHECKPOINT_SQL} where cp.thread_id = $1 and cp.checkpoint_ns = '' and cp.checkpoint_id = lease.head) c on true`;

const RENEW_SQL = `update interview_threads set lease_expires_at = now() + $3 * interval '1 millisecond'
  where thread_id = $1 and lease_owner = $2`;

const RELEASE_SQL = `update interview_threads set lease_owner = null, lease_expires_at = null
  where thread_id = $1 and lease_owner = $2`;

/** A first turn that fails takes its interview with it: nothing of it was ever committed. */
const DROP_UNSTARTED_SQL = `with
    gone as (delete from interview_threads where thread_id = $1 and lease_owner = $2 and head is null returning thread_id),
    cv as (delete from interview_cv_chunks where thread_id in (select thread_id from gone)),
    k as (delete from interview_request_keys where thread_id in (select thread_id from gone) and head is null)
  select count(*)::int as dropped from gone`;

/** An interview whose first turn died with its process: it never existed for anyone, so it may be cleared. */
const DROP_DEAD_START_SQL = `with
    gone as (delete from interview_threads
      where thread_id = $1 and head is null and (lease_owner is null or lease_expires_at < now()) returning thread_id),
    cv as (delete from interview_cv_chunks where thread_id in (select thread_id from gone)),
    k as (delete from interview_request_keys where thread_id in (select thread_id from gone))
  select count(*)::int as dropped from gone`;

/**
 * Writes a turn's checkpoints, channel values and pending writes, moves the head, stores the list's
 * summary and the request's key, in one statement that does nothing unless the turn still holds
 * the lease. LangGraph's tables are written directly so that all of it is one atomic step (its
 * saver runs a transaction per call); rows are exactly those PostgresSaver writes (checked by the
 * library's conformance suite in checkpointer.test.ts). Channel values are upserted: a turn's
 * versions are above every version its head references, so an existing row can only be one no
 * committed checkpoint reads.
 */
const COMMIT_SQL = `with lease as (
    update interview_threads set head = coalesce($3, head), lease_owner = null, lease_expires_at = null, updated_at = now(),
      status = $18, step = $19, max_steps = $20, overall_score = $21, recommendation = $22
    where thread_id = $1 and lease_owner = $2 returning thread_id, head),
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
      set channel = excluded.channel, type = excluded.type, blob = excluded.blob where excluded.idx < 0),
  request as (
    insert into interview_request_keys (principal, key, fingerprint, thread_id, kind, head)
    select $23, $24, $25, $1, $26, (select coalesce($3, head) from lease) where $24::text is not null and exists (select 1 from lease)
    on conflict (principal, key) do update set head = excluded.head
      where interview_request_keys.thread_id = excluded.thread_id and interview_request_keys.head is null)
  select count(*)::int as committed from lease`;

type StagedWrite = [string, string, ...StagedWrites["rows"][number]];

interface Lease {
  owner: string;
  ttlMs: number;
}

/** A turn on PostgreSQL; the saver loads and stages through it (SaverTurn). */
class PostgresTurn implements Turn, SaverTurn {
  readonly configurable = { [TURN_KEY]: this };
  private readonly controller = new AbortController();
  private readonly heartbeat: NodeJS.Timeout;
  private held = true;
  private readonly checkpoints = new Map<string, StagedCheckpoint>();
  private readonly blobs = new Map<string, StagedCheckpoint["blobs"][number]>();
  private readonly writes = new Map<string, StagedWrite>();

  constructor(
    private readonly pool: pg.Pool,
    readonly threadId: string,
    readonly head: string | null,
    readonly role: string,
    readonly headRow: CheckpointRow | undefined,
    private readonly lease: Lease,
  ) {
    // A short lease kept alive while the turn runs: a process that dies frees the interview within
    // one lease time, while a slow turn (a long model call) keeps it as long as it is alive.
    this.heartbeat = setInterval(() => void this.renew(), Math.max(250, Math.floor(lease.ttlMs / 3)));
    this.heartbeat.unref();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  private async renew() {
    try {
      const result = await this.pool.query(RENEW_SQL, [this.threadId, this.lease.owner, this.lease.ttlMs]);
      if (result.rowCount === 0 && this.held) this.lost();
    } catch {
      // The database is unreachable for now; the commit will tell.
    }
  }

  private lost() {
    this.stop();
    this.controller.abort(superseded());
  }

  private stop() {
    this.held = false;
    clearInterval(this.heartbeat);
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

  async commit(summary: InterviewSummary, kind: TurnKind, key?: RequestKey): Promise<string | null> {
    if (!this.held) throw superseded();
    this.stop();
    const checkpoints = [...this.checkpoints.values()];
    const blobs = [...this.blobs.values()];
    const writes = [...this.writes.values()];
    // Checkpoint ids are time-ordered (uuid v6): the greatest is the latest.
    const head = checkpoints.reduce<string | null>((a, c) => (a === null || c.id > a ? c.id : a), null);
    const result = await this.pool.query<{ committed: number }>(COMMIT_SQL, [
      this.threadId,
      this.lease.owner,
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
      summary.status,
      summary.step,
      summary.maxSteps,
      summary.overallScore,
      summary.recommendation,
      key?.principal ?? null,
      key?.key ?? null,
      key?.fingerprint ?? null,
      kind,
    ]);
    if (result.rows[0]!.committed !== 1) throw superseded();
    return head ?? this.head;
  }

  async abandon(): Promise<void> {
    if (!this.held) return;
    this.stop();
    await this.pool.query(this.head === null ? DROP_UNSTARTED_SQL : RELEASE_SQL, [this.threadId, this.lease.owner]);
  }
}

type BeginRow = (Partial<CheckpointRow> & { known: (Replay & { fingerprint: string; thread_id: string }) | null; head: string | null; role: string | null }) | undefined;

/**
 * Interviews in a PostgreSQL table beside LangGraph's checkpoint tables, shared by every process
 * on the database. No connection is held during a turn; a lease left by a process that died
 * expires after `leaseTtlMs`, and such a turn had written nothing.
 */
export class PostgresThreadRegistry implements ThreadRegistry {
  constructor(
    private readonly pool: pg.Pool,
    readonly leaseTtlMs = 10_000,
  ) {}

  private newLease(): Lease {
    return { owner: randomUUID(), ttlMs: this.leaseTtlMs };
  }

  async create(threadId: string, interview: NewInterview, key?: RequestKey): Promise<Turn | Replay> {
    for (let attempt = 0; ; attempt++) {
      const lease = this.newLease();
      const outcome = await this.tryCreate(threadId, interview, lease, key);
      if (outcome === "created") return new PostgresTurn(this.pool, threadId, null, interview.role, undefined, lease);
      if (outcome !== "retry") return outcome;
      if (attempt >= 2) throw busy();
    }
  }

  /** One attempt: inserts the interview (and its pending key) in a transaction; a dead earlier start is cleared and retried. */
  private async tryCreate(threadId: string, interview: NewInterview, lease: Lease, key?: RequestKey): Promise<"created" | "retry" | Replay> {
    const client = await this.pool.connect();
    try {
      await client.query("begin");
      if (key) {
        const inserted = await client.query(
          `insert into interview_request_keys (principal, key, fingerprint, thread_id, kind) values ($1, $2, $3, $4, 'start')
           on conflict (principal, key) do nothing`,
          [key.principal, key.key, key.fingerprint, threadId],
        );
        if (inserted.rowCount === 0) {
          await client.query("rollback");
          return this.knownStart(key);
        }
      }
      const created = await client.query(
        `insert into interview_threads (thread_id, lease_owner, lease_expires_at, role, job_id, job_title, company, candidate_name,
           access_token_hash, status, step, max_steps)
         values ($1, $2, now() + $3 * interval '1 millisecond', $4, $5, $6, $7, $8, $9, 'starting', 0, $10)
         on conflict (thread_id) do nothing`,
        [threadId, lease.owner, lease.ttlMs, interview.role, interview.jobId ?? null, interview.jobTitle, interview.company ?? null,
          interview.candidateName ?? null, interview.accessTokenHash ?? null, interview.maxSteps],
      );
      if (created.rowCount === 1) {
        await client.query("commit");
        return "created";
      }
      await client.query("rollback");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    // The id is taken: by a live interview, or by a start that died before its first commit.
    const dropped = await this.pool.query<{ dropped: number }>(DROP_DEAD_START_SQL, [threadId]);
    if (dropped.rows[0]!.dropped === 1) return "retry";
    throw new InterviewError("thread_exists", "An interview with this id already exists.");
  }

  /** A start request whose key is known: replay it, refuse it, or clear the start that died with it. */
  private async knownStart(key: RequestKey): Promise<"retry" | Replay> {
    const { rows } = await this.pool.query<{ fingerprint: string; thread_id: string; kind: TurnKind; head: string | null; expired: boolean; running: boolean }>(
      `select k.fingerprint, k.thread_id, k.kind, k.head, k.created_at < now() - interval '24 hours' as expired,
         coalesce(t.lease_owner is not null and t.lease_expires_at >= now(), false) as running
       from interview_request_keys k left join interview_threads t on t.thread_id = k.thread_id
       where k.principal = $1 and k.key = $2`,
      [key.principal, key.key],
    );
    const known = rows[0];
    if (!known) return "retry";
    if (known.expired) {
      await this.pool.query("delete from interview_request_keys where principal = $1 and key = $2 and created_at < now() - interval '24 hours'", [key.principal, key.key]);
      return "retry";
    }
    if (known.fingerprint !== key.fingerprint) throw mismatch();
    if (known.head) return { threadId: known.thread_id, head: known.head, kind: known.kind };
    if (known.running) throw new InterviewError("idempotency_in_progress", "The first request with this Idempotency-Key is still running; wait for its reply.");
    await this.pool.query(DROP_DEAD_START_SQL, [known.thread_id]);
    await this.pool.query("delete from interview_request_keys where principal = $1 and key = $2 and head is null", [key.principal, key.key]);
    return "retry";
  }

  async begin(threadId: string, key?: RequestKey): Promise<Turn | Replay> {
    const lease = this.newLease();
    const { rows } = await this.pool.query(BEGIN_SQL, [threadId, lease.owner, lease.ttlMs, key?.principal ?? null, key?.key ?? null]);
    const row = rows[0] as BeginRow;
    if (row?.known) {
      if (row.known.fingerprint !== key!.fingerprint) throw mismatch();
      return { threadId: row.known.thread_id, head: row.known.head, kind: row.known.kind };
    }
    if (!row || row.role === null) {
      const info = await this.info(threadId);
      throw info && info.head !== null ? busy() : interviewNotFound();
    }
    // An interview whose first turn never committed has no state to continue.
    if (row.head === null) {
      await this.pool.query(RELEASE_SQL, [threadId, lease.owner]);
      throw interviewNotFound();
    }
    if (!row.checkpoint_id) throw new Error("The checkpoint of the interview's head is missing.");
    return new PostgresTurn(this.pool, threadId, row.head, row.role, row as CheckpointRow, lease);
  }

  async info(threadId: string): Promise<ThreadInfo | undefined> {
    const { rows } = await this.pool.query<{ head: string | null; role: string; job_id: string | null; access_token_hash: string | null }>(
      "select head, role, job_id, access_token_hash from interview_threads where thread_id = $1",
      [threadId],
    );
    const row = rows[0];
    return row && { threadId, head: row.head, role: row.role, jobId: row.job_id, accessTokenHash: row.access_token_hash };
  }

  async erase(threadId: string): Promise<{ voiceRoom: string | null }> {
    const lease = this.newLease();
    const taken = await this.pool.query(`${LEASE_SQL} returning head`, [threadId, lease.owner, lease.ttlMs]);
    if (taken.rowCount === 0) {
      if (await this.info(threadId)) throw busy();
      throw interviewNotFound();
    }
    const { rows } = await this.pool.query<{ voice_room: string | null }>(ERASE_INTERVIEW_SQL, [threadId, lease.owner]);
    // '' marks a room the interview already left (interview-list.ts): nothing to close.
    return { voiceRoom: rows[0]?.voice_room || null };
  }

  /** Forgets request keys older than a day. */
  async purgeRequestKeys(): Promise<number> {
    const result = await this.pool.query("delete from interview_request_keys where created_at < now() - interval '24 hours'");
    return result.rowCount ?? 0;
  }
}

interface MemoryThread {
  head: string | null;
  owner: string | null;
  role: string;
}

/**
 * Process-local registry over a MemorySaver, for unit tests and the benchmark's in-process floor.
 * The MemorySaver writes as the run goes, so a turn's commit moves the head to the latest
 * checkpoint and abandoning deletes what the run saved after the head.
 */
export class InMemoryThreadRegistry implements ThreadRegistry {
  private readonly threads = new Map<string, MemoryThread>();

  constructor(private readonly saver: MemorySaver) {}

  async create(threadId: string, interview: NewInterview): Promise<Turn> {
    if (this.threads.has(threadId)) throw new InterviewError("thread_exists", "An interview with this id already exists.");
    const thread: MemoryThread = { head: null, owner: randomUUID(), role: interview.role };
    this.threads.set(threadId, thread);
    return this.turn(threadId, thread);
  }

  async begin(threadId: string): Promise<Turn> {
    const thread = this.threads.get(threadId);
    if (!thread || (thread.head === null && !thread.owner)) throw interviewNotFound();
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
      if (head === null) this.threads.delete(threadId);
      return head;
    };
    return {
      threadId,
      head,
      role: thread.role,
      configurable: {},
      signal: new AbortController().signal,
      commit: async () => end(true),
      abandon: async () => void end(false),
    };
  }

  async info(threadId: string): Promise<ThreadInfo | undefined> {
    const thread = this.threads.get(threadId);
    return thread && { threadId, head: thread.head, role: thread.role, jobId: null, accessTokenHash: null };
  }

  async erase(threadId: string): Promise<{ voiceRoom: string | null }> {
    const thread = this.threads.get(threadId);
    if (!thread) throw interviewNotFound();
    if (thread.owner) throw busy();
    this.threads.delete(threadId);
    delete this.saver.storage[threadId];
    return { voiceRoom: null };
  }
}
