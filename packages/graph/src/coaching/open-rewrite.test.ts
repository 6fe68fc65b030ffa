import { describe, expect, it } from "vitest";
import { openRewrite } from "./open-rewrite.js";

describe("an open question for a closed or leading one", () => {
  it.each([
    ["Have you used Kubernetes?", "Tell me about a time you used Kubernetes."],
    ["Have you ever written a design doc?", "Tell me about a time you wrote a design doc."],
    ["Do you have experience with Kafka?", "Walk me through your experience with Kafka."],
    ["Did you enjoy working there?", "What did you enjoy about working there?"],
    ["Did you test it?", "How did you test it?"],
    ["Can you work under pressure?", "Tell me about a time you had to work under pressure."],
    ["What do you prefer, React or Vue?", "How do you decide between React and Vue?"],
    ["Surely you wrote unit tests?", "Tell me about how you wrote unit tests."],
    ["You used Kafka there, right?", "Tell me about how you used Kafka there."],
    ["Don't you think microservices are overkill for a small team?", "What's your view on microservices being overkill for a small team?"],
    ["Wouldn't you say you're a team player?", "What does being a team player look like for you in practice?"],
  ])("rewrites %j as %j", (question, open) => {
    expect(openRewrite(question)).toBe(open);
  });

  it("leaves open questions as they are", () => {
    expect(openRewrite("How did you test it?")).toBeUndefined();
    expect(openRewrite("Great, thanks.")).toBeUndefined();
  });
});
