import { describe, expect, it } from "vitest";
import { shapeOfQuestion } from "./question-form.js";

const formOf = (q: string) => shapeOfQuestion(q).form;

describe("the form of an interviewer's question", () => {
  it("reads prompts, wh-questions and polite openers as open", () => {
    for (const q of [
      "Tell me about a project you're proud of.",
      "How did you approach the migration?",
      "Walk me through your last role.",
      "Why did you choose Go for that service?",
      "Could you tell me about your time at Parcelly?",
      "Can you walk me through the design?",
      "Would you mind telling me about your team?",
      "So, what happened next?",
    ]) {
      expect(formOf(q), q).toBe("open");
    }
  });

  it("reads yes/no and either/or questions as closed", () => {
    for (const q of [
      "Do you use Kafka?",
      "Have you used Kubernetes?",
      "Can you work under pressure?",
      "Is it well tested?",
      "Did you lead the team?",
      "What do you prefer, React or Vue?",
      "You worked there for three years?",
    ]) {
      expect(formOf(q), q).toBe("closed");
    }
  });

  it("reads questions that suggest their answer as leading", () => {
    for (const q of [
      "You'd agree that testing matters, right?",
      "Don't you think microservices are overkill for a small team?",
      "Surely you wrote unit tests?",
      "I assume you've used Kubernetes?",
      "Wouldn't you say you're a team player?",
      "You enjoyed that project, didn't you?",
      // As phones type it, with ’ for '.
      "Don’t you think microservices are overkill for a small team?",
      "You enjoyed that project, didn’t you?",
      "Microservices are always overkill for a small team, agreed?",
      "Testing always pays off, would you agree?",
    ]) {
      expect(formOf(q), q).toBe("leading");
    }
  });

  it("does not count statements and small talk as questions", () => {
    for (const q of ["Great, thanks.", "Hi, thanks for coming in.", "How are you?", "OK. That's helpful."]) {
      expect(shapeOfQuestion(q).isQuestion, q).toBe(false);
    }
    expect(shapeOfQuestion("Great, thanks. So, tell me about yourself.").isQuestion).toBe(true);
    expect(shapeOfQuestion("How are you? Tell me about yourself.")).toMatchObject({ isQuestion: true, form: "open", multiple: false });
    expect(shapeOfQuestion("What a great answer! Which is exactly what we need.").isQuestion).toBe(false);
  });

  it("spots several questions asked at once, and only those", () => {
    const many = shapeOfQuestion("What did you build, how did you test it and what would you change?");
    expect(many.multiple).toBe(true);
    expect(many.parts).toEqual(["What did you build", "how did you test it", "what would you change"]);
    expect(shapeOfQuestion("What did you build? How did you test it?").multiple).toBe(true);
    for (const q of [
      "How do you balance speed and quality?",
      "When you joined, what did you change?",
      "You mentioned Kafka — how did you partition the topics?",
      "Did you use Go, Python, or Java?",
    ]) {
      expect(shapeOfQuestion(q).multiple, q).toBe(false);
    }
  });

  it("takes a question after a preamble for what it is", () => {
    const shape = shapeOfQuestion("You mentioned Kafka — how did you partition the topics?");
    expect(shape.form).toBe("open");
    expect(shape.parts).toEqual(["how did you partition the topics"]);
  });
});
