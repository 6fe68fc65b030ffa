import { describe, expect, it } from "vitest";
import type { Coaching, Feedback, InterviewRecord, Question, TurnResponse } from "./contract";
import { applyTurn, coachingView, currentQuestion, fromRecord, fromStart, progress, reportView, transcript, withPendingAnswer } from "./model";

// Shapes as the API returns them (captured from the offline engine).
const q = (id: string, text: string, kind: Question["kind"] = "main", phase = "role_skills"): Question => ({ id, text, phase, difficulty: 2, kind, step: 1, topic: "Backend Engineer", context_source: "none" });
const fb = (question_id: string, score: number): Feedback => ({
  question_id,
  score,
  rubric: { relevance: score, depth: score - 1, clarity: score, evidence: score + 1 },
  feedback: `Feedback for ${question_id}.`,
  insufficient_evidence: false,
  evaluated_by: "model",
});

const GREETING = "Hello, Ana! I'll be interviewing you for the Backend Engineer role. Let's begin.";
const Q1 = q("q1", "Tell me about the technical problem you have enjoyed solving most.", "main", "intro");
const Q2 = q("q2", "Compare two approaches you know for API design.");
const Q3 = q("q3", "Go one level deeper: how did it work?", "follow_up");
const setup = { job_title: " Backend Engineer ", question_type: "technical", question_style: "adaptive", company_name: "Parcelly" };

const base = { thread_id: "t1", role: "candidate", engine: "offline", max_steps: 2, results_shared: true } as const;
const start: TurnResponse = { ...base, status: "question", message: `${GREETING}\n\n${Q1.text}`, greeting: GREETING, current_step: 1, phase: "intro", question: Q1 };
const second: TurnResponse = { ...base, status: "question", message: Q2.text, current_step: 2, phase: "role_skills", question: Q2, feedback: fb("q1", 3.2) };
const third: TurnResponse = { ...base, status: "question", message: Q3.text, current_step: 2, phase: "role_skills", question: Q3, feedback: fb("q2", 6) };
const final = {
  overall_score: 5.7,
  recommendation: "lean_hire" as const,
  recommendation_label: "Lean hire",
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
  ...base,
  status: "completed",
  message: "Thank you, that's the end of the interview.",
  current_step: 2,
  feedback: fb("q3", 8),
  feedback_list: [fb("q1", 3.2), fb("q2", 6), fb("q3", 8)].map((f, i) => ({ ...f, question: [Q1, Q2, Q3][i]!.text, answer: `A${i + 1}` })),
  final_evaluation: final,
};

