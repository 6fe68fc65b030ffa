import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { InterviewError, isInterviewError, sharesResults, type InterviewView } from "@interview/graph";
import type { AppDeps, AppEnv } from "../app-types.js";
import { newAccessToken } from "../access.js";
import { errorResponses, JoinResponse, TurnResponse } from "../schemas.js";
import { turnResponse } from "../presenters.js";
import { publicBase } from "../public-url.js";
import { errorFacts } from "../logger.js";
import { CreateInviteBody, InviteCreated, InviteList, InviteParam, InviteResume, InviteStartForm, InviteStartJson, JOB_LIMITS, JobParam, PublicInvite, TokenParam, type InviteStartBody } from "../jobs-schemas.js";
import { uploadedFile, withJobDefaults, type StartFields } from "./interviews.js";
import type { VoiceAvailability } from "./join.js";
import { closeRoom, enterVoiceRoom } from "../voice-rooms.js";
import { jobDirectory, jobNotFound, teamOnly, type Invite, type InviteLookup, type PostgresJobStore, type RouteRegistration } from "./jobs.js";

export interface InviteRouteOptions {
  /** Voice interviews through an invite (`createVoiceRoutes(config).availability`); text only when absent. */
  voice?: VoiceAvailability;
}

const NEW_LINK = "Ask the hiring team for a new link.";

const finished = () => new InterviewError("interview_completed", "You have finished the interview this link opened; the hiring team will be in touch about the next steps.");

/** Why a token opens nothing, as the candidate should hear it; the token itself is never repeated. */
function refusal(lookup: Exclude<InviteLookup, { status: "valid" }>): InterviewError {
  if (lookup.status === "expired") return new InterviewError("forbidden", `This invite link has expired. ${NEW_LINK}`);
  if (lookup.status === "used_up") return new InterviewError("forbidden", `This invite link has already been used. ${NEW_LINK}`);
  return new InterviewError("not_found", `This invite link is not valid: it may have been mistyped or revoked. ${NEW_LINK}`);
}

const presentInvite = (invite: Invite): z.infer<typeof InviteList>["invites"][number] => ({
  invite_id: invite.inviteId,
  expires_at: invite.expiresAt,
  max_uses: invite.maxUses,
  uses: invite.uses,
  created_at: invite.createdAt,
  active: invite.active,
  candidate_name: invite.candidateName,
});

/** Links point at the web UI: PUBLIC_URL when set, else the address the team used to reach this server. */
const inviteUrl = (c: Context<AppEnv>, deps: AppDeps, token: string): string => `${publicBase(c, deps)}/invite/${token}`;

const createInviteRoute = createRoute({
  method: "post",
  path: "/jobs/{job_id}/invites",
  tags: ["invites"],
  summary: "Create an invite link for the job (its token is shown only in this reply)",
  middleware: [teamOnly],
  request: { params: JobParam, body: { required: false, content: { "application/json": { schema: CreateInviteBody } } } },
  responses: { 201: { description: "The invite", content: { "application/json": { schema: InviteCreated } } }, ...errorResponses(400, 401, 403, 404, 415, 429) },
});

const listInvitesRoute = createRoute({
  method: "get",
  path: "/jobs/{job_id}/invites",
  tags: ["invites"],
  summary: "The job's invite links, newest first (without their tokens)",
  middleware: [teamOnly],
  request: { params: JobParam },
  responses: { 200: { description: "Invites", content: { "application/json": { schema: InviteList } } }, ...errorResponses(401, 403, 404, 429) },
});

const revokeInviteRoute = createRoute({
  method: "delete",
  path: "/jobs/{job_id}/invites/{invite_id}",
  tags: ["invites"],
  summary: "Revoke an invite link; interviews it started stay",
  middleware: [teamOnly],
  request: { params: InviteParam },
  responses: { 204: { description: "Revoked" }, ...errorResponses(401, 403, 404, 429) },
});

const INVITE_ERRORS =
  "404 `not_found` for an unknown or revoked link; 403 `forbidden` for one that has expired or is used up (for a single-use link whose interview is unfinished, the message says to resume it).";
const LINK_FINISHED = "409 `interview_completed` once the interview a single-use link started is finished.";
const RESUMING =
  "A single-use link that started an interview still unfinished opens it again (`resumable`), until the link expires or is revoked: for a candidate whose browser was closed, cleared or changed.";

const publicInviteRoute = createRoute({
  method: "get",
  path: "/invites/{token}",
  tags: ["invites"],
  summary: "What an invite link is for (no API key needed)",
  description: `${INVITE_ERRORS} ${RESUMING} ${LINK_FINISHED}`,
  request: { params: TokenParam },
  responses: { 200: { description: "The job and the link's state", content: { "application/json": { schema: PublicInvite } } }, ...errorResponses(403, 404, 409, 429) },
});

const startBody = {
  required: false,
  content: { "multipart/form-data": { schema: InviteStartForm }, "application/json": { schema: InviteStartJson } },
};

