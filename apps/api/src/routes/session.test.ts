import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadSpeechSettings } from "@interview/graph";
import { openTestRuntime } from "@interview/graph/testing";
import { startOpenAiAudioServer, wavClip, type OpenAiAudioServer } from "../../../../packages/graph/src/speech/testing/index.js";
import { createApp } from "../app.js";
import type { AppSettings } from "../app-types.js";
import { createLogger } from "../logger.js";
import { createSpeechServices, type SpeechServices } from "../speech.js";
import { form, json, LogCapture, SOLID_ANSWER, testSettings } from "../testing/test-app.js";
import { firstSentence } from "./session.js";

const databaseUrl = inject("databaseUrl");
const DOC = fileURLToPath(new URL("../../../../docs/realtime.md", import.meta.url));

type Runtime = Awaited<ReturnType<typeof openTestRuntime>>;

function openApp(runtime: Runtime, settings: Partial<AppSettings> = {}, speech?: SpeechServices) {
  return createApp({
    service: runtime.service,
    logger: createLogger("info", new LogCapture()),
    settings: { ...testSettings, ...settings },
    ...(speech ? { speech } : {}),
  });
}

interface Example {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  reply: unknown;
}

/** The documented request/reply pairs of the session routes, with their ids made unique to this run. */
function documentedExamples(run: string): Example[] {
  const text = readFileSync(DOC, "utf8").replace(/demo-session-(\d+)/g, `demo-session-$1-${run}`);
  // Fences at the start of a line only: the indented ticket example is not a session example.
  const pairs = [...text.matchAll(/^```http\n([\s\S]*?)^```\n+^```json\n([\s\S]*?)^```/gm)];
  return pairs
    .map(([, request, reply]) => {
      const [head = "", ...rest] = request!.split("\n");
      const blank = rest.indexOf("");
      const headerLines = blank >= 0 ? rest.slice(0, blank) : rest;
      const body = blank >= 0 ? rest.slice(blank + 1).join("\n").trim() : "";
      const [method = "", path = ""] = head.split(" ");
      const headers = Object.fromEntries(headerLines.filter(Boolean).map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
      return { method, path, headers, body: body || undefined, reply: JSON.parse(reply!) as unknown };
    })
    .filter((e) => e.path.startsWith("/session/"));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A documented reply as a matcher: "…" ends an abbreviated string, scores are any number. */
function asMatcher(value: unknown, key?: string): unknown {
  if (typeof value === "string" && value.endsWith("…")) return value === "…" ? expect.any(String) : expect.stringMatching(new RegExp(`^${escape(value.slice(0, -1))}`));
  if (typeof value === "number" && (key === "score" || key === "overall_score")) return expect.any(Number);
  if (Array.isArray(value)) return value.map((v) => asMatcher(v));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asMatcher(v, k)]));
  return value;
}

