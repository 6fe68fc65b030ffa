import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { emptyCheckpoint, type BaseCheckpointSaver } from "@langchain/langgraph";
import { openDatabase, type Database } from "./database.js";
import { createPostgresCheckpointer } from "./checkpointer.js";
import { PostgresThreadRegistry, type Turn } from "./threads.js";
import { openTestRuntime } from "./testing/runtime.js";

let database: Database;
let saver: BaseCheckpointSaver;
let threads: PostgresThreadRegistry;

beforeAll(async () => {
  database = await openDatabase({ url: inject("databaseUrl"), dataDir: "", poolSize: 2 });
  saver = await createPostgresCheckpointer(database.pool);
  threads = await PostgresThreadRegistry.create(database.pool, 50);
});
afterAll(() => database.close());

const config = (turn: Turn) => ({ configurable: { ...turn.configurable, thread_id: turn.threadId } });

/** What a graph run does through the saver: load the state, then save a checkpoint and a pending write. */
async function runTurn(turn: Turn, value: string) {
  const saved = await saver.getTuple(config(turn));
  const checkpoint = { ...emptyCheckpoint(), channel_values: { answer: value }, channel_versions: { answer: `${value}.v` } };
  const parent = saved ? { configurable: { ...config(turn).configurable, checkpoint_id: saved.checkpoint.id } } : config(turn);
  const next = await saver.put(parent, checkpoint, { source: "loop", step: 1, parents: {} }, { answer: `${value}.v` });
  await saver.putWrites({ configurable: { ...parent.configurable, checkpoint_id: next.configurable!.checkpoint_id } }, [["__interrupt__", value]], "task");
  return { loaded: saved?.checkpoint.channel_values.answer, id: checkpoint.id };
}

/** A new interview whose first turn saved "first" and committed. */
async function started(threadId: string) {
  const start = (await threads.create(threadId))!;
  const first = await runTurn(start, "first");
  await start.commit();
  return first;
}

const stored = async (threadId: string) => ({
  checkpoints: Number((await database.pool.query("select count(*) from checkpoints where thread_id = $1", [threadId])).rows[0].count),
  head: await threads.head(threadId),
  answer: (await saver.getTuple({ configurable: { thread_id: threadId } }))?.checkpoint.channel_values.answer,
});

describe("turns on PostgreSQL", () => {
  it("save what the run wrote only on commit, moving the head to it; an abandoned turn saves nothing", async () => {
    const start = (await threads.create("turn-commit"))!;
    const first = await runTurn(start, "first");
    await expect(stored("turn-commit")).resolves.toEqual({ checkpoints: 0, head: null, answer: undefined });
    await expect(start.commit()).resolves.toBe(first.id);
    await expect(stored("turn-commit")).resolves.toEqual({ checkpoints: 1, head: first.id, answer: "first" });

    const failed = await threads.begin("turn-commit");
    await expect(runTurn(failed, "failed")).resolves.toMatchObject({ loaded: "first" });
    await failed.abandon();
    await expect(stored("turn-commit")).resolves.toEqual({ checkpoints: 1, head: first.id, answer: "first" });

    const retry = await threads.begin("turn-commit");
    const second = await runTurn(retry, "retry");
    expect(second.loaded).toBe("first");
    expect(retry.head).toBe(first.id);
    await expect(retry.commit()).resolves.toBe(second.id);
    await expect(stored("turn-commit")).resolves.toEqual({ checkpoints: 2, head: second.id, answer: "retry" });
    const pending = await saver.getTuple({ configurable: { thread_id: "turn-commit" } });
    expect(pending?.pendingWrites).toEqual([["task", "__interrupt__", "retry"]]);
  });

  it("give one turn at a time the interview, and refuse unknown ones", async () => {
    await started("turn-busy");
    const holder = await threads.begin("turn-busy");
    await runTurn(holder, "holder");
    const other = await threads.begin("turn-busy");
    await expect(saver.getTuple(config(other))).rejects.toMatchObject({ code: "turn_in_progress" });
    await expect(threads.lock("turn-busy")).rejects.toMatchObject({ code: "turn_in_progress" });
    await holder.commit();
    const unknown = await threads.begin("turn-unknown");
    await expect(saver.getTuple(config(unknown))).rejects.toMatchObject({ code: "not_found" });
    await expect(threads.lock("turn-unknown")).rejects.toMatchObject({ code: "not_found" });
  });

  it("give an expired lease to the next turn; the late turn's commit is refused and saves nothing", async () => {
    const first = await started("turn-late");
    const late = await threads.begin("turn-late");
    await runTurn(late, "late");
    await new Promise((resolve) => setTimeout(resolve, 80));

    const next = await threads.begin("turn-late");
    await expect(runTurn(next, "next")).resolves.toMatchObject({ loaded: "first" });
    await expect(late.commit()).rejects.toMatchObject({ code: "turn_in_progress" });
    await expect(stored("turn-late")).resolves.toEqual({ checkpoints: 1, head: first.id, answer: "first" });
    await next.commit();
    await expect(stored("turn-late")).resolves.toMatchObject({ checkpoints: 2, answer: "next" });
  });
});

