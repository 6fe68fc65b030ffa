import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestRuntime } from "@interview/graph/testing";
import { PostgresJobStore } from "@interview/graph";
import { createApp } from "../app.js";
import { createLogger } from "../logger.js";
import { json, LogCapture, SOLID_ANSWER, testSettings } from "../testing/test-app.js";
import { jobDirectory, jobRoutes } from "./jobs.js";
import { inviteRoutes } from "./invites.js";
import { listRoutes } from "./list.js";

const databaseUrl = inject("databaseUrl");

let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
let store: PostgresJobStore;
let app: ReturnType<typeof createApp>;

type Body = Record<string, any>;
const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Body };
};
const post = async (path: string, body: unknown) => {
  const res = await app.request(path, json(body));
  const parsed = (await res.json()) as Body;
  expect(res.status, JSON.stringify(parsed)).toBeLessThan(300);
  return parsed;
};
const ids = (rows: Body[]) => rows.map((r) => r.thread_id as string);

/** Sets what the list sorts by, as if the interviews had been held at these times with these results. */
async function setRow(threadId: string, values: { createdAt?: string; score?: number | null }) {
  if (values.createdAt) await runtime.database.pool.query("update interview_threads set created_at = $2 where thread_id = $1", [threadId, values.createdAt]);
  if (values.score !== undefined) await runtime.database.pool.query("update interview_threads set overall_score = $2 where thread_id = $1", [threadId, values.score]);
}

