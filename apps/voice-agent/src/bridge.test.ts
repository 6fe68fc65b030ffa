import { describe, expect, it } from "vitest";
import { InterviewError, type AnswerInput, type InterviewView, type TurnOptions, type TurnView } from "@interview/graph";
import { InterviewBridge, type Interviews } from "./bridge.js";
import { interviewView, turnView } from "./testing/views.js";

const QUESTION = "How did you keep the API backwards compatible?";

type Step = (input: AnswerInput, options: TurnOptions) => Promise<TurnView>;

/** A scripted interview service: each answer is handled by the next step of the script. */
class ScriptedInterviews implements Interviews {
  /** Every answer sent, and those the service recorded. */
  readonly sent: AnswerInput[] = [];
  readonly answered: AnswerInput[] = [];
  ended = 0;
  current: InterviewView = interviewView({ message: QUESTION, questionId: "q1", answers: ["earlier answer"] });
  constructor(private readonly steps: Step[]) {}

  async get(): Promise<InterviewView> {
    return this.current;
  }

  async answer(_threadId: string, input: AnswerInput, options: TurnOptions = {}): Promise<TurnView> {
    const step = this.steps.shift();
    if (!step) throw new Error("unexpected answer");
    this.sent.push(input);
    const view = await step(input, options);
    this.answered.push(input);
    return view;
  }

  async end(): Promise<TurnView> {
    this.ended++;
    return turnView({ role: "interviewer", status: "completed", message: "Thank you for your time — I enjoyed the conversation." });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tokens = (text: string) => text.match(/\S+\s*/g)!;

async function readAll(stream: AsyncIterable<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe("the voice bridge, interviewing", () => {
  it("says a line of feedback before the next question when the turn is quick", async () => {
    const next = "Tell me about a migration you led.";
    const interviews = new ScriptedInterviews([
      async (_input, { onToken }) => {
        for (const token of tokens(next)) onToken?.(token);
        return turnView({ message: next, feedback: "Solid answer. Add numbers next time." });
      },
    ]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 1_000 });
    const reply = bridge.reply("We versioned every endpoint.");
    expect((await readAll(reply.text)).join("")).toBe(`Solid answer. ${next}`);
    expect(await reply.finished).toBe(false);
    expect(interviews.answered).toEqual([{ text: "We versioned every endpoint.", channel: "voice" }]);
  });

  it("on a slow turn, starts the question early and still says the feedback, just before the question itself", async () => {
    const next = "You mentioned the gateway. What would you do differently next time?";
    let turnDone = false;
    const interviews = new ScriptedInterviews([
      async (_input, { onToken }) => {
        for (const token of tokens(next)) onToken?.(token);
        await sleep(400); // the model's evaluation is still being written
        turnDone = true;
        return turnView({ message: next, feedback: "Good example. More detail on the trade-offs." });
      },
    ]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 50 });
    const reply = bridge.reply("My answer.");
    const reader = reply.text.getReader();
    const first = await reader.read();
    expect(first.value).toBe("You mentioned the gateway. ");
    expect(turnDone).toBe(false);
    const rest: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(r.value);
    expect(rest.join("")).toBe("Good example. What would you do differently next time?");
  });

  it("on a slow turn with a one-sentence question, says the feedback first", async () => {
    const next = "What would you do differently?";
    const interviews = new ScriptedInterviews([
      async (_input, { onToken }) => {
        for (const token of tokens(next)) onToken?.(token);
        await sleep(200);
        return turnView({ message: next, feedback: "Good. More detail." });
      },
    ]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 20 });
    expect((await readAll(bridge.reply("My answer.").text)).join("")).toBe(`Good. ${next}`);
  });

  it("answers the question the candidate was asked, and says so when the interview moved on meanwhile", async () => {
    const moved = "Which database did you choose, and why?";
    const interviews = new ScriptedInterviews([
      async () => {
        interviews.current = interviewView({ message: moved, questionId: "q3", answers: ["a", "by text"] });
        throw new InterviewError("stale_question", "stale");
      },
      async () => turnView({ message: "Next question?", questionId: "q4" }),
    ]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 0 });
    await bridge.opening();
    const said = (await readAll(bridge.reply("an answer to the old question").text)).join("");
    expect(said).toBe(`Meanwhile this interview moved on, so that answer wasn't saved. Here is the current question: ${moved}`);
    await readAll(bridge.reply("an answer to the new question").text);
    expect(interviews.sent.map((a) => a.questionId)).toEqual(["q1", "q3"]);
  });

