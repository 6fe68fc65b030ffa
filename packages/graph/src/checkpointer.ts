import { MemorySaver, type BaseCheckpointSaver, type CheckpointTuple } from "@langchain/langgraph";
import type { RunnableConfig } from "@langchain/core/runnables";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type pg from "pg";

/** Runs `work` while holding a cluster-wide advisory lock, so concurrent start-ups migrate once. */
export async function withStartupLock<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('interview-engine:migrations'))");
    return await work();
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('interview-engine:migrations'))").catch(() => undefined);
    client.release();
  }
}

type Serializer = BaseCheckpointSaver["serde"];

/** A long, mostly-zero array of numbers (an offline CV vector) as its length and non-zeros. */
interface SparseNumbers {
  lc: 2;
  type: "sparse_numbers";
  n: number;
  i: number[];
  v: number[];
}

const isSparseRecord = (value: object): value is SparseNumbers =>
  (value as Partial<SparseNumbers>).lc === 2 && (value as Partial<SparseNumbers>).type === "sparse_numbers";

function toSparse(values: unknown[]): SparseNumbers | null {
  if (values.length < 256) return null;
  const i: number[] = [];
  const v: number[] = [];
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    if (typeof x !== "number" || !Number.isFinite(x)) return null;
    if (x !== 0) {
      if (i.length * 4 >= values.length) return null;
      i.push(k);
      v.push(x);
    }
  }
  return { lc: 2, type: "sparse_numbers", n: values.length, i, v };
}

/** A copy of `value` with its sparse numeric arrays packed; other objects are left as they are. */
function packSparse(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return toSparse(value) ?? value.map(packSparse);
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = packSparse((value as Record<string, unknown>)[key]);
  return copy;
}

/**
 * Unpacks sparse arrays in place; true when `value` still holds other tagged records (`{ lc: … }`)
 * for LangGraph's own reviver.
 */
function unpackSparse(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  const entries = value as Record<string | number, unknown>;
  let tagged = !Array.isArray(value) && "lc" in value;
  const visit = (key: string | number) => {
    const item = entries[key];
    if (item === null || typeof item !== "object") return;
    if (isSparseRecord(item)) {
      const dense = new Array<number>(item.n).fill(0);
      item.i.forEach((at, k) => (dense[at] = item.v[k]!));
      entries[key] = dense;
    } else if (unpackSparse(item)) tagged = true;
  };
  if (Array.isArray(value)) for (let k = 0; k < value.length; k++) visit(k);
  else for (const key in value) visit(key);
  return tagged;
}

/**
 * Our checkpoint serializer: LangGraph's, with two changes measured in bench/RESULTS.md.
 * - Sparse numeric arrays are stored as their non-zeros: a 1 024-number hashed CV vector is
 *   ~2 KB of `0,0,0…` in JSON, and every state load reads every CV vector.
 * - Loads revive only what needs it: LangGraph's reviver is an async recursion with one promise
 *   per array item (~1 000 per CV vector); plain JSON is what it returns for plain JSON.
 */
export function compactSerializer(serde: Serializer): Serializer {
  const decoder = new TextDecoder();
  return {
    dumpsTyped: (value) => serde.dumpsTyped(packSparse(value)),
    loadsTyped: async (type, data) => {
      if (type !== "json") return serde.loadsTyped(type, data);
      const text = typeof data === "string" ? data : decoder.decode(data);
      const root = { value: JSON.parse(text) as unknown };
      if (!unpackSparse(root)) return root.value;
      const revived = { value: await serde.loadsTyped(type, text) };
      unpackSparse(revived);
      return revived.value;
    },
  };
}

const PUT_CHECKPOINT_SQL = `with blobs as (
    insert into checkpoint_blobs (thread_id, checkpoint_ns, channel, version, type, blob)
    select $1::text, $2::text, * from unnest($7::text[], $8::text[], $9::text[], $10::bytea[])
    on conflict (thread_id, checkpoint_ns, channel, version) do nothing)
  insert into checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, checkpoint, metadata)
  values ($1, $2, $3, $4, $5, $6)
  on conflict (thread_id, checkpoint_ns, checkpoint_id) do update set checkpoint = excluded.checkpoint, metadata = excluded.metadata`;

