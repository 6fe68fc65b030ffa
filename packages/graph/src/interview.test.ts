import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestRuntime, RecordingWebSearch, cvPdf } from "./testing/index.js";
import { isInterviewError } from "./errors.js";
import type { InterviewView, TurnView } from "./views.js";

const databaseUrl = inject("databaseUrl");

const GOOD =
  "At Parcelly I led the migration of our dispatch service to Kubernetes because deploys took 40 minutes. " +
  "First I containerised the service, then I wrote Terraform for the cluster, and as a result deploys dropped to 6 minutes and incidents fell by 30%.";

/** Further good answers, each a story of its own: the same answer twice is scored as a repeat. */
const MORE_GOOD = [
  "On the routing team I owned our event pipeline on Kafka, which lost about 2% of parcel scans. I added idempotent producers and a dead-letter topic, " +
    "chose at-least-once delivery over exactly-once because of its latency cost, and lost scans fell to 0.01% within a month.",
  "When our PostgreSQL database hit 90% CPU at peak, I profiled the slowest queries, added two composite indexes and moved reporting to a replica. " +
    "I rejected a bigger instance because it only bought time; p95 latency went from 800 ms to 120 ms.",
  "I mentor two junior engineers: we pair twice a week and I review their designs before code. One of them now leads our on-call rota, " +
    "and the team's review time fell from three days to one.",
];
const goodAnswer = (i: number) => (i === 0 ? GOOD : MORE_GOOD[(i - 1) % MORE_GOOD.length]!);

type TestRuntime = Awaited<ReturnType<typeof openTestRuntime>>;

async function finish(runtime: TestRuntime, view: TurnView | InterviewView): Promise<TurnView | InterviewView> {
  for (let i = 0; view.status !== "completed" && i < 40; i++) view = await runtime.service.answer(view.threadId, { text: goodAnswer(i) });
  return view;
}

