import { z } from "zod";
import type { ErrorCode } from "@interview/graph";
import type { z as openapiZod } from "@hono/zod-openapi";
import type { CoachingSchema, FinalEvaluationSchema } from "../schemas.js";

/**
 * The realtime channel's wire format (docs/realtime.md): JSON text frames both ways, one message
 * per frame, each with a `type`.
 */

/** The subprotocol a client offers; credentials travel beside it in the same header. */
export const SUBPROTOCOL = "interview.v1";
export const TICKET_PROTOCOL_PREFIX = "ticket.";
export const TOKEN_PROTOCOL_PREFIX = "token.";

/** Why the server closed a socket; clients reconnect after 1001, 1011 and 4001 only. */
export const CLOSE_CODES = {
  /** The interview is completed: nothing more will happen on it. */
  completed: 1000,
  /** The server is stopping; connect again (another replica takes over). */
  goingAway: 1001,
  /** A frame over the frame limit, or a recorded answer over AUDIO_MAX_BYTES. */
  tooLarge: 1009,
  internalError: 1011,
  /** Another connection opened for the same interview (here or on another replica). */
  replaced: 4000,
  /** Nothing came back (no pong, no frame) for a whole heartbeat interval. */
  heartbeatTimeout: 4001,
  /** The credential the socket was opened with no longer opens the interview (its token was replaced). */
  accessWithdrawn: 4003,
  /** The interview was erased. */
  deleted: 4004,
} as const;

export const DEFAULT_MAX_FRAME_BYTES = 64 * 1024;
export const DEFAULT_HEARTBEAT_MS = 30_000;

const requestId = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, "must be 1 to 255 visible ASCII characters")
  .optional();
const questionId = z.string().min(1).max(64).optional();

// Strict: a misspelt field is reported instead of being silently ignored.
export const ClientMessageSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("answer"), text: z.string().trim().min(1, "must not be empty"), question_id: questionId, request_id: requestId }),
  z.strictObject({ type: z.literal("audio_chunk"), data: z.base64("must be base64").min(1, "must not be empty"), seq: z.number().int().min(0).max(100_000) }),
  z.strictObject({ type: z.literal("audio_end"), mime_type: z.string().max(100).optional(), question_id: questionId, request_id: requestId }),
  z.strictObject({ type: z.literal("get_current_question") }),
  z.strictObject({ type: z.literal("end"), request_id: requestId }),
  z.strictObject({ type: z.literal("ping") }),
]);

export type ClientMessage = z.infer<typeof ClientMessageSchema>;
export const CLIENT_MESSAGE_TYPES = ClientMessageSchema.options.map((o) => o.shape.type.value);

type Rubric = { relevance: number; depth: number; clarity: number; evidence: number };
type Status = "question" | "awaiting_question" | "completed";

export type ServerMessage =
  | { type: "connected"; thread_id: string; connection_id: string }
  | {
      type: "resume";
      status: Exclude<Status, "completed">;
      question_id?: string;
      text: string;
      step: number;
      max_steps: number;
      phase: string;
      kind?: string;
      /** Only before the first answer: what the interviewer says before the first question. */
      greeting?: string;
      answered: number;
    }
  | { type: "question"; question_id: string; text: string; step: number; max_steps: number; phase: string; kind: string }
  | { type: "token"; text: string }
  | { type: "transcript"; text: string }
  | { type: "evaluation"; question_id: string; score: number; rubric: Rubric; feedback: string; insufficient_evidence: boolean }
  | { type: "decision"; question_id: string; action: string; reason: string }
  | { type: "audio"; message_id: string; data: string; mime_type: string }
  | { type: "reply"; text: string; status: "awaiting_question"; step: number; max_steps: number }
  | {
      type: "completed";
      text: string;
      final_evaluation?: openapiZod.infer<typeof FinalEvaluationSchema>;
      coaching?: openapiZod.infer<typeof CoachingSchema>;
    }
  | { type: "error"; code: ErrorCode; message: string; retry_after_seconds?: number; request_id?: string }
  | { type: "pong" };

/** Parses one frame; the documented `invalid_input` message when it is not a valid client message. */
export function parseClientMessage(frame: string): { ok: true; message: ClientMessage } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(frame);
  } catch {
    return { ok: false, message: "The frame is not JSON; send one JSON object per text frame." };
  }
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof value !== "object" || value === null || Array.isArray(value) || !CLIENT_MESSAGE_TYPES.includes(type as never)) {
    return { ok: false, message: `type: must be one of ${CLIENT_MESSAGE_TYPES.join(", ")}.` };
  }
  const parsed = ClientMessageSchema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  // The field and the rule only: the value (an answer) is never echoed.
  const field = issue?.path.join(".") || "message";
  const why = issue?.code === "unrecognized_keys" ? `unknown field ${issue.keys.join(", ")}` : (issue?.message ?? "invalid value");
  return { ok: false, message: `${type as string}: ${issue?.code === "unrecognized_keys" ? why : `${field}: ${why}`}.` };
}

/** The offered subprotocols of an upgrade request (`Sec-WebSocket-Protocol`), in order. */
export function offeredProtocols(header: string | undefined): string[] {
  return (header ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}
