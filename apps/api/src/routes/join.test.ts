import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { decodeJwt, jwtVerify } from "jose";
import { cvPdf, openTestRuntime } from "@interview/graph/testing";
import { createApp } from "../app.js";
import { loadApiConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { createVoiceRoutes } from "../voice.js";
import { digest } from "../access.js";
import { form, json, LogCapture, SOLID_ANSWER, testSettings } from "../testing/test-app.js";
import { startLiveKitRoomServer, type LiveKitRoomServer } from "../testing/livekit-rooms.js";

const databaseUrl = inject("databaseUrl");

/** Resolves once the check holds (the room is closed after the reply, without holding it up). */
async function eventually(check: () => boolean, ms = 3_000) {
  for (const deadline = Date.now() + ms; !check(); ) {
    if (Date.now() > deadline) throw new Error("the room was not closed in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const KEYS = { LIVEKIT_API_KEY: "APIkey123", LIVEKIT_API_SECRET: "a-long-enough-secret-for-hmac-signing-0123456789" };
// LiveKit's room service on loopback: joining again closes the interview's previous room there.
let rooms: LiveKitRoomServer;
let LIVEKIT: typeof KEYS & { LIVEKIT_URL: string };
const START = { username: "Ana Lima", job_title: "Backend Engineer", question_type: "technical", max_step: "2" };

interface Claims {
  sub: string;
  nbf: number;
  exp: number;
  name?: string;
  metadata?: string;
  video: { room: string; roomJoin: boolean; canPublish: boolean; canSubscribe: boolean; canPublishData: boolean; canPublishSources: string[] };
  roomConfig: { agents: { agentName: string; metadata: string }[] };
}

describe("POST /join", () => {
  let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  const logs = new LogCapture();
  const appWith = (env: Record<string, string>, settings = {}) => {
    const voice = createVoiceRoutes(loadApiConfig(env));
    return createApp({
      service: runtime.service,
      logger: createLogger("info", logs),
      settings: { ...testSettings, ...settings },
      voice: voice.routes,
      voiceRooms: voice.rooms,
    });
  };
  let app: ReturnType<typeof appWith>;
  beforeAll(async () => {
    runtime = await openTestRuntime(databaseUrl);
    rooms = await startLiveKitRoomServer(KEYS.LIVEKIT_API_KEY, KEYS.LIVEKIT_API_SECRET);
    LIVEKIT = { ...KEYS, LIVEKIT_URL: rooms.url };
    app = appWith({ ...LIVEKIT, LIVEKIT_TOKEN_TTL_SECONDS: "600" });
  });
  afterAll(async () => {
    await rooms.close();
    await runtime.close();
  });

  const join = async (init: RequestInit, on = app) => {
    const res = await on.request("/join", init);
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  it("starts an interview and hands out a short-lived token for that room that dispatches the voice agent with the thread only", async () => {
    const { status, body } = await join(json(START));
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["access_token", "role", "room_name", "thread_id", "token", "url"]);
    expect(body.url).toBe(LIVEKIT.LIVEKIT_URL);

    // Signed with the server's secret, so LiveKit will accept it.
    const { payload } = await jwtVerify(body.token, new TextEncoder().encode(LIVEKIT.LIVEKIT_API_SECRET));
    expect(payload.iss).toBe(LIVEKIT.LIVEKIT_API_KEY);
    const claims = decodeJwt(body.token) as unknown as Claims;
    expect(claims.exp - claims.nbf).toBe(600);
    expect(Math.abs(claims.exp - (Date.now() / 1000 + 600))).toBeLessThan(30);
    expect(claims.video).toEqual({
      room: body.room_name,
      roomJoin: true,
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      canPublishSources: ["microphone"],
    });
    expect(claims.roomConfig.agents).toHaveLength(1);
    expect(claims.roomConfig.agents[0]).toMatchObject({ agentName: "voice-agent", metadata: JSON.stringify({ thread_id: body.thread_id }) });

    const record = await app.request(`/interviews/${body.thread_id}`);
    expect(record.status).toBe(200);
    expect(await record.json()).toMatchObject({ status: "question", current_step: 1, max_steps: 2, job_title: "Backend Engineer", answers: [] });
  });

  it("keeps the CV and the candidate's details out of the token, even with a CV upload", async () => {
    const cv = new Blob([Buffer.from(await cvPdf())], { type: "application/pdf" });
    const { status, body } = await join(form({ ...START, cv }));
    expect(status).toBe(200);
    const claims = decodeJwt(body.token) as unknown as Claims;
    expect(JSON.parse(claims.roomConfig.agents[0]!.metadata)).toEqual({ thread_id: body.thread_id });
    const everything = JSON.stringify(claims);
    for (const secret of ["ana.lima@example.com", "7700 900123", "Ana Lima", "Parcelly", "Kubernetes", LIVEKIT.LIVEKIT_API_SECRET]) {
      expect(everything).not.toContain(secret);
    }
    // The CV did reach the interview itself.
    const record = (await (await app.request(`/interviews/${body.thread_id}`)).json()) as { thread_id: string };
    expect(record.thread_id).toBe(body.thread_id);
    expect((await runtime.service.get(body.thread_id)).setup.hasCv).toBe(true);
    expect(logs.text).not.toContain("ana.lima@example.com");
  });

  it("starts one interview for a join retried with the same Idempotency-Key, seating the retry in a fresh room that replaces the first", async () => {
    const key = { "idempotency-key": `join-${Date.now()}` };
    const first = await join(json(START, key));
    const retried = await join(json(START, key));
    expect(retried.status).toBe(200);
    expect(retried.body.thread_id).toBe(first.body.thread_id);
    expect(retried.body.room_name).not.toBe(first.body.room_name);
    await eventually(() => rooms.answered.includes(first.body.room_name));
    // The retry's token is the one that opens the interview now; the first opens nothing.
    const locked = appWith(LIVEKIT, { apiKeys: ["k1"] });
    expect((await locked.request(`/interviews/${first.body.thread_id}`, { headers: { authorization: `Bearer ${first.body.access_token}` } })).status).toBe(401);
    expect((await locked.request(`/interviews/${first.body.thread_id}`, { headers: { authorization: `Bearer ${retried.body.access_token}` } })).status).toBe(200);
    // A retry that names its room is seated in it, and that room stays open.
    const named = { "idempotency-key": `join-named-${Date.now()}` };
    const room = `interview-named-${Date.now()}`;
    const once = await join(json({ ...START, room_name: room }, named));
    rooms.live.add(room);
    const twice = await join(json({ ...START, room_name: room }, named));
    expect(twice).toMatchObject({ status: 200, body: { thread_id: once.body.thread_id, room_name: room } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rooms.requested).not.toContain(room);
    const other = await join(json({ ...START, job_title: "Data Engineer" }, key));
    expect(other).toMatchObject({ status: 422, body: { error: { code: "idempotency_mismatch" } } });
  });

  it("gives every join its own room unless one is named, and rejects a malformed room name", async () => {
    const a = await join(json(START));
    const b = await join(json(START));
    expect(a.body.room_name).not.toBe(b.body.room_name);
    const named = await join(json({ ...START, room_name: "practice-room-7" }));
    expect(named.status).toBe(200);
    expect(named.body.room_name).toBe("practice-room-7");
    expect((decodeJwt(named.body.token) as unknown as Claims).video.room).toBe("practice-room-7");
    const bad = await join(json({ ...START, room_name: "no spaces/or slashes" }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_input");
  });

  it("resumes a text interview by voice at its current question", async () => {
    const started = await runtime.service.start({ jobTitle: "SRE", questionType: "technical", maxSteps: 3 });
    const afterOne = await runtime.service.answer(started.threadId, { text: SOLID_ANSWER });
    const { status, body } = await join(json({ thread_id: started.threadId }));
    expect(status).toBe(200);
    expect(body.thread_id).toBe(started.threadId);
    const claims = decodeJwt(body.token) as unknown as Claims;
    expect(claims.roomConfig.agents[0]!.metadata).toBe(JSON.stringify({ thread_id: started.threadId }));
    const view = await runtime.service.get(started.threadId);
    expect(view.question!.id).toBe(afterOne.question!.id);
    expect(view.answers).toHaveLength(1);

    // The web client sends the whole form again when resuming; it starts nothing new.
    const again = await join(form({ ...START, thread_id: started.threadId }));
    expect(again.status).toBe(200);
    expect(again.body.thread_id).toBe(started.threadId);
  });

  it("keeps one voice room per interview: joining again closes the room it was in, and a room already gone is no error", async () => {
    const other = await join(json(START));
    rooms.live.add(other.body.room_name);
    const started = await join(json(START));
    rooms.live.add(started.body.room_name);
    const again = await join(json({ thread_id: started.body.thread_id }));
    expect(again.status).toBe(200);
    await eventually(() => rooms.answered.includes(started.body.room_name));
    expect(rooms.live.has(started.body.room_name)).toBe(false);
    // The voice agent takes answers in the interview's latest room only; one never joined through /join takes them anywhere.
    expect(await runtime.service.speaksIn(started.body.thread_id, started.body.room_name)).toBe(false);
    expect(await runtime.service.speaksIn(started.body.thread_id, again.body.room_name)).toBe(true);
    const byHand = await runtime.service.start({ jobTitle: "SRE", questionType: "technical", maxSteps: 2 });
    expect(await runtime.service.speaksIn(byHand.threadId, "a-room-dispatched-by-hand")).toBe(true);
    // A new token (a replayed start) leaves an interview never joined by voice open to such a room.
    await runtime.service.replaceAccessToken(byHand.threadId, "a-replayed-start-digest");
    expect(await runtime.service.speaksIn(byHand.threadId, "a-room-dispatched-by-hand")).toBe(true);
    // Joined once more: the second room had emptied and closed by itself already (not_found).
    const third = await join(json({ thread_id: started.body.thread_id }));
    expect(third.status).toBe(200);
    await eventually(() => rooms.answered.includes(again.body.room_name));
    // A room LiveKit fails to close is logged (by the thread only); the one already gone was not.
    rooms.failing.add(third.body.room_name);
    expect((await join(json({ thread_id: started.body.thread_id }))).status).toBe(200);
    await eventually(() => logs.text.includes("could not close a voice room the interview left"));
    const warnings = logs.text.split("\n").filter((line) => line.includes("could not close"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(started.body.thread_id);
    expect(rooms.refused).toBe(0);
    // Another interview's room is left alone.
    expect(rooms.requested).not.toContain(other.body.room_name);
  });

  it("closes the interview's voice room when the interview is erased, and no room it already left", async () => {
    const started = await join(json(START));
    rooms.live.add(started.body.room_name);
    expect((await app.request(`/interviews/${started.body.thread_id}`, { method: "DELETE" })).status).toBe(204);
    await eventually(() => rooms.answered.includes(started.body.room_name));
    expect(rooms.live.has(started.body.room_name)).toBe(false);
    // Moved to another browser, the interview left its room (closed then): erasing it closes nothing more.
    const moved = await join(json(START));
    await runtime.service.replaceAccessToken(moved.body.thread_id, "the-other-browser-digest");
    const before = rooms.requested.length;
    expect((await app.request(`/interviews/${moved.body.thread_id}`, { method: "DELETE" })).status).toBe(204);
    const byText = await runtime.service.start({ jobTitle: "SRE", questionType: "technical", maxSteps: 2 });
    expect((await app.request(`/interviews/${byText.threadId}`, { method: "DELETE" })).status).toBe(204);
    // A later erase's close arrives after any the earlier ones would have sent.
    const last = await join(json(START));
    expect((await app.request(`/interviews/${last.body.thread_id}`, { method: "DELETE" })).status).toBe(204);
    await eventually(() => rooms.answered.includes(last.body.room_name));
    expect(rooms.requested.slice(before)).toEqual([last.body.room_name]);
  });

  it("closes rooms through LIVEKIT_API_URL when the server reaches LiveKit at another address than browsers do", async () => {
    const split = appWith({ ...LIVEKIT, LIVEKIT_URL: "ws://127.0.0.1:9", LIVEKIT_API_URL: rooms.url.replace(/^ws/, "http") });
    const first = await join(json(START), split);
    expect(first.body.url).toBe("ws://127.0.0.1:9");
    await join(json({ thread_id: first.body.thread_id }), split);
    await eventually(() => rooms.answered.includes(first.body.room_name));
  });

  it("gives a candidate's token a fresh room only, and no room once the token was retired", async () => {
    const locked = appWith(LIVEKIT, { apiKeys: ["team"] });
    const started = await join(json(START, { authorization: "Bearer team" }), locked);
    const candidate = { authorization: `Bearer ${started.body.access_token}` };
    const named = await join(json({ thread_id: started.body.thread_id, room_name: "someone-elses-room" }, candidate), locked);
    expect(named).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(rooms.requested).not.toContain("someone-elses-room");
    expect((await join(json({ thread_id: started.body.thread_id }, candidate), locked)).status).toBe(200);
    // A join that passed the token check just before the interview moved to another browser records no room.
    await runtime.service.replaceAccessToken(started.body.thread_id, "another-token-digest");
    expect(await runtime.service.replaceVoiceRoom(started.body.thread_id, "late-room", digest(started.body.access_token))).toEqual({ recorded: false, previous: null });
  });

  it("answers 404 for an unknown thread and 409 for a completed one", async () => {
    const unknown = await join(json({ thread_id: "no-such-interview" }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");

    const started = await runtime.service.start({ jobTitle: "SRE", questionType: "technical", maxSteps: 1 });
    let view = started;
    for (let i = 0; i < 5 && view.status !== "completed"; i++) view = await runtime.service.answer(started.threadId, { text: SOLID_ANSWER });
    expect(view.status).toBe("completed");
    const completed = await join(json({ thread_id: started.threadId }));
    expect(completed.status).toBe(409);
    expect(completed.body.error.code).toBe("interview_completed");
  });

  it("needs the job fields to start a new interview", async () => {
    const { status, body } = await join(json({ question_type: "technical" }));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_input" });
    expect(body.error.message).toMatch(/job_title/);
  });

  it("answers 503 voice_not_configured, naming the missing settings, and creates nothing", async () => {
    const none = await join(json({ ...START, thread_id: "would-be-created" }), appWith({}));
    expect(none.status).toBe(503);
    expect(none.body.error.code).toBe("voice_not_configured");
    expect(none.body.error.message).toContain("LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET");

    const partly = await join(json(START), appWith({ LIVEKIT_URL: LIVEKIT.LIVEKIT_URL }));
    expect(partly.status).toBe(503);
    expect(partly.body.error.message).toContain("set LIVEKIT_API_KEY, LIVEKIT_API_SECRET");
    expect(partly.body.error.message).not.toContain("LIVEKIT_URL");

    await expect(runtime.service.info("would-be-created")).resolves.toBeUndefined();
    // Text interviews are unaffected.
    expect((await appWith({}).request("/start_interview", json(START))).status).toBe(200);
  });

  it("requires an API key when the server has them, and is documented in /openapi.json", async () => {
    const locked = appWith(LIVEKIT, { apiKeys: ["k1"] });
    expect((await locked.request("/join", json(START))).status).toBe(401);
    expect((await locked.request("/join", json(START, { authorization: "Bearer k1" }))).status).toBe(200);

    const spec = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, any> };
    const op = spec.paths["/join"].post;
    expect(Object.keys(op.requestBody.content).sort()).toEqual(["application/json", "multipart/form-data"]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "404", "409", "503"]));
    expect(op.parameters).toContainEqual(expect.objectContaining({ name: "idempotency-key", in: "header", required: false }));
  });
});
