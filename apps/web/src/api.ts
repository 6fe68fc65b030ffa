/**
 * The API client: typed by the generated OpenAPI types (openapi-fetch), with the page's auth
 * (the team's API key, or one interview's access token), the API's `{ error: { code, message } }`
 * as `ApiError`, and the streamed `/continue_interview`. DOM-free.
 */
import createClient from "openapi-fetch";
import { EventSourceParserStream } from "eventsource-parser/stream";
import type {
  CreateInvite, CreateJob, Health, InterviewListQuery, InterviewPage, InterviewRecord, Invite, InviteCreated, InviteResume, Job, JoinResponse, paths, PublicInvite,
  SocketTicket, TurnResponse,
} from "./contract";
import { ERROR_STATUS } from "./generated/statuses";

/** An error the API (or the network) reported, with the API's stable code. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    /** HTTP status; 0 when the server could not be reached or the stream broke. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: {
      /** With `job_exists`: the job the posting already is. */
      jobId?: string | undefined;
      /** An interview's access token was refused (replaced, or its interview erased): no key would help. */
      tokenRefused?: boolean;
    } = {},
  ) {
    super(message);
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof Error && error.name === "ApiError" && (code === undefined || (error as ApiError).code === code);

const FALLBACK_MESSAGES: Record<number, string> = {
  401: "This server needs an API key.",
  403: "This link or key does not open this page.",
  404: "Not found.",
  413: "The request is too large.",
  415: "The server does not accept this kind of file.",
  429: "Too many requests; wait a minute and try again.",
  502: "The interview server is not reachable right now.",
  503: "The interviewer is unavailable right now; try again in a moment.",
};

export function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; job_id?: unknown } } | null)?.error;
  if (error && typeof error.code === "string" && typeof error.message === "string") {
    return new ApiError(status || ERROR_STATUS[error.code] || 0, error.code, error.message, typeof error.job_id === "string" ? { jobId: error.job_id } : {});
  }
  return new ApiError(status, `http_${status}`, FALLBACK_MESSAGES[status] ?? `The server answered with status ${status}.`);
}

const isAbort = (error: unknown) => error instanceof Error && error.name === "AbortError";
const networkError = () => new ApiError(0, "network_error", "Could not reach the interview server. Check your connection and try again.");

export interface ApiClientOptions {
  /** Origin of the API; the page's own by default. */
  baseUrl?: string;
  fetch?: (request: Request) => Promise<Response>;
  /** The stored API key, if any; sent as `Authorization: Bearer`. */
  getApiKey: () => string | null;
  /** An interview's own access token (from an invite link): sent instead of the key, on that interview's routes only. */
  getAccessToken?: (threadId: string) => string | null;
  /**
   * Called on 401 with the server's message. Resolve true once a (new) key is stored to retry the
   * request, false to give up (the 401 is then thrown).
   */
  onUnauthorized?: (message: string) => Promise<boolean>;
}

/** A spoken answer: the recording, its file name (the extension names its format) and whether to hear the reply. */
export interface RecordedAnswer {
  audio: Blob;
  filename: string;
  tts?: boolean;
}

export type Answer = { text: string } | RecordedAnswer;

export interface ContinueOptions {
  /** The question answered: a different current question is refused with 409 stale_question. */
  questionId?: string | undefined;
  /** The same key for a retry of the same answer, so it is answered exactly once. */
  idempotencyKey?: string | undefined;
  /** The next question (or the AI candidate's reply) as it is written. */
  onToken?: (text: string) => void;
  signal?: AbortSignal;
}

/** Whose credentials a request carries: the key, an interview's token (else the key), or none (public routes). */
type Auth = { thread?: string } | "public";