/** Every row, following next_cursor page by page. */
async function allPages(query: string, limit: number) {
  const rows: Body[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page: { status: number; body: Body } = await get(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(page.status).toBe(200);
    expect(page.body.interviews.length).toBeLessThanOrEqual(limit);
    rows.push(...page.body.interviews);
    cursor = page.body.next_cursor;
    if (cursor === null) return rows;
  }
  throw new Error("the pages never ended");
}

let job: Body;
let other: Body;
/** The job's interviews: a–e candidate interviews, f with the AI as candidate; c completed. */
const threads: Record<string, string> = {};

beforeAll(async () => {
  runtime = await openTestRuntime(databaseUrl);
  store = new PostgresJobStore(runtime.database.pool);
  app = createApp({
    service: runtime.service,
    logger: createLogger("info", new LogCapture()),
    settings: testSettings,
    jobs: jobDirectory(store),
    routes: [jobRoutes(store), inviteRoutes(store), listRoutes(store)],
  });
  job = await post("/jobs", { job_title: "Backend Engineer", company_name: "Acme", question_type: "technical", max_step: 2 });
  other = await post("/jobs", { job_title: "Designer" });
  for (const name of ["a", "b", "c", "d", "e"]) threads[name] = (await post("/start_interview", { job_id: job.job_id, username: `Candidate ${name}` })).thread_id;
  threads.f = (await post("/start_interview", { job_id: job.job_id, role: "interviewer", username: "Hiring manager" })).thread_id;
  threads.x = (await post("/start_interview", { job_id: other.job_id })).thread_id;
  await post("/continue_interview", { thread_id: threads.c, user_response: SOLID_ANSWER });
  await post(`/interviews/${threads.c}/end`, {});
});
afterAll(() => runtime.close());

describe("GET /interviews", () => {
  it("lists one job's interviews with what the team needs to see", async () => {
    const { body } = await get(`/interviews?job_id=${job.job_id}`);
    expect(new Set(ids(body.interviews))).toEqual(new Set(["a", "b", "c", "d", "e", "f"].map((n) => threads[n])));
    expect(body.next_cursor).toBeNull();
    const a = body.interviews.find((r: Body) => r.thread_id === threads.a);
    expect(a).toEqual({
      thread_id: threads.a,
      job_id: job.job_id,
      job_title: "Backend Engineer",
      company_name: "Acme",
      candidate_name: "Candidate a",
      role: "candidate",
      status: "question",
      current_step: 1,
      max_steps: 2,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const c = body.interviews.find((r: Body) => r.thread_id === threads.c);
    expect(c).toMatchObject({ status: "completed", overall_score: expect.any(Number), recommendation: expect.any(String), recommendation_label: expect.any(String) });
    expect((await get(`/jobs/${job.job_id}/interviews`)).body).toEqual(body);
  });

  it("filters by status and role", async () => {
    const only = async (query: string) => ids((await get(`/interviews?job_id=${job.job_id}&${query}`)).body.interviews).sort();
    expect(await only("status=completed")).toEqual([threads.c]);
    expect(await only("status=question")).toEqual(["a", "b", "d", "e"].map((n) => threads[n]).sort());
    expect(await only("role=interviewer")).toEqual([threads.f]);
    expect(await only("status=awaiting_question")).toEqual([threads.f]);
    expect(await only("role=candidate&status=completed")).toEqual([threads.c]);
  });

  it("finds candidates by part of their name, ignoring case, with % and _ matched as themselves", async () => {
    const named = async (candidate: string) => ids((await get(`/interviews?job_id=${job.job_id}&candidate=${encodeURIComponent(candidate)}`)).body.interviews).sort();
    expect(await named("candidate A")).toEqual([threads.a]);
    expect(await named("DATE")).toEqual(["a", "b", "c", "d", "e"].map((n) => threads[n]).sort());
    expect(await named("  manager ")).toEqual([threads.f]);
    expect(await named("%")).toEqual([]);
    expect(await named("Candidat_")).toEqual([]);
    expect(ids((await get(`/interviews?job_id=${job.job_id}&candidate=date&status=completed`)).body.interviews)).toEqual([threads.c]);
    expect((await get(`/interviews?candidate=${"x".repeat(101)}`)).status).toBe(400);
  });

  it("filters by creation time: a date alone covers its whole day", async () => {
    await setRow(threads.a!, { createdAt: "2025-01-01T10:00:00Z" });
    await setRow(threads.b!, { createdAt: "2025-01-02T23:59:00Z" });
    await setRow(threads.c!, { createdAt: "2025-01-03T00:00:00Z" });
    await setRow(threads.d!, { createdAt: "2025-01-04T12:00:00Z" });
    const within = async (query: string) => ids((await get(`/interviews?job_id=${job.job_id}&sort=created&order=asc&${query}`)).body.interviews);
    expect(await within("created_from=2025-01-02&created_to=2025-01-03")).toEqual([threads.b, threads.c]);
    expect(await within("created_from=2025-01-02T23:59:00Z&created_to=2025-01-03T00:00:00Z")).toEqual([threads.b]);
    expect(await within("created_to=2025-01-01")).toEqual([threads.a]);
    expect(await within("created_from=2025-01-04T13:00:00%2B01:00&created_to=2025-01-05")).toEqual([threads.d]);
  });

  it("sorts by date, newest first unless asked otherwise, and by score with unscored interviews last, newest first", async () => {
    const times = { a: "2025-02-01T00:00:00Z", b: "2025-02-03T00:00:00Z", c: "2025-02-02T00:00:00Z", d: "2025-02-05T00:00:00Z", e: "2025-02-04T00:00:00Z", f: "2025-02-06T00:00:00Z" };
    const scores = { a: 6.5, b: 9, c: 3, d: null, e: 7.25, f: null };
    for (const [name, createdAt] of Object.entries(times)) await setRow(threads[name]!, { createdAt, score: scores[name as keyof typeof scores] });
    const order = async (query: string) => ids((await get(`/interviews?job_id=${job.job_id}&${query}`)).body.interviews).map((id) => Object.keys(threads).find((n) => threads[n] === id));
    expect(await order("")).toEqual(["f", "d", "e", "b", "c", "a"]);
    expect(await order("order=asc")).toEqual(["a", "c", "b", "e", "d", "f"]);
    expect(await order("sort=score")).toEqual(["b", "e", "a", "c", "f", "d"]);
    // Reversed as a whole: the unscored come first, oldest first.
    expect(await order("sort=score&order=asc")).toEqual(["d", "f", "c", "a", "e", "b"]);
    const scored = (await get(`/interviews?job_id=${job.job_id}&sort=score`)).body.interviews;
    expect(scored.map((r: Body) => r.overall_score)).toEqual([9, 7.25, 6.5, 3, undefined, undefined]);
    // Equal scores go by start time too.
    await setRow(threads.e!, { score: 6.5 });
    expect(await order("sort=score")).toEqual(["b", "e", "a", "c", "f", "d"]);
    await setRow(threads.a!, { createdAt: "2025-02-10T00:00:00Z" });
    expect(await order("sort=score")).toEqual(["b", "a", "e", "c", "f", "d"]);
  });

  it("pages without repeats or gaps, even when interviews share a creation time or a score", async () => {
    const names = ["a", "b", "c", "d", "e", "f"];
    for (const [i, name] of names.entries()) await setRow(threads[name]!, { createdAt: "2025-03-01T09:00:00Z", score: i < 4 ? 5.5 : null });
    for (const query of ["sort=created&order=desc", "sort=created&order=asc", "sort=score&order=desc", "sort=score&order=asc"]) {
      const whole = ids((await get(`/interviews?job_id=${job.job_id}&${query}&limit=100`)).body.interviews);
      expect(whole).toHaveLength(6);
      for (const limit of [1, 2, 4]) {
        const paged = ids(await allPages(`/interviews?job_id=${job.job_id}&${query}`, limit));
        expect(paged, `${query}, ${limit} a page`).toEqual(whole);
      }
    }
  });

  it("refuses a cursor from another sort or one not given out, and a limit out of range", async () => {
    const first = (await get(`/interviews?job_id=${job.job_id}&limit=1`)).body;
    expect(first.next_cursor).toEqual(expect.any(String));
    const refused = async (query: string) => {
      const res = await get(`/interviews?job_id=${job.job_id}&${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
    };
    await refused(`sort=score&cursor=${first.next_cursor}`);
    await refused(`order=asc&cursor=${first.next_cursor}`);
    await refused("cursor=not-a-cursor");
    const forged = Buffer.from(JSON.stringify({ s: "created", o: "desc", c: Buffer.from(JSON.stringify(["not-a-time", "x"])).toString("base64url") })).toString("base64url");
    await refused(`cursor=${forged}`);
    await refused("limit=0");
    await refused("limit=101");
    await refused("status=paused");
    await refused("created_from=last-week");
    await refused("created_from=2025-02-30");
  });

  it("exports every interview the filters match as CSV, in the list's order, whatever the page size", async () => {
    // limit=1 would page the JSON list one row at a time; the export holds all six.
    const res = await app.request(`/jobs/${job.job_id}/interviews?sort=score&limit=1`, { headers: { accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="interviews-${job.job_id}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const bytes = Buffer.from(await res.arrayBuffer());
    // The byte-order mark that makes Excel read the names as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const listed = (await get(`/jobs/${job.job_id}/interviews?sort=score&limit=100`)).body.interviews as Body[];
    expect(rows.map((r) => r.thread_id)).toEqual(ids(listed));
    for (const [i, row] of rows.entries()) {
      const json = listed[i]!;
      expect(row).toMatchObject({
        candidate_name: json.candidate_name,
        job_title: "Backend Engineer",
        company_name: "Acme",
        role: json.role,
        status: json.status,
        current_step: String(json.current_step),
        overall_score: json.overall_score === undefined ? "" : String(json.overall_score),
        recommendation_label: json.recommendation_label ?? "",
        created_at: json.created_at,
        link: `http://localhost/team/interview/${json.thread_id}`,
      });
    }
    // Filters hold as on the JSON list.
    const completed = parse(await (await app.request(`/interviews?job_id=${job.job_id}&status=completed`, { headers: { accept: "text/csv" } })).text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(completed.map((r) => r.thread_id)).toEqual([threads.c]);
  });

  it("asks to narrow the filters rather than export part of a list longer than the limit", async () => {
    const small = createApp({ service: runtime.service, logger: createLogger("info", new LogCapture()), settings: testSettings, routes: [listRoutes(store, { exportMaxRows: 5 })] });
    const res = await small.request(`/jobs/${job.job_id}/interviews`, { headers: { accept: "text/csv" } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Body).error).toMatchObject({ code: "invalid_input", message: expect.stringMatching(/^More than 5 interviews match; narrow the filters/) });
    const completed = await small.request(`/jobs/${job.job_id}/interviews?status=completed`, { headers: { accept: "text/csv" } });
    expect(completed.status).toBe(200);
  });

  it("keeps a candidate's name that would start a spreadsheet formula, or holds a line break, as text in its own cell", async () => {
    const own = await post("/jobs", { job_title: "Analyst" });
    const names = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1 555", "-2+3", "@SUM(A1)", "＝1+1", "Ana\n=1+1", "Zoë \"Zee\" O'Neil, Jr."];
    for (const username of names) await post("/start_interview", { job_id: own.job_id, username });
    const text = await (await app.request(`/jobs/${own.job_id}/interviews?order=asc`, { headers: { accept: "text/csv" } })).text();
    // Read as a spreadsheet would: a line break outside quotes ends a row.
    const cells = (parse(text, { bom: true, columns: true, record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true }) as Record<string, string>[]).map((r) => r.candidate_name);
    // A line break stays inside its cell: the next line is not a row of its own starting with a formula.
    expect(cells).toEqual(["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1 555", "'-2+3", "'@SUM(A1)", "'＝1+1", "Ana\n=1+1", "Zoë \"Zee\" O'Neil, Jr."]);
  });

  it("refuses a query parameter it does not take, naming the one meant, rather than list every interview", async () => {
    const typo = await get(`/interviews?job=${job.job_id}`);
    expect(typo).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
    expect(typo.body.error.message).toMatch(/^Unknown query parameter: job \(did you mean job_id\?\)\. This route takes job_id, candidate, status/);
    const onJob = await get(`/jobs/${job.job_id}/interviews?stauts=completed`);
    expect(onJob).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/^Unknown query parameter: stauts \(did you mean status\?\)/) } } });
    expect(onJob.body.error.message).not.toMatch(/job_id/);
  });

  it("answers 404 for the interviews of a job that does not exist", async () => {
    expect(await get("/jobs/job_unknown/interviews")).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });
});

