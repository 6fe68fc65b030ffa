import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { randomUUID } from "node:crypto";
import { cvPdf, makePdf, scriptedChat, providerError, wellBehaved } from "@interview/graph/testing";
import { ChatInterviewModel } from "@interview/graph";
import { form, json, openTestApp, SOLID_ANSWER } from "./testing/test-app.js";

const databaseUrl = inject("databaseUrl");
const pdfBlob = async (bytes?: Uint8Array) => new Blob([Buffer.from(bytes ?? (await cvPdf()))], { type: "application/pdf" });

describe("text interview API (offline engine, PostgreSQL)", () => {
  let t: Awaited<ReturnType<typeof openTestApp>>;
  beforeAll(async () => {
    t = await openTestApp(databaseUrl);
  });
  afterAll(() => t.close());

  const cont = (thread_id: string, user_response: string, headers?: Record<string, string>) =>
    t.app.request("/continue_interview", json({ thread_id, user_response }, headers));

  it("runs a whole interview through the reference contract with an uploaded CV", async () => {
    const startRes = await t.app.request(
      "/start_interview",
      form({ job_title: "Backend Engineer", question_type: "technical", max_step: "3", company_name: "Acme", username: "Ana", cv: await pdfBlob() }),
    );
    expect(startRes.status).toBe(200);
    const start = await startRes.json();
    expect(Object.keys(start).sort()).toEqual(["access_token", "current_step", "engine", "greeting", "max_steps", "message", "phase", "question", "results_shared", "role", "status", "thread_id"]);
    expect(start).toMatchObject({ status: "question", current_step: 1, max_steps: 3, engine: "offline", phase: "intro" });
    expect(start.thread_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(start.message).toMatch(/^Hello, Ana! I'll be interviewing you for the Backend Engineer role at Acme/);
    expect(start.message).toBe(`${start.greeting}\n\n${start.question.text}`);
    expect(start.question).toMatchObject({ id: "q1", kind: "main", phase: "intro", context_source: "none" });

    let reply = start;
    let turns = 0;
    while (reply.status !== "completed" && turns < 12) {
      const res = await cont(start.thread_id, SOLID_ANSWER);
      expect(res.status).toBe(200);
      reply = await res.json();
      turns++;
      expect(reply.feedback).toMatchObject({ question_id: `q${turns}` });
      expect(reply.feedback.score).toBeGreaterThanOrEqual(0);
      expect(Object.keys(reply.feedback.rubric).sort()).toEqual(["clarity", "depth", "evidence", "relevance"]);
      expect(reply.decision).toMatchObject({ action: expect.any(String), by: "heuristic" });
    }
    expect(reply).toMatchObject({ thread_id: start.thread_id, status: "completed", current_step: 3, max_steps: 3 });
    expect(reply.message).toMatch(/end of the interview/);
    expect(reply.feedback_list).toHaveLength(turns);
    expect(reply.feedback_list[0]).toMatchObject({ question_id: "q1", answer: SOLID_ANSWER, question: start.question.text });
    expect(Object.keys(reply.final_evaluation).sort()).toEqual(["improvements", "overall_score", "per_question", "recommendation", "recommendation_label", "strengths", "summary"]);

    const record = await (await t.app.request(`/interviews/${start.thread_id}`)).json();
    expect(record).toMatchObject({ thread_id: start.thread_id, status: "completed", job_title: "Backend Engineer", question_type: "technical", engine: "offline" });
    expect(record.questions).toHaveLength(turns);
    expect(record.answers.every((a: { channel: string }) => a.channel === "text")).toBe(true);
    expect(record.evaluations).toHaveLength(turns);
    expect(record.questions.some((q: { context_source: string }) => q.context_source === "cv")).toBe(true);

    const reportJson = await (await t.app.request(`/interviews/${start.thread_id}/report`)).json();
    expect(reportJson.final_evaluation.overall_score).toBe(reply.final_evaluation.overall_score);
    const md = await t.app.request(`/interviews/${start.thread_id}/report`, { headers: { accept: "text/markdown" } });
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    const text = await md.text();
    expect(text).toContain("# Interview report: Backend Engineer at Acme");
    expect(text).toContain(`Overall score: **${reply.final_evaluation.overall_score}/10**`);

    expect((await t.app.request(`/interviews/${start.thread_id}`, { method: "DELETE" })).status).toBe(204);
    expect((await t.app.request(`/interviews/${start.thread_id}`)).status).toBe(404);
    expect((await t.app.request(`/interviews/${start.thread_id}/report`)).status).toBe(404);
  });

  it("never quotes the CV's contact details: not in a question's grounding, the interview's record or its report", async () => {
    const start = await (await t.app.request("/start_interview", form({ job_title: "Backend Engineer", question_type: "technical", max_step: "6", cv: await pdfBlob() }))).json();
    for (let reply = start, turns = 0; reply.status !== "completed" && turns < 20; turns++) reply = await (await cont(start.thread_id, SOLID_ANSWER)).json();
    const record = await (await t.app.request(`/interviews/${start.thread_id}`)).json();
    expect(record.status).toBe("completed");
    expect(record.questions.some((q: { grounding?: string[] }) => q.grounding?.length)).toBe(true);
    const markdown = await (await t.app.request(`/interviews/${start.thread_id}/report`, { headers: { accept: "text/markdown" } })).text();
    for (const shown of [JSON.stringify(record), markdown]) for (const detail of ["ana.lima@example.com", "7700 900123"]) expect(shown).not.toContain(detail);
  });

  it("accepts a JSON start with CV text and a client-chosen thread id", async () => {
    const res = await t.app.request("/start_interview", json({ job_title: "SRE", question_type: "system_design", max_step: 2, thread_id: `json-${Date.now()}`, cv_text: "Skills: Kubernetes, Go" }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.thread_id).toMatch(/^json-/);
    expect(body.max_steps).toBe(2);
    const again = await t.app.request("/start_interview", json({ job_title: "SRE", question_type: "technical", thread_id: body.thread_id }));
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("thread_exists");
  });

  it("streams the next question as server-sent events, ending with the same JSON as the plain reply", async () => {
    const start = await (await t.app.request("/start_interview", json({ job_title: "Engineer", question_type: "technical", max_step: 2 }))).json();
    const res = await cont(start.thread_id, SOLID_ANSWER, { accept: "text/event-stream" });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = (await res.text())
      .trim()
      .split("\n\n")
      .map((block) => ({ event: /event: (\w+)/.exec(block)?.[1], data: JSON.parse(/data: (.*)/.exec(block)![1]!) }));
    const tokens = events.filter((e) => e.event === "token").map((e) => e.data.text).join("");
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    expect(tokens.trim()).toBe(done.data.question.text);
    expect(done.data).toMatchObject({ status: "question", current_step: expect.any(Number), feedback: { question_id: "q1" } });
    const record = await (await t.app.request(`/interviews/${start.thread_id}`)).json();
    expect(record.questions.at(-1).text).toBe(done.data.question.text);
  });

  it("answers a streaming request for an unknown thread with a plain 404", async () => {
    const res = await cont("nope", "hello", { accept: "text/event-stream" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "No interview with this id." } });
  });

  describe("errors", () => {
    const cases: [string, () => Response | Promise<Response>, number, string][] = [
      ["missing job_title", () => t.app.request("/start_interview", form({ question_type: "technical" })), 400, "invalid_input"],
      ["an unknown role", () => t.app.request("/start_interview", json({ job_title: "X", question_type: "technical", role: "spectator" })), 400, "invalid_input"],
      ["a 10 MB JSON body", () => t.app.request("/start_interview", json({ job_title: "X", question_type: "technical", cv_text: "a".repeat(10 * 1024 * 1024) })), 413, "payload_too_large"],
      ["an answer for another question", async () => {
        const start = await (await t.app.request("/start_interview", json({ job_title: "X", question_type: "technical" }))).json();
        return t.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: "hello", question_id: "q7" }));
      }, 409, "stale_question"],
      ["unknown question_type", () => t.app.request("/start_interview", form({ job_title: "X", question_type: "astrology" })), 400, "invalid_input"],
      ["max_step over 20", () => t.app.request("/start_interview", form({ job_title: "X", question_type: "technical", max_step: "21" })), 400, "invalid_input"],
      ["max_step not a number", () => t.app.request("/start_interview", json({ job_title: "X", question_type: "technical", max_step: "many" })), 400, "invalid_input"],
      ["a CV that is not a PDF", async () => t.app.request("/start_interview", form({ job_title: "X", question_type: "technical", cv: new Blob(["hello, plain text"], { type: "application/pdf" }) })), 415, "unsupported_media_type"],
      ["a 6 MB CV", async () => t.app.request("/start_interview", form({ job_title: "X", question_type: "technical", cv: new Blob([new Uint8Array(6 * 1024 * 1024)]) })), 413, "cv_too_large"],
      ["a corrupt PDF", async () => t.app.request("/start_interview", form({ job_title: "X", question_type: "technical", cv: new Blob(["%PDF-1.7\n1 0 obj garbage"]) })), 422, "unreadable_pdf"],
      ["a CV of 31 pages", async () => t.app.request("/start_interview", form({ job_title: "X", question_type: "technical", cv: await pdfBlob(await makePdf(Array.from({ length: 31 }, (_, i) => `Page ${i}`))) })), 413, "cv_too_large"],
      ["an unsupported body type", () => t.app.request("/start_interview", { method: "POST", headers: { "content-type": "text/plain" }, body: "job_title=X" }), 415, "unsupported_media_type"],
      ["malformed JSON", () => t.app.request("/continue_interview", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" }), 400, "invalid_input"],
      ["an unknown thread", () => cont("no-such-thread", "hello"), 404, "not_found"],
      ["an empty answer", () => cont("no-such-thread", ""), 400, "invalid_input"],
      ["an unknown route", () => t.app.request("/nope"), 404, "not_found"],
    ];
    it.each(cases)("%s → %i %s", async (_, send, status, code) => {
      const res = await send();
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message).toEqual(expect.any(String));
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|node_modules/);
    });

    it("says what is wrong with max_step and with two CV files, in the caller's words", async () => {
      for (const max_step of ["many", "2.5", "0"]) {
        const res = await t.app.request("/start_interview", json({ job_title: "X", question_type: "technical", max_step }));
        expect((await res.json()).error.message).toBe("max_step: must be a whole number from 1 to 20");
      }
      const body = new FormData();
      for (const [k, v] of Object.entries({ job_title: "X", question_type: "technical" })) body.append(k, v);
      body.append("cv", await pdfBlob(), "a.pdf");
      body.append("cv", await pdfBlob(), "b.pdf");
      const two = await t.app.request("/start_interview", { method: "POST", body });
      expect(two.status).toBe(400);
      expect((await two.json()).error.message).toBe("Send one cv file, not 2.");
    });

    it("names a misspelt field and what was meant, instead of running the interview on a default", async () => {
      const refusedIds = [`typo-${randomUUID()}`, `typo-${randomUUID()}`];
      const typo = await t.app.request("/start_interview", json({ job_title: "X", question_type: "technical", max_steps: 2, thread_id: refusedIds[0] }));
      expect(typo.status).toBe(400);
      const { error } = await typo.json();
      expect(error.code).toBe("invalid_input");
      expect(error.message).toMatch(/^Unknown field: max_steps \(did you mean max_step\?\)\. This request takes job_title, .*max_step/);
      const form = new FormData();
      for (const [k, v] of Object.entries({ job_title: "X", question_type: "technical", jobTitle: "Y", colour: "blue", thread_id: refusedIds[1]! })) form.append(k, v);
      const multipart = await (await t.app.request("/start_interview", { method: "POST", body: form })).json();
      expect(multipart.error.message).toMatch(/^Unknown fields: jobTitle \(did you mean job_title\?\), colour\. /);
      const start = await (await t.app.request("/start_interview", json({ job_title: "X", question_type: "technical", max_step: 1 }))).json();
      const answer = await t.app.request("/continue_interview", json({ thread_id: start.thread_id, answer: SOLID_ANSWER }));
      expect((await answer.json()).error.message).toMatch(/^Unknown field: answer\. This request takes thread_id, user_response, question_id\.$/);
      // A field left out, or sent empty, is named once in plain words.
      const missing = await (await t.app.request("/continue_interview", json({ user_response: SOLID_ANSWER }))).json();
      expect(missing.error.message).toBe("thread_id: this field is required");
      const empty = await (await t.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: "" }))).json();
      expect(empty.error.message).toBe("user_response: must not be empty");
      // Nothing was started by the refused requests, and the refused answer changed nothing.
      for (const id of refusedIds) expect((await t.app.request(`/interviews/${id}`)).status).toBe(404);
      expect((await (await t.app.request(`/interviews/${start.thread_id}`)).json()).answers).toHaveLength(0);
    });

    it("refuses an answer longer than 10 000 characters and one after completion, changing nothing", async () => {
      const start = await (await t.app.request("/start_interview", json({ job_title: "X", question_type: "technical", max_step: 1 }))).json();
      const long = await cont(start.thread_id, "a".repeat(10_001));
      expect(long.status).toBe(400);
      expect((await (await t.app.request(`/interviews/${start.thread_id}`)).json()).answers).toHaveLength(0);
      let reply = await (await cont(start.thread_id, SOLID_ANSWER)).json();
      for (let i = 0; reply.status !== "completed" && i < 10; i++) reply = await (await cont(start.thread_id, SOLID_ANSWER)).json();
      const before = await (await t.app.request(`/interviews/${start.thread_id}`)).json();
      const late = await cont(start.thread_id, "one more thing");
      expect(late.status).toBe(409);
      expect((await late.json()).error.code).toBe("interview_completed");
      expect(await (await t.app.request(`/interviews/${start.thread_id}`)).json()).toEqual(before);
    });
  });

  it("documents every route in OpenAPI and serves Swagger UI", async () => {
    const doc = await (await t.app.request("/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/start_interview", "/continue_interview", "/interviews/{thread_id}", "/interviews/{thread_id}/report", "/health"]),
    );
    expect(Object.keys(doc.paths["/start_interview"].post.requestBody.content)).toEqual(["multipart/form-data", "application/json"]);
    // job_title and question_type are required unless job_id is given, which the route checks.
    expect(doc.components.schemas.StartInterviewForm.properties).toMatchObject({ job_title: { maxLength: 200 }, job_id: {}, role: { enum: ["candidate", "interviewer"] } });
    expect(Object.keys(doc.paths["/continue_interview"].post.requestBody.content)).toEqual(["application/json", "multipart/form-data"]);
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toContain("stale_question");
    // The retry header is a parameter, so generated clients and Swagger's "Try it out" can send it.
    for (const path of ["/start_interview", "/continue_interview", "/interviews/{thread_id}/end"]) {
      expect(doc.paths[path].post.parameters, path).toContainEqual(expect.objectContaining({ name: "idempotency-key", in: "header", required: false }));
    }
    const docs = await t.app.request("/docs");
    expect(await docs.text()).toContain("swagger-ui");
  });

  it("serves Swagger UI's script and stylesheet itself, so /docs loads nothing from another origin", async () => {
    const docs = await t.app.request("/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await docs.text();
    // No absolute or protocol-relative address anywhere, and no inline script.
    expect(html).not.toMatch(/https?:|\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    const refs = [...html.matchAll(/<(script|link)\b[^>]*?\s(?:src|href)="([^"]*)"/g)].map(([, tag, url]) => ({ tag, url: url! }));
    expect(refs.map((r) => r.tag).sort()).toEqual(["link", "script", "script"]);
    const expected: Record<string, { type: RegExp; minBytes: number; contains: string }> = {
      "swagger-ui.css": { type: /^text\/css/, minBytes: 50_000, contains: ".swagger-ui" },
      "swagger-ui-bundle.js": { type: /^text\/javascript/, minBytes: 500_000, contains: "SwaggerUIBundle" },
      "docs.js": { type: /^text\/javascript/, minBytes: 40, contains: '"/openapi.json"' },
    };
    expect(refs.map((r) => r.url.split("/").pop()).sort()).toEqual(Object.keys(expected).sort());
    for (const { url } of refs) {
      expect(url).toMatch(/^\/docs\/assets\/[0-9a-f]{12}\/[\w.-]+$/);
      const want = expected[url.split("/").pop()!]!;
      const res = await t.app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("content-type"), url).toMatch(want.type);
      expect(res.headers.get("cache-control"), url).toBe("public, max-age=31536000, immutable");
      const body = await res.text();
      expect(body.length, url).toBeGreaterThan(want.minBytes);
      expect(body, url).toContain(want.contains);
    }
    // An address from before an upgrade still works, but is not kept; only the page's files are served.
    const stale = await t.app.request("/docs/assets/000000000000/swagger-ui.css");
    expect(stale.status).toBe(200);
    expect(stale.headers.get("cache-control")).toBe("no-cache");
    expect((await t.app.request("/docs/assets/000000000000/package.json")).status).toBe(404);
    expect((await t.app.request("/docs/assets/000000000000/..%2Fpackage.json")).status).toBe(404);
  });

  it("reports health with the engine and database state", async () => {
    expect(await (await t.app.request("/health")).json()).toEqual({
      status: "ok", engine: "offline", database: "ok", provider: "ok", role_reversal: true, speech: { transcription: false, voice_replies: false }, voice: false,
      limits: { cv_max_bytes: 5 * 1024 * 1024, answer_max_chars: 10_000, audio_max_bytes: 10 * 1024 * 1024, audio_max_seconds: 300 },
    });
    expect(await (await t.app.request("/health/live")).json()).toEqual({ status: "ok" });
    expect(await (await t.app.request("/health/ready")).json()).toEqual({ status: "ok" });
  });

  it("tells clients the limits this server was configured with", async () => {
    const small = await openTestApp(databaseUrl, { env: { ANSWER_MAX_CHARS: "500" }, settings: { cvMaxBytes: 1_000_000, audioMaxBytes: 2_000_000, audioMaxSeconds: 60 } });
    try {
      const health = (await (await small.app.request("/health")).json()) as { limits: unknown };
      expect(health.limits).toEqual({ cv_max_bytes: 1_000_000, answer_max_chars: 500, audio_max_bytes: 2_000_000, audio_max_seconds: 60 });
    } finally {
      await small.close();
    }
  });
});

