import type { WebSearch } from "../deps.js";

/** A web search that answers from a fixed list and records what it was asked. */
export class RecordingWebSearch implements WebSearch {
  readonly queries: string[] = [];
  constructor(private readonly results: string[] = ["Acme builds logistics software used by 3,000 fleets."]) {}

  async search(query: string, maxResults: number): Promise<string[]> {
    this.queries.push(query);
    return this.results.slice(0, maxResults);
  }
}