  it("sends answers one at a time, in the order they were spoken", async () => {
    const events: string[] = [];
    const step = (label: string) => async (input: AnswerInput) => {
      events.push(`start ${input.text}`);
      await sleep(50);
      events.push(`end ${input.text}`);
      return turnView({ message: `Question after ${label}` });
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
    const interviews = new ScriptedInterviews([busy, busy, async () => turnView({ message: "Next question?" })]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 0, busyRetryDelayMs: 10 });
    const reply = bridge.reply("my answer");
    expect((await readAll(reply.text)).join("")).toBe("Next question?");
    expect(attempts).toBe(2);
    expect(interviews.answered.map((a) => a.text)).toEqual(["my answer"]);
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
    expect(said).toBe(
      `Sorry, I couldn't process that answer just now, and nothing was saved. Please give your answer again. Here is the question again: ${QUESTION}`,
    );
    expect(await reply.finished).toBe(false);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors)).not.toContain("secret detail");
  });

  it("asks for a shorter answer when the answer is too long", async () => {
    const interviews = new ScriptedInterviews([
      async () => {
        throw new InterviewError("answer_too_long", "too long");
      },
    ]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 0 });
    const said = (await readAll(bridge.reply("a very long answer").text)).join("");
    expect(said).toMatch(/^Sorry, that answer was too long for me to take in one go\. Please give a shorter answer\. Here is the question again:/);
  });

  it("ends with the summary when the interview was finished elsewhere", async () => {
    const interviews = new ScriptedInterviews([
      async () => {
        interviews.current = interviewView({ message: "Thank you, that's the end of the interview.", status: "completed" });
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
      async (_input, { onToken }) => {
        onToken?.("Next ");
        await sleep(100);
        onToken?.("question?");
        return turnView({ message: "Next question?" });
      },
    ]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 0 });
    const reply = bridge.reply("an answer");
    const reader = reply.text.getReader();
    await reader.read();
    await reader.cancel();
    expect(await reply.finished).toBe(false);
    expect(interviews.answered.map((a) => a.text)).toEqual(["an answer"]);
  });
});

describe("the voice bridge, as the AI candidate", () => {
  const reversed = (fields: Parameters<typeof interviewView>[0]) => interviewView({ role: "interviewer", ...fields });

  it("speaks its answer as it is written, with no feedback and no question id", async () => {
    const answer = "At Parcelly I built an event pipeline on Kafka. It handled 12k messages per second.";
    const interviews = new ScriptedInterviews([
      async (_input, { onToken }) => {
        for (const token of tokens(answer)) onToken?.(token);
        await sleep(100);
        return turnView({ role: "interviewer", message: answer });
      },
    ]);
    interviews.current = reversed({ message: "Hi, I'm Ana.", greeting: "Hi, I'm Ana." });
    const bridge = new InterviewBridge(interviews, "t1", { agent: "candidate-agent", feedbackWaitMs: 5_000 });
    expect((await bridge.opening()).text).toBe("Hi, I'm Ana.");
    const reply = bridge.reply("How have you used Kafka?");
    const reader = reply.text.getReader();
    const started = Date.now();
    expect((await reader.read()).value).toBe("At ");
    // Not held back like the interviewer's questions (feedbackWaitMs is 5 s here).
    expect(Date.now() - started).toBeLessThan(2_000);
    const rest: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(r.value);
    expect(`At ${rest.join("")}`).toBe(answer);
    expect(await reply.finished).toBe(false);
    expect(interviews.answered).toEqual([{ text: "How have you used Kafka?", channel: "voice" }]);
  });

  it("welcomes the interviewer back with its last answer", async () => {
    const interviews = new ScriptedInterviews([]);
    interviews.current = reversed({ message: "I led the Kubernetes migration.", answers: ["I built the API.", "I led the Kubernetes migration."] });
    const bridge = new InterviewBridge(interviews, "t1", { agent: "candidate-agent", feedbackWaitMs: 0 });
    expect((await bridge.opening()).text).toBe("Welcome back. To pick up where we left off, my last answer was: I led the Kubernetes migration.");
  });

  it("ends the interview when the interviewer closes it, thanks them and leaves", async () => {
    const interviews = new ScriptedInterviews([]);
    const bridge = new InterviewBridge(interviews, "t1", { agent: "candidate-agent", feedbackWaitMs: 0 });
    const reply = bridge.reply("Okay, that's all my questions. Thank you!");
    expect((await readAll(reply.text)).join("")).toBe("Thank you for your time — I enjoyed the conversation.");
    expect(await reply.finished).toBe(true);
    expect(interviews.ended).toBe(1);
    expect(interviews.answered).toEqual([]);
  });

  it("asks for the question again when it could not answer, without repeating anything of its own", async () => {
    const interviews = new ScriptedInterviews([
      async () => {
        throw new InterviewError("provider_unavailable", "down");
      },
    ]);
    interviews.current = reversed({ message: "Hi." });
    const bridge = new InterviewBridge(interviews, "t1", { agent: "candidate-agent", feedbackWaitMs: 0 });
    const reply = bridge.reply("What did you do at Paynow?");
    expect((await readAll(reply.text)).join("")).toBe("Sorry, I couldn't take that question in just now, and nothing was saved. Could you ask it again?");
    expect(await reply.finished).toBe(false);
  });
});

