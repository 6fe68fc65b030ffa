import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { GraphDeps } from "../deps.js";
import type { InterviewState, InterviewUpdate } from "../state.js";

export const threadIdOf = (config: LangGraphRunnableConfig): string => String(config.configurable?.thread_id ?? "");

/** Searches this interview's CV for the topic; grounds the question if the best passage is close enough. */
export function makeRetrieveCv(deps: GraphDeps) {
  return async (state: InterviewState, config: LangGraphRunnableConfig): Promise<InterviewUpdate> => {
    if (!state.cvId) return { similarityScore: null, contextSource: "none", retrievedContext: [] };
    const hits = await deps.cv.search(threadIdOf(config), state.cvId, state.topic, deps.settings.retrievalTopK);
    const best = hits[0]?.similarity ?? 0;
    const similarityScore = Math.round(best * 1000) / 1000;
    const close = hits.filter((h) => h.similarity >= deps.settings.similarityThreshold);
    if (close.length === 0) return { similarityScore, contextSource: "none", retrievedContext: [] };
    return { similarityScore, contextSource: "cv", retrievedContext: close.map((h) => h.text) };
  };
}
