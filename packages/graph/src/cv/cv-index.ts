import hnswlib from "hnswlib-node";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { CvChunk } from "../types.js";
import { RecentMap } from "../recent-map.js";

export interface CvHit {
  chunkId: number;
  text: string;
  similarity: number;
}

interface ThreadIndex {
  /** What a hit returns; the vectors themselves live only in the native index. */
  chunks: Pick<CvChunk, "id" | "text">[];
  index: hnswlib.BruteforceSearch;
  /** The dimensions indexed, when the chunks use few of theirs (usedDimensions); null: all. */
  dimensions: number[] | null;
}

/**
 * The dimensions some chunk uses, when that is at most half of them. The offline (hashed)
 * vectors use a few hundred of their 1 024, and hnswlib-node copies every vector it is given
 * element by element (~50 µs per 1 024 numbers; bench/RESULTS.md), keeping 4 bytes per dimension
 * per chunk. Cosine similarity stays exact: a dimension no chunk uses adds nothing to a dot
 * product, only to the query's norm, which search() puts back.
 */
function usedDimensions(chunks: CvChunk[]): number[] | null {
  const size = chunks[0]!.vector.length;
  const used = new Uint8Array(size);
  for (const { vector } of chunks) for (let d = 0; d < size; d++) if (vector[d] !== 0) used[d] = 1;
  const dimensions: number[] = [];
  for (let d = 0; d < size; d++) if (used[d]) dimensions.push(d);
  return dimensions.length > 0 && dimensions.length * 2 <= size ? dimensions : null;
}

const norm = (vector: number[]) => Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));

/**
 * Per-thread vector indexes over CV chunks. The chunks (with vectors) live in the thread's
 * checkpointed state; an index is only a cache that any process can rebuild from them, so a CV
 * is only ever searched inside the thread that owns it.
 *
 * A CV is a few to a few hundred chunks, so each thread gets hnswlib's exact (brute-force) index:
 * its HNSW graph index allocates 65 536 mutexes (~2.5 MB) per index whatever its size, which
 * made 1 000 cached threads cost 2.5 GB (bench/RESULTS.md).
 */
export class CvIndexCache {
  private readonly indexes: RecentMap<ThreadIndex>;

  constructor(
    /** Unused since the vectors come from the state; kept so callers need not change. */
    _embeddings?: EmbeddingsInterface,
    maxThreads = 1000,
    maxIdleMs = 15 * 60_000,
  ) {
    this.indexes = new RecentMap<ThreadIndex>({ maxSize: maxThreads, maxIdleMs });
  }

  async search(threadId: string, chunks: CvChunk[], queryVector: number[], k: number): Promise<CvHit[]> {
    if (chunks.length === 0) return [];
    const cached = this.indexFor(threadId, chunks);
    const query = cached.dimensions ? cached.dimensions.map((d) => queryVector[d]!) : queryVector;
    // Against the query's whole norm, not only its norm in the indexed dimensions.
    const fullNorm = cached.dimensions ? norm(queryVector) : 1;
    const scale = fullNorm === 0 ? 0 : cached.dimensions ? norm(query) / fullNorm : 1;
    const { neighbors, distances } = cached.index.searchKnn(query, Math.min(k, chunks.length));
    // The cosine space returns a distance (1 - cosine similarity).
    return neighbors.map((label, i) => ({
      chunkId: cached.chunks[label]!.id,
      text: cached.chunks[label]!.text,
      similarity: (1 - distances[i]!) * scale,
    }));
  }

  evict(threadId: string): void {
    this.indexes.delete(threadId);
  }

  get size(): number {
    return this.indexes.size;
  }

  private indexFor(threadId: string, chunks: CvChunk[]): ThreadIndex {
    const cached = this.indexes.get(threadId);
    if (cached && cached.chunks.length === chunks.length) return cached;
    const dimensions = usedDimensions(chunks);
    const index = new hnswlib.BruteforceSearch("cosine", dimensions?.length ?? chunks[0]!.vector.length);
    index.initIndex(chunks.length);
    chunks.forEach(({ vector }, label) => index.addPoint(dimensions ? dimensions.map((d) => vector[d]!) : vector, label));
    // Keeping the state's chunks would keep their vectors as JS arrays (~140 KB per 2-page CV).
    const entry = { chunks: chunks.map(({ id, text }) => ({ id, text })), index, dimensions };
    this.indexes.set(threadId, entry);
    return entry;
  }
}
