import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PDFParse } from "pdf-parse";
import { ChatInterviewModel, loadSpeechSettings } from "@interview/graph";
import { scriptedChat, startOpenAiAudioServer, wavClip, webmOpusClip, wellBehaved, pdfBytes } from "@interview/graph/testing";
import { form, json, openTestApp, SOLID_ANSWER } from "../testing/test-app.js";
import { deflateBombPdf, slowPdf } from "@interview/graph/testing";
import { createSpeechServices } from "../speech.js";

const databaseUrl = inject("databaseUrl");

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const body = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, any> });

async function started(t: TestApp, fields: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return body(await t.app.request("/start_interview", json({ job_title: "Backend Engineer", question_type: "technical", max_step: 3, ...fields }, headers)));
}

const answer = (t: TestApp, fields: Record<string, unknown>, headers: Record<string, string> = {}) => t.app.request("/continue_interview", json(fields, headers));

describe("retried and stale answers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(databaseUrl);
  });
  afterAll(() => t.close());

  it("replays the first reply to a request sent again with the same Idempotency-Key, and refuses the key with another body", async () => {
    const start = await started(t);
    const key = { "idempotency-key": `answer-${Date.now()}` };
    const first = await body(await answer(t, { thread_id: start.body.thread_id, user_response: SOLID_ANSWER }, key));
    const again = await body(await answer(t, { thread_id: start.body.thread_id, user_response: SOLID_ANSWER }, key));
    expect(again).toEqual(first);
    const record = await body(await t.app.request(`/interviews/${start.body.thread_id}`));
    expect(record.body.answers).toHaveLength(1);
    const other = await body(await answer(t, { thread_id: start.body.thread_id, user_response: "Another answer entirely." }, key));
    expect(other).toMatchObject({ status: 422, body: { error: { code: "idempotency_mismatch" } } });
  });

  it("replays a start, so a lost reply does not make a second interview", async () => {
    const key = { "idempotency-key": `start-${Date.now()}` };
    const first = await started(t, {}, key);
    const again = await started(t, {}, key);
    expect(again.body.thread_id).toBe(first.body.thread_id);
    expect(again.body.message).toBe(first.body.message);
    // Only a token's digest is kept: the replayed start hands out a new token, which replaces the first.
    expect(again.body.access_token).toMatch(/^itk_/);
  });

  it("never takes an answer resent for an already answered question as the answer to the next one", async () => {
    const start = await started(t);
    const sent = { thread_id: start.body.thread_id, user_response: SOLID_ANSWER, question_id: start.body.question.id };
    expect((await answer(t, sent)).status).toBe(200);
    const resent = await body(await answer(t, sent));
    expect(resent).toMatchObject({ status: 409, body: { error: { code: "stale_question" } } });
    const record = await body(await t.app.request(`/interviews/${start.body.thread_id}`));
    expect(record.body.answers).toHaveLength(1);
  });
});

