import type { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { wavClip, startOpenAiAudioServer, type OpenAiAudioServer } from "../../../../packages/graph/src/speech/testing/index.js";
import { loadSpeechSettings } from "@interview/graph";
import { createSpeechServices } from "../speech.js";
import { SOLID_ANSWER } from "../testing/test-app.js";
import { newAccessToken } from "../access.js";
import { uniqueName } from "@interview/shared-state/testing/targets";
import { CLOSE_CODES } from "./protocol.js";
import { PostgresTicketStore } from "./tickets.js";
import { openReplica, RefusedError, SocketClient, type Replica } from "./testing.js";

const databaseUrl = inject("databaseUrl");

async function startInterview(replica: Replica, fields: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await replica.request("POST", "/start_interview", { job_title: "Backend Engineer", question_type: "technical", max_step: 3, ...fields }, headers);
  expect(res.status).toBe(200);
  return (await res.json()) as { thread_id: string; access_token: string; question: { id: string; text: string } };
}

const record = async (replica: Replica, threadId: string, headers: Record<string, string> = {}) =>
  (await (await replica.request("GET", `/interviews/${threadId}`, undefined, headers)).json()) as {
    status: string;
    answers: { question_id: string; text: string; channel: string }[];
    question?: { id: string };
  };

/** Connects and reads the opening messages: connected, then resume. */
async function connect(replica: Replica, threadId: string, options: Parameters<typeof SocketClient.connect>[1] = {}) {
  const client = await SocketClient.connect(replica.wsUrl(threadId), options);
  const connected = await client.next("connected");
  const resume = await client.next("resume");
  return { client, connected, resume };
}

const refusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => {
      throw new Error("The socket opened; a refusal was expected.");
    },
    (error: unknown) => {
      if (!(error instanceof RefusedError)) throw error;
      return error.status;
    },
  );

