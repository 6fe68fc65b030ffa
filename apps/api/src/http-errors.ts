import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { InterviewError, isInterviewError, type ErrorCode } from "@interview/graph";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

export function errorResponse(c: Context, code: ErrorCode, message: string, status?: number) {
  return c.json(errorBody(code, message), (status ?? new InterviewError(code, message).status) as ContentfulStatusCode);
}

/** Maps any thrown value to the documented JSON error; unexpected errors never leak details. */
export function toErrorResponse(c: Context, error: unknown) {
  if (isInterviewError(error)) return errorResponse(c, error.code, error.message);
  // Middleware such as bearerAuth attaches its own (already JSON) response.
  if (error instanceof HTTPException && error.res) return error.getResponse();
  if (error instanceof HTTPException) {
    const code: ErrorCode = error.status === 401 ? "unauthorized" : error.status === 413 ? "payload_too_large" : "invalid_input";
    return errorResponse(c, code, error.message || "Invalid request.", error.status);
  }
  return errorResponse(c, "internal_error", "Something went wrong on our side; the interview state is unchanged.", 500);
}
