import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { decodeJwt } from "jose";
import { cvPdf, openTestRuntime } from "@interview/graph/testing";
import { PostgresJobStore } from "@interview/graph";
import { createApp } from "../app.js";
import type { AppSettings } from "../app-types.js";
import { loadApiConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { voiceAvailability } from "../voice.js";
import { digest } from "../access.js";
import { form, json, LogCapture, SOLID_ANSWER, testSettings } from "../testing/test-app.js";
import { startLiveKitRoomServer, type LiveKitRoomServer } from "../testing/livekit-rooms.js";
import type { VoiceAvailability } from "./join.js";
import { jobDirectory, jobRoutes } from "./jobs.js";
import { inviteRoutes } from "./invites.js";
import { listRoutes } from "./list.js";

const databaseUrl = inject("databaseUrl");
const KEYS = { LIVEKIT_API_KEY: "APIkey123", LIVEKIT_API_SECRET: "a-long-enough-secret-for-hmac-signing-0123456789" };
// LiveKit's room service on loopback: continuing from the link elsewhere closes the old browser's room there.
let rooms: LiveKitRoomServer;
let LIVEKIT: typeof KEYS & { LIVEKIT_URL: string };

let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
let store: PostgresJobStore;
const logs = new LogCapture();

const appWith = (settings: Partial<AppSettings> = {}, voice?: VoiceAvailability) =>
  createApp({
    service: runtime.service,
    logger: createLogger("info", logs),
    settings: { ...testSettings, ...settings },
    jobs: jobDirectory(store),
    routes: [jobRoutes(store), inviteRoutes(store, voice ? { voice } : {}), listRoutes(store)],
  });
let app: ReturnType<typeof appWith>;

beforeAll(async () => {
  runtime = await openTestRuntime(databaseUrl);
  store = new PostgresJobStore(runtime.database.pool);
  app = appWith();
  rooms = await startLiveKitRoomServer(KEYS.LIVEKIT_API_KEY, KEYS.LIVEKIT_API_SECRET);
  LIVEKIT = { ...KEYS, LIVEKIT_URL: rooms.url };
});
afterAll(async () => {
  await rooms.close();
  await runtime.close();
});

type Body = Record<string, any>;
type App = ReturnType<typeof appWith>;
const send = async (path: string, init?: RequestInit, on: App = app) => {
  const res = await on.request(path, init);
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as Body };
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (path: string, headers: Record<string, string> = {}, on: App = app) => send(path, { headers }, on);

const JOB = {
  job_title: "Backend Engineer",
  company_name: "Acme",
  job_description: "We build routing software for parcel warehouses.",
  location: "Lisbon",
  requirements: ["PostgreSQL"],
  skills: ["TypeScript"],
  question_type: "behavioral",
  max_step: 2,
};

async function jobWithInvite(invite: Record<string, unknown> = {}, on: App = app, headers: Record<string, string> = {}) {
  const job = await send("/jobs", json(JOB, headers), on);
  expect(job.status).toBe(201);
  const created = await send(`/jobs/${job.body.job_id}/invites`, json(invite, headers), on);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { job: job.body, invite: created.body, token: created.body.token as string };
}

const start = (token: string, body: Record<string, unknown> = {}, on: App = app) => send(`/invites/${token}/start`, json(body), on);
const usesOf = async (jobId: string) => (await get(`/jobs/${jobId}/invites`)).body.invites.map((i: Body) => i.uses);

describe("invite links, for the team", () => {
  it("hand out a long random token once, in a link to the web UI, and list invites without it", async () => {
    const before = Date.now();
    const { job, invite, token } = await jobWithInvite();
    const after = Date.now();
    expect(Object.keys(invite).sort()).toEqual(["candidate_name", "expires_at", "invite_id", "max_uses", "token", "url", "uses"]);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(invite).toMatchObject({ url: `http://localhost/invite/${token}`, max_uses: 1, uses: 0 });
    // One week unless told otherwise.
    const week = 7 * 24 * 3_600_000;
    expect(Date.parse(invite.expires_at)).toBeGreaterThanOrEqual(before + week - 1000);
    expect(Date.parse(invite.expires_at)).toBeLessThanOrEqual(after + week + 1000);

    const listed = await get(`/jobs/${job.job_id}/invites`);
    expect(listed.body.invites).toEqual([{ invite_id: invite.invite_id, expires_at: invite.expires_at, max_uses: 1, uses: 0, created_at: expect.any(String), active: true, candidate_name: null }]);
    expect(JSON.stringify(listed.body)).not.toContain(token);
  });

  it("point links at PUBLIC_URL when it is set, and may allow any number of uses", async () => {
    const { invite, token } = await jobWithInvite({ max_uses: null, expires_in_hours: 2 }, appWith({ publicUrl: "https://hire.example.com/" }));
    expect(invite).toMatchObject({ url: `https://hire.example.com/invite/${token}`, max_uses: null });
    expect((await get(`/invites/${token}`)).body.uses_left).toBeNull();
  });

  it("refuse a job that does not exist and limits out of range", async () => {
    expect((await send("/jobs/job_unknown/invites", json({}))).status).toBe(404);
    expect((await get("/jobs/job_unknown/invites")).status).toBe(404);
    const { job } = await jobWithInvite();
    for (const body of [{ expires_in_hours: 0 }, { max_uses: 0 }, { expires_in_hours: 1.5 }]) {
      expect(await send(`/jobs/${job.job_id}/invites`, json(body))).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
    }
  });

  it("name the candidate a link is for: the list shows it, the link's page fills it in, the interview is under it", async () => {
    const { job, invite, token } = await jobWithInvite({ candidate_name: "  Ana Lima " });
    expect(invite.candidate_name).toBe("Ana Lima");
    expect((await get(`/jobs/${job.job_id}/invites`)).body.invites[0].candidate_name).toBe("Ana Lima");
    expect((await get(`/invites/${token}`)).body.candidate_name).toBe("Ana Lima");
    const started = await start(token, { cv_text: "Built ledgers in Go." });
    expect(started.body.message).toContain("Ana");
    expect((await get(`/interviews/${started.body.thread_id}`)).body.candidate_name).toBe("Ana Lima");
    const rows = (await get(`/jobs/${job.job_id}/interviews`)).body.interviews;
    expect(rows.map((r: Body) => r.candidate_name)).toEqual(["Ana Lima"]);
    // The candidate's own spelling wins.
    const other = await jobWithInvite({ candidate_name: "Ana Lima" });
    const own = await start(other.token, { username: "Ana Beatriz Lima" });
    expect((await get(`/interviews/${own.body.thread_id}`)).body.candidate_name).toBe("Ana Beatriz Lima");
    // A named link is for one interview; the name is never logged.
    const shared = await send(`/jobs/${job.job_id}/invites`, json({ candidate_name: "Ana Lima", max_uses: 5 }));
    expect(shared).toMatchObject({ status: 400, body: { error: { code: "invalid_input", message: "candidate_name: a link for a named candidate is for one interview: leave out max_uses or send 1" } } });
    expect(logs.text).not.toContain("Lima");
  });

  it("revoke a link: it opens nothing afterwards", async () => {
    const { job, invite, token } = await jobWithInvite({ max_uses: 5 });
    expect((await send(`/jobs/${job.job_id}/invites/${invite.invite_id}`, { method: "DELETE" })).status).toBe(204);
    expect(await get(`/invites/${token}`)).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect((await start(token)).status).toBe(404);
    expect((await get(`/jobs/${job.job_id}/invites`)).body.invites).toEqual([]);
    expect((await send(`/jobs/${job.job_id}/invites/${invite.invite_id}`, { method: "DELETE" })).status).toBe(404);
  });
});

describe("a candidate with an invite link", () => {
  it("sees the job, and starts its interview with the job's settings; a single-use link is then used up", async () => {
    const { job, token } = await jobWithInvite();
    const seen = await get(`/invites/${token}`);
    expect(seen).toEqual({
      status: 200,
      body: {
        job: { job_title: "Backend Engineer", company_name: "Acme", job_description: JOB.job_description, location: "Lisbon", requirements: ["PostgreSQL"], skills: ["TypeScript"] },
        expires_at: expect.any(String),
        uses_left: 1,
        candidate_name: null,
        voice_available: false,
        results_shared: false,
        resumable: false,
      },
    });

    const started = await start(token, { username: "Zanzibar Quill", cv_text: "Zanzibar Quill, zq@example.com. Built ledgers in Go." });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: "question", max_steps: 2, role: "candidate", access_token: expect.stringMatching(/^itk_/) });
    expect(started.body.message).toContain("Zanzibar");
    const record = (await get(`/interviews/${started.body.thread_id}`)).body;
    expect(record).toMatchObject({ job_id: job.job_id, job_title: "Backend Engineer", company_name: "Acme", question_type: "behavioral", candidate_name: "Zanzibar Quill", has_cv: true });

    // Used up: it starts no second interview, and opens the one it started.
    expect(await get(`/invites/${token}`)).toMatchObject({ status: 200, body: { uses_left: 0, resumable: true } });
    // Starting again points to the interview the link started, not to a new link.
    expect((await start(token)).body.error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/already started your interview.*continue it/) });

    // Neither the link's token (in the API's path or the web page's) nor what the candidate sent reaches the logs.
    await get(`/invite/${token}`);
    for (const secret of [token, "Zanzibar", "zq@example.com", started.body.access_token]) expect(logs.text).not.toContain(secret);
    expect(logs.text).toContain("/invites/{token}/start");
    expect(logs.text).toContain("/invite/{token}");
  });

  it("counts down the uses of a link for several candidates and takes a CV upload", async () => {
    const { job, token } = await jobWithInvite({ max_uses: 3 });
    const cv = new Blob([Buffer.from(await cvPdf())], { type: "application/pdf" });
    const first = await send(`/invites/${token}/start`, form({ username: "Ana", cv }));
    expect(first.status).toBe(200);
    expect((await get(`/interviews/${first.body.thread_id}`)).body.has_cv).toBe(true);
    expect((await start(token)).status).toBe(200);
    expect((await get(`/invites/${token}`)).body.uses_left).toBe(1);
    expect(await usesOf(job.job_id)).toEqual([2]);
  });

  it("is refused a link that has expired, without using it", async () => {
    const { job, invite, token } = await jobWithInvite();
    await runtime.database.pool.query("update job_invites set expires_at = now() - interval '1 minute' where invite_id = $1", [invite.invite_id]);
    const seen = await get(`/invites/${token}`);
    expect(seen.status).toBe(403);
    expect(seen.body.error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/expired/) });
    expect((await start(token)).status).toBe(403);
    expect((await get(`/jobs/${job.job_id}/invites`)).body.invites).toMatchObject([{ uses: 0, active: false }]);
  });

  it("is refused a token that was never handed out", async () => {
    const wrong = "A".repeat(43);
    for (const res of [await get(`/invites/${wrong}`), await start(wrong)]) {
      expect(res).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
      expect(res.body.error.message).not.toContain(wrong);
    }
  });

  it("keeps the use when the start fails, and can start again", async () => {
    const { job, token } = await jobWithInvite();
    const failed = await send(`/invites/${token}/start`, form({ cv: new Blob(["%PDF-1.7\n1 0 obj garbage"]) }));
    expect(failed).toMatchObject({ status: 422, body: { error: { code: "unreadable_pdf" } } });
    expect((await get(`/invites/${token}`)).body.uses_left).toBe(1);
    expect(await usesOf(job.job_id)).toEqual([0]);
    expect((await start(token)).status).toBe(200);
  });

  it("gets exactly one interview out of concurrent starts on a single-use link", async () => {
    const { job, token } = await jobWithInvite();
    const results = await Promise.all(Array.from({ length: 4 }, () => start(token, { username: "Ana" })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 403, 403, 403]);
    expect(await usesOf(job.job_id)).toEqual([1]);
    const interviews = (await get(`/jobs/${job.job_id}/interviews`)).body.interviews;
    expect(interviews.map((i: Body) => i.thread_id)).toEqual([results.find((r) => r.status === 200)!.body.thread_id]);
  });

  it("loses the link with its job, while the interview it started stays", async () => {
    const { job, token } = await jobWithInvite({ max_uses: 2 });
    const started = await start(token);
    expect((await send(`/jobs/${job.job_id}`, { method: "DELETE" })).status).toBe(204);
    expect((await get(`/invites/${token}`)).status).toBe(404);
    expect((await get(`/interviews/${started.body.thread_id}`)).body).toMatchObject({ job_id: job.job_id, job_title: "Backend Engineer" });
    expect((await get(`/interviews?job_id=${job.job_id}`)).body.interviews).toHaveLength(1);
  });
});

