import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { emptyCheckpoint } from "@langchain/langgraph";
import { openDatabase, type Database } from "./database.js";
import { createPostgresCheckpointer, type TurnAwarePostgresSaver } from "./checkpointer.js";
import { migrate } from "./schema.js";
import { isReplay, PostgresThreadRegistry, type Replay, type RequestKey, type Turn } from "./threads.js";
import { PostgresCvStore } from "./cv/cv-store.js";

let database: Database;
let saver: TurnAwarePostgresSaver;
let threads: PostgresThreadRegistry;

beforeAll(async () => {
  database = await openDatabase({ url: inject("databaseUrl"), dataDir: "", poolSize: 4 });
  await migrate(database.pool);
  saver = await createPostgresCheckpointer(database.pool);
  threads = new PostgresThreadRegistry(database.pool, 600);
});
afterAll(() => database.close());

const interview = { role: "candidate", jobTitle: "Engineer", maxSteps: 3 };
const summary = { status: "question", step: 1, maxSteps: 3, overallScore: null, recommendation: null };
const config = (turn: Turn) => ({ configurable: { ...turn.configurable, thread_id: turn.threadId } });
const asTurn = (value: Turn | Replay) => {
  if (isReplay(value)) throw new Error("expected a turn, got a replay");
  return value;
};

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
async function started(threadId: string, key?: RequestKey) {
  const start = asTurn(await threads.create(threadId, interview, key));
  const first = await runTurn(start, "first");
  await start.commit(summary, "start", key);
  return first;
}

