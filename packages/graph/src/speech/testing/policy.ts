import type { CallPolicy } from "../../providers/resilience.js";

/** Retries without the production backoff, and a short attempt deadline, so failure tests run fast. */
export const fastSpeechPolicy: CallPolicy = { retries: 2, minBackoffMs: 1, maxBackoffMs: 5, timeoutMs: 2_000, maxRetryAfterMs: 3_000 };
