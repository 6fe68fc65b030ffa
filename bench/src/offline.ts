import {
  CvIndexCache, CvIngestor, HashedEmbeddings, InMemoryThreadRegistry, InterviewService, OfflineModel, buildInterviewGraph,
  createMemoryCheckpointer, defaultSettings, type GraphDeps,
} from "@interview/graph";

/** The graph's dependencies with the offline engine, as createRuntime wires them when no key is set. */
export function offlineDeps(): GraphDeps {
  const embeddings = new HashedEmbeddings();
  return { model: new OfflineModel(), embeddings, cvIndex: new CvIndexCache(embeddings), webSearch: null, settings: { ...defaultSettings } };
}

/** The framework floor: the same graph and service on LangGraph's MemorySaver, no HTTP, no database. */
export function memoryService(): InterviewService {
  const deps = offlineDeps();
  const checkpointer = createMemoryCheckpointer();
  return new InterviewService({
    graph: buildInterviewGraph(deps, checkpointer),
    checkpointer,
    threads: new InMemoryThreadRegistry(checkpointer),
    ingestor: new CvIngestor(deps.embeddings),
    cvIndex: deps.cvIndex,
    engine: "offline",
  });
}
