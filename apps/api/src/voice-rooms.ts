import { InterviewError, interviewNotFound, type Role } from "@interview/graph";
import type { AppDeps } from "./app-types.js";
import { UNKNOWN_ACCESS_TOKEN } from "./access.js";
import { errorFacts } from "./logger.js";

/** A seat in a voice room for one interview thread. */
export interface VoiceRoom {
  token: string;
  url: string;
  roomName: string;
}

/** Hands out room tokens that bring the right voice agent along (LiveKit in production). */
export interface RoomAccess {
  grant(request: { threadId: string; role: Role; roomName?: string | undefined }): Promise<VoiceRoom>;
  /** Ends a room: its participants and its voice agent leave. A room that is already gone is no error. */
  close(roomName: string): Promise<void>;
}

/**
 * The room becomes the interview's one voice room; the one it had before is closed, as a newer
 * socket closes the older. Closing is not waited for: a slow LiveKit must not hold up the join.
 */
export async function enterVoiceRoom(deps: AppDeps, access: RoomAccess, threadId: string, room: VoiceRoom, tokenDigest?: string): Promise<void> {
  const { recorded, previous } = await deps.service.replaceVoiceRoom(threadId, room.roomName, tokenDigest);
  // The token was retired meanwhile (the interview went on in another browser): no room for it.
  if (!recorded) throw tokenDigest ? new InterviewError("unauthorized", UNKNOWN_ACCESS_TOKEN) : interviewNotFound();
  if (previous) closeRoom(deps, access, threadId, previous);
}

export function closeRoom(deps: AppDeps, access: RoomAccess, threadId: string, roomName: string): void {
  void access.close(roomName).catch((error: unknown) => deps.logger.warn({ threadId, err: errorFacts(error) }, "could not close a voice room the interview left"));
}