const PUT_WRITES_SQL = (onConflict: string) => `insert into checkpoint_writes
    (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, type, blob)
  select $1::text, $2::text, $3::text, $4::text, * from unnest($5::int[], $6::text[], $7::text[], $8::bytea[])
  on conflict (thread_id, checkpoint_ns, checkpoint_id, task_id, idx) ${onConflict}`;
const UPSERT_WRITES_SQL = PUT_WRITES_SQL("do update set channel = excluded.channel, type = excluded.type, blob = excluded.blob");
const INSERT_WRITES_SQL = PUT_WRITES_SQL("do nothing");

/**
 * A checkpoint with its channel values and pending writes, as PostgresSaver reads one; the caller
 * appends the `where` clause on `cp`.
 */
export const SELECT_CHECKPOINT_SQL = `select cp.checkpoint_id, cp.parent_checkpoint_id, cp.checkpoint, cp.metadata,
    (select array_agg(array[bl.channel::bytea, bl.type::bytea, bl.blob])
      from jsonb_each_text(cp.checkpoint -> 'channel_versions') v
      join checkpoint_blobs bl on bl.thread_id = cp.thread_id and bl.checkpoint_ns = cp.checkpoint_ns
        and bl.channel = v.key and bl.version = v.value) as channel_values,
    (select array_agg(array[cw.task_id::bytea, cw.channel::bytea, cw.type::bytea, cw.blob] order by cw.task_id, cw.idx)
      from checkpoint_writes cw
      where cw.thread_id = cp.thread_id and cw.checkpoint_ns = cp.checkpoint_ns and cw.checkpoint_id = cp.checkpoint_id) as pending_writes
  from checkpoints cp`;

export interface CheckpointRow {
  checkpoint_id: string;
  parent_checkpoint_id: string | null;
  checkpoint: Parameters<PostgresSaver["_loadCheckpoint"]>[0] & { v: number };
  metadata: Record<string, unknown>;
  channel_values: [Uint8Array, Uint8Array, Uint8Array][] | null;
  pending_writes: [Uint8Array, Uint8Array, Uint8Array, Uint8Array][] | null;
}

/** A serialized checkpoint and the channel values it changed, as one turn stages it. */
export interface StagedCheckpoint {
  id: string;
  parentId: string | null;
  checkpoint: Record<string, unknown>;
  metadata: unknown;
  /** channel, version, type, bytes (null for an emptied channel) */
  blobs: [string, string, string, Uint8Array | null][];
}

/** One task's serialized writes against a checkpoint; negative indexes are special channels. */
export interface StagedWrites {
  checkpointId: string;
  taskId: string;
  /** idx, channel, type, bytes */
  rows: [number, string, string, Uint8Array][];
}

/**
 * One interview turn as the saver takes part in it (threads.ts). The state load and the turn's
 * lease are one statement, and what the run saves is held back and written together with the
 * move of the thread's head when the turn commits: a turn that fails or whose process dies
 * writes nothing, and a turn costs two round trips (bench/RESULTS.md).
 */
export interface SaverTurn {
  readonly threadId: string;
  /** Takes the lease and loads the head checkpoint (as SELECT_CHECKPOINT_SQL reads it); undefined when there is none yet. */
  load(): Promise<CheckpointRow | undefined>;
  stageCheckpoint(checkpoint: StagedCheckpoint): void;
  stageWrites(writes: StagedWrites): void;
}

/** The run config key that carries the SaverTurn. */
export const TURN_KEY = "interview_turn";

/** The turn a run's config carries; a turn runs at the thread's root namespace only. */
function turnOf(config: RunnableConfig): SaverTurn | undefined {
  const turn = config.configurable?.[TURN_KEY] as SaverTurn | undefined;
  return turn && (config.configurable?.checkpoint_ns ?? "") === "" ? turn : undefined;
}

/**
 * PostgresSaver whose `put` stores the checkpoint and its changed channels in one statement, and
 * `putWrites` a task's writes in one. The library sends one INSERT per channel or write inside a
 * transaction: ~20 round trips per turn (bench/RESULTS.md). Same rows, same conflict rules,
 * still atomic. A run whose config carries a SaverTurn (TURN_KEY) loads through the turn and
 * stages its writes there instead.
 */
export class BatchedPostgresSaver extends PostgresSaver {
  constructor(private readonly db: pg.Pool) {
    super(db);
  }

