import { describe, expect, it } from "vitest";
import { InterviewError, type TurnOptions, type TurnView } from "@interview/graph";
import { InterviewBridge, type Interviews } from "./bridge.js";

const QUESTION = "How did you keep the API backwards compatible?";

/** A turn as the service reports it; only the fields the bridge reads are filled in. */
function turn(fields: { message: string; feedback?: string; status?: "question" | "completed"; answers?: number }): TurnView {
  return {
    threadId: "t1",
    status: fields.status ?? "question",
    message: fields.message,
    currentStep: 2,
    maxSteps: 3,
    question: null,
    evaluation: fields.feedback ? { questionId: "q1", score: 7, rubric: { relevance: 7, depth: 7, clarity: 7, evidence: 7 }, feedback: fields.feedback, followUpDue: false } : null,
    finalEvaluation: null,
    state: { answers: Array.from({ length: fields.answers ?? 1 }), messages: [], language: "en" } as unknown as TurnView["state"],
  };
}

/** A scripted interview service: each answer is handled by the next step of the script. */
class ScriptedInterviews implements Interviews {
  readonly answered: string[] = [];
  current = turn({ message: QUESTION });
  constructor(private readonly steps: Array<(text: string, options: TurnOptions) => Promise<TurnView>>) {}

  async get(): Promise<TurnView> {
    return this.current;
  }

  async answer(_threadId: string, text: string, _channel: unknown, options: TurnOptions = {}): Promise<TurnView> {
    const step = this.steps.shift();
    if (!step) throw new Error("unexpected answer");
    const view = await step(text, options);
    this.answered.push(text);
    this.current = view;
    return view;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readAll(stream: ReadableStream<string> | import("node:stream/web").ReadableStream<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of stream as AsyncIterable<string>) chunks.push(chunk);
  return chunks;
}

describe("the voice bridge", () => {
  it("says a line of feedback before the next question when the turn is quick", async () => {
    const next = "Tell me about a migration you led.";
    const interviews = new ScriptedInterviews([
      async (_text, { onToken }) => {
        for (const token of next.match(/\S+\s*/g)!) onToken?.(token);
        return turn({ message: next, feedback: "Solid answer. Add numbers next time." });
      },
    ]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 1_000 });
    const reply = bridge.reply("We versioned every endpoint.");
    expect((await readAll(reply.text)).join("")).toBe(`Solid answer. ${next}`);
    expect(await reply.finished).toBe(false);
  });

  it("starts speaking the next question while a slow turn is still running", async () => {
    let turnDone = false;
    const interviews = new ScriptedInterviews([
      async (_text, { onToken }) => {
        onToken?.("What would ");
        await sleep(30);
        onToken?.("you do differently?");
        await sleep(400); // the model's evaluation is still being written
        turnDone = true;
        return turn({ message: "What would you do differently?", feedback: "Good. More detail." });
      },
    ]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 100 });
    const reply = bridge.reply("My answer.");
    const reader = reply.text.getReader();
    const first = await reader.read();
    expect(first.value).toBe("What would ");
    expect(turnDone).toBe(false);
    const rest: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(r.value);
    expect(rest.join("")).toBe("you do differently?");
  });

  it("sends answers one at a time, in the order they were spoken", async () => {
    const events: string[] = [];
    const step = (label: string) => async (text: string) => {
      events.push(`start ${text}`);
      await sleep(50);
      events.push(`end ${text}`);
      return turn({ message: `Question after ${label}` });
    };
    const interviews = new ScriptedInterviews([step("one"), step("two")]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 0 });
    const first = bridge.reply("first answer");
    const second = bridge.reply("second answer");
    const [a, b] = await Promise.all([readAll(first.text), readAll(second.text)]);
    expect(events).toEqual(["start first answer", "end first answer", "start second answer", "end second answer"]);
    expect(a.join("")).toBe("Question after one");
    expect(b.join("")).toBe("Question after two");
  });

  it("waits while another client holds the thread, then records the answer", async () => {
    let attempts = 0;
    const busy = async () => {
      attempts++;
      throw new InterviewError("turn_in_progress", "busy");
    };
    const interviews = new ScriptedInterviews([busy, busy, async () => turn({ message: "Next question?" })]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 0, busyRetryDelayMs: 10 });
    const reply = bridge.reply("my answer");
    expect((await readAll(reply.text)).join("")).toBe("Next question?");
    expect(attempts).toBe(2);
    expect(interviews.answered).toEqual(["my answer"]);
  });

  it("apologises and repeats the question when the interviewer is down, and reports the error without the answer", async () => {
    const errors: unknown[] = [];
    const interviews = new ScriptedInterviews([
      async () => {
        throw new InterviewError("provider_unavailable", "down");
      },
    ]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 0, onError: (e) => errors.push(e) });
    const reply = bridge.reply("an answer with a secret detail");
    const said = (await readAll(reply.text)).join("");
    expect(said).toMatch(/^Sorry, I couldn't process that answer just now, and nothing was saved\. Please give your answer again\./);
    expect(said).toContain(`Here is the question again: ${QUESTION}`);
    expect(await reply.finished).toBe(false);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors)).not.toContain("secret detail");
  });

  it("ends with the summary when the interview was finished elsewhere", async () => {
    const interviews = new ScriptedInterviews([
      async () => {
        interviews.current = turn({ message: "Thank you, that's the end of the interview.", status: "completed" });
        throw new InterviewError("interview_completed", "done");
      },
    ]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 0 });
    const reply = bridge.reply("late answer");
    expect((await readAll(reply.text)).join("")).toBe("This interview has already finished. Thank you, that's the end of the interview.");
    expect(await reply.finished).toBe(true);
  });

  it("still records the answer when the candidate interrupts the reply", async () => {
    const interviews = new ScriptedInterviews([
      async (_text, { onToken }) => {
        onToken?.("Next ");
        await sleep(100);
        onToken?.("question?");
        return turn({ message: "Next question?" });
      },
    ]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 0 });
    const reply = bridge.reply("an answer");
    const reader = reply.text.getReader();
    await reader.read();
    await reader.cancel();
    expect(await reply.finished).toBe(false);
    expect(interviews.answered).toEqual(["an answer"]);
    expect(interviews.current.message).toBe("Next question?");
  });
});
