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
    // Each distinct word is stemmed once.
    const words = new Map<string, number>();
    for (const word of contentWords(text)) words.set(word, (words.get(word) ?? 0) + 1);
    const counts = new Map<string, number>();
    for (const [word, n] of words) {
      const term = stem(word);
      counts.set(term, (counts.get(term) ?? 0) + n);
    }
    // Only the slots a term hashes to are touched (a few dozen of `dimensions`).
    const weights = new Map<number, number>();
    for (const [word, tf] of counts) {
      const h = fnv1a(word);
      const slot = h % this.dimensions;
      weights.set(slot, (weights.get(slot) ?? 0) + (h & 0x80000000 ? -1 : 1) * (1 + Math.log(tf)));
    }
    const slots = [...weights.keys()].sort((a, b) => a - b);
    const norm = Math.sqrt(slots.reduce((sum, slot) => sum + weights.get(slot)! ** 2, 0));
    const vector = new Array<number>(this.dimensions).fill(0);
    if (norm === 0) return vector;
    for (const slot of slots) vector[slot] = Math.round((weights.get(slot)! / norm) * 1e4) / 1e4;
    return vector;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedOne(text);
  }
}
