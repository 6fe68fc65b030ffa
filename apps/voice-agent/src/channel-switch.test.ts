import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestRuntime } from "@interview/graph/testing";
import { createApp, createLogger } from "@interview/api";
import { startInterviewSession } from "./session.js";
import { assistantMessages, quietAgentLogs, strongAnswer } from "./testing/session.js";

const databaseUrl = inject("databaseUrl");

describe("one interview, answered by voice and by text", () => {
  let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    quietAgentLogs();
    runtime = await openTestRuntime(databaseUrl);
    app = createApp({
      service: runtime.service,
      logger: createLogger("silent"),
      settings: { apiKeys: [], corsOrigins: [], rateLimitPerMinute: 0, jsonBodyLimitBytes: 262_144, cvMaxBytes: 5 * 1024 * 1024, audioMaxBytes: 10 * 1024 * 1024, audioMaxSeconds: 300, streamKeepAliveMs: 10_000 },
    });
  });
  afterAll(() => runtime.close());

  const say = async (session: Awaited<ReturnType<typeof startInterviewSession>>["session"], text: string) =>
    (await session.run({ userInput: text }).wait()).expect.containsMessage({ role: "assistant" }).event().item.textContent!;

  it("keeps one consistent transcript across voice, text and voice again", async () => {
    const started = await app.request("/start_interview", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ job_title: "Site Reliability Engineer", question_type: "technical", max_step: 4 }),
    });
    const { thread_id: threadId } = (await started.json()) as { thread_id: string };

    // Two answers by voice, then the call drops.
    const first = await startInterviewSession({ interviews: runtime.service, threadId, feedbackWaitMs: 1_000 });
    let asked = (await assistantMessages(first.session, 1))[0]!;
    const voiceAnswers: string[] = [];
    for (let i = 0; i < 2; i++) {
      voiceAnswers.push(strongAnswer(asked));
      asked = await say(first.session, voiceAnswers.at(-1)!);
    }
    await first.session.close();

    // The next answer by text, through the API, to the question the voice interviewer asked last.
    const textAnswer = strongAnswer(asked);
    const continued = await app.request("/continue_interview", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ thread_id: threadId, user_response: textAnswer }),
    });
    expect(continued.status).toBe(200);
    const textTurn = (await continued.json()) as { status: string; message: string; current_step: number };
    expect(textTurn.status).toBe("question");

    // Back to voice: the interviewer picks up at the question the text reply showed.
    const second = await startInterviewSession({ interviews: runtime.service, threadId, feedbackWaitMs: 1_000 });
    const welcome = (await assistantMessages(second.session, 1))[0]!;
    expect(welcome).toBe(`Welcome back. We're at question ${textTurn.current_step} of 4. ${textTurn.message}`);
    const lastAnswer = strongAnswer(welcome);
    const closing = await say(second.session, lastAnswer);

    const record = (await (await app.request(`/interviews/${threadId}`)).json()) as {
      status: string;
      answers: { question_id: string; text: string; channel: string }[];
      questions: { id: string; text: string }[];
      messages: { role: string; text: string; question_id?: string }[];
    };
    expect(record.status).toBe("completed");
    expect(record.answers.map((a) => [a.text, a.channel])).toEqual([
      [voiceAnswers[0], "voice"],
      [voiceAnswers[1], "voice"],
      [textAnswer, "text"],
      [lastAnswer, "voice"],
    ]);
    // Every answer follows the question it answers, in one alternating transcript.
    const asks = record.messages.filter((m) => m.role === "interviewer" && m.question_id);
    const answers = record.messages.filter((m) => m.role === "candidate");
    expect(answers.map((m) => m.question_id)).toEqual(asks.map((m) => m.question_id));
    expect(record.messages.at(-1)!.text).toBe(closing);
    expect(closing).toMatch(/^Thank you, that's the end of the interview/);
  });

  it("does not record a spoken answer to a question that was answered by text meanwhile", async () => {
    const start = await runtime.service.start({ jobTitle: "Backend Engineer", questionType: "technical", maxSteps: 3 });
    const { session } = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, feedbackWaitMs: 1_000 });
    const [asked] = await assistantMessages(session, 1);

    // The same question answered in another tab, by text, while the call is open.
    const byText = await runtime.service.answer(start.threadId, { text: strongAnswer(asked!), channel: "text" });
    const said = await say(session, strongAnswer(asked!));
    expect(said).toBe(`Meanwhile this interview moved on, so that answer wasn't saved. Here is the current question: ${byText.message}`);

    const record = await runtime.service.get(start.threadId);
    expect(record.answers.map((a) => a.channel)).toEqual(["text"]);
    // The next spoken answer is taken for the current question.
    await say(session, strongAnswer(said));
    expect((await runtime.service.get(start.threadId)).answers.map((a) => [a.questionId, a.channel])).toEqual([
      [start.question!.id, "text"],
      [byText.question!.id, "voice"],
    ]);
    await session.close();
  });
});
