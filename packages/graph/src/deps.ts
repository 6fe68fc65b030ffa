import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { InterviewModel } from "./engines/model.js";
import type { CvIndexCache } from "./cv/cv-index.js";
import type { InterviewSettings } from "./settings.js";

export interface WebSearch {
  /** Short text snippets relevant to the query, best first. */
  search(query: string, maxResults: number): Promise<string[]>;
}

/** Everything the graph's nodes use; injected so nodes never read the environment. */
export interface GraphDeps {
  model: InterviewModel;
  embeddings: EmbeddingsInterface;
  cvIndex: CvIndexCache;
  webSearch: WebSearch | null;
  settings: InterviewSettings;
}
