import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { openTestRuntime } from "@interview/graph/testing";
import { PostgresJobStore } from "@interview/graph";
import { jobPages, startJobSite, type JobSite } from "@interview/graph/testing";
const { ACME_JOB_PAGE } = jobPages;
import { createApp } from "../app.js";
import { createLogger } from "../logger.js";
import { json, LogCapture, testSettings } from "../testing/test-app.js";
import { interviewBrief, jobDirectory, jobRoutes, type JobRouteOptions } from "./jobs.js";
import { inviteRoutes } from "./invites.js";
import { listRoutes } from "./list.js";

const databaseUrl = inject("databaseUrl");

let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
let store: PostgresJobStore;
let site: JobSite;
const logs = new LogCapture();

const appWith = (options: JobRouteOptions) =>
  createApp({
    service: runtime.service,
    logger: createLogger("info", logs),
    settings: testSettings,
    jobs: jobDirectory(store),
    routes: [jobRoutes(store, options), inviteRoutes(store), listRoutes(store)],
  });
let app: ReturnType<typeof appWith>;

beforeAll(async () => {
  runtime = await openTestRuntime(databaseUrl);
  store = new PostgresJobStore(runtime.database.pool);
  site = await startJobSite();
  // Loopback pages only, so private addresses are allowed; short limits keep the slow and large pages quick.
  app = appWith({ allowPrivate: true, importLimits: { timeoutMs: 1_500, maxBytes: 512 * 1024 } });
});
afterAll(async () => {
  await site.close();
  await runtime.close();
});
beforeEach(() => {
  site.requests.length = 0;
});

