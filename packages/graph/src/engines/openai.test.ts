import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestRuntime } from "../testing/index.js";
import { startOpenAIServer } from "../testing/openai-server.js";
import { emptyCvModel as emptyProfile } from "../cv/model/index.js";
import type { CallPolicy } from "../providers/resilience.js";
import type { ChatPolicies } from "./chat/resilient-chat.js";
import type { EvaluationRequest } from "./model.js";
import { checkOpenAIServer, openaiEmbeddings, openaiInterviewer, type OpenAISettings } from "./openai.js";

const databaseUrl = inject("databaseUrl");

const ANSWER =
  "I weighed Kafka against polling: Kafka cost more to run, but polling could not keep up, so first I measured, then I migrated the " +
  "dispatch service at Parcelly, and as a result p99 fell from 2 s to 150 ms for 3,000 customers.";
const CV = "Experience\nBuilt streaming pipelines on Kafka at Parcelly.\nDesigned the dispatch service in Go.\nSkills: Kafka, Go, Kubernetes";

const policy: CallPolicy = { retries: 1, minBackoffMs: 1, maxBackoffMs: 2, timeoutMs: 2_000, maxRetryAfterMs: 2_000 };
const policies: ChatPolicies = { question: policy, evaluation: policy, assessment: policy };

const evaluationRequest: EvaluationRequest = {
  jobTitle: "Data Engineer",
  jobTerms: [],
  language: "en",
  question: { id: "q1", text: "Why Kafka?", phase: "intro", difficulty: 2, kind: "main", step: 1, topic: "Kafka", contextSource: "none" },
  answer: ANSWER,
  cvProfile: emptyProfile(),
  quick: { questionId: "q1", score: 6, rubric: { relevance: 7, depth: 6, clarity: 6, evidence: 6 }, feedback: "Specific.", followUpDue: false, words: 40 },
};
const EXPECTED_EVALUATION = { score: 7.5, feedback: "Clear and specific; say more about the trade-offs.", rubric: { relevance: 8, depth: 7, clarity: 8, evidence: 7 } };

describe("the interviewer on an OpenAI-protocol server (loopback)", () => {
  let server: Awaited<ReturnType<typeof startOpenAIServer>>;
  let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  let settings: OpenAISettings;
  beforeAll(async () => {
    server = await startOpenAIServer();
    settings = { baseUrl: server.baseUrl, apiKeys: ["key-one", "key-two"], model: "local-model", embeddingModel: "local-embedder" };
    runtime = await openTestRuntime(databaseUrl, {
      model: openaiInterviewer(settings, policies),
      embeddings: openaiEmbeddings(settings, policy),
      // The loopback server's vectors are hashed bags of words: their threshold.
      similarityThreshold: 0.12,
    });
  });
  afterAll(async () => {
    await runtime.close();
    await server.close();
  });
  afterEach(() => {
    server.clearFaults();
    server.decide(["new_question", "conclude"]);
  });

  it("runs a whole interview with a CV: the server's questions, decisions, evaluations and report, CV passages found through its embeddings", async () => {
    const from = server.requests.length;
    const start = await runtime.service.start({
      jobTitle: "Data Engineer",
      questionType: "technical",
      maxSteps: 3,
      jobDescription: "You will build streaming pipelines with Kafka and run them on Kubernetes.",
      cvText: CV,
    });
    expect(start.engine).toBe("openai");
    expect(start.question!.text).toMatch(/^Local question \d+/);
    const embedded = server.requests.slice(from).filter((r) => r.kind === "embedding");
    expect(embedded.length).toBeGreaterThan(0);
    expect(embedded[0]!.body).toMatchObject({ model: "local-embedder", encoding_format: "float" });

    let view = start;
    while (view.status !== "completed") view = await runtime.service.answer(start.threadId, { text: ANSWER });
    expect(view.finalEvaluation).toMatchObject({ recommendation: "hire", summary: "A convincing candidate." });
    const record = await runtime.service.get(start.threadId);
    expect(record.questions.map((q) => q.contextSource)).toContain("cv");
    expect(record.evaluations).toHaveLength(3);
    for (const evaluation of record.evaluations) expect(evaluation).toMatchObject({ evaluatedBy: "model", feedback: EXPECTED_EVALUATION.feedback });
    const decisions = record.questions.flatMap((q) => (q.decision ? [q.decision] : []));
    expect(decisions).toEqual([
      { action: "new_question", reason: "The answer named its trade-offs.", by: "model" },
      { action: "new_question", reason: "The answer named its trade-offs.", by: "model" },
      { action: "conclude", reason: "The answer named its trade-offs.", by: "model" },
    ]);
    const chats = server.requests.slice(from).filter((r) => r.path === "/v1/chat/completions");
    expect(chats.every((r) => r.body.model === "local-model")).toBe(true);
  });

  it("records the model's decision to follow up, with its reason, and asks the follow-up it wrote", async () => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 });
    server.decide(["ask_followup"]);
    const next = await runtime.service.answer(start.threadId, { text: ANSWER });
    expect(next.decision).toEqual({ action: "ask_followup", reason: "The answer named its trade-offs.", by: "model" });
    expect(next.question).toMatchObject({ kind: "follow_up", step: 1 });
    expect(next.question!.text).toMatch(/^Local question \d+/);
  });

  it("streams the question's words as the server writes them, and only the question's words of a decision", async () => {
    const first: string[] = [];
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 }, { onToken: (t) => first.push(t) });
    expect(first.length).toBeGreaterThan(3);
    expect(first.join("").trim()).toBe(start.question!.text);

    const streamed: string[] = [];
    const from = server.requests.length;
    const next = await runtime.service.answer(start.threadId, { text: ANSWER }, { onToken: (t) => streamed.push(t) });
    expect(streamed.join("").trim()).toBe(next.question!.text);
    expect(streamed.join("")).not.toMatch(/DECISION|REASON/);
    const decision = server.requests.slice(from).find((r) => r.kind === "decision")!;
    // Usage reporting in the stream (`stream_options`) is refused by some servers: not asked for.
    expect(decision.body).toMatchObject({ stream: true });
    expect(decision.body.stream_options).toBeUndefined();
  });

  it("rotates API keys: an attempt that fails is retried with the next key", async () => {
    server.fail("question", "500", 1);
    const from = server.requests.length;
    await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 });
    const [failed, retried] = server.chatRequests("question").filter((r) => server.requests.indexOf(r) >= from);
    expect(new Set([failed!.authorization, retried!.authorization])).toEqual(new Set(["Bearer key-one", "Bearer key-two"]));
  });

  it("needs no key for a local server, and takes a bare host as the protocol's /v1 root", async () => {
    const keyless = openaiInterviewer({ ...settings, baseUrl: server.url, apiKeys: [] }, policies);
    const from = server.requests.length;
    await expect(keyless.evaluateAnswer(evaluationRequest)).resolves.toMatchObject(EXPECTED_EVALUATION);
    const [request] = server.requests.slice(from);
    expect(request).toMatchObject({ path: "/v1/chat/completions", authorization: "Bearer no-key" });
  });

  it("answers as the AI candidate in role reversal", async () => {
    const model = openaiInterviewer(settings, policies);
    const answer = await model.answerAsCandidate!({
      jobTitle: "Data Engineer", jobTerms: [], language: "en", question: "What did you build at Parcelly?", passages: ["Built streaming pipelines on Kafka at Parcelly."],
      similarity: 0.6, background: [], similarityThreshold: 0.5, persona: "strong", seniority: "senior", transcript: [], seed: "s", turn: 1,
    });
    expect(answer).toBe("At Parcelly I built streaming pipelines on Kafka.");
  });
});

