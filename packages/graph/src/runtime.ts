import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { ChatGoogleGenerativeAI, GoogleGenerativeAIEmbeddings } from "@langchain/google-genai";
import type { EngineConfig } from "./config.js";
import type { GraphDeps, WebSearch } from "./deps.js";
import type { InterviewModel } from "./engines/model.js";
import { OfflineModel } from "./engines/offline/index.js";
import { ChatInterviewModel } from "./engines/gemini/chat-model.js";
import { ResilientChat } from "./engines/gemini/resilient-chat.js";
import { HashedEmbeddings } from "./engines/hashed-embeddings.js";
import { TavilyWebSearch } from "./search/tavily.js";
import { CvIndexCache } from "./cv/cv-index.js";
import { CvIngestor } from "./cv/ingest.js";
import { openDatabase, type Database } from "./database.js";
import { createPostgresCheckpointer } from "./checkpointer.js";
import { PostgresThreadRegistry } from "./threads.js";
import { buildInterviewGraph } from "./graph.js";
import { InterviewService } from "./service.js";
import { defaultSettings } from "./settings.js";

export interface Runtime {
  service: InterviewService;
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
}

function chooseModel(config: EngineConfig): InterviewModel {
  if (config.GOOGLE_API_KEY.length === 0) return new OfflineModel();
  const models = config.GOOGLE_API_KEY.map(
    (apiKey) =>
      new ChatGoogleGenerativeAI({ apiKey, model: config.GEMINI_MODEL, maxRetries: 0, temperature: 0.4, baseUrl: config.GEMINI_BASE_URL }),
  );
  const chat = new ResilientChat(
    models.map((m) => m.withConfig({ timeout: config.MODEL_TIMEOUT_MS }) as unknown as ChatGoogleGenerativeAI),
    { retries: config.MODEL_MAX_RETRIES, minTimeoutMs: 500, maxTimeoutMs: 8_000 },
  );
  return new ChatInterviewModel(chat);
}

function chooseEmbeddings(config: EngineConfig): { embeddings: EmbeddingsInterface; threshold: number } {
  const key = config.GOOGLE_API_KEY[0];
  if (!key) return { embeddings: new HashedEmbeddings(), threshold: defaultSettings.similarityThreshold };
  return {
    // 768 dimensions keep the vectors stored in each interview's checkpoint small.
    embeddings: new GoogleGenerativeAIEmbeddings({
      apiKey: key,
      model: config.GEMINI_EMBEDDING_MODEL,
      outputDimensionality: 768,
      maxRetries: 2,
      baseUrl: config.GEMINI_BASE_URL,
    }),
    threshold: 0.55,
  };
}

/** Builds the whole engine: database, checkpointer, locks, graph and service. */
export async function createRuntime(config: EngineConfig, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  const database =
    overrides.database ??
    (await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, poolSize: config.DB_POOL_SIZE, prepareStatements: config.DB_PREPARED_STATEMENTS }));
  const model = overrides.model ?? chooseModel(config);
  const chosen = chooseEmbeddings(config);
  const embeddings = overrides.embeddings ?? chosen.embeddings;
  const webSearch =
    overrides.webSearch !== undefined
      ? overrides.webSearch
      : config.TAVILY_API_KEY
        ? new TavilyWebSearch({ apiKey: config.TAVILY_API_KEY, apiBaseUrl: config.TAVILY_BASE_URL })
        : null;
  const cvIndex = new CvIndexCache(embeddings);
  const deps: GraphDeps = {
    model,
    embeddings,
    cvIndex,
    webSearch,
    settings: {
      ...defaultSettings,
      similarityThreshold: config.CV_SIMILARITY_THRESHOLD ?? overrides.similarityThreshold ?? chosen.threshold,
    },
  };
  const checkpointer = await createPostgresCheckpointer(database.pool);
  const threads = await PostgresThreadRegistry.create(database.pool, config.TURN_TIMEOUT_MS + 30_000);
  const service = new InterviewService({
    graph: buildInterviewGraph(deps, checkpointer),
    checkpointer,
    threads,
    ingestor: new CvIngestor(embeddings, {
      maxBytes: config.CV_MAX_BYTES,
      maxPages: config.CV_MAX_PAGES,
      parseTimeoutMs: config.CV_PARSE_TIMEOUT_MS,
    }),
    cvIndex,
    engine: model.name,
    localGraph: model instanceof OfflineModel && embeddings instanceof HashedEmbeddings && webSearch === null,
    limits: { maxAnswerChars: config.ANSWER_MAX_CHARS, turnTimeoutMs: config.TURN_TIMEOUT_MS },
  });
  return {
    service,
    database,
    engine: model.name,
    webSearch: webSearch !== null,
    close: () => (overrides.database ? Promise.resolve() : database.close()),
  };
}
