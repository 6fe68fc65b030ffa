import { describe, expect, it } from "vitest";
import { applyTurn, currentQuestion, fromRecord, fromStart, progress, reportView, transcript, withPendingAnswer } from "./model";
import type { Feedback, InterviewRecord, Question, TurnResponse } from "./types";

// Shapes as the API returns them (captured from the offline engine).
const q = (id: string, text: string, kind: Question["kind"] = "main", phase = "role_skills"): Question => ({ id, text, phase, difficulty: 2, kind, context_source: "none" });
const fb = (question_id: string, score: number): Feedback => ({ question_id, score, rubric: { relevance: score, depth: score - 1, clarity: score, evidence: score + 1 }, feedback: `Feedback for ${question_id}.` });

const GREETING = "Hello, Ana! I'll be interviewing you for the Backend Engineer role. Let's begin.";
const Q1 = q("q1", "Tell me about the technical problem you have enjoyed solving most.", "main", "intro");
const Q2 = q("q2", "Compare two approaches you know for API design.");
const Q3 = q("q3", "Go one level deeper: how did it work?", "follow_up");
const setup = { job_title: " Backend Engineer ", question_type: "technical", question_style: "adaptive", company_name: "Parcelly" };

const start: TurnResponse = { thread_id: "t1", status: "question", message: `${GREETING}\n\n${Q1.text}`, current_step: 1, max_steps: 2, engine: "offline", phase: "intro", question: Q1 };
const second: TurnResponse = { thread_id: "t1", status: "question", message: Q2.text, current_step: 2, max_steps: 2, engine: "offline", phase: "role_skills", question: Q2, feedback: fb("q1", 3.2) };
const third: TurnResponse = { thread_id: "t1", status: "question", message: Q3.text, current_step: 2, max_steps: 2, engine: "offline", phase: "role_skills", question: Q3, feedback: fb("q2", 6) };
const final = {
  overall_score: 5.7,
  recommendation: "lean_hire" as const,
  strengths: ["Concrete numbers."],
  improvements: ["Go deeper."],
  per_question: [
    { question_id: "q1", question: Q1.text, score: 3.2, feedback: "Thin." },
    { question_id: "q2", question: Q2.text, score: 6, feedback: "Partial." },
    { question_id: "q3", question: Q3.text, score: 8, feedback: "Strong." },
  ],
  summary: "Averaged 5.7/10.",
};
const done: TurnResponse = {
  thread_id: "t1",
  status: "completed",
  message: "Thank you, that's the end of the interview.",
  current_step: 2,
  max_steps: 2,
  engine: "offline",
  feedback: fb("q3", 8),
  feedback_list: [fb("q1", 3.2), fb("q2", 6), fb("q3", 8)].map((f, i) => ({ ...f, question: [Q1, Q2, Q3][i]!.text, answer: `A${i + 1}` })),
  final_evaluation: final,
};

/** GET /interviews/t1 after two answers. */
const recordAfterTwo: InterviewRecord = {
  thread_id: "t1",
  status: "question",
  current_step: 2,
  max_steps: 2,
  job_title: "Backend Engineer",
  question_type: "technical",
  question_style: "adaptive",
  company_name: "Parcelly",
  engine: "offline",
  phase: "role_skills",
  difficulty: 2,
  questions: [Q1, Q2, Q3],
  answers: [
    { question_id: "q1", text: "A1", channel: "text" },
    { question_id: "q2", text: "A2", channel: "voice" },
  ],
  evaluations: [fb("q1", 3.2), fb("q2", 6)],
  messages: [
    { role: "interviewer", text: GREETING },
    { role: "interviewer", text: Q1.text, question_id: "q1" },
    { role: "candidate", text: "A1", question_id: "q1" },
    { role: "interviewer", text: Q2.text, question_id: "q2" },
    { role: "candidate", text: "A2", question_id: "q2" },
    { role: "interviewer", text: Q3.text, question_id: "q3" },
  ],
};

