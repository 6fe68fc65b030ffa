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

/** The LangGraph Postgres checkpointer on our pool, with its tables created. */
export async function createPostgresCheckpointer(pool: pg.Pool): Promise<PostgresSaver> {
  const saver = new PostgresSaver(pool);
  await withStartupLock(pool, () => saver.setup());
  return saver;
}

/** Only for unit tests that do not exercise persistence. */
export const createMemoryCheckpointer = (): BaseCheckpointSaver => new MemorySaver();
