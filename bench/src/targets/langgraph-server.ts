/** Child process: the same graph (offline engine) served by LangGraph's own server (createEmbedServer, MemorySaver). */
import { serve } from "@hono/node-server";
import { MemorySaver } from "@langchain/langgraph";
import { createEmbedServer, type ThreadSaver } from "@langchain/langgraph-api/experimental/embed";
import { buildInterviewGraph, createMemoryCheckpointer } from "@interview/graph";
import { memoryAfterGc, serveCommands } from "../ipc.js";
import { offlineDeps } from "../offline.js";

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
const graph = buildInterviewGraph(offlineDeps(), checkpointer);
const app = createEmbedServer({ graph: { interview: graph }, threads: new MemoryThreads(), checkpointer });

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  serveCommands({ port: info.port }, { mem: () => memoryAfterGc() }, async () => void server.close());
});
