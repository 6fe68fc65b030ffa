import type pg from "pg";
import { withStartupLock } from "./checkpointer.js";

/**
 * The engine's own tables, beside LangGraph's checkpoint tables. Created (and extended) at start-up
 * under an advisory lock, so several processes starting at once migrate once.
 */
const MIGRATIONS = [
  `create table if not exists interview_threads (
    thread_id text primary key,
    head text,
    lease_owner text,
    lease_expires_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now())`,
  // What the team's list shows without loading every interview's state.
  `alter table interview_threads
    add column if not exists role text not null default 'candidate',
    add column if not exists job_id text,
    add column if not exists job_title text,
    add column if not exists company text,
    add column if not exists candidate_name text,
    add column if not exists status text,
    add column if not exists step int,
    add column if not exists max_steps int,
    add column if not exists overall_score real,
    add column if not exists recommendation text,
    add column if not exists access_token_hash text`,
  // The interview's one voice room: a newer one, or the interview moving to another browser, closes it.
  `alter table interview_threads add column if not exists voice_room text`,
  `create index if not exists interview_threads_created on interview_threads (created_at desc, thread_id desc)`,
  `create index if not exists interview_threads_job on interview_threads (job_id, created_at desc)`,
  `create index if not exists interview_threads_token on interview_threads (access_token_hash) where access_token_hash is not null`,
  // Idempotency keys: the reply to a request is the state its turn committed (head).
  `create table if not exists interview_request_keys (
    principal text not null,
    key text not null,
    fingerprint text not null,
    thread_id text not null,
    kind text not null,
    head text,
    created_at timestamptz not null default now(),
    primary key (principal, key))`,
  `create index if not exists interview_request_keys_thread on interview_request_keys (thread_id)`,
  `create index if not exists interview_request_keys_created on interview_request_keys (created_at)`,
  // A CV's passages and their vectors: written once per interview, erased with it.
  `create table if not exists interview_cv_chunks (
    thread_id text not null,
    cv_id text not null,
    idx int not null,
    text text not null,
    vector bytea not null,
    primary key (thread_id, cv_id, idx))`,
  // Spoken versions of the interviewer's messages (text-to-speech), erased with the interview.
  `create table if not exists interview_audio (
    thread_id text not null,
    message_id text not null,
    mime_type text not null,
    data bytea not null,
    created_at timestamptz not null default now(),
    primary key (thread_id, message_id))`,
  `create table if not exists jobs (
    job_id text primary key,
    data jsonb not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now())`,
  `create table if not exists job_invites (
    invite_id text primary key,
    job_id text not null references jobs (job_id) on delete cascade,
    token_hash text not null unique,
    expires_at timestamptz,
    max_uses int,
    uses int not null default 0,
    created_at timestamptz not null default now())`,
  `create index if not exists job_invites_job on job_invites (job_id)`,
  // Who a link was sent to: shown to the team, filled in for the candidate; gone when the link is revoked.
  `alter table job_invites add column if not exists candidate_name text`,
  // The interview a link started last: opening a single-use link again continues it.
  `alter table job_invites add column if not exists thread_id text`,
];

export async function migrate(pool: pg.Pool): Promise<void> {
  await withStartupLock(pool, async () => {
    for (const sql of MIGRATIONS) await pool.query(sql);
  });
}

/**
 * Erases an interview in one statement (one transaction): its checkpoints, CV passages, audio,
 * idempotency keys and its row. Written against LangGraph's tables directly because the library's
 * deleteThread runs its own transaction and the CV must go in the same one as the checkpoints.
 */
export const ERASE_INTERVIEW_SQL = `with
    w as (delete from checkpoint_writes where thread_id = $1),
    b as (delete from checkpoint_blobs where thread_id = $1),
    c as (delete from checkpoints where thread_id = $1),
    cv as (delete from interview_cv_chunks where thread_id = $1),
    a as (delete from interview_audio where thread_id = $1),
    k as (delete from interview_request_keys where thread_id = $1)
  delete from interview_threads where thread_id = $1 and ($2::text is null or lease_owner = $2) returning voice_room`;
