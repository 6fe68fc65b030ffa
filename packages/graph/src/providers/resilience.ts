import pRetry, { AbortError } from "p-retry";
import { InterviewError, isInterviewError } from "../errors.js";
import { raceSignal } from "../race-signal.js";

/** How one kind of provider call is held: its own time limit, retries with backoff, key rotation. */
export interface CallPolicy {
  /** Attempts after the first one. */
  retries: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  /** Time limit of each attempt. */
  timeoutMs: number;
  /** A Retry-After longer than this is not waited for: the call fails at once, saying when to retry. */
  maxRetryAfterMs?: number;
}

export const defaultCallPolicy: CallPolicy = { retries: 3, minBackoffMs: 500, maxBackoffMs: 8_000, timeoutMs: 20_000, maxRetryAfterMs: 10_000 };

/** One attempt: its own signal (attempt timeout or the caller giving up), and the key to use. */
export interface Attempt {
  signal: AbortSignal;
  /** 0-based attempt number. */
  attempt: number;
  /** Index of the API key this attempt uses (rotated after every failure). */
  key: number;
}

/**
 * A provider reply that is not usable (empty, blocked, truncated, not the expected shape). It is
 * retried like an outage, and reported as `model_output_invalid` when it persists.
 */
export class InvalidOutput extends Error {
  override readonly name = "InvalidOutput";
}

/** An HTTP failure from a provider called with fetch. */
export class ProviderHttpError extends Error {
  override readonly name = "ProviderHttpError";
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
    message = `HTTP ${status}`,
  ) {
    super(message);
  }
}

/** Milliseconds from a Retry-After header value (seconds or an HTTP date). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A google.rpc.RetryInfo delay ("21s", "1.5s") as Gemini puts it in error details. */
const parseDuration = (value: unknown) => {
  const match = typeof value === "string" ? /^(\d+(?:\.\d+)?)s$/.exec(value.trim()) : null;
  return match ? Number(match[1]) * 1000 : undefined;
};

type ErrorLike = {
  name?: string;
  code?: string;
  status?: number;
  statusCode?: number;
  response?: { status?: number; headers?: unknown };
  headers?: unknown;
  retryAfterMs?: number;
  errorDetails?: { retryDelay?: unknown }[];
  cause?: unknown;
};

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

/** The HTTP status of a provider failure, from the shapes the SDKs we use give their errors. */
export function statusOf(error: unknown): number | undefined {
  const e = error as ErrorLike | undefined;
  const status = e?.status ?? e?.statusCode ?? e?.response?.status;
  return typeof status === "number" ? status : undefined;
}

/** How long the provider asked us to wait before trying again, if it said. */
export function retryAfterOf(error: unknown): number | undefined {
  const e = error as ErrorLike | undefined;
  if (!e || typeof e !== "object") return undefined;
  if (typeof e.retryAfterMs === "number") return e.retryAfterMs;
  const header = headerOf(e.headers, "retry-after") ?? headerOf(e.response?.headers, "retry-after");
  const fromHeader = parseRetryAfter(header);
  if (fromHeader !== undefined) return fromHeader;
  for (const detail of e.errorDetails ?? []) {
    const delay = parseDuration(detail?.retryDelay);
    if (delay !== undefined) return delay;
  }
  return undefined;
}

/** Requests that the provider will refuse again whatever we do (bad request, bad key, unknown model). */
const isPermanent = (status: number | undefined) =>
  status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 425 && status !== 429;

class AttemptTimeout extends Error {
  override readonly name = "AttemptTimeout";
}

/** Rotates through a provider's API keys: each call starts where the last one left off. */
export class KeyRing {
  private next = 0;
  constructor(readonly size: number) {
    if (size < 1) throw new Error("a KeyRing needs at least one key");
  }
  take(): number {
    const key = this.next % this.size;
    this.next = (this.next + 1) % this.size;
    return key;
  }
}

