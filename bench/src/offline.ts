import {
  CvIndexRetriever, CvIngestor, HashedEmbeddings, InMemoryCvStore, InMemoryThreadRegistry, InterviewService, OfflineModel, PdfReader,
  buildInterviewGraph, createMemoryCheckpointer, defaultSettings, type GraphDeps,
} from "@interview/graph";
import type { DrivableGraph } from "../../packages/graph/src/service.js";

/** What the benchmark's in-process set-ups share: the offline engine and a CV store in memory, as createRuntime wires them with no key set. */
export function offlineParts() {
  const embeddings = new HashedEmbeddings();
  const cvStore = new InMemoryCvStore();
  const retriever = new CvIndexRetriever(cvStore, embeddings);
  const deps: GraphDeps = { model: new OfflineModel(), cv: retriever, webSearch: null, settings: { ...defaultSettings } };
  // The reader's pool starts no process until a PDF comes (none does here: CVs are given as text).
  return { deps, embeddings, cvStore, retriever, ingestor: new CvIngestor(embeddings, new PdfReader()) };
}

/**
 * The framework floor: the same graph and service on LangGraph's MemorySaver with the
 * in-memory thread registry and CV store, no HTTP, no database.
 */
export function memoryService(): InterviewService {
  const { deps, cvStore, retriever, ingestor } = offlineParts();
  const checkpointer = createMemoryCheckpointer();
  return new InterviewService({
    interviewerGraph: buildInterviewGraph(deps, checkpointer) as unknown as DrivableGraph,
    threads: new InMemoryThreadRegistry(checkpointer),
    ingestor,
    cvStore,
    retriever,
    engine: "offline",
  });
}
