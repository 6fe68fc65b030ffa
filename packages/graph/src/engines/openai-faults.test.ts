import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestRuntime } from "../testing/index.js";
import { startOpenAIServer, type OpenAIFault } from "../testing/openai-server.js";
import { isInterviewError } from "../errors.js";
import type { CallPolicy } from "../providers/resilience.js";
import { openaiEmbeddings, openaiInterviewer } from "./openai.js";

const databaseUrl = inject("databaseUrl");

const ANSWER =
  "I weighed the trade-offs of Kafka against polling: Kafka cost more to run, but polling could not keep up, so first I measured, " +
  "then I migrated the dispatch service at Parcelly, and as a result p99 fell from 2 s to 150 ms for 3,000 customers.";
const CV = "Experience\nBuilt streaming pipelines on Kafka at Parcelly.\nDesigned the dispatch service in Go.\nSkills: Kafka, Go, Kubernetes";
const DOCUMENTED = ["provider_unavailable", "upstream_timeout", "model_output_invalid"];
const RETRIES = 1;
const policy: CallPolicy = { retries: RETRIES, minBackoffMs: 1, maxBackoffMs: 2, timeoutMs: 700, maxRetryAfterMs: 2_000 };

/**
 * Every fault an OpenAI-protocol server or the network can throw at the engine, played by a
 * loopback server: the turn fails with a documented error, the interview is unchanged, and the same
 * request succeeds once the fault clears.
 */
