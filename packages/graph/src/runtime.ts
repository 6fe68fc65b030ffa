import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { EngineConfig } from "./config.js";
import type { GraphDeps, WebSearch } from "./deps.js";
import type { InterviewModel } from "./engines/model.js";
import { OfflineModel } from "./engines/offline/index.js";
import { geminiEmbeddings, geminiInterviewer, type GeminiSettings } from "./engines/gemini.js";
import { checkOpenAIServer, openaiEmbeddings, openaiInterviewer, type OpenAISettings } from "./engines/openai.js";
import { assertPrivateEndpoint, assertPrivateProvider } from "./providers/private-endpoint.js";
import type { ChatPolicies } from "./engines/chat/resilient-chat.js";
import { HashedEmbeddings } from "./engines/hashed-embeddings.js";
import type { CallPolicy } from "./providers/resilience.js";
import { TavilyWebSearch } from "./search/tavily.js";
import { CvIndexRetriever, PostgresCvStore } from "./cv/cv-store.js";
import { CvIngestor } from "./cv/ingest.js";
import { PdfReader } from "./cv/pdf.js";
import { openDatabase, type Database } from "./database.js";
import { createPostgresCheckpointer } from "./checkpointer.js";
import { migrate } from "./schema.js";
import { PostgresThreadRegistry } from "./threads.js";
import { InterviewDirectory } from "./interview-list.js";
import { buildInterviewGraph } from "./graph.js";
import { buildCandidateGraph } from "./candidate-graph.js";
import { generatePersonaCv } from "./candidate/index.js";
import { InterviewService, type DrivableGraph, type InterviewEvents } from "./service.js";
import { PostgresAudioStore, type AudioStore } from "./audio-store.js";
import { defaultSettings } from "./settings.js";

export interface Runtime {
  service: InterviewService;
  /** Whether the model provider answers now (a cheap call, cached briefly); always true offline. */
  checkProvider(): Promise<{ ok: boolean; detail?: string }>;
  audio: AudioStore;
  database: Database;
  engine: InterviewModel["name"];
  webSearch: boolean;
  close(): Promise<void>;
}

/** Parts a caller may substitute (tests, benchmarks); everything else follows the config. */
export interface RuntimeOverrides {
  model?: InterviewModel;
  embeddings?: EmbeddingsInterface;
  similarityThreshold?: number;
  webSearch?: WebSearch | null;
  database?: Database;
  events?: InterviewEvents;
}

/** Every provider call kind gets the configured timeout and retries. */
function callPolicy(config: EngineConfig): CallPolicy {
  return { retries: config.MODEL_MAX_RETRIES, minBackoffMs: 500, maxBackoffMs: 8_000, timeoutMs: config.MODEL_TIMEOUT_MS, maxRetryAfterMs: 10_000 };
}

function chatPolicies(config: EngineConfig): ChatPolicies {
  const policy = callPolicy(config);
  return { question: policy, evaluation: policy, assessment: policy };
}

export type LlmProvider = "offline" | "gemini" | "openai";

/** The interviewer's model: as LLM_PROVIDER says, else Gemini with a Google key, else an OpenAI-protocol server, else offline. */
export function llmProvider(config: EngineConfig): LlmProvider {
  return config.LLM_PROVIDER ?? (config.GOOGLE_API_KEY.length ? "gemini" : config.OPENAI_BASE_URL ? "openai" : "offline");
}

/** A combination of settings that cannot work stops the start-up, naming what to set. */
export function checkProviderSettings(config: EngineConfig): void {
  const provider = llmProvider(config);
  if (provider === "gemini" && config.GOOGLE_API_KEY.length === 0) throw new Error("LLM_PROVIDER=gemini needs GOOGLE_API_KEY.");
  if (provider === "openai" && !config.OPENAI_BASE_URL) throw new Error("LLM_PROVIDER=openai needs OPENAI_BASE_URL (for example http://localhost:11434/v1 for Ollama).");
  if (provider === "openai" && !config.OPENAI_MODEL) throw new Error("LLM_PROVIDER=openai needs OPENAI_MODEL (the model's name on the server, for example llama3.1).");
}

/**
 * Privacy mode: every provider the engine would send a CV or an answer to must be on loopback or a
 * private network; web search (which sends the company and topic out) is off. Exported for the
 * other composition roots that run the engine (the voice worker checks before taking any job).
 */
export async function assertPrivateEngine(config: EngineConfig): Promise<void> {
  const provider = llmProvider(config);
  if (provider === "gemini") await assertPrivateProvider("GEMINI_BASE_URL", config.GEMINI_BASE_URL);
  if (provider === "openai") await assertPrivateEndpoint("OPENAI_BASE_URL", config.OPENAI_BASE_URL!);
}

const geminiSettings = (config: EngineConfig): GeminiSettings => ({
  apiKeys: config.GOOGLE_API_KEY,
  model: config.GEMINI_MODEL,
  embeddingModel: config.GEMINI_EMBEDDING_MODEL,
  baseUrl: config.GEMINI_BASE_URL,
});

const openaiSettings = (config: EngineConfig): OpenAISettings => ({
  baseUrl: config.OPENAI_BASE_URL!,
  apiKeys: config.OPENAI_API_KEY,
  model: config.OPENAI_MODEL!,
  embeddingModel: config.OPENAI_EMBEDDING_MODEL ?? "",
  jsonMode: config.OPENAI_JSON_MODE,
});

