import { describe, expect, it } from "vitest";
import { finalEvaluationOf } from "./views.js";
import type { Evaluation, FinalEvaluation } from "./types.js";

const stored: FinalEvaluation = { overallScore: 0, recommendation: "no_hire", strengths: [], improvements: [], perQuestion: [], summary: "Nothing to assess." };
const scored: Evaluation = { questionId: "q1", score: 6, rubric: { relevance: 6, depth: 6, clarity: 6, evidence: 6 }, feedback: "Fine.", followUpDue: false, insufficientEvidence: false, evaluatedBy: "heuristic" };

describe("the final evaluation as shown", () => {
  it("reads an interview stored as 0 / no_hire with nothing answered as not scored", () => {
    expect(finalEvaluationOf({ finalEvaluation: stored, evaluations: [] })).toMatchObject({ overallScore: null, recommendation: null, summary: "Nothing to assess." });
  });

  it("keeps the score of an interview with answers, even a low one", () => {
    const low = { ...stored, overallScore: 0.5 };
    expect(finalEvaluationOf({ finalEvaluation: low, evaluations: [scored] })).toBe(low);
    expect(finalEvaluationOf({ finalEvaluation: null, evaluations: [] })).toBeNull();
  });
});
