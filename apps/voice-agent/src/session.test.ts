import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ChatInterviewModel } from "@interview/graph";
import { openTestRuntime, providerError, scriptedChat, wellBehaved } from "@interview/graph/testing";
import { startInterviewSession } from "./session.js";
import { assistantMessages, closed, quietAgentLogs, strongAnswer } from "./testing/session.js";

const databaseUrl = inject("databaseUrl");

/** Speaks an answer in text mode and returns what the interviewer said back. */
async function answer(session: Awaited<ReturnType<typeof startInterviewSession>>["session"], text: string): Promise<string> {
  const result = await session.run({ userInput: text }).wait();
  return result.expect.containsMessage({ role: "assistant" }).event().item.textContent ?? "";
}

describe("a voice session in text mode drives the interview graph", () => {
  let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  beforeAll(async () => {
    quietAgentLogs();
    runtime = await openTestRuntime(databaseUrl);
  });
  afterAll(() => runtime.close());

  it("greets, takes three spoken answers with feedback, says the summary and ends the session", async () => {
    const start = await runtime.service.start({ jobTitle: "Backend Engineer", questionType: "technical", maxSteps: 3, candidateName: "Ana" });
    const { session } = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, feedbackWaitMs: 1_000 });
    const ended = closed(session, 20_000);

    const [greeting] = await assistantMessages(session, 1);
    expect(greeting).toMatch(/^Hello, Ana! I'll be interviewing you for the Backend Engineer role/);
    expect(greeting!.endsWith(start.question!.text)).toBe(true);

    let asked = greeting!;
    const replies: string[] = [];
    for (let turn = 0; turn < 3; turn++) {
      asked = await answer(session, strongAnswer(asked));
      replies.push(asked);
      const view = await runtime.service.get(start.threadId);
      expect(view.state.answers).toHaveLength(turn + 1);
      // Feedback on the answer first, then the next question (or the closing summary).
      if (view.status === "question") {
        const feedback = view.state.evaluations.at(-1)!.feedback;
        expect(asked.startsWith(feedback.split(". ")[0]!)).toBe(true);
        expect(asked.endsWith(view.question!.text)).toBe(true);
      }
    }

    const end = await runtime.service.get(start.threadId);
    expect(end.status).toBe("completed");
    expect(end.state.answers.map((a) => a.channel)).toEqual(["voice", "voice", "voice"]);
    expect(end.state.evaluations.map((e) => e.questionId)).toEqual(end.state.answers.map((a) => a.questionId));
    expect(replies.at(-1)).toBe(end.message);
    expect(replies.at(-1)).toMatch(/^Thank you, that's the end of the interview\. Your overall score is/);
    expect(await ended).toBe("interview_finished");
  });

  it("welcomes the candidate back at the current question after a dropped connection", async () => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 });
    const first = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, feedbackWaitMs: 1_000 });
    const [greeting] = await assistantMessages(first.session, 1);
    const secondQuestion = await answer(first.session, strongAnswer(greeting!));
    await first.session.close(); // the call dropped

    const again = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, feedbackWaitMs: 1_000 });
    const [welcome] = await assistantMessages(again.session, 1);
    const view = await runtime.service.get(start.threadId);
    expect(welcome).toBe(`Welcome back. We're at question 2 of 3. ${view.question!.text}`);
    expect(secondQuestion.endsWith(view.question!.text)).toBe(true);

    await answer(again.session, strongAnswer(welcome!));
    const after = await runtime.service.get(start.threadId);
    expect(after.state.answers).toHaveLength(2);
    expect(after.currentStep).toBe(3);
    await again.session.close();
  });

  it("says the summary and leaves when the interview is already over", async () => {
    const start = await runtime.service.start({ jobTitle: "QA Engineer", questionType: "behavioral", maxSteps: 1 });
    const done = await runtime.service.answer(start.threadId, strongAnswer(start.message));
    expect(done.status).toBe("completed");

    const { session } = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, feedbackWaitMs: 1_000 });
    const ended = closed(session);
    const [said] = await assistantMessages(session, 1);
    expect(said).toBe(`This interview has already finished. ${done.message}`);
    expect(await ended).toBe("interview_finished");
  });
});

describe("a voice session when the LLM interviewer is down", () => {
  let failing = false;
  const { chat } = scriptedChat((messages, n) => (failing ? providerError(503) : wellBehaved(messages, n)));
  let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  beforeAll(async () => {
    quietAgentLogs();
    runtime = await openTestRuntime(databaseUrl, { model: new ChatInterviewModel(chat) });
  });
  afterAll(() => runtime.close());

  it("apologises, repeats the question, keeps the state, and accepts the answer again", async () => {
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 2 });
    const errors: unknown[] = [];
    const { session } = await startInterviewSession({
      interviews: runtime.service,
      threadId: start.threadId,
      feedbackWaitMs: 1_000,
      onError: (error) => errors.push(error),
    });
    await assistantMessages(session, 1);
    const before = await runtime.service.get(start.threadId);

    failing = true;
    const apology = await answer(session, "I chose Go because goroutines kept our gateway simple; latency fell 40%.");
    failing = false;
    expect(apology).toBe(
      `Sorry, I couldn't process that answer just now, and nothing was saved. Please give your answer again. Here is the question again: ${start.question!.text}`,
    );
    expect(errors).toHaveLength(1);
    expect((await runtime.service.get(start.threadId)).state).toEqual(before.state);

    const next = await answer(session, "I chose Go because goroutines kept our gateway simple; latency fell 40%.");
    const after = await runtime.service.get(start.threadId);
    expect(after.state.answers.map((a) => [a.text, a.channel])).toEqual([["I chose Go because goroutines kept our gateway simple; latency fell 40%.", "voice"]]);
    expect(next).toBe(`Clear and specific; say more about the trade-offs. ${after.question!.text}`);
    await session.close();
  });
});