const inviteStartRoute = createRoute({
  method: "post",
  path: "/invites/{token}/start",
  tags: ["invites"],
  summary: "Start the interview an invite link is for (no API key needed)",
  description:
    "Like /start_interview, with the job's settings; the reply carries the interview's own access_token. Each start uses the link once; " +
    `a start that fails does not. Idempotency-Key is not honoured here: every start is a new interview. ${INVITE_ERRORS} ${LINK_FINISHED}`,
  request: { params: TokenParam, body: startBody },
  responses: { 200: { description: "First question", content: { "application/json": { schema: TurnResponse } } }, ...errorResponses(400, 403, 404, 409, 413, 415, 422, 429, 503, 504) },
});

const inviteJoinRoute = createRoute({
  method: "post",
  path: "/invites/{token}/join",
  tags: ["invites"],
  summary: "Start the interview an invite link is for, by voice (no API key needed)",
  description: `Like /join for a new interview, in a fresh room. 503 \`voice_not_configured\` (using nothing) when the server has no LiveKit settings. ${INVITE_ERRORS} ${LINK_FINISHED}`,
  request: { params: TokenParam, body: startBody },
  responses: { 200: { description: "Room token", content: { "application/json": { schema: JoinResponse } } }, ...errorResponses(400, 403, 404, 409, 413, 415, 422, 429, 503, 504) },
});

const inviteResumeRoute = createRoute({
  method: "post",
  path: "/invites/{token}/resume",
  tags: ["invites"],
  summary: "Continue, in this browser, the unfinished interview a single-use link started (no API key needed)",
  description: `${RESUMING} The reply carries a new access token for the interview; the one given before stops working, so the interview goes on in one place. 409 \`interview_completed\` once it is finished; 400 \`invalid_input\` for a link that has started nothing, and for a link for several candidates (it cannot tell whose interview to continue). ${INVITE_ERRORS}`,
  request: { params: TokenParam },
  responses: { 200: { description: "The interview and its new access token", content: { "application/json": { schema: InviteResume } } }, ...errorResponses(400, 403, 404, 409, 429) },
});

const isForm = (c: Context) => /^multipart\/form-data/i.test(c.req.header("content-type") ?? "");

