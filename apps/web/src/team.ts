/**
 * The hiring team's page as data: the job form, invite links and the interviews table's query,
 * sorting and rows. DOM-free, so it is tested without a browser.
 */
import type { CreateInvite, CreateJob, Invite, InterviewListQuery, InterviewRow, Job, ListOrder, ListSort, Role, Status } from "./contract";
import { LIST_ORDERS, LIST_SORTS, ROLES, STATUSES } from "./contract";
import { RECOMMENDATION_TONES, ROLE_LABELS, STATUS_LABELS, formatDateTime, formatScore, type Tone } from "./labels";
import { LIMITS } from "./validation";

/** Requirements or skills typed one per line (or comma-separated on one line). */
export function splitList(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const items = lines.length === 1 ? lines[0]!.split(",") : lines;
  return items.map((s) => s.replace(/^\s*[-•*]\s*/, "").trim()).filter(Boolean);
}

export interface JobFields {
  source: "fields" | "url";
  url: string;
  job_title: string;
  company_name: string;
  location: string;
  job_description: string;
  requirements: string;
  skills: string;
  /** Candidates see their scores and report (off: the team keeps them). */
  share_results?: boolean;
}

export type JobFieldErrors = Partial<Record<keyof JobFields, string>>;

/** The POST /jobs body for the form, or what to fix. Imported postings take the typed fields as overrides. */
export function jobRequest(fields: JobFields): { body: CreateJob } | { errors: JobFieldErrors } {
  const errors: JobFieldErrors = {};
  const text = (v: string) => v.trim();
  const optional = (v: string) => (text(v) ? text(v) : undefined);
  if (fields.source === "url") {
    const url = text(fields.url);
    if (!url) errors.url = "Enter the address of the job posting.";
    else if (!/^https?:\/\/\S+$/i.test(url)) errors.url = "Enter a web address starting with https:// or http://.";
    else if (url.length > LIMITS.jobUrl) errors.url = `Keep the address under ${LIMITS.jobUrl.toLocaleString("en")} characters.`;
  } else if (!text(fields.job_title)) errors.job_title = "Enter the job title.";
  if (text(fields.job_title).length > LIMITS.jobTitle) errors.job_title = `Keep the job title under ${LIMITS.jobTitle} characters.`;
  if (text(fields.job_description).length > LIMITS.jobDescription) errors.job_description = `The description is too long (limit ${LIMITS.jobDescription.toLocaleString("en")} characters).`;
  if (Object.keys(errors).length) return { errors };
  const requirements = splitList(fields.requirements);
  const skills = splitList(fields.skills);
  const body: CreateJob = {
    ...(fields.source === "url" ? { url: text(fields.url) } : {}),
    ...(optional(fields.job_title) ? { job_title: text(fields.job_title) } : {}),
    ...(optional(fields.company_name) ? { company_name: text(fields.company_name) } : {}),
    ...(optional(fields.location) ? { location: text(fields.location) } : {}),
    ...(optional(fields.job_description) ? { job_description: text(fields.job_description) } : {}),
    ...(requirements.length ? { requirements } : {}),
    ...(skills.length ? { skills } : {}),
    ...(fields.share_results ? { share_results: true } : {}),
  };
  return { body };
}

export const DEFAULT_INVITE_HOURS = 24 * 7;

/**
 * The POST /jobs/{id}/invites body: the link works for `hours` and starts up to `uses` interviews
 * ("" for uses: any number until it expires). A link for a named candidate starts one.
 */
export function inviteRequest(hours: string, uses: string, candidateName = ""): { body: CreateInvite } | { error: string; field: "hours" | "uses" | "name" } {
  const h = hours.trim() === "" ? DEFAULT_INVITE_HOURS : Number(hours);
  if (!Number.isInteger(h) || h < 1 || h > LIMITS.inviteHours) return { field: "hours", error: `Choose a whole number of hours from 1 to ${LIMITS.inviteHours.toLocaleString("en")}.` };
  const name = candidateName.trim();
  if ([...name].length > LIMITS.username) return { field: "name", error: `Keep the name under ${LIMITS.username} characters.` };
  const named = name ? { candidate_name: name } : {};
  if (uses.trim() === "") {
    if (name) return { field: "uses", error: "A link for a named candidate starts one interview: set it to 1, or leave the name empty." };
    return { body: { expires_in_hours: h, max_uses: null } };
  }
  const u = Number(uses);
  if (!Number.isInteger(u) || u < 1 || u > LIMITS.inviteUses) return { field: "uses", error: `Choose a whole number of uses from 1 to ${LIMITS.inviteUses.toLocaleString("en")}, or leave it empty for no limit.` };
  if (name && u !== 1) return { field: "uses", error: "A link for a named candidate starts one interview: set it to 1, or leave the name empty." };
  return { body: { expires_in_hours: h, max_uses: u, ...named } };
}

