import { spawnTarget } from "./ipc.js";
import type { IngestResult } from "./targets/cv-ingest.js";

export type { IngestResult };

/** CV ingestion for a 1-page and a 10-page PDF, in a child process. */
export async function measureCvIngestion(runs = 15): Promise<IngestResult[]> {
  const target = await spawnTarget("cv-ingest.ts");
  try {
    const results: IngestResult[] = [];
    for (const pages of [1, 10]) results.push(await target.request<IngestResult>("measure", { pages, runs }));
    return results;
  } finally {
    await target.stop();
  }
}