type Result<T> = { data?: T; error?: unknown; response: Response };

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(options: ApiClientOptions) {
  const baseUrl = (options.baseUrl ?? globalThis.location?.origin ?? "").replace(/\/$/, "");
  const doFetch = options.fetch ?? ((request: Request) => fetch(request));
  const client = createClient<paths>({ baseUrl, fetch: doFetch });

  /** The Authorization header, and whether it is the team's key (a refused key can be replaced). */
  function credentials(auth: Auth): { headers: Record<string, string>; usesKey: boolean } {
    if (auth === "public") return { headers: {}, usesKey: false };
    const token = auth.thread ? options.getAccessToken?.(auth.thread) : null;
    if (token) return { headers: { Authorization: `Bearer ${token}` }, usesKey: false };
    const key = options.getApiKey();
    return { headers: key ? { Authorization: `Bearer ${key}` } : {}, usesKey: true };
  }

  async function call<T>(auth: Auth, run: (headers: Record<string, string>) => Promise<Result<T>>): Promise<{ data: T; response: Response }> {
    for (;;) {
      const { headers, usesKey } = credentials(auth);
      let result: Result<T>;
      try {
        result = await run(headers);
      } catch (error) {
        if (isAbort(error)) throw error;
        throw networkError();
      }
      const { response } = result;
      if (response.ok) return { data: result.data as T, response };
      const error = errorFromBody(response.status, result.error);
      // An interview's token that is refused is not fixed by asking for the team's key.
      if (response.status === 401 && !usesKey && headers.Authorization) throw new ApiError(401, error.code, error.message, { ...error.details, tokenRefused: true });
      if (response.status === 401 && usesKey && options.onUnauthorized && (await options.onUnauthorized(error.message))) continue;
      throw error;
    }
  }

  const thread = (thread_id: string) => ({ path: { thread_id } });
  const threadOfForm = (form: FormData) => (typeof form.get("thread_id") === "string" ? (form.get("thread_id") as string) : undefined);
  // openapi-fetch sends a FormData body as it is (the browser sets the multipart boundary); its
  // types describe the multipart fields, which a FormData cannot show.
  const multipart = (form: FormData) => form as never;

  async function readStream(body: ReadableStream<Uint8Array>, onToken: ContinueOptions["onToken"]): Promise<TurnResponse> {
    // TextDecoderStream takes any BufferSource; the DOM types only disagree on Uint8Array's generic.
    const decoder = new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>;
    const reader = body.pipeThrough(decoder).pipeThrough(new EventSourceParserStream()).getReader();
    try {
      for (;;) {
        const { value: event, done } = await reader.read();
        if (done) break;
        if (event.event === "token") onToken?.((JSON.parse(event.data) as { text: string }).text);
        else if (event.event === "done") return JSON.parse(event.data) as TurnResponse;
        else if (event.event === "error") throw errorFromBody(0, JSON.parse(event.data));
      }
    } catch (error) {
      if (isApiError(error) || isAbort(error)) throw error;
      throw new ApiError(0, "stream_interrupted", "The connection broke while the reply was being written.");
    } finally {
      // A reply that ended early (or an abort) closes the connection instead of leaving it open.
      void reader.cancel().catch(() => undefined);
    }
    throw new ApiError(0, "stream_interrupted", "The connection closed before the reply arrived.");
  }

  return {
    /** GET /health: what this server offers. A 503 (database down) still says what it knows. */
    async health(): Promise<Health> {
      const { data, error, response } = await client.GET("/health").catch((e: unknown) => {
        throw isAbort(e) ? e : networkError();
      });
      if (data) return data;
      if (response.status === 503 && error && typeof error === "object" && "role_reversal" in error) return error as Health;
      throw errorFromBody(response.status, error);
    },

    /** POST /start_interview with the set-up form (multipart, so a CV can ride along). */
    startInterview: async (form: FormData, idempotencyKey?: string) =>
      (
        await call<TurnResponse>({}, (headers) =>
          client.POST("/start_interview", { body: multipart(form), headers: { ...headers, ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) } }),
        )
      ).data,

    /** POST /join: a LiveKit token for a voice interview (new, or resuming the form's `thread_id`). */
    join: async (form: FormData) =>
      (await call<JoinResponse>({ thread: threadOfForm(form) }, (headers) => client.POST("/join", { body: multipart(form), headers }))).data,

    getInterview: async (threadId: string) =>
      (await call<InterviewRecord>({ thread: threadId }, (headers) => client.GET("/interviews/{thread_id}", { params: thread(threadId), headers }))).data,

    /**
     * POST /interviews/{id}/ws-ticket: what opens the interview's WebSocket once, as subprotocols
     * (a browser cannot send Authorization on a socket, and a credential in its URL reaches logs).
     */
    socketTicket: async (threadId: string) =>
      (await call<SocketTicket>({ thread: threadId }, (headers) => client.POST("/interviews/{thread_id}/ws-ticket", { params: thread(threadId), headers }))).data,

    /** The interview's WebSocket on this server (ws: beside http:, wss: beside https:). */
    socketUrl: (threadId: string) => `${baseUrl.replace(/^http/, "ws")}/ws/interview/${encodeURIComponent(threadId)}`,

    /** POST /interviews/{id}/end: the interview ends now; the assessment covers what was answered. */
    endInterview: async (threadId: string) =>
      (await call<TurnResponse>({ thread: threadId }, (headers) => client.POST("/interviews/{thread_id}/end", { params: thread(threadId), headers }))).data,

    /** The report as Markdown, as the server renders it. */
    reportMarkdown: async (threadId: string) =>
      (
        await call<string>({ thread: threadId }, (headers) =>
          client.GET("/interviews/{thread_id}/report", { params: thread(threadId), headers: { ...headers, Accept: "text/markdown" }, parseAs: "text" }),
        )
      ).data,

    /** The report as a PDF. */
    reportPdf: async (threadId: string) =>
      (
        await call<Blob>({ thread: threadId }, (headers) =>
          client.GET("/interviews/{thread_id}/report", { params: thread(threadId), headers: { ...headers, Accept: "application/pdf" }, parseAs: "blob" }),
        )
      ).data,

    deleteInterview: async (threadId: string) =>
      void (await call<undefined>({ thread: threadId }, (headers) => client.DELETE("/interviews/{thread_id}", { params: thread(threadId), headers }))),

    /**
     * A reply's speech (`audio_url`), fetched with the interview's credentials (an <audio> element
     * could not send them). Only paths on the API's own origin are fetched.
     */
    async replyAudio(threadId: string, audioUrl: string): Promise<Blob> {
      if (!/^\/(?!\/)/.test(audioUrl)) throw new ApiError(0, "invalid_audio_url", "The reply's audio is not on this server.");
      const { data } = await call<Blob>({ thread: threadId }, async (headers) => {
        const response = await doFetch(new Request(`${baseUrl}${audioUrl}`, { headers }));
        return response.ok ? { data: await response.blob(), response } : { error: await response.json().catch(() => null), response };
      });
      return data;
    },

    /**
     * Answers the current question, typed or recorded (the recording is transcribed by the
     * server). Asks for a stream: `token` events go to `onToken` while the reply is written,
     * `done` carries the reply. A server that answers with plain JSON works too.
     */
    async continueInterview(threadId: string, answer: Answer, { questionId, idempotencyKey, onToken, signal }: ContinueOptions = {}): Promise<TurnResponse> {
      const extra: Record<string, string> = { Accept: "text/event-stream", ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) };
      let body: FormData | { thread_id: string; user_response: string; question_id?: string };
      if ("audio" in answer) {
        const form = new FormData();
        form.append("thread_id", threadId);
        if (questionId) form.append("question_id", questionId);
        if (answer.tts) form.append("tts", "true");
        form.append("audio", answer.audio, answer.filename);
        body = form;
      } else {
        body = { thread_id: threadId, user_response: answer.text, ...(questionId ? { question_id: questionId } : {}) };
      }
      const { data, response } = await call<ReadableStream<Uint8Array> | null>({ thread: threadId }, (headers) =>
        client.POST("/continue_interview", {
          body: body instanceof FormData ? multipart(body) : body,
          headers: { ...headers, ...extra },
          parseAs: "stream",
          ...(signal ? { signal } : {}),
        }) as Promise<Result<ReadableStream<Uint8Array> | null>>,
      );
      if (!data) throw new ApiError(0, "stream_interrupted", "The server sent an empty reply.");
      if (!(response.headers.get("content-type") ?? "").includes("text/event-stream")) return (await new Response(data).json()) as TurnResponse;
      return readStream(data, onToken);
    },

    // ------------------------------------------------------------ the hiring team

    listJobs: async () => (await call<{ jobs: Job[] }>({}, (headers) => client.GET("/jobs", { headers }))).data.jobs,

    /** A job from its fields, or imported from a posting's `url`. */
    createJob: async (job: CreateJob) => (await call<Job>({}, (headers) => client.POST("/jobs", { body: job, headers }))).data,

    listInvites: async (jobId: string) =>
      (await call<{ invites: Invite[] }>({}, (headers) => client.GET("/jobs/{job_id}/invites", { params: { path: { job_id: jobId } }, headers }))).data.invites,

    /** A new invite link; its token (in `url`) is shown only in this reply. */
    createInvite: async (jobId: string, invite: CreateInvite) =>
      (await call<InviteCreated>({}, (headers) => client.POST("/jobs/{job_id}/invites", { params: { path: { job_id: jobId } }, body: invite, headers }))).data,

    revokeInvite: async (jobId: string, inviteId: string) =>
      void (await call<undefined>({}, (headers) =>
        client.DELETE("/jobs/{job_id}/invites/{invite_id}", { params: { path: { job_id: jobId, invite_id: inviteId } }, headers }),
      )),

    // JSON, since no Accept: text/csv is sent (the route's other form).
    listInterviews: async (query: InterviewListQuery) =>
      (await call<InterviewPage | string>({}, (headers) => client.GET("/interviews", { params: { query }, headers }))).data as InterviewPage,

    /** Every interview the list's filters match, in its order, as a CSV file (page size and cursor do not apply). */
    exportInterviews: async ({ limit: _limit, cursor: _cursor, ...query }: InterviewListQuery) =>
      (await call<Blob>({}, (headers) => client.GET("/interviews", { params: { query }, headers: { ...headers, Accept: "text/csv" }, parseAs: "blob" }))).data,

    // ------------------------------------------------------------ invite links (no key needed)

    getInvite: async (token: string) =>
      (await call<PublicInvite>("public", () => client.GET("/invites/{token}", { params: { path: { token } } }))).data,

    /** Starts the job's text interview; the reply carries the interview's own `access_token`. */
    startFromInvite: async (token: string, form: FormData) =>
      (await call<TurnResponse>("public", () => client.POST("/invites/{token}/start", { params: { path: { token } }, body: multipart(form) }))).data,

    /** Continues the unfinished interview a single-use link started, with a new access token (the old one stops working). */
    resumeFromInvite: async (token: string) =>
      (await call<InviteResume>("public", () => client.POST("/invites/{token}/resume", { params: { path: { token } } }))).data,

    startVoiceFromInvite: async (token: string, form: FormData) =>
      (await call<JoinResponse>("public", () => client.POST("/invites/{token}/join", { params: { path: { token } }, body: multipart(form) }))).data,
  };
}
