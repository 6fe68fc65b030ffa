import { randomUUID } from "node:crypto";
import * as vitest from "vitest";
import pg from "pg";
import type { RunnableConfig } from "@langchain/core/runnables";
import { validate } from "@langchain/langgraph-checkpoint-validation";
import { createPostgresCheckpointer, TurnAwarePostgresSaver } from "./checkpointer.js";
import { openDatabase, type Database } from "./database.js";
import { ERASE_INTERVIEW_SQL, migrate } from "./schema.js";
import { isReplay, PostgresThreadRegistry, type Turn } from "./threads.js";

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

const summary = { status: "question", step: 1, maxSteps: 1, overallScore: null, recommendation: null };

/**
 * The saver as production drives it: every root-namespace write is staged in a turn and written
 * by the turn's commit statement (threads.ts), and a read of a thread's latest state goes through
 * the statement a turn loads its head with. Other namespaces and reads of a given checkpoint are
 * the library's, as in production.
 */
class ThroughTurns extends TurnAwarePostgresSaver {
  constructor(
    pool: pg.Pool,
    private readonly threads: PostgresThreadRegistry,
    private readonly db: pg.Pool,
  ) {
    super(pool);
  }

  /** A turn on the thread: its first (which creates it), or one holding its lease. */
  private async turnFor(threadId: string): Promise<Turn> {
    const info = await this.threads.info(threadId);
    if (!info) {
      const created = await this.threads.create(threadId, { role: "candidate", jobTitle: "suite", maxSteps: 1 });
      if (isReplay(created)) throw new Error("unexpected replay");
      return created;
    }
    // A thread whose writes came before any checkpoint has no head yet: give it its first turn again.
    if (info.head === null) {
      await this.db.query("delete from interview_threads where thread_id = $1", [threadId]);
      return this.turnFor(threadId);
    }
    const begun = await this.threads.begin(threadId);
    if (isReplay(begun)) throw new Error("unexpected replay");
    return begun;
  }

  private inTurn(config: RunnableConfig, turn: Turn): RunnableConfig {
    return { ...config, configurable: { ...config.configurable, ...turn.configurable } };
  }

  private isRoot(config: RunnableConfig) {
    return (config.configurable?.checkpoint_ns ?? "") === "";
  }

  override async put(...[config, checkpoint, metadata, versions]: Parameters<TurnAwarePostgresSaver["put"]>) {
    if (!this.isRoot(config)) return super.put(config, checkpoint, metadata, versions);
    const turn = await this.turnFor(config.configurable!.thread_id);
    const saved = await super.put(this.inTurn(config, turn), checkpoint, metadata, versions);
    await turn.commit(summary, "answer");
    return saved;
  }

  override async putWrites(...[config, writes, taskId]: Parameters<TurnAwarePostgresSaver["putWrites"]>) {
    if (!this.isRoot(config)) return super.putWrites(config, writes, taskId);
    const turn = await this.turnFor(config.configurable!.thread_id);
    await super.putWrites(this.inTurn(config, turn), writes, taskId);
    await turn.commit(summary, "answer");
  }

  /** Erasing is production's statement, which also removes the interview's row. */
  override async deleteThread(threadId: string) {
    await this.db.query(ERASE_INTERVIEW_SQL, [threadId, null]);
  }

  override async getTuple(config: RunnableConfig) {
    if (!this.isRoot(config) || config.configurable?.checkpoint_id) return super.getTuple(config);
    const info = await this.threads.info(config.configurable!.thread_id);
    if (!info?.head) return super.getTuple(config);
    const turn = await this.threads.begin(config.configurable!.thread_id);
    if (isReplay(turn)) throw new Error("unexpected replay");
    try {
      return await super.getTuple(this.inTurn(config, turn));
    } finally {
      await turn.abandon();
    }
  }
}

const databases = new Map<object, { db: Database; name: string }>();

validate({
  checkpointerName: "interview engine PostgreSQL saver, through turns",
  async createCheckpointer() {
    const name = `saver_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ url: url.toString(), dataDir: "", poolSize: 4 });
    await migrate(db.pool);
    await createPostgresCheckpointer(db.pool);
    const saver = new ThroughTurns(db.pool, new PostgresThreadRegistry(db.pool, 10_000), db.pool);
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
