import { describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient, isApiError } from "./api";

type Call = { url: string; method: string; headers: Headers; body: string; form: FormData | null };

/** A fetch that records each request (as openapi-fetch sends it) and answers from a list. */
function fakeFetch(...responses: (Response | (() => Response) | Error)[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const type = request.headers.get("content-type") ?? "";
    const form = type.startsWith("multipart/form-data") ? await request.clone().formData() : null;
    calls.push({ url: request.url, method: request.method, headers: request.headers, body: form ? "" : await request.text(), form });
    const next = responses.shift();
    if (!next) throw new Error("no more responses");
    if (next instanceof Error) throw next;
    return typeof next === "function" ? next() : next;
  });
  return { fetch, calls };
}

const BASE = "http://api.test";
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const sse = (...chunks: string[]) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk));
        c.close();
      },
    }),
    { headers: { "content-type": "text/event-stream" } },
  );

const turn = { thread_id: "t1", status: "question", message: "Next?", current_step: 2, max_steps: 3, role: "candidate", engine: "offline" };
const health = { status: "ok", engine: "offline", database: "ok", provider: "ok", role_reversal: true, speech: { transcription: true, voice_replies: false }, voice: false };

describe("api client", () => {
  it("sends the stored API key as a bearer token, and none when there is no key", async () => {
    let key: string | null = "k-123";
    const { fetch, calls } = fakeFetch(json(turn), json(turn));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => key });
    await api.getInterview("t1");
    key = null;
    await api.getInterview("t1");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer k-123");
    expect(calls[1]!.headers.get("authorization")).toBeNull();
  });

  it("asks for a socket ticket with the interview's credentials, and names the socket on the API's own host (wss beside https)", async () => {
    const ticket = { ticket: "wst_1", expires_in: 30, protocols: ["interview.v1", "ticket.wst_1"] };
    const { fetch, calls } = fakeFetch(json(ticket));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => "k-123", getAccessToken: (id) => (id === "t 1" ? "itk_own" : null) });
    expect(await api.socketTicket("t 1")).toEqual(ticket);
    expect(calls[0]!.method).toBe("POST");
    expect(calls[0]!.url).toBe(`${BASE}/interviews/t%201/ws-ticket`);
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer itk_own");
    expect(api.socketUrl("t 1")).toBe("ws://api.test/ws/interview/t%201");
    expect(createApiClient({ baseUrl: "https://interviews.example/", fetch, getApiKey: () => null }).socketUrl("t1")).toBe("wss://interviews.example/ws/interview/t1");
  });

  it("sends an interview's own access token on that interview's routes only, and the team key elsewhere", async () => {
    const { fetch, calls } = fakeFetch(json(turn), json(turn), json({ jobs: [] }), json({ thread_id: "t2" }));
    const tokens: Record<string, string> = { t1: "itk_abc" };
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => "team-key", getAccessToken: (id) => tokens[id] ?? null });
    await api.getInterview("t1");
    await api.continueInterview("t1", { text: "An answer" });
    await api.listJobs();
    await api.getInterview("t2");
    expect(calls.map((c) => c.headers.get("authorization"))).toEqual(["Bearer itk_abc", "Bearer itk_abc", "Bearer team-key", "Bearer team-key"]);
  });

  it("on 401 asks for a key with the server's message and retries with it", async () => {
    let key: string | null = null;
    const { fetch, calls } = fakeFetch(json({ error: { code: "unauthorized", message: "Send Authorization: Bearer <API key>." } }, 401), json({ thread_id: "t1" }));
    const onUnauthorized = vi.fn(async () => {
      key = "secret";
      return true;
    });
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => key, onUnauthorized });
    await expect(api.getInterview("t1")).resolves.toEqual({ thread_id: "t1" });
    expect(onUnauthorized).toHaveBeenCalledWith("Send Authorization: Bearer <API key>.");
    expect(calls[1]!.headers.get("authorization")).toBe("Bearer secret");
  });

  it("does not ask for the team key when an interview's access token is refused", async () => {
    const { fetch } = fakeFetch(json({ error: { code: "unauthorized", message: "Unknown access token." } }, 401));
    const onUnauthorized = vi.fn(async () => true);
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null, getAccessToken: () => "itk_gone", onUnauthorized });
    await expect(api.getInterview("t1")).rejects.toMatchObject({ status: 401, message: "Unknown access token.", details: { tokenRefused: true } });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it("gives up with the 401 when the person cancels the key prompt", async () => {
    const { fetch } = fakeFetch(json({ error: { code: "unauthorized", message: "Unknown API key." } }, 401));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => "wrong", onUnauthorized: async () => false });
    await expect(api.getInterview("t1")).rejects.toMatchObject({ status: 401, code: "unauthorized", message: "Unknown API key." });
  });

  it.each([
    [400, { error: { code: "invalid_input", message: "job_title: job_title is required" } }, "invalid_input", "job_title: job_title is required"],
    [413, { error: { code: "cv_too_large", message: "The CV is larger than the 5 MB limit." } }, "cv_too_large", "The CV is larger than the 5 MB limit."],
    [415, { error: { code: "unsupported_media_type", message: "The CV must be a PDF file." } }, "unsupported_media_type", "The CV must be a PDF file."],
    [503, { error: { code: "voice_not_configured", message: "Voice needs LiveKit." } }, "voice_not_configured", "Voice needs LiveKit."],
  ])("a %i error keeps the API's code and message", async (status, body, code, message) => {
    const { fetch } = fakeFetch(json(body, status));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null });
    const error = await api.startInterview(new FormData()).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status, code, message });
  });

  it("explains a non-JSON error page by its status, and an unreachable server plainly", async () => {
    const { fetch } = fakeFetch(new Response("<html>Bad gateway</html>", { status: 502 }), new TypeError("Failed to fetch"));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null });
    await expect(api.getInterview("t1")).rejects.toMatchObject({ status: 502, message: "The interview server is not reachable right now." });
    await expect(api.getInterview("t1")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });

  it("reads what the server offers from /health, also when it reports its database down", async () => {
    const { fetch } = fakeFetch(json(health), json({ ...health, status: "degraded", database: "unavailable" }, 503));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null });
    await expect(api.health()).resolves.toMatchObject({ role_reversal: true, speech: { transcription: true } });
    await expect(api.health()).resolves.toMatchObject({ database: "unavailable" });
  });

  it("posts the set-up form as multipart, and the answer as JSON with its question, its Idempotency-Key and a request for a stream", async () => {
    const { fetch, calls } = fakeFetch(json(turn), sse(`event: done\ndata: ${JSON.stringify(turn)}\n\n`));
    const api = createApiClient({ fetch, getApiKey: () => null, baseUrl: "http://api.test/" });
    const form = new FormData();
    form.append("job_title", "Backend Engineer");
    await api.startInterview(form);
    await api.continueInterview("t1", { text: "My answer" }, { questionId: "q2", idempotencyKey: "5b8f0a4e-7c1d-4e2a-9f3b-1a2b3c4d5e6f" });
    expect(calls[0]!.url).toBe("http://api.test/start_interview");
    expect(calls[0]!.form?.get("job_title")).toBe("Backend Engineer");
    expect(calls[1]!.url).toBe("http://api.test/continue_interview");
    expect(calls[1]!.headers.get("accept")).toBe("text/event-stream");
    expect(calls[1]!.headers.get("content-type")).toBe("application/json");
    expect(calls[1]!.headers.get("idempotency-key")).toBe("5b8f0a4e-7c1d-4e2a-9f3b-1a2b3c4d5e6f");
    expect(JSON.parse(calls[1]!.body)).toEqual({ thread_id: "t1", user_response: "My answer", question_id: "q2" });
  });

  it("sends a recorded answer as multipart with the question and tts, and returns the transcript and the reply's audio", async () => {
    const reply = { ...turn, transcript: "I cached merchant settings in Redis.", audio_url: "/interviews/t1/audio/q2" };
    const { fetch, calls } = fakeFetch(sse(`event: done\ndata: ${JSON.stringify(reply)}\n\n`), new Response(new Uint8Array([0xff, 0xfb]), { headers: { "content-type": "audio/mpeg" } }));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => "team-key" });
    const audio = new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3])], { type: "audio/webm" });
    const result = await api.continueInterview("t1", { audio, filename: "answer.webm", tts: true }, { questionId: "q1", idempotencyKey: "k-1" });
    const form = calls[0]!.form!;
    expect([...form.keys()]).toEqual(["thread_id", "question_id", "tts", "audio"]);
    expect(form.get("question_id")).toBe("q1");
    expect(form.get("tts")).toBe("true");
    expect((form.get("audio") as File).name).toBe("answer.webm");
    expect(calls[0]!.headers.get("idempotency-key")).toBe("k-1");
    expect(result.transcript).toBe("I cached merchant settings in Redis.");
    const speech = await api.replyAudio("t1", result.audio_url!);
    expect(speech.type).toBe("audio/mpeg");
    expect(calls[1]!.url).toBe(`${BASE}/interviews/t1/audio/q2`);
    expect(calls[1]!.headers.get("authorization")).toBe("Bearer team-key");
  });

  it("never sends credentials for a reply's audio on another origin", async () => {
    const { fetch } = fakeFetch();
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => "team-key" });
    await expect(api.replyAudio("t1", "https://elsewhere.example/a.mp3")).rejects.toMatchObject({ code: "invalid_audio_url" });
    await expect(api.replyAudio("t1", "//elsewhere.example/a.mp3")).rejects.toMatchObject({ code: "invalid_audio_url" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    [413, "audio_too_large", "The recording is larger than the 10 MB limit."],
    [415, "unsupported_media_type", "Send the recording as webm, ogg, wav, mp3 or m4a."],
    [422, "unreadable_audio", "The recording is too short to hold any sound. Record the answer again."],
    [503, "speech_not_configured", "Spoken answers are not set up on this server."],
  ])("a recorded answer refused with %i keeps the API's words (%s)", async (status, code, message) => {
    const { fetch } = fakeFetch(json({ error: { code, message } }, status));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null });
    await expect(api.continueInterview("t1", { audio: new Blob([new Uint8Array(4)]), filename: "answer.webm" })).rejects.toMatchObject({ status, code, message });
  });

  it("streams the next question token by token (split anywhere), then returns the done reply", async () => {
    const { fetch } = fakeFetch(
      sse('event: token\ndata: {"text":"Compare "}\n\nevent: tok', 'en\ndata: {"text":"two "}\r\n\r\n', `event: token\ndata: {"text":"approaches."}\n\n: keep-alive\n\nevent: done\ndata: ${JSON.stringify(turn)}\n\n`),
    );
    const tokens: string[] = [];
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null });
    const reply = await api.continueInterview("t1", { text: "answer" }, { onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(["Compare ", "two ", "approaches."]);
    expect(reply).toEqual(turn);
  });

  it("decodes a character split across two chunks of the stream", async () => {
    const bytes = new TextEncoder().encode('event: token\ndata: {"text":"café"}\n\n');
    const cut = bytes.indexOf(0xc3) + 1;
    const response = new Response(
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes.slice(0, cut));
          c.enqueue(bytes.slice(cut));
          c.enqueue(new TextEncoder().encode(`event: done\ndata: ${JSON.stringify(turn)}\n\n`));
          c.close();
        },
      }),
      { headers: { "content-type": "text/event-stream" } },
    );
    const { fetch } = fakeFetch(response);
    const tokens: string[] = [];
    await createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null }).continueInterview("t1", { text: "a" }, { onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(["café"]);
  });

  it("turns an error event inside the stream into an ApiError with a status", async () => {
    const { fetch } = fakeFetch(sse('event: token\ndata: {"text":"Hm"}\n\nevent: error\ndata: {"error":{"code":"provider_unavailable","message":"The model is down; send the same answer again."}}\n\n'));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null });
    await expect(api.continueInterview("t1", { text: "answer" })).rejects.toMatchObject({ status: 503, code: "provider_unavailable", message: "The model is down; send the same answer again." });
  });

  it("reports a stream that ends without a reply, a 409 before any stream, and an answer to a question that is no longer current", async () => {
    const { fetch } = fakeFetch(
      sse('event: token\ndata: {"text":"Hm"}\n\n'),
      json({ error: { code: "turn_in_progress", message: "Another turn is in progress." } }, 409),
      json({ error: { code: "stale_question", message: "That answer is for question q1, but the current question is q2; nothing was changed." } }, 409),
    );
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null });
    await expect(api.continueInterview("t1", { text: "answer" })).rejects.toMatchObject({ code: "stream_interrupted" });
    await expect(api.continueInterview("t1", { text: "answer" })).rejects.toMatchObject({ status: 409, code: "turn_in_progress" });
    await expect(api.continueInterview("t1", { text: "answer" }, { questionId: "q1" })).rejects.toMatchObject({ status: 409, code: "stale_question" });
  });

  it("accepts a plain JSON reply to continue from a server that does not stream", async () => {
    const { fetch } = fakeFetch(json(turn));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null });
    await expect(api.continueInterview("t1", { text: "answer" })).resolves.toEqual(turn);
  });

  it("ends an interview early, and downloads the report as Markdown or PDF, escaping the thread id", async () => {
    const { fetch, calls } = fakeFetch(
      json({ ...turn, status: "completed" }),
      new Response("# Interview report", { headers: { "content-type": "text/markdown" } }),
      new Response(new TextEncoder().encode("%PDF-1.7"), { headers: { "content-type": "application/pdf" } }),
      new Response(null, { status: 204 }),
    );
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null });
    await expect(api.endInterview("a/b")).resolves.toMatchObject({ status: "completed" });
    await expect(api.reportMarkdown("a/b")).resolves.toBe("# Interview report");
    const pdf = await api.reportPdf("a/b");
    expect(await pdf.text()).toBe("%PDF-1.7");
    await api.deleteInterview("t1");
    expect(calls.map((c) => `${c.method} ${c.url.slice(BASE.length)} ${c.headers.get("accept") ?? ""}`.trim())).toEqual([
      "POST /interviews/a%2Fb/end",
      "GET /interviews/a%2Fb/report text/markdown",
      "GET /interviews/a%2Fb/report application/pdf",
      "DELETE /interviews/t1",
    ]);
  });

  it("ApiError is recognisable by code", () => {
    const error = new ApiError(409, "turn_in_progress", "busy");
    expect(isApiError(error, "turn_in_progress")).toBe(true);
    expect(isApiError(error, "not_found")).toBe(false);
    expect(isApiError(new Error("x"))).toBe(false);
  });
});

