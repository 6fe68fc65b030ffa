import { describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient, isApiError } from "./api";

type Call = { url: string; init: RequestInit & { headers: Record<string, string> } };

function fakeFetch(...responses: (Response | (() => Response) | Error)[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init as Call["init"] });
    const next = responses.shift();
    if (!next) throw new Error("no more responses");
    if (next instanceof Error) throw next;
    return typeof next === "function" ? next() : next;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

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

const turn = { thread_id: "t1", status: "question", message: "Next?", current_step: 2, max_steps: 3, engine: "offline" };

describe("api client", () => {
  it("sends the stored API key as a bearer token, and none when there is no key", async () => {
    let key: string | null = "k-123";
    const { fetch, calls } = fakeFetch(json({ status: "ok" }), json({ status: "ok" }));
    const api = createApiClient({ fetch, getApiKey: () => key });
    await api.health();
    key = null;
    await api.health();
    expect(calls[0]!.init.headers.Authorization).toBe("Bearer k-123");
    expect(calls[1]!.init.headers.Authorization).toBeUndefined();
  });

  it("on 401 asks for a key with the server's message and retries with it", async () => {
    let key: string | null = null;
    const { fetch, calls } = fakeFetch(json({ error: { code: "unauthorized", message: "Send Authorization: Bearer <API key>." } }, 401), json({ thread_id: "t1" }));
    const onUnauthorized = vi.fn(async () => {
      key = "secret";
      return true;
    });
    const api = createApiClient({ fetch, getApiKey: () => key, onUnauthorized });
    await expect(api.getInterview("t1")).resolves.toEqual({ thread_id: "t1" });
    expect(onUnauthorized).toHaveBeenCalledWith("Send Authorization: Bearer <API key>.");
    expect(calls[1]!.init.headers.Authorization).toBe("Bearer secret");
  });

  it("gives up with the 401 when the person cancels the key prompt", async () => {
    const { fetch } = fakeFetch(json({ error: { code: "unauthorized", message: "Unknown API key." } }, 401));
    const api = createApiClient({ fetch, getApiKey: () => "wrong", onUnauthorized: async () => false });
    await expect(api.getInterview("t1")).rejects.toMatchObject({ status: 401, code: "unauthorized", message: "Unknown API key." });
  });

  it.each([
    [400, { error: { code: "invalid_input", message: "job_title: job_title is required" } }, "invalid_input", "job_title: job_title is required"],
    [413, { error: { code: "cv_too_large", message: "The CV is larger than the 5 MB limit." } }, "cv_too_large", "The CV is larger than the 5 MB limit."],
    [415, { error: { code: "unsupported_media_type", message: "The CV must be a PDF file." } }, "unsupported_media_type", "The CV must be a PDF file."],
    [503, { error: { code: "voice_not_configured", message: "Voice needs LiveKit." } }, "voice_not_configured", "Voice needs LiveKit."],
  ])("a %i error keeps the API's code and message", async (status, body, code, message) => {
    const { fetch } = fakeFetch(json(body, status));
    const api = createApiClient({ fetch, getApiKey: () => null });
    const error = await api.startInterview(new FormData()).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status, code, message });
  });

  it("explains a non-JSON error page by its status, and an unreachable server plainly", async () => {
    const { fetch } = fakeFetch(new Response("<html>Bad gateway</html>", { status: 502 }), new TypeError("Failed to fetch"));
    const api = createApiClient({ fetch, getApiKey: () => null });
    await expect(api.health()).rejects.toMatchObject({ status: 502, message: "The interview server is not reachable right now." });
    await expect(api.health()).rejects.toMatchObject({ status: 0, code: "network_error" });
  });

  it("posts the set-up form as multipart and the answer as JSON asking for a stream", async () => {
    const { fetch, calls } = fakeFetch(json(turn), sse(`event: done\ndata: ${JSON.stringify(turn)}\n\n`));
    const api = createApiClient({ fetch, getApiKey: () => null, baseUrl: "http://api.test/" });
    const form = new FormData();
    form.append("job_title", "Backend Engineer");
    await api.startInterview(form);
    await api.continueInterview("t1", "My answer");
    expect(calls[0]!.url).toBe("http://api.test/start_interview");
    expect(calls[0]!.init.body).toBe(form);
    expect(calls[1]!.url).toBe("http://api.test/continue_interview");
    expect(calls[1]!.init.headers).toMatchObject({ Accept: "text/event-stream", "Content-Type": "application/json" });
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ thread_id: "t1", user_response: "My answer" });
  });

  it("streams the next question token by token, then returns the done reply", async () => {
    const { fetch } = fakeFetch(
      sse('event: token\ndata: {"text":"Compare "}\n\nevent: tok', 'en\ndata: {"text":"two "}\n\n', `event: token\ndata: {"text":"approaches."}\n\nevent: done\ndata: ${JSON.stringify(turn)}\n\n`),
    );
    const tokens: string[] = [];
    const api = createApiClient({ fetch, getApiKey: () => null });
    const reply = await api.continueInterview("t1", "answer", { onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(["Compare ", "two ", "approaches."]);
    expect(reply).toEqual(turn);
  });

  it("turns an error event inside the stream into an ApiError with a status", async () => {
    const { fetch } = fakeFetch(sse('event: token\ndata: {"text":"Hm"}\n\nevent: error\ndata: {"error":{"code":"provider_unavailable","message":"The model is down; send the same answer again."}}\n\n'));
    const api = createApiClient({ fetch, getApiKey: () => null });
    await expect(api.continueInterview("t1", "answer")).rejects.toMatchObject({ status: 503, code: "provider_unavailable", message: "The model is down; send the same answer again." });
  });

  it("reports a stream that ends without a reply, and a 409 that comes before any stream", async () => {
    const { fetch } = fakeFetch(sse('event: token\ndata: {"text":"Hm"}\n\n'), json({ error: { code: "turn_in_progress", message: "Another turn is in progress." } }, 409));
    const api = createApiClient({ fetch, getApiKey: () => null });
    await expect(api.continueInterview("t1", "answer")).rejects.toMatchObject({ code: "stream_interrupted" });
    await expect(api.continueInterview("t1", "answer")).rejects.toMatchObject({ status: 409, code: "turn_in_progress" });
  });

  it("accepts a plain JSON reply to continue from a server that does not stream", async () => {
    const { fetch } = fakeFetch(json(turn));
    const api = createApiClient({ fetch, getApiKey: () => null });
    await expect(api.continueInterview("t1", "answer")).resolves.toEqual(turn);
  });

  it("asks for the report as Markdown and erases with DELETE, escaping the thread id", async () => {
    const { fetch, calls } = fakeFetch(new Response("# Interview report", { headers: { "content-type": "text/markdown" } }), new Response(null, { status: 204 }));
    const api = createApiClient({ fetch, getApiKey: () => null });
    await expect(api.reportMarkdown("a/b")).resolves.toBe("# Interview report");
    await api.deleteInterview("t1");
    expect(calls[0]!.url).toBe("/interviews/a%2Fb/report");
    expect(calls[0]!.init.headers.Accept).toBe("text/markdown");
    expect(calls[1]!.init.method).toBe("DELETE");
  });

  it("ApiError is recognisable by code", () => {
    const error = new ApiError(409, "turn_in_progress", "busy");
    expect(isApiError(error, "turn_in_progress")).toBe(true);
    expect(isApiError(error, "not_found")).toBe(false);
    expect(isApiError(new Error("x"))).toBe(false);
  });
});
