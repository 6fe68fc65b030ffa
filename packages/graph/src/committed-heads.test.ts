import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SELECT_CHECKPOINT_SQL, type CheckpointRow } from "./checkpointer.js";
import { CommittedHeads, jsonbText } from "./committed-heads.js";
import { openDatabase, type Database } from "./database.js";
import { openTestRuntime } from "./testing/runtime.js";
import type { PostgresThreadRegistry } from "./threads.js";

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ url: inject("databaseUrl"), dataDir: "", poolSize: 4 });
});
afterAll(() => database.close());

const fromDatabase = async (threadId: string, id: string) =>
  (await database.pool.query<CheckpointRow>(`${SELECT_CHECKPOINT_SQL} where cp.thread_id = $1 and cp.checkpoint_ns = '' and cp.checkpoint_id = $2`, [threadId, id]))
    .rows[0]!;

/** A row as LangGraph sees it: emptied channels are dropped on load, bytes compared as bytes. */
const comparable = (row: CheckpointRow) => ({
  ...row,
  channel_values: (row.channel_values ?? [])
    .map((parts) => parts.map((p) => Buffer.from(p).toString("hex")))
    .filter(([, type]) => type !== Buffer.from("empty").toString("hex"))
    .sort(),
  pending_writes: (row.pending_writes ?? []).map((parts) => parts.map((p) => Buffer.from(p).toString("hex"))),
});

describe("committed heads", () => {
  it("serve each turn's state exactly as the database returns it, in jsonb's key order", async () => {
    const runtime = await openTestRuntime(inject("databaseUrl"), { database });
    const heads = ((runtime.service as unknown as { deps: { threads: PostgresThreadRegistry } }).deps.threads).heads;
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 3, cvText: "Go and Kubernetes at Acme. Built a queue." });
    let view = start;
    for (let turn = 0; turn < 12 && view.status !== "completed"; turn++) {
      const head = heads.idOf(start.threadId)!;
      expect(head).toBe(await runtime.service["deps"].threads.head(start.threadId));
      const held = heads.row(start.threadId, head)!;
      const stored = await fromDatabase(start.threadId, head);
      expect(comparable(held)).toEqual(comparable(stored));
      expect(Object.keys(held.checkpoint)).toEqual(Object.keys(stored.checkpoint));
      expect(Object.keys(held.checkpoint.channel_versions)).toEqual(Object.keys(stored.checkpoint.channel_versions));
      view = await runtime.service.answer(start.threadId, `Answer ${turn}: I sharded the queue by tenant because p99 was 2 s; it fell to 200 ms.`);
    }
    expect(view.status).toBe("completed");
    await runtime.service.delete(start.threadId);
    expect(heads.idOf(start.threadId)).toBeNull();
  });

  it("let another process continue an interview, then pick up the state it committed", async () => {
    const [a, b] = await Promise.all([openTestRuntime(inject("databaseUrl"), { database }), openTestRuntime(inject("databaseUrl"), { database })]);
    const start = await a.service.start({ jobTitle: "Engineer", questionType: "behavioral", maxSteps: 4 });
    const texts: string[] = [];
    let view = start;
    for (let n = 0; n < 12 && view.status !== "completed"; n++) {
      texts.push(`Answer ${n}: I led the migration because deploys took 40 minutes; they now take 6.`);
      view = await [a, b][n % 2]!.service.answer(start.threadId, texts[n]!);
      expect(view.state.answers.map((x) => x.text)).toEqual(texts);
    }
    expect(view.status).toBe("completed");
  });

  it("stop being trusted for speculative turns when other processes often move interviews on", () => {
    const heads = new CommittedHeads();
    expect(heads.usuallyCurrent()).toBe(true);
    heads.observe(false);
    expect(heads.usuallyCurrent()).toBe(true);
    for (let n = 0; n < 4; n++) heads.observe(n % 2 === 0);
    expect(heads.usuallyCurrent()).toBe(false);
    for (let n = 0; n < 10; n++) heads.observe(true);
    expect(heads.usuallyCurrent()).toBe(true);
  });

  it("writes JSON in jsonb's key order and drops the least recently used beyond its budget", async () => {
    const value = { bb: 1, a: { zz: [1, { y: 2, x: 1 }], c: null }, é: 2, ccc: "x" };
    const { rows } = await database.pool.query<{ text: string }>("select $1::jsonb::text as text", [JSON.stringify(value)]);
    expect(jsonbText(value)).toBe(JSON.stringify(JSON.parse(rows[0]!.text)));

    const heads = new CommittedHeads(5_000);
    const saved = (id: string) => ({ id, parentId: null, checkpoint: { channel_versions: { x: "1" } }, metadata: {}, blobs: [["x", "1", "json", Buffer.alloc(2_000)]] as [string, string, string, Buffer][] });
    heads.hold("t1", CommittedHeads.prepare(undefined, saved("1"), []));
    heads.hold("t2", CommittedHeads.prepare(undefined, saved("2"), []));
    expect(heads.row("t1", "1")).toBeDefined();
    heads.hold("t3", CommittedHeads.prepare(undefined, saved("3"), []));
    expect([heads.idOf("t1"), heads.idOf("t2"), heads.idOf("t3")]).toEqual(["1", null, "3"]);
  });
});
