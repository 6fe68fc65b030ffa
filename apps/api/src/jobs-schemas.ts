import { z } from "@hono/zod-openapi";
import { QUESTION_STYLES, QUESTION_TYPES, RECOMMENDATIONS, ROLES } from "@interview/graph";
import { LIMITS } from "./schemas.js";
import { requestBody, requestQuery } from "./request-body.js";

/** The contract of jobs, invite links and the team's list of interviews (snake_case, like the rest). */
export const JOB_LIMITS = {
  companyInfo: 4_000,
  shortText: 200,
  listItems: 100,
  listItem: 1_000,
  url: 2_048,
  inviteHours: 24 * 365,
  inviteUses: 100_000,
  defaultInviteHours: 24 * 7,
} as const;

/** Length in characters (code points), as a person counts them. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .refine((v) => [...v].length <= max, `must be at most ${max.toLocaleString("en")} characters`)
    .openapi({ maxLength: max });

const list = (description: string) =>
  z.array(text(JOB_LIMITS.listItem)).max(JOB_LIMITS.listItems).openapi({ description });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Whether YYYY-MM-DD… names a day that exists (Date.parse rolls 30 February over into March). */
const realDay = (v: string) => {
  const [y, m, d] = v.slice(0, 10).split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
};

/** The fields a team may set on a job; null (or "") clears an optional one. */
const editable = {
  company_name: text(LIMITS.companyName).nullable().optional(),
  company_info: text(JOB_LIMITS.companyInfo).nullable().optional().openapi({ description: "What the posting says about the company." }),
  job_description: text(LIMITS.jobDescription).nullable().optional().openapi({ description: "Its key terms shape the questions." }),
  requirements: list("Requirements, one per item.").nullable().optional(),
  skills: list("Skills and technologies.").nullable().optional(),
  responsibilities: list("What the job involves.").nullable().optional(),
  location: text(JOB_LIMITS.shortText).nullable().optional(),
  employment_type: text(JOB_LIMITS.shortText).nullable().optional().openapi({ example: "Full-time" }),
  salary: text(JOB_LIMITS.shortText).nullable().optional(),
  date_posted: z.string().regex(DATE, "must be a date, YYYY-MM-DD").refine(realDay, "must be a real date").nullable().optional(),
  question_type: z.enum(QUESTION_TYPES).nullable().optional().openapi({ description: "Default for interviews for this job (mixed when absent)." }),
  question_style: z.enum(QUESTION_STYLES).nullable().optional().openapi({ description: "Default for interviews for this job (adaptive when absent)." }),
  max_step: z.number().int().min(1).max(LIMITS.maxSteps).nullable().optional().openapi({ description: "Default number of main questions." }),
  language: text(LIMITS.language).nullable().optional().openapi({ description: "Default language of interviews for this job, e.g. en, de." }),
  share_results: z.boolean().nullable().optional().openapi({
    description: "Whether candidates see their scores, feedback and report. false (the default): the team keeps them, and the interview closes by saying the team will be in touch.",
  }),
};

const jobTitle = text(LIMITS.jobTitle).refine((v) => v.length > 0, "must not be empty");

export const CreateJobBody = requestBody({
  url: text(JOB_LIMITS.url).optional().openapi({
    description: "A job posting to import (JobPosting structured data, else the page's readable text). The other fields, when given, override what the posting says.",
    example: "https://jobs.example.com/senior-backend-engineer",
  }),
  allow_duplicate: z.boolean().optional().openapi({
    description: "Import a posting that is already a job as a second job. Without it, such an import is refused with 409 `job_exists`, whose message names the job.",
  }),
  job_title: jobTitle.optional().openapi({ description: "Required unless url is given.", example: "Backend Engineer" }),
  ...editable,
})
  .refine((body) => Boolean(body.url) || Boolean(body.job_title), { message: "required unless url is given", path: ["job_title"] })
  .openapi("CreateJob");
export type CreateJobBody = z.infer<typeof CreateJobBody>;

export const UpdateJobBody = requestBody({ job_title: jobTitle.optional(), ...editable }).openapi("UpdateJob");
export type UpdateJobBody = z.infer<typeof UpdateJobBody>;

