import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { InterviewError, recommendationLabel, type InterviewListRow, type Recommendation } from "@interview/graph";
import type { AppDeps, AppEnv } from "../app-types.js";
import { errorResponses } from "../schemas.js";
import { InterviewPage, InterviewRow, JobListQuery, JobParam, ListQuery } from "../jobs-schemas.js";
import { jobNotFound, teamOnly, type PostgresJobStore, type RouteRegistration } from "./jobs.js";
import { interviewsCsv, type CsvRow } from "./list-csv.js";
import { publicBase } from "../public-url.js";

const CSV_EXPORT =
  "With `Accept: text/csv`: every interview the filters match, in the same order (`limit` and `cursor` do not apply), one row each with the JSON row's fields " +
  "and `link`, the team's page for the interview; a spreadsheet cell that would start a formula is kept as text. Up to 50 000 interviews; more is 400 `invalid_input` (narrow the filters).";

const LIST_CONTENT = {
  "application/json": { schema: InterviewPage },
  "text/csv": { schema: { type: "string" as const } },
};

const listRoute = createRoute({
  method: "get",
  path: "/interviews",
  tags: ["interviews"],
  summary: "The team's interviews: filtered, sorted, one page at a time, or all of them as CSV (Accept: text/csv)",
  description:
    "Newest first unless `sort`/`order` say otherwise. Pages follow `next_cursor`, which holds its place even when interviews are added meanwhile, " +
    "and never repeats or skips one (equal scores go by start time, then thread_id). A cursor works only with the sort and order it was made for. " +
    CSV_EXPORT,
  middleware: [teamOnly],
  request: { query: ListQuery },
  responses: { 200: { description: "A page of interviews, or all of them as CSV", content: LIST_CONTENT }, ...errorResponses(400, 401, 403, 429) },
});

const jobListRoute = createRoute({
  method: "get",
  path: "/jobs/{job_id}/interviews",
  tags: ["interviews"],
  summary: "The interviews held for one job (like GET /interviews with job_id; Accept: text/csv for all of them as CSV)",
  description: CSV_EXPORT,
  middleware: [teamOnly],
  request: { params: JobParam, query: JobListQuery },
  responses: { 200: { description: "A page of interviews, or all of them as CSV", content: LIST_CONTENT }, ...errorResponses(400, 401, 403, 404, 429) },
});

type Row = z.infer<typeof InterviewRow>;

