import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import type { ImportedJob } from "./import/types.js";
import { postingKey } from "./import/posting-key.js";

/** What a job posting says: filled in by hand, or read from the posting's page. */
export interface JobPosting {
  title: string;
  company?: string | undefined;
  companyInfo?: string | undefined;
  description?: string | undefined;
  requirements: string[];
  skills: string[];
  responsibilities: string[];
  location?: string | undefined;
  employmentType?: string | undefined;
  salary?: string | undefined;
  /** YYYY-MM-DD. */
  datePosted?: string | undefined;
}

/** How interviews for the job are run: the team's choice, never read from a posting. */
export interface JobSettings {
  questionType?: string | undefined;
  questionStyle?: string | undefined;
  maxSteps?: number | undefined;
  language?: string | undefined;
  /** Candidates see their scores, feedback and report; absent: the team keeps them. */
  shareResults?: boolean | undefined;
}

export const POSTING_FIELDS = [
  "title", "company", "companyInfo", "description", "requirements", "skills", "responsibilities", "location", "employmentType", "salary", "datePosted",
] as const satisfies readonly (keyof JobPosting)[];
export type PostingField = (typeof POSTING_FIELDS)[number];

/** Whether a job's candidates see their results; unset, the team keeps them. */
export const sharesResults = (job: JobSettings): boolean => job.shareResults === true;

export const SETTING_FIELDS = ["questionType", "questionStyle", "maxSteps", "language", "shareResults"] as const satisfies readonly (keyof JobSettings)[];

export interface JobData extends JobPosting, JobSettings {
  /** The page the posting was imported from (after redirects), and when. */
  sourceUrl?: string | undefined;
  fetchedAt?: string | undefined;
  /** The same for every address of the posting (see postingKey): how a second import of it is recognised. */
  postingKey?: string | undefined;
  /** Posting fields the team set by hand: importing the posting again keeps them. */
  manualFields?: PostingField[] | undefined;
}

export interface Job extends JobData {
  jobId: string;
  createdAt: string;
  updatedAt: string;
}

/** A change to a job: a value sets a field, null clears it (a list becomes empty). The title cannot be cleared. */
export type JobEdit = { [K in PostingField | (typeof SETTING_FIELDS)[number]]?: (K extends "title" ? string : NonNullable<JobData[K]> | null) | undefined };

const LIST_FIELDS = new Set<string>(["requirements", "skills", "responsibilities"]);
const isPostingField = (field: string): field is PostingField => (POSTING_FIELDS as readonly string[]).includes(field);

/** A job read from its posting; nothing about how to interview for it yet. */
export function jobFromImport(imported: ImportedJob): JobData & { sourceUrl: string; postingKey: string } {
  return {
    title: imported.title,
    company: imported.company,
    companyInfo: imported.companyInfo,
    description: imported.description || undefined,
    requirements: imported.requirements,
    skills: imported.skills,
    responsibilities: imported.responsibilities,
    location: imported.location,
    employmentType: imported.employmentType,
    salary: imported.salary,
    datePosted: imported.datePosted,
    sourceUrl: imported.sourceUrl,
    postingKey: postingKey(imported),
    fetchedAt: imported.fetchedAt,
  };
}

/** Applies an edit; posting fields it touches become the team's own and survive a re-import. */
export function editJob(job: JobData, edit: JobEdit): JobData {
  const next: Record<string, unknown> = { ...job };
  const manual = new Set(job.manualFields ?? []);
  for (const [field, value] of Object.entries(edit)) {
    if (value === undefined) continue;
    if (value === null) {
      if (LIST_FIELDS.has(field)) next[field] = [];
      else delete next[field];
    } else next[field] = value;
    if (isPostingField(field)) manual.add(field);
  }
  next.manualFields = manual.size ? [...manual] : undefined;
  return next as unknown as JobData;
}

/** The posting read again: its fields replace the old ones, except those set by hand and the interview settings. */
export function reimportJob(job: JobData, imported: ImportedJob): JobData {
  const fresh = jobFromImport(imported) as unknown as Record<string, unknown>;
  const old = job as unknown as Record<string, unknown>;
  const next: Record<string, unknown> = { ...fresh };
  for (const field of job.manualFields ?? []) next[field] = old[field];
  for (const field of SETTING_FIELDS) next[field] = old[field];
  next.manualFields = job.manualFields;
  return next as unknown as JobData;
}