export const JobSchema = z
  .object({
    job_id: z.string(),
    job_title: z.string(),
    company_name: z.string().optional(),
    company_info: z.string().optional(),
    job_description: z.string().optional(),
    requirements: z.array(z.string()),
    skills: z.array(z.string()),
    responsibilities: z.array(z.string()),
    location: z.string().optional(),
    employment_type: z.string().optional(),
    salary: z.string().optional(),
    date_posted: z.string().optional(),
    question_type: z.enum(QUESTION_TYPES).optional(),
    question_style: z.enum(QUESTION_STYLES).optional(),
    max_step: z.number().int().optional(),
    language: z.string().optional(),
    share_results: z.boolean(),
    source_url: z.string().optional().openapi({ description: "The page the posting was imported from, after redirects." }),
    fetched_at: z.string().optional(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Job");

export const JobList = z.object({ jobs: z.array(JobSchema) }).openapi("JobList");

const id = (name: string) => z.string().min(1).max(128).openapi({ param: { name, in: "path" } });
export const JobParam = z.object({ job_id: id("job_id") });
export const InviteParam = z.object({ job_id: id("job_id"), invite_id: id("invite_id") });
export const TokenParam = z.object({ token: id("token") });

export const CreateInviteBody = requestBody({
  expires_in_hours: z
    .number()
    .int()
    .min(1)
    .max(JOB_LIMITS.inviteHours)
    .optional()
    .openapi({ description: `How long the link works (default ${JOB_LIMITS.defaultInviteHours} hours, one week).` }),
  max_uses: z
    .number()
    .int()
    .min(1)
    .max(JOB_LIMITS.inviteUses)
    .nullable()
    .optional()
    .openapi({ description: "How many interviews the link may start (default 1; null: any number until it expires)." }),
  candidate_name: text(LIMITS.username)
    .optional()
    .openapi({
      description:
        "Who the link is for. The team's list of invites shows it, the link's page fills it in, and the interview is under this name unless the candidate changes it. A named link is for one interview (max_uses 1).",
      example: "Ana Lima",
    }),
})
  .refine((body) => !body.candidate_name || body.max_uses === undefined || body.max_uses === 1, {
    message: "a link for a named candidate is for one interview: leave out max_uses or send 1",
    path: ["candidate_name"],
  })
  .openapi("CreateInvite");

export const InviteCreated = z
  .object({
    invite_id: z.string(),
    token: z.string().openapi({ description: "Shown only in this reply: only its digest is stored." }),
    url: z.string().openapi({ description: "The link to send to the candidate." }),
    expires_at: z.string().nullable(),
    max_uses: z.number().int().nullable(),
    uses: z.number().int(),
    candidate_name: z.string().nullable(),
  })
  .openapi("InviteCreated");

export const InviteSummary = z
  .object({
    invite_id: z.string(),
    expires_at: z.string().nullable(),
    max_uses: z.number().int().nullable(),
    uses: z.number().int(),
    created_at: z.string(),
    active: z.boolean().openapi({ description: "Neither expired nor used up." }),
    candidate_name: z.string().nullable().openapi({ description: "Who the link is for, when the team said." }),
  })
  .openapi("Invite");

export const InviteList = z.object({ invites: z.array(InviteSummary) }).openapi("InviteList");

export const PublicInvite = z
  .object({
    job: z.object({
      job_title: z.string(),
      company_name: z.string().optional(),
      job_description: z.string().optional(),
      location: z.string().optional(),
      requirements: z.array(z.string()),
      skills: z.array(z.string()),
    }),
    expires_at: z.string().nullable(),
    uses_left: z.number().int().nullable().openapi({ description: "null: no limit." }),
    candidate_name: z.string().nullable().openapi({ description: "Who the link is for, when the team said: the name to fill in." }),
    voice_available: z.boolean().openapi({ description: "Whether the interview can be held by voice (POST /invites/{token}/join)." }),
    results_shared: z.boolean().openapi({ description: "Whether the candidate will see their scores and report; false: the hiring team keeps them." }),
    resumable: z.boolean().openapi({
      description: "true: this single-use link started an interview that is not finished; POST /invites/{token}/resume continues it here (uses_left is 0).",
    }),
  })
  .openapi("PublicInvite");

export const InviteResume = z
  .object({
    thread_id: z.string(),
    access_token: z.string().openapi({ description: "The interview's new access token; the one given before stops working." }),
  })
  .openapi("InviteResume");

const optionalText = (max: number, description: string) => text(max).optional().openapi({ description });
const inviteStartFields = {
  username: optionalText(LIMITS.username, "The candidate's name, used in the greeting."),
  cv_text: optionalText(LIMITS.cvText, "CV as plain text, instead of a PDF."),
  language: optionalText(LIMITS.language, "Language of the interview; the job's when absent."),
  role: z.enum(ROLES).optional().openapi({ description: "candidate (default; the AI interviews) or interviewer (the AI is the candidate)." }),
};
const cvUpload = z.any().optional().openapi({ type: "string", format: "binary", description: "CV as a PDF file." });

export const InviteStartJson = requestBody(inviteStartFields).openapi("InviteStartJson");
export const InviteStartForm = requestBody({ ...inviteStartFields, cv: cvUpload }).openapi("InviteStartForm");
export type InviteStartBody = z.infer<typeof InviteStartForm>;

const STATUSES = ["question", "awaiting_question", "completed"] as const;

const isoDate = (description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, "must be an ISO 8601 date or date-time")
    .refine((v) => realDay(v) && !Number.isNaN(Date.parse(v.length === 10 ? v : /(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v}Z`)), "must be a real date")
    .optional()
    .openapi({ description, example: "2025-03-14" });

const listFilters = {
  candidate: z.string().trim().max(LIMITS.username).optional().openapi({ description: "Interviews whose candidate's name contains this, ignoring case.", example: "lima" }),
  status: z.enum(STATUSES).optional(),
  role: z.enum(ROLES).optional(),
  created_from: isoDate("Created at or after (a date alone: its start, UTC)."),
  created_to: isoDate("Created before this time; a date alone includes that whole day (UTC)."),
  sort: z.enum(["created", "score"]).default("created").openapi({ description: "created (default) or score (unscored interviews count as lowest; equal scores go by start time)." }),
  order: z.enum(["asc", "desc"]).default("desc"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional().openapi({ description: "next_cursor of the previous page, with the same sort and order." }),
};

export const ListQuery = requestQuery({ job_id: z.string().max(128).optional(), ...listFilters });
export const JobListQuery = requestQuery(listFilters);
export type ListQuery = z.infer<typeof ListQuery>;

export const InterviewRow = z
  .object({
    thread_id: z.string(),
    job_id: z.string().optional(),
    job_title: z.string(),
    company_name: z.string().optional(),
    candidate_name: z.string().optional(),
    role: z.enum(ROLES),
    status: z.enum(STATUSES),
    current_step: z.number().int(),
    max_steps: z.number().int(),
    overall_score: z.number().optional(),
    recommendation: z.enum(RECOMMENDATIONS).optional(),
    recommendation_label: z.string().optional(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("InterviewListRow");

export const InterviewPage = z
  .object({
    interviews: z.array(InterviewRow),
    next_cursor: z.string().nullable().openapi({ description: "Pass as cursor for the next page; null on the last page." }),
  })
  .openapi("InterviewPage");