describe("a candidate who comes back through a single-use link", () => {
  const secured = () => appWith({ apiKeys: ["team-key"] });
  const team = bearer("team-key");
  const resume = (token: string, on: App) => send(`/invites/${token}/resume`, { method: "POST" }, on);
  const answer = (threadId: string, token: string, on: App) => send("/continue_interview", json({ thread_id: threadId, user_response: SOLID_ANSWER }, bearer(token)), on);

  it("continues the interview in the new browser, which alone holds it from then on", async () => {
    const on = secured();
    const { token } = await jobWithInvite({}, on, team);
    const started = await start(token, { username: "Ana" }, on);
    const threadId = started.body.thread_id as string;
    const first = started.body.access_token as string;
    expect((await answer(threadId, first, on)).body).toMatchObject({ status: "question", current_step: 2 });

    const resumed = await resume(token, on);
    expect(resumed).toMatchObject({ status: 200, body: { thread_id: threadId, access_token: expect.stringMatching(/^itk_/) } });
    const second = resumed.body.access_token as string;
    expect(second).not.toBe(first);
    // At the question it was on, with the answer kept.
    expect((await get(`/interviews/${threadId}`, bearer(second), on)).body).toMatchObject({ status: "question", current_step: 2, messages: expect.arrayContaining([expect.objectContaining({ role: "candidate", text: SOLID_ANSWER })]) });
    // The first browser's token stops working, and says why.
    const stale = await get(`/interviews/${threadId}`, bearer(first), on);
    expect(stale).toMatchObject({ status: 401, body: { error: { code: "unauthorized", message: expect.stringMatching(/continued from its invite link in another browser/) } } });
    expect((await answer(threadId, first, on)).status).toBe(401);
    expect((await answer(threadId, second, on)).status).toBe(200);

    for (const secret of [token, first, second]) expect(logs.text).not.toContain(secret);
  });

  it("opens nothing once the interview is finished, erased, the link revoked or expired, and only from single-use links", async () => {
    const on = secured();
    const finished = await jobWithInvite({}, on, team);
    const run = await start(finished.token, {}, on);
    let last = await answer(run.body.thread_id, run.body.access_token, on);
    while (last.body.status === "question") last = await answer(run.body.thread_id, run.body.access_token, on);
    for (const res of [await get(`/invites/${finished.token}`, {}, on), await resume(finished.token, on), await start(finished.token, {}, on)]) {
      expect(res).toMatchObject({ status: 409, body: { error: { code: "interview_completed", message: expect.stringMatching(/^You have finished the interview this link opened/) } } });
    }

    const erased = await jobWithInvite({}, on, team);
    const gone = await start(erased.token, {}, on);
    expect((await send(`/interviews/${gone.body.thread_id}`, { method: "DELETE", headers: team }, on)).status).toBe(204);
    expect(await resume(erased.token, on)).toMatchObject({ status: 403, body: { error: { message: expect.stringMatching(/already been used/) } } });

    const revoked = await jobWithInvite({}, on, team);
    await start(revoked.token, {}, on);
    expect((await send(`/jobs/${revoked.job.job_id}/invites/${revoked.invite.invite_id}`, { method: "DELETE", headers: team }, on)).status).toBe(204);
    expect((await resume(revoked.token, on)).status).toBe(404);

    const expired = await jobWithInvite({}, on, team);
    await start(expired.token, {}, on);
    await runtime.database.pool.query("update job_invites set expires_at = now() - interval '1 minute' where invite_id = $1", [expired.invite.invite_id]);
    expect(await resume(expired.token, on)).toMatchObject({ status: 403, body: { error: { message: expect.stringMatching(/expired/) } } });

    // A link for several candidates cannot tell whose interview to open.
    const shared = await jobWithInvite({ max_uses: 2 }, on, team);
    await start(shared.token, {}, on);
    expect(await get(`/invites/${shared.token}`, {}, on)).toMatchObject({ status: 200, body: { uses_left: 1, resumable: false } });
    expect((await resume(shared.token, on)).body.error).toMatchObject({ code: "invalid_input", message: expect.stringMatching(/for several candidates/) });
    await start(shared.token, {}, on);
    expect((await get(`/invites/${shared.token}`, {}, on)).status).toBe(403);
    expect((await resume(shared.token, on)).status).toBe(403);

    const unused = await jobWithInvite({}, on, team);
    expect(await resume(unused.token, on)).toMatchObject({ status: 400, body: { error: { code: "invalid_input", message: expect.stringMatching(/has not started an interview yet/) } } });
  });
});