export interface CallOptions {
  policy: CallPolicy;
  /** The caller gave up (turn abandoned or timed out): stop at once, retry nothing. */
  signal?: AbortSignal | undefined;
  keys?: KeyRing;
  /** Says whether an attempt may be repeated (false once a streamed reply reached the client, say). */
  retryable?: (error: unknown) => boolean;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/**
 * Calls a provider under a policy: each attempt gets its own deadline (and is cancelled when it
 * passes or the caller gives up), failures are retried with exponential backoff and the next key,
 * a Retry-After is honoured, and the final failure becomes the documented error:
 * `provider_unavailable`, `upstream_timeout`, `provider_rejected` or `model_output_invalid`, with
 * `retryAfterSeconds` when the provider said when to come back. Errors never carry reply text.
 */
export async function callProvider<T>(provider: string, run: (attempt: Attempt) => Promise<T>, options: CallOptions): Promise<T> {
  const { policy, signal } = options;
  const keys = options.keys ?? new KeyRing(1);
  let attempt = 0;
  try {
    return await pRetry(
      async () => {
        if (signal?.aborted) throw new AbortError(signal.reason instanceof Error ? signal.reason : new Error("cancelled"));
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new AttemptTimeout(`${provider} did not answer within ${policy.timeoutMs} ms`)), policy.timeoutMs);
        const onAbort = () => controller.abort(signal!.reason);
        signal?.addEventListener("abort", onAbort, { once: true });
        const current = { signal: controller.signal, attempt: attempt++, key: keys.take() };
        try {
          // A provider whose promise ignores the signal still loses the race against it.
          return await raceSignal(run(current), controller.signal);
        } catch (error) {
          const failure = controller.signal.aborted ? controller.signal.reason : error;
          if (signal?.aborted) throw new AbortError(signal.reason instanceof Error ? signal.reason : new Error("cancelled"));
          if (isInterviewError(failure)) throw new AbortError(failure);
          if (isPermanent(statusOf(failure)) || options.retryable?.(failure) === false) throw new AbortError(asError(failure));
          const wait = retryAfterOf(failure);
          if (wait !== undefined && wait > (policy.maxRetryAfterMs ?? defaultCallPolicy.maxRetryAfterMs!)) throw new AbortError(asError(failure));
          throw asError(failure);
        } finally {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
        }
      },
      {
        retries: policy.retries,
        minTimeout: policy.minBackoffMs,
        maxTimeout: policy.maxBackoffMs,
        factor: 2,
        randomize: true,
        unref: true,
        // The backoff follows this; a provider's Retry-After is waited for on top of it.
        onFailedAttempt: async ({ error, retriesLeft }) => {
          const wait = retryAfterOf(error);
          if (retriesLeft > 0 && wait) await sleep(wait, signal);
        },
        // p-retry does not retry TypeErrors that are not network errors; provider SDKs throw them for broken streams.
        shouldRetry: () => true,
      },
    );
  } catch (error) {
    const cause = error instanceof AbortError ? error.originalError : error;
    throw failureOf(provider, cause, signal);
  }
}

const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

/** The documented error for a provider failure that retries did not cure. */
export function failureOf(provider: string, error: unknown, signal?: AbortSignal): Error {
  if (isInterviewError(error)) return error;
  // The caller gave up: pass its reason on, so it knows the call was cancelled rather than failed.
  if (signal?.aborted) return asError(signal.reason);
  const retryAfterMs = retryAfterOf(error);
  const retryAfterSeconds = retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(retryAfterMs / 1000));
  if (error instanceof InvalidOutput) {
    return new InterviewError("model_output_invalid", `The ${provider} gave a reply that could not be used; try again.`, { cause: error, retryAfterSeconds: retryAfterSeconds ?? 2 });
  }
  if (error instanceof AttemptTimeout || (error as ErrorLike)?.name === "TimeoutError") {
    return new InterviewError("upstream_timeout", `The ${provider} did not answer in time; try again.`, { cause: error, retryAfterSeconds: retryAfterSeconds ?? 5 });
  }
  const status = statusOf(error);
  if (isPermanent(status)) {
    return new InterviewError("provider_rejected", `The ${provider} refused the request (HTTP ${status}); check the server's provider settings.`, { cause: error });
  }
  return new InterviewError(
    "provider_unavailable",
    `The ${provider} is unavailable${status ? ` (HTTP ${status})` : ""}; try again in a moment.`,
    { cause: error, retryAfterSeconds: retryAfterSeconds ?? 5 },
  );
}
