import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ChatInterviewModel } from "@interview/graph";
import { openTestRuntime, promptKind, providerError, scriptedChat, wellBehaved, type ReplyFn } from "@interview/graph/testing";
import { loadVoiceAgentConfig } from "./config.js";
import { startInterviewSession } from "./session.js";
import { assistantMessages, closed, quietAgentLogs, strongAnswer } from "./testing/session.js";

const databaseUrl = inject("databaseUrl");

/** Speaks in text mode and returns what the agent said back. */
async function say(session: Awaited<ReturnType<typeof startInterviewSession>>["session"], text: string): Promise<string> {
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
    expect(greeting).toBe(`${start.greeting} ${start.question!.text}`);
    expect(greeting).toMatch(/^Hello, Ana! I'll be interviewing you for the Backend Engineer role/);

    let asked = greeting!;
    const replies: string[] = [];
    for (let turn = 0; turn < 3; turn++) {
      asked = await say(session, strongAnswer(asked));
      replies.push(asked);
      const view = await runtime.service.get(start.threadId);
      expect(view.answers).toHaveLength(turn + 1);
      // Feedback on the answer first, then the next question (or the closing summary).
      if (view.status === "question") {
        const feedback = view.evaluations.at(-1)!.feedback;
        expect(asked.startsWith(feedback.split(". ")[0]!)).toBe(true);
        expect(asked.endsWith(view.question!.text)).toBe(true);
      }
    }

    const end = await runtime.service.get(start.threadId);
    expect(end.status).toBe("completed");
    expect(end.answers.map((a) => a.channel)).toEqual(["voice", "voice", "voice"]);
    expect(end.evaluations.map((e) => e.questionId)).toEqual(end.answers.map((a) => a.questionId));
    expect(replies.at(-1)).toBe(end.message);
    expect(replies.at(-1)).toMatch(/^Thank you, that's the end of the interview\. Your overall score is/);
    expect(await ended).toBe("interview_finished");
  });

  it("welcomes the candidate back at the current question after a dropped connection", async () => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 });
    const first = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, feedbackWaitMs: 1_000 });
    const [greeting] = await assistantMessages(first.session, 1);
    const secondQuestion = await say(first.session, strongAnswer(greeting!));
    await first.session.close(); // the call dropped

    const again = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, feedbackWaitMs: 1_000 });
    const [welcome] = await assistantMessages(again.session, 1);
    const view = await runtime.service.get(start.threadId);
    expect(welcome).toBe(`Welcome back. We're at question 2 of 3. ${view.question!.text}`);
    expect(secondQuestion.endsWith(view.question!.text)).toBe(true);

    await say(again.session, strongAnswer(welcome!));
    const after = await runtime.service.get(start.threadId);
    expect(after.answers).toHaveLength(2);
    expect(after.currentStep).toBe(3);
    await again.session.close();
  });

  it("says the summary and leaves when the interview is already over", async () => {
    const start = await runtime.service.start({ jobTitle: "QA Engineer", questionType: "behavioral", maxSteps: 1 });
    const done = await runtime.service.answer(start.threadId, { text: strongAnswer(start.message) });
    expect(done.status).toBe("completed");

    const { session } = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, feedbackWaitMs: 1_000 });
    const ended = closed(session);
    const [said] = await assistantMessages(session, 1);
    expect(said).toBe(`This interview has already finished. ${done.message}`);
    expect(await ended).toBe("interview_finished");
  });

  it("refuses, and leaves, when dispatched as the interviewer to an interview where the human asks the questions", async () => {
    const start = await runtime.service.start({ role: "interviewer", jobTitle: "Backend Engineer", questionType: "technical" });
    const { session } = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, agent: "voice-agent", feedbackWaitMs: 1_000 });
    const ended = closed(session);
    const [said] = await assistantMessages(session, 1);
    expect(said).toMatch(/^Sorry, I'm the interviewer, but in this interview you ask the questions/);
    expect(await ended).toBe("wrong_agent_for_role");
    const view = await runtime.service.get(start.threadId);
    expect(view.questions).toEqual([]);
  });

  it("hears and speaks the interview's language", async () => {
    const start = await runtime.service.start({ jobTitle: "Backend Engineer", questionType: "technical", maxSteps: 2, language: "pt-BR" });
    const languages: string[] = [];
    const { session } = await startInterviewSession({
      interviews: runtime.service,
      threadId: start.threadId,
      speech: (language) => {
        languages.push(language);
        return {};
      },
      feedbackWaitMs: 1_000,
    });
    expect(languages).toEqual(["pt-BR"]);
    await session.close();
  });

  it("gives the framework the turn-taking settings: the endpointing delays the worker was configured with", async () => {
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 2 });
    const config = loadVoiceAgentConfig({
      LIVEKIT_URL: "ws://127.0.0.1:7880",
      LIVEKIT_API_KEY: "devkey",
      LIVEKIT_API_SECRET: "secret",
      ELEVEN_API_KEY: "key",
      VOICE_MIN_ENDPOINTING_MS: "2000",
      VOICE_MAX_ENDPOINTING_MS: "8000",
    });
    const { session } = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, endpointing: config.endpointing, feedbackWaitMs: 1_000 });
    expect(session.sessionOptions.turnHandling.endpointing).toMatchObject({ mode: "dynamic", minDelay: 2_000, maxDelay: 8_000 });
    await session.close();

    // Without settings, a pause to think of 1.5 s (up to 6 s once the candidate is known to pause) is allowed.
    const defaults = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, feedbackWaitMs: 1_000 });
    expect(defaults.session.sessionOptions.turnHandling.endpointing).toMatchObject({ minDelay: 1_500, maxDelay: 6_000 });
    await defaults.session.close();
  });
});