describe("structured replies on servers with and without JSON mode", () => {
  let server: Awaited<ReturnType<typeof startOpenAIServer>>;
  const settingsFor = (jsonMode?: OpenAISettings["jsonMode"]): OpenAISettings => ({
    baseUrl: server.baseUrl, apiKeys: ["key-one"], model: "local-model", embeddingModel: "local-embedder", jsonMode,
  });
  const formatsSince = (from: number) => server.chatRequests("evaluation").filter((r) => server.requests.indexOf(r) >= from).map((r) => (r.body.response_format as { type?: string } | undefined)?.type ?? "none");
  beforeAll(async () => {
    server = await startOpenAIServer();
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.refuseResponseFormat([]);
    server.clearFaults();
    server.reply("evaluation", undefined);
  });

  it("asks for JSON mode by default", async () => {
    const from = server.requests.length;
    await expect(openaiInterviewer(settingsFor(), policies).evaluateAnswer(evaluationRequest)).resolves.toMatchObject(EXPECTED_EVALUATION);
    expect(formatsSince(from)).toEqual(["json_object"]);
  });

  it("still evaluates on a server that refuses response_format, and stops asking for it once it learned that", async () => {
    server.refuseResponseFormat();
    const model = openaiInterviewer(settingsFor("auto"), policies);
    const from = server.requests.length;
    await expect(model.evaluateAnswer(evaluationRequest)).resolves.toMatchObject(EXPECTED_EVALUATION);
    // JSON mode, then the schema, then the prompt alone, within one attempt.
    expect(formatsSince(from)).toEqual(["json_object", "json_schema", "none"]);
    const again = server.requests.length;
    await expect(model.evaluateAnswer(evaluationRequest)).resolves.toMatchObject(EXPECTED_EVALUATION);
    await expect(model.assess({ jobTitle: "Data Engineer", jobTerms: [], language: "en", questionType: "technical", questions: [], answers: [], evaluations: [] })).resolves.toMatchObject({ recommendation: "hire" });
    expect(formatsSince(again)).toEqual(["none"]);
    const assessment = server.chatRequests("assessment").at(-1)!;
    expect(assessment.body.response_format).toBeUndefined();
  });

  it("uses the reply's JSON schema on a server that takes only json_schema", async () => {
    server.refuseResponseFormat(["json_object"]);
    const model = openaiInterviewer(settingsFor("auto"), policies);
    await expect(model.evaluateAnswer(evaluationRequest)).resolves.toMatchObject(EXPECTED_EVALUATION);
    const from = server.requests.length;
    await expect(model.evaluateAnswer(evaluationRequest)).resolves.toMatchObject(EXPECTED_EVALUATION);
    expect(formatsSince(from)).toEqual(["json_schema"]);
    const format = server.chatRequests("evaluation").at(-1)!.body.response_format as { json_schema: { name: string; schema: { required: string[] } } };
    expect(format.json_schema.name).toBe("evaluation");
    expect(format.json_schema.schema.required).toEqual(["score", "rubric", "feedback"]);
  });

  it("forgets nothing when a 400 was not about response_format", async () => {
    const model = openaiInterviewer(settingsFor("auto"), policies);
    server.fail("evaluation", "400", 3);
    await expect(model.evaluateAnswer(evaluationRequest)).rejects.toMatchObject({ code: "provider_rejected" });
    const from = server.requests.length;
    await expect(model.evaluateAnswer(evaluationRequest)).resolves.toMatchObject(EXPECTED_EVALUATION);
    expect(formatsSince(from)).toEqual(["json_object"]);
  });

  it("sends only the configured mode when one is set, and reports a server that refuses it", async () => {
    const from = server.requests.length;
    await expect(openaiInterviewer(settingsFor("json_schema"), policies).evaluateAnswer(evaluationRequest)).resolves.toMatchObject(EXPECTED_EVALUATION);
    await expect(openaiInterviewer(settingsFor("off"), policies).evaluateAnswer(evaluationRequest)).resolves.toMatchObject(EXPECTED_EVALUATION);
    expect(formatsSince(from)).toEqual(["json_schema", "none"]);
    server.refuseResponseFormat(["json_object"]);
    await expect(openaiInterviewer(settingsFor("json_object"), policies).evaluateAnswer(evaluationRequest)).rejects.toMatchObject({ code: "provider_rejected" });
  });

  it("asks once for a repair when a reply does not match the shape, telling the model what was wrong", async () => {
    let calls = 0;
    server.reply("evaluation", () => (++calls === 1 ? '{"score": 99, "feedback": "Great"}' : JSON_EVALUATION));
    await expect(openaiInterviewer(settingsFor(), policies).evaluateAnswer(evaluationRequest)).resolves.toMatchObject(EXPECTED_EVALUATION);
    const repair = server.chatRequests("evaluation").at(-1)!.body.messages as { role: string; content: string }[];
    expect(repair.at(-1)!.content).toMatch(/does not match the required JSON shape \(score: /);
  });

  it("reports a reply that stays malformed as invalid output", async () => {
    server.reply("evaluation", () => "I would rate this answer highly.");
    await expect(openaiInterviewer(settingsFor(), policies).evaluateAnswer(evaluationRequest)).rejects.toMatchObject({ code: "model_output_invalid" });
  });

  it("counts a schema-constrained reply cut at the token limit as invalid output", async () => {
    server.fail("evaluation", "length", 2);
    await expect(openaiInterviewer(settingsFor("json_schema"), policies).evaluateAnswer(evaluationRequest)).rejects.toMatchObject({ code: "model_output_invalid" });
  });
});

const JSON_EVALUATION = JSON.stringify({ score: 7.5, rubric: { relevance: 8, depth: 7, clarity: 8, evidence: 7 }, feedback: EXPECTED_EVALUATION.feedback });

describe("the provider check for /health", () => {
  let server: Awaited<ReturnType<typeof startOpenAIServer>>;
  beforeAll(async () => {
    server = await startOpenAIServer({ models: ["llama3.1:latest", "nomic-embed-text:latest"] });
  });
  afterAll(() => server.close());

  it("lists the server's models without running one, and says whether the configured ones are there", async () => {
    const from = server.requests.length;
    await expect(checkOpenAIServer({ baseUrl: server.baseUrl, apiKeys: [], model: "llama3.1", embeddingModel: "nomic-embed-text" })).resolves.toEqual({
      models: ["llama3.1:latest", "nomic-embed-text:latest"],
      hasModel: true,
      hasEmbeddingModel: true,
    });
    await expect(checkOpenAIServer({ baseUrl: server.baseUrl, apiKeys: [], model: "qwen2.5", embeddingModel: "nomic-embed-text" })).resolves.toMatchObject({ hasModel: false });
    expect(server.requests.slice(from).map((r) => r.path)).toEqual(["/v1/models", "/v1/models"]);
  });

  it("reports a server that does not answer as unavailable", async () => {
    // A loopback port nothing listens on.
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    await expect(checkOpenAIServer({ baseUrl: `http://127.0.0.1:${closed}/v1`, apiKeys: [], model: "m", embeddingModel: "e" })).rejects.toMatchObject({ code: "provider_unavailable" });
  });
});
