import { z } from "zod";

/** The name the API's tokens dispatch; the worker registers under it (explicit dispatch). */
export const AGENT_NAME = "voice-agent";

const DispatchMetadata = z.object({ thread_id: z.string().trim().min(1).max(128) });

/** The interview thread this job is for: the only thing the dispatch metadata carries. */
export function threadIdFromMetadata(metadata: string | undefined): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata ?? "");
  } catch {
    throw new Error('The dispatch metadata is not JSON; expected {"thread_id": "..."} (start voice interviews through POST /join).');
  }
  const result = DispatchMetadata.safeParse(parsed);
  if (!result.success) throw new Error('The dispatch metadata has no thread_id; expected {"thread_id": "..."} (start voice interviews through POST /join).');
  return result.data.thread_id;
}
