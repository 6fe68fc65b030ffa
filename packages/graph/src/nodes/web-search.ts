import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { GraphDeps } from "../deps.js";
import type { InterviewState, InterviewUpdate } from "../state.js";
import { raceSignal } from "../race-signal.js";

/**
 * Grounds the question in web results about the company, role and topic. A search that fails or
 * takes too long degrades to no context: the question is still asked.
 */
export function makeWebSearch(deps: GraphDeps) {
  return async (state: InterviewState, config: LangGraphRunnableConfig): Promise<InterviewUpdate> => {
    if (!deps.webSearch) return { contextSource: "none" };
    const query = [state.company, state.jobTitle, state.topic !== state.jobTitle ? state.topic : ""].filter(Boolean).join(" ");
    const deadline = AbortSignal.timeout(deps.settings.webSearchTimeoutMs);
    const signal = config.signal ? AbortSignal.any([config.signal, deadline]) : deadline;
    try {
      const search = deps.webSearch.search(query, deps.settings.webResults, signal);
      const results = await raceSignal(search, signal);
      if (results.length === 0) return { contextSource: "none", retrievedContext: [] };
      return { contextSource: "web", retrievedContext: results.map((r) => r.slice(0, 600)) };
    } catch (error) {
      // The turn itself was abandoned: stop here rather than carry on without context.
      if (config.signal?.aborted) throw error;
      return { contextSource: "none", retrievedContext: [] };
    }
  };
}
