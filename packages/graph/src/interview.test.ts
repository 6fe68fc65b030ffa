import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestRuntime, RecordingWebSearch, cvPdf } from "./testing/index.js";
import { isInterviewError } from "./errors.js";
import type { TurnView } from "./service.js";

const databaseUrl = inject("databaseUrl");

const GOOD =
  "At Parcelly I led the migration of our dispatch service to Kubernetes because deploys took 40 minutes. " +
  "First I containerised the service, then I wrote Terraform for the cluster, and as a result deploys dropped to 6 minutes and incidents fell by 30%.";

async function finish(runtime: Awaited<ReturnType<typeof openTestRuntime>>, view: TurnView): Promise<TurnView> {
  for (let i = 0; view.status !== "completed" && i < 40; i++) view = await runtime.service.answer(view.threadId, GOOD);
  return view;
}

describe("a full interview on PostgreSQL with the offline engine", () => {
  let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  beforeAll(async () => {
    runtime = await openTestRuntime(databaseUrl);
  });
  afterAll(() => runtime.close());

  it("runs from greeting to final assessment with one evaluation per answer", async () => {
    const start = await runtime.service.start({
      jobTitle: "Backend Engineer",
      questionType: "technical",
      maxSteps: 3,
      company: "Acme",
      cvPdf: await cvPdf(),
    });
    expect(start.status).toBe("question");
    expect(start.message).toMatch(/^Hello! I'll be interviewing you for the Backend Engineer role at Acme/);
    expect(start.currentStep).toBe(1);
    expect(start.state.engine).toBe("offline");

    const end = await finish(runtime, start);
    const { state } = end;
    expect(end.status).toBe("completed");
    expect(end.currentStep).toBe(3);
    expect(state.answers.length).toBe(state.questions.length);
    expect(state.evaluations.map((e) => e.questionId)).toEqual(state.answers.map((a) => a.questionId));
    expect(state.questions.filter((q) => q.kind === "main")).toHaveLength(3);
    expect(state.questions.map((q) => q.phase).filter((p, i, a) => a.indexOf(p) === i)).toEqual(["intro", "role_skills", "closing"]);
    const final = end.finalEvaluation!;
    expect(final.perQuestion).toHaveLength(state.evaluations.length);
    expect(final.overallScore).toBeGreaterThan(5);
    expect(final.strengths.length).toBeGreaterThan(0);
    expect(final.summary).toContain("Backend Engineer");
    expect(state.messages.at(-1)!.text).toMatch(/end of the interview/);
  });

  it("asks one follow-up for a thin answer, then moves on", async () => {
    const start = await runtime.service.start({ jobTitle: "Data Analyst", questionType: "behavioral", maxSteps: 2 });
    const followUp = await runtime.service.answer(start.threadId, "I worked on some reports.");
    expect(followUp.question!.kind).toBe("follow_up");
    expect(followUp.question!.text).toContain("I worked on some reports");
    expect(followUp.currentStep).toBe(1);
    expect(followUp.evaluation!.followUpDue).toBe(true);
    const next = await runtime.service.answer(start.threadId, "They were fine.");
    expect(next.question!.kind).toBe("main");
    expect(next.currentStep).toBe(2);
  });

  it("rephrases the question when the candidate asks, without scoring the request", async () => {
    const start = await runtime.service.start({ jobTitle: "Designer", questionType: "behavioral", maxSteps: 2 });
    const clarified = await runtime.service.answer(start.threadId, "Sorry, could you rephrase the question?");
    expect(clarified.question!.kind).toBe("clarification");
    expect(clarified.evaluation).toBeNull();
    expect(clarified.state.evaluations).toHaveLength(0);
  });

  it("resumes the same thread from a new runtime on the same database", async () => {
    const start = await runtime.service.start({ jobTitle: "SRE", questionType: "technical", maxSteps: 2 });
    const afterOne = await runtime.service.answer(start.threadId, GOOD);
    const other = await openTestRuntime(databaseUrl);
    try {
      const resumed = await other.service.get(start.threadId);
      expect(resumed.question!.id).toBe(afterOne.question!.id);
      const end = await finish(other, resumed);
      expect(end.status).toBe("completed");
      expect(end.state.answers[0]!.text).toBe(GOOD);
    } finally {
      await other.close();
    }
  });

  it("refuses answers to unknown and finished interviews, and a second concurrent turn", async () => {
    await expect(runtime.service.answer("no-such-thread", "hi")).rejects.toMatchObject({ code: "not_found", status: 404 });
    const start = await runtime.service.start({ jobTitle: "QA Engineer", questionType: "technical", maxSteps: 1 });
    const [a, b] = await Promise.allSettled([
      runtime.service.answer(start.threadId, GOOD),
      runtime.service.answer(start.threadId, GOOD),
    ]);
    const outcomes = [a, b].map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as { code: string }).code)).sort();
    expect(outcomes.filter((o) => o === "turn_in_progress")).toHaveLength(1);
    const state = (await runtime.service.get(start.threadId)).state;
    expect(state.answers.filter((x) => x.questionId === "q1")).toHaveLength(1);
    const done = await finish(runtime, await runtime.service.get(start.threadId));
    await expect(runtime.service.answer(done.threadId, GOOD)).rejects.toMatchObject({ code: "interview_completed", status: 409 });
  });

  it("rejects a duplicate thread_id and bad fields before creating anything", async () => {
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "mixed", threadId: `dup-${Date.now()}` });
    await expect(runtime.service.start({ jobTitle: "Engineer", questionType: "mixed", threadId: start.threadId })).rejects.toMatchObject({ code: "thread_exists" });
    for (const bad of [
      { jobTitle: "", questionType: "technical" },
      { jobTitle: "Engineer", questionType: "astrology" },
      { jobTitle: "Engineer", questionType: "technical", maxSteps: 21 },
    ]) {
      const error = await runtime.service.start(bad).catch((e: unknown) => e);
      expect(isInterviewError(error, "invalid_input")).toBe(true);
    }
  });

  it("accepts the reference's style names as question types", async () => {
    const view = await runtime.service.start({ jobTitle: "Engineer", questionType: "narrow_up", maxSteps: 2 });
    expect(view.state.questionType).toBe("mixed");
    expect(view.state.questionStyle).toBe("narrow_up");
  });

  it("erases an interview and its CV on delete", async () => {
    const start = await runtime.service.start({ jobTitle: "Engineer", questionType: "technical", cvText: "Skills: Kafka, Go" });
    await runtime.service.delete(start.threadId);
    await expect(runtime.service.get(start.threadId)).rejects.toMatchObject({ code: "not_found" });
    const { rows } = await runtime.database.pool.query(
      "select (select count(*) from checkpoints where thread_id = $1) + (select count(*) from checkpoint_blobs where thread_id = $1) + (select count(*) from checkpoint_writes where thread_id = $1) as n",
      [start.threadId],
    );
    expect(Number(rows[0].n)).toBe(0);
  });
});

