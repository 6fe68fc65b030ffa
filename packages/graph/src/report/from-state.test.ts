import { describe, expect, it } from "vitest";
import type { Answer, Evaluation, FinalEvaluation, Question } from "../types.js";
import { reportFromState, type ReportSource } from "./from-state.js";
import { COACHING } from "./test-fixtures.js";

const question = (id: string, kind: Question["kind"], step: number, extra: Partial<Question> = {}): Question => ({
  id, text: `Question ${id}?`, phase: "projects", difficulty: 2, kind, step, topic: "go", contextSource: "none", ...extra,
});
const evaluation = (questionId: string, score: number, extra: Partial<Evaluation> = {}): Evaluation => ({
  questionId, score, rubric: { relevance: score, depth: score, clarity: score, evidence: score }, feedback: `Feedback on ${questionId}`,
  followUpDue: false, insufficientEvidence: false, evaluatedBy: "model", ...extra,
});
const final: FinalEvaluation = {
  overallScore: 6.8, recommendation: "lean_hire", strengths: ["Clear"], improvements: ["Depth"], perQuestion: [], summary: "Solid.",
};

function state(overrides: Partial<ReportSource> = {}): ReportSource {
  const answers: Answer[] = [
    { questionId: "q1", text: "Built it in Go.", channel: "text" },
    { questionId: "q2", text: "Not sure.", channel: "voice" },
  ];
  return {
    role: "candidate", jobTitle: "Backend Engineer", company: "Acme", candidateName: "Иван Петров", interviewerName: undefined, engine: "offline", status: "completed",
    endedEarly: false, maxSteps: 2, questionType: "technical", questionStyle: "adaptive", coaching: null,
    questions: [
      question("q1", "main", 1, {
        contextSource: "web",
        grounding: ["Acme engineering blog: we moved settlement to streaming https://acme.example/blog/streaming in 2024"],
        decision: { action: "ask_followup", reason: "No numbers given.", by: "model" },
      }),
      question("q2", "follow_up", 1),
      question("q3", "main", 2),
    ],
    answers,
    evaluations: [evaluation("q1", 7), evaluation("q2", 1, { insufficientEvidence: true, evaluatedBy: "heuristic" })],
    finalEvaluation: final,
    ...overrides,
  };
}

describe("report from the interview state", () => {
  it("numbers questions in order and names follow-ups as such", () => {
    const doc = reportFromState("t-1", state());
    expect(doc.questions.map((q) => [q.number, q.label])).toEqual([[1, "Question 1"], [2, "Follow-up"], [3, "Question 2"]]);
  });

  it("carries each answer with its score, decision, source and flags, and leaves the unanswered bare", () => {
    const [first, second, third] = reportFromState("t-1", state()).questions;
    expect(first).toMatchObject({
      answer: "Built it in Go.", channel: "text", score: 7, feedback: "Feedback on q1", evaluatedBy: "model",
      decision: { action: "ask_followup", reason: "No numbers given." },
      grounding: { source: "web", fact: "Acme engineering blog: we moved settlement to streaming https://acme.example/blog/streaming in 2024", url: "https://acme.example/blog/streaming" },
    });
    expect(second).toMatchObject({ channel: "voice", score: 1, insufficientEvidence: true, evaluatedBy: "heuristic", grounding: { source: "none" } });
    expect(third!.answer).toBeUndefined();
    expect(third!.score).toBeUndefined();
  });

  it("titles the report with the job and company and labels the recommendation", () => {
    const doc = reportFromState("t-1", state(), { createdAt: new Date("2025-03-04T09:30:00Z") });
    expect(doc).toMatchObject({ interviewId: "t-1", title: "Backend Engineer at Acme", candidateName: "Иван Петров", createdAt: "2025-03-04T09:30:00.000Z", role: "candidate" });
    expect(doc.overall).toMatchObject({ score: 6.8, recommendation: "lean_hire", recommendationLabel: "Lean hire", summary: "Solid." });
  });

  it("reports an interview the candidate ended as ended early", () => {
    expect(reportFromState("t-1", state({ endedEarly: true })).endedEarly).toBe(true);
    expect(reportFromState("t-1", state()).endedEarly).toBe(false);
  });

  it("gives no overall score when nothing was answered, rather than a zero", () => {
    const doc = reportFromState("t-1", state({ answers: [], evaluations: [], finalEvaluation: { ...final, overallScore: 0, recommendation: "no_hire" } }));
    expect(doc.overall).toBeUndefined();
  });

  it("names the human as the interviewer in role reversal and carries the coaching", () => {
    const doc = reportFromState("t-1", state({ role: "interviewer", candidateName: "Ana Lima", interviewerName: "יעל כהן", coaching: { ...COACHING } }));
    // The human interviewer, and the AI candidate named by its CV: never the one for the other.
    expect(doc.interviewerName).toBe("יעל כהן");
    expect(doc.candidateName).toBe("Ana Lima");
    expect(doc.interviewer?.flaggedQuestions[0]?.category).toBe("Family status");
  });

  it("leaves out coaching that is incomplete", () => {
    // A coaching record from an older version of the engine, missing most of its parts.
    const partial = { advice: [] } as unknown as NonNullable<ReportSource["coaching"]>;
    expect(reportFromState("t-1", state({ role: "interviewer", coaching: partial })).interviewer).toBeUndefined();
  });
});