describe("interview model", () => {
  it("splits the start reply into the greeting and the first question", () => {
    const model = fromStart(start, setup);
    expect(model.messages).toEqual([
      { role: "interviewer", text: GREETING },
      { role: "interviewer", text: Q1.text, question_id: "q1" },
    ]);
    expect(model.jobTitle).toBe("Backend Engineer");
    expect(currentQuestion(model)?.id).toBe("q1");
  });

  it("after each answer, shows the answer, its feedback and the next question", () => {
    const model = applyTurn(fromStart(start, setup), "  A1  ", second);
    const items = transcript(model);
    expect(items.map((i) => (i.type === "message" ? `${i.role}:${i.text}` : `feedback:${i.scoreText}`))).toEqual([
      `interviewer:${GREETING}`,
      `interviewer:${Q1.text}`,
      "candidate:A1",
      "feedback:3.2/10",
      `interviewer:${Q2.text}`,
    ]);
    expect(items.filter((i) => i.type === "message" && i.isCurrent).map((i) => i.type === "message" && i.questionId)).toEqual(["q2"]);
  });

  it("rebuilds the same conversation from GET /interviews as the live turns built (so a reload resumes exactly)", () => {
    const live = applyTurn(applyTurn(fromStart(start, setup), "A1", second), "A2", third);
    const reloaded = fromRecord(recordAfterTwo);
    expect(transcript(reloaded)).toEqual(transcript(live));
    expect(progress(reloaded)).toEqual(progress(live));
    expect(currentQuestion(reloaded)).toEqual(Q3);
  });

  it("labels main questions by number and marks follow-ups", () => {
    const labels = transcript(fromRecord(recordAfterTwo)).flatMap((i) => (i.type === "message" && i.label ? [i.label] : []));
    expect(labels).toEqual(["Question 1", "Question 2", "Follow-up"]);
  });

  it("shows progress as question n of N with the phase, flagging follow-ups", () => {
    expect(progress(fromStart(start, setup))).toMatchObject({ text: "Question 1 of 2", phase: "Introduction", fraction: 0, isFollowUp: false });
    expect(progress(fromRecord(recordAfterTwo))).toMatchObject({ text: "Question 2 of 2", phase: "Role skills", fraction: 0.5, isFollowUp: true });
  });

  it("shows a pending answer at once, before the reply", () => {
    const model = withPendingAnswer(fromStart(start, setup), "My answer ");
    expect(model.messages.at(-1)).toEqual({ role: "candidate", text: "My answer", question_id: "q1" });
    expect(currentQuestion(model)?.id).toBe("q1");
  });

  it("at the end, adds the closing message, the final evaluation and reports completion", () => {
    const model = applyTurn(fromRecord(recordAfterTwo), "A3", done);
    expect(model.status).toBe("completed");
    expect(model.messages.at(-1)).toEqual({ role: "interviewer", text: done.message });
    expect(progress(model)).toMatchObject({ text: "All 2 questions answered", fraction: 1 });
    expect(currentQuestion(model)).toBeUndefined();
  });
});

describe("report view", () => {
  it("summarises score, recommendation and every question, with its rubric and chart bar", () => {
    const report = reportView(applyTurn(fromRecord(recordAfterTwo), "A3", done))!;
    expect(report).toMatchObject({ title: "Backend Engineer at Parcelly", overallText: "5.7", recommendation: "Lean hire", tone: "ok", strengths: ["Concrete numbers."] });
    expect(report.rows.map((r) => [r.number, r.kind, r.scoreText])).toEqual([
      [1, "Question 1", "3.2"],
      [2, "Question 2", "6"],
      [3, "Follow-up", "8"],
    ]);
    expect(report.rows[2]!.rubric).toEqual(fb("q3", 8).rubric);
    expect(report.chart.map((c) => [c.label, c.score])).toEqual([
      ["Q1", 3.2],
      ["Q2", 6],
      ["Q3", 8],
    ]);
  });

  it("is absent until there is a final evaluation", () => {
    expect(reportView(fromRecord(recordAfterTwo))).toBeUndefined();
  });
});