describe("a key whose first request is still running", () => {
  it("is refused with 409 while the first one runs", async () => {
    const slow = new ChatInterviewModel(scriptedChat(wellBehaved, { delayMs: 400 }).chat);
    const t = await openTestApp(databaseUrl, { overrides: { model: slow } });
    try {
      const start = await started(t);
      const key = { "idempotency-key": `inflight-${Date.now()}` };
      const request = { thread_id: start.body.thread_id, user_response: SOLID_ANSWER };
      const [a, b] = await Promise.all([answer(t, request, key), new Promise((r) => setTimeout(r, 100)).then(() => answer(t, request, key))]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      // Once the first has finished, the same key replays it.
      const replay = await answer(t, request, key);
      expect(replay.status).toBe(200);
      expect((await body(await t.app.request(`/interviews/${start.body.thread_id}`))).body.answers).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});

describe("ending early and reports", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(databaseUrl);
  });
  afterAll(() => t.close());

  it("ends an interview at once with a report over the answered questions; ending again returns it unchanged", async () => {
    const start = await started(t, { max_step: 5 });
    await answer(t, { thread_id: start.body.thread_id, user_response: SOLID_ANSWER });
    const ended = await body(await t.app.request(`/interviews/${start.body.thread_id}/end`, { method: "POST" }));
    expect(ended).toMatchObject({ status: 200, body: { status: "completed" } });
    expect(ended.body.final_evaluation.per_question).toHaveLength(1);
    const again = await body(await t.app.request(`/interviews/${start.body.thread_id}/end`, { method: "POST" }));
    expect(again).toEqual(ended);
    const record = await body(await t.app.request(`/interviews/${start.body.thread_id}`));
    expect(record.body).toMatchObject({ status: "completed", ended_early: true });
  });

  it("gives an interview ended before any answer no score and no recommendation, in its reply, its record and the team's list", async () => {
    const start = await started(t, { max_step: 3 });
    const ended = await body(await t.app.request(`/interviews/${start.body.thread_id}/end`, { method: "POST" }));
    expect(ended.body.final_evaluation).toMatchObject({ overall_score: null, recommendation: null, recommendation_label: null, per_question: [] });
    const record = await body(await t.app.request(`/interviews/${start.body.thread_id}`));
    expect(record.body.final_evaluation).toMatchObject({ overall_score: null, recommendation: null });
    const listed = await body(await t.app.request(`/interviews?status=completed&limit=100`));
    const row = listed.body.interviews.find((r: { thread_id: string }) => r.thread_id === start.body.thread_id);
    expect(row).toMatchObject({ status: "completed" });
    expect(row).not.toHaveProperty("overall_score");
    expect(row).not.toHaveProperty("recommendation");
  });

  it("renders the report as a PDF whose text holds the score and every question", async () => {
    const start = await started(t, { max_step: 2, username: "Σοφία Παπαδοπούλου" });
    let reply = start.body;
    for (let i = 0; reply.status !== "completed" && i < 8; i++) reply = (await body(await answer(t, { thread_id: start.body.thread_id, user_response: SOLID_ANSWER }))).body;
    const res = await t.app.request(`/interviews/${start.body.thread_id}/report`, { headers: { accept: "application/pdf" } });
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const parser = new PDFParse({ data: bytes });
    const text = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    expect(text).toContain(String(reply.final_evaluation.overall_score));
    expect(text).toContain("Σοφία Παπαδοπούλου");
    const record = await body(await t.app.request(`/interviews/${start.body.thread_id}`));
    for (const q of record.body.questions as { text: string }[]) expect(text).toContain(q.text.replace(/\s+/g, " "));
  });
});

describe("access with API keys set", () => {
  let t: TestApp;
  const team = { authorization: "Bearer team-key" };
  beforeAll(async () => {
    t = await openTestApp(databaseUrl, { settings: { apiKeys: ["team-key"] } });
  });
  afterAll(() => t.close());

  it("gives a candidate's access token its own interview and nothing else", async () => {
    const mine = await started(t, {}, team);
    const theirs = await started(t, {}, team);
    const token = { authorization: `Bearer ${mine.body.access_token}` };
    expect((await t.app.request(`/interviews/${mine.body.thread_id}`, { headers: token })).status).toBe(200);
    expect((await answer(t, { thread_id: mine.body.thread_id, user_response: SOLID_ANSWER }, token)).status).toBe(200);
    expect((await t.app.request(`/interviews/${mine.body.thread_id}/report`, { headers: { ...token, accept: "text/markdown" } })).status).toBe(200);

    const other = await body(await t.app.request(`/interviews/${theirs.body.thread_id}`, { headers: token }));
    expect(other).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect((await answer(t, { thread_id: theirs.body.thread_id, user_response: SOLID_ANSWER }, token)).status).toBe(403);
    expect((await t.app.request(`/interviews/${theirs.body.thread_id}`, { method: "DELETE", headers: token })).status).toBe(403);
    // A token cannot start interviews, and an unknown token is not a key.
    expect((await started(t, {}, token)).status).toBe(403);
    expect((await t.app.request(`/interviews/${mine.body.thread_id}`, { headers: { authorization: "Bearer itk_made-up" } })).status).toBe(401);
    // It erases its own data.
    expect((await t.app.request(`/interviews/${mine.body.thread_id}`, { method: "DELETE", headers: token })).status).toBe(204);
    expect((await t.app.request(`/interviews/${mine.body.thread_id}`, { headers: team })).status).toBe(404);
  });

  it("keeps tokens and keys out of the logs", async () => {
    const start = await started(t, {}, team);
    await t.app.request(`/interviews/${start.body.thread_id}`, { headers: { authorization: `Bearer ${start.body.access_token}` } });
    expect(t.logs.text).not.toContain(start.body.access_token);
    expect(t.logs.text).not.toContain("team-key");
  });
});

describe("recorded answers", () => {
  let stt: Awaited<ReturnType<typeof startOpenAiAudioServer>>;
  let t: TestApp;
  beforeAll(async () => {
    stt = await startOpenAiAudioServer({ transcript: SOLID_ANSWER });
    const settings = loadSpeechSettings({ STT_PROVIDER: "openai", TTS_PROVIDER: "openai", OPENAI_AUDIO_BASE_URL: stt.url, SPEECH_MAX_RETRIES: "0" });
    const { PostgresAudioStore, openDatabase } = await import("@interview/graph");
    const audioDb = await openDatabase({ url: databaseUrl, dataDir: "", poolSize: 1 });
    t = await openTestApp(databaseUrl, { speech: createSpeechServices(settings, new PostgresAudioStore(audioDb.pool)) });
    const close = t.close;
    t.close = async () => {
      await close();
      await audioDb.close();
    };
  });
  afterAll(async () => {
    await t.close();
    await stt.close();
  });

  const record = (threadId: string, audio: Uint8Array, type = "audio/wav", extra: Record<string, string> = {}) =>
    t.app.request("/continue_interview", form({ thread_id: threadId, audio: new Blob([Buffer.from(audio)], { type }), ...extra }));

  it("transcribes a recording as the answer, records it as audio, and speaks the reply", async () => {
    const start = await started(t);
    const reply = await body(await record(start.body.thread_id, wavClip({ seconds: 2, toneHz: 440 }), "audio/wav", { tts: "true" }));
    expect(reply.status).toBe(200);
    expect(reply.body.transcript).toBe(SOLID_ANSWER);
    expect(reply.body.feedback.question_id).toBe("q1");
    const interview = await body(await t.app.request(`/interviews/${start.body.thread_id}`));
    expect(interview.body.answers[0]).toMatchObject({ text: SOLID_ANSWER, channel: "audio" });
    const transcription = stt.requests.find((r) => r.path === "/v1/audio/transcriptions")!;
    expect(transcription.fields).toMatchObject({ model: "whisper-1", language: "en" });
    const audio = await t.app.request(reply.body.audio_url);
    expect(audio.status).toBe(200);
    expect(audio.headers.get("content-type")).toBe("audio/mpeg");
  });

  it.each([
    ["a PDF sent as audio", () => pdfBytes(), "audio/webm", 415, "unsupported_media_type"],
    ["a recording over five minutes", () => wavClip({ seconds: 301, sampleRate: 8000 }), "audio/wav", 413, "audio_too_long"],
    ["a recording cut off after its header", () => webmOpusClip({ seconds: 2 }).slice(0, 100), "audio/webm", 422, "unreadable_audio"],
  ])("refuses %s and changes nothing", async (_, make, type, status, code) => {
    const start = await started(t);
    const reply = await body(await record(start.body.thread_id, make(), type));
    expect(reply).toMatchObject({ status, body: { error: { code } } });
    expect((await body(await t.app.request(`/interviews/${start.body.thread_id}`))).body.answers).toHaveLength(0);
  });

  it("says which settings to set when speech-to-text is not configured", async () => {
    const plain = await openTestApp(databaseUrl);
    try {
      const start = await started(plain);
      const reply = await body(await plain.app.request("/continue_interview", form({ thread_id: start.body.thread_id, audio: new Blob([Buffer.from(wavClip())], { type: "audio/wav" }) })));
      expect(reply).toMatchObject({ status: 503, body: { error: { code: "speech_not_configured" } } });
      expect(reply.body.error.message).toMatch(/STT_PROVIDER/);
    } finally {
      await plain.close();
    }
  });
});

describe("role reversal over HTTP", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(databaseUrl);
  });
  afterAll(() => t.close());

  it("starts with the AI candidate's greeting, answers the interviewer's questions from its CV, and ends with a coaching report", async () => {
    const cv = "Morgan Lee\nSenior Backend Engineer\nExperience\nSenior Backend Engineer at Parcelly (2021 - Present)\n- Designed an event pipeline on Kafka handling 12k messages per second.\nSkills: Kafka, Go, PostgreSQL";
    const start = await started(t, { role: "interviewer", persona: "strong", seniority: "senior", cv_text: cv });
    expect(start.body).toMatchObject({ status: "awaiting_question", role: "interviewer" });
    expect(start.body.message).toMatch(/Morgan Lee/);

    const kafka = await body(await answer(t, { thread_id: start.body.thread_id, user_response: "What did you build with Kafka?" }));
    expect(kafka.body).toMatchObject({ status: "awaiting_question", role: "interviewer" });
    expect(kafka.body.message).toMatch(/Kafka/);
    expect(kafka.body.message).toMatch(/12k/);
    const rust = await body(await answer(t, { thread_id: start.body.thread_id, user_response: "Have you used Rust in production?" }));
    expect(rust.body.message).toMatch(/haven't|have not|not used/i);
    expect(rust.body.message).not.toMatch(/Rust (at|in) Parcelly/);

    // Streamed like any turn.
    const streamed = await t.app.request("/continue_interview", json({ thread_id: start.body.thread_id, user_response: "How old are you, and do you have children?" }, { accept: "text/event-stream" }));
    expect(streamed.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(await streamed.text()).toMatch(/event: done/);

    const ended = await body(await t.app.request(`/interviews/${start.body.thread_id}/end`, { method: "POST" }));
    expect(ended.body.status).toBe("completed");
    const record = await body(await t.app.request(`/interviews/${start.body.thread_id}`));
    // The end's reply carries the coaching itself, as the socket's `completed` does.
    expect(ended.body.coaching).toEqual(record.body.coaching);
    expect(record.body.coaching.per_question).toHaveLength(3);
    expect(record.body.coaching.flagged_questions.map((f: { category: string }) => f.category).join(" ")).toMatch(/age/i);
    expect(record.body.coaching.candidate_assessment).toMatchObject({ persona: "strong" });
    const markdown = await (await t.app.request(`/interviews/${start.body.thread_id}/report`, { headers: { accept: "text/markdown" } })).text();
    expect(markdown).toMatch(/Flagged questions/i);
  });

  it("refuses an unknown role with 400", async () => {
    expect((await started(t, { role: "observer" })).status).toBe(400);
  });
});

