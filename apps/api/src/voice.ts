import { randomUUID } from "node:crypto";
import { AccessToken, RoomAgentDispatch, RoomConfiguration, RoomServiceClient, TrackSource, TwirpError } from "livekit-server-sdk";
import type { ApiConfig } from "./config.js";
import type { Role } from "@interview/graph";
import type { VoiceRoutes } from "./app-types.js";
import { registerJoinRoute, type VoiceAvailability } from "./routes/join.js";
import type { RoomAccess, VoiceRoom } from "./voice-rooms.js";

/** The worker names in apps/voice-agent; the token dispatches one explicitly. */
export const VOICE_AGENT_NAME = "voice-agent";
export const CANDIDATE_AGENT_NAME = "candidate-agent";

export interface LiveKitSettings {
  /** What browsers connect to (handed out by /join). */
  url: string;
  /** Where this server reaches LiveKit's room service; `url` when they are the same. */
  apiUrl?: string | undefined;
  apiKey: string;
  apiSecret: string;
  tokenTtlSeconds: number;
}

/**
 * Tokens for a LiveKit server: one room, a short life, microphone and data only, and an explicit
 * dispatch of the right agent that carries the thread_id and nothing else (never the CV).
 */
export class LiveKitRoomAccess implements RoomAccess {
  readonly #rooms: RoomServiceClient;

  constructor(private readonly settings: LiveKitSettings) {
    this.#rooms = new RoomServiceClient(settings.apiUrl ?? settings.url, settings.apiKey, settings.apiSecret, { requestTimeout: 5 });
  }

  async close(roomName: string): Promise<void> {
    try {
      await this.#rooms.deleteRoom(roomName);
    } catch (error) {
      // Empty rooms close by themselves: one already gone has nothing left to end.
      if (error instanceof TwirpError && error.code === "not_found") return;
      throw error;
    }
  }

  async grant({ threadId, role, roomName }: { threadId: string; role: Role; roomName?: string | undefined }): Promise<VoiceRoom> {
    const room = roomName ?? `interview-${randomUUID()}`;
    const token = new AccessToken(this.settings.apiKey, this.settings.apiSecret, {
      identity: `${role}-${randomUUID().slice(0, 8)}`,
      ttl: this.settings.tokenTtlSeconds,
    });
    token.addGrant({
      roomJoin: true,
      room,
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
      canPublishSources: [TrackSource.MICROPHONE],
    });
    token.roomConfig = new RoomConfiguration({
      // The human interviews an AI candidate (role "interviewer"), or is interviewed by the AI.
      agents: [new RoomAgentDispatch({ agentName: role === "interviewer" ? CANDIDATE_AGENT_NAME : VOICE_AGENT_NAME, metadata: JSON.stringify({ thread_id: threadId }) })],
    });
    return { token: await token.toJwt(), url: this.settings.url, roomName: room };
  }
}

/** Voice availability from the server's settings: LiveKit URL, key and secret, all three. */
export function voiceAvailability(config: ApiConfig): VoiceAvailability {
  const settings = { LIVEKIT_URL: config.LIVEKIT_URL, LIVEKIT_API_KEY: config.LIVEKIT_API_KEY, LIVEKIT_API_SECRET: config.LIVEKIT_API_SECRET };
  const missing = Object.entries(settings)
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length) return { missing };
  return {
    access: new LiveKitRoomAccess({
      url: config.LIVEKIT_URL!,
      apiUrl: config.LIVEKIT_API_URL,
      apiKey: config.LIVEKIT_API_KEY!,
      apiSecret: config.LIVEKIT_API_SECRET!,
      tokenTtlSeconds: config.LIVEKIT_TOKEN_TTL_SECONDS,
    }),
  };
}

/** Voice routes (POST /join). Always registered: without LiveKit settings /join answers 503 saying which are missing. */
export function createVoiceRoutes(config: ApiConfig): { routes: VoiceRoutes; available: boolean; availability: VoiceAvailability; rooms: RoomAccess | undefined } {
  const voice = voiceAvailability(config);
  const rooms = "access" in voice ? voice.access : undefined;
  return { routes: (app, deps) => registerJoinRoute(app, deps, voice), available: rooms !== undefined, availability: voice, rooms };
}
