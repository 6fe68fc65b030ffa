import { describe, expect, it } from "vitest";
import { composeOfflineQuestion } from "./questions.js";
import type { QuestionRequest } from "../model.js";
import { planPhases, questionTypeFor } from "../../plan.js";

const base: QuestionRequest = {
  jobTitle: "Backend Engineer",
  company: "Acme",
  jobTerms: ["Kafka", "PostgreSQL"],
  language: "en",
  questionType: "technical",
  questionStyle: "adaptive",
  phase: "projects",
  difficulty: 2,
  step: 2,
  maxSteps: 5,
  kind: "main",
  topic: "RouteWise",
  cvProfile: { skills: ["Go"], technologies: ["Go", "Kafka"], projects: ["RouteWise"], employers: ["Parcelly"] },
  context: [],
  contextSource: "none",
  askedQuestions: [],
  seed: "thread-1",
};

describe("offline questions", () => {
  it("templates questions with the CV's projects and the job", () => {
    expect(composeOfflineQuestion(base)).toContain("RouteWise");
    expect(composeOfflineQuestion({ ...base, phase: "intro", topic: "Backend Engineer", step: 1 })).toMatch(/Backend Engineer|background|stack|experience/);
  });

  it("is deterministic for a thread and varies between threads", () => {
    expect(composeOfflineQuestion(base)).toBe(composeOfflineQuestion({ ...base }));
    const variants = new Set(["a", "b", "c", "d", "e", "f", "g"].map((seed) => composeOfflineQuestion({ ...base, seed })));
    expect(variants.size).toBeGreaterThan(1);
  });

  it("never repeats a question within a 20-question interview of any type", () => {
    for (const questionType of ["technical", "behavioral", "mixed", "system_design"] as const) {
      const asked: string[] = [];
      planPhases(20).forEach((phase, i) => {
        const text = composeOfflineQuestion({
          ...base,
          questionType: questionTypeFor(questionType, i + 1),
          phase,
          step: i + 1,
          maxSteps: 20,
          topic: "Kafka",
          askedQuestions: asked,
        });
        expect(asked).not.toContain(text);
        asked.push(text);
      });
    }
  });

  it("follows up by quoting the candidate's own answer", () => {
    const text = composeOfflineQuestion({
      ...base,
      kind: "follow_up",
      previous: { question: "Walk me through RouteWise.", answer: "It was a route optimiser. We made it 3x faster with A* search.", missing: ["depth"] },
    });
    expect(text).toContain("We made it 3x faster with A* search");
  });

  it("grounds a question in the retrieved CV passage", () => {
    const text = composeOfflineQuestion({
      ...base,
      phase: "standout_skills",
      topic: "Kafka",
      contextSource: "cv",
      context: ["Designed an event pipeline on Kafka handling 12k messages per second."],
    });
    expect(text).toContain('Your CV mentions "Designed an event pipeline on Kafka');
  });

  it("asks harder questions at higher difficulty", () => {
    const easy = composeOfflineQuestion({ ...base, difficulty: 1 });
    const hard = composeOfflineQuestion({ ...base, difficulty: 5 });
    expect(hard.length).toBeGreaterThan(easy.length);
    expect(hard).toMatch(/ten times the scale/);
  });
});
