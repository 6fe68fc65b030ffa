import type { OpenAPIHono } from "@hono/zod-openapi";
import type { InterviewService } from "@interview/graph";
import type { Store } from "hono-rate-limiter";
import type { Logger } from "./logger.js";
import type { Principal } from "./access.js";
import type { SpeechServices } from "./speech.js";
import type { RoomAccess } from "./voice-rooms.js";

export interface AppSettings {
  apiKeys: string[];
  corsOrigins: string[];
  rateLimitPerMinute: number;
  jsonBodyLimitBytes: number;
  cvMaxBytes: number;
  audioMaxBytes: number;
  /** Longest recorded answer, in seconds (told to clients by /health). */
  audioMaxSeconds: number;
  /** Silence after which a streamed turn opens anyway, and then between its keep-alive comments. */
  streamKeepAliveMs: number;
  /** Folder of the built web UI, served at `/`; none when absent. */
  webDistDir?: string | undefined;
  /** Base URL of the web UI for links handed out (invites); the request's origin when absent. */
  publicUrl?: string | undefined;
}

/** A job's fields as the defaults of an interview started for it. */
export interface JobDefaults {
  jobTitle: string;
  questionType?: string | undefined;
  questionStyle?: string | undefined;
  maxSteps?: number | undefined;
  company?: string | undefined;
  jobDescription?: string | undefined;
  language?: string | undefined;
  /** Candidates see their results (the job's share_results). */
  resultsShared: boolean;
}

export interface JobDirectory {
  defaultsFor(jobId: string): Promise<JobDefaults | undefined>;
}

/** Whether this replica takes new work: false once it has been told to stop. */
export interface Readiness {
  draining: boolean;
}

/** Everything the HTTP app needs, injected by the composition root or a test. */
export interface AppDeps {
  service: InterviewService;
  logger: Logger;
  settings: AppSettings;
  /** Readiness of the storage behind the service, for /health. */
  checkDatabase?: () => Promise<void>;
  /** Whether the model provider answers, for /health. */
  checkProvider?: () => Promise<{ ok: boolean; detail?: string }>;
  /** Registers voice routes (POST /join); absent when voice is not wired in. */
  voice?: VoiceRoutes;
  /** Whether LiveKit is configured (for /health; /join answers 503 otherwise). */
  voiceAvailable?: boolean;
  /** Closes the voice room of an interview being erased; absent without LiveKit. */
  voiceRooms?: RoomAccess;
  /** Speech-to-text and text-to-speech for recorded answers; absent or partial when not configured. */
  speech?: SpeechServices;
  /** Where rate limits are counted (shared by replicas); in memory when absent. */
  rateLimitStore?: Store;
  readiness?: Readiness;
  jobs?: JobDirectory;
  /** More routes (jobs, realtime…), registered after the interview routes. */
  routes?: ((app: OpenAPIHono<AppEnv>, deps: AppDeps) => void)[];
}

export type VoiceRoutes = (app: OpenAPIHono<AppEnv>, deps: AppDeps) => void;

/** Per-request values; threadId is logged so operators can follow an interview without its content. */
export type AppEnv = { Variables: { requestId: string; threadId?: string; principal?: Principal } };
