import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@interview/graph";
import { SocketClient } from "@interview/api/testing/realtime";
import { startServerProcess, type ServerProcess } from "@interview/api/testing/server-process";
import { loadVoiceAgentConfig } from "./config.js";
import { openInterviewRuntime } from "./database.js";
import { startInterviewSession } from "./session.js";
import { assistantMessages, quietAgentLogs, strongAnswer } from "./testing/session.js";

const livekit = { LIVEKIT_URL: "ws://127.0.0.1:7880", LIVEKIT_API_KEY: "devkey", LIVEKIT_API_SECRET: "secret" };

describe("answers given by voice, heard on the API's WebSocket", () => {
  let api: ServerProcess;
  let worker: Runtime;
  beforeAll(async () => {
    quietAgentLogs();
    // `pnpm start` with LiveKit set up, on its embedded database, as a user runs it beside the worker.
    api = await startServerProcess(livekit);
    // The worker as it opens each job: its own runtime and pool on the API's embedded database.
    worker = await openInterviewRuntime(loadVoiceAgentConfig({ ...livekit, ELEVEN_API_KEY: "test-key" }), api.dataDir);
  }, 90_000);
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
  });

  it("pushes each question the voice interviewer asks, and the completion, to the open socket", async () => {
    const started = await fetch(`${api.url}/start_interview`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ job_title: "Site Reliability Engineer", question_type: "technical", max_step: 2 }),
    });
    const { thread_id: threadId } = (await started.json()) as { thread_id: string };
    const socket = await SocketClient.connect(`${api.url.replace("http", "ws")}/ws/interview/${threadId}`);
    const first = await socket.next("resume");

    const { session } = await startInterviewSession({ interviews: worker.service, threadId, feedbackWaitMs: 200 });
    const asked = (await assistantMessages(session, 1))[0]!;
    await session.run({ userInput: strongAnswer(asked) }).wait();

    // The socket shows the question the voice interviewer moved on to, with its evaluation.
    const evaluation = await socket.next("evaluation");
    const question = await socket.next("question");
    const record = (await (await fetch(`${api.url}/interviews/${threadId}`)).json()) as { questions: { id: string; text: string }[] };
    expect(evaluation.question_id).toBe(record.questions[0]!.id);
    expect(question.question_id).toBe(record.questions.at(-1)!.id);
    expect(question.question_id).not.toBe(first.question_id);
    expect(question.text).toBe(record.questions.at(-1)!.text);

    const last = (await assistantMessages(session, 2)).at(-1)!;
    await session.run({ userInput: strongAnswer(last) }).wait();
    const completed = await socket.next("completed");
    expect(completed.final_evaluation?.overall_score).toEqual(expect.any(Number));
    await session.close();
    socket.close();
  });
});
