import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "./database.js";
import { createPostgresCheckpointer } from "./checkpointer.js";
import { PostgresThreadRegistry } from "./threads.js";
import { openTestRuntime } from "./testing/runtime.js";

let database: Database;
let threads: PostgresThreadRegistry;

beforeAll(async () => {
  database = await openDatabase({ url: inject("databaseUrl"), dataDir: "", poolSize: 2 });
  await createPostgresCheckpointer(database.pool);
  threads = await PostgresThreadRegistry.create(database.pool, 50);
});
afterAll(() => database.close());

const checkpoint = (threadId: string, id: string) =>
  database.pool.query(
    `insert into checkpoints (thread_id, checkpoint_ns, checkpoint_id, checkpoint, metadata) values ($1, '', $2, '{}', '{}')`,
    [threadId, id],
  );

const checkpointIds = async (threadId: string) =>
  (await database.pool.query<{ checkpoint_id: string }>("select checkpoint_id from checkpoints where thread_id = $1 order by 1", [threadId])).rows.map(
    (r) => r.checkpoint_id,
  );

describe("thread registry on PostgreSQL", () => {
  it("moves the head to the checkpoint a completed turn wrote, and discards what a failed one wrote", async () => {
    const lease = (await threads.create("reg-head"))!;
    await checkpoint("reg-head", "1");
    await expect(threads.release(lease, true)).resolves.toBe("1");

    const failed = await threads.acquire("reg-head");
    expect(failed).toMatchObject({ head: "1" });
    await checkpoint("reg-head", "2");
    await expect(threads.release(failed as never, false)).resolves.toBe("1");
    expect(await checkpointIds("reg-head")).toEqual(["1"]);

    const retry = await threads.acquire("reg-head");
    await checkpoint("reg-head", "3");
    await expect(threads.release(retry as never, true)).resolves.toBe("3");
    await expect(threads.head("reg-head")).resolves.toBe("3");
  });

  it("gives an expired lease to the next turn, discarding what the dead holder wrote", async () => {
    const lease = (await threads.create("reg-crash"))!;
    await checkpoint("reg-crash", "1");
    await threads.release(lease, true);
    const dead = await threads.acquire("reg-crash");
    await checkpoint("reg-crash", "2");
    await expect(threads.acquire("reg-crash")).resolves.toBe("busy");
    await new Promise((resolve) => setTimeout(resolve, 80));

    await expect(threads.acquire("reg-crash")).resolves.toMatchObject({ head: "1" });
    expect(await checkpointIds("reg-crash")).toEqual(["1"]);
    // The dead holder's late release no longer holds the lease and changes nothing.
    await expect(threads.release(dead as never, true)).resolves.toBe("1");
    await expect(threads.head("reg-crash")).resolves.toBe("1");
  });
});

describe("turns after a crash mid-turn", () => {
  it("continue from the last completed turn, not from a checkpoint the crashed turn saved", async () => {
    const runtime = await openTestRuntime(inject("databaseUrl"));
    try {
      const { service } = runtime;
      const start = await service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 3 });
      const first = await service.answer(start.threadId, "First answer: I built a queue in Go because cron lost work; retries fell 90%.");
      const headAfterFirst = await runtime.database.pool.query<{ head: string }>("select head from interview_threads where thread_id = $1", [start.threadId]);
      await service.answer(start.threadId, "Crashed answer: this turn saved its checkpoint, then its process died.");
      // As if that turn's process had died after LangGraph saved its checkpoint: the head was
      // never moved and the lease is still held, now expired.
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