describe("a voice interview through an invite link", () => {
  it("answers 503 without LiveKit settings, without using the link", async () => {
    const textOnly = appWith({}, voiceAvailability(loadApiConfig({})));
    const { job, token } = await jobWithInvite({}, textOnly);
    const res = await send(`/invites/${token}/join`, json({ username: "Ana" }), textOnly);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: "voice_not_configured", message: expect.stringContaining("LIVEKIT_URL") });
    expect(await usesOf(job.job_id)).toEqual([0]);
    expect((await get(`/invites/${token}`, {}, textOnly)).body.voice_available).toBe(false);
    // An app with no voice wiring at all says so too.
    expect((await send(`/invites/${token}/join`, json({}))).body.error.code).toBe("voice_not_configured");
  });

  it("starts the job's interview and hands out a seat in a fresh room; the caller cannot name the room", async () => {
    const voiceApp = appWith({}, voiceAvailability(loadApiConfig(LIVEKIT)));
    const { job, token } = await jobWithInvite({}, voiceApp);
    expect((await get(`/invites/${token}`, {}, voiceApp)).body.voice_available).toBe(true);
    const named = await send(`/invites/${token}/join`, json({ username: "Ana", room_name: "someone-elses-room" }), voiceApp);
    expect(named).toMatchObject({ status: 400, body: { error: { code: "invalid_input", message: expect.stringMatching(/^Unknown field: room_name\./) } } });
    expect((await get(`/invites/${token}`, {}, voiceApp)).body.uses_left).toBe(1);
    const res = await send(`/invites/${token}/join`, json({ username: "Ana" }), voiceApp);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["access_token", "role", "room_name", "thread_id", "token", "url"]);
    const claims = decodeJwt(res.body.token) as { video: { room: string }; roomConfig: { agents: { agentName: string; metadata: string }[] } };
    expect(claims.video.room).toBe(res.body.room_name);
    expect(claims.roomConfig.agents[0]).toMatchObject({ agentName: "voice-agent", metadata: JSON.stringify({ thread_id: res.body.thread_id }) });
    expect((await get(`/interviews/${res.body.thread_id}`, {}, voiceApp)).body).toMatchObject({ job_id: job.job_id, status: "question" });
    expect((await send(`/invites/${token}/join`, json({}), voiceApp)).status).toBe(403);
  });

  it("closes the first browser's voice room when the candidate continues from the link in another browser", async () => {
    const voiceApp = appWith({ apiKeys: ["team-key"] }, voiceAvailability(loadApiConfig(LIVEKIT)));
    const { token } = await jobWithInvite({}, voiceApp, bearer("team-key"));
    const joined = await send(`/invites/${token}/join`, json({ username: "Ana" }), voiceApp);
    expect(joined.status).toBe(200);
    rooms.live.add(joined.body.room_name);
    const resumed = await send(`/invites/${token}/resume`, { method: "POST" }, voiceApp);
    expect(resumed.status).toBe(200);
    for (let waited = 0; rooms.live.has(joined.body.room_name) && waited < 3_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rooms.requested).toContain(joined.body.room_name);
    expect(rooms.live.has(joined.body.room_name)).toBe(false);
    // Even had LiveKit not closed it, a voice agent there (or in a room the old token opens again) takes no answer.
    expect(await runtime.service.speaksIn(joined.body.thread_id, joined.body.room_name)).toBe(false);
    // Until the interview is joined again, from the new browser.
    expect(await runtime.service.replaceVoiceRoom(joined.body.thread_id, "interview-new-browser", digest(resumed.body.access_token))).toEqual({ recorded: true, previous: null });
    expect(await runtime.service.speaksIn(joined.body.thread_id, "interview-new-browser")).toBe(true);
    expect(await runtime.service.speaksIn(joined.body.thread_id, joined.body.room_name)).toBe(false);
  });
});