/** Invite links: the team creates, lists and revokes them; a candidate opens one and starts the job's interview. */
export function inviteRoutes(store: PostgresJobStore, options: InviteRouteOptions = {}): RouteRegistration {
  const { voice } = options;
  const access = voice && "access" in voice ? voice.access : undefined;

  return (app: OpenAPIHono<AppEnv>, deps: AppDeps) => {
    // Defaults come from the store, whether or not the app was given a JobDirectory.
    const withJob = { ...deps, jobs: jobDirectory(store) };

    /**
     * Uses the link once and starts the interview; a start that fails gives the use back. Not
     * startInterview: its Idempotency-Key replay would spend a use without a new interview, and
     * callers without a key of their own would share one namespace of keys.
     */
    async function startFromInvite(c: Context<AppEnv>, token: string, body: InviteStartBody) {
      const cvPdf = await uploadedFile(body.cv, "cv");
      const redeemed = await store.redeem(token);
      if (redeemed.status !== "valid") {
        // The link's own interview goes on (or is over): say so, rather than send the candidate for a new link.
        const started = await startedBy(redeemed);
        if (started?.status === "completed") throw finished();
        if (started) throw new InterviewError("forbidden", "This invite link has already started your interview, which is not finished: open the link again to continue it.");
        throw refusal(redeemed);
      }
      try {
        const fields: StartFields = {
          jobId: redeemed.invite.jobId,
          jobTitle: "",
          questionType: "",
          role: body.role,
          candidateName: body.username || redeemed.invite.candidateName || undefined,
          language: body.language || undefined,
          cvText: body.cv_text || undefined,
        };
        const request = await withJobDefaults(withJob, fields);
        const accessToken = newAccessToken();
        const view = await deps.service.start({ ...request, cvPdf, accessTokenHash: accessToken.digest });
        c.set("threadId", view.threadId);
        // The interview has started whatever happens here; without the note it only cannot be resumed.
        await store.recordStart(redeemed.invite.inviteId, view.threadId).catch((error: unknown) => {
          deps.logger.warn({ threadId: view.threadId, err: errorFacts(error) }, "could not note which interview an invite link started; the link cannot continue it");
        });
        return { view, accessToken: accessToken.token, accessTokenDigest: accessToken.digest };
      } catch (error) {
        await store.refund(redeemed.invite.inviteId).catch(() => undefined);
        throw error;
      }
    }

    /** The interview a used single-use link started, if it still exists: opening the link again continues it. */
    async function startedBy(lookup: InviteLookup): Promise<InterviewView | undefined> {
      if (lookup.status !== "used_up" || lookup.invite.maxUses !== 1 || !lookup.invite.threadId) return undefined;
      return deps.service.get(lookup.invite.threadId).catch((error: unknown) => {
        if (isInterviewError(error, "not_found")) return undefined;
        throw error;
      });
    }

    app.openapi(createInviteRoute, async (c) => {
      const { job_id } = c.req.valid("param");
      const body = c.req.valid("json");
      const hours = body.expires_in_hours ?? JOB_LIMITS.defaultInviteHours;
      const created = await store.createInvite(job_id, {
        expiresAt: new Date(Date.now() + hours * 3_600_000),
        maxUses: body.max_uses === undefined ? 1 : body.max_uses,
        candidateName: body.candidate_name || null,
      });
      if (!created) throw jobNotFound();
      const { invite, token } = created;
      return c.json(
        { invite_id: invite.inviteId, token, url: inviteUrl(c, deps, token), expires_at: invite.expiresAt, max_uses: invite.maxUses, uses: invite.uses, candidate_name: invite.candidateName },
        201,
      );
    });

    app.openapi(listInvitesRoute, async (c) => {
      const { job_id } = c.req.valid("param");
      if (!(await store.get(job_id))) throw jobNotFound();
      return c.json({ invites: (await store.listInvites(job_id)).map(presentInvite) }, 200);
    });

    app.openapi(revokeInviteRoute, async (c) => {
      const { job_id, invite_id } = c.req.valid("param");
      if (!(await store.revokeInvite(job_id, invite_id))) throw new InterviewError("not_found", "No invite with this invite_id for this job.");
      return c.body(null, 204);
    });

    app.openapi(publicInviteRoute, async (c) => {
      const lookup = await store.inspect(c.req.valid("param").token);
      const started = await startedBy(lookup);
      if (started?.status === "completed") throw finished();
      if (lookup.status === "unknown" || (lookup.status !== "valid" && !started)) throw refusal(lookup);
      const { invite } = lookup;
      const job = await store.get(invite.jobId);
      if (!job) throw refusal({ status: "unknown" });
      return c.json(
        {
          job: {
            job_title: job.title,
            company_name: job.company,
            job_description: job.description,
            location: job.location,
            requirements: job.requirements ?? [],
            skills: job.skills ?? [],
          },
          expires_at: invite.expiresAt,
          uses_left: invite.maxUses === null ? null : Math.max(0, invite.maxUses - invite.uses),
          candidate_name: invite.candidateName,
          voice_available: access !== undefined,
          results_shared: sharesResults(job),
          resumable: started !== undefined,
        },
        200,
      );
    });

    app.openapi(inviteResumeRoute, async (c) => {
      const lookup = await store.inspect(c.req.valid("param").token);
      const started = await startedBy(lookup);
      if (!started) {
        if (lookup.status === "valid") {
          throw new InterviewError(
            "invalid_input",
            lookup.invite.maxUses === 1 ? "This link has not started an interview yet: start one with it." : "This link is for several candidates, so it cannot tell whose interview to continue: it only starts new ones.",
          );
        }
        throw refusal(lookup);
      }
      if (started.status === "completed") throw finished();
      const accessToken = newAccessToken();
      const { voiceRoom } = await deps.service.replaceAccessToken(started.threadId, accessToken.digest);
      // The old browser's voice room goes with its token: the interview goes on in one place.
      if (voiceRoom && access) closeRoom(deps, access, started.threadId, voiceRoom);
      c.set("threadId", started.threadId);
      return c.json({ thread_id: started.threadId, access_token: accessToken.token }, 200);
    });

    app.openapi(inviteStartRoute, async (c) => {
      const body = (isForm(c) ? c.req.valid("form") : c.req.valid("json")) as InviteStartBody;
      const { view, accessToken } = await startFromInvite(c, c.req.valid("param").token, body);
      return c.json(turnResponse(view, { accessToken }), 200);
    });

    app.openapi(inviteJoinRoute, async (c) => {
      // Refused before the link is used or anything is read, as /join does.
      if (!access) {
        const missing = voice && "missing" in voice ? ` set ${voice.missing.join(", ")} (see docs/voice.md).` : "";
        throw new InterviewError("voice_not_configured", `Voice interviews are not configured on this server;${missing || " see docs/voice.md."} Text interviews work as usual.`);
      }
      const body = (isForm(c) ? c.req.valid("form") : c.req.valid("json")) as InviteStartBody;
      const { view, accessToken, accessTokenDigest } = await startFromInvite(c, c.req.valid("param").token, body);
      // Always a fresh room: a public link must not hand out seats in rooms of the caller's choosing.
      const room = await access.grant({ threadId: view.threadId, role: view.role });
      // Under the new token, which opening the link in another browser may already have replaced.
      await enterVoiceRoom(deps, access, view.threadId, room, accessTokenDigest);
      return c.json({ token: room.token, url: room.url, room_name: room.roomName, thread_id: view.threadId, role: view.role, access_token: accessToken }, 200);
    });
  };
}
