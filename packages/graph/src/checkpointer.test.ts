import { randomUUID } from "node:crypto";
import * as vitest from "vitest";
import pg from "pg";
import { validate } from "@langchain/langgraph-checkpoint-validation";
import { createPostgresCheckpointer } from "./checkpointer.js";
import { openDatabase, type Database } from "./database.js";

const databaseUrl = vitest.inject("databaseUrl");

// The suite is written against vitest's globals.
Object.assign(globalThis, {
  describe: vitest.describe,
  it: vitest.it,
  expect: vitest.expect,
  beforeAll: vitest.beforeAll,
  afterAll: vitest.afterAll,
  beforeEach: vitest.beforeEach,
  afterEach: vitest.afterEach,
});

/**
 * LangGraph's own conformance suite for checkpoint savers, run against our saver (batched
 * writes, compact serializer, fast bytea[] parsing) on a fresh PostgreSQL database each time.
 */
const databases = new Map<object, { db: Database; name: string }>();

validate({
  checkpointerName: "interview engine PostgreSQL saver",
  async createCheckpointer() {
    const name = `saver_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ url: url.toString(), dataDir: "", poolSize: 4 });
    const saver = await createPostgresCheckpointer(db.pool);
    databases.set(saver, { db, name });
    return saver;
  },
  async destroyCheckpointer(saver) {
    const entry = databases.get(saver)!;
    await entry.db.close();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${entry.name}`);
    await admin.end();
  },
});
