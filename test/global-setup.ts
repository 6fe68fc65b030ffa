import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase, type Database } from "../packages/graph/src/database.js";

/**
 * One real PostgreSQL for the whole run: the embedded server, exactly as users get it, or
 * TEST_DATABASE_URL when a developer wants to point the suite at their own.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("databaseUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "interview-test-pg-"));
  // As root, PostgreSQL runs as its own user, which must be able to enter the folder.
  chmodSync(dir, 0o755);
  const database: Database = await openDatabase({ dataDir: dir, poolSize: 1 });
  const { rows } = await database.pool.query<{ port: string }>("show port");
  project.provide("databaseUrl", `postgres://postgres:interview@127.0.0.1:${rows[0]!.port}/postgres`);
  return async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
