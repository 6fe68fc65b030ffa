import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { isInterviewError, type ErrorCode } from "@interview/graph";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { errorFacts, type Logger } from "./logger.js";

/** The HTTP status of every error code: the one place statuses are decided. */
export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  answer_too_long: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  interview_completed: 409,
  turn_in_progress: 409,
  stale_question: 409,
  thread_exists: 409,
  job_exists: 409,
  idempotency_in_progress: 409,
  idempotency_mismatch: 422,
  cv_too_large: 413,
  cv_text_too_long: 413,
  payload_too_large: 413,
  audio_too_large: 413,
  audio_too_long: 413,
  posting_too_large: 413,
  unsupported_media_type: 415,
  unreadable_pdf: 422,
  unreadable_audio: 422,
  url_not_allowed: 422,
  url_unreachable: 422,
  not_a_job_posting: 422,
  rate_limited: 429,
  internal_error: 500,
  provider_rejected: 502,
  provider_unavailable: 503,
  model_output_invalid: 503,
  speech_not_configured: 503,
  voice_not_configured: 503,
  not_ready: 503,
  upstream_timeout: 504,
};

/** The error body; `related` names a resource the error is about (the existing job of `job_exists`). */
export const errorBody = (code: ErrorCode, message: string, related: { job_id?: string } = {}) => ({ error: { code, message, ...related } });

export function errorResponse(c: Context, code: ErrorCode, message: string, retryAfterSeconds?: number) {
  const headers: Record<string, string> = retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {};
  return c.json(errorBody(code, message), STATUS[code], headers);
}

// PostgreSQL refusing work for now (SQLSTATE class 08: connection, 53: out of connections or
// memory, 57P01–57P03: shutting down or starting) or not reachable: worth one retry, not a bug.
const DATABASE_BUSY = /^(08...|53...|57P0[1-3])$/;
const UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT"]);

function databaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (DATABASE_BUSY.test(code) || UNREACHABLE.has(code));
}

/** The documented error for a thrown value, as the code, message and Retry-After a client sees. */
export function describeError(error: unknown): { code: ErrorCode; message: string; retryAfterSeconds?: number } {
  if (isInterviewError(error)) return { code: error.code, message: error.message, ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
  if (error instanceof HTTPException) {
    const code: ErrorCode = error.status === 401 ? "unauthorized" : error.status === 413 ? "payload_too_large" : error.status === 415 ? "unsupported_media_type" : "invalid_input";
    return { code, message: error.message || "Invalid request." };
  }
  if (databaseUnavailable(error)) return { code: "not_ready", message: "The database is not taking more work right now; nothing was changed. Send the request again in a moment.", retryAfterSeconds: 2 };
  return { code: "internal_error", message: "Something went wrong on our side; the interview state is unchanged." };
}

/** Maps any thrown value to the documented JSON error; unexpected errors never leak details. */
export function toErrorResponse(c: Context, error: unknown) {
  // Middleware such as bearerAuth attaches its own (already JSON) response.
  if (error instanceof HTTPException && error.res) return error.getResponse();
  const { code, message, retryAfterSeconds } = describeError(error);
  return errorResponse(c, code, message, retryAfterSeconds);
}

/**
 * One log line for a request that failed on our side or a provider's (5xx), whether it failed
 * before the reply or inside a stream: the request and interview it belongs to, the error's code
 * and class, never its message.
 */
export function logFailure(logger: Logger, c: Context<{ Variables: { requestId: string; threadId?: string } }>, error: unknown): void {
  const { code } = describeError(error);
  if (STATUS[code] < 500) return;
  logger.error({ requestId: c.get("requestId"), threadId: c.get("threadId"), code, err: errorFacts(error) }, "request failed");
}
