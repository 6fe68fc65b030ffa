import type { Pool } from "pg";

/**
 * Creates an unlogged table (no WAL: for state a crash may lose, such as counters and tickets) and
 * an index on its expiry column, if they do not exist. Two sessions racing `create table if not
 * exists` can both miss the table, and the loser then fails on a catalog unique index; the
 * advisory lock makes concurrent starts take turns. `table` and `columns` must be trusted text.
 */
export async function createUnloggedTable(pool: Pool, table: string, columns: string, expiresColumn: string): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("begin");
    await client.query("select pg_advisory_xact_lock(hashtext($1))", [`interview-api:${table}`]);
    await client.query(`create unlogged table if not exists "${table}" (${columns})`);
    await client.query(`create index if not exists "${table}_${expiresColumn}" on "${table}" (${expiresColumn})`);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
