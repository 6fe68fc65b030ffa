import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { stt, voice, type VAD } from "@livekit/agents";
import * as silero from "@livekit/agents-plugin-silero";
import { openTestRuntime, SAMPLE_CV_TEXT } from "@interview/graph/testing";
import { startInterviewSession } from "./session.js";
import { SilentMicrophone } from "./testing/audio.js";
import { assistantMessages, quietAgentLogs, strongAnswer } from "./testing/session.js";

const databaseUrl = inject("databaseUrl");

describe("the audio path: speech-to-text transcripts reach the interview", () => {
  let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  let vad: VAD;
  beforeAll(async () => {
    quietAgentLogs();
    runtime = await openTestRuntime(databaseUrl);
    // The model ships inside the plugin package: nothing is downloaded.
    vad = await silero.VAD.load();
  });
  afterAll(() => runtime.close());

  /** The fake STT sends no end-of-speech, so each turn is committed once its transcript is final. */
  function commitOnFinal(session: voice.AgentSession): string[] {
    const finals: string[] = [];
    session.on(voice.AgentSessionEventTypes.UserInputTranscribed, (event) => {
      if (!event.isFinal) return;
      finals.push(event.transcript);
      session.commitUserTurn();
    });
    return finals;
  }

  it("sends each final transcript to the graph as the spoken answer and replies with the next question", async () => {
    const start = await runtime.service.start({ jobTitle: "Platform Engineer", questionType: "technical", maxSteps: 3 });
    const firstAnswer = strongAnswer(start.question!.text);
    const secondAnswer = "I would first add tracing, because without it we guessed; then I would cut the slowest query, and p99 would drop by 30%.";
    // Timed from the first audio frame; each answer comes well after the previous reply.
    const fakeStt = new stt.testing.FakeSTT({
      fakeUserSpeeches: [
        { startTime: 100, endTime: 600, transcript: firstAnswer, sttDelay: 100 },
        { startTime: 2_000, endTime: 2_500, transcript: secondAnswer, sttDelay: 100 },
      ],
    });
    const microphone = new SilentMicrophone();
    const { session } = await startInterviewSession({
      interviews: runtime.service,
      threadId: start.threadId,
      speech: () => ({ stt: fakeStt, vad: null }),
      turnDetection: "manual",
      audioInput: microphone,
      feedbackWaitMs: 1_000,
    });
    const finals = commitOnFinal(session);

    await assistantMessages(session, 1);
    microphone.start();
    try {
      const said = await assistantMessages(session, 3, 15_000);
      const view = await runtime.service.get(start.threadId);
      expect(finals).toEqual([firstAnswer, secondAnswer]);
      expect(view.answers.map((a) => [a.text, a.channel])).toEqual([
        [firstAnswer, "voice"],
        [secondAnswer, "voice"],
      ]);
      expect(view.evaluations).toHaveLength(2);
      expect(said[2]!.endsWith(view.question!.text)).toBe(true);
      const spokenByCandidate = view.messages.filter((m) => m.role === "candidate").map((m) => m.text);
      expect(spokenByCandidate).toEqual([firstAnswer, secondAnswer]);
    } finally {
      microphone.stop();
      await session.close();
    }
  });

  it("takes the interviewer's spoken question to the AI candidate and speaks its answer", async () => {
    const start = await runtime.service.start({ role: "interviewer", jobTitle: "Backend Engineer", questionType: "technical", cvText: SAMPLE_CV_TEXT.join("\n\n") });
    const question = "How have you used Kafka?";
    const fakeStt = new stt.testing.FakeSTT({ fakeUserSpeeches: [{ startTime: 100, endTime: 600, transcript: question, sttDelay: 100 }] });
    const microphone = new SilentMicrophone();
    const { session } = await startInterviewSession({
      interviews: runtime.service,
      threadId: start.threadId,
      agent: "candidate-agent",
      speech: () => ({ stt: fakeStt, vad: null }),
      turnDetection: "manual",
      audioInput: microphone,
      feedbackWaitMs: 1_000,
    });
    commitOnFinal(session);
    await assistantMessages(session, 1);
    microphone.start();
    try {
      const said = await assistantMessages(session, 2, 15_000);
      const view = await runtime.service.get(start.threadId);
      expect(view.questions.map((q) => q.text)).toEqual([question]);
      expect(said[1]).toBe(view.answers[0]!.text);
      expect(said[1]).toContain("Kafka");
    } finally {
      microphone.stop();
      await session.close();
    }
  });

  it("lets the candidate pause a second to think mid-answer, by default, and takes it as one answer", async () => {
    const start = await runtime.service.start({ jobTitle: "Platform Engineer", questionType: "technical", maxSteps: 3 });
    const firstBreath = "At Parcelly I moved our dispatch service to Kubernetes because deploys took 40 minutes.";
    const secondBreath = "As a result deploys dropped to 6 minutes and incidents fell by 30%.";
    // A one-second silence between the two halves: longer than the framework's own default of 0.5 s.
    const fakeStt = new stt.testing.FakeSTT({
      fakeUserSpeeches: [
        { startTime: 100, endTime: 500, transcript: firstBreath, sttDelay: 100 },
        { startTime: 1_500, endTime: 1_800, transcript: secondBreath, sttDelay: 100 },
      ],
    });
    const microphone = new SilentMicrophone();
    const { session } = await startInterviewSession({
      interviews: runtime.service,
      threadId: start.threadId,
      speech: () => ({ stt: fakeStt, vad }),
      turnDetection: "vad",
      audioInput: microphone,
      feedbackWaitMs: 1_000,
    });
    await assistantMessages(session, 1);
    microphone.start();
    try {
      await assistantMessages(session, 2, 15_000);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const view = await runtime.service.get(start.threadId);
      expect(view.answers.map((a) => a.text)).toEqual([`${firstBreath} ${secondBreath}`]);
    } finally {
      microphone.stop();
      await session.close();
    }
  });
});
