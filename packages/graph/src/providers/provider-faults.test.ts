import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestRuntime, startProviderServer } from "../testing/index.js";
import { isInterviewError } from "../errors.js";
import type { Fault } from "../testing/provider-server.js";

const databaseUrl = inject("databaseUrl");

const ANSWER =
  "I weighed the trade-offs of Kafka against polling: Kafka cost more to run, but polling could not keep up, so first I measured, " +
  "then I migrated the dispatch service at Parcelly, and as a result p99 fell from 2 s to 150 ms for 3,000 customers.";
const CV = "Experience\nBuilt streaming pipelines on Kafka at Parcelly.\nDesigned the dispatch service in Go.\nSkills: Kafka, Go, Kubernetes";
const DOCUMENTED = ["provider_unavailable", "upstream_timeout", "model_output_invalid"];
const RETRIES = 1;

/**
 * Every fault a provider or the network can throw at the engine, played by a loopback server that
 * speaks Gemini's protocol: the turn fails with a documented error, the interview is unchanged, and
 * the same request succeeds once the fault clears.
 */
describe("provider faults (Gemini protocol on loopback)", () => {
  let provider: Awaited<ReturnType<typeof startProviderServer>>;
  let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  beforeAll(async () => {
    provider = await startProviderServer();
    provider.setSlowTokenMs(400);
    runtime = await openTestRuntime(databaseUrl, {}, {
      GOOGLE_API_KEY: "key-one,key-two",
      GEMINI_BASE_URL: provider.url,
      TAVILY_API_KEY: "tvly-test",
      TAVILY_BASE_URL: provider.url,
      MODEL_TIMEOUT_MS: "700",
      MODEL_MAX_RETRIES: String(RETRIES),
      WEB_SEARCH_TIMEOUT_MS: "500",
      CV_SIMILARITY_THRESHOLD: "0.12",
    });
  });
  afterAll(async () => {
    await runtime.close();
    await provider.close();
  });

  const FAULTS: Fault[] = ["reset", "malformed", "slow", "empty", "safety", "blocked", "cut", "max_tokens", "429", "500", "hang"];

  describe.each([
    { mode: "JSON", streamed: false },
    { mode: "streamed", streamed: true },
  ])("$mode turns", ({ streamed }) => {
    const options = () => (streamed ? { onToken: () => undefined } : {});

    it.each(FAULTS)("%s: a start fails cleanly, leaves no interview, and succeeds when sent again", async (fault) => {
      const threadId = `fault-start-${fault}-${streamed ? "s" : "j"}`;
      provider.fail("question", fault, RETRIES + 1);
      const error = await runtime.service.start({ threadId, jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 }, options()).catch((e: unknown) => e);
      provider.clearFaults();
      expect(isInterviewError(error) && DOCUMENTED.includes(error.code)).toBe(true);
      await expect(runtime.service.info(threadId)).resolves.toBeUndefined();
      await expect(runtime.service.start({ threadId, jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 }, options())).resolves.toMatchObject({ status: "question" });
    });

    it.each(FAULTS)("%s: an answer fails cleanly, changes nothing, and succeeds when sent again", async (fault) => {
      const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 });
      const before = await runtime.service.get(start.threadId);
      provider.fail("decision", fault, RETRIES + 1);
      const error = await runtime.service.answer(start.threadId, { text: ANSWER }, options()).catch((e: unknown) => e);
      provider.clearFaults();
      expect(isInterviewError(error) && DOCUMENTED.includes(error.code)).toBe(true);
      await expect(runtime.service.get(start.threadId)).resolves.toEqual(before);
      const retried = await runtime.service.answer(start.threadId, { text: ANSWER }, options());
      expect(retried.question!.id).toBe("q2");
    });
  });

  it("retries a rate-limited call after the provider's Retry-After, and says when to come back if it stays limited", async () => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 });
    provider.fail("decision", "429", 1);
    await expect(runtime.service.answer(start.threadId, { text: ANSWER })).resolves.toMatchObject({ status: "question" });
    provider.fail("decision", "429", RETRIES + 1);
    const error = await runtime.service.answer(start.threadId, { text: ANSWER }).catch((e: unknown) => e);
    provider.clearFaults();
    expect(error).toMatchObject({ code: "provider_unavailable", retryAfterSeconds: 1 });
  });

  it("reports a request the provider refuses (400) as refused, without retrying it", async () => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 });
    const calls = provider.requests.length;
    provider.fail("decision", "400", 5);
    const error = await runtime.service.answer(start.threadId, { text: ANSWER }).catch((e: unknown) => e);
    provider.clearFaults();
    expect(error).toMatchObject({ code: "provider_rejected" });
    expect(provider.requests.slice(calls).filter((r) => r.body.includes("deciding what to do after"))).toHaveLength(1);
  });

  it.each(["429", "500", "hang"] as Fault[])("embedding %s during a start with a CV: the start fails cleanly instead of storing a CV without vectors", async (fault) => {
    const threadId = `fault-embed-${fault}`;
    provider.fail("embedding", fault, RETRIES + 1);
    const error = await runtime.service.start({ threadId, jobTitle: "Data Engineer", questionType: "technical", cvText: CV }).catch((e: unknown) => e);
    provider.clearFaults();
    expect(isInterviewError(error) && DOCUMENTED.includes(error.code)).toBe(true);
    await expect(runtime.service.info(threadId)).resolves.toBeUndefined();
    const started = await runtime.service.start({ threadId, jobTitle: "Data Engineer", questionType: "technical", cvText: CV });
    expect((await runtime.service.get(started.threadId)).setup.hasCv).toBe(true);
  });

  it.each(["429", "500", "hang"] as Fault[])("embedding %s while a question is grounded: the answer fails cleanly and succeeds when sent again", async (fault) => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 5, cvText: CV });
    const before = await runtime.service.get(start.threadId);
    provider.fail("embedding", fault, RETRIES + 1);
    const error = await runtime.service.answer(start.threadId, { text: ANSWER }).catch((e: unknown) => e);
    provider.clearFaults();
    expect(isInterviewError(error) && DOCUMENTED.includes(error.code)).toBe(true);
    await expect(runtime.service.get(start.threadId)).resolves.toEqual(before);
    await expect(runtime.service.answer(start.threadId, { text: ANSWER })).resolves.toMatchObject({ status: "question" });
  });

  it.each(["500", "hang"] as Fault[])("web search %s: the question is asked without web context", async (fault) => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 5, company: "Acme" });
    provider.fail("search", fault, 3);
    const next = await runtime.service.answer(start.threadId, { text: ANSWER });
    provider.clearFaults();
    expect(next.question!.contextSource).toBe("none");
  });

  it.each(["500", "hang", "malformed"] as Fault[])("evaluation %s: the turn succeeds with the instant evaluation, marked as such", async (fault) => {
    const start = await runtime.service.start({ jobTitle: "Data Engineer", questionType: "technical", maxSteps: 3 });
    provider.fail("evaluation", fault, RETRIES + 1);
    const next = await runtime.service.answer(start.threadId, { text: ANSWER });
    provider.clearFaults();
    expect(next.status).toBe("question");
    expect(next.evaluation).toMatchObject({ evaluatedBy: "heuristic", modelRetryDue: true });
  });
});