export interface Invite {
  inviteId: string;
  jobId: string;
  expiresAt: string | null;
  /** null: no limit. */
  maxUses: number | null;
  uses: number;
  createdAt: string;
  /** Not expired and not used up. */
  active: boolean;
  /** Who the link was sent to, when the team said. */
  candidateName: string | null;
  /** The interview the link started last. */
  threadId: string | null;
}

/** What an invite token opens: a valid invite, or why it opens nothing. */
export type InviteLookup =
  | { status: "valid"; invite: Invite }
  | { status: "expired"; invite: Invite }
  | { status: "used_up"; invite: Invite }
  | { status: "unknown" };

export interface NewInvite {
  expiresAt?: Date | null | undefined;
  maxUses?: number | null | undefined;
  candidateName?: string | null | undefined;
}

/** Only the digest of an invite token is stored: the database alone opens no invite. */
export const inviteTokenDigest = (token: string) => createHash("sha256").update(token).digest("hex");

const newJobId = () => `job_${randomBytes(12).toString("base64url")}`;
const newInviteId = () => `inv_${randomBytes(12).toString("base64url")}`;
/** 256 random bits: unguessable, and short enough for a link. */
const newInviteToken = () => randomBytes(32).toString("base64url");

interface JobRow {
  job_id: string;
  data: JobData;
  created_at: Date;
  updated_at: Date;
}

const toJob = (row: JobRow): Job => ({ ...row.data, jobId: row.job_id, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() });

const INVITE_COLUMNS = `invite_id, job_id, expires_at, max_uses, uses, created_at, candidate_name, thread_id,
  (expires_at is null or expires_at > now()) as fresh, (max_uses is null or uses < max_uses) as has_uses`;

interface InviteRow {
  invite_id: string;
  job_id: string;
  expires_at: Date | null;
  max_uses: number | null;
  uses: number;
  created_at: Date;
  candidate_name: string | null;
  thread_id: string | null;
  fresh: boolean;
  has_uses: boolean;
}

const toInvite = (row: InviteRow): Invite => ({
  inviteId: row.invite_id,
  jobId: row.job_id,
  expiresAt: row.expires_at?.toISOString() ?? null,
  maxUses: row.max_uses,
  uses: row.uses,
  createdAt: row.created_at.toISOString(),
  active: row.fresh && row.has_uses,
  candidateName: row.candidate_name,
  threadId: row.thread_id,
});

const lookupOf = (row: InviteRow | undefined): InviteLookup => {
  if (!row) return { status: "unknown" };
  const invite = toInvite(row);
  if (!row.fresh) return { status: "expired", invite };
  if (!row.has_uses) return { status: "used_up", invite };
  return { status: "valid", invite };
};

/**
 * Jobs (a jsonb document each) and their invite links on PostgreSQL. Expiry is judged by the
 * database's clock, so every replica agrees on it.
 */
export class PostgresJobStore {
  constructor(private readonly pool: pg.Pool) {}

  async create(data: JobData): Promise<Job> {
    const { rows } = await this.pool.query<JobRow>("insert into jobs (job_id, data) values ($1, $2) returning *", [newJobId(), JSON.stringify(data)]);
    return toJob(rows[0]!);
  }

  async get(jobId: string): Promise<Job | undefined> {
    const { rows } = await this.pool.query<JobRow>("select * from jobs where job_id = $1", [jobId]);
    return rows[0] && toJob(rows[0]);
  }

