import type { InterviewModel } from "./engines/model.js";
import type { CvRetriever } from "./cv/cv-store.js";
import type { InterviewSettings } from "./settings.js";

export interface WebSearch {
  /** Short text snippets relevant to the query, best first. */
  search(query: string, maxResults: number, signal?: AbortSignal): Promise<string[]>;
}

/** Everything the graph's nodes use; injected so nodes never read the environment. */
export interface GraphDeps {
  model: InterviewModel;
  cv: CvRetriever;
  webSearch: WebSearch | null;
  settings: InterviewSettings;
}
