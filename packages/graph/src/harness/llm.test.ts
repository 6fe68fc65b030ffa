import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { computeLlmFigures, llmSection, printLlmFigures, writeQualityDoc, type LlmFigures } from "./figures.js";
import { openTestRuntime, scriptedChat, startOpenAIServer, type PromptKind } from "../testing/index.js";
import { ChatInterviewModel } from "../engines/chat/chat-model.js";
import { openaiEmbeddings, openaiInterviewer, type OpenAISettings } from "../engines/openai.js";
import type { ChatPolicies } from "../engines/chat/resilient-chat.js";
import type { CallPolicy } from "../providers/resilience.js";
import { NEXT_ACTIONS } from "../types.js";
import { NOTHING_TO_JUDGE, PERSONAS, type Persona } from "./personas.js";
import { loadCv, runInterview, scenariosFor, type InterviewRun, type LoadedCv, type Scenario } from "./runner.js";
import { decisionReply, harnessInterviewer } from "./scripted-interviewer.js";

const databaseUrl = inject("databaseUrl");

type TestRuntime = Awaited<ReturnType<typeof openTestRuntime>>;
const where = (run: InterviewRun, text?: string) => `${run.threadId}${text ? `: ${text}` : ""}`;

/** The longest chain of model calls each starting after the previous one ended: the calls a request waits for in turn. */
function depth(calls: { start: number; end: number }[]): number {
  const chain: number[] = [];
  calls.forEach((call, i) => (chain[i] = 1 + Math.max(0, ...calls.slice(0, i).map((before, j) => (before.end <= call.start ? chain[j]! : 0)))));
  return Math.max(0, ...chain);
}

const figures: LlmFigures[] = [];
afterAll(async () => {
  for (const f of figures) console.log(printLlmFigures(f));
  if (figures.length === 2) await writeQualityDoc({ llm: llmSection(figures) });
});

/** Every answered question carries the model's decision, with a reason naming what led to it. */
function decisionFaults(run: InterviewRun): string[] {
  const faults: string[] = [];
  for (const question of run.questions) {
    const decision = question.decision;
    if (!decision) faults.push(where(run, `${question.id} has no decision`));
    else if (decision.by !== "model") faults.push(where(run, `${question.id} was decided by ${decision.by}`));
    else if (!(NEXT_ACTIONS as readonly string[]).includes(decision.action) || decision.reason.trim().length < 10) faults.push(where(run, `${question.id}: ${JSON.stringify(decision)}`));
  }
  if (run.questions.at(-1)?.decision?.action !== "conclude") faults.push(where(run, "the last decision is not to conclude"));
  return faults;
}

/** The question asked after each decision is of the kind the model decided. */
function kindFaults(run: InterviewRun): string[] {
  const kindAfter = { ask_followup: "follow_up", clarify: "clarification", new_question: "main" } as const;
  return run.questions.slice(0, -1).flatMap((question, i) => {
    const action = question.decision!.action;
    const next = run.questions[i + 1]!;
    return action !== "conclude" && kindAfter[action] !== next.kind ? [where(run, `${question.id} decided ${action} but ${next.id} is ${next.kind}`)] : [];
  });
}

