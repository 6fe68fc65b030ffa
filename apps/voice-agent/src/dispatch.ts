import { z } from "zod";
import type { Role } from "@interview/graph";

/**
 * The names the API's tokens dispatch (explicit dispatch, apps/api/src/voice.ts): "voice-agent"
 * interviews the human; "candidate-agent" is the AI candidate a human interviews (role reversal).
 */
export const AGENT_NAMES = ["voice-agent", "candidate-agent"] as const;
export type AgentName = (typeof AGENT_NAMES)[number];

/** The human's role in the interviews an agent takes part in. */
export function roleServedBy(agent: AgentName): Role {
  return agent === "candidate-agent" ? "interviewer" : "candidate";
}

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