describe("api client: the hiring team and invite links", () => {
  const job = { job_id: "job_1", job_title: "Data Engineer", company_name: "Parcelly", requirements: ["3+ years"], skills: ["Spark"], responsibilities: [], created_at: "2026-12-01T10:00:00Z", updated_at: "2026-12-01T10:00:00Z" };

  it("lists and creates jobs with the team's key, from fields or a posting's URL", async () => {
    const { fetch, calls } = fakeFetch(json({ jobs: [job] }), json(job, 201), json({ ...job, job_id: "job_2", source_url: "https://jobs.example.com/1" }, 201));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => "team-key" });
    await expect(api.listJobs()).resolves.toEqual([job]);
    await api.createJob({ job_title: "Data Engineer", skills: ["Spark"] });
    await expect(api.createJob({ url: "https://jobs.example.com/1" })).resolves.toMatchObject({ job_id: "job_2" });
    expect(calls.map((c) => `${c.method} ${c.url.slice(BASE.length)}`)).toEqual(["GET /jobs", "POST /jobs", "POST /jobs"]);
    expect(JSON.parse(calls[1]!.body)).toEqual({ job_title: "Data Engineer", skills: ["Spark"] });
    expect(JSON.parse(calls[2]!.body)).toEqual({ url: "https://jobs.example.com/1" });
    expect(calls.every((c) => c.headers.get("authorization") === "Bearer team-key")).toBe(true);
  });

  it("shows why a posting could not be imported", async () => {
    const { fetch } = fakeFetch(json({ error: { code: "not_a_job_posting", message: "That page does not look like a job posting." } }, 422));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null });
    await expect(api.createJob({ url: "https://example.com/" })).rejects.toMatchObject({ status: 422, code: "not_a_job_posting", message: "That page does not look like a job posting." });
  });

  it("creates, lists and revokes a job's invite links", async () => {
    const created = { invite_id: "inv_1", token: "tok", url: "http://app.test/invite/tok", expires_at: "2026-12-08T10:00:00Z", max_uses: 1, uses: 0 };
    const { fetch, calls } = fakeFetch(json(created, 201), json({ invites: [{ invite_id: "inv_1", expires_at: created.expires_at, max_uses: 1, uses: 0, created_at: "2026-12-01T10:00:00Z", active: true }] }), new Response(null, { status: 204 }));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null });
    await expect(api.createInvite("job 1", { expires_in_hours: 48, max_uses: null })).resolves.toEqual(created);
    await expect(api.listInvites("job 1")).resolves.toHaveLength(1);
    await api.revokeInvite("job 1", "inv_1");
    expect(calls.map((c) => `${c.method} ${c.url.slice(BASE.length)}`)).toEqual(["POST /jobs/job%201/invites", "GET /jobs/job%201/invites", "DELETE /jobs/job%201/invites/inv_1"]);
    expect(JSON.parse(calls[0]!.body)).toEqual({ expires_in_hours: 48, max_uses: null });
  });

  it("asks for a page of interviews with the filters, sort and cursor, and returns the next cursor", async () => {
    const page = { interviews: [{ thread_id: "t1", job_title: "Data Engineer", role: "candidate", status: "completed", current_step: 3, max_steps: 3, overall_score: 7.5, recommendation: "hire", recommendation_label: "Hire", created_at: "2026-12-01T10:00:00Z", updated_at: "2026-12-01T10:30:00Z" }], next_cursor: "c2" };
    const { fetch, calls } = fakeFetch(json(page));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null });
    await expect(api.listInterviews({ job_id: "job_1", status: "completed", sort: "score", order: "asc", limit: 20, cursor: "c1" })).resolves.toEqual(page);
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe("/interviews");
    expect(Object.fromEntries(url.searchParams)).toEqual({ job_id: "job_1", status: "completed", sort: "score", order: "asc", limit: "20", cursor: "c1" });
  });

  it("opens an invite and starts its interview without any key, returning the interview's access token", async () => {
    const invite = { job: { job_title: "Data Engineer", requirements: [], skills: [] }, expires_at: null, uses_left: 1, voice_available: false };
    const { fetch, calls } = fakeFetch(json(invite), json({ ...turn, access_token: "itk_new" }));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => "team-key" });
    await expect(api.getInvite("a/b")).resolves.toEqual(invite);
    const form = new FormData();
    form.append("username", "Ana");
    await expect(api.startFromInvite("a/b", form)).resolves.toMatchObject({ access_token: "itk_new" });
    expect(calls.map((c) => `${c.method} ${c.url.slice(BASE.length)}`)).toEqual(["GET /invites/a%2Fb", "POST /invites/a%2Fb/start"]);
    expect(calls.map((c) => c.headers.get("authorization"))).toEqual([null, null]);
    expect(calls[1]!.form?.get("username")).toBe("Ana");
  });

  it.each([
    [404, "not_found", "This invite link is not valid: it may have been mistyped or revoked. Ask the hiring team for a new link."],
    [403, "forbidden", "This invite link has expired. Ask the hiring team for a new link."],
    [403, "forbidden", "This invite link has already been used. Ask the hiring team for a new link."],
  ])("an invite refused with %i says why (%s)", async (status, code, message) => {
    const onUnauthorized = vi.fn(async () => true);
    const { fetch } = fakeFetch(json({ error: { code, message } }, status));
    const api = createApiClient({ baseUrl: BASE, fetch, getApiKey: () => null, onUnauthorized });
    await expect(api.getInvite("tok")).rejects.toMatchObject({ status, code, message });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});
