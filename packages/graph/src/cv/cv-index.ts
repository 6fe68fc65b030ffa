import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { Document } from "@langchain/core/documents";
import type { CvChunk } from "../types.js";

export interface CvHit {
  chunkId: number;
  text: string;
  similarity: number;
}

/**
 * Per-thread HNSW indexes over CV chunks. The chunks (with vectors) live in the thread's
 * checkpointed state; an index is only a cache that any process can rebuild from them, so a CV
 * is only ever searched inside the thread that owns it.
 */
export class CvIndexCache {
  private readonly indexes = new Map<string, { size: number; store: HNSWLib }>();

  constructor(
    private readonly embeddings: EmbeddingsInterface,
    private readonly maxThreads = 1000,
  ) {}

  async search(threadId: string, chunks: CvChunk[], queryVector: number[], k: number): Promise<CvHit[]> {
    if (chunks.length === 0) return [];
    const store = await this.indexFor(threadId, chunks);
    const hits = await store.similaritySearchVectorWithScore(queryVector, Math.min(k, chunks.length));
    // hnswlib's cosine space returns a distance (1 - cosine similarity).
    return hits.map(([doc, distance]) => ({
      chunkId: doc.metadata.chunkId as number,
      text: doc.pageContent,
      similarity: 1 - distance,
    }));
  }

  evict(threadId: string): void {
    this.indexes.delete(threadId);
  }

  get size(): number {
    return this.indexes.size;
  }

  private async indexFor(threadId: string, chunks: CvChunk[]): Promise<HNSWLib> {
    const cached = this.indexes.get(threadId);
    if (cached && cached.size === chunks.length) {
      // Refresh recency for the LRU order.
      this.indexes.delete(threadId);
      this.indexes.set(threadId, cached);
      return cached.store;
    }
    const store = new HNSWLib(this.embeddings, { space: "cosine", numDimensions: chunks[0]!.vector.length });
    await store.addVectors(
      chunks.map((c) => c.vector),
      chunks.map((c) => new Document({ pageContent: c.text, metadata: { chunkId: c.id } })),
    );
    this.indexes.set(threadId, { size: chunks.length, store });
    if (this.indexes.size > this.maxThreads) {
      const oldest = this.indexes.keys().next().value;
      if (oldest !== undefined) this.indexes.delete(oldest);
    }
    return store;
  }
}