function chooseModel(config: EngineConfig): InterviewModel {
  const provider = llmProvider(config);
  if (provider === "gemini") return geminiInterviewer(geminiSettings(config), chatPolicies(config));
  if (provider === "openai") return openaiInterviewer(openaiSettings(config), chatPolicies(config));
  return new OfflineModel();
}

/** Embeddings from the model's provider when it has them, with the similarity threshold that suits them. */
function chooseEmbeddings(config: EngineConfig): { embeddings: EmbeddingsInterface; threshold: number } {
  const provider = llmProvider(config);
  if (provider === "gemini") return { embeddings: geminiEmbeddings(geminiSettings(config), callPolicy(config)), threshold: 0.55 };
  // Common local embedding models score unrelated text at 0.35–0.45: 0.5 separates them.
  if (provider === "openai" && config.OPENAI_EMBEDDING_MODEL) return { embeddings: openaiEmbeddings(openaiSettings(config), callPolicy(config)), threshold: 0.5 };
  return { embeddings: new HashedEmbeddings(), threshold: defaultSettings.similarityThreshold };
}

/** A cheap call to the model provider, remembered for a while so /health does not hammer it. */
function providerCheck(config: EngineConfig, overridden: boolean): Runtime["checkProvider"] {
  if (overridden || llmProvider(config) !== "openai") return async () => ({ ok: true });
  let last: { at: number; result: { ok: boolean; detail?: string } } | null = null;
  return async () => {
    if (last && Date.now() - last.at < 20_000) return last.result;
    const result = await checkOpenAIServer(openaiSettings(config), { timeoutMs: 2_000 }).then(
      (status) => (status.hasModel ? { ok: true } : { ok: false, detail: `the server does not list the model ${config.OPENAI_MODEL}` }),
      (error: Error) => ({ ok: false, detail: error.message }),
    );
    last = { at: Date.now(), result };
    return result;
  };
}

/** Builds the whole engine from settings: database, checkpointer, leases, CV store, graph and service. */
export async function createRuntime(config: EngineConfig, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  if (!overrides.model) checkProviderSettings(config);
  if (config.PRIVATE_MODE && !overrides.model) await assertPrivateEngine(config);
  const database = overrides.database ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, poolSize: config.DB_POOL_SIZE }));
  await migrate(database.pool);
  const model = overrides.model ?? chooseModel(config);
  const chosen = chooseEmbeddings(config);
  const embeddings = overrides.embeddings ?? chosen.embeddings;
  const webSearch =
    overrides.webSearch !== undefined
      ? overrides.webSearch
      : config.TAVILY_API_KEY && !config.PRIVATE_MODE
        ? new TavilyWebSearch({ apiKey: config.TAVILY_API_KEY, apiBaseUrl: config.TAVILY_BASE_URL })
        : null;
  const cvStore = new PostgresCvStore(database.pool);
  const retriever = new CvIndexRetriever(cvStore, embeddings, { maxBytes: config.CV_INDEX_CACHE_MB * 1024 * 1024 });
  const deps: GraphDeps = {
    model,
    cv: retriever,
    webSearch,
    settings: {
      ...defaultSettings,
      similarityThreshold: config.CV_SIMILARITY_THRESHOLD ?? overrides.similarityThreshold ?? chosen.threshold,
      webSearchTimeoutMs: config.WEB_SEARCH_TIMEOUT_MS,
    },
  };
  const checkpointer = await createPostgresCheckpointer(database.pool);
  const threads = new PostgresThreadRegistry(database.pool, config.LEASE_TTL_MS);
  const pdf = new PdfReader({
    maxBytes: config.CV_MAX_BYTES,
    maxPages: config.CV_MAX_PAGES,
    parseTimeoutMs: config.CV_PARSE_TIMEOUT_MS,
    maxTextChars: config.CV_MAX_TEXT_CHARS,
    maxWorkerMemoryMb: 256,
    concurrency: config.CV_PARSE_CONCURRENCY,
  });
  const service = new InterviewService({
    interviewerGraph: buildInterviewGraph(deps, checkpointer) as unknown as DrivableGraph,
    // Role reversal needs a model that can play the candidate (both the offline and the LLM engines can).
    ...(model.answerAsCandidate ? { candidateGraph: buildCandidateGraph(deps, checkpointer) as unknown as DrivableGraph, personaCv: generatePersonaCv } : {}),
    threads,
    directory: new InterviewDirectory(database.pool),
    ingestor: new CvIngestor(embeddings, pdf),
    cvStore,
    retriever,
    engine: model.name,
    limits: { maxAnswerChars: config.ANSWER_MAX_CHARS, turnTimeoutMs: config.TURN_TIMEOUT_MS },
    ...(overrides.events ? { events: overrides.events } : {}),
  });
  // Idempotency keys are kept for a day.
  const purge = setInterval(() => void threads.purgeRequestKeys().catch(() => undefined), 60 * 60_000);
  purge.unref();
  void threads.purgeRequestKeys().catch(() => undefined);
  return {
    service,
    checkProvider: providerCheck(config, Boolean(overrides.model)),
    audio: new PostgresAudioStore(database.pool),
    database,
    engine: model.name,
    webSearch: webSearch !== null,
    close: async () => {
      clearInterval(purge);
      await pdf.close();
      if (!overrides.database) await database.close();
    },
  };
}
