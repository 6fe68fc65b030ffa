import { once } from "node:events";
import { initializeLogger, llm, voice } from "@livekit/agents";

/** The framework's logger must exist before a session starts; tests keep it quiet. */
export function quietAgentLogs() {
  initializeLogger({ pretty: false, level: "silent" });
}

/** Text of every message in the session's history, as [role, text]. */
export function transcript(session: voice.AgentSession): Array<[string, string]> {
  return session.history.items
    .filter((item): item is llm.ChatMessage => item.type === "message")
    .map((item) => [item.role, item.textContent ?? ""]);
}

/** Waits until the session's history holds `count` assistant messages. */
export async function assistantMessages(session: voice.AgentSession, count: number, timeoutMs = 10_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const said = transcript(session).filter(([role]) => role === "assistant").map(([, text]) => text);
    if (said.length >= count) return said;
    if (Date.now() > deadline) throw new Error(`expected ${count} assistant messages, got ${said.length}: ${JSON.stringify(said)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves with the close reason when the session closes. */
export async function closed(session: voice.AgentSession, timeoutMs = 10_000): Promise<string> {
  const [event] = (await Promise.race([
    once(session, voice.AgentSessionEventTypes.Close),
    new Promise((_, reject) => setTimeout(() => reject(new Error("session did not close")), timeoutMs)),
  ])) as [voice.CloseEvent];
  return String(event.reason);
}

/**
 * A well-made spoken answer to whatever was just asked: it takes up the question's own words and
 * adds structure, reasons, tools and numbers, so the interviewer moves on without a follow-up.
 */
export function strongAnswer(spoken: string): string {
  const question = spoken.split(/(?<=[.!?])\s+/).filter((s) => s.endsWith("?")).at(-1) ?? spoken;
  return (
    `About ${question.replace(/[?.!]+/g, "").trim()}: at Parcelly I owned that myself. First I measured the problem, ` +
    "because deploys of our dispatch service took 40 minutes. Then I moved it to Kubernetes with Terraform and PostgreSQL, " +
    "weighing the trade-off against a managed platform on cost. As a result deploys dropped to 6 minutes and incidents fell by 30%."
  );
}
