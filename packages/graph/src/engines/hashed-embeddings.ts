import { Embeddings } from "@langchain/core/embeddings";
import { contentWords, fnv1a, stem } from "../text/words.js";

/**
 * Deterministic local embeddings: hashed bag of stemmed words (sublinear term frequency),
 * L2-normalised and rounded so they stay small in checkpoints.
 * Needs no network, so CV retrieval works offline; cosine similarity then measures term overlap.
 */
export class HashedEmbeddings extends Embeddings {
  constructor(readonly dimensions = 1024) {
    super({});
  }

  embedOne(text: string): number[] {
    const vector = new Array<number>(this.dimensions).fill(0);
    const counts = new Map<string, number>();
    for (const word of contentWords(text)) {
      const term = stem(word);
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    for (const [word, tf] of counts) {
      const h = fnv1a(word);
      vector[h % this.dimensions]! += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(tf));
    }
    const norm = Math.sqrt(vector.reduce((s, v) => s + v * v, 0));
    return norm === 0 ? vector : vector.map((v) => Math.round((v / norm) * 1e4) / 1e4);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedOne(text);
  }
}
