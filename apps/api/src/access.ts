import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { InterviewError, interviewNotFound, interviewWithoutResults, turnWithoutResults, type InterviewService, type InterviewView, type ThreadInfo, type TurnView } from "@interview/graph";
import type { AppEnv } from "./app-types.js";

/**
 * Who is calling: the open server (no API_KEYS), a member of the team (an API key), or a candidate
 * holding one interview's access token. Tokens are compared by their digest and never logged.
 */
export type Principal = { kind: "open" } | { kind: "team"; keyDigest: string } | { kind: "candidate"; tokenDigest: string };

/** Candidate access tokens start with this, so they are never mistaken for a team's key. */
export const ACCESS_TOKEN_PREFIX = "itk_";

export const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");

export function newAccessToken(): { token: string; digest: string } {
  const token = `${ACCESS_TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  return { token, digest: digest(token) };
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(digest(a));
  const y = Buffer.from(digest(b));
  return timingSafeEqual(x, y);
};

/**
 * Routes anyone may call: health, invite links, and the API reference. The reference holds no data,
 * and a browser cannot send a key to open a page, so it stays public; its Authorize button takes the key.
 */
const isPublic = (path: string) =>
  /^\/(health|openapi\.json|docs)(\/|$)/.test(path) || /^\/invites\/[^/]+(\/start|\/join)?$/.test(path);
const isApiPath = (path: string) =>
  /^\/(start_interview|continue_interview|join|interviews|jobs|session|ws|openapi\.json|docs)(\/|$)/.test(path);

/** Reads the caller from the Authorization header; with API_KEYS set, an API route needs a key or an access token. */
export function identify(apiKeys: string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    let principal: Principal = { kind: "open" };
    // An open server (no API_KEYS) is open to everyone: tokens restrict nothing there.
    if (apiKeys.length === 0) principal = { kind: "open" };
    else if (bearer?.startsWith(ACCESS_TOKEN_PREFIX)) principal = { kind: "candidate", tokenDigest: digest(bearer) };
    else if (bearer && apiKeys.some((key) => sameSecret(key, bearer))) principal = { kind: "team", keyDigest: digest(bearer).slice(0, 16) };
    else if (apiKeys.length && isApiPath(c.req.path) && !isPublic(c.req.path)) {
      if (!header) throw new InterviewError("unauthorized", "Send Authorization: Bearer <API key>.");
      if (!bearer) throw new InterviewError("unauthorized", "Malformed Authorization header.");
      throw new InterviewError("unauthorized", "Unknown API key.");
    }
    c.set("principal", principal);
    await next();
  };
}

export const principalOf = (c: Context<AppEnv>): Principal => c.get("principal") ?? { kind: "open" };

/** A namespace for the caller's Idempotency-Keys. */
export function keyOwner(principal: Principal): string {
  if (principal.kind === "team") return `team:${principal.keyDigest}`;
  if (principal.kind === "candidate") return `candidate:${principal.tokenDigest.slice(0, 16)}`;
  return "open";
}

/** A token that opens nothing now: mistyped, replaced when the interview was continued from its invite link elsewhere, or erased with it. */
export const UNKNOWN_ACCESS_TOKEN =
  "This access token opens no interview now. An interview continued from its invite link in another browser, or erased, no longer opens with its old token; if you started from an invite link, open it again to go on.";

/** Team-only routes (the list, jobs, invites): refused to candidates, and to no one on an open server. */
export function requireTeam(c: Context<AppEnv>): void {
  if (principalOf(c).kind === "candidate") throw new InterviewError("forbidden", "This route is for the hiring team; an interview's access token opens only that interview.");
}

/**
 * Whether the caller may act on this interview: the team and an open server may; a candidate only with its token.
 * For a candidate it returns the interview's row it read, so a route need not read it again.
 */
export async function authorizeInterview(c: Context<AppEnv>, service: InterviewService, threadId: string): Promise<ThreadInfo | null> {
  const principal = principalOf(c);
  if (principal.kind !== "candidate") return null;
  const info = await service.info(threadId);
  if (info && info.accessTokenHash === principal.tokenDigest) return info;
  if (!(await service.isAccessToken(principal.tokenDigest))) throw new InterviewError("unauthorized", UNKNOWN_ACCESS_TOKEN);
  if (!info) throw interviewNotFound();
  throw new InterviewError("forbidden", "This access token is for another interview.");
}

/** Why a candidate's token gets no report. */
export const RESULTS_WITHHELD = "The hiring team keeps this interview's results; they will be in touch about the next steps.";

/**
 * What the caller is shown of an interview's results (scores, feedback, decisions, the report):
 * everything, unless a candidate's token opens an interview whose hiring team keeps them.
 */
export const seesResults = (principal: Principal, view: { resultsShared: boolean }) => principal.kind !== "candidate" || view.resultsShared;

export const turnFor = (principal: Principal, view: TurnView): TurnView => (seesResults(principal, view) ? view : turnWithoutResults(view));

export const interviewFor = (principal: Principal, view: InterviewView): InterviewView => (seesResults(principal, view) ? view : interviewWithoutResults(view));
