import { TavilySearch } from "@langchain/tavily";
import type { WebSearch } from "../deps.js";

interface TavilyResult {
  title?: string;
  content?: string;
}

/** Web search through Tavily; returns "title: content" snippets. */
export class TavilyWebSearch implements WebSearch {
  constructor(private readonly options: { apiKey: string; apiBaseUrl?: string | undefined }) {}

  async search(query: string, maxResults: number, signal?: AbortSignal): Promise<string[]> {
    const tool = new TavilySearch({
      tavilyApiKey: this.options.apiKey,
      maxResults,
      ...(this.options.apiBaseUrl ? { apiBaseUrl: this.options.apiBaseUrl } : {}),
    });
    const reply = (await tool.invoke({ query }, { signal })) as { results?: TavilyResult[]; error?: string } | string;
    if (typeof reply === "string" || !reply || ("error" in reply && reply.error)) throw new Error("web search failed");
    return (reply.results ?? []).filter((r) => r.content).map((r) => (r.title ? `${r.title}: ${r.content}` : r.content!));
  }
}