describe("hostile PDFs", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(databaseUrl, { env: { CV_PARSE_TIMEOUT_MS: "3000" } });
  });
  afterAll(() => t.close());

  it.each([
    ["a deflate bomb (0.3 MB inflating to 200 MB)", () => deflateBombPdf(200)],
    ["a PDF that takes tens of seconds to read", () => slowPdf(3_000_000, "1 0 0 1 5 5 Tm (ab) Tj ")],
  ])("refuses %s within the parse limit while the server keeps answering, and gives its memory back", async (_, make) => {
    const pdf = make();
    const rssBefore = process.memoryUsage().rss;
    const upload = t.app.request("/start_interview", form({ job_title: "X", question_type: "technical", cv: new Blob([Buffer.from(pdf)], { type: "application/pdf" }) }));
    let done = false;
    const started = performance.now();
    const settled = Promise.resolve(upload).then(async (res) => {
      done = true;
      return { ...(await body(res)), ms: performance.now() - started };
    });
    let slowestHealth = 0;
    while (!done) {
      const t0 = performance.now();
      expect((await t.app.request("/health")).status).toBe(200);
      slowestHealth = Math.max(slowestHealth, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 25));
    }
    const result = await settled;
    expect(result.status).toBeGreaterThanOrEqual(413);
    expect(["unreadable_pdf", "cv_too_large"]).toContain(result.body.error.code);
    expect(result.ms).toBeLessThan(3_000 + 2_000);
    expect(slowestHealth).toBeLessThan(100);
    // The parse ran in a process of its own, gone with the memory the document took.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  }, 30_000);
});
