import type { GraphDeps } from "../deps.js";
import type { InterviewState, InterviewUpdate } from "../state.js";

/** Grounds the question in web results about the company, role and topic; a failed search degrades to none. */
export function makeWebSearch(deps: GraphDeps) {
  return async (state: InterviewState): Promise<InterviewUpdate> => {
    if (!deps.webSearch) return { contextSource: "none" };
    const query = [state.company, state.jobTitle, state.topic !== state.jobTitle ? state.topic : ""]
      .filter(Boolean)
      .join(" ");
    try {
      const results = await deps.webSearch.search(query, deps.settings.webResults);
      if (results.length === 0) return { contextSource: "none", retrievedContext: [] };
      return { contextSource: "web", retrievedContext: results.map((r) => r.slice(0, 600)) };
    } catch {
      return { contextSource: "none", retrievedContext: [] };
    }
  };
}
