import { describe, expect, it } from "vitest";
import { routeAfterAnswer, routeAfterCv, routeAfterEvaluation, routeAfterQuestion, routeRetrieval, toGeneration } from "./routing.js";
import type { HeuristicEvaluation } from "./heuristics/index.js";

const pending = { questionId: "q1" } as HeuristicEvaluation;

describe("routing", () => {
  it.each([
    { pendingEvaluation: null, expected: ["generateQuestion"] },
    { pendingEvaluation: pending, expected: ["generateQuestion", "evaluateAnswer"] },
  ])("generation runs beside a pending evaluation ($expected)", ({ pendingEvaluation, expected }) => {
    expect(toGeneration({ pendingEvaluation })).toEqual(expected);
  });

  it.each([
    { needsRetrieval: false, cvId: "cv", web: true, expected: ["generateQuestion"] },
    { needsRetrieval: true, cvId: "cv", web: true, expected: ["retrieveCv"] },
    { needsRetrieval: true, cvId: null, web: true, expected: ["webSearch"] },
    { needsRetrieval: true, cvId: null, web: false, expected: ["generateQuestion"] },
  ])("retrieval route: needs=$needsRetrieval cv=$cvId web=$web → $expected", ({ needsRetrieval, cvId, web, expected }) => {
    expect(routeRetrieval(web)({ needsRetrieval, cvId, pendingEvaluation: null })).toEqual(expected);
  });

  it.each([
    { contextSource: "cv" as const, web: true, expected: ["generateQuestion"] },
    { contextSource: "none" as const, web: true, expected: ["webSearch"] },
    { contextSource: "none" as const, web: false, expected: ["generateQuestion"] },
  ])("after CV search: $contextSource with web=$web → $expected", ({ contextSource, web, expected }) => {
    expect(routeAfterCv(web)({ contextSource, pendingEvaluation: null })).toEqual(expected);
  });

  it.each([
    { case: "the triage concluded", status: "concluding" as const, pendingEvaluation: pending, needsRetrieval: false, expected: ["evaluateAnswer"] },
    { case: "ended early", status: "concluding" as const, pendingEvaluation: null, needsRetrieval: false, expected: ["finalAssessment"] },
    { case: "a follow-up", status: "question" as const, pendingEvaluation: pending, needsRetrieval: false, expected: ["generateQuestion", "evaluateAnswer"] },
    { case: "a new question", status: "question" as const, pendingEvaluation: pending, needsRetrieval: true, expected: ["retrieveCv"] },
    { case: "a clarification", status: "question" as const, pendingEvaluation: null, needsRetrieval: false, expected: ["generateQuestion"] },
  ])("after an answer ($case) → $expected", ({ status, pendingEvaluation, needsRetrieval, expected }) => {
    expect(routeAfterAnswer(false)({ status, needsRetrieval, cvId: "cv", pendingEvaluation })).toEqual(expected);
  });

  it.each([
    { status: "concluding" as const, expected: "finalAssessment" },
    { status: "question" as const, expected: "awaitAnswer" },
  ])("after a question (the model may conclude): $status → $expected", ({ status, expected }) => {
    expect(routeAfterQuestion({ status })).toBe(expected);
  });

  it.each([
    { status: "concluding" as const, expected: ["finalAssessment"] },
    { status: "question" as const, expected: [] },
  ])("after an evaluation: $status → $expected", ({ status, expected }) => {
    expect(routeAfterEvaluation({ status })).toEqual(expected);
  });
});
