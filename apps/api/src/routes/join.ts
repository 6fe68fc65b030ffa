import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { InterviewError, type InterviewService } from "@interview/graph";
import type { AppDeps, AppEnv } from "../app-types.js";
import { errorResponses, JoinForm, JoinJson, JoinResponse, type JoinBody } from "../schemas.js";
import { readStartRequest, requireFormOrJson } from "./interviews.js";

/** A seat in a voice room for one interview thread. */
export interface VoiceRoom {
  token: string;
  url: string;
  roomName: string;
}

/** Hands out room tokens that bring the voice interviewer along (LiveKit in production). */
export interface RoomAccess {
  grant(request: { threadId: string; roomName?: string | undefined }): Promise<VoiceRoom>;
}

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
      "worker with the thread_id as its only metadata. 503 `voice_not_configured` when the server has no LiveKit settings.",
    middleware,
    request: {
      body: {
        content: {
          "multipart/form-data": { schema: JoinForm },
          "application/json": { schema: JoinJson },
        },
      },
    },
    responses: {
      200: { description: "Room token", content: { "application/json": { schema: JoinResponse } } },
      ...errorResponses(400, 401, 404, 409, 413, 415, 422, 429, 503),
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

/** An interview that can still be answered by voice. */
async function resumable(service: InterviewService, threadId: string): Promise<string> {
  const view = await service.get(threadId);
  if (view.status === "completed") {
    throw new InterviewError("interview_completed", "This interview is already completed; its report is at GET /interviews/{thread_id}/report.");
  }
  return threadId;
}

export function registerJoinRoute(app: OpenAPIHono<AppEnv>, { service }: AppDeps, voice: VoiceAvailability) {
  app.openapi(joinRoute([requireVoice(voice), requireFormOrJson]), async (c) => {
    const access = (voice as { access: RoomAccess }).access;
    const request = await readStartRequest(c);
    const isForm = !(c.req.header("content-type") ?? "").toLowerCase().startsWith("application/json");
    const body = (isForm ? c.req.valid("form") : c.req.valid("json")) as JoinBody;
    const threadId = request.threadId ? await resumable(service, request.threadId) : (await service.start(request)).threadId;
    c.set("threadId", threadId);
    const room = await access.grant({ threadId, roomName: body.room_name });
    return c.json({ token: room.token, url: room.url, room_name: room.roomName, thread_id: threadId }, 200);
  });
}
