import { describe, expect, it } from "vitest";
import { asksForClarification, copiesQuestion, isFillerOnly, isGibberish, saysDontKnow } from "./nothing-to-judge.js";

describe("gibberish", () => {
  it.each(["asdfgh jkl qwerty", "fjdkslaie fjdksl kdlsjf", "lorem ipsum dolor sit amet", "aaaaaa bbbbbb", "test test test test", "12345 67890 !!!", "🙂🙂🙂"])(
    "recognises %j",
    (text) => expect(isGibberish(text)).toBe(true),
  );

  it.each([
    "I used SQL and CSS with HTML templates.",
    "The strengths of the rhythm section were clear.",
    "We deployed to AWS with Kubernetes.",
    "Ich habe die Schnittstelle getestet.",
    "我优化了数据库查询。",
  ])("leaves real words, acronyms and other scripts alone: %j", (text) => expect(isGibberish(text)).toBe(false));
});

describe("'I don't know'", () => {
  it.each(["I don't know, sorry.", "No idea, I've never done that.", "Pass.", "I'm not sure, sorry.", "Ich weiß es nicht.", "No lo sé."])(
    "recognises %j",
    (text) => expect(saysDontKnow(text)).toBe(true),
  );

  it("is not an answer that admits uncertainty and then answers", () => {
    expect(saysDontKnow("I don't know the exact number, but we cut latency by about half by moving the cache closer to the service.")).toBe(false);
    expect(saysDontKnow("I'm not sure it was the best choice, but I chose Redis because the team knew it well.")).toBe(false);
  });
});

describe("requests and acknowledgements", () => {
  it("recognises a request to clarify, but not a long answer that mentions one", () => {
    expect(asksForClarification("Sorry, could you rephrase the question?", 6)).toBe(true);
    expect(asksForClarification("What?", 1)).toBe(true);
    expect(asksForClarification("I asked what do you mean by done, and the team agreed on a checklist ...", 30)).toBe(false);
  });

  it("treats a bare acknowledgement as no answer", () => {
    expect(isFillerOnly("Ok.")).toBe(true);
    expect(isFillerOnly("Hmm, yes")).toBe(true);
    expect(isFillerOnly("Yes, with Kafka.")).toBe(false);
  });
});

describe("copying the question", () => {
  const question = "How do you keep laminated doughs consistent across a busy week?";

  it("recognises a restatement of the question", () => {
    expect(copiesQuestion("Keeping laminated doughs consistent across a busy week.", question, "laminated doughs")).toBe(true);
    expect(copiesQuestion("How do I keep laminated doughs consistent across a busy week?", question, "laminated doughs")).toBe(true);
  });

  it("does not mistake an answer that reuses the question's words for a copy", () => {
    expect(copiesQuestion("I keep laminated doughs consistent by holding the butter at 12°C and resting each fold for 30 minutes.", question, "laminated doughs")).toBe(false);
  });
});