describe("simulated candidates with the LLM engine (LangChain fake chat model, PostgreSQL)", () => {
  // Each call takes a little while, so calls made one after another never overlap, and calls made side by side do.
  const { model, chat } = scriptedChat(harnessInterviewer, { delayMs: 30 });
  let runtime: TestRuntime;
  let cv: LoadedCv;
  let scenario: Scenario;
  const runs: InterviewRun[] = [];
  /** The model calls of each request, per interview: the start, then one entry per answer. */
  const turns = new Map<string, { kind: "start" | "answer"; calls: { kind: PromptKind; start: number; end: number }[] }[]>();

  beforeAll(async () => {
    runtime = await openTestRuntime(databaseUrl, { model: new ChatInterviewModel(chat) });
    cv = await loadCv("software-engineer");
    scenario = scenariosFor(cv.fixture)[0]!;
    // One interview at a time, so each request's model calls are its own.
    for (const persona of PERSONAS) {
      const marks: { kind: "start" | "answer"; from: number }[] = [];
      const run = await runInterview(runtime.service, scenario, persona, cv, { prefix: "harness-llm", onTurn: (_, kind) => marks.push({ kind, from: model.calls.length }) });
      const bounds = [...marks.map((m) => m.from), model.calls.length];
      turns.set(run.threadId, marks.map((m, i) => ({ kind: m.kind, calls: model.calls.slice(bounds[i], bounds[i + 1]) })));
      runs.push(run);
    }
    const answerTurns = [...turns.values()].flatMap((requests) => requests.filter((r) => r.kind === "answer"));
    const longest = Math.max(...answerTurns.map((t) => depth(t.calls.filter((c) => c.kind !== "assessment"))));
    figures.push(computeLlmFigures("LLM engine, LangChain fake chat model", runs, model.calls.length, longest));
  }, 120_000);

  afterAll(async () => {
    await runtime?.close();
  });

  it("completes a whole interview per persona, every question answered", () => {
    expect(runs.map((r) => r.persona)).toEqual([...PERSONAS]);
    for (const run of runs) {
      expect(run.answers.map((a) => a.questionId), where(run)).toEqual(run.questions.map((q) => q.id));
      expect(run.finalEvaluation, where(run)).toMatchObject({ recommendation: "hire", summary: "A convincing candidate." });
    }
  });

  it("records the model's decision, with its reason, on every answered question, and asks what it decided", () => {
    expect(runs.flatMap(decisionFaults)).toEqual([]);
    expect(runs.flatMap(kindFaults)).toEqual([]);
  });

  it("follows up the thin answers and rephrases when asked, as the model decided", () => {
    const byPersona = (persona: Persona) => runs.find((r) => r.persona === persona)!;
    const thin = byPersona("thin");
    const followUps = thin.questions.filter((q) => q.decision?.action === "ask_followup");
    expect(followUps.length, where(thin)).toBeGreaterThan(0);
    for (const q of followUps) expect(q.decision!.reason, where(thin, q.id)).toMatch(/^The answer gave \d+ words and nothing on /);
    const average = byPersona("average");
    expect(average.questions.find((q) => q.decision?.action === "clarify"), where(average)).toMatchObject({ step: 2, kind: "main", decision: { by: "model" } });
    // The strong candidate's answers leave the model nothing to probe.
    expect(byPersona("strong").questions.filter((q) => q.kind !== "main")).toEqual([]);
  });

  it("keeps answers with nothing to judge flagged, although the model's evaluation scored them", () => {
    for (const run of runs.filter((r) => NOTHING_TO_JUDGE.includes(r.persona))) {
      for (const evaluation of run.evaluations) expect(evaluation, where(run, evaluation.questionId)).toMatchObject({ evaluatedBy: "model", insufficientEvidence: true });
    }
    for (const run of runs.filter((r) => r.persona === "strong" || r.persona === "average")) {
      for (const evaluation of run.evaluations) expect(evaluation, where(run, evaluation.questionId)).toMatchObject({ evaluatedBy: "model", insufficientEvidence: false });
    }
  });

  it("makes at most one model call on the critical path per answer: the decision beside the evaluation, and the assessment after the last", () => {
    for (const run of runs) {
      const requests = turns.get(run.threadId)!;
      const [start, ...answers] = requests;
      expect(start!.calls.map((c) => c.kind), where(run, "start")).toEqual(["question"]);
      answers.forEach(({ calls }, i) => {
        const last = i === answers.length - 1;
        const kinds = calls.map((c) => c.kind).sort();
        const answered = run.questions[i]!;
        const scored = run.evaluations.some((e) => e.questionId === answered.id);
        // A request to rephrase has nothing to evaluate: the decision alone.
        const expected = [...(scored ? ["evaluation"] : []), "decision", ...(last ? ["assessment"] : [])].sort();
        expect(kinds, where(run, `answer ${i + 1}`)).toEqual(expected);
        expect(depth(calls.filter((c) => c.kind !== "assessment")), where(run, `answer ${i + 1}`)).toBe(1);
        if (last) expect(depth(calls), where(run, "last answer")).toBe(2);
      });
    }
  });
});

describe("simulated candidates with the OpenAI-compatible engine (loopback server, PostgreSQL)", () => {
  const policy: CallPolicy = { retries: 1, minBackoffMs: 1, maxBackoffMs: 2, timeoutMs: 5_000, maxRetryAfterMs: 1_000 };
  const policies: ChatPolicies = { question: policy, evaluation: policy, assessment: policy };
  let server: Awaited<ReturnType<typeof startOpenAIServer>>;
  let runtime: TestRuntime;
  const runs: InterviewRun[] = [];
  const chatsPerInterview = new Map<string, number>();

  beforeAll(async () => {
    server = await startOpenAIServer();
    // The server decides as the harness's interviewer does, from the prompt it is sent.
    server.reply("decision", (body) => {
      const last = body.messages?.at(-1)?.content;
      return decisionReply(typeof last === "string" ? last : "");
    });
    const settings: OpenAISettings = { baseUrl: server.baseUrl, apiKeys: [], model: "local-model", embeddingModel: "local-embedder" };
    runtime = await openTestRuntime(databaseUrl, {
      model: openaiInterviewer(settings, policies),
      embeddings: openaiEmbeddings(settings, policy),
      // The loopback server's vectors are hashed bags of words: their threshold.
      similarityThreshold: 0.12,
    });
    const cv = await loadCv("ml-engineer-latex");
    const scenario = scenariosFor(cv.fixture)[0]!;
    for (const persona of PERSONAS) {
      const from = server.chatRequests().length;
      const run = await runInterview(runtime.service, scenario, persona, cv, { prefix: "harness-openai" });
      chatsPerInterview.set(run.threadId, server.chatRequests().length - from);
      runs.push(run);
    }
    figures.push(computeLlmFigures("OpenAI-compatible engine, loopback server", runs, server.chatRequests().length, null));
  }, 120_000);

  afterAll(async () => {
    await runtime?.close();
    await server?.close();
  });

  it("completes a whole interview per persona with the server's decisions recorded", () => {
    expect(runs.map((r) => r.persona)).toEqual([...PERSONAS]);
    expect(runs.flatMap(decisionFaults)).toEqual([]);
    expect(runs.flatMap(kindFaults)).toEqual([]);
    for (const run of runs) expect(run.evaluations.every((e) => e.evaluatedBy === "model"), where(run)).toBe(true);
    const thin = runs.find((r) => r.persona === "thin")!;
    expect(thin.questions.some((q) => q.kind === "follow_up" && q.text.startsWith("You said")), where(thin)).toBe(true);
  });

  it("grounds questions in the uploaded CV through the server's embeddings", () => {
    for (const run of runs) expect(run.questions.map((q) => q.contextSource), where(run)).toContain("cv");
  });

  it("sends one question, then one decision and one evaluation per answer, and one assessment", () => {
    for (const run of runs) {
      const scored = run.evaluations.length;
      // Start: one question; each answer: a decision (and an evaluation when there is something to evaluate); the end: the assessment.
      expect(chatsPerInterview.get(run.threadId), where(run)).toBe(1 + run.answers.length + scored + 1);
    }
  });
});
