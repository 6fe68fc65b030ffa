import type { WebSearch } from "../deps.js";

/** A web search that answers from a fixed list (or hangs, or fails) and records what it was asked. */
export class RecordingWebSearch implements WebSearch {
  readonly queries: string[] = [];
  constructor(
    private readonly results: string[] = ["Acme builds logistics software used by 3,000 fleets."],
    private readonly behaviour: "answer" | "hang" | "fail" = "answer",
  ) {}

  async search(query: string, maxResults: number): Promise<string[]> {
    this.queries.push(query);
    if (this.behaviour === "hang") return new Promise<never>(() => undefined);
    if (this.behaviour === "fail") throw new Error("search provider answered 500");
    return this.results.slice(0, maxResults);
  }
}