describe("OpenAPI", () => {
  it("documents the job, invite and list routes with their schemas and errors", async () => {
    const doc = (await get("/openapi.json")).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/jobs",
        "/jobs/{job_id}",
        "/jobs/{job_id}/import",
        "/jobs/{job_id}/invites",
        "/jobs/{job_id}/invites/{invite_id}",
        "/jobs/{job_id}/interviews",
        "/invites/{token}",
        "/invites/{token}/start",
        "/invites/{token}/join",
        "/interviews",
      ]),
    );
    expect(Object.keys(doc.paths["/jobs"])).toEqual(expect.arrayContaining(["get", "post"]));
    expect(Object.keys(doc.paths["/jobs/{job_id}"])).toEqual(expect.arrayContaining(["get", "patch", "delete"]));
    expect(doc.paths["/jobs"].post.responses).toHaveProperty("201");
    expect(doc.paths["/jobs"].post.responses).toHaveProperty("422");
    expect(doc.paths["/jobs"].post.responses).toHaveProperty("504");
    expect(Object.keys(doc.paths["/invites/{token}/start"].post.requestBody.content)).toEqual(["multipart/form-data", "application/json"]);
    expect(doc.paths["/interviews"].get.parameters.map((p: Body) => p.name)).toEqual(
      expect.arrayContaining(["job_id", "status", "role", "created_from", "created_to", "sort", "order", "limit", "cursor"]),
    );
    expect(doc.components.schemas.Job.properties).toHaveProperty("source_url");
    expect(doc.components.schemas.InterviewPage.properties).toHaveProperty("next_cursor");
  });
});
