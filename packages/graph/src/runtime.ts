import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { EngineConfig } from "./config.js";
import type { GraphDeps, WebSearch } from "./deps.js";
import type { InterviewModel } from "./engines/model.js";
import { OfflineModel } from "./engines/offline/index.js";
import { geminiEmbeddings, geminiInterviewer } from "./engines/gemini.js";
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
import { buildInterviewGraph } from "./graph.js";
import { buildCandidateGraph } from "./candidate-graph.js";
import { generatePersonaCv } from "./candidate/index.js";
import { InterviewService, type DrivableGraph, type InterviewEvents } from "./service.js";
import { PostgresAudioStore, type AudioStore } from "./audio-store.js";
import { defaultSettings } from "./settings.js";

export interface Runtime {
  service: InterviewService;
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

function chooseModel(config: EngineConfig): InterviewModel {
  if (config.GOOGLE_API_KEY.length === 0) return new OfflineModel();
  return geminiInterviewer(
    { apiKeys: config.GOOGLE_API_KEY, model: config.GEMINI_MODEL, embeddingModel: config.GEMINI_EMBEDDING_MODEL, baseUrl: config.GEMINI_BASE_URL },
    chatPolicies(config),
  );
}

function chooseEmbeddings(config: EngineConfig): { embeddings: EmbeddingsInterface; threshold: number } {
  if (config.GOOGLE_API_KEY.length === 0) return { embeddings: new HashedEmbeddings(), threshold: defaultSettings.similarityThreshold };
  return {
    embeddings: geminiEmbeddings(
      { apiKeys: config.GOOGLE_API_KEY, model: config.GEMINI_MODEL, embeddingModel: config.GEMINI_EMBEDDING_MODEL, baseUrl: config.GEMINI_BASE_URL },
      callPolicy(config),
    ),
    threshold: 0.55,
  };
}

/** Builds the whole engine from settings: database, checkpointer, leases, CV store, graph and service. */
export async function createRuntime(config: EngineConfig, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  const database = overrides.database ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, poolSize: config.DB_POOL_SIZE }));
  await migrate(database.pool);
  const model = overrides.model ?? chooseModel(config);
  const chosen = chooseEmbeddings(config);
  const embeddings = overrides.embeddings ?? chosen.embeddings;
  const webSearch =
    overrides.webSearch !== undefined
      ? overrides.webSearch
      : config.TAVILY_API_KEY
        ? new TavilyWebSearch({ apiKey: config.TAVILY_API_KEY, apiBaseUrl: config.TAVILY_BASE_URL })
        : null;
  const cvStore = new PostgresCvStore(database.pool);
  const retriever = new CvIndexRetriever(cvStore, embeddings);
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
