import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { importJobPosting, InterviewError, type ImportLimits, type QuestionStyle, type QuestionType } from "@interview/graph";
// The job store lives in the engine; this is its module until the engine's index exports it.
import { editJob, jobFromImport, reimportJob, sharesResults, type Job, type JobData, type JobEdit, type PostgresJobStore } from "@interview/graph";
import type { AppDeps, AppEnv, JobDefaults, JobDirectory } from "../app-types.js";
import { requireTeam } from "../access.js";
import { errorBody } from "../http-errors.js";
import { errorResponses, LIMITS } from "../schemas.js";
import { CreateJobBody, JobList, JobParam, JobSchema, UpdateJobBody } from "../jobs-schemas.js";

export type { Invite, InviteLookup, Job, PostgresJobStore } from "@interview/graph";

/** A registration for `AppDeps.routes`. */
export type RouteRegistration = NonNullable<AppDeps["routes"]>[number];

export interface JobRouteOptions {
  /** JOB_FETCH_ALLOW_PRIVATE: postings may be imported from private and loopback addresses. */
  allowPrivate?: boolean;
  /** Size, time and redirect limits of an import. */
  importLimits?: Partial<ImportLimits>;
}

/** Team-only routes refuse a candidate's access token before reading anything. */
export const teamOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireTeam(c);
  await next();
};

export const jobNotFound = () => new InterviewError("not_found", "No job with this job_id.");

const jobExists = (job: Job) =>
  errorBody(
    "job_exists",
    `This posting is already the job “${job.title}” (${job.jobId}). Import it again from that job to refresh it, or send allow_duplicate to make a second job.`,
    { job_id: job.jobId },
  );

/** The contract's field names for the job's. */
const FIELDS = {
  job_title: "title",
  company_name: "company",
  company_info: "companyInfo",
  job_description: "description",
  requirements: "requirements",
  skills: "skills",
  responsibilities: "responsibilities",
  location: "location",
  employment_type: "employmentType",
  salary: "salary",
  date_posted: "datePosted",
  question_type: "questionType",
  question_style: "questionStyle",
  max_step: "maxSteps",
  language: "language",
  share_results: "shareResults",
} as const satisfies Record<string, keyof JobEdit>;

/** A request's fields as an edit: "" or null clears a field, blank list items are dropped. */
function toEdit(body: Partial<Record<keyof typeof FIELDS, unknown>>): JobEdit {
  const edit: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(FIELDS)) {
    const value = body[name as keyof typeof FIELDS];
    if (value === undefined) continue;
    if (Array.isArray(value)) edit[field] = value.filter((item) => typeof item === "string" && item.length > 0);
    else edit[field] = value === "" ? null : value;
  }
  return edit as JobEdit;
}

export function presentJob(job: Job): z.infer<typeof JobSchema> {
  return {
    job_id: job.jobId,
    job_title: job.title,
    company_name: job.company,
    company_info: job.companyInfo,
    job_description: job.description,
    requirements: job.requirements ?? [],
    skills: job.skills ?? [],
    responsibilities: job.responsibilities ?? [],
    location: job.location,
    employment_type: job.employmentType,
    salary: job.salary,
    date_posted: job.datePosted,
    question_type: job.questionType as QuestionType | undefined,
    question_style: job.questionStyle as QuestionStyle | undefined,
    max_step: job.maxSteps,
    language: job.language,
    share_results: sharesResults(job),
    source_url: job.sourceUrl,
    fetched_at: job.fetchedAt,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
  };
}

const clip = (value: string | undefined, max: number) => (value === undefined ? undefined : [...value].slice(0, max).join("").trim() || undefined);

/**
 * What an interview is told about the job: the description, then whatever of the posting's
 * lists it does not already say, within the interview's limit.
 */
export function interviewBrief(job: JobData): string | undefined {
  const description = job.description?.trim() ?? "";
  const said = description.toLowerCase();
  const unsaid = (items: string[] | undefined) => (items ?? []).filter((item) => !said.includes(item.toLowerCase()));
  const parts = description ? [description] : [];
  for (const [heading, items] of [["Responsibilities", unsaid(job.responsibilities)], ["Requirements", unsaid(job.requirements)]] as const) {
    if (items.length) parts.push(`${heading}:\n${items.map((item) => `- ${item}`).join("\n")}`);
  }
  const skills = unsaid(job.skills);
  if (skills.length) parts.push(`Skills: ${skills.join(", ")}`);
  return clip(parts.join("\n\n"), LIMITS.jobDescription);
}

export function jobDefaults(job: Job): JobDefaults {
  return {
    jobTitle: clip(job.title, LIMITS.jobTitle) ?? job.title,
    questionType: job.questionType,
    questionStyle: job.questionStyle,
    maxSteps: job.maxSteps,
    company: clip(job.company, LIMITS.companyName),
    jobDescription: interviewBrief(job),
    language: job.language,
    resultsShared: sharesResults(job),
  };
}

/** `AppDeps.jobs`: a job's fields as the defaults of an interview started for it. */
export function jobDirectory(store: PostgresJobStore): JobDirectory {
  return {
    async defaultsFor(jobId) {
      const job = await store.get(jobId);
      return job && jobDefaults(job);
    },
  };
}

const IMPORT_ERRORS =
  "Import errors: 422 `url_not_allowed` (a private or reserved address), `url_unreachable`, `not_a_job_posting`; 413 `posting_too_large`; 504 `upstream_timeout`; 400 `invalid_input` (not a web address).";

