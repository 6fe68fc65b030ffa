import { MemorySaver, type CheckpointTuple } from "@langchain/langgraph";
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

/**
 * A checkpoint with its channel values and pending writes, the rows PostgresSaver's own getTuple
 * reads; the caller appends a `where` on `cp`. A turn reads its head with this in the same
 * statement that takes the interview's lease. The values and writes come as JSON arrays with
 * base64 bytes rather than the library's bytea[][], which pg parses a character at a time (about
 * 2 ms of a turn's CPU).
 */
export const SELECT_CHECKPOINT_SQL = `select cp.checkpoint_id, cp.parent_checkpoint_id, cp.checkpoint, cp.metadata,
    (select jsonb_agg(jsonb_build_array(bl.channel, bl.type, encode(bl.blob, 'base64')))
      from jsonb_each_text(cp.checkpoint -> 'channel_versions') v
      join checkpoint_blobs bl on bl.thread_id = cp.thread_id and bl.checkpoint_ns = cp.checkpoint_ns
        and bl.channel = v.key and bl.version = v.value) as channel_values,
    (select jsonb_agg(jsonb_build_array(cw.task_id, cw.channel, cw.type, encode(cw.blob, 'base64')) order by cw.task_id, cw.idx)
      from checkpoint_writes cw
      where cw.thread_id = cp.thread_id and cw.checkpoint_ns = cp.checkpoint_ns and cw.checkpoint_id = cp.checkpoint_id) as pending_writes
  from checkpoints cp`;

export interface CheckpointRow {
  checkpoint_id: string;
  parent_checkpoint_id: string | null;
  checkpoint: Parameters<PostgresSaver["_loadCheckpoint"]>[0] & { v: number };
  metadata: Record<string, unknown>;
  /** channel, type, base64 bytes (null for an emptied channel) */
  channel_values: [string, string, string | null][] | null;
  /** task id, channel, type, base64 bytes */
  pending_writes: [string, string, string, string][] | null;
}

/** The byte arrays PostgresSaver's loaders take, from a CheckpointRow's JSON. */
const utf8 = new TextEncoder();
const fromBase64 = (value: string | null) => (value === null ? new Uint8Array() : Buffer.from(value, "base64"));
const channelValueBytes = (rows: CheckpointRow["channel_values"]): [Uint8Array, Uint8Array, Uint8Array][] =>
  (rows ?? []).map(([channel, type, blob]) => [utf8.encode(channel), utf8.encode(type), fromBase64(blob)]);
const writeBytes = (rows: CheckpointRow["pending_writes"]): [Uint8Array, Uint8Array, Uint8Array, Uint8Array][] =>
  (rows ?? []).map(([task, channel, type, blob]) => [utf8.encode(task), utf8.encode(channel), utf8.encode(type), fromBase64(blob)]);

/** A serialized checkpoint and the channel values it changed, as a turn stages it. */
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
 * How a run takes part in a turn (threads.ts): it starts from the head the turn loaded with its
 * lease, and what it saves is held back by the turn until it commits, so a turn that fails or
 * whose process dies writes nothing.
 */
export interface SaverTurn {
  readonly threadId: string;
  /** The head checkpoint the turn loaded; undefined before an interview's first turn. */
  readonly headRow: CheckpointRow | undefined;
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
 * LangGraph's PostgresSaver, taking part in turns: a run whose config carries a SaverTurn
 * (TURN_KEY) starts from the turn's head and stages what it saves there; every other call
 * (reads of a past state) is the library's own. It serializes with the library's loaders and
 * dumpers, so what a turn commits is exactly what PostgresSaver would have written.
 */
export class TurnAwarePostgresSaver extends PostgresSaver {
  override async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const turn = turnOf(config);
    if (!turn || config.configurable?.checkpoint_id) return super.getTuple(config);
    const row = turn.headRow;
    if (!row) return undefined;
    const at = (checkpoint_id: string) => ({ configurable: { thread_id: turn.threadId, checkpoint_ns: "", checkpoint_id } });
    // Checkpoints older than format 4 need the library's migration on load.
    if (row.checkpoint.v < 4) return super.getTuple(at(row.checkpoint_id));
    const [checkpoint, metadata, pendingWrites] = await Promise.all([
      this._loadCheckpoint(row.checkpoint, channelValueBytes(row.channel_values)),
      this._loadMetadata(row.metadata),
      this._loadWrites(writeBytes(row.pending_writes)),
    ]);
    return {
      config: at(row.checkpoint_id),
      checkpoint,
      metadata,
      parentConfig: row.parent_checkpoint_id ? at(row.parent_checkpoint_id) : undefined,
      pendingWrites,
    };
  }

  override async put(...args: Parameters<PostgresSaver["put"]>) {
    const [config, checkpoint, metadata, newVersions] = args;
    const turn = turnOf(config);
    if (!turn) return super.put(...args);
    const { thread_id, checkpoint_ns = "", checkpoint_id } = config.configurable ?? {};
    const [blobs, dumpedMetadata] = await Promise.all([
      this._dumpBlobs(thread_id, checkpoint_ns, checkpoint.channel_values, newVersions),
      this._dumpMetadata(metadata),
    ]);
    turn.stageCheckpoint({
      id: checkpoint.id,
      parentId: checkpoint_id ?? null,
      checkpoint: this._dumpCheckpoint(checkpoint),
      metadata: dumpedMetadata,
      blobs: blobs.map((b) => [b[2], b[3], b[4], b[5] ?? null]),
    });
    return { configurable: { thread_id, checkpoint_ns, checkpoint_id: checkpoint.id } };
  }

  override async putWrites(...args: Parameters<PostgresSaver["putWrites"]>) {
    const [config, writes, taskId] = args;
    const turn = turnOf(config);
    if (!turn) return super.putWrites(...args);
    const { thread_id, checkpoint_ns, checkpoint_id } = config.configurable ?? {};
    const rows = await this._dumpWrites(thread_id, checkpoint_ns, checkpoint_id, taskId, writes);
    if (rows.length) turn.stageWrites({ checkpointId: checkpoint_id, taskId, rows: rows.map((r) => [r[4], r[5], r[6], r[7]]) });
  }
}

/** The LangGraph Postgres checkpointer on our pool, with its tables created. */
export async function createPostgresCheckpointer(pool: pg.Pool): Promise<TurnAwarePostgresSaver> {
  const saver = new TurnAwarePostgresSaver(pool);
  await withStartupLock(pool, () => saver.setup());
  return saver;
}

/** For unit tests that do not exercise persistence, and the benchmark's in-process floor. */
export function createMemoryCheckpointer(): MemorySaver {
  return new MemorySaver();
}
