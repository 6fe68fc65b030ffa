import hnswlib from "hnswlib-node";
import { LRUCache } from "lru-cache";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type pg from "pg";

/** A passage of a CV and its vector, as ingestion produces it. */
export interface CvPassage {
  text: string;
  vector: number[];
}

export interface CvHit {
  text: string;
  similarity: number;
}

/** Searches one interview's CV; nothing else is ever searched. */
export interface CvRetriever {
  search(threadId: string, cvId: string, query: string, k: number): Promise<CvHit[]>;
  /** The CV's first passages, in order: its overview (name, summary, latest roles). */
  opening(threadId: string, cvId: string, n: number): Promise<string[]>;
}

/** Where CV passages are kept: written once when an interview starts, erased with it. */
export interface CvStore {
  save(threadId: string, cvId: string, passages: CvPassage[]): Promise<void>;
  load(threadId: string, cvId: string): Promise<CvPassage[]>;
}

const toBytes = (vector: number[]) => Buffer.from(new Float32Array(vector).buffer);
const fromBytes = (bytes: Buffer) => Array.from(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));

/** CV passages in PostgreSQL (`interview_cv_chunks`), vectors as float4 bytes. */
export class PostgresCvStore implements CvStore {
  constructor(private readonly pool: pg.Pool) {}

  async save(threadId: string, cvId: string, passages: CvPassage[]): Promise<void> {
    if (passages.length === 0) return;
    await this.pool.query(
      `insert into interview_cv_chunks (thread_id, cv_id, idx, text, vector)
       select $1, $2, p.idx, p.text, p.vector from unnest($3::int[], $4::text[], $5::bytea[]) p(idx, text, vector)`,
      [threadId, cvId, passages.map((_, i) => i), passages.map((p) => p.text), passages.map((p) => toBytes(p.vector))],
    );
  }

  async load(threadId: string, cvId: string): Promise<CvPassage[]> {
    const { rows } = await this.pool.query<{ text: string; vector: Buffer }>(
      "select text, vector from interview_cv_chunks where thread_id = $1 and cv_id = $2 order by idx",
      [threadId, cvId],
    );
    return rows.map((r) => ({ text: r.text, vector: fromBytes(r.vector) }));
  }
}

/** For tests and the benchmark's in-process floor. */
export class InMemoryCvStore implements CvStore {
  private readonly passages = new Map<string, CvPassage[]>();
  async save(threadId: string, cvId: string, passages: CvPassage[]) {
    this.passages.set(`${threadId}\0${cvId}`, passages);
  }
  async load(threadId: string, cvId: string) {
    return this.passages.get(`${threadId}\0${cvId}`) ?? [];
  }
}

/**
 * About 70 KB for a two-page CV's 1 024-dimension vectors: 16 MB keeps the last ~230 CVs
 * searched; a miss costs one read of the CV's rows and a rebuild, about 6 ms.
 */
export const DEFAULT_CV_INDEX_CACHE_MB = 16;

interface CvIndex {
  texts: string[];
  index: hnswlib.BruteforceSearch;
}

/**
 * Vector search over an interview's CV with hnswlib. The index is a cache any process can rebuild
 * from the store; it is keyed by the CV's id, which is new for every ingested CV, so an index can
 * never answer for another CV — not even for a new CV under a reused interview id.
 * A CV is a few to a few hundred passages, so each gets hnswlib's exact (brute-force) index.
 */
export class CvIndexRetriever implements CvRetriever {
  private readonly indexes: LRUCache<string, CvIndex>;

  constructor(
    private readonly store: CvStore,
    private readonly embeddings: EmbeddingsInterface,
    options: { maxBytes?: number; idleMs?: number } = {},
  ) {
    this.indexes = new LRUCache<string, CvIndex>({
      maxSize: options.maxBytes ?? DEFAULT_CV_INDEX_CACHE_MB * 1024 * 1024,
      sizeCalculation: (entry) => Math.max(1, entry.index.getCurrentCount() * entry.index.getNumDimensions() * 4),
      ttl: options.idleMs ?? 15 * 60_000,
      updateAgeOnGet: true,
    });
  }

  /** Indexes passages just ingested, so the interview's first questions need not read them back. */
  remember(cvId: string, passages: CvPassage[]): void {
    if (passages.length) this.indexes.set(cvId, buildIndex(passages));
  }

  forget(cvId: string): void {
    this.indexes.delete(cvId);
  }

  private async indexOf(threadId: string, cvId: string): Promise<CvIndex | null> {
    const cached = this.indexes.get(cvId);
    if (cached) return cached;
    const passages = await this.store.load(threadId, cvId);
    if (passages.length === 0) return null;
    const built = buildIndex(passages);
    this.indexes.set(cvId, built);
    return built;
  }

  async opening(threadId: string, cvId: string, n: number): Promise<string[]> {
    return (await this.indexOf(threadId, cvId))?.texts.slice(0, n) ?? [];
  }

  async search(threadId: string, cvId: string, query: string, k: number): Promise<CvHit[]> {
    const cached = await this.indexOf(threadId, cvId);
    if (!cached) return [];
    const vector = await this.embeddings.embedQuery(query);
    const { neighbors, distances } = cached.index.searchKnn(vector, Math.min(k, cached.texts.length));
    // The cosine space returns a distance: 1 - cosine similarity (NaN for an all-zero query).
    return neighbors.map((label, i) => ({ text: cached.texts[label]!, similarity: Number.isFinite(distances[i]) ? 1 - distances[i]! : 0 }));
  }
}

function buildIndex(passages: CvPassage[]): CvIndex {
  const index = new hnswlib.BruteforceSearch("cosine", passages[0]!.vector.length);
  index.initIndex(passages.length);
  passages.forEach(({ vector }, label) => index.addPoint(vector, label));
  return { texts: passages.map((p) => p.text), index };
}
