import { describe, expect, it } from "vitest";
import { INTENDED_RANK, corpusInputs, type Persona } from "./calibration-corpus.js";
import { scoreAnswer } from "./score-answer.js";
import { spearman } from "./spearman.js";

const scored = corpusInputs().map(({ persona, input }) => ({ persona, questionId: input.questionId, result: scoreAnswer(input) }));
const of = (persona: Persona) => scored.filter((s) => s.persona === persona);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const meanScore = (persona: Persona) => mean(of(persona).map((s) => s.result.score));

describe("calibration across five roles and ten personas", () => {
  it("ranks answers by their intended quality (Spearman ≥ 0.8)", () => {
    const rho = spearman(
      scored.map((s) => INTENDED_RANK[s.persona]),
      scored.map((s) => s.result.score),
    );
    expect(rho).toBeGreaterThanOrEqual(0.8);
  });

  it("orders the personas strong > average > thin and rambling > off-topic > nothing to judge", () => {
    expect(meanScore("strong")).toBeGreaterThan(meanScore("average"));
    expect(meanScore("average")).toBeGreaterThan(Math.max(meanScore("thin"), meanScore("rambling")));
    expect(Math.min(meanScore("thin"), meanScore("rambling"))).toBeGreaterThan(meanScore("off_topic"));
    const nothing = scored.filter((s) => INTENDED_RANK[s.persona] === 1).map((s) => s.result.score);
    expect(Math.max(...nothing)).toBeLessThan(Math.min(...of("off_topic").map((s) => s.result.score)));
  });

  it("rates every strong answer at least 7 and above the average answer to the same question", () => {
    for (const { questionId, result } of of("strong")) {
      expect(result.score, questionId).toBeGreaterThanOrEqual(7);
      const average = of("average").find((s) => s.questionId === questionId)!;
      expect(result.score, questionId).toBeGreaterThan(average.result.score);
    }
  });

  it("keeps the relevance of every off-topic answer at 3 or below and flags it", () => {
    for (const { questionId, result } of of("off_topic")) {
      expect(result.offTopic, questionId).toBe(true);
      expect(result.rubric.relevance, questionId).toBeLessThanOrEqual(3);
    }
  });

  it("does not call any genuine answer off topic", () => {
    for (const persona of ["strong", "average", "thin", "rambling"] as const) {
      for (const { questionId, result } of of(persona)) expect(result.offTopic, `${questionId} ${persona}`).toBe(false);
    }
  });

  it("scores gibberish and injection-only answers at most 1.5", () => {
    for (const { questionId, result } of [...of("gibberish"), ...of("injection")]) {
      expect(result.score, questionId).toBeLessThanOrEqual(1.5);
      expect(result.insufficientEvidence, questionId).toBe(true);
    }
    for (const { result } of of("injection")) {
      expect(result.injection).toBe(true);
      expect(result.evidenceIssue).toBe("instructions_only");
    }
  });

  it("names the reason for every answer with nothing to judge", () => {
    const expected: Partial<Record<Persona, string>> = {
      gibberish: "gibberish",
      dont_know: "dont_know",
      copies_question: "copies_question",
      injection: "instructions_only",
      other_language: "other_language",
    };
    for (const [persona, issue] of Object.entries(expected) as [Persona, string][]) {
      for (const { questionId, result } of of(persona)) expect(result.evidenceIssue, `${questionId} ${persona}`).toBe(issue);
    }
  });

  it("flags every answer in another language and names that language", () => {
    for (const { questionId, result } of of("other_language")) {
      expect(result.insufficientEvidence, questionId).toBe(true);
      expect(result.feedback, questionId).toMatch(/is in (German|Spanish|French|Portuguese|Italian|Dutch), but this interview is in English/);
    }
  });

  it("leaves no genuine answer flagged as having nothing to judge", () => {
    for (const persona of ["strong", "average", "thin", "rambling", "off_topic"] as const) {
      for (const { questionId, result } of of(persona)) expect(result.insufficientEvidence, `${questionId} ${persona}`).toBe(false);
    }
  });

  it("asks a follow-up on thin answers", () => {
    for (const { questionId, result } of of("thin")) expect(result.followUpDue, questionId).toBe(true);
  });

  it("writes different feedback for different thin answers, each naming what it lacked", () => {
    const feedback = of("thin").map((s) => s.result.feedback);
    expect(new Set(feedback).size).toBe(feedback.length);
    const lacks = /too brief|not by how much|needs a number|no result|outcome|alternative|trade-off|real example|no occasion|not why/i;
    for (const text of feedback) expect(text).toMatch(lacks);
    const pipeline = of("thin").find((s) => s.questionId === "be-1")!.result.feedback;
    const churn = of("thin").find((s) => s.questionId === "ds-1")!.result.feedback;
    expect(pipeline).toMatch(/"got more reliable"/i);
    expect(churn).toMatch(/outcome/);
  });
});
