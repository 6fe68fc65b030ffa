import { describe, expect, it } from "vitest";
import { routeAfterCv, routeAfterEvaluation, routeAfterAnswer, routeRetrieval, toGeneration } from "./routing.js";
import type { HeuristicEvaluation } from "./engines/offline/evaluate.js";

const pending = { questionId: "q1" } as HeuristicEvaluation;
const chunk = { id: 0, text: "Go", vector: [1] };

describe("routing", () => {
  it.each([
    { pendingEvaluation: null, expected: ["generateQuestion"] },
    { pendingEvaluation: pending, expected: ["generateQuestion", "evaluateAnswer"] },
  ])("generation runs beside a pending evaluation ($expected)", ({ pendingEvaluation, expected }) => {
    expect(toGeneration({ pendingEvaluation })).toEqual(expected);
  });

  it.each([
    { needsRetrieval: false, cv: [chunk], web: true, expected: ["generateQuestion"] },
    { needsRetrieval: true, cv: [chunk], web: true, expected: ["retrieveCv"] },
    { needsRetrieval: true, cv: [], web: true, expected: ["webSearch"] },
    { needsRetrieval: true, cv: [], web: false, expected: ["generateQuestion"] },
  ])("retrieval route: needs=$needsRetrieval cv=$cv.length web=$web → $expected", ({ needsRetrieval, cv, web, expected }) => {
    expect(routeRetrieval(web)({ needsRetrieval, cv, pendingEvaluation: null })).toEqual(expected);
  });

  it.each([
    { contextSource: "cv" as const, web: true, expected: ["generateQuestion"] },
    { contextSource: "none" as const, web: true, expected: ["webSearch"] },
    { contextSource: "none" as const, web: false, expected: ["generateQuestion"] },
  ])("after CV search: $contextSource with web=$web → $expected", ({ contextSource, web, expected }) => {
    expect(routeAfterCv(web)({ contextSource, pendingEvaluation: null })).toEqual(expected);
  });

  it.each([
    { nextAction: "conclude" as const, needsRetrieval: true, expected: ["evaluateAnswer"] },
    { nextAction: "ask_followup" as const, needsRetrieval: false, expected: ["generateQuestion", "evaluateAnswer"] },
    { nextAction: "new_question" as const, needsRetrieval: true, expected: ["retrieveCv"] },
    { nextAction: "clarify" as const, needsRetrieval: false, expected: ["generateQuestion"] },
  ])("after an answer: $nextAction (retrieval $needsRetrieval) → $expected", ({ nextAction, needsRetrieval, expected }) => {
    const pendingEvaluation = nextAction === "clarify" ? null : pending;
    expect(routeAfterAnswer(false)({ nextAction, needsRetrieval, cv: [chunk], pendingEvaluation })).toEqual(expected);
  });

  it.each([
    { status: "concluding" as const, expected: "finalAssessment" },
    { status: "question" as const, expected: "awaitAnswer" },
  ])("after evaluation: $status → $expected", ({ status, expected }) => {
    expect(routeAfterEvaluation({ status })).toBe(expected);
  });
});
