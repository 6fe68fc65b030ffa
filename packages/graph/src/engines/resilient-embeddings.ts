import { Embeddings } from "@langchain/core/embeddings";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { callProvider, InvalidOutput, KeyRing, type CallPolicy } from "../providers/resilience.js";

/**
 * Provider embeddings held to the same rules as model calls: a timeout per attempt, retries with
 * backoff that honour Retry-After, rotation through the API keys (one client per key), and empty
 * vectors treated as a failure rather than stored.
 */
export class ResilientEmbeddings extends Embeddings {
  private readonly keys: KeyRing;

  constructor(
    private readonly clients: EmbeddingsInterface[],
    private readonly policy: CallPolicy,
    private readonly provider = "embedding provider",
  ) {
    super({});
    this.keys = new KeyRing(clients.length);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    return callProvider(
      this.provider,
      async ({ key }) => {
        const vectors = await this.clients[key]!.embedDocuments(texts);
        if (vectors.length !== texts.length || vectors.some((v) => !v?.length)) throw new InvalidOutput("the embedding reply had missing vectors");
        return vectors;
      },
      { policy: this.policy, keys: this.keys },
    );
  }

  async embedQuery(text: string): Promise<number[]> {
    return callProvider(
      this.provider,
      async ({ key }) => {
        const vector = await this.clients[key]!.embedQuery(text);
        if (!vector?.length) throw new InvalidOutput("the embedding reply had no vector");
        return vector;
      },
      { policy: this.policy, keys: this.keys },
    );
  }
}