const stored = async (threadId: string) => ({
  checkpoints: Number((await database.pool.query("select count(*) from checkpoints where thread_id = $1", [threadId])).rows[0].count),
  head: (await threads.info(threadId))?.head,
  answer: (await saver.getTuple({ configurable: { thread_id: threadId } }))?.checkpoint.channel_values.answer,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("turns on PostgreSQL", () => {
  it("save what the run wrote only on commit, moving the head to it; an abandoned turn saves nothing", async () => {
    const start = asTurn(await threads.create("turn-commit", interview));
    const first = await runTurn(start, "first");
    await expect(stored("turn-commit")).resolves.toEqual({ checkpoints: 0, head: null, answer: undefined });
    await expect(start.commit(summary, "start")).resolves.toBe(first.id);
    await expect(stored("turn-commit")).resolves.toEqual({ checkpoints: 1, head: first.id, answer: "first" });

    const failed = asTurn(await threads.begin("turn-commit"));
    await expect(runTurn(failed, "failed")).resolves.toMatchObject({ loaded: "first" });
    await failed.abandon();
    await expect(stored("turn-commit")).resolves.toEqual({ checkpoints: 1, head: first.id, answer: "first" });

    const retry = asTurn(await threads.begin("turn-commit"));
    const second = await runTurn(retry, "retry");
    expect(second.loaded).toBe("first");
    await expect(retry.commit(summary, "answer")).resolves.toBe(second.id);
    await expect(stored("turn-commit")).resolves.toEqual({ checkpoints: 2, head: second.id, answer: "retry" });
    const pending = await saver.getTuple({ configurable: { thread_id: "turn-commit" } });
    expect(pending?.pendingWrites).toEqual([["task", "__interrupt__", "retry"]]);
  });

  it("give one turn at a time the interview, and refuse unknown ones", async () => {
    await started("turn-busy");
    const holder = asTurn(await threads.begin("turn-busy"));
    await runTurn(holder, "holder");
    await expect(threads.begin("turn-busy")).rejects.toMatchObject({ code: "turn_in_progress" });
    await expect(threads.erase("turn-busy")).rejects.toMatchObject({ code: "turn_in_progress" });
    await holder.commit(summary, "answer");
    await expect(threads.begin("turn-unknown")).rejects.toMatchObject({ code: "not_found" });
    await expect(threads.erase("turn-unknown")).rejects.toMatchObject({ code: "not_found" });
  });

  it("keep a slow turn's lease alive while it runs, well past the lease time", async () => {
    await started("turn-slow");
    const slow = asTurn(await threads.begin("turn-slow"));
    await runTurn(slow, "slow");
    await sleep(1_800); // three lease times
    await expect(threads.begin("turn-slow")).rejects.toMatchObject({ code: "turn_in_progress" });
    await slow.commit(summary, "answer");
    await expect(stored("turn-slow")).resolves.toMatchObject({ answer: "slow" });
  });

  it("free an interview whose writer died within one lease time; its turn had saved nothing", async () => {
    const first = await started("turn-dead");
    // As a process that died mid-turn leaves it: a lease that nobody renews.
    await database.pool.query("update interview_threads set lease_owner = 'dead', lease_expires_at = now() + interval '600 milliseconds' where thread_id = $1", ["turn-dead"]);
    await expect(threads.begin("turn-dead")).rejects.toMatchObject({ code: "turn_in_progress" });
    await sleep(700);
    const next = asTurn(await threads.begin("turn-dead"));
    await expect(runTurn(next, "next")).resolves.toMatchObject({ loaded: "first" });
    await next.commit(summary, "answer");
    await expect(stored("turn-dead")).resolves.toMatchObject({ checkpoints: 2, answer: "next" });
    expect((await threads.info("turn-dead"))!.head).not.toBe(first.id);
  });

  it("refuse the commit of a turn that lost its lease, which then saves nothing", async () => {
    const first = await started("turn-lost");
    const lost = asTurn(await threads.begin("turn-lost"));
    await runTurn(lost, "lost");
    await database.pool.query("update interview_threads set lease_owner = 'other' where thread_id = $1", ["turn-lost"]);
    await sleep(300); // the heartbeat notices
    expect(lost.signal.aborted).toBe(true);
    await expect(lost.commit(summary, "answer")).rejects.toMatchObject({ code: "turn_in_progress" });
    await database.pool.query("update interview_threads set lease_owner = null where thread_id = $1", ["turn-lost"]);
    await expect(stored("turn-lost")).resolves.toEqual({ checkpoints: 1, head: first.id, answer: "first" });
  });
});

describe("starts", () => {
  it("refuse a taken id, but take over one whose start died before committing", async () => {
    await started("start-taken");
    await expect(threads.create("start-taken", interview)).rejects.toMatchObject({ code: "thread_exists" });

    const dying = asTurn(await threads.create("start-dead", interview));
    await new PostgresCvStore(database.pool).save("start-dead", "cv-1", [{ text: "Kafka at Parcelly", vector: [1, 0] }]);
    void dying;
    await database.pool.query("update interview_threads set lease_owner = 'dead', lease_expires_at = now() - interval '1 second' where thread_id = $1", ["start-dead"]);
    const again = asTurn(await threads.create("start-dead", interview));
    const leftover = await database.pool.query("select count(*)::int as n from interview_cv_chunks where thread_id = $1", ["start-dead"]);
    expect(leftover.rows[0].n).toBe(0);
    await runTurn(again, "first");
    await again.commit(summary, "start");
    await expect(stored("start-dead")).resolves.toMatchObject({ checkpoints: 1, answer: "first" });
  });

  it("that fail take their interview with them", async () => {
    const failed = asTurn(await threads.create("start-failed", interview));
    await runTurn(failed, "never");
    await failed.abandon();
    await expect(threads.info("start-failed")).resolves.toBeUndefined();
    await started("start-failed");
  });
});

describe("idempotency keys", () => {
  const key = (k: string, fingerprint = "body-1"): RequestKey => ({ principal: "team", key: k, fingerprint });

  it("replay a committed answer instead of running another turn, and refuse the key with another body", async () => {
    await started("key-answer");
    const turn = asTurn(await threads.begin("key-answer", key("answer-1")));
    const answered = await runTurn(turn, "answered");
    await turn.commit(summary, "answer", key("answer-1"));
    await expect(threads.begin("key-answer", key("answer-1"))).resolves.toEqual({ threadId: "key-answer", head: answered.id, kind: "answer" });
    await expect(threads.begin("key-answer", key("answer-1", "body-2"))).rejects.toMatchObject({ code: "idempotency_mismatch" });
    // A new key is a new answer.
    const next = asTurn(await threads.begin("key-answer", key("answer-2")));
    await expect(runTurn(next, "next")).resolves.toMatchObject({ loaded: "answered" });
    await next.abandon();
  });

  it("do not record the key of a turn that failed, so the same request can run again", async () => {
    await started("key-failed");
    const failed = asTurn(await threads.begin("key-failed", key("failed-1")));
    await failed.abandon();
    expect(isReplay(await threads.begin("key-failed", key("failed-1")))).toBe(false);
  });

  it("replay a start, refuse its key while it runs, and free it when its start died", async () => {
    const first = await started("key-start", key("start-1"));
    await expect(threads.create("another-id", interview, key("start-1"))).resolves.toEqual({ threadId: "key-start", head: first.id, kind: "start" });
    await expect(threads.create("another-id", interview, key("start-1", "body-2"))).rejects.toMatchObject({ code: "idempotency_mismatch" });

    const running = asTurn(await threads.create("key-running", interview, key("start-2")));
    await expect(threads.create("key-running-2", interview, key("start-2"))).rejects.toMatchObject({ code: "idempotency_in_progress" });
    void running;
    await database.pool.query("update interview_threads set lease_owner = 'dead', lease_expires_at = now() - interval '1 second' where thread_id = $1", ["key-running"]);
    const retried = await threads.create("key-running-2", interview, key("start-2"));
    expect(isReplay(retried)).toBe(false);
    await expect(threads.info("key-running")).resolves.toBeUndefined();
    await (retried as Turn).abandon();
  });

  it("are erased with their interview", async () => {
    await started("key-erased", key("erase-1"));
    await threads.erase("key-erased");
    const left = await database.pool.query("select count(*)::int as n from interview_request_keys where thread_id = $1", ["key-erased"]);
    expect(left.rows[0].n).toBe(0);
  });
});

describe("erasing", () => {
  it("removes the checkpoints, CV passages, audio, keys and the interview in one go", async () => {
    await started("erase-all", { principal: "team", key: "erase-all", fingerprint: "x" });
    await new PostgresCvStore(database.pool).save("erase-all", "cv-1", [{ text: "Kafka at Parcelly", vector: [1, 0] }]);
    await database.pool.query("insert into interview_audio (thread_id, message_id, mime_type, data) values ($1, 'q1', 'audio/mpeg', '\\x00')", ["erase-all"]);
    await threads.erase("erase-all");
    const counts = await database.pool.query(
      `select (select count(*) from checkpoints where thread_id = $1) + (select count(*) from checkpoint_blobs where thread_id = $1)
        + (select count(*) from checkpoint_writes where thread_id = $1) + (select count(*) from interview_cv_chunks where thread_id = $1)
        + (select count(*) from interview_audio where thread_id = $1) + (select count(*) from interview_request_keys where thread_id = $1)
        + (select count(*) from interview_threads where thread_id = $1) as n`,
      ["erase-all"],
    );
    expect(Number(counts.rows[0].n)).toBe(0);
  });
});