describe("a voice session with a slow LLM interviewer", () => {
  // The model's questions open with a sentence before the question itself; every call takes 700 ms.
  const reply: ReplyFn = (messages, n) => {
    const text = wellBehaved(messages, n);
    return promptKind(messages) === "decision" && typeof text === "string" ? text.replace("QUESTION: ", "QUESTION: Thanks, that helps. ") : text;
  };
  const { chat } = scriptedChat(reply, { delayMs: 700 });
  let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  beforeAll(async () => {
    quietAgentLogs();
    runtime = await openTestRuntime(databaseUrl, { model: new ChatInterviewModel(chat) });
  });
  afterAll(() => runtime.close());

  it("keeps the feedback when the next question started before the evaluation was known, and ends on the question", async () => {
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 3 });
    // The question may be held for 100 ms only: the turn takes far longer.
    const { session } = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, feedbackWaitMs: 100 });
    await assistantMessages(session, 1);
    const said = await say(session, "I chose Go because goroutines kept our gateway simple; latency fell 40%.");
    const view = await runtime.service.get(start.threadId);
    const asked = view.question!.text;
    expect(asked).toMatch(/^Thanks, that helps\. Question number \d+: how did you approach it\?$/);
    expect(said).toBe(`Thanks, that helps. Clear and specific; say more about the trade-offs. ${asked.replace("Thanks, that helps. ", "")}`);
    expect(view.evaluations.at(-1)).toMatchObject({ evaluatedBy: "model", feedback: "Clear and specific; say more about the trade-offs." });
    await session.close();
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
    const answer = "I chose Go because goroutines kept our gateway simple; latency fell 40%.";
    const apology = await say(session, answer);
    failing = false;
    expect(apology).toBe(
      `Sorry, I couldn't process that answer just now, and nothing was saved. Please give your answer again. Here is the question again: ${start.question!.text}`,
    );
    expect(errors).toHaveLength(1);
    expect(await runtime.service.get(start.threadId)).toEqual(before);

    const next = await say(session, answer);
    const after = await runtime.service.get(start.threadId);
    expect(after.answers.map((a) => [a.text, a.channel])).toEqual([[answer, "voice"]]);
    expect(next).toBe(`Clear and specific; say more about the trade-offs. ${after.question!.text}`);
    await session.close();
  });
});
