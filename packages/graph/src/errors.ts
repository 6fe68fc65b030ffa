/**
 * Every failure a caller can act on carries a stable code. The engine knows no HTTP: front-ends
 * map codes to their own statuses (apps/api/src/http-errors.ts).
 */
export const ERROR_CODES = [
  "invalid_input",
  "answer_too_long",
  "unauthorized",
  "forbidden",
  "not_found",
  "interview_completed",
  "turn_in_progress",
  "stale_question",
  "thread_exists",
  "job_exists",
  "idempotency_mismatch",
  "idempotency_in_progress",
  "cv_too_large",
  "cv_text_too_long",
  "payload_too_large",
  "audio_too_large",
  "audio_too_long",
  "unsupported_media_type",
  "unreadable_pdf",
  "unreadable_audio",
  "url_not_allowed",
  "url_unreachable",
  "not_a_job_posting",
  "posting_too_large",
  "rate_limited",
  "internal_error",
  "provider_unavailable",
  "provider_rejected",
  "model_output_invalid",
  "upstream_timeout",
  "speech_not_configured",
  "voice_not_configured",
  "not_ready",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface InterviewErrorOptions {
  cause?: unknown;
  /** When a retry may succeed, as the provider said (Retry-After) or as we estimate. */
  retryAfterSeconds?: number | undefined;
}

export class InterviewError extends Error {
  override readonly name = "InterviewError";
  readonly retryAfterSeconds: number | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options: InterviewErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** The refusal for a thread id that names no interview. */
export const interviewNotFound = () => new InterviewError("not_found", "No interview with this id.");

export function isInterviewError(error: unknown, code?: ErrorCode): error is InterviewError {
  return (
    error instanceof Error &&
    error.name === "InterviewError" &&
    (code === undefined || (error as InterviewError).code === code)
  );
}