describe("a full interview on PostgreSQL with the offline engine", () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await openTestRuntime(databaseUrl);
  });
  afterAll(() => runtime.close());

  it("runs from greeting to final assessment with one evaluation per answer", async () => {
    const start = await runtime.service.start({ jobTitle: "Backend Engineer", questionType: "technical", maxSteps: 3, company: "Acme", cvPdf: await cvPdf() });
    expect(start.status).toBe("question");
    expect(start.greeting).toMatch(/^Hello! I'll be interviewing you for the Backend Engineer role at Acme/);
    expect(start.message).toBe(start.question!.text);
    expect(start.currentStep).toBe(1);
    expect(start.engine).toBe("offline");

    const end = await finish(runtime, start);
    const record = await runtime.service.get(start.threadId);
    expect(end.status).toBe("completed");
    expect(end.currentStep).toBe(3);
    expect(record.answers.length).toBe(record.questions.length);
    expect(record.evaluations.map((e) => e.questionId)).toEqual(record.answers.map((a) => a.questionId));
    expect(record.questions.filter((q) => q.kind === "main")).toHaveLength(3);
    expect([...new Set(record.questions.map((q) => q.phase))]).toEqual(["intro", "role_skills", "closing"]);
    // Every answered question records what was decided after it, and why.
    expect(record.questions.every((q) => q.decision?.by === "heuristic" && q.decision.reason.length > 10)).toBe(true);
    expect(record.questions.at(-1)!.decision!.action).toBe("conclude");
    const final = end.finalEvaluation!;
    expect(final.perQuestion).toHaveLength(record.evaluations.length);
    expect(final.overallScore).toBeGreaterThan(5);
    expect(final.strengths.length).toBeGreaterThan(0);
    expect(final.summary).toContain("Backend Engineer");
    expect(record.messages.at(-1)!.text).toMatch(/end of the interview/);
    // One overall score in the closing words, the final evaluation's, not a second average beside
    // it (the dimensions' scores are in brackets); and addressed to the candidate throughout.
    const overallScores = [...record.messages.at(-1)!.text.replace(/\(\d+(?:\.\d+)?\/10\)/g, "").matchAll(/(\d+(?:\.\d+)?)\/10/g)].map((m) => Number(m[1]));
    expect(overallScores).toEqual([final.overallScore]);
    expect(record.messages.at(-1)!.text).not.toMatch(/the candidate/);
  });

  it("does not recommend hiring a candidate who pastes the same answer to every question", async () => {
    let view: TurnView | InterviewView = await runtime.service.start({ jobTitle: "Backend Engineer", questionType: "technical", maxSteps: 4, cvPdf: await cvPdf() });
    for (let i = 0; view.status !== "completed" && i < 20; i++) view = await runtime.service.answer(view.threadId, { text: GOOD });
    const record = await runtime.service.get(view.threadId);
    expect(record.evaluations[0]!.insufficientEvidence).toBe(false);
    expect(record.evaluations.slice(1).every((e) => e.insufficientEvidence && e.score <= 1.5)).toBe(true);
    expect(view.finalEvaluation!.recommendation).toMatch(/no_hire/);
  });

  it("gives the real reason for moving on after an answer with nothing to judge or off the question", async () => {
    const start = await runtime.service.start({ jobTitle: "Backend Engineer", questionType: "technical", maxSteps: 4 });
    await runtime.service.answer(start.threadId, { text: "I don't know." });
    await runtime.service.answer(start.threadId, {
      text: "At weekends I bake sourdough: I feed the starter on Friday night, shape the loaves on Saturday and bake them at 250 degrees in a cast-iron pot.",
    });
    const [dontKnow, offTopic] = (await runtime.service.get(start.threadId)).questions;
    expect(dontKnow!.decision).toMatchObject({ action: "new_question", reason: "The candidate did not know; moving on rather than pressing." });
    expect(offTopic!.decision).toMatchObject({ action: "new_question", reason: "The answer did not address the question; moving on." });
  });

  it("asks one follow-up for a thin answer, then moves on", async () => {
    const start = await runtime.service.start({ jobTitle: "Data Analyst", questionType: "behavioral", maxSteps: 2 });
    const followUp = await runtime.service.answer(start.threadId, { text: "I worked on some reports." });
    expect(followUp.question!.kind).toBe("follow_up");
    expect(followUp.question!.text).toContain("I worked on some reports");
    expect(followUp.currentStep).toBe(1);
    expect(followUp.evaluation!.followUpDue).toBe(true);
    const record = await runtime.service.get(start.threadId);
    expect(record.questions[0]!.decision).toMatchObject({ action: "ask_followup", by: "heuristic" });
    const next = await runtime.service.answer(start.threadId, { text: "They were fine." });
    expect(next.question!.kind).toBe("main");
    expect(next.currentStep).toBe(2);
  });

  it("rephrases the question when the candidate asks, without scoring the request", async () => {
    const start = await runtime.service.start({ jobTitle: "Designer", questionType: "behavioral", maxSteps: 2 });
    const clarified = await runtime.service.answer(start.threadId, { text: "Sorry, could you rephrase the question?" });
    expect(clarified.question!.kind).toBe("clarification");
    expect(clarified.evaluation).toBeNull();
    expect((await runtime.service.get(start.threadId)).evaluations).toHaveLength(0);
  });

  it("rephrases a question about the CV naming its organisation as the CV writes it", async () => {
    // The second of five questions is about a project or achievement of the CV.
    const start = await runtime.service.start({ jobTitle: "Backend Engineer", questionType: "technical", maxSteps: 5, cvPdf: await cvPdf() });
    const second = await runtime.service.answer(start.threadId, { text: GOOD });
    expect(second.question!.kind).toBe("main");
    const org = second.question!.text.match(/\b(Parcelly|Paynow)\b/)?.[1];
    expect(org, second.question!.text).toBeDefined();
    const clarified = await runtime.service.answer(start.threadId, { text: "Sorry, could you rephrase the question?" });
    expect(clarified.question!.kind).toBe("clarification");
    expect(clarified.question!.text).toContain(org);
    expect(clarified.question!.text).not.toContain(org!.toLowerCase());
  });

  it("resumes the same interview from a new runtime on the same database", async () => {
    const start = await runtime.service.start({ jobTitle: "SRE", questionType: "technical", maxSteps: 2 });
    const afterOne = await runtime.service.answer(start.threadId, { text: GOOD });
    const other = await openTestRuntime(databaseUrl);
    try {
      const resumed = await other.service.get(start.threadId);
      expect(resumed.question!.id).toBe(afterOne.question!.id);
      const end = await finish(other, resumed);
      expect(end.status).toBe("completed");
      expect((await other.service.get(start.threadId)).answers[0]!.text).toBe(GOOD);
    } finally {
      await other.close();
    }
  });

  it("refuses answers to unknown and finished interviews, and a second concurrent turn", async () => {
    await expect(runtime.service.answer("no-such-thread", { text: "hi" })).rejects.toMatchObject({ code: "not_found" });
    const start = await runtime.service.start({ jobTitle: "QA Engineer", questionType: "technical", maxSteps: 1 });
    const outcomes = await Promise.allSettled([runtime.service.answer(start.threadId, { text: GOOD }), runtime.service.answer(start.threadId, { text: GOOD })]);
    const codes = outcomes.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as { code: string }).code));
    expect(codes.filter((o) => o === "turn_in_progress")).toHaveLength(1);
    const record = await runtime.service.get(start.threadId);
    expect(record.answers.filter((x) => x.questionId === "q1")).toHaveLength(1);
    const done = await finish(runtime, record);
    await expect(runtime.service.answer(done.threadId, { text: GOOD })).rejects.toMatchObject({ code: "interview_completed" });
  });

  it("refuses an answer meant for another question, changing nothing", async () => {
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 3 });
    const second = await runtime.service.answer(start.threadId, { text: GOOD, questionId: "q1" });
    expect(second.question!.id).toBe("q2");
    // The reply to that answer was lost; the client sends it again, for q1: it must not answer q2.
    const resent = await runtime.service.answer(start.threadId, { text: GOOD, questionId: "q1" }).catch((e: unknown) => e);
    expect(isInterviewError(resent, "stale_question")).toBe(true);
    const record = await runtime.service.get(start.threadId);
    expect(record.answers).toHaveLength(1);
    expect(record.question!.id).toBe("q2");
  });

  it("replays the first reply to a request sent again with the same Idempotency-Key", async () => {
    const key = (k: string, fingerprint = "same body") => ({ principal: "anonymous", key: k, fingerprint });
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 3 }, { requestKey: key(`start-${Date.now()}`) });
    const k = `answer-${Date.now()}`;
    const first = await runtime.service.answer(start.threadId, { text: GOOD }, { requestKey: key(k) });
    const again = await runtime.service.answer(start.threadId, { text: GOOD }, { requestKey: key(k) });
    expect(again).toEqual(first);
    const record = await runtime.service.get(start.threadId);
    expect(record.answers).toHaveLength(1);
    await expect(runtime.service.answer(start.threadId, { text: "Something else" }, { requestKey: key(k, "other body") })).rejects.toMatchObject({ code: "idempotency_mismatch" });
  });

  it("limits answers by characters, not by UTF-16 units", async () => {
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 2 });
    const emoji = "🙂".repeat(10_000);
    const accepted = await runtime.service.answer(start.threadId, { text: emoji }).catch((e: unknown) => e);
    expect(isInterviewError(accepted)).toBe(false);
    const start2 = await runtime.service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 2 });
    await expect(runtime.service.answer(start2.threadId, { text: `${emoji}!` })).rejects.toMatchObject({ code: "answer_too_long" });
  });

  it("rejects a duplicate id and bad fields before creating anything", async () => {
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "mixed", threadId: `dup-${Date.now()}` });
    await expect(runtime.service.start({ jobTitle: "Engineer", questionType: "mixed", threadId: start.threadId })).rejects.toMatchObject({ code: "thread_exists" });
    for (const bad of [
      { jobTitle: "", questionType: "technical" },
      { jobTitle: "Engineer", questionType: "astrology" },
      { jobTitle: "Engineer", questionType: "technical", maxSteps: 21 },
      { jobTitle: "Engineer", questionType: "technical", role: "spectator" },
    ]) {
      const error = await runtime.service.start(bad).catch((e: unknown) => e);
      expect(isInterviewError(error, "invalid_input")).toBe(true);
    }
  });

  it("accepts the reference's style names as question types", async () => {
    const view = await runtime.service.start({ jobTitle: "Engineer", questionType: "narrow_up", maxSteps: 2 });
    const record = await runtime.service.get(view.threadId);
    expect(record.setup.questionType).toBe("mixed");
    expect(record.setup.questionStyle).toBe("narrow_up");
  });

  it("ends early with a report over the answered questions, and ending again changes nothing", async () => {
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 5 });
    await runtime.service.answer(start.threadId, { text: GOOD });
    const ended = await runtime.service.end(start.threadId);
    expect(ended.status).toBe("completed");
    expect(ended.finalEvaluation!.perQuestion).toHaveLength(1);
    const record = await runtime.service.get(start.threadId);
    expect(record.endedEarly).toBe(true);
    expect(record.questions).toHaveLength(2);
    expect(record.answers).toHaveLength(1);
    await expect(runtime.service.end(start.threadId)).resolves.toEqual(ended);
    await expect(runtime.service.answer(start.threadId, { text: GOOD })).rejects.toMatchObject({ code: "interview_completed" });
  });

  it("ends an interview with no answers with a report that says so", async () => {
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "technical", maxSteps: 5 });
    const ended = await runtime.service.end(start.threadId);
    // No score and no recommendation: a no-show is not a failed candidate.
    expect(ended.finalEvaluation).toMatchObject({ perQuestion: [], overallScore: null, recommendation: null });
    expect(ended.finalEvaluation!.summary).toMatch(/before any question was answered/);
    expect(ended.message).not.toMatch(/score/i);
  });

  it("erases an interview and its CV on delete", async () => {
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "technical", cvText: "Skills: Kafka, Go\nExperience\nBuilt Kafka pipelines at Parcelly." });
    await runtime.service.erase(start.threadId);
    await expect(runtime.service.get(start.threadId)).rejects.toMatchObject({ code: "not_found" });
    const { rows } = await runtime.database.pool.query(
      `select (select count(*) from checkpoints where thread_id = $1) + (select count(*) from checkpoint_blobs where thread_id = $1)
         + (select count(*) from checkpoint_writes where thread_id = $1) + (select count(*) from interview_cv_chunks where thread_id = $1) as n`,
      [start.threadId],
    );
    expect(Number(rows[0].n)).toBe(0);
  });

  it("never serves an erased CV to a new interview under the same id, whichever process built its index", async () => {
    const other = await openTestRuntime(databaseUrl);
    const threadId = `reused-${Date.now()}`;
    const job = { jobTitle: "Data Engineer", questionType: "technical", maxSteps: 5, jobDescription: "Streaming systems with Kafka." };
    const reachStandoutSkills = async (rt: TestRuntime) => {
      let view = await rt.service.answer(threadId, { text: GOOD });
      for (let i = 0; i < 6 && view.question!.phase !== "standout_skills"; i++) view = await rt.service.answer(threadId, { text: GOOD });
      return rt.service.get(threadId);
    };
    try {
      // Two CVs with the same number of passages; the old one is indexed by this process.
      await runtime.service.start({ ...job, threadId, cvText: "Experience\nDesigned an event pipeline on Kafka handling 12k messages per second at Parcelly." });
      const before = await reachStandoutSkills(runtime);
      expect(before.retrieval.contextSource).toBe("cv");
      await other.service.erase(threadId);
      await other.service.start({ ...job, threadId, cvText: "Experience\nRan a Kafka reading group and baked sourdough at Crumb Bakery every weekend." });
      const after = await reachStandoutSkills(runtime);
      const grounding = after.questions.flatMap((q) => q.grounding ?? []).join(" ");
      expect(grounding).toContain("Crumb Bakery");
      expect(grounding).not.toContain("Parcelly");
    } finally {
      await other.close();
    }
  });
});

