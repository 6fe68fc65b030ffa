import { describe, expect, it } from "vitest";
import { firstSentence, isClosingRemark, spokenReply } from "./speech-text.js";
import { turnView } from "./testing/views.js";

describe("what the agents say and hear", () => {
  it("hears an interviewer closing a role-reversal interview in the usual words", () => {
    for (const said of [
      "That's all my questions, thank you.",
      "Okay, that is all my questions.",
      "Thanks, those are all the questions I have.",
      "Great, I have no more questions.",
      "I've got no further questions. Thanks!",
      "Alright, no more questions from me.",
      "Let's end the interview here.",
      "I'd like to wrap up the interview now.",
      "End the interview.",
    ]) {
      expect(isClosingRemark(said), said).toBe(true);
    }
  });

  it("takes questions, and remarks that only mention questions, as questions", () => {
    for (const said of [
      "That's all my questions about Go. Do you have any for me?",
      "Do you have any more questions for me?",
      "What questions do you have about the team?",
      "Tell me about a time a project had no clear end.",
      "How would you end a meeting that runs over?",
      "I have a few more questions about your time at Paynow, starting with the settlement API and how you tested it before launch.",
      "",
    ]) {
      expect(isClosingRemark(said), said).toBe(false);
    }
  });

  it("keeps a spoken line of feedback to its first sentence", () => {
    expect(firstSentence("Clear and specific. Say more about the trade-offs.")).toBe("Clear and specific.");
    expect(firstSentence("Clear; add numbers")).toBe("Clear; add numbers");
  });

  it("says a line of feedback before the next question, unless the hiring team keeps the results", () => {
    const turn = { message: "What did you measure?", feedback: "Clear and specific. Say more about the trade-offs." };
    expect(spokenReply(turnView(turn))).toBe("Clear and specific. What did you measure?");
    expect(spokenReply(turnView({ ...turn, resultsShared: false }))).toBe("What did you measure?");
  });
});