describe("the voice bridge, dispatched as the wrong agent", () => {
  it("refuses to interview in a role-reversal interview, and never sends anything to the graph", async () => {
    const interviews = new ScriptedInterviews([]);
    interviews.current = interviewView({ role: "interviewer", message: "Hi, I'm Ana." });
    const bridge = new InterviewBridge(interviews, "t1", { agent: "voice-agent", feedbackWaitMs: 0 });
    const opening = await bridge.opening();
    expect(opening).toMatchObject({ refused: true, finished: true });
    expect(opening.text).toMatch(/^Sorry, I'm the interviewer, but in this interview you ask the questions/);
    const reply = bridge.reply("Tell me about yourself.");
    expect((await readAll(reply.text)).join("")).toBe(opening.text);
    expect(await reply.finished).toBe(true);
    expect(interviews.answered).toEqual([]);
  });

  it("refuses to play the candidate in an interview where the human is the candidate", async () => {
    const interviews = new ScriptedInterviews([]);
    const bridge = new InterviewBridge(interviews, "t1", { agent: "candidate-agent", feedbackWaitMs: 0 });
    const opening = await bridge.opening();
    expect(opening).toMatchObject({ refused: true, finished: true });
    expect(opening.text).toMatch(/^Sorry, I'm the AI candidate, but in this interview you are the one being interviewed/);
  });
});

describe("the voice bridge, in a room the interview has left", () => {
  const here = (state: { here: boolean }) => async () => state.here;

  it("says goodbye and sends nothing when the interview was joined in another room before it came", async () => {
    const interviews = new ScriptedInterviews([]);
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 0, stillHere: here({ here: false }) });
    const opening = await bridge.opening();
    expect(opening).toMatchObject({ refused: true, moved: true, finished: true });
    expect(opening.text).toMatch(/another room/);
    const reply = bridge.reply("My answer, said in the old room.");
    expect((await readAll(reply.text)).join("")).toBe(opening.text);
    expect(await reply.finished).toBe(true);
    expect(interviews.sent).toEqual([]);
  });

  it("takes answers while its room is the interview's, and none once the interview is joined elsewhere", async () => {
    const next = "Tell me about a migration you led.";
    const interviews = new ScriptedInterviews([async () => turnView({ message: next, questionId: "q2" })]);
    const current = { here: true };
    const bridge = new InterviewBridge(interviews, "t1", { feedbackWaitMs: 0, stillHere: here(current) });
    expect(await bridge.opening()).toMatchObject({ refused: false, moved: false });
    const first = bridge.reply("We versioned every endpoint.");
    expect((await readAll(first.text)).join("")).toContain(next);
    expect(await first.finished).toBe(false);

    current.here = false;
    const second = bridge.reply("An answer the other browser did not give.");
    expect((await readAll(second.text)).join("")).toMatch(/another room/);
    expect(await second.finished).toBe(true);
    expect(bridge.moved).toBe(true);
    expect(interviews.sent.map((input) => input.text)).toEqual(["We versioned every endpoint."]);
  });
});
