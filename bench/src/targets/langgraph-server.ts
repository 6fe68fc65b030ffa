/** Child process: the same graph (offline engine) served by LangGraph's own server (createEmbedServer, MemorySaver). */
import { randomUUID } from "node:crypto";
import { serve } from "@hono/node-server";
import { MemorySaver } from "@langchain/langgraph";
import { createEmbedServer, type ThreadSaver } from "@langchain/langgraph-api/experimental/embed";
import { buildInterviewGraph, createMemoryCheckpointer, validateStart } from "@interview/graph";
import { memoryAfterGc, serveCommands } from "../ipc.js";
import { offlineParts } from "../offline.js";
import { INTERVIEW } from "../workload.js";

type Thread = Awaited<ReturnType<ThreadSaver["get"]>>;

/** The thread store the embed server asks for, kept in memory like the checkpointer. */
class MemoryThreads implements ThreadSaver {
  private readonly threads = new Map<string, Thread>();

  async get(id: string): Promise<Thread> {
    const thread = this.threads.get(id);
    if (!thread) throw new Error(`thread ${id} not found`);
    return thread;
  }

  async set(id: string, { kind, metadata }: { kind: "put" | "patch"; metadata?: Thread["metadata"] }): Promise<Thread> {
    const existing = this.threads.get(id);
    const thread = { thread_id: id, metadata: kind === "patch" ? { ...existing?.metadata, ...metadata } : { ...metadata } };
    this.threads.set(id, thread);
    return thread;
  }

  async delete(id: string): Promise<void> {
    this.threads.delete(id);
  }
}

// LangGraph's own MemorySaver, as a user of its server gets it; BENCH_PEER_CHECKPOINTER=engine
// gives it the engine's (MemorySaver with the engine's serializer) to separate the two costs.
const checkpointer = process.env.BENCH_PEER_CHECKPOINTER === "engine" ? createMemoryCheckpointer() : new MemorySaver();
const parts = offlineParts();
const graph = buildInterviewGraph(parts.deps, checkpointer);
const app = createEmbedServer({ graph: { interview: graph }, threads: new MemoryThreads(), checkpointer });

/**
 * What our service does before the graph runs on a start, for LangGraph's server: the CV is
 * ingested into this process's CV store (and indexed), and the graph's input names it.
 */
async function ingest(threadId: string) {
  const cv = await parts.ingestor.fromText(INTERVIEW.cvText);
  const cvId = randomUUID();
  await parts.cvStore.save(threadId, cvId, cv.passages);
  parts.retriever.remember(cvId, cv.passages);
  return { ...validateStart({ ...INTERVIEW }), seed: threadId, engine: "offline", cvId, cvProfile: cv.profile };
}

const server = serve(
  {
    fetch: async (request: Request) => {
      if (new URL(request.url).pathname !== "/bench/cv") return app.fetch(request);
      const { threadId } = (await request.json()) as { threadId: string };
      return Response.json({ input: await ingest(threadId) });
    },
    port: 0,
    hostname: "127.0.0.1",
  },
  (info) => {
    serveCommands({ port: info.port }, { mem: () => memoryAfterGc() }, async () => void server.close());
  },
);