describe("one writer per thread", () => {
  // A model that takes 300 ms per call keeps the first turn running while the second arrives.
  const slowModel = () => new ChatInterviewModel(scriptedChat(wellBehaved, { delayMs: 300 }).chat);

  it("lets exactly one of two concurrent answers through; the other gets 409 and changes nothing", async () => {
    const t = await openTestApp(databaseUrl, { overrides: { model: slowModel() } });
    try {
      const start = await (await t.app.request("/start_interview", json({ job_title: "X", question_type: "technical", max_step: 3 }))).json();
      const responses = await Promise.all([
        t.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: "first answer" })),
        t.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: "second answer" })),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = responses.find((r) => r.status === 409)!;
      expect((await loser.json()).error.code).toBe("turn_in_progress");
      const record = await (await t.app.request(`/interviews/${start.thread_id}`)).json();
      expect(record.answers).toHaveLength(1);
      expect(record.questions).toHaveLength(2);
    } finally {
      await t.close();
    }
  });

  it("holds across two app instances sharing the database", async () => {
    const a = await openTestApp(databaseUrl, { overrides: { model: slowModel() } });
    const b = await openTestApp(databaseUrl, { overrides: { model: slowModel() } });
    try {
      const start = await (await a.app.request("/start_interview", json({ job_title: "X", question_type: "technical", max_step: 3 }))).json();
      const responses = await Promise.all([
        a.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: "answer via A" })),
        b.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: "answer via B" })),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const record = await (await b.app.request(`/interviews/${start.thread_id}`)).json();
      expect(record.answers).toHaveLength(1);
      const winner = responses[0]!.status === 200 ? "answer via A" : "answer via B";
      expect(record.answers[0].text).toBe(winner);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe("model provider down", () => {
  it("answers 503 and keeps the interview exactly as it was", async () => {
    let down = false;
    const { chat } = scriptedChat((messages, n) => (down ? providerError(503) : wellBehaved(messages, n)));
    const t = await openTestApp(databaseUrl, { overrides: { model: new ChatInterviewModel(chat) } });
    try {
      const start = await (await t.app.request("/start_interview", json({ job_title: "X", question_type: "technical", max_step: 2 }))).json();
      const before = await (await t.app.request(`/interviews/${start.thread_id}`)).json();
      down = true;
      const res = await t.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: "my answer" }));
      expect(res.status).toBe(503);
      expect((await res.json()).error).toMatchObject({ code: "provider_unavailable", message: expect.stringMatching(/try again/) });
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      const streamed = await t.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: "my answer" }, { accept: "text/event-stream" }));
      expect(streamed.status).toBe(503);
      expect(await (await t.app.request(`/interviews/${start.thread_id}`)).json()).toEqual(before);
      // Operators can tell which interview each failure hit, plain or streamed, without its content.
      const failures = t.logs.lines.map((line) => JSON.parse(line)).filter((line) => line.msg === "request failed");
      expect(failures).toEqual([0, 1].map(() => expect.objectContaining({ threadId: start.thread_id, code: "provider_unavailable" })));
      expect(t.logs.text).not.toContain("my answer");
      down = false;
      const retry = await t.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: "my answer" }));
      expect(retry.status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe("a slow model, streamed", () => {
  const blocks = (text: string) => text.split("\n\n").filter(Boolean);

  it("opens the stream with keep-alive comments before the first token; a failure after that is an error event and changes nothing", async () => {
    let down = false;
    const { chat } = scriptedChat((messages, n) => (down ? providerError(503) : wellBehaved(messages, n)), { delayMs: 250 });
    const t = await openTestApp(databaseUrl, { overrides: { model: new ChatInterviewModel(chat) }, settings: { streamKeepAliveMs: 100 } });
    try {
      const start = await (await t.app.request("/start_interview", json({ job_title: "X", question_type: "technical", max_step: 3 }))).json();
      const res = await t.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: "my answer" }, { accept: "text/event-stream" }));
      expect(res.status).toBe(200);
      const events = blocks(await res.text());
      const firstToken = events.findIndex((b) => b.startsWith("event: token"));
      expect(firstToken).toBeGreaterThan(0);
      expect(events.slice(0, firstToken).every((b) => b === ": waiting for the model")).toBe(true);
      expect(events.at(-1)).toMatch(/^event: done\ndata: .*"status":"question"/);

      const before = await (await t.app.request(`/interviews/${start.thread_id}`)).json();
      down = true;
      const failed = await t.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: "my second answer" }, { accept: "text/event-stream" }));
      expect(failed.status).toBe(200);
      const failedEvents = blocks(await failed.text());
      expect(failedEvents[0]).toBe(": waiting for the model");
      const error = failedEvents.at(-1)!;
      expect(error).toMatch(/^event: error\ndata: /);
      expect(JSON.parse(error.split("data: ")[1]!).error).toMatchObject({ code: "provider_unavailable", message: expect.stringMatching(/try again/) });
      expect(await (await t.app.request(`/interviews/${start.thread_id}`)).json()).toEqual(before);
      expect(t.logs.lines.map((line) => JSON.parse(line)).filter((line) => line.msg === "request failed")).toEqual([expect.objectContaining({ threadId: start.thread_id, code: "provider_unavailable" })]);
    } finally {
      await t.close();
    }
  });
});