const createJobRoute = createRoute({
  method: "post",
  path: "/jobs",
  tags: ["jobs"],
  summary: "Create a job, typed in or imported from a posting's URL",
  description: `Send the fields, or \`url\` to import the posting (the fields given beside it override what the posting says). A posting already imported as a job is refused with 409 \`job_exists\` (naming the job in \`error.job_id\`) unless \`allow_duplicate\` is true. The same posting: the same address after redirects, or the page's canonical address when it is the page's address spelt another way (/jobs/42 for /jobs/42-backend-engineer; never a listing), ignoring tracking parameters (utm_*, gclid, fbclid …), the fragment, www., a trailing slash and http against https. ${IMPORT_ERRORS}`,
  middleware: [teamOnly],
  request: { body: { required: true, content: { "application/json": { schema: CreateJobBody } } } },
  responses: { 201: { description: "The job", content: { "application/json": { schema: JobSchema } } }, ...errorResponses(400, 401, 403, 409, 413, 415, 422, 429, 504) },
});

const listJobsRoute = createRoute({
  method: "get",
  path: "/jobs",
  tags: ["jobs"],
  summary: "The jobs, newest first",
  middleware: [teamOnly],
  responses: { 200: { description: "Jobs", content: { "application/json": { schema: JobList } } }, ...errorResponses(401, 403, 429) },
});

const getJobRoute = createRoute({
  method: "get",
  path: "/jobs/{job_id}",
  tags: ["jobs"],
  summary: "A job",
  middleware: [teamOnly],
  request: { params: JobParam },
  responses: { 200: { description: "The job", content: { "application/json": { schema: JobSchema } } }, ...errorResponses(401, 403, 404, 429) },
});

const updateJobRoute = createRoute({
  method: "patch",
  path: "/jobs/{job_id}",
  tags: ["jobs"],
  summary: "Change a job's fields (null clears an optional one)",
  description: "Fields of the posting changed here are kept when the posting is imported again.",
  middleware: [teamOnly],
  request: { params: JobParam, body: { required: true, content: { "application/json": { schema: UpdateJobBody } } } },
  responses: { 200: { description: "The job", content: { "application/json": { schema: JobSchema } } }, ...errorResponses(400, 401, 403, 404, 415, 429) },
});

const deleteJobRoute = createRoute({
  method: "delete",
  path: "/jobs/{job_id}",
  tags: ["jobs"],
  summary: "Delete a job and its invite links; its interviews stay, with its job_id",
  middleware: [teamOnly],
  request: { params: JobParam },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404, 429) },
});

const reimportJobRoute = createRoute({
  method: "post",
  path: "/jobs/{job_id}/import",
  tags: ["jobs"],
  summary: "Import the job's posting again from its source_url",
  description: `The posting's fields are refreshed, except those changed by hand; the interview settings (question_type, question_style, max_step, language, share_results) stay. 400 when the job has no source_url. ${IMPORT_ERRORS}`,
  middleware: [teamOnly],
  request: { params: JobParam },
  responses: { 200: { description: "The job", content: { "application/json": { schema: JobSchema } } }, ...errorResponses(400, 401, 403, 404, 413, 422, 429, 504) },
});

/** Jobs: create (typed in or imported), list, read, change, delete, import again. Team only. */
export function jobRoutes(store: PostgresJobStore, options: JobRouteOptions = {}): RouteRegistration {
  const fetchPosting = (url: string) => importJobPosting(url, { allowPrivate: options.allowPrivate === true, limits: options.importLimits });

  return (app: OpenAPIHono<AppEnv>) => {
    app.openapi(createJobRoute, async (c) => {
      const { url, allow_duplicate, ...fields } = c.req.valid("json");
      const edit = toEdit(fields);
      if (url) {
        const read = jobFromImport(await fetchPosting(url));
        // Compared after the fetch: a short link, a tracked link and the posting's own address are one job.
        const result = await store.createImported({ ...editJob(read, edit), sourceUrl: read.sourceUrl, postingKey: read.postingKey }, { allowDuplicate: allow_duplicate });
        // Thrown as a finished response: the error body names the job, which an InterviewError cannot carry.
        if ("existing" in result) throw new HTTPException(409, { res: Response.json(jobExists(result.existing), { status: 409 }) });
        return c.json(presentJob(result.created), 201);
      }
      const data: JobData = { ...editJob({ title: "", requirements: [], skills: [], responsibilities: [] }, edit), manualFields: undefined };
      return c.json(presentJob(await store.create(data)), 201);
    });

    app.openapi(listJobsRoute, async (c) => c.json({ jobs: (await store.list()).map(presentJob) }, 200));

    app.openapi(getJobRoute, async (c) => {
      const job = await store.get(c.req.valid("param").job_id);
      if (!job) throw jobNotFound();
      return c.json(presentJob(job), 200);
    });

    app.openapi(updateJobRoute, async (c) => {
      const edit = toEdit(c.req.valid("json"));
      const job = await store.update(c.req.valid("param").job_id, (current) => editJob(current, edit));
      if (!job) throw jobNotFound();
      return c.json(presentJob(job), 200);
    });

    app.openapi(deleteJobRoute, async (c) => {
      if (!(await store.delete(c.req.valid("param").job_id))) throw jobNotFound();
      return c.body(null, 204);
    });

    app.openapi(reimportJobRoute, async (c) => {
      const { job_id } = c.req.valid("param");
      const job = await store.get(job_id);
      if (!job) throw jobNotFound();
      if (!job.sourceUrl) throw new InterviewError("invalid_input", "This job was typed in, not imported: it has no posting to import again.");
      // Fetched before the row is locked: a slow site must not hold up edits to the job.
      const imported = await fetchPosting(job.sourceUrl);
      const updated = await store.update(job_id, (current) => reimportJob(current, imported));
      if (!updated) throw jobNotFound();
      return c.json(presentJob(updated), 200);
    });
  };
}
