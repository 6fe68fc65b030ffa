import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestRuntime, SAMPLE_CV_TEXT } from "@interview/graph/testing";
import { startInterviewSession } from "./session.js";
import { assistantMessages, closed, quietAgentLogs } from "./testing/session.js";

const databaseUrl = inject("databaseUrl");
const CV = SAMPLE_CV_TEXT.join("\n\n");

async function ask(session: Awaited<ReturnType<typeof startInterviewSession>>["session"], question: string): Promise<string> {
  const result = await session.run({ userInput: question }).wait();
  return result.expect.containsMessage({ role: "assistant" }).event().item.textContent ?? "";
}

describe("role reversal by voice: the candidate-agent answers the human interviewer", () => {
  let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  beforeAll(async () => {
    quietAgentLogs();
    runtime = await openTestRuntime(databaseUrl);
  });
  afterAll(() => runtime.close());

  const startReversal = (fields: { language?: string } = {}) =>
    runtime.service.start({ role: "interviewer", jobTitle: "Backend Engineer", questionType: "technical", cvText: CV, ...fields });

  it("greets, answers from its CV, admits what is not on it, and thanks and leaves when the interviewer closes", async () => {
    const start = await startReversal();
    expect(start.status).toBe("awaiting_question");
    const { session } = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, agent: "candidate-agent", feedbackWaitMs: 1_000 });
    const ended = closed(session, 20_000);

    const [greeting] = await assistantMessages(session, 1);
    expect(greeting).toBe(start.greeting);
    expect(greeting).toMatch(/Ana Lima/);

    const kafka = await ask(session, "How have you used Kafka?");
    expect(kafka).toContain("Kafka");
    const rust = await ask(session, "Have you used Rust?");
    expect(rust).toMatch(/haven't/);
    expect(rust).not.toMatch(/\bI (?:built|wrote) [^.]*\bRust\b/);

    const during = await runtime.service.get(start.threadId);
    expect(during.questions.map((q) => q.text)).toEqual(["How have you used Kafka?", "Have you used Rust?"]);
    expect(during.answers.map((a) => a.text)).toEqual([kafka, rust]);
    // Asked and answered by voice: the transcript says so.
    expect(during.questions.map((q) => q.channel)).toEqual(["voice", "voice"]);
    expect(during.answers.map((a) => a.channel)).toEqual(["voice", "voice"]);

    const thanks = await ask(session, "Okay, that's all my questions. Thank you.");
    expect(thanks).toBe("Thank you for your time — I enjoyed the conversation.");
    expect(await ended).toBe("interview_finished");
    const after = await runtime.service.get(start.threadId);
    expect(after.status).toBe("completed");
    // The closing remark ended the interview: it was not taken as a third question, and the coaching report is ready.
    expect(after.questions).toHaveLength(2);
    expect(after.coaching).not.toBeNull();
  });

  it("takes a question that mentions ending as a question, not as the end", async () => {
    const start = await startReversal();
    const { session } = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, agent: "candidate-agent", feedbackWaitMs: 1_000 });
    await assistantMessages(session, 1);
    await ask(session, "That's all my questions about Go. Do you have any for me?");
    const view = await runtime.service.get(start.threadId);
    expect(view.status).toBe("awaiting_question");
    expect(view.answers).toHaveLength(1);
    await session.close();
  });

  it("welcomes the interviewer back with its last answer after a dropped connection", async () => {
    const start = await startReversal();
    const first = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, agent: "candidate-agent", feedbackWaitMs: 1_000 });
    await assistantMessages(first.session, 1);
    const answer = await ask(first.session, "What did you do at Paynow?");
    expect(answer).toContain("Paynow");
    await first.session.close();

    const again = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, agent: "candidate-agent", feedbackWaitMs: 1_000 });
    const [welcome] = await assistantMessages(again.session, 1);
    expect(welcome).toBe(`Welcome back. To pick up where we left off, my last answer was: ${answer}`);
    await again.session.close();
  });

  it("hears and speaks the interview's language", async () => {
    const start = await startReversal({ language: "de" });
    const languages: string[] = [];
    const { session } = await startInterviewSession({
      interviews: runtime.service,
      threadId: start.threadId,
      agent: "candidate-agent",
      speech: (language) => {
        languages.push(language);
        return {};
      },
      feedbackWaitMs: 1_000,
    });
    expect(languages).toEqual(["de"]);
    await session.close();
  });

  it("says the interview has finished, and leaves, when it was ended by text", async () => {
    const start = await startReversal();
    await runtime.service.answer(start.threadId, { text: "Tell me about RouteWise." });
    const ended = await runtime.service.end(start.threadId);
    const { session } = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, agent: "candidate-agent", feedbackWaitMs: 1_000 });
    const closing = closed(session);
    const [said] = await assistantMessages(session, 1);
    expect(said).toBe(`This interview has already finished. ${ended.message}`);
    expect(await closing).toBe("interview_finished");
  });

  it("refuses, and leaves, when dispatched to an interview where the human is the candidate", async () => {
    const start = await runtime.service.start({ jobTitle: "Backend Engineer", questionType: "technical", maxSteps: 2 });
    const { session } = await startInterviewSession({ interviews: runtime.service, threadId: start.threadId, agent: "candidate-agent", feedbackWaitMs: 1_000 });
    const ended = closed(session);
    const [said] = await assistantMessages(session, 1);
    expect(said).toMatch(/^Sorry, I'm the AI candidate, but in this interview you are the one being interviewed/);
    expect(await ended).toBe("wrong_agent_for_role");
    const view = await runtime.service.get(start.threadId);
    expect(view.answers).toEqual([]);
    expect(view.currentStep).toBe(1);
  });
});