describe("retrieval decision", () => {
  const cvText = "Experience\nDesigned an event pipeline on Kafka handling 12k messages per second at Parcelly.";
  const jobDescription = "You will build streaming systems with Kafka and deploy them on Kubernetes.";

  async function secondQuestion(options: { cv?: boolean; web?: RecordingWebSearch | null }) {
    const runtime = await openTestRuntime(databaseUrl, { webSearch: options.web ?? null });
    try {
      const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 5, company: "Acme", jobDescription, cvText: options.cv ? cvText : undefined });
      // Intro needs no grounding; the next main questions (projects, standout skills) do.
      let view = await runtime.service.answer(start.threadId, { text: GOOD });
      while (view.question!.kind !== "main") view = await runtime.service.answer(start.threadId, { text: GOOD });
      view = await runtime.service.answer(view.threadId, { text: GOOD });
      while (view.question!.kind !== "main") view = await runtime.service.answer(view.threadId, { text: GOOD });
      return await runtime.service.get(start.threadId);
    } finally {
      await runtime.close();
    }
  }

  it("uses the CV when it covers the topic, recording the score and the passage", async () => {
    const view = await secondQuestion({ cv: true, web: new RecordingWebSearch() });
    expect(view.question!.phase).toBe("standout_skills");
    expect(view.question!.topic).toBe("Kafka");
    expect(view.retrieval.contextSource).toBe("cv");
    expect(view.retrieval.similarityScore).toBeGreaterThanOrEqual(0.12);
    expect(view.question!.grounding!.join(" ")).toContain("12k messages per second");
  });

  it("falls back to web search below the threshold", async () => {
    const web = new RecordingWebSearch();
    const view = await secondQuestion({ cv: false, web });
    expect(view.retrieval.contextSource).toBe("web");
    expect(view.question!.contextSource).toBe("web");
    expect(web.queries.some((q) => q.includes("Acme") && q.includes("Data Engineer"))).toBe(true);
    expect(view.question!.grounding![0]).toContain("3,000 fleets");
  });

  it("asks its question without web context when the search hangs or fails", async () => {
    for (const web of [new RecordingWebSearch([], "hang"), new RecordingWebSearch([], "fail")]) {
      const runtime = await openTestRuntime(databaseUrl, { webSearch: web }, { WEB_SEARCH_TIMEOUT_MS: "300" });
      try {
        const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 5, company: "Acme", jobDescription });
        const view = await runtime.service.answer(start.threadId, { text: GOOD });
        expect(view.question!.contextSource).toBe("none");
        expect(web.queries.length).toBeGreaterThan(0);
      } finally {
        await runtime.close();
      }
    }
  });

  it("keeps a follow-up on its question's topic and context without searching again", async () => {
    const web = new RecordingWebSearch();
    const runtime = await openTestRuntime(databaseUrl, { webSearch: web });
    try {
      const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 5, jobDescription, cvText });
      const grounded = await runtime.service.answer(start.threadId, { text: GOOD });
      expect(grounded.question!.phase).toBe("projects");
      const before = await runtime.service.get(start.threadId);
      expect(before.retrieval.needsRetrieval).toBe(true);
      const searches = web.queries.length;
      const followUp = await runtime.service.answer(start.threadId, { text: "I worked on some reports." });
      expect(followUp.question!.kind).toBe("follow_up");
      expect(followUp.question!.topic).toBe(grounded.question!.topic);
      expect(followUp.question!.contextSource).toBe(grounded.question!.contextSource);
      expect((await runtime.service.get(start.threadId)).retrieval.needsRetrieval).toBe(false);
      expect(web.queries.length).toBe(searches);
    } finally {
      await runtime.close();
    }
  });

  it("records none when search is not configured", async () => {
    const view = await secondQuestion({ cv: false, web: null });
    expect(view.retrieval.contextSource).toBe("none");
    expect(view.retrieval.needsRetrieval).toBe(true);
  });
});