  /**
   * Creates a job read from a posting, unless that posting is already a job (the newest such job
   * is returned instead, unless a second one is asked for). A lock on the posting makes two imports
   * of it at once one job. Jobs imported before posting keys match by their exact address.
   */
  async createImported(data: JobData & { sourceUrl: string; postingKey: string }, options: { allowDuplicate?: boolean } = {}): Promise<{ created: Job } | { existing: Job }> {
    const client = await this.pool.connect();
    try {
      await client.query("begin");
      await client.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [`job-posting:${data.postingKey}`]);
      if (!options.allowDuplicate) {
        const { rows } = await client.query<JobRow>(
          "select * from jobs where data->>'postingKey' = $1 or (data->>'postingKey' is null and data->>'sourceUrl' = $2) order by created_at desc, job_id desc limit 1",
          [data.postingKey, data.sourceUrl],
        );
        if (rows[0]) {
          await client.query("rollback");
          return { existing: toJob(rows[0]) };
        }
      }
      const { rows } = await client.query<JobRow>("insert into jobs (job_id, data) values ($1, $2) returning *", [newJobId(), JSON.stringify(data)]);
      await client.query("commit");
      return { created: toJob(rows[0]!) };
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Newest first. */
  async list(): Promise<Job[]> {
    const { rows } = await this.pool.query<JobRow>("select * from jobs order by created_at desc, job_id desc");
    return rows.map(toJob);
  }

  /** Rewrites a job from its current version, with the row locked so that concurrent edits do not overwrite each other. */
  async update(jobId: string, change: (job: Job) => JobData): Promise<Job | undefined> {
    const client = await this.pool.connect();
    try {
      await client.query("begin");
      const { rows } = await client.query<JobRow>("select * from jobs where job_id = $1 for update", [jobId]);
      const current = rows[0];
      if (!current) {
        await client.query("rollback");
        return undefined;
      }
      const data: Record<string, unknown> = { ...change(toJob(current)) };
      // The row's own columns are not part of the document.
      for (const column of ["jobId", "createdAt", "updatedAt"]) delete data[column];
      const saved = await client.query<JobRow>("update jobs set data = $2, updated_at = now() where job_id = $1 returning *", [jobId, JSON.stringify(data)]);
      await client.query("commit");
      return toJob(saved.rows[0]!);
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Deletes the job and its invites; interviews held for it keep its id. */
  async delete(jobId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query("delete from jobs where job_id = $1", [jobId]);
    return rowCount === 1;
  }

  /** A new invite link for the job (undefined if there is no such job); its token is returned here only. */
  async createInvite(jobId: string, options: NewInvite = {}): Promise<{ invite: Invite; token: string } | undefined> {
    const token = newInviteToken();
    const { rows } = await this.pool.query<InviteRow>(
      `insert into job_invites (invite_id, job_id, token_hash, expires_at, max_uses, candidate_name)
       select $1, job_id, $3, $4, $5, $6 from jobs where job_id = $2
       returning ${INVITE_COLUMNS}`,
      [newInviteId(), jobId, inviteTokenDigest(token), options.expiresAt ?? null, options.maxUses ?? null, options.candidateName ?? null],
    );
    return rows[0] && { invite: toInvite(rows[0]), token };
  }

  /** The job's invites, newest first (tokens are not stored, so not shown). */
  async listInvites(jobId: string): Promise<Invite[]> {
    const { rows } = await this.pool.query<InviteRow>(`select ${INVITE_COLUMNS} from job_invites where job_id = $1 order by created_at desc, invite_id desc`, [jobId]);
    return rows.map(toInvite);
  }

  async revokeInvite(jobId: string, inviteId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query("delete from job_invites where job_id = $1 and invite_id = $2", [jobId, inviteId]);
    return rowCount === 1;
  }

  /** What a token opens, without using it. */
  async inspect(token: string): Promise<InviteLookup> {
    const { rows } = await this.pool.query<InviteRow>(`select ${INVITE_COLUMNS} from job_invites where token_hash = $1`, [inviteTokenDigest(token)]);
    return lookupOf(rows[0]);
  }

  /**
   * Uses the invite once if it is still valid. The check and the count are one statement, so
   * concurrent redemptions of the last use cannot both succeed.
   */
  async redeem(token: string): Promise<InviteLookup> {
    const { rows } = await this.pool.query<InviteRow>(
      `update job_invites set uses = uses + 1
       where token_hash = $1 and (expires_at is null or expires_at > now()) and (max_uses is null or uses < max_uses)
       returning ${INVITE_COLUMNS}`,
      [inviteTokenDigest(token)],
    );
    if (rows[0]) return { status: "valid", invite: toInvite(rows[0]) };
    // Nothing was used: say why, for the message.
    return this.inspect(token);
  }

  /** Notes the interview a redemption started. */
  async recordStart(inviteId: string, threadId: string): Promise<void> {
    await this.pool.query("update job_invites set thread_id = $2 where invite_id = $1", [inviteId, threadId]);
  }

  /** Gives back the use of a redemption whose interview never started. */
  async refund(inviteId: string): Promise<void> {
    await this.pool.query("update job_invites set uses = uses - 1 where invite_id = $1 and uses > 0", [inviteId]);
  }
}