describe("access control and limits", () => {
  it("requires a bearer key on every route but /health and the API reference when API_KEYS is set", async () => {
    const t = await openTestApp(databaseUrl, { settings: { apiKeys: ["k1", "k2"] } });
    try {
      expect((await t.app.request("/health")).status).toBe(200);
      const denied = await t.app.request("/start_interview", json({ job_title: "X", question_type: "technical" }));
      expect(denied.status).toBe(401);
      expect(await denied.json()).toEqual({ error: { code: "unauthorized", message: "Send Authorization: Bearer <API key>." } });
      // The API reference is public (a browser's link cannot send a key); it tells how to send one.
      const spec = await t.app.request("/openapi.json");
      expect(spec.status).toBe(200);
      expect((await spec.json()).security).toEqual([{ bearer: [] }]);
      const page = await t.app.request("/docs");
      expect(page.status).toBe(200);
      const asset = /src="([^"]+)"/.exec(await page.text())![1]!;
      expect((await t.app.request(asset)).status).toBe(200);
      const wrong = await t.app.request("/interviews/x", { headers: { authorization: "Bearer wrong" } });
      expect(wrong.status).toBe(401);
      expect((await wrong.json()).error).toEqual({ code: "unauthorized", message: "Unknown API key." });
      const ok = await t.app.request("/start_interview", json({ job_title: "X", question_type: "technical" }, { authorization: "Bearer k2" }));
      expect(ok.status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("rate-limits a client that sends too many requests", async () => {
    const t = await openTestApp(databaseUrl, { settings: { rateLimitPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await t.app.request("/interviews/unknown")).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
      const limited = await t.app.request("/interviews/unknown");
      expect((await limited.json()).error.code).toBe("rate_limited");
      expect((await t.app.request("/health")).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("rejects an oversized JSON body with 413", async () => {
    const t = await openTestApp(databaseUrl, { settings: { jsonBodyLimitBytes: 1024 } });
    try {
      const res = await t.app.request("/continue_interview", json({ thread_id: "x", user_response: "a".repeat(5000) }));
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe("payload_too_large");
    } finally {
      await t.close();
    }
  });
});

describe("privacy of logs", () => {
  it("never writes the CV's email or phone, CV text or answers to the logs", async () => {
    const t = await openTestApp(databaseUrl);
    try {
      const start = await (await t.app.request("/start_interview", form({ job_title: "Backend Engineer", question_type: "technical", max_step: "1", cv: await pdfBlob() }))).json();
      const secretAnswer = "My colleague Zanzibar-Quill and I rebuilt the ledger; reach me at ana.lima@example.com or +44 7700 900123.";
      let reply = await (await t.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: secretAnswer }))).json();
      for (let i = 0; reply.status !== "completed" && i < 10; i++) {
        reply = await (await t.app.request("/continue_interview", json({ thread_id: start.thread_id, user_response: secretAnswer }))).json();
      }
      await t.app.request("/start_interview", form({ job_title: "X", question_type: "technical", cv: new Blob(["%PDF-1.4 ana.lima@example.com +44 7700 900123"]) }));
      expect(t.logs.lines.length).toBeGreaterThan(3);
      for (const secret of ["ana.lima@example.com", "7700 900123", "7700900123", "Zanzibar", "Parcelly", "RouteWise", "dispatch service"]) {
        expect(t.logs.text).not.toContain(secret);
      }
      expect(t.logs.text).toContain(start.thread_id);
    } finally {
      await t.close();
    }
  });
});
