/** Every failure a caller can act on carries a stable code; HTTP status is derived from it. */
export const errorStatus = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  interview_completed: 409,
  turn_in_progress: 409,
  thread_exists: 409,
  cv_too_large: 413,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unreadable_pdf: 422,
  rate_limited: 429,
  internal_error: 500,
  provider_unavailable: 503,
  model_output_invalid: 503,
  voice_not_configured: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class InterviewError extends Error {
  override readonly name = "InterviewError";
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = errorStatus[code];
  }
}

/** The refusal for a thread id that names no interview. */
export const interviewNotFound = () => new InterviewError("not_found", "No interview with this thread_id.");

export function isInterviewError(error: unknown, code?: ErrorCode): error is InterviewError {
  return (
    error instanceof Error &&
    error.name === "InterviewError" &&
    (code === undefined || (error as InterviewError).code === code)
  );
}