describe("realtime interview channel (WebSocket, one replica)", () => {
  let replica: Replica;
  beforeAll(async () => {
    replica = await openReplica(databaseUrl);
  });
  afterAll(() => replica.close());

  it("streams the next question as tokens, then sends the evaluation, the decision and the question; completes and closes with 1000", async () => {
    const start = await startInterview(replica, { max_step: 2, username: "Ana" });
    const { client, connected, resume } = await connect(replica, start.thread_id);
    expect(connected).toMatchObject({ thread_id: start.thread_id, connection_id: expect.stringMatching(/^ws_/) });
    expect(resume).toMatchObject({ status: "question", question_id: start.question.id, text: start.question.text, step: 1, max_steps: 2, kind: "main", answered: 0 });
    expect(resume.greeting).toMatch(/^Hello, Ana!/);

    client.send({ type: "answer", text: SOLID_ANSWER, question_id: resume.question_id });
    const evaluation = await client.next("evaluation");
    const decision = await client.next("decision");
    const question = await client.next("question");
    expect(evaluation).toMatchObject({ question_id: "q1", score: expect.any(Number), feedback: expect.any(String), insufficient_evidence: false });
    expect(Object.keys(evaluation.rubric).sort()).toEqual(["clarity", "depth", "evidence", "relevance"]);
    expect(decision).toMatchObject({ question_id: "q1", action: expect.stringMatching(/^(ask_followup|new_question|clarify|conclude)$/) });
    expect(question.question_id).not.toBe("q1");
    // The tokens came first and spell the question the client is then sent.
    expect(client.types().slice(2)).toEqual(["token", "evaluation", "decision", "question"]);
    expect(client.tokens().trim()).toBe(question.text);

    client.send({ type: "end" });
    const completed = await client.next("completed");
    expect(completed.final_evaluation).toMatchObject({ overall_score: expect.any(Number), recommendation: expect.any(String) });
    expect(completed.text).toMatch(/\w/);
    expect(await client.closed).toEqual({ code: CLOSE_CODES.completed, reason: "completed" });

    const saved = await record(replica, start.thread_id);
    expect(saved.status).toBe("completed");
    expect(saved.answers).toEqual([{ question_id: "q1", text: SOLID_ANSWER, channel: "text" }]);
  });

  it("answers get_current_question and ping without changing anything", async () => {
    const start = await startInterview(replica);
    const { client } = await connect(replica, start.thread_id);
    client.send({ type: "ping" });
    await client.next("pong");
    client.send({ type: "get_current_question" });
    expect(await client.next("question")).toMatchObject({ question_id: start.question.id, text: start.question.text });
    expect((await record(replica, start.thread_id)).answers).toEqual([]);
    client.close();
  });

  it("tells the client of a completed interview so on connecting, and closes with 1000", async () => {
    const start = await startInterview(replica, { max_step: 1 });
    expect((await replica.request("POST", `/interviews/${start.thread_id}/end`)).status).toBe(200);
    const client = await SocketClient.connect(replica.wsUrl(start.thread_id));
    await client.next("connected");
    expect((await client.next("completed")).final_evaluation).toBeDefined();
    expect((await client.closed).code).toBe(CLOSE_CODES.completed);
    expect(client.types()).toEqual(["connected", "completed"]);
  });

  it("reports malformed frames as invalid_input and changes nothing", async () => {
    const start = await startInterview(replica);
    const { client } = await connect(replica, start.thread_id);
    const frames: (string | Buffer)[] = [
      "not json",
      "[1, 2]",
      JSON.stringify({ type: "shout" }),
      JSON.stringify({ type: "answer" }),
      JSON.stringify({ type: "answer", text: "   " }),
      JSON.stringify({ type: "answer", text: SOLID_ANSWER, extra: true }),
      JSON.stringify({ type: "audio_chunk", data: "!!not base64!!", seq: 0 }),
      JSON.stringify({ type: "audio_chunk", data: "AAAA", seq: -1 }),
      JSON.stringify({ type: "end", request_id: "has spaces in it" }),
      Buffer.from([1, 2, 3]),
    ];
    for (const frame of frames) client.ws.send(frame);
    const errors = [];
    for (let i = 0; i < frames.length; i++) errors.push(await client.next("error"));
    expect(errors.map((e) => e.code)).toEqual(frames.map(() => "invalid_input"));
    expect(errors[2]!.message).toMatch(/^type: must be one of answer, audio_chunk, audio_end, get_current_question, end, ping/);
    expect(errors[3]!.message).toMatch(/^answer: text/);
    expect(errors[5]!.message).toMatch(/unknown field extra/);
    // The answer's words are never echoed back in an error.
    expect(errors.some((e) => e.message.includes("Parcelly"))).toBe(false);

    client.send({ type: "get_current_question" });
    expect((await client.next("question")).question_id).toBe(start.question.id);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    expect((await record(replica, start.thread_id)).answers).toEqual([]);
    client.close();
  });

  it("closes the socket with 1009 on a frame over the frame limit", async () => {
    const start = await startInterview(replica);
    const { client } = await connect(replica, start.thread_id);
    client.send({ type: "answer", text: "x".repeat(70 * 1024) });
    expect((await client.closed).code).toBe(CLOSE_CODES.tooLarge);
    expect((await record(replica, start.thread_id)).answers).toEqual([]);
  });

  it("closes the older socket with 4000 when the interview is opened again; the newer one works", async () => {
    const start = await startInterview(replica);
    const first = await connect(replica, start.thread_id);
    const second = await connect(replica, start.thread_id);
    expect(await first.client.closed).toEqual({ code: CLOSE_CODES.replaced, reason: "replaced" });
    expect(second.connected.connection_id).not.toBe(first.connected.connection_id);
    second.client.send({ type: "answer", text: SOLID_ANSWER });
    expect((await second.client.next("evaluation")).question_id).toBe("q1");
    await second.client.next("question");
    expect(second.client.ws.readyState).toBe(second.client.ws.OPEN);
    second.client.close();
  });

  it("reports a second answer during a running turn as turn_in_progress and keeps only the first", async () => {
    const start = await startInterview(replica);
    const { client } = await connect(replica, start.thread_id);
    replica.model.hold();
    client.send({ type: "answer", text: SOLID_ANSWER, request_id: "first" });
    await client.next("token");
    client.send({ type: "answer", text: "A second answer sent too early.", request_id: "second" });
    expect(await client.next("error")).toMatchObject({ code: "turn_in_progress", request_id: "second" });
    // An answer over HTTP meanwhile is refused by the interview's lease, on any replica.
    const http = await replica.request("POST", "/continue_interview", { thread_id: start.thread_id, user_response: "Over HTTP at the same time." });
    expect(http.status).toBe(409);
    expect((await http.json()).error.code).toBe("turn_in_progress");
    replica.model.release();
    expect((await client.next("evaluation")).question_id).toBe("q1");
    await client.next("question");
    expect((await record(replica, start.thread_id)).answers.map((a) => a.text)).toEqual([SOLID_ANSWER]);
    client.close();
  });

  it("reports the socket's answer as turn_in_progress while an HTTP turn runs, and then shows that turn's result", async () => {
    const start = await startInterview(replica);
    const { client } = await connect(replica, start.thread_id);
    replica.model.hold();
    const http = replica.request("POST", "/continue_interview", { thread_id: start.thread_id, user_response: SOLID_ANSWER });
    await replica.model.entered;
    client.send({ type: "answer", text: "Sent over the socket meanwhile." });
    expect((await client.next("error")).code).toBe("turn_in_progress");
    replica.model.release();
    expect((await http).status).toBe(200);
    // The HTTP turn reaches the socket through the bus.
    expect((await client.next("evaluation")).question_id).toBe("q1");
    const question = await client.next("question");
    expect(question.question_id).toBe((await record(replica, start.thread_id)).question?.id);
    expect((await record(replica, start.thread_id)).answers.map((a) => a.text)).toEqual([SOLID_ANSWER]);
    client.close();
  });

  it("resumes a client that dropped mid-turn at the new current question; resending the request_id replays instead of answering again", async () => {
    const start = await startInterview(replica);
    const first = await connect(replica, start.thread_id);
    replica.model.hold();
    first.client.send({ type: "answer", text: SOLID_ANSWER, question_id: start.question.id, request_id: "answer-1" });
    await first.client.next("token");
    first.client.ws.terminate();
    await first.client.closed;

    const againClient = await SocketClient.connect(replica.wsUrl(start.thread_id));
    await againClient.next("connected");
    replica.model.release();
    const resume = await againClient.next("resume");
    const saved = await record(replica, start.thread_id);
    expect(saved.answers).toHaveLength(1);
    expect(resume).toMatchObject({ status: "question", question_id: saved.question?.id, answered: 1 });
    expect(resume.question_id).not.toBe(start.question.id);

    // The client never saw the reply, so it sends the same answer again with the same request_id.
    againClient.send({ type: "answer", text: SOLID_ANSWER, question_id: start.question.id, request_id: "answer-1" });
    expect((await againClient.next("evaluation")).question_id).toBe(start.question.id);
    expect((await againClient.next("question")).question_id).toBe(resume.question_id);
    expect((await record(replica, start.thread_id)).answers).toHaveLength(1);
    againClient.close();
  });

  it("closes the socket with 4004 when the interview is erased", async () => {
    const start = await startInterview(replica);
    const { client } = await connect(replica, start.thread_id);
    expect((await replica.request("DELETE", `/interviews/${start.thread_id}`)).status).toBe(204);
    expect(await client.closed).toEqual({ code: CLOSE_CODES.deleted, reason: "interview deleted" });
    expect(await refusal(SocketClient.connect(replica.wsUrl(start.thread_id)))).toBe(404);
  });

  it("refuses an unknown interview and a socket that does not offer interview.v1; a plain GET is told to upgrade", async () => {
    expect(await refusal(SocketClient.connect(replica.wsUrl("no-such-interview")))).toBe(404);
    const start = await startInterview(replica);
    expect(await refusal(SocketClient.connect(replica.wsUrl(start.thread_id), { protocols: ["chat"] }))).toBe(400);
    const plain = await replica.request("GET", `/ws/interview/${start.thread_id}`);
    expect(plain.status).toBe(426);
    const doc = (await (await replica.request("GET", "/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/ws/interview/{thread_id}", "/interviews/{thread_id}/ws-ticket"]));
  });

  it("answers in role reversal with the AI candidate's reply, streamed", async () => {
    const start = await startInterview(replica, { role: "interviewer", job_title: "Data Engineer" });
    const { client, resume } = await connect(replica, start.thread_id);
    expect(resume).toMatchObject({ status: "awaiting_question", answered: 0 });
    client.send({ type: "answer", text: "Tell me about a data pipeline you built and how you kept it reliable." });
    const reply = await client.next("reply");
    expect(reply.status).toBe("awaiting_question");
    expect(reply.text.length).toBeGreaterThan(10);
    expect(client.tokens().trim()).toBe(reply.text.trim());
    expect(client.messages.some((m) => m.type === "evaluation")).toBe(false);
    client.send({ type: "end" });
    const completed = await client.next("completed");
    expect(completed.coaching).toMatchObject({ per_question: [expect.objectContaining({ number: 1 })] });
    expect((await client.closed).code).toBe(CLOSE_CODES.completed);
  });
});