describe("session routes (stateless-agent design) on the offline interviewer", () => {
  let runtime: Runtime;
  let app: ReturnType<typeof openApp>;
  beforeAll(async () => {
    runtime = await openTestRuntime(databaseUrl);
    app = openApp(runtime);
  });
  afterAll(() => runtime.close());

  it("replays the documented examples in docs/realtime.md", async () => {
    const examples = documentedExamples(`${Date.now()}`);
    expect(examples.map((e) => `${e.method} ${e.path.replace(/-\d+$/, "")}`)).toEqual([
      "POST /session/start/demo-session-1",
      "POST /session/turn/demo-session-1",
      "GET /session/state/demo-session-1",
      "POST /session/start/demo-session-1",
      "DELETE /session/state/demo-session-1",
      "POST /session/start/demo-session-2",
    ]);
    for (const example of examples) {
      const res = await app.request(example.path, { method: example.method, headers: example.headers, ...(example.body ? { body: example.body } : {}) });
      expect({ request: `${example.method} ${example.path}`, status: res.status }).toEqual({ request: `${example.method} ${example.path}`, status: 200 });
      expect(await res.json()).toMatchObject(asMatcher(example.reply) as object);
    }
  });

  it("says a line of feedback and then the next question after an answer, and reports the decision", async () => {
    const id = `session-turn-${Date.now()}`;
    const start = await (await app.request(`/session/start/${id}`, json({ job_title: "SRE", question_type: "technical", max_step: 3 }))).json();
    expect(start.interviewer_response.text).toMatch(/^Hello! I'll be interviewing you for the SRE role\./);
    const res = await app.request(`/session/turn/${id}`, json({ text: SOLID_ANSWER, question_id: "q1" }));
    expect(res.status).toBe(200);
    const body = await res.json();
    const record = await (await app.request(`/interviews/${id}`)).json();
    const evaluation = record.evaluations[0];
    expect(body.interviewer_response.text).toBe(`${firstSentence(evaluation.feedback)} ${record.question.text}`);
    expect(body.interviewer_response.action).toBe(record.questions[0].decision.action);
    expect(body.session_state).toMatchObject({ question_id: record.question.id, last_evaluation: { question_id: "q1", score: evaluation.score } });
    expect(body.turn_number).toBe(1);
  });

  it("replays a turn sent again with its Idempotency-Key instead of answering the next question", async () => {
    const id = `session-idem-${Date.now()}`;
    await app.request(`/session/start/${id}`, json({ job_title: "SRE", question_type: "technical" }));
    const first = await (await app.request(`/session/turn/${id}`, json({ text: SOLID_ANSWER }, { "idempotency-key": "turn-1" }))).json();
    const again = await (await app.request(`/session/turn/${id}`, json({ text: SOLID_ANSWER }, { "idempotency-key": "turn-1" }))).json();
    expect(again).toEqual(first);
    expect((await (await app.request(`/interviews/${id}`)).json()).answers).toHaveLength(1);
  });

  it("ends without erasing: the report stays, ending again returns the same, and a later answer is refused", async () => {
    const id = `session-end-${Date.now()}`;
    await app.request(`/session/start/${id}`, json({ job_title: "SRE", question_type: "behavioral" }));
    await app.request(`/session/turn/${id}`, json({ text: SOLID_ANSWER }));
    const ended = await (await app.request(`/session/state/${id}`, { method: "DELETE" })).json();
    expect(ended.interviewer_response).toMatchObject({ should_continue: false, action: "conclude" });
    expect(ended.session_state.final_evaluation.per_question).toHaveLength(1);
    const again = await app.request(`/session/state/${id}`, { method: "DELETE" });
    expect(again.status).toBe(200);
    expect((await again.json()).interviewer_response.text).toBe(ended.interviewer_response.text);
    const report = await app.request(`/interviews/${id}`);
    expect(report.status).toBe(200);
    expect((await report.json()).status).toBe("completed");
    const late = await app.request(`/session/turn/${id}`, json({ text: SOLID_ANSWER }));
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe("interview_completed");
    const state = await (await app.request(`/session/state/${id}`)).json();
    expect(state.interviewer_response).toMatchObject({ text: ended.interviewer_response.text, should_continue: false, action: "conclude" });
  });

  it("answers the documented errors: unknown session, invalid bodies, a stale question", async () => {
    expect((await app.request("/session/state/no-such-session")).status).toBe(404);
    expect((await app.request("/session/turn/no-such-session", json({ text: "hello" }))).status).toBe(404);
    const id = `session-errors-${Date.now()}`;
    expect((await app.request(`/session/start/${id}`, json({ question_type: "astrology" }))).status).toBe(400);
    expect((await app.request(`/session/state/${id}`)).status).toBe(404);
    await app.request(`/session/start/${id}`, json({}));
    expect((await app.request(`/session/turn/${id}`, json({ text: "" }))).status).toBe(400);
    expect((await app.request(`/session/turn/${id}`, { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" })).status).toBe(415);
    const urlencoded = await app.request(`/session/turn/${id}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `text=${encodeURIComponent(SOLID_ANSWER)}` });
    expect(urlencoded.status).toBe(415);
    expect((await urlencoded.json()).error.message).toBe("Send application/json with text, or multipart/form-data with audio.");
    const stale = await app.request(`/session/turn/${id}`, json({ text: SOLID_ANSWER, question_id: "q9" }));
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe("stale_question");
    const doc = await (await app.request("/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/session/start/{id}", "/session/turn/{id}", "/session/state/{id}"]));
  });
});

describe("session routes with API_KEYS", () => {
  const KEY = "session-team-key";
  const team = { authorization: `Bearer ${KEY}` };
  let runtime: Runtime;
  let app: ReturnType<typeof openApp>;
  beforeAll(async () => {
    runtime = await openTestRuntime(databaseUrl);
    app = openApp(runtime, { apiKeys: [KEY] });
  });
  afterAll(() => runtime.close());

  it("needs the team's key or the session's own token, like the interview routes", async () => {
    const id = `session-auth-${Date.now()}`;
    expect((await app.request(`/session/start/${id}`, json({}))).status).toBe(401);
    const start = await (await app.request(`/session/start/${id}`, json({}, team))).json();
    const candidate = { authorization: `Bearer ${start.access_token}` };
    expect((await app.request(`/session/state/${id}`)).status).toBe(401);
    expect((await app.request(`/session/state/${id}`, { headers: candidate })).status).toBe(200);
    // The candidate may resume the session but not start another.
    const resumed = await app.request(`/session/start/${id}`, { method: "POST", headers: candidate });
    expect(resumed.status).toBe(200);
    expect((await resumed.json()).access_token).toBeUndefined();
    expect((await app.request(`/session/start/${id}-other`, json({}, candidate))).status).toBe(403);
    expect((await app.request(`/session/start/${id}-b`, json({}, team))).status).toBe(200);
    expect((await app.request(`/session/turn/${id}-b`, json({ text: SOLID_ANSWER }, candidate))).status).toBe(403);
    expect((await app.request(`/session/state/${id}-b`, { method: "DELETE", headers: candidate })).status).toBe(403);
    expect((await app.request(`/session/turn/${id}`, json({ text: SOLID_ANSWER }, candidate))).status).toBe(200);
  });
});

describe("session routes with spoken answers", () => {
  let runtime: Runtime;
  let audioServer: OpenAiAudioServer;
  let app: ReturnType<typeof openApp>;
  let bare: ReturnType<typeof openApp>;
  beforeAll(async () => {
    audioServer = await startOpenAiAudioServer({ transcript: SOLID_ANSWER });
    runtime = await openTestRuntime(databaseUrl);
    const settings = loadSpeechSettings({ STT_PROVIDER: "openai", TTS_PROVIDER: "openai", OPENAI_AUDIO_BASE_URL: audioServer.url });
    app = openApp(runtime, {}, createSpeechServices(settings, runtime.audio));
    bare = openApp(runtime);
  });
  afterAll(async () => {
    await runtime.close();
    await audioServer.close();
  });

  it("transcribes a multipart recording, and gives every reply as speech at audio_url", async () => {
    const id = `session-audio-${Date.now()}`;
    const start = await (await app.request(`/session/start/${id}`, json({ job_title: "SRE", question_type: "technical" }))).json();
    expect(start.interviewer_response.audio_url).toMatch(new RegExp(`^/interviews/${id}/audio/`));
    const res = await app.request(`/session/turn/${id}`, form({ audio: new Blob([Buffer.from(wavClip({ seconds: 1 }))], { type: "audio/wav" }) }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.transcript).toBe(SOLID_ANSWER);
    expect(body.turn_number).toBe(1);
    const audio = await app.request(body.interviewer_response.audio_url);
    expect(audio.status).toBe(200);
    expect(audio.headers.get("content-type")).toBe("audio/mpeg");
    const spoken = audioServer.requests.filter((r) => r.path === "/v1/audio/speech").map((r) => (r.json as { input: string }).input);
    expect(spoken).toContain(body.interviewer_response.text);
    const record = await (await app.request(`/interviews/${id}`)).json();
    expect(record.answers).toEqual([{ question_id: "q1", text: SOLID_ANSWER, channel: "audio" }]);

    // Reading the state twice speaks it once.
    const before = audioServer.requests.length;
    const s1 = await (await app.request(`/session/state/${id}`)).json();
    const s2 = await (await app.request(`/session/state/${id}`)).json();
    expect(s2.interviewer_response.audio_url).toBe(s1.interviewer_response.audio_url);
    expect(audioServer.requests.length).toBe(before + 1);
  });

  it("answers 503 speech_not_configured for a recording where speech-to-text is not set up, with audio_url null", async () => {
    const id = `session-noaudio-${Date.now()}`;
    const start = await (await bare.request(`/session/start/${id}`, json({}))).json();
    expect(start.interviewer_response.audio_url).toBeNull();
    const res = await bare.request(`/session/turn/${id}`, form({ audio: new Blob([Buffer.from(wavClip({ seconds: 1 }))], { type: "audio/wav" }) }));
    expect(res.status).toBe(503);
    const error = (await res.json()).error;
    expect(error.code).toBe("speech_not_configured");
    expect(error.message).toMatch(/STT_PROVIDER/);
  });
});
