import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { GraphDeps } from "../deps.js";
import type { InterviewState, InterviewUpdate } from "../state.js";

export const threadIdOf = (config: LangGraphRunnableConfig): string => String(config.configurable?.thread_id ?? "");

/** Searches this thread's CV index for the topic; grounds the question if the best hit is close enough. */
export function makeRetrieveCv(deps: GraphDeps) {
  return async (state: InterviewState, config: LangGraphRunnableConfig): Promise<InterviewUpdate> => {
    const query = await deps.embeddings.embedQuery(state.topic);
    const hits = await deps.cvIndex.search(threadIdOf(config), state.cv, query, deps.settings.retrievalTopK);
    const best = hits[0]?.similarity ?? 0;
    const similarityScore = Math.round(best * 1000) / 1000;
    if (best < deps.settings.similarityThreshold) {
      return { similarityScore, contextSource: "none", retrievedContext: [] };
    }
    return {
      similarityScore,
      contextSource: "cv",
      retrievedContext: hits.filter((h) => h.similarity >= deps.settings.similarityThreshold).map((h) => h.text),
    };
  };
}