function presentRow(row: InterviewListRow): Row {
  const role = row.role === "interviewer" ? "interviewer" : "candidate";
  // As the interview's own view reports it: running interviews wait for the human.
  const status = row.status === "completed" ? "completed" : role === "interviewer" ? "awaiting_question" : "question";
  return {
    thread_id: row.threadId,
    job_id: row.jobId ?? undefined,
    job_title: row.jobTitle ?? "",
    company_name: row.company ?? undefined,
    candidate_name: row.candidateName ?? undefined,
    role,
    status,
    current_step: row.step,
    max_steps: row.maxSteps,
    overall_score: row.overallScore ?? undefined,
    recommendation: (row.recommendation as Recommendation | null) ?? undefined,
    recommendation_label: row.recommendation ? recommendationLabel(row.recommendation) : undefined,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

const badCursor = () => new InterviewError("invalid_input", "cursor: not one this server gave out for this sort and order; start from the first page.");

/** The engine's cursor, tagged with the sort it belongs to so that another sort's is refused rather than misread. */
const wrapCursor = (inner: string, sort: string, order: string) => Buffer.from(JSON.stringify({ s: sort, o: order, c: inner })).toString("base64url");

function unwrapCursor(cursor: string, sort: string, order: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const { s, o, c } = (parsed ?? {}) as { s?: unknown; o?: unknown; c?: unknown };
  if (s !== sort || o !== order || typeof c !== "string") throw badCursor();
  return c;
}

const hasZone = (v: string) => /(Z|[+-]\d{2}:?\d{2})$/.test(v);
/** A date alone is midnight UTC; a time without a zone is UTC too, so results do not depend on the server's zone. */
const instant = (v: string) => new Date(v.length === 10 ? `${v}T00:00:00Z` : hasZone(v) ? v : `${v}Z`);
const DAY_MS = 86_400_000;

type Query = z.infer<typeof JobListQuery> & { job_id?: string | undefined };

/** The query's filters and sort, as the engine takes them (no page size or cursor). */
function filterOf(query: Query) {
  const createdTo = query.created_to && (query.created_to.length === 10 ? new Date(instant(query.created_to).getTime() + DAY_MS) : instant(query.created_to));
  return {
    jobId: query.job_id,
    candidateName: query.candidate || undefined,
    status: query.status,
    role: query.role,
    createdFrom: query.created_from && instant(query.created_from).toISOString(),
    createdTo: createdTo ? createdTo.toISOString() : undefined,
    sort: query.sort,
    order: query.order,
  };
}

async function page(deps: AppDeps, query: Query) {
  try {
    const result = await deps.service.list({
      ...filterOf(query),
      limit: query.limit,
      cursor: query.cursor === undefined ? undefined : unwrapCursor(query.cursor, query.sort, query.order),
    });
    return {
      interviews: result.rows.map(presentRow),
      next_cursor: result.nextCursor === null ? null : wrapCursor(result.nextCursor, query.sort, query.order),
    };
  } catch (error) {
    // A cursor edited by hand reaches the database as a value it cannot read (SQLSTATE class 22).
    if (typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("22")) throw badCursor();
    throw error;
  }
}

/**
 * Every interview the filters match, in the query's order (page size and cursor do not apply), as
 * CSV. One query, so the file is one moment's list even while scores change; past `maxRows` the
 * caller is asked to narrow the filters rather than given part of the list.
 */
async function exportCsv(c: Context<AppEnv>, deps: AppDeps, query: Query, name: string, maxRows: number): Promise<Response> {
  const base = publicBase(c, deps);
  const result = await deps.service.list({ ...filterOf(query), limit: maxRows });
  if (result.nextCursor !== null) {
    throw new InterviewError("invalid_input", `More than ${maxRows} interviews match; narrow the filters (job, status, start dates) to export them.`);
  }
  const rows: CsvRow[] = result.rows.map((row) => ({ ...presentRow(row), link: `${base}/team/interview/${encodeURIComponent(row.threadId)}` }));
  const day = new Date().toISOString().slice(0, 10);
  return c.body(interviewsCsv(rows), 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${name}-${day}.csv"`,
    "cache-control": "no-store",
  });
}

const wantsCsv = (c: Context) => (c.req.header("accept") ?? "").includes("text/csv");

export interface ListRouteOptions {
  /** The most interviews one CSV export holds (50 000). */
  exportMaxRows?: number | undefined;
}

/** The team's list of interviews, across jobs or for one. */
export function listRoutes(store: PostgresJobStore, options: ListRouteOptions = {}): RouteRegistration {
  const exportMaxRows = options.exportMaxRows ?? 50_000;
  return (app: OpenAPIHono<AppEnv>, deps: AppDeps) => {
    app.openapi(listRoute, async (c) => {
      const query = c.req.valid("query");
      if (wantsCsv(c)) return (await exportCsv(c, deps, query, "interviews", exportMaxRows)) as never;
      return c.json(await page(deps, query), 200);
    });

    app.openapi(jobListRoute, async (c) => {
      const { job_id } = c.req.valid("param");
      if (!(await store.get(job_id))) throw jobNotFound();
      const query = { ...c.req.valid("query"), job_id };
      if (wantsCsv(c)) return (await exportCsv(c, deps, query, `interviews-${job_id}`, exportMaxRows)) as never;
      return c.json(await page(deps, query), 200);
    });
  };
}