describe("realtime: spoken answers, limits and heartbeat", () => {
  let replica: Replica;
  let bare: Replica;
  let audioServer: OpenAiAudioServer;
  beforeAll(async () => {
    audioServer = await startOpenAiAudioServer({ transcript: SOLID_ANSWER });
    const settings = loadSpeechSettings({ STT_PROVIDER: "openai", TTS_PROVIDER: "openai", OPENAI_AUDIO_BASE_URL: audioServer.url });
    replica = await openReplica(databaseUrl, {
      settings: { audioMaxBytes: 200 * 1024 },
      realtime: { heartbeatMs: 300 },
      speech: (audio) => createSpeechServices(settings, audio),
    });
    bare = await openReplica(databaseUrl);
  });
  afterAll(async () => {
    await replica.close();
    await bare.close();
    await audioServer.close();
  });

  it("transcribes audio chunks, in seq order, as one answer, and speaks the next question", async () => {
    const start = await startInterview(replica);
    const { client } = await connect(replica, start.thread_id);
    // The opening question is spoken too.
    expect((await client.next("audio")).message_id).toBe(start.question.id);
    const clip = Buffer.from(wavClip({ seconds: 2, toneHz: 440 }));
    const parts = [clip.subarray(0, 20_000), clip.subarray(20_000, 45_000), clip.subarray(45_000)];
    // Sent out of order: seq decides where each part goes.
    for (const seq of [1, 0, 2]) client.send({ type: "audio_chunk", seq, data: parts[seq]!.toString("base64") });
    client.send({ type: "audio_end", mime_type: "audio/wav", request_id: "spoken-1" });

    expect(await client.next("transcript")).toEqual({ type: "transcript", text: SOLID_ANSWER });
    expect((await client.next("evaluation")).question_id).toBe("q1");
    const question = await client.next("question");
    const audio = await client.next("audio");
    expect(audio).toMatchObject({ message_id: question.question_id, mime_type: "audio/mpeg" });
    expect(Buffer.from(audio.data, "base64").subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfb]));

    const upload = audioServer.requests.find((r) => r.path === "/v1/audio/transcriptions");
    expect(Buffer.from(upload!.files.file!.bytes).equals(clip)).toBe(true);
    expect((await record(replica, start.thread_id)).answers).toEqual([{ question_id: "q1", text: SOLID_ANSWER, channel: "audio" }]);
    // The audio is kept where HTTP clients find it too.
    expect((await replica.request("GET", `/interviews/${start.thread_id}/audio/${question.question_id}`)).status).toBe(200);
    client.close();
  });

  it("refuses audio_end with a missing chunk and keeps what came, so the gap can be filled", async () => {
    const start = await startInterview(replica);
    const { client } = await connect(replica, start.thread_id);
    const clip = Buffer.from(wavClip({ seconds: 1 }));
    client.send({ type: "audio_chunk", seq: 1, data: clip.subarray(10_000).toString("base64") });
    client.send({ type: "audio_end" });
    expect((await client.next("error")).message).toMatch(/audio_chunk 0 is missing/);
    client.send({ type: "audio_chunk", seq: 0, data: clip.subarray(0, 10_000).toString("base64") });
    client.send({ type: "audio_end" });
    expect((await client.next("transcript")).text).toBe(SOLID_ANSWER);
    await client.next("question");
    client.close();
  });

  it("closes the socket with 1009 when one answer's audio goes over AUDIO_MAX_BYTES", async () => {
    const start = await startInterview(replica);
    const { client } = await connect(replica, start.thread_id);
    const chunk = Buffer.alloc(45 * 1024, 7).toString("base64");
    for (let seq = 0; seq < 5; seq++) client.send({ type: "audio_chunk", seq, data: chunk });
    expect((await client.next("error")).code).toBe("audio_too_large");
    expect((await client.closed).code).toBe(CLOSE_CODES.tooLarge);
    expect((await record(replica, start.thread_id)).answers).toEqual([]);
  });

  it("answers audio with speech_not_configured where speech-to-text is not set up", async () => {
    const start = await startInterview(bare);
    const { client } = await connect(bare, start.thread_id);
    client.send({ type: "audio_chunk", seq: 0, data: Buffer.from(wavClip({ seconds: 1 })).toString("base64") });
    client.send({ type: "audio_end", request_id: "r1" });
    const error = await client.next("error");
    expect(error).toMatchObject({ code: "speech_not_configured", request_id: "r1" });
    expect(error.message).toMatch(/STT_PROVIDER/);
    expect(client.messages.some((m) => m.type === "audio")).toBe(false);
    client.close();
  });

  it("closes a socket that stops answering pings with 4001; one that answers stays open", async () => {
    const start = await startInterview(replica);
    const silent = await SocketClient.connect(replica.wsUrl(start.thread_id), { autoPong: false });
    const begun = Date.now();
    expect(await silent.closed).toEqual({ code: CLOSE_CODES.heartbeatTimeout, reason: "heartbeat timeout" });
    expect(Date.now() - begun).toBeLessThan(10_000);

    const lively = await connect(replica, start.thread_id);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(lively.client.ws.readyState).toBe(lively.client.ws.OPEN);
    lively.client.send({ type: "ping" });
    await lively.client.next("pong");
    lively.client.close();
  });
});