/** "Active · 1 of 3 uses · expires 3 Dec 2026, 10:00", "Expired", "Used up". */
export function inviteState(invite: Pick<Invite, "expires_at" | "max_uses" | "uses"> & { active?: boolean }, now = Date.now()): { text: string; active: boolean } {
  const expired = invite.expires_at !== null && Date.parse(invite.expires_at) <= now;
  const usedUp = invite.max_uses !== null && invite.uses >= invite.max_uses;
  const uses = invite.max_uses === null ? `${invite.uses} use${invite.uses === 1 ? "" : "s"}, no limit` : `${invite.uses} of ${invite.max_uses} use${invite.max_uses === 1 ? "" : "s"}`;
  if (expired) return { text: `Expired · ${uses}`, active: false };
  if (usedUp || invite.active === false) return { text: `Used up · ${uses}`, active: false };
  return { text: `Active · ${uses}${invite.expires_at ? ` · expires ${formatDateTime(invite.expires_at)}` : ""}`, active: true };
}

export const jobLabel = (job: Pick<Job, "job_title" | "company_name">) => (job.company_name ? `${job.job_title} · ${job.company_name}` : job.job_title);

// ---------------------------------------------------------------- the interviews table

export type SortColumn = ListSort;

export interface ListState {
  /** Part of a candidate's name. */
  candidate: string;
  job_id: string;
  status: "" | Status;
  role: "" | Role;
  sort: SortColumn;
  order: ListOrder;
}

export const INITIAL_LIST: ListState = { candidate: "", job_id: "", status: "", role: "", sort: "created", order: "desc" };
export const PAGE_SIZE = 20;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => values.find((v) => v === value);

/**
 * The table's filters and sort from the page's query (`/team?job=…&status=completed&sort=score`),
 * so a reload or a shared link shows the same list. A value the page does not know is left out.
 */
export function listFromSearch(search: string): ListState {
  const query = new URLSearchParams(search);
  return {
    candidate: query.get("candidate")?.trim().slice(0, LIMITS.username) ?? "",
    job_id: query.get("job")?.trim() ?? "",
    status: oneOf(STATUSES, query.get("status")) ?? "",
    role: oneOf(ROLES, query.get("role")) ?? "",
    sort: oneOf(LIST_SORTS, query.get("sort")) ?? INITIAL_LIST.sort,
    order: oneOf(LIST_ORDERS, query.get("order")) ?? INITIAL_LIST.order,
  };
}

/** The page's query for the table's filters and sort: only what differs from the default list, "" for none. */
export function listSearch(state: ListState): string {
  const query = new URLSearchParams();
  if (state.candidate.trim()) query.set("candidate", state.candidate.trim());
  if (state.job_id) query.set("job", state.job_id);
  if (state.status) query.set("status", state.status);
  if (state.role) query.set("role", state.role);
  if (state.sort !== INITIAL_LIST.sort || state.order !== INITIAL_LIST.order) {
    query.set("sort", state.sort);
    query.set("order", state.order);
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The GET /interviews query for the table's filters, sort and (for "Load more") the cursor. */
export function listQuery(state: ListState, cursor?: string | null): InterviewListQuery {
  return {
    ...(state.candidate.trim() ? { candidate: state.candidate.trim() } : {}),
    ...(state.job_id ? { job_id: state.job_id } : {}),
    ...(state.status ? { status: state.status } : {}),
    ...(state.role ? { role: state.role } : {}),
    sort: state.sort,
    order: state.order,
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
  };
}

/** Clicking a column's header: sort by it (newest or best first), or reverse it when it is already the sort. */
export function toggleSort(state: ListState, column: SortColumn): ListState {
  if (state.sort === column) return { ...state, order: state.order === "desc" ? "asc" : "desc" };
  return { ...state, sort: column, order: "desc" };
}

/** The aria-sort of a column's header. */
export const ariaSort = (state: ListState, column: SortColumn) => (state.sort !== column ? "none" : state.order === "asc" ? "ascending" : "descending");

export interface RowView {
  threadId: string;
  candidate: string;
  job: string;
  role: string;
  status: string;
  progress: string;
  score: string;
  recommendation?: { label: string; tone: Tone };
  created: string;
}

export function rowView(row: InterviewRow): RowView {
  const interviewer = row.role === "interviewer";
  const progress =
    row.status === "completed" ? "Finished" : interviewer ? `${row.current_step} question${row.current_step === 1 ? "" : "s"} asked` : `Question ${Math.max(1, row.current_step)} of ${row.max_steps}`;
  return {
    threadId: row.thread_id,
    candidate: row.candidate_name ?? (interviewer ? "AI candidate" : "Unnamed candidate"),
    job: jobLabel(row),
    role: ROLE_LABELS[row.role],
    status: STATUS_LABELS[row.status],
    progress,
    score: row.overall_score === undefined ? "—" : `${formatScore(row.overall_score)}/10`,
    ...(row.recommendation ? { recommendation: { label: row.recommendation_label ?? row.recommendation, tone: RECOMMENDATION_TONES[row.recommendation] } } : {}),
    created: formatDateTime(row.created_at),
  };
}