  override async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const turn = turnOf(config);
    // A turn loads from its head; a checkpoint addressed by id is a plain read.
    if (!turn || config.configurable?.checkpoint_id) return super.getTuple(config);
    const row = await turn.load();
    if (!row) return undefined;
    const at = (checkpoint_id: string) => ({ configurable: { thread_id: turn.threadId, checkpoint_ns: "", checkpoint_id } });
    // Checkpoints older than format 4 need the library's migration on load.
    if (row.checkpoint.v < 4) return super.getTuple(at(row.checkpoint_id));
    const [checkpoint, metadata, pendingWrites] = await Promise.all([
      this._loadCheckpoint(row.checkpoint, row.channel_values ?? []),
      this._loadMetadata(row.metadata),
      this._loadWrites(row.pending_writes ?? []),
    ]);
    return {
      config: at(row.checkpoint_id),
      checkpoint,
      metadata,
      parentConfig: row.parent_checkpoint_id ? at(row.parent_checkpoint_id) : undefined,
      pendingWrites,
    };
  }

  override async put(...[config, checkpoint, metadata, newVersions]: Parameters<PostgresSaver["put"]>) {
    if (config.configurable === undefined) throw new Error(`Missing "configurable" field in "config" param`);
    const { thread_id, checkpoint_ns = "", checkpoint_id } = config.configurable;
    const [blobs, dumpedMetadata] = await Promise.all([
      this._dumpBlobs(thread_id, checkpoint_ns, checkpoint.channel_values, newVersions),
      this._dumpMetadata(metadata),
    ]);
    const saved = { configurable: { thread_id, checkpoint_ns, checkpoint_id: checkpoint.id } };
    const turn = turnOf(config);
    if (turn) {
      turn.stageCheckpoint({
        id: checkpoint.id,
        parentId: checkpoint_id ?? null,
        checkpoint: this._dumpCheckpoint(checkpoint),
        metadata: dumpedMetadata,
        blobs: blobs.map((b) => [b[2], b[3], b[4], b[5] ?? null]),
      });
      return saved;
    }
    await this.db.query(PUT_CHECKPOINT_SQL, [
      thread_id,
      checkpoint_ns,
      checkpoint.id,
      checkpoint_id,
      this._dumpCheckpoint(checkpoint),
      dumpedMetadata,
      blobs.map((b) => b[2]),
      blobs.map((b) => b[3]),
      blobs.map((b) => b[4]),
      blobs.map((b) => b[5] ?? null),
    ]);
    return saved;
  }

  override async putWrites(...[config, writes, taskId]: Parameters<PostgresSaver["putWrites"]>) {
    const { thread_id, checkpoint_ns, checkpoint_id } = config.configurable ?? {};
    const rows = await this._dumpWrites(thread_id, checkpoint_ns, checkpoint_id, taskId, writes);
    if (rows.length === 0) return;
    const turn = turnOf(config);
    if (turn) {
      turn.stageWrites({ checkpointId: checkpoint_id, taskId, rows: rows.map((r) => [r[4], r[5], r[6], r[7]]) });
      return;
    }
    // Special channels (error, interrupt, resume…) get negative indexes and replace earlier ones.
    const sql = rows.every((r) => r[4] < 0) ? UPSERT_WRITES_SQL : INSERT_WRITES_SQL;
    await this.db.query(sql, [
      thread_id,
      checkpoint_ns,
      checkpoint_id,
      taskId,
      rows.map((r) => r[4]),
      rows.map((r) => r[5]),
      rows.map((r) => r[6]),
      rows.map((r) => r[7]),
    ]);
  }
}

/** The LangGraph Postgres checkpointer on our pool, with its tables created. */
export async function createPostgresCheckpointer(pool: pg.Pool): Promise<PostgresSaver> {
  const saver = new BatchedPostgresSaver(pool);
  saver.serde = compactSerializer(saver.serde);
  await withStartupLock(pool, () => saver.setup());
  return saver;
}

/** Only for unit tests that do not exercise persistence, and the benchmark's in-process floor. */
export function createMemoryCheckpointer(): MemorySaver {
  const saver = new MemorySaver();
  saver.serde = compactSerializer(saver.serde);
  return saver;
}