describe("realtime: rate limit", () => {
  let replica: Replica;
  beforeAll(async () => {
    replica = await openReplica(databaseUrl, { settings: { rateLimitPerMinute: 3 } });
  });
  afterAll(() => replica.close());

  it("counts socket upgrades with the client's other requests and refuses them with 429 over the limit", async () => {
    const start = await startInterview(replica);
    const first = await connect(replica, start.thread_id);
    first.client.close();
    const second = await connect(replica, start.thread_id);
    second.client.close();
    expect(await refusal(SocketClient.connect(replica.wsUrl(start.thread_id)))).toBe(429);
    expect((await replica.request("GET", `/interviews/${start.thread_id}`)).status).toBe(429);
  });
});

describe("realtime: authentication with API_KEYS", () => {
  const KEY = "team-key-for-sockets";
  const team = { authorization: `Bearer ${KEY}` };
  let replica: Replica;
  beforeAll(async () => {
    replica = await openReplica(databaseUrl, { settings: { apiKeys: [KEY] } });
  });
  afterAll(() => replica.close());

  const ticketFor = async (threadId: string, headers: Record<string, string>) => {
    const res = await replica.request("POST", `/interviews/${threadId}/ws-ticket`, undefined, headers);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    return (await res.json()) as { ticket: string; expires_in: number; protocols: string[] };
  };

  it("refuses a socket without credentials, and with an unknown ticket", async () => {
    const start = await startInterview(replica, {}, team);
    expect(await refusal(SocketClient.connect(replica.wsUrl(start.thread_id)))).toBe(401);
    expect(await refusal(SocketClient.connect(replica.wsUrl(start.thread_id), { protocols: ["interview.v1", "ticket.wst_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"] }))).toBe(401);
    expect(await refusal(SocketClient.connect(replica.wsUrl(start.thread_id), { headers: { authorization: "Bearer wrong" } }))).toBe(401);
    expect((await replica.request("POST", `/interviews/${start.thread_id}/ws-ticket`)).status).toBe(401);
  });

  it("opens a socket with a ticket from the candidate's token, once; the ticket and token reach no log", async () => {
    const start = await startInterview(replica, {}, team);
    const candidate = { authorization: `Bearer ${start.access_token}` };
    const issued = await ticketFor(start.thread_id, candidate);
    expect(issued.expires_in).toBeGreaterThan(0);
    expect(issued.protocols).toEqual(["interview.v1", `ticket.${issued.ticket}`]);

    const { client, resume } = await connect(replica, start.thread_id, { protocols: issued.protocols });
    expect(client.ws.protocol).toBe("interview.v1");
    expect(resume.question_id).toBe(start.question.id);
    client.send({ type: "answer", text: SOLID_ANSWER, request_id: "k1" });
    await client.next("question");
    client.close();
    await client.closed;

    expect(await refusal(SocketClient.connect(replica.wsUrl(start.thread_id), { protocols: issued.protocols }))).toBe(401);
    expect(replica.logs.text).toContain(`/ws/interview/${start.thread_id}`);
    expect(replica.logs.text).not.toContain(issued.ticket);
    expect(replica.logs.text).not.toContain(start.access_token);
  });

  it("refuses a ticket for another interview, and a token of another interview", async () => {
    const one = await startInterview(replica, {}, team);
    const other = await startInterview(replica, {}, team);
    const issued = await ticketFor(one.thread_id, team);
    expect(await refusal(SocketClient.connect(replica.wsUrl(other.thread_id), { protocols: issued.protocols }))).toBe(403);
    // A ticket tried on the wrong interview is used up.
    expect(await refusal(SocketClient.connect(replica.wsUrl(one.thread_id), { protocols: issued.protocols }))).toBe(401);
    expect(await refusal(SocketClient.connect(replica.wsUrl(other.thread_id), { protocols: ["interview.v1", `token.${one.access_token}`] }))).toBe(403);
    // A candidate cannot get a ticket for someone else's interview.
    expect((await replica.request("POST", `/interviews/${other.thread_id}/ws-ticket`, undefined, { authorization: `Bearer ${one.access_token}` })).status).toBe(403);
  });

  it("opens a socket with the interview's token in the subprotocol header, or with the team's key in Authorization", async () => {
    const start = await startInterview(replica, {}, team);
    const byToken = await connect(replica, start.thread_id, { protocols: ["interview.v1", `token.${start.access_token}`] });
    expect(byToken.resume.question_id).toBe(start.question.id);
    const byKey = await connect(replica, start.thread_id, { headers: team });
    expect((await byToken.client.closed).code).toBe(CLOSE_CODES.replaced);
    byKey.client.close();
  });

  it("sends a candidate no evaluation, decision or final evaluation when the hiring team keeps the results", async () => {
    const access = newAccessToken();
    const start = await replica.runtime.service.start({ jobTitle: "Backend Engineer", questionType: "technical", maxSteps: 2, resultsShared: false, accessTokenHash: access.digest });
    const { client } = await connect(replica, start.threadId, { protocols: ["interview.v1", `token.${access.token}`] });
    client.send({ type: "answer", text: SOLID_ANSWER, request_id: "k1" });
    await client.next("question");
    client.send({ type: "end" });
    const completed = await client.next("completed");
    expect(completed).not.toHaveProperty("final_evaluation");
    expect(completed.text).toMatch(/hiring team, who will be in touch/);
    expect(client.types()).not.toContain("evaluation");
    expect(client.types()).not.toContain("decision");
    // The team's view of the same interview has them.
    expect((await (await replica.request("GET", `/interviews/${start.threadId}`, undefined, team)).json()).final_evaluation).toBeDefined();
  });

  it("closes a candidate's socket with 4003 once its token is replaced, refuses a ticket issued before, and opens with the new token", async () => {
    const old = newAccessToken();
    const start = await replica.runtime.service.start({ jobTitle: "Backend Engineer", questionType: "technical", maxSteps: 3, accessTokenHash: old.digest });
    const oldCredentials = { authorization: `Bearer ${old.token}` };
    const { client } = await connect(replica, start.threadId, { protocols: ["interview.v1", `token.${old.token}`] });
    const pending = await ticketFor(start.threadId, oldCredentials);

    // As POST /invites/{token}/resume does when the candidate opens the link in another browser.
    const fresh = newAccessToken();
    await replica.runtime.service.replaceAccessToken(start.threadId, fresh.digest);
    expect(await client.next("error")).toMatchObject({ code: "unauthorized", message: expect.stringMatching(/another browser/) });
    expect(await client.closed).toEqual({ code: CLOSE_CODES.accessWithdrawn, reason: "access withdrawn" });
    expect(await refusal(SocketClient.connect(replica.wsUrl(start.threadId), { protocols: pending.protocols }))).toBe(401);
    expect(await refusal(SocketClient.connect(replica.wsUrl(start.threadId), { protocols: ["interview.v1", `token.${old.token}`] }))).toBe(401);

    const again = await connect(replica, start.threadId, { protocols: ["interview.v1", `token.${fresh.token}`] });
    expect(again.resume.question_id).toBe(start.question!.id);
    // The team's socket is not the candidate's: a token change leaves it open.
    const byKey = await connect(replica, start.threadId, { headers: team });
    await replica.runtime.service.replaceAccessToken(start.threadId, newAccessToken().digest);
    await new Promise((resolve) => setTimeout(resolve, 300));
    byKey.client.send({ type: "ping" });
    await byKey.client.next("pong");
    expect(byKey.client.ws.readyState).toBe(byKey.client.ws.OPEN);
    byKey.client.close();
  });

  it("refuses an answer on a candidate's socket whose token was replaced without it hearing of it, and saves nothing", async () => {
    const old = newAccessToken();
    const start = await replica.runtime.service.start({ jobTitle: "Backend Engineer", questionType: "technical", maxSteps: 3, accessTokenHash: old.digest });
    const { client } = await connect(replica, start.threadId, { protocols: ["interview.v1", `token.${old.token}`] });
    // Replaced in the database alone: no event reaches the socket.
    await replica.runtime.database.pool.query("update interview_threads set access_token_hash = $2 where thread_id = $1", [start.threadId, newAccessToken().digest]);
    client.send({ type: "answer", text: SOLID_ANSWER, request_id: "late-1" });
    expect(await client.next("error")).toMatchObject({ code: "unauthorized", request_id: "late-1" });
    expect((await client.closed).code).toBe(CLOSE_CODES.accessWithdrawn);
    expect((await record(replica, start.threadId, team)).answers).toEqual([]);
  });

  it("refuses a ticket once it has expired", async () => {
    const store = await PostgresTicketStore.open({ pool: replica.runtime.database.pool, table: uniqueName("tickets") });
    const ticket = await store.issue({ threadId: "t-1", principal: { kind: "open" } }, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await store.redeem(ticket)).toBeUndefined();
    const live = await store.issue({ threadId: "t-1", principal: { kind: "candidate", tokenDigest: "abc" } }, 60_000);
    expect(await store.redeem(live)).toEqual({ threadId: "t-1", principal: { kind: "candidate", tokenDigest: "abc" } });
    expect(await store.redeem(live)).toBeUndefined();
  });
});

