import type pg from "pg";
import { InterviewError } from "./errors.js";

/**
 * The interviews as the hiring team sees them: the list (filters, sorting, keyset pages) and the
 * candidates' access tokens, read from the columns each turn's commit keeps up to date
 * (threads.ts), never from the interviews' states.
 */
/** One row of the team's list of interviews. */
export interface InterviewListRow {
  threadId: string;
  jobId: string | null;
  jobTitle: string | null;
  company: string | null;
  candidateName: string | null;
  role: string;
  status: string;
  step: number;
  maxSteps: number;
  overallScore: number | null;
  recommendation: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InterviewListFilter {
  jobId?: string | undefined;
  /** Part of the candidate's name, in any case. */
  candidateName?: string | undefined;
  status?: string | undefined;
  role?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  sort: "created" | "score";
  order: "asc" | "desc";
  limit: number;
  /** Where the previous page ended (opaque to clients). */
  cursor?: string | undefined;
}

export interface InterviewPage {
  rows: InterviewListRow[];
  nextCursor: string | null;
}

/** voice_room once the interview moved to another browser: left, with no room to close. */
const NO_ROOM = "";
const roomName = (stored: string | null | undefined) => (stored ? stored : null);

/** The list of interviews and their access tokens, in PostgreSQL. */
export class InterviewDirectory {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * The new token opens the interview from now on. Its voice room, entered with the old one, is
   * returned (to close) and marked left: no room may speak the interview until the next join. An
   * interview never joined by voice stays so.
   */
  async replaceAccessToken(threadId: string, tokenDigest: string): Promise<{ voiceRoom: string | null }> {
    const { rows } = await this.pool.query<{ voice_room: string | null }>(
      `update interview_threads t set access_token_hash = $2, voice_room = case when old.voice_room is null then null else $3 end
       from (select voice_room from interview_threads where thread_id = $1 for update) old where t.thread_id = $1 returning old.voice_room`,
      [threadId, tokenDigest, NO_ROOM],
    );
    return { voiceRoom: roomName(rows[0]?.voice_room) };
  }

  /**
   * Whether a voice agent in this room may take the interview's answers: its room is the one the
   * interview was last joined in, or the interview was never joined through /join (a dispatch by
   * hand). False once it was joined elsewhere or moved to another browser.
   */
  async speaksIn(threadId: string, room: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ voice_room: string | null }>("select voice_room from interview_threads where thread_id = $1", [threadId]);
    const current = rows[0]?.voice_room ?? null;
    return current === null || current === room;
  }

  /**
   * Records the interview's voice room and returns the one it had before, if another. With a
   * token digest, only while that token still opens the interview (else `recorded` is false): a
   * join racing the link's move to another browser must not leave the old browser a room.
   */
  async replaceVoiceRoom(threadId: string, room: string, tokenDigest?: string): Promise<{ recorded: boolean; previous: string | null }> {
    const { rows } = await this.pool.query<{ voice_room: string | null }>(
      `update interview_threads t set voice_room = $2
       from (select voice_room from interview_threads where thread_id = $1 for update) old
       where t.thread_id = $1 and ($3::text is null or t.access_token_hash = $3) returning old.voice_room`,
      [threadId, room, tokenDigest ?? null],
    );
    if (rows.length === 0) return { recorded: false, previous: null };
    const previous = roomName(rows[0]!.voice_room);
    return { recorded: true, previous: previous === room ? null : previous };
  }

  async isAccessToken(tokenDigest: string): Promise<boolean> {
    const { rowCount } = await this.pool.query("select 1 from interview_threads where access_token_hash = $1 limit 1", [tokenDigest]);
    return rowCount === 1;
  }

  /** Started interviews (first turn committed), filtered and sorted, one keyset page at a time. */
  async list(filter: InterviewListFilter): Promise<InterviewPage> {
    const where = ["head is not null"];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace("?", `$${values.length}`));
    };
    if (filter.jobId) add("job_id = ?", filter.jobId);
    // What was typed is matched as text: "%" and "_" in it are not wildcards.
    if (filter.candidateName) add("candidate_name ilike ? escape '\\'", `%${filter.candidateName.replace(/[\\%_]/g, "\\$&")}%`);
    if (filter.status) add("status = ?", filter.status);
    if (filter.role) add("role = ?", filter.role);
    if (filter.createdFrom) add("created_at >= ?::timestamptz", filter.createdFrom);
    if (filter.createdTo) add("created_at < ?::timestamptz", filter.createdTo);
    // Unscored interviews count as -1: last when the best scores come first. Equal scores (every
    // unscored interview, say) go by start time, newest first when the best come first.
    const keys = filter.sort === "score" ? [SCORE_KEY, CREATED_KEY] : [CREATED_KEY];
    const op = filter.order === "asc" ? ">" : "<";
    const after = filter.cursor ? decodeCursor(filter.cursor, keys.length) : null;
    if (after) {
      const bounds = [...after.values, after.id].map((value, i) => {
        values.push(value);
        return `$${values.length}${keys[i]?.cast ?? ""}`;
      });
      where.push(`(${keys.map((k) => k.sql).join(", ")}, thread_id) ${op} (${bounds.join(", ")})`);
    }
    values.push(filter.limit + 1);
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `select thread_id, job_id, job_title, company, candidate_name, role, status, step, max_steps, overall_score, recommendation,
         created_at, updated_at, ${keys.map((k, i) => `${k.sql}::text as sort_key_${i}`).join(", ")}
       from interview_threads where ${where.join(" and ")}
       order by ${keys.map((k) => `${k.sql} ${filter.order}`).join(", ")}, thread_id ${filter.order} limit $${values.length}`,
      values,
    );
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    return {
      rows: page.map((r) => ({
        threadId: r.thread_id as string,
        jobId: r.job_id as string | null,
        jobTitle: r.job_title as string | null,
        company: r.company as string | null,
        candidateName: r.candidate_name as string | null,
        role: r.role as string,
        status: r.status as string,
        step: r.step as number,
        maxSteps: r.max_steps as number,
        overallScore: r.overall_score as number | null,
        recommendation: r.recommendation as string | null,
        createdAt: (r.created_at as Date).toISOString(),
        updatedAt: (r.updated_at as Date).toISOString(),
      })),
      nextCursor: rows.length > filter.limit && last ? encodeCursor(keys.map((_, i) => last[`sort_key_${i}`]), last.thread_id as string) : null,
    };
  }
}

/** A sort column, and the cast its cursor value is read back with (as text, a timestamp keeps its microseconds). */
const SCORE_KEY = { sql: "coalesce(overall_score, -1)", cast: "::real" };
const CREATED_KEY = { sql: "created_at", cast: "::timestamptz" };

const encodeCursor = (values: unknown[], id: string) => Buffer.from(JSON.stringify([...values, id])).toString("base64url");

function decodeCursor(cursor: string, keys: number): { values: unknown[]; id: string } {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const id = Array.isArray(parts) && parts.length === keys + 1 ? parts.at(-1) : undefined;
    if (typeof id !== "string") throw new Error("bad cursor");
    return { values: (parts as unknown[]).slice(0, keys), id };
  } catch {
    throw new InterviewError("invalid_input", "The cursor is not one this server gave out; start from the first page.");
  }
}