describe("provider faults (OpenAI protocol on loopback)", () => {
  let server: Awaited<ReturnType<typeof startOpenAIServer>>;
  let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  beforeAll(async () => {
    server = await startOpenAIServer();
    const settings = { baseUrl: server.baseUrl, apiKeys: ["key-one", "key-two"], model: "local-model", embeddingModel: "local-embedder" };
    runtime = await openTestRuntime(databaseUrl, {
      model: openaiInterviewer(settings, { question: policy, evaluation: policy, assessment: policy }),
      embeddings: openaiEmbeddings(settings, policy),
      similarityThreshold: 0.12,
    });
  });
  afterAll(async () => {
    await runtime.close();
    await server.close();
  });
  afterEach(() => server.clearFaults());

  const FAULTS: OpenAIFault[] = ["reset", "malformed", "empty", "content_filter", "length", "no_finish", "cut", "429", "500", "hang"];

  describe.each([
    { mode: "JSON", streamed: false },
    { mode: "streamed", streamed: true },
  ])("$mode turns", ({ streamed }) => {
    const options = () => (streamed ? { onToken: () => undefined } : {});

    it.each(FAULTS)("%s: a start fails cleanly, leaves no interview, and succeeds when sent again", async (fault) => {
      const threadId = `openai-fault-start-${fault}-${streamed ? "s" : "j"}`;
      server.fail("question", fault, RETRIES + 1);
      const error = await runtime.service.start({ threadId, jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 }, options()).catch((e: unknown) => e);
      server.clearFaults();
      expect(isInterviewError(error) && DOCUMENTED.includes(error.code)).toBe(true);
      await expect(runtime.service.info(threadId)).resolves.toBeUndefined();
      await expect(runtime.service.start({ threadId, jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 }, options())).resolves.toMatchObject({ status: "question" });
    });

    it.each(FAULTS)("%s: an answer fails cleanly, changes nothing, and succeeds when sent again", async (fault) => {
      const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 });
      const before = await runtime.service.get(start.threadId);
      server.fail("decision", fault, RETRIES + 1);
      const error = await runtime.service.answer(start.threadId, { text: ANSWER }, options()).catch((e: unknown) => e);
      server.clearFaults();
      expect(isInterviewError(error) && DOCUMENTED.includes(error.code)).toBe(true);
      await expect(runtime.service.get(start.threadId)).resolves.toEqual(before);
      const retried = await runtime.service.answer(start.threadId, { text: ANSWER }, options());
      expect(retried.question!.id).toBe("q2");
    });
  });

  it.each([
    { fault: "length", streamed: false },
    { fault: "length", streamed: true },
    { fault: "content_filter", streamed: true },
    { fault: "no_finish", streamed: false },
    { fault: "no_finish", streamed: true },
    { fault: "empty", streamed: true },
  ] as { fault: OpenAIFault; streamed: boolean }[])(
    "reads finish_reason $fault (streamed: $streamed) as an unusable reply, not as a question",
    async ({ fault, streamed }) => {
      server.fail("question", fault, RETRIES + 1);
      const error = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical" }, streamed ? { onToken: () => undefined } : {}).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "model_output_invalid" });
    },
  );

  it("retries a rate-limited call after the server's Retry-After, and says when to come back if it stays limited", async () => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 });
    server.fail("decision", "429", 1);
    await expect(runtime.service.answer(start.threadId, { text: ANSWER })).resolves.toMatchObject({ status: "question" });
    server.fail("decision", "429", RETRIES + 1);
    const error = await runtime.service.answer(start.threadId, { text: ANSWER }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "provider_unavailable", retryAfterSeconds: 1 });
  });

  it("reports a server that never answers as a timeout", async () => {
    server.fail("question", "hang", RETRIES + 1);
    const error = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "upstream_timeout" });
  });

  it("reports a request the server refuses (400) as refused, without retrying it", async () => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 });
    const calls = server.requests.length;
    server.fail("decision", "400", 5);
    const error = await runtime.service.answer(start.threadId, { text: ANSWER }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "provider_rejected" });
    expect(server.requests.slice(calls).filter((r) => r.kind === "decision")).toHaveLength(1);
  });

  it("never puts the CV, the answer or a key in the error it reports", async () => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3, cvText: CV });
    server.fail("decision", "500", RETRIES + 1);
    const error = (await runtime.service.answer(start.threadId, { text: ANSWER }).catch((e: unknown) => e)) as Error;
    const reported = JSON.stringify({ ...error, message: error.message, cause: (error.cause as Error | undefined)?.message });
    for (const secret of ["Parcelly", "Kafka", "key-one", "key-two", "p99"]) expect(reported).not.toContain(secret);
  });

  it.each(["429", "500", "hang", "empty"] as OpenAIFault[])("embedding %s during a start with a CV: the start fails cleanly instead of storing a CV without vectors", async (fault) => {
    const threadId = `openai-fault-embed-${fault}`;
    server.fail("embedding", fault, RETRIES + 1);
    const error = await runtime.service.start({ threadId, jobTitle: "Data Engineer", questionType: "technical", cvText: CV }).catch((e: unknown) => e);
    server.clearFaults();
    expect(isInterviewError(error) && DOCUMENTED.includes(error.code)).toBe(true);
    await expect(runtime.service.info(threadId)).resolves.toBeUndefined();
    const started = await runtime.service.start({ threadId, jobTitle: "Data Engineer", questionType: "technical", cvText: CV });
    expect((await runtime.service.get(started.threadId)).setup.hasCv).toBe(true);
  });

  it.each(["500", "hang"] as OpenAIFault[])("embedding %s while a question is grounded: the answer fails cleanly and succeeds when sent again", async (fault) => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 5, cvText: CV });
    const before = await runtime.service.get(start.threadId);
    server.fail("embedding", fault, RETRIES + 1);
    const error = await runtime.service.answer(start.threadId, { text: ANSWER }).catch((e: unknown) => e);
    server.clearFaults();
    expect(isInterviewError(error) && DOCUMENTED.includes(error.code)).toBe(true);
    await expect(runtime.service.get(start.threadId)).resolves.toEqual(before);
    await expect(runtime.service.answer(start.threadId, { text: ANSWER })).resolves.toMatchObject({ status: "question" });
  });

  it.each(["500", "hang", "malformed", "length"] as OpenAIFault[])("evaluation %s: the turn succeeds with the instant evaluation, marked as such", async (fault) => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 });
    server.fail("evaluation", fault, RETRIES + 1);
    const next = await runtime.service.answer(start.threadId, { text: ANSWER });
    expect(next.status).toBe("question");
    expect(next.evaluation).toMatchObject({ evaluatedBy: "heuristic", modelRetryDue: true });
  });
});