type Body = Record<string, any>;
const send = async (path: string, init?: RequestInit, on = app) => {
  const res = await on.request(path, init);
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as Body };
};
const patch = (body: unknown) => ({ method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const createJob = async (body: unknown) => {
  const res = await send("/jobs", json(body));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

describe("jobs typed in", () => {
  it("are created, read, listed newest first, changed and deleted", async () => {
    const first = await createJob({ job_title: "Backend Engineer", company_name: "Acme", requirements: ["Go", " ", "PostgreSQL"], question_type: "technical", max_step: 4 });
    expect(first).toMatchObject({ job_title: "Backend Engineer", company_name: "Acme", requirements: ["Go", "PostgreSQL"], skills: [], responsibilities: [], question_type: "technical", max_step: 4 });
    expect(first.job_id).toMatch(/^job_[A-Za-z0-9_-]{16}$/);
    expect(first).not.toHaveProperty("source_url");
    const second = await createJob({ job_title: "Data Engineer" });

    expect(await send(`/jobs/${first.job_id}`)).toEqual({ status: 200, body: first });
    const ids = (await send("/jobs")).body.jobs.map((j: Body) => j.job_id);
    expect(ids.indexOf(second.job_id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(second.job_id)).toBeLessThan(ids.indexOf(first.job_id));

    const changed = await send(`/jobs/${first.job_id}`, patch({ company_name: null, requirements: null, location: "Lisbon", max_step: 2, question_style: "follow_up" }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ job_title: "Backend Engineer", requirements: [], location: "Lisbon", max_step: 2, question_style: "follow_up", created_at: first.created_at });
    expect(changed.body).not.toHaveProperty("company_name");
    expect((await send(`/jobs/${first.job_id}`)).body).toEqual(changed.body);

    expect((await send(`/jobs/${first.job_id}`, { method: "DELETE" })).status).toBe(204);
    expect((await send(`/jobs/${first.job_id}`)).status).toBe(404);
    expect((await send(`/jobs/${first.job_id}`, { method: "DELETE" })).body.error.code).toBe("not_found");
    expect((await send(`/jobs/${first.job_id}`, patch({ location: "Porto" }))).status).toBe(404);
  });

  it("refuses a job without a title, a title cleared, and settings out of range", async () => {
    for (const [path, init] of [
      ["/jobs", json({ company_name: "Acme" })],
      ["/jobs", json({ job_title: "X", question_type: "astrology" })],
      ["/jobs", json({ job_title: "X", max_step: 21 })],
      ["/jobs", json({ job_title: "X", requirements: "Go" })],
    ] as const) {
      const res = await send(path, init);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
    }
    expect((await send("/jobs", json({ company_name: "Acme" }))).body.error.message).toMatch(/^job_title: required unless url is given/);
    const job = await createJob({ job_title: "Backend Engineer" });
    const cleared = await send(`/jobs/${job.job_id}`, patch({ job_title: null }));
    expect(cleared.status).toBe(400);
    expect((await send(`/jobs/${job.job_id}`)).body.job_title).toBe("Backend Engineer");
  });
});

describe("jobs imported from a posting", () => {
  it("reads a page with JobPosting structured data", async () => {
    const job = await createJob({ url: `${site.url}/jobs/senior-backend-engineer` });
    expect(job).toMatchObject({
      job_title: "Senior Backend Engineer",
      company_name: "Acme Logistics",
      location: "Rotterdam, South Holland, NL",
      salary: "EUR 70,000–90,000 per year",
      date_posted: "2025-03-14",
      source_url: `${site.url}/jobs/senior-backend-engineer`,
    });
    expect(job.requirements).toContain("Deep knowledge of PostgreSQL");
    expect(job.job_description).toContain("Acme Logistics runs the platform");
    expect(Date.parse(job.fetched_at)).not.toBeNaN();
  });

  it("reads a page with only readable text", async () => {
    const job = await createJob({ url: `${site.url}/jobs/data-engineer` });
    expect(job).toMatchObject({ job_title: "Data Engineer", company_name: "Northwind" });
    expect(job.responsibilities).toContain("Model our warehouse in dbt on BigQuery");
  });

  it("follows redirects and keeps the address the posting was found at", async () => {
    const job = await createJob({ url: `${site.url}/redirect/start`, allow_duplicate: true });
    expect(job.job_title).toBe("Senior Backend Engineer");
    expect(job.source_url).toBe(`${site.url}/jobs/senior-backend-engineer`);
    expect(site.requests).toEqual(["/redirect/start", "/redirect/middle", "/jobs/senior-backend-engineer"]);
  });

  it("lets fields given beside the url override the posting", async () => {
    const job = await createJob({ url: `${site.url}/jobs/senior-backend-engineer`, allow_duplicate: true, job_title: "Backend Engineer (Routing)", question_type: "system_design", location: null });
    expect(job).toMatchObject({ job_title: "Backend Engineer (Routing)", company_name: "Acme Logistics", question_type: "system_design" });
    expect(job).not.toHaveProperty("location");
  });

  const refused = async (body: unknown, on = app) => {
    const res = await send("/jobs", json(body), on);
    return { status: res.status, code: res.body.error?.code, message: res.body.error?.message as string, jobId: res.body.error?.job_id };
  };

  it("refuses a posting that is already a job, also behind a redirect, unless a second job is asked for", async () => {
    const posting = `${site.url}/jobs/senior-backend-engineer?ref=twice`;
    const imported = async () => (await send("/jobs")).body.jobs.filter((j: Body) => j.source_url === posting).map((j: Body) => j.job_id);
    const first = await createJob({ url: posting });

    const again = await refused({ url: posting });
    expect(again).toMatchObject({ status: 409, code: "job_exists" });
    expect(again.message).toContain(`“Senior Backend Engineer” (${first.job_id})`);
    expect(again.jobId).toBe(first.job_id);
    const shortLink = await refused({ url: `${site.url}/redirect/to?to=${encodeURIComponent("/jobs/senior-backend-engineer?ref=twice")}` });
    expect(shortLink).toMatchObject({ status: 409, code: "job_exists" });
    expect(await imported()).toEqual([first.job_id]);

    const second = await createJob({ url: posting, allow_duplicate: true, language: "de" });
    expect(second).toMatchObject({ source_url: posting, language: "de" });
    expect((await imported()).sort()).toEqual([first.job_id, second.job_id].sort());
    // The refusal names the newest of them.
    expect((await refused({ url: posting })).jobId).toBe(second.job_id);

    // Once the jobs are gone, the posting imports as usual.
    for (const id of [first.job_id, second.job_id]) expect((await send(`/jobs/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await createJob({ url: posting })).source_url).toBe(posting);
  });

  it("makes one job of a posting two colleagues import at the same moment", async () => {
    const posting = `${site.url}/jobs/senior-backend-engineer?ref=race`;
    const attempts = await Promise.all([0, 1, 2].map(() => send("/jobs", json({ url: posting }))));
    expect(attempts.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    const created = attempts.find((a) => a.status === 201)!.body;
    for (const refused of attempts.filter((a) => a.status === 409)) expect(refused.body.error.job_id).toBe(created.job_id);
  });

  it("knows a posting again behind tracking parameters, a fragment, and its other addresses that name one canonical", async () => {
    const posting = `${site.url}/jobs/senior-backend-engineer?ref=tracked`;
    const first = await createJob({ url: posting });
    const tracked = await refused({ url: `${site.url}/jobs/senior-backend-engineer?utm_source=newsletter&ref=tracked&fbclid=IwAR0#apply` });
    expect(tracked).toMatchObject({ status: 409, code: "job_exists", jobId: first.job_id });
    // Another value of a parameter that is not tracking is another posting.
    expect((await createJob({ url: `${site.url}/jobs/senior-backend-engineer?ref=tracked-other` })).job_id).not.toBe(first.job_id);

    const id = `p${Date.now()}`;
    const canonical = await createJob({ url: `${site.url}/postings/${id}-senior-backend-engineer` });
    expect(canonical.source_url).toBe(`${site.url}/postings/${id}-senior-backend-engineer`);
    expect(await refused({ url: `${site.url}/postings/${id}` })).toMatchObject({ status: 409, jobId: canonical.job_id });
    expect(await refused({ url: `${site.url}/postings/${id}-backend?utm_campaign=spring` })).toMatchObject({ status: 409, jobId: canonical.job_id });
  });

  it("answers a page too large, too slow, or not a job posting with its own error", async () => {
    expect(await refused({ url: `${site.url}/large` })).toMatchObject({ status: 413, code: "posting_too_large" });
    expect(await refused({ url: `${site.url}/slow` })).toMatchObject({ status: 504, code: "upstream_timeout" });
    expect(await refused({ url: `${site.url}/blog/kubernetes-build` })).toMatchObject({ status: 422, code: "not_a_job_posting" });
    expect(await refused({ url: "not a web address" })).toMatchObject({ status: 400, code: "invalid_input" });
  });

  it("answers a site that cannot be reached with url_unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await refused({ url: `http://127.0.0.1:${port}/jobs/1` })).toMatchObject({ status: 422, code: "url_unreachable" });
  });

  it("refuses loopback and private addresses unless they are allowed, before connecting", async () => {
    const strict = appWith({ allowPrivate: false });
    const result = await refused({ url: `${site.url}/jobs/senior-backend-engineer` }, strict);
    expect(result).toMatchObject({ status: 422, code: "url_not_allowed" });
    expect(result.message).not.toContain("127.0.0.1");
    expect(site.requests).toEqual([]);
    const before = (await send("/jobs", undefined, strict)).body.jobs.length;
    expect(await refused({ url: "http://localhost:1/jobs" }, strict)).toMatchObject({ status: 422, code: "url_not_allowed" });
    expect((await send("/jobs", undefined, strict)).body.jobs.length).toBe(before);
  });
});

describe("importing a job again", () => {
  let board: Server;
  let boardUrl: string;
  let page = ACME_JOB_PAGE;
  beforeAll(async () => {
    board = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(page);
    });
    await new Promise<void>((resolve) => board.listen(0, "127.0.0.1", resolve));
    boardUrl = `http://127.0.0.1:${(board.address() as AddressInfo).port}/jobs/42`;
  });
  afterAll(() => new Promise<void>((resolve) => board.close(() => resolve())));

  it("refreshes the posting and keeps the question settings and the fields changed by hand", async () => {
    page = ACME_JOB_PAGE;
    const job = await createJob({ url: boardUrl, question_type: "system_design" });
    await send(`/jobs/${job.job_id}`, patch({ max_step: 3, language: "de", salary: "Negotiable" }));

    page = ACME_JOB_PAGE.replaceAll("Deep knowledge of PostgreSQL", "Deep knowledge of MySQL").replaceAll("Rotterdam", "Utrecht");
    const again = await send(`/jobs/${job.job_id}/import`, { method: "POST" });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ job_id: job.job_id, job_title: "Senior Backend Engineer", question_type: "system_design", max_step: 3, language: "de", salary: "Negotiable" });
    expect(again.body.requirements).toContain("Deep knowledge of MySQL");
    expect(again.body.requirements).not.toContain("Deep knowledge of PostgreSQL");
    expect(again.body.location).toMatch(/^Utrecht/);
    expect(Date.parse(again.body.fetched_at)).toBeGreaterThanOrEqual(Date.parse(job.fetched_at));
  });

  it("leaves the job as it was when the posting cannot be read now", async () => {
    page = ACME_JOB_PAGE;
    const job = await createJob({ url: `${boardUrl}/filled` });
    page = "<!doctype html><html><body><h1>Gone</h1><p>This position has been filled.</p></body></html>";
    const again = await send(`/jobs/${job.job_id}/import`, { method: "POST" });
    expect(again).toMatchObject({ status: 422, body: { error: { code: "not_a_job_posting" } } });
    expect((await send(`/jobs/${job.job_id}`)).body).toEqual(job);
  });

  it("refuses a job that was typed in, and an unknown job", async () => {
    const typed = await createJob({ job_title: "Backend Engineer" });
    const res = await send(`/jobs/${typed.job_id}/import`, { method: "POST" });
    expect(res).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
    expect((await send("/jobs/job_unknown/import", { method: "POST" })).status).toBe(404);
  });
});

describe("a job's fields as an interview's defaults", () => {
  it("start an interview from job_id alone", async () => {
    const job = await createJob({ job_title: "Platform Engineer", company_name: "Acme", question_type: "system_design", max_step: 2, language: "de" });
    const start = await send("/start_interview", json({ job_id: job.job_id, username: "Ana" }));
    expect(start.status).toBe(200);
    expect(start.body).toMatchObject({ status: "question", max_steps: 2 });
    const record = (await send(`/interviews/${start.body.thread_id}`)).body;
    expect(record).toMatchObject({ job_id: job.job_id, job_title: "Platform Engineer", company_name: "Acme", question_type: "system_design", language: "de", max_steps: 2 });
  });

  it("are overridden by the fields the start gives", async () => {
    const job = await createJob({ job_title: "Platform Engineer", company_name: "Acme", question_type: "system_design", max_step: 2 });
    const start = await send("/start_interview", json({ job_id: job.job_id, job_title: "Site Reliability Engineer", question_type: "technical", max_step: 3, company_name: "Acme Cloud" }));
    expect(start.status).toBe(200);
    const record = (await send(`/interviews/${start.body.thread_id}`)).body;
    expect(record).toMatchObject({ job_id: job.job_id, job_title: "Site Reliability Engineer", company_name: "Acme Cloud", question_type: "technical", max_steps: 3 });
  });

  it("default to a mixed interview when the job names no question type, and refuse an unknown job", async () => {
    const job = await createJob({ job_title: "Support Engineer" });
    const start = await send("/start_interview", json({ job_id: job.job_id }));
    expect((await send(`/interviews/${start.body.thread_id}`)).body).toMatchObject({ job_title: "Support Engineer", question_type: "mixed" });
    expect(await send("/start_interview", json({ job_id: "job_unknown" }))).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });

  it("tell the interview what the posting lists that its description does not", () => {
    const brief = interviewBrief({
      title: "Backend Engineer",
      description: "We build routing software.\n- Deep knowledge of PostgreSQL",
      requirements: ["Deep knowledge of PostgreSQL", "Kubernetes in production"],
      skills: ["TypeScript", "Kafka"],
      responsibilities: [],
    });
    expect(brief).toBe("We build routing software.\n- Deep knowledge of PostgreSQL\n\nRequirements:\n- Kubernetes in production\n\nSkills: TypeScript, Kafka");
    expect(interviewBrief({ title: "X", description: "a".repeat(25_000), requirements: ["Go"], skills: [], responsibilities: [] })).toHaveLength(20_000);
  });
});