describe("retrieval decision", () => {
  const cvText = "Experience\nDesigned an event pipeline on Kafka handling 12k messages per second at Parcelly.";
  const jobDescription = "You will build streaming systems with Kafka and deploy them on Kubernetes.";

  async function secondQuestion(options: { cv?: boolean; web?: RecordingWebSearch | null }) {
    const runtime = await openTestRuntime(databaseUrl, { webSearch: options.web ?? null });
    try {
      const start = await runtime.service.start({
        jobTitle: "Data Engineer",
        questionType: "technical",
        maxSteps: 5,
        company: "Acme",
        jobDescription,
        cvText: options.cv ? cvText : undefined,
      });
      // Intro needs no grounding; the next main question (projects) does.
      let view = await runtime.service.answer(start.threadId, GOOD);
      while (view.question!.kind !== "main") view = await runtime.service.answer(start.threadId, GOOD);
      view = await runtime.service.answer(view.threadId, GOOD);
      while (view.question!.kind !== "main") view = await runtime.service.answer(view.threadId, GOOD);
      return view;
    } finally {
      await runtime.close();
    }
  }

  it("uses the CV when it covers the topic, recording the score", async () => {
    const view = await secondQuestion({ cv: true, web: new RecordingWebSearch() });
    expect(view.question!.phase).toBe("standout_skills");
    expect(view.question!.topic).toBe("Kafka");
    expect(view.state.contextSource).toBe("cv");
    expect(view.state.similarityScore).toBeGreaterThanOrEqual(0.12);
    expect(view.question!.text).toContain("Your CV mentions");
  });

  it("falls back to web search below the threshold", async () => {
    const web = new RecordingWebSearch();
    const view = await secondQuestion({ cv: false, web });
    expect(view.state.contextSource).toBe("web");
    expect(view.question!.contextSource).toBe("web");
    expect(web.queries.some((q) => q.includes("Acme") && q.includes("Data Engineer"))).toBe(true);
    expect(view.state.retrievedContext[0]).toContain("3,000 fleets");
  });

  it("keeps a follow-up on its question's topic and context without searching again", async () => {
    const web = new RecordingWebSearch();
    const runtime = await openTestRuntime(databaseUrl, { webSearch: web });
    try {
      const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 5, jobDescription, cvText });
      const grounded = await runtime.service.answer(start.threadId, GOOD);
      expect(grounded.question!.phase).toBe("projects");
      expect(grounded.state.needsRetrieval).toBe(true);
      const searches = web.queries.length;
      const followUp = await runtime.service.answer(start.threadId, "I worked on some reports.");
      expect(followUp.question!.kind).toBe("follow_up");
      expect(followUp.question!.topic).toBe(grounded.question!.topic);
      expect(followUp.state.needsRetrieval).toBe(false);
      expect(followUp.state.retrievedContext).toEqual(grounded.state.retrievedContext);
      expect(web.queries.length).toBe(searches);
    } finally {
      await runtime.close();
    }
  });

  it("records none when search is not configured", async () => {
    const view = await secondQuestion({ cv: false, web: null });
    expect(view.state.contextSource).toBe("none");
    expect(view.state.needsRetrieval).toBe(true);
  });
});
