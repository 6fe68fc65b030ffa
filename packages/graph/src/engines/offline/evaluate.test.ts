import { describe, expect, it } from "vitest";
import { evaluateHeuristically, quotableFragment } from "./evaluate.js";
import { emptyProfile } from "../../cv/profile.js";

const question = "Tell me about a time you improved the performance of a backend service. What did you do and what was the result?";
const judge = (answer: string) =>
  evaluateHeuristically({ questionId: "q1", question, topic: "performance", answer, cvProfile: emptyProfile(), jobTerms: ["PostgreSQL", "latency"] });

const strong =
  "At Paynow our settlement service was too slow: p99 latency was 900 ms during the evening peak. I was responsible for fixing it. " +
  "First I profiled the service and found that 70% of the time went to repeated PostgreSQL queries, because every request reloaded the merchant settings. " +
  "I added a Redis cache with a five-minute expiry instead of adding database replicas, which would have cost more. " +
  "As a result the p99 latency dropped to 120 ms, database load fell by 60%, and we handled Black Friday with no incidents.";

describe("offline evaluation", () => {
  it("orders answers sensibly: empty < off-topic < thin < specific and structured", () => {
    const scores = [
      judge("").score,
      judge("I really enjoy hiking in the mountains with my dog on weekends and cooking Italian food for friends.").score,
      judge("I made the service faster by improving some things.").score,
      judge(strong).score,
    ];
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(new Set(scores).size).toBe(4);
    expect(scores[3]).toBeGreaterThanOrEqual(7);
  });

  it("rates each rubric dimension from the features it measures", () => {
    const result = judge(strong);
    for (const value of Object.values(result.rubric)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(10);
    }
    expect(result.rubric.evidence).toBeGreaterThan(judge("I made it faster and better.").rubric.evidence);
    expect(result.followUpDue).toBe(false);
  });

  it("treats 'I don't know' as a low score without a follow-up, with advice", () => {
    const result = judge("I don't know, sorry.");
    expect(result.dontKnow).toBe(true);
    expect(result.score).toBeLessThan(2.5);
    expect(result.followUpDue).toBe(false);
    expect(result.feedback).toMatch(/reason aloud/);
  });

  it("asks for a follow-up on a thin answer and says what was missing", () => {
    const result = judge("I improved the performance of a service once.");
    expect(result.followUpDue).toBe(true);
    expect(result.missing.length).toBeGreaterThan(0);
    expect(result.feedback).toMatch(/evidence|how it worked|situation/);
  });

  it("recognises a request to clarify the question", () => {
    expect(judge("Sorry, could you rephrase the question?").wantsClarification).toBe(true);
    expect(judge(strong).wantsClarification).toBe(false);
  });

  it("quotes the most specific part of an answer", () => {
    expect(quotableFragment("It was hard. We cut p99 latency from 900 ms to 120 ms with Redis. Then we celebrated.")).toBe(
      "We cut p99 latency from 900 ms to 120 ms with Redis",
    );
  });
});
