import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { InterviewError, type Role } from "@interview/graph";
import type { AppDeps, AppEnv } from "../app-types.js";
import { errorResponses, IdempotencyHeaders, JoinForm, JoinJson, JoinResponse, type JoinBody } from "../schemas.js";
import { readStartRequest, requireFormOrJson, startInterview } from "./interviews.js";
import { authorizeInterview, principalOf, UNKNOWN_ACCESS_TOKEN } from "../access.js";
import { enterVoiceRoom, type RoomAccess } from "../voice-rooms.js";

/** Voice is available with room access, or unavailable for want of the named settings. */
export type VoiceAvailability = { access: RoomAccess } | { missing: string[] };

const joinRoute = (middleware: MiddlewareHandler<AppEnv>[]) =>
  createRoute({
    method: "post",
    path: "/join",
    tags: ["voice"],
    summary: "Start a voice interview (or resume one by thread_id) and get a LiveKit room token",
    description:
      "Creates the interview like /start_interview (same fields, optional CV), or takes `thread_id` to continue an existing one by voice. " +
      "The token is valid for this room only, for LIVEKIT_TOKEN_TTL_SECONDS, may publish the microphone and data, and dispatches the `voice-agent` " +
      "worker (the AI interviews) or, for `role=interviewer`, the `candidate-agent` (the AI is the candidate), with the thread_id as its only metadata. " +
      "An interview has one voice room: joining it in a new room closes the one it had. " +
      "A start retried with the same Idempotency-Key starts the interview once; the retry gets a new access token and room (the same room when it names one), which replace the first. " +
      "503 `voice_not_configured` when the server has no LiveKit settings.",
    middleware,
    request: {
      headers: IdempotencyHeaders,
      body: {
        content: {
          "multipart/form-data": { schema: JoinForm },
          "application/json": { schema: JoinJson },
        },
      },
    },
    responses: {
      200: { description: "Room token", content: { "application/json": { schema: JoinResponse } } },
      ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503),
    },
  });

/** Refuses before anything is read or created, so a server without voice changes nothing. */
const requireVoice =
  (voice: VoiceAvailability): MiddlewareHandler<AppEnv> =>
  async (_c, next) => {
    if ("missing" in voice) {
      throw new InterviewError(
        "voice_not_configured",
        `Voice interviews are not configured on this server: set ${voice.missing.join(", ")} (see docs/voice.md). Text interviews work as usual.`,
      );
    }
    await next();
  };

export function registerJoinRoute(app: OpenAPIHono<AppEnv>, deps: AppDeps, voice: VoiceAvailability) {
  const { service } = deps;
  app.openapi(joinRoute([requireVoice(voice), requireFormOrJson]), async (c) => {
    const access = (voice as { access: RoomAccess }).access;
    const isForm = !(c.req.header("content-type") ?? "").toLowerCase().startsWith("application/json");
    const body = (isForm ? c.req.valid("form") : c.req.valid("json")) as JoinBody;
    let threadId: string;
    let role: Role;
    let accessToken: string | undefined;
    const principal = principalOf(c);
    // A room of the caller's choosing is for the team: a candidate's seat is always a fresh room.
    if (body.room_name && principal.kind === "candidate") {
      throw new InterviewError("forbidden", "An interview's access token cannot choose the room; leave room_name out.");
    }
    if (body.thread_id) {
      // Resume by voice: an interview that can still be answered.
      threadId = body.thread_id;
      await authorizeInterview(c, service, threadId);
      const view = await service.get(threadId);
      if (view.status === "completed") {
        throw new InterviewError("interview_completed", "This interview is already completed and takes no more answers.");
      }
      role = view.role;
    } else {
      if (principal.kind === "candidate") throw new InterviewError("forbidden", "An interview's access token cannot start another interview.");
      const { fields, cvPdf } = await readStartRequest(c);
      const started = await startInterview(c, deps, fields, cvPdf, {}, body.room_name);
      threadId = started.view.threadId;
      role = started.view.role;
      accessToken = started.accessToken;
    }
    c.set("threadId", threadId);
    const room = await access.grant({ threadId, role, roomName: body.room_name });
    await enterVoiceRoom(deps, access, threadId, room, principal.kind === "candidate" ? principal.tokenDigest : undefined);
    return c.json({ token: room.token, url: room.url, room_name: room.roomName, thread_id: threadId, role, ...(accessToken ? { access_token: accessToken } : {}) }, 200);
  });
}