describe("realtime across two replicas (PostgreSQL LISTEN/NOTIFY)", () => {
  let a: Replica;
  let b: Replica;
  const KEY = "replica-key";
  const team = { authorization: `Bearer ${KEY}` };
  beforeAll(async () => {
    // Their own channel and ticket table: other test files' buses must not reach these sockets.
    const channel = uniqueName("realtime_events");
    const table = uniqueName("socket_tickets");
    // Tickets shared through the database, as the replicas of one deployment share them.
    const options = { channel, settings: { apiKeys: [KEY] }, tickets: (pool: Pool) => PostgresTicketStore.open({ pool, table }) };
    a = await openReplica(databaseUrl, options);
    b = await openReplica(databaseUrl, options);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it("closes the socket on B with 4000 when the same interview connects on A", async () => {
    const start = await startInterview(a, {}, team);
    const onB = await connect(b, start.thread_id, { headers: team });
    const onA = await connect(a, start.thread_id, { headers: team });
    expect(await onB.client.closed).toEqual({ code: CLOSE_CODES.replaced, reason: "replaced" });
    // The socket on A is the one that stays.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onA.client.ws.readyState).toBe(onA.client.ws.OPEN);
    onA.client.send({ type: "ping" });
    await onA.client.next("pong");
    onA.client.close();
  });

  it("pushes an answer given over HTTP on A to the socket on B as evaluation, decision and question", async () => {
    const start = await startInterview(a, {}, team);
    const onB = await connect(b, start.thread_id, { headers: team });
    const res = await a.request("POST", "/continue_interview", { thread_id: start.thread_id, user_response: SOLID_ANSWER }, team);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { question: { id: string; text: string }; feedback: { score: number } };
    const evaluation = await onB.client.next("evaluation");
    expect(evaluation).toMatchObject({ question_id: "q1", score: body.feedback.score });
    await onB.client.next("decision");
    expect(await onB.client.next("question")).toMatchObject({ question_id: body.question.id, text: body.question.text });
    // Told once: no second copy of the same state arrives.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onB.client.messages.filter((m) => m.type === "question")).toHaveLength(1);
    onB.client.close();
  });

  it("opens a socket on B with a ticket asked for on A", async () => {
    const start = await startInterview(a, {}, team);
    const issued = (await (await a.request("POST", `/interviews/${start.thread_id}/ws-ticket`, undefined, { authorization: `Bearer ${start.access_token}` })).json()) as { protocols: string[] };
    const onB = await connect(b, start.thread_id, { protocols: issued.protocols });
    expect(onB.resume.question_id).toBe(start.question.id);
    onB.client.close();
    expect(await refusal(SocketClient.connect(a.wsUrl(start.thread_id), { protocols: issued.protocols }))).toBe(401);
  });
});