describe("access with API_KEYS set", () => {
  it("lets the team manage jobs and the list, candidates only their invite and their own interview", async () => {
    const secured = appWith({ apiKeys: ["team-key"] });
    const team = bearer("team-key");
    expect((await get("/jobs", {}, secured)).status).toBe(401);
    const { job, token } = await jobWithInvite({ max_uses: 2 }, secured, team);
    expect((await get("/interviews", team, secured)).status).toBe(200);
    const other = await send("/start_interview", json({ job_id: job.job_id }, team), secured);
    expect(other.status).toBe(200);

    // The invite routes need no key.
    expect((await get(`/invites/${token}`, {}, secured)).status).toBe(200);
    const started = await start(token, {}, secured);
    expect(started.status).toBe(200);
    const candidate = bearer(started.body.access_token);

    for (const [path, init] of [
      ["/jobs", json({ job_title: "X" }, candidate)],
      ["/jobs", { headers: candidate }],
      [`/jobs/${job.job_id}`, { headers: candidate }],
      [`/jobs/${job.job_id}/invites`, json({}, candidate)],
      [`/jobs/${job.job_id}/invites`, { headers: candidate }],
      [`/jobs/${job.job_id}/interviews`, { headers: candidate }],
      ["/interviews", { headers: candidate }],
    ] as const) {
      expect(await send(path, init, secured), path).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    }
    expect((await get(`/interviews/${started.body.thread_id}`, candidate, secured)).status).toBe(200);
    expect(await get(`/interviews/${other.body.thread_id}`, candidate, secured)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    // Team reads still work after all of that.
    expect((await get(`/jobs/${job.job_id}/interviews`, team, secured)).body.interviews).toHaveLength(2);
    // The job's interview stays the team's record: its candidate cannot make it vanish from the list; the team erases it.
    const erase = (headers: Record<string, string>) => send(`/interviews/${started.body.thread_id}`, { method: "DELETE", headers }, secured);
    expect(await erase(candidate)).toMatchObject({ status: 403, body: { error: { code: "forbidden", message: expect.stringMatching(/ask the team to erase it/) } } });
    expect((await get(`/interviews/${started.body.thread_id}`, team, secured)).status).toBe(200);
    expect((await erase(team)).status).toBe(204);
    expect((await get(`/jobs/${job.job_id}/interviews`, team, secured)).body.interviews).toHaveLength(1);
  });
});

describe("results the hiring team keeps", () => {
  const secured = () => appWith({ apiKeys: ["team-key"] });
  const team = bearer("team-key");

  async function interviewedByInvite(on: App, jobFields: Record<string, unknown>) {
    const job = await send("/jobs", json({ ...JOB, ...jobFields }, team), on);
    const { token } = (await send(`/jobs/${job.body.job_id}/invites`, json({}, team), on)).body;
    const invite = (await get(`/invites/${token}`, {}, on)).body;
    const started = await start(token, { username: "Ana" }, on);
    const candidate = bearer(started.body.access_token);
    const first = await send("/continue_interview", json({ thread_id: started.body.thread_id, user_response: SOLID_ANSWER }, candidate), on);
    let last = first;
    while (last.body.status === "question") last = await send("/continue_interview", json({ thread_id: started.body.thread_id, user_response: SOLID_ANSWER }, candidate), on);
    return { job: job.body, threadId: started.body.thread_id as string, candidate, invite, started: started.body, first: first.body, last: last.body };
  }

  it("by default: the candidate's token gets no feedback, scores or report, and the closing words say the team will be in touch", async () => {
    const on = secured();
    const { job, threadId, candidate, started, first, last } = await interviewedByInvite(on, {});
    expect(job.share_results).toBe(false);
    expect(started.results_shared).toBe(false);
    // The greeting promises no feedback or report either.
    expect(started.greeting).toMatch(/your answers go to the hiring team, who will be in touch/);
    expect(started.greeting).not.toMatch(/feedback|report/);
    expect(first.status).toBe("question");
    expect(first).not.toHaveProperty("feedback");
    expect(first).not.toHaveProperty("decision");
    expect(last).toMatchObject({ status: "completed", results_shared: false });
    expect(last).not.toHaveProperty("final_evaluation");
    expect(last).not.toHaveProperty("feedback_list");
    expect(last.message).toMatch(/hiring team, who will be in touch/);
    expect(last.message).not.toMatch(/\d\/10/);
    // Answering again is refused without pointing to a report the candidate may not open.
    const again = (await send("/continue_interview", json({ thread_id: threadId, user_response: SOLID_ANSWER }, candidate), on)).body;
    expect(again.error).toMatchObject({ code: "interview_completed" });
    expect(again.error.message).not.toMatch(/report/);

    const seen = (await get(`/interviews/${threadId}`, candidate, on)).body;
    expect(seen).toMatchObject({ status: "completed", results_shared: false, evaluations: [] });
    expect(seen).not.toHaveProperty("final_evaluation");
    expect(seen.questions.every((q: Body) => q.decision === undefined)).toBe(true);
    expect(seen.answers).toHaveLength(2);
    for (const accept of ["application/json", "text/markdown", "application/pdf"]) {
      expect(await get(`/interviews/${threadId}/report`, { ...candidate, accept }, on), accept).toMatchObject({ status: 403, body: { error: { code: "forbidden", message: expect.stringMatching(/hiring team keeps/) } } });
    }
    // The compatibility routes hold back the same.
    const state = (await get(`/session/state/${threadId}`, candidate, on)).body;
    expect(state.session_state).not.toHaveProperty("final_evaluation");

    // The team sees everything.
    const full = (await get(`/interviews/${threadId}`, team, on)).body;
    expect(full.evaluations).toHaveLength(2);
    expect(full.final_evaluation).toMatchObject({ overall_score: expect.any(Number) });
    const markdown = await on.request(`/interviews/${threadId}/report`, { headers: { ...team, accept: "text/markdown" } });
    expect(markdown.status).toBe(200);
    expect(await markdown.text()).toMatch(/Overall score/i);
  });

  it("with share_results: the candidate sees feedback and the report, as in practice", async () => {
    const on = secured();
    const { threadId, candidate, invite, started, first, last } = await interviewedByInvite(on, { share_results: true });
    expect(invite.results_shared).toBe(true);
    expect(started.greeting).toMatch(/after each answer you'll get feedback, and at the end a full report/);
    expect(first.feedback).toMatchObject({ score: expect.any(Number) });
    expect(last).toMatchObject({ results_shared: true, final_evaluation: { overall_score: expect.any(Number) } });
    expect(last.message).toMatch(/Your overall score is [\d.]+\/10/);
    expect((await get(`/interviews/${threadId}/report`, candidate, on)).body.final_evaluation).toBeDefined();
  });

  it("can be changed on the job; interviews already started keep what they began with", async () => {
    const on = secured();
    const { job, threadId, candidate } = await interviewedByInvite(on, {});
    const changed = await send(`/jobs/${job.job_id}`, { ...json({ share_results: true }, team), method: "PATCH" }, on);
    expect(changed.body.share_results).toBe(true);
    expect((await get(`/interviews/${threadId}`, candidate, on)).body).toMatchObject({ results_shared: false, evaluations: [] });
    const cleared = await send(`/jobs/${job.job_id}`, { ...json({ share_results: null }, team), method: "PATCH" }, on);
    expect(cleared.body.share_results).toBe(false);
  });
});
