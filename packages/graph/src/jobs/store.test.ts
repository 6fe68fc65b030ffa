import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "../database.js";
import { migrate } from "../schema.js";
import type { ImportedJob } from "./import/types.js";
import { editJob, jobFromImport, PostgresJobStore, reimportJob, type JobData } from "./store.js";

let database: Database;
let store: PostgresJobStore;

beforeAll(async () => {
  database = await openDatabase({ url: inject("databaseUrl"), dataDir: "", poolSize: 4 });
  await migrate(database.pool);
  store = new PostgresJobStore(database.pool);
});
afterAll(() => database.close());

const manual: JobData = { title: "Backend Engineer", company: "Acme", requirements: ["Go"], skills: [], responsibilities: [], questionType: "technical" };

const posting = (over: Partial<ImportedJob> = {}): ImportedJob => ({
  title: "Senior Backend Engineer",
  company: "Acme Logistics",
  description: "Build the routing platform.",
  requirements: ["PostgreSQL"],
  skills: ["TypeScript"],
  responsibilities: ["Own the Kafka pipelines"],
  location: "Rotterdam",
  sourceUrl: "https://jobs.acme.example/senior-backend",
  fetchedAt: "2025-03-14T09:00:00.000Z",
  ...over,
});

describe("jobs", () => {
  it("are created with an unguessable id and read back, newest first", async () => {
    const first = await store.create(manual);
    const second = await store.create({ ...manual, title: "Data Engineer" });
    expect(first.jobId).toMatch(/^job_[A-Za-z0-9_-]{16}$/);
    expect(first).toMatchObject({ title: "Backend Engineer", company: "Acme", requirements: ["Go"], questionType: "technical" });
    expect(Date.parse(first.createdAt)).not.toBeNaN();
    await expect(store.get(first.jobId)).resolves.toEqual(first);
    await expect(store.get("job_unknown")).resolves.toBeUndefined();
    const ids = (await store.list()).map((j) => j.jobId);
    expect(ids.indexOf(second.jobId)).toBeLessThan(ids.indexOf(first.jobId));
  });

  it("are edited: values set fields, null clears them, and the creation time stays", async () => {
    const job = await store.create(manual);
    const edited = await store.update(job.jobId, (current) => editJob(current, { company: null, requirements: null, location: "Lisbon", maxSteps: 3 }));
    expect(edited).toMatchObject({ jobId: job.jobId, title: "Backend Engineer", requirements: [], location: "Lisbon", maxSteps: 3, createdAt: job.createdAt });
    expect(edited).not.toHaveProperty("company");
    expect(Date.parse(edited!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(job.updatedAt));
    await expect(store.get(job.jobId)).resolves.toEqual(edited);
    await expect(store.update("job_unknown", (j) => j)).resolves.toBeUndefined();
  });

  it("keep both of two concurrent edits", async () => {
    const job = await store.create(manual);
    await Promise.all([
      store.update(job.jobId, (current) => editJob(current, { location: "Lisbon" })),
      store.update(job.jobId, (current) => editJob(current, { salary: "EUR 70,000" })),
    ]);
    expect(await store.get(job.jobId)).toMatchObject({ location: "Lisbon", salary: "EUR 70,000" });
  });

  it("are deleted with their invites", async () => {
    const job = await store.create(manual);
    const { token } = (await store.createInvite(job.jobId))!;
    await expect(store.delete(job.jobId)).resolves.toBe(true);
    await expect(store.get(job.jobId)).resolves.toBeUndefined();
    await expect(store.inspect(token)).resolves.toEqual({ status: "unknown" });
    await expect(store.delete(job.jobId)).resolves.toBe(false);
  });
});

describe("importing a posting again", () => {
  it("refreshes the posting but keeps the interview settings and the fields set by hand", () => {
    const imported = editJob({ ...jobFromImport(posting()), questionType: "system_design", maxSteps: 4 }, { title: "Backend Engineer (routing)", location: null });
    const again = reimportJob(imported, posting({ company: "Acme Group", requirements: ["PostgreSQL", "Kafka"], location: "Amsterdam", fetchedAt: "2025-04-01T00:00:00.000Z" }));
    expect(again).toMatchObject({
      title: "Backend Engineer (routing)",
      company: "Acme Group",
      requirements: ["PostgreSQL", "Kafka"],
      questionType: "system_design",
      maxSteps: 4,
      fetchedAt: "2025-04-01T00:00:00.000Z",
    });
    // Cleared by hand, so the posting's location does not come back.
    expect(again.location).toBeUndefined();
  });
});

describe("invites", () => {
  const digest = (token: string) => createHash("sha256").update(token).digest("hex");

  it("are handed out once as a long random token, of which only the sha256 digest is stored", async () => {
    const job = await store.create(manual);
    const created = (await store.createInvite(job.jobId, { maxUses: 2 }))!;
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.invite).toMatchObject({ jobId: job.jobId, maxUses: 2, uses: 0, expiresAt: null, active: true });
    const { rows } = await database.pool.query("select * from job_invites where invite_id = $1", [created.invite.inviteId]);
    expect(rows[0].token_hash).toBe(digest(created.token));
    expect(JSON.stringify(rows)).not.toContain(created.token);
    await expect(store.createInvite("job_unknown")).resolves.toBeUndefined();
  });

  it("are used up by their last redemption and can be refunded", async () => {
    const job = await store.create(manual);
    const { token, invite } = (await store.createInvite(job.jobId, { maxUses: 2 }))!;
    expect(await store.redeem(token)).toMatchObject({ status: "valid", invite: { uses: 1, active: true } });
    expect(await store.redeem(token)).toMatchObject({ status: "valid", invite: { uses: 2, active: false } });
    expect(await store.redeem(token)).toMatchObject({ status: "used_up", invite: { uses: 2 } });
    await store.refund(invite.inviteId);
    expect(await store.inspect(token)).toMatchObject({ status: "valid", invite: { uses: 1 } });
    expect(await store.listInvites(job.jobId)).toMatchObject([{ inviteId: invite.inviteId, uses: 1, active: true }]);
  });

  it("give exactly one of several concurrent redemptions the last use", async () => {
    const job = await store.create(manual);
    const { token } = (await store.createInvite(job.jobId, { maxUses: 1 }))!;
    const results = await Promise.all(Array.from({ length: 8 }, () => store.redeem(token)));
    expect(results.filter((r) => r.status === "valid")).toHaveLength(1);
    expect(results.filter((r) => r.status === "used_up")).toHaveLength(7);
    expect(await store.inspect(token)).toMatchObject({ invite: { uses: 1 } });
  });

  it("open nothing once expired, revoked, or with a wrong token", async () => {
    const job = await store.create(manual);
    const expired = (await store.createInvite(job.jobId, { expiresAt: new Date(Date.now() - 60_000) }))!;
    expect(await store.redeem(expired.token)).toMatchObject({ status: "expired", invite: { uses: 0, active: false } });
    const revoked = (await store.createInvite(job.jobId))!;
    await expect(store.revokeInvite(job.jobId, revoked.invite.inviteId)).resolves.toBe(true);
    await expect(store.redeem(revoked.token)).resolves.toEqual({ status: "unknown" });
    await expect(store.revokeInvite(job.jobId, revoked.invite.inviteId)).resolves.toBe(false);
    await expect(store.redeem("A".repeat(43))).resolves.toEqual({ status: "unknown" });
    expect((await store.listInvites(job.jobId)).map((i) => i.inviteId)).toEqual([expired.invite.inviteId]);
  });
});
