import { describe, expect, it } from "vitest";
import { followsUp } from "./follow-up.js";

const answer =
  "At Parcelly I led the migration of our dispatch service to Kubernetes. It took four months because the legacy queue on Kafka had no retries.";

describe("whether a question follows up on the last answer", () => {
  it("sees explicit references, pointing pronouns and picked-up terms", () => {
    for (const q of [
      "You mentioned Kafka — how did you handle retries?",
      "Why did that migration take so long?",
      "What was your part in that?",
      "How did it go with the dispatch team afterwards?",
      "Tell me more.",
      "How did you size the Kubernetes cluster?",
      "Why did Parcelly choose to move the dispatch service at all?",
      "How do you explain a delay like that to the business?",
      "Why did you choose that database?",
      "What did you learn from that?",
      "How long did you stay with those tools?",
    ]) {
      expect(followsUp(q, answer), q).toBe(true);
    }
    // One word the answer dwelt on is enough; one it mentioned in passing is not.
    expect(followsUp("How did you decide which service went first?", "We went service by service, so each step was small.")).toBe(true);
    expect(followsUp("How did you decide which service went first?", "I moved the dispatch service last year.")).toBe(false);
  });

  it("reads possessives as the word itself", () => {
    expect(followsUp("What would keep it stable once partners start depending on it?", "I'd start from the partner's questions.")).toBe(true);
  });

  it("does not take a fresh question for a follow-up", () => {
    for (const q of [
      "Tell me about a time you disagreed with a colleague.",
      "Why are you interested in this role?",
      "How do you approach code review?",
      "How do you make sure that tests stay fast?",
      "Why did you decide that you wanted to leave?",
    ]) {
      expect(followsUp(q, answer), q).toBe(false);
    }
  });

  it("needs an answer to follow up on", () => {
    expect(followsUp("Tell me more.", undefined)).toBe(false);
    expect(followsUp("Tell me more.", "  ")).toBe(false);
  });
});
