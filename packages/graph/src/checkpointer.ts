import { MemorySaver, type BaseCheckpointSaver } from "@langchain/langgraph";
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

/** True when a parsed value holds one of the serializer's tagged records (`{ lc: … }`). */
function hasTaggedRecords(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === "object" && hasTaggedRecords(item)) return true;
    return false;
  }
  if ("lc" in value) return true;
  for (const key in value) if (hasTaggedRecords((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * LangGraph's serializer revives every loaded value through an async recursion that creates one
 * promise per array item, so the 1 024 numbers of each CV vector cost ~1 000 promises on every
 * state load. Plain JSON (no tagged records) is returned as parsed, which is what that revival
 * produces for it; anything tagged still goes through the original.
 */
export function withPlainJsonLoads(serde: Serializer): Serializer {
  const decoder = new TextDecoder();
  return {
    dumpsTyped: (value) => serde.dumpsTyped(value),
    loadsTyped: async (type, data) => {
      if (type === "json") {
        const value: unknown = JSON.parse(typeof data === "string" ? data : decoder.decode(data));
        if (!hasTaggedRecords(value)) return value;
      }
      return serde.loadsTyped(type, data);
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

/**
 * PostgresSaver whose `put` stores the checkpoint and its changed channels in one statement. The
 * library sends one INSERT per changed channel inside a transaction: ~20 round trips per turn
 * (bench/RESULTS.md). Same rows, same conflict rules, still atomic.
 */
export class BatchedPostgresSaver extends PostgresSaver {
  constructor(private readonly db: pg.Pool) {
    super(db);
  }

  override async put(...[config, checkpoint, metadata, newVersions]: Parameters<PostgresSaver["put"]>) {
    if (config.configurable === undefined) throw new Error(`Missing "configurable" field in "config" param`);
    const { thread_id, checkpoint_ns = "", checkpoint_id } = config.configurable;
    const [blobs, dumpedMetadata] = await Promise.all([
      this._dumpBlobs(thread_id, checkpoint_ns, checkpoint.channel_values, newVersions),
      this._dumpMetadata(metadata),
    ]);
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
    return { configurable: { thread_id, checkpoint_ns, checkpoint_id: checkpoint.id } };
  }
}

/** The LangGraph Postgres checkpointer on our pool, with its tables created. */
export async function createPostgresCheckpointer(pool: pg.Pool): Promise<PostgresSaver> {
  const saver = new BatchedPostgresSaver(pool);
  saver.serde = withPlainJsonLoads(saver.serde);
  await withStartupLock(pool, () => saver.setup());
  return saver;
}

/** Only for unit tests that do not exercise persistence. */
export function createMemoryCheckpointer(): BaseCheckpointSaver {
  const saver = new MemorySaver();
  saver.serde = withPlainJsonLoads(saver.serde);
  return saver;
}