describe("speculative turns", () => {
  const leaseStatements = (pool: Database["pool"], delayMs: number) => {
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    const state = { settled: 0 };
    (pool as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const text = typeof args[0] === "string" ? args[0] : "";
      if (!text.startsWith("with lease as (update")) return query(...args);
      return new Promise((resolve) => setTimeout(resolve, delayMs)).then(() => query(...args)).finally(() => state.settled++);
    };
    return { state, restore: () => ((pool as unknown as { query: unknown }).query = query) };
  };

  it("run from the state this process committed while the lease is taken, and commit once it is granted", async () => {
    await started("spec-overlap");
    const slow = leaseStatements(database.pool, 100);
    try {
      const turn = await threads.begin("spec-overlap", { speculative: true });
      await expect(runTurn(turn, "second")).resolves.toMatchObject({ loaded: "first" });
      expect(slow.state.settled).toBe(0);
      await expect(turn.confirm()).resolves.toBe(true);
      expect(slow.state.settled).toBe(1);
      await turn.commit();
    } finally {
      slow.restore();
    }
    await expect(stored("spec-overlap")).resolves.toMatchObject({ checkpoints: 2, answer: "second" });
  });

  it("are refused when another turn holds the interview, and save nothing", async () => {
    await started("spec-busy");
    const holder = await threads.begin("spec-busy");
    await runTurn(holder, "holder");
    const turn = await threads.begin("spec-busy", { speculative: true });
    await expect(runTurn(turn, "speculated")).resolves.toMatchObject({ loaded: "first" });
    await expect(turn.confirm()).rejects.toMatchObject({ code: "turn_in_progress" });
    await turn.abandon();
    await holder.commit();
    await expect(stored("spec-busy")).resolves.toMatchObject({ checkpoints: 2, answer: "holder" });
  });

  it("run again from the current state when another process moved the interview on", async () => {
    const other = await PostgresThreadRegistry.create(database.pool, 50);
    await started("spec-stale");
    const elsewhere = await other.begin("spec-stale");
    await runTurn(elsewhere, "elsewhere");
    await elsewhere.commit();

    const turn = await threads.begin("spec-stale", { speculative: true });
    await expect(runTurn(turn, "stale")).resolves.toMatchObject({ loaded: "first" });
    await expect(turn.confirm()).resolves.toBe(false);
    await expect(runTurn(turn, "again")).resolves.toMatchObject({ loaded: "elsewhere" });
    await turn.commit();
    await expect(stored("spec-stale")).resolves.toMatchObject({ checkpoints: 3, answer: "again" });
  });
});

describe("turns after a crash mid-turn", () => {
  // Turns save nothing until they commit; a checkpoint after the head can only have been left by
  // an interrupted turn of an engine that saved as it ran.
  it("continue from the last completed turn, not from a checkpoint saved after it", async () => {
    const runtime = await openTestRuntime(inject("databaseUrl"));
    try {
      const { service } = runtime;
      const start = await service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 3 });
      const first = await service.answer(start.threadId, "First answer: I built a queue in Go because cron lost work; retries fell 90%.");
      const headAfterFirst = await runtime.database.pool.query<{ head: string }>("select head from interview_threads where thread_id = $1", [start.threadId]);
      await service.answer(start.threadId, "Crashed answer: this turn saved its checkpoint, then its process died.");
      // As if that turn had saved its checkpoint as it ran and its process had then died: the
      // head was never moved and the lease is still held, now expired.
      await runtime.database.pool.query(
        `update interview_threads set head = $2, lease_owner = 'dead', lease_expires_at = now() - interval '1 second'
         where thread_id = $1`,
        [start.threadId, headAfterFirst.rows[0]!.head],
      );

      const second = await service.answer(start.threadId, "Second answer: I measured first, then sharded by tenant; p99 went from 2 s to 200 ms.");
      expect(second.state.answers.map((a) => a.text.split(":")[0])).toEqual(["First answer", "Second answer"]);
      expect(second.state.questions.length).toBeGreaterThan(first.state.questions.length);
      const third = await service.answer(start.threadId, "Third answer: I led 4 people because the deadline was fixed, and we shipped in 6 weeks.");
      expect(third.state.answers.map((a) => a.text.split(":")[0])).toEqual(["First answer", "Second answer", "Third answer"]);
      await expect(service.get(start.threadId)).resolves.toMatchObject({ currentStep: third.currentStep });
    } finally {
      await runtime.close();
    }
  });
});

describe("a commit that fails", () => {
  it("frees the interview at once and saves nothing, so the answer can be sent again", async () => {
    const runtime = await openTestRuntime(inject("databaseUrl"));
    try {
      const { service } = runtime;
      const pool = runtime.database.pool;
      const start = await service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 3 });
      const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
      let failNextCommit = true;
      (pool as unknown as { query: unknown }).query = (...args: unknown[]) => {
        const text = typeof args[0] === "string" ? args[0] : "";
        if (failNextCommit && text.includes("set head = coalesce")) {
          failNextCommit = false;
          return Promise.reject(new Error("connection terminated unexpectedly"));
        }
        return query(...args);
      };
      await expect(service.answer(start.threadId, "Lost answer: the database went away as it was saved.")).rejects.toThrow(/connection terminated/);
      const retried = await service.answer(start.threadId, "Kept answer: I profiled first, then cached the hot query; p95 fell from 900 to 120 ms.");
      expect(retried.state.answers.map((a) => a.text.split(":")[0])).toEqual(["Kept answer"]);
      await expect(service.get(start.threadId)).resolves.toMatchObject({ currentStep: retried.currentStep });
    } finally {
      await runtime.close();
    }
  });
});
