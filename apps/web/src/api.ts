/** The interview API client: auth, error mapping and the streamed continue. DOM-free. */
import { readSse } from "./sse";
import type { InterviewRecord, JoinResponse, TurnResponse } from "./types";

/** An error the API (or the network) reported, with the API's stable code. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    /** HTTP status; 0 when the server could not be reached or the stream broke. */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof Error && error.name === "ApiError" && (code === undefined || (error as ApiError).code === code);

/** Status of codes that can arrive inside an SSE `error` event (where there is no HTTP status). */
const CODE_STATUS: Record<string, number> = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  interview_completed: 409,
  turn_in_progress: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  provider_unavailable: 503,
  model_output_invalid: 503,
};

const FALLBACK_MESSAGES: Record<number, string> = {
  401: "This server needs an API key.",
  404: "Not found.",
  413: "The request is too large.",
  429: "Too many requests; wait a minute and try again.",
  502: "The interview server is not reachable right now.",
  503: "The interviewer is unavailable right now; try again in a moment.",
};

export function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === "string" && typeof error.message === "string") {
    return new ApiError(status || CODE_STATUS[error.code] || 0, error.code, error.message);
  }
  return new ApiError(status, `http_${status}`, FALLBACK_MESSAGES[status] ?? `The server answered with status ${status}.`);
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's HTML page, say): the status alone has to do
  }
  return errorFromBody(response.status, body);
}

const isAbort = (error: unknown) => error instanceof Error && error.name === "AbortError";

type Init = Omit<RequestInit, "headers"> & { headers?: Record<string, string> };

export interface ApiClientOptions {
  /** Prefix of every path; "" for the same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The stored API key, if any; sent as `Authorization: Bearer`. */
  getApiKey: () => string | null;
  /**
   * Called on 401 with the server's message. Resolve true once a (new) key is stored to retry the
   * request, false to give up (the 401 is then thrown).
   */
  onUnauthorized?: (message: string) => Promise<boolean>;
}

export interface ContinueOptions {
  /** The next question's text as it is written. */
  onToken?: (text: string) => void;
  signal?: AbortSignal;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(options: ApiClientOptions) {
  const base = (options.baseUrl ?? "").replace(/\/$/, "");
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function send(path: string, init: Init = {}): Promise<Response> {
    for (;;) {
      const headers: Record<string, string> = { ...init.headers };
      const key = options.getApiKey();
      if (key) headers.Authorization = `Bearer ${key}`;
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, { ...init, headers });
      } catch (error) {
        if (isAbort(error)) throw error;
        throw new ApiError(0, "network_error", "Could not reach the interview server. Check your connection and try again.");
      }
      if (response.ok) return response;
      const error = await errorFromResponse(response);
      if (response.status === 401 && options.onUnauthorized && (await options.onUnauthorized(error.message))) continue;
      throw error;
    }
  }

  const json = async <T>(path: string, init?: Init) =>
    (await (await send(path, { ...init, headers: { Accept: "application/json", ...init?.headers } })).json()) as T;

  const thread = (id: string) => `/interviews/${encodeURIComponent(id)}`;

  return {
    health: () => json<{ status: string; engine: string }>("/health"),

    /** POST /start_interview with the set-up form (multipart, so a CV can ride along). */
    startInterview: (form: FormData) => json<TurnResponse>("/start_interview", { method: "POST", body: form }),

    /** POST /join: a LiveKit token for a voice interview (new, or resuming `thread_id`). */
    join: (form: FormData) => json<JoinResponse>("/join", { method: "POST", body: form }),

    getInterview: (threadId: string) => json<InterviewRecord>(thread(threadId)),

    /** The report as Markdown, as the server renders it. */
    reportMarkdown: async (threadId: string) =>
      (await send(`${thread(threadId)}/report`, { headers: { Accept: "text/markdown" } })).text(),

    deleteInterview: async (threadId: string) => void (await send(thread(threadId), { method: "DELETE" })),

    /**
     * Answers the current question. Asks for a stream: `token` events go to `onToken` while the
     * next question is written, `done` carries the reply. A server that answers with plain JSON
     * works too.
     */
    async continueInterview(threadId: string, answer: string, { onToken, signal }: ContinueOptions = {}): Promise<TurnResponse> {
      const response = await send("/continue_interview", {
        method: "POST",
        headers: { Accept: "text/event-stream", "Content-Type": "application/json" },
        body: JSON.stringify({ thread_id: threadId, user_response: answer }),
        ...(signal ? { signal } : {}),
      });
      if (!(response.headers.get("content-type") ?? "").includes("text/event-stream") || !response.body) {
        return (await response.json()) as TurnResponse;
      }
      try {
        for await (const event of readSse(response.body, signal)) {
          if (event.event === "token") onToken?.((JSON.parse(event.data) as { text: string }).text);
          else if (event.event === "done") return JSON.parse(event.data) as TurnResponse;
          else if (event.event === "error") throw errorFromBody(0, JSON.parse(event.data));
        }
      } catch (error) {
        if (isApiError(error) || isAbort(error)) throw error;
        throw new ApiError(0, "stream_interrupted", "The connection broke while the next question was being written.");
      }
      throw new ApiError(0, "stream_interrupted", "The connection closed before the next question arrived.");
    },
  };
}