/** GET /interviews/t1 after two answers. */
const recordAfterTwo: InterviewRecord = {
  thread_id: "t1",
  status: "question",
  role: "candidate",
  results_shared: true,
  language: "en",
  has_cv: false,
  ended_early: false,
  retrieval: { topic: "", needs_retrieval: false, similarity_score: null, context_source: "none" },
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
    { question_id: "q2", text: "A2", channel: "audio" },
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
  it("shows the start reply's greeting, then the first question", () => {
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
    // The second answer was recorded: the server's transcript is what the candidate's bubble shows.
    const live = applyTurn(applyTurn(fromStart(start, setup), "A1", second), "", { ...third, transcript: "A2" });
    const reloaded = fromRecord(recordAfterTwo);
    expect(transcript(reloaded)).toEqual(transcript(live));
    expect(progress(reloaded)).toEqual(progress(live));
    expect(currentQuestion(reloaded)).toEqual(Q3);
  });

  it("knows an interview for a job, which its candidate's page offers no Erase for, from the record and from an invite's start", () => {
    expect(fromRecord(recordAfterTwo).forJob).toBe(false);
    expect(fromRecord({ ...recordAfterTwo, job_id: "job_1" }).forJob).toBe(true);
    expect(fromStart(start, setup).forJob).toBe(false);
    expect(fromStart(start, { ...setup, for_job: true }).forJob).toBe(true);
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

  it("shows an interview ended before any answer as not scored, with no recommendation", () => {
    const unscored = { ...done, final_evaluation: { ...done.final_evaluation!, overall_score: null, recommendation: null, recommendation_label: null, per_question: [] } };
    const report = reportView(applyTurn(fromRecord(recordAfterTwo), "A3", unscored))!;
    expect(report).toMatchObject({ overall: null, overallText: "—", recommendation: null, rows: [] });
  });

  it("is absent until there is a final evaluation", () => {
    expect(reportView(fromRecord(recordAfterTwo))).toBeUndefined();
  });
});

describe("a recorded answer", () => {
  it("is shown as the server transcribed it, marked as spoken", () => {
    const model = applyTurn(fromStart(start, setup), "", { ...second, transcript: "I cached merchant settings in Redis." });
    const answer = transcript(model).find((i) => i.type === "message" && i.role === "candidate");
    expect(answer).toMatchObject({ text: "I cached merchant settings in Redis.", spoken: true, questionId: "q1" });
  });
});

describe("report details", () => {
  it("takes the recommendation's words from the API, and shows per question the decision, its source and how it was scored", () => {
    const grounded: Question = { ...Q1, context_source: "cv", grounding: ["Led the Kubernetes migration at Parcelly (2021–2023)."], decision: { action: "ask_followup", reason: "The answer was thin on evidence.", by: "heuristic" } };
    const record: InterviewRecord = {
      ...recordAfterTwo,
      status: "completed",
      ended_early: true,
      questions: [grounded, Q2, Q3],
      evaluations: [{ ...fb("q1", 3.2), insufficient_evidence: true, evaluated_by: "heuristic" }, fb("q2", 6), fb("q3", 8)],
      final_evaluation: { ...final, recommendation: "lean_no_hire", recommendation_label: "Leaning towards no" },
    };
    const report = reportView(fromRecord(record))!;
    // Only some answers were scored by the heuristic: each of those rows says so.
    expect(report).toMatchObject({ recommendation: "Leaning towards no", tone: "weak", endedEarly: true, allHeuristic: false });
    expect(report.rows[0]).toMatchObject({
      decision: { label: "Followed up", reason: "The answer was thin on evidence.", byHeuristic: true },
      source: { label: "From the CV", grounding: ["Led the Kubernetes migration at Parcelly (2021–2023)."] },
      insufficientEvidence: true,
      heuristic: true,
    });
    expect(report.rows[1]).toMatchObject({ insufficientEvidence: false, heuristic: false });
    expect(report.rows[1]!.source).toBeUndefined();
    expect(progress(fromRecord(record))).toMatchObject({ text: "Ended early after 3 answers", fraction: 1 });
  });
});

describe("interviewing an AI candidate", () => {
  const CANDIDATE_HELLO = "Hello! Great to be here — I'm sure we'll have a great conversation.";
  const iStart: TurnResponse = { thread_id: "t9", role: "interviewer", engine: "offline", status: "awaiting_question", message: CANDIDATE_HELLO, greeting: CANDIDATE_HELLO, current_step: 0, max_steps: 3, results_shared: true };
  const reply = (text: string, step: number): TurnResponse => ({ ...iStart, greeting: undefined, message: text, current_step: step });
  const iSetup = { job_title: "Backend Engineer", question_type: "technical" };

  it("starts with the candidate's greeting and no question to answer: the human asks", () => {
    const model = fromStart(iStart, iSetup);
    expect(model.messages).toEqual([{ role: "candidate", text: CANDIDATE_HELLO }]);
    expect(currentQuestion(model)).toBeUndefined();
    expect(progress(model).text).toBe("No questions asked yet (3 planned)");
  });

  it("shows each question the human asked, numbered, followed by the candidate's answer, without feedback", () => {
    let model = fromStart(iStart, iSetup);
    expect(withPendingAnswer(model, " How did you scale it? ").messages.at(-1)).toEqual({ role: "interviewer", text: "How did you scale it?" });
    model = applyTurn(model, "How did you scale it?", reply("I'd adapt to whatever the team needs.", 1));
    model = applyTurn(model, "What went wrong?", reply("Nothing I recall.", 2));
    expect(transcript(model).map((i) => (i.type === "message" ? `${i.role}${i.label ? `[${i.label}]` : ""}:${i.text}` : i.type))).toEqual([
      `candidate:${CANDIDATE_HELLO}`,
      "interviewer[Question 1]:How did you scale it?",
      "candidate:I'd adapt to whatever the team needs.",
      "interviewer[Question 2]:What went wrong?",
      "candidate:Nothing I recall.",
    ]);
    expect(progress(model)).toMatchObject({ text: "2 of 3 planned questions asked", fraction: 2 / 3 });
  });

  it("marks a question the interviewer recorded as spoken, live and after a reload", () => {
    const live = applyTurn(fromStart(iStart, iSetup), "", { ...reply("It depends on the team.", 1), transcript: "How did you scale it?" });
    expect(transcript(live)[1]).toMatchObject({ role: "interviewer", text: "How did you scale it?", spoken: true });
    const record: InterviewRecord = {
      ...recordAfterTwo,
      role: "interviewer",
      questions: [{ ...q("q1", "How did you scale it?"), channel: "audio" }],
      answers: [{ question_id: "q1", text: "It depends on the team.", channel: "text" }],
      evaluations: [],
      messages: [
        { role: "candidate", text: CANDIDATE_HELLO },
        { role: "interviewer", text: "How did you scale it?", question_id: "q1" },
        { role: "candidate", text: "It depends on the team.", question_id: "q1" },
      ],
    };
    expect(transcript(fromRecord(record)).map((i) => i.type === "message" && i.spoken)).toEqual([false, true, false]);
  });

  const coaching: Coaching = {
    per_question: [
      { number: 1, text: "Tell me about a system you designed?", form: "open", multiple: false, follows_up: false, competency: "technical depth", flags: [] },
      { number: 2, text: "How old are you, and do you have kids?", form: "open", multiple: true, follows_up: false, flags: ["multiple", "unlawful: age"] },
      { number: 3, text: "Did you use Kafka?", form: "closed", multiple: false, follows_up: true, flags: ["closed"] },
    ],
    coverage: [
      { competency: "caching", covered: false },
      { competency: "technical depth", covered: true },
    ],
    talk_time: { interviewer_words: 29, candidate_words: 46, interviewer_share: 0.39 },
    follow_up_rate: 0.5,
    flagged_questions: [{ number: 2, text: "How old are you, and do you have kids?", category: "age", why: "Age is protected." }],
    advice: ["Don't ask about age."],
    candidate_assessment: { persona: "evasive", summary: "Played an evasive senior candidate.", score: 3.6 },
  };

  it("turns the coaching into what the report shows: forms, flags, coverage, talk time, follow-ups and the candidate's own account", () => {
    const record: InterviewRecord = {
      ...recordAfterTwo,
      thread_id: "t9",
      role: "interviewer",
      status: "completed",
      candidate_name: "Amara Raman",
      persona: { strength: "evasive", seniority: "senior", generated_cv: true },
      evaluations: [],
      coaching,
    };
    const view = coachingView(fromRecord(record))!;
    expect(view.candidate).toBe("Amara Raman, evasive senior candidate");
    expect(view.generatedCv).toBe(true);
    expect(view.questions.map((q) => [q.number, q.form, q.tone, q.multiple, q.followsUp, q.flags])).toEqual([
      [1, "Open", "good", false, false, []],
      [2, "Open", "good", true, false, ["unlawful: age"]],
      [3, "Closed", "ok", false, true, []],
    ]);
    expect(view).toMatchObject({ covered: ["technical depth"], missed: ["caching"], followUpRate: { text: "50%" }, advice: ["Don't ask about age."] });
    expect(view.talkTime).toMatchObject({ text: "You spoke 39% of the words", tone: "good" });
    expect(view.flagged).toEqual(coaching.flagged_questions);
    expect(view.assessment).toEqual({ persona: "Evasive", summary: "Played an evasive senior candidate.", scoreText: "3.6" });
    expect(reportView(fromRecord(record))).toBeUndefined();
  });
});
