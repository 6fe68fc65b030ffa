import {
  ChatInterviewModel, ResilientChat, createRuntime, loadEngineConfig, type InterviewService, type TurnView,
} from "@interview/graph";
import { ScriptedChatModel, wellBehaved } from "@interview/graph/testing";
import { mean, median, mergeIntervals } from "./stats.js";
import { ANSWER, INTERVIEW } from "./workload.js";

/** The fake model's latency per call. */
export const MODEL_MS = 300;

export interface TurnTiming {
  kind: "start" | "answer" | "final";
  /** Request to complete reply (what POST /continue_interview waits for). */
  ms: number;
  /** Request to first token of the next question (SSE / voice); NaN when nothing streamed. */
  firstTokenMs: number;
  calls: number;
  /** Model calls on the critical path: overlapping calls count once. */
  criticalCalls: number;
  /** The calls by start time: overlapping ones joined by ∥, one after another by →. */
  sequence: string;
}

function sequenceOf(calls: { kind: string; start: number; end: number }[]): string {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const groups: { end: number; kinds: string[] }[] = [];
  for (const call of sorted) {
    const last = groups[groups.length - 1];
    if (last && call.start < last.end) {
      last.kinds.push(call.kind);
      last.end = Math.max(last.end, call.end);
    } else groups.push({ end: call.end, kinds: [call.kind] });
  }
  return groups.map((g) => g.kinds.join(" ∥ ")).join(" → ");
}

export interface CriticalPathResult {
  modelMs: number;
  turns: TurnTiming[];
  answer: { calls: number; critical: number; p50: number; firstToken: number; kinds: string };
  final: { calls: number; critical: number; p50: number; kinds: string };
  start: { calls: number; critical: number; p50: number };
}

async function timedTurn(model: ScriptedChatModel, kind: TurnTiming["kind"], work: (onToken: () => void) => Promise<TurnView>) {
  const first = model.calls.length;
  let firstToken = NaN;
  const t0 = performance.now();
  const view = await work(() => {
    if (Number.isNaN(firstToken)) firstToken = performance.now() - t0;
  });
  const ms = performance.now() - t0;
  const calls = model.calls.slice(first);
  const timing: TurnTiming = {
    kind: kind === "answer" && view.status === "completed" ? "final" : kind,
    ms,
    firstTokenMs: firstToken,
    calls: calls.length,
    criticalCalls: mergeIntervals(calls).length,
    sequence: sequenceOf(calls),
  };
  return { view, timing };
}

async function interview(service: InterviewService, model: ScriptedChatModel, streamed: boolean): Promise<TurnTiming[]> {
  const options = (onToken: () => void) => (streamed ? { onToken } : {});
  const timings: TurnTiming[] = [];
  let { view, timing } = await timedTurn(model, "start", (onToken) => service.start({ ...INTERVIEW }, options(onToken)));
  timings.push(timing);
  for (let i = 0; i < 20 && view.status !== "completed"; i++) {
    const id = view.threadId;
    ({ view, timing } = await timedTurn(model, "answer", (onToken) => service.answer(id, ANSWER, "text", options(onToken))));
    timings.push(timing);
  }
  return timings;
}

/**
 * The real LLM adapter (ChatInterviewModel + ResilientChat, production retry policy) over a fake
 * chat model that takes MODEL_MS per call, on the real runtime (PostgreSQL checkpointer).
 */
export async function openFakeModelRuntime(databaseUrl: string) {
  const model = new ScriptedChatModel(wellBehaved, MODEL_MS);
  const chat = new ResilientChat([model], { retries: 3, minTimeoutMs: 500, maxTimeoutMs: 8_000 });
  const runtime = await createRuntime(loadEngineConfig({ DATABASE_URL: databaseUrl }), { model: new ChatInterviewModel(chat) });
  // pg-pool resolves end() before its sockets close; a server shutting down just after must not crash us.
  runtime.database.pool.on("error", () => undefined);
  return { runtime, model };
}

/** Interviews run once with plain turns (as POST /continue_interview) and once streamed (SSE, voice). */
export async function measureCriticalPath(service: InterviewService, model: ScriptedChatModel, interviews = 2): Promise<CriticalPathResult> {
  await interview(service, model, false); // warm-up
  const plain: TurnTiming[] = [];
  const streamed: TurnTiming[] = [];
  for (let i = 0; i < interviews; i++) {
    plain.push(...(await interview(service, model, false)));
    streamed.push(...(await interview(service, model, true)));
  }
  const of = (list: TurnTiming[], kind: TurnTiming["kind"]) => list.filter((t) => t.kind === kind);
  const kinds = (list: TurnTiming[]) => [...new Set(list.map((t) => t.sequence))].join("; ");
  const summary = (list: TurnTiming[]) => ({
    calls: mean(list.map((t) => t.calls)),
    critical: mean(list.map((t) => t.criticalCalls)),
    p50: median(list.map((t) => t.ms)),
  });
  return {
    modelMs: MODEL_MS,
    turns: [...plain, ...streamed],
    answer: {
      ...summary(of(plain, "answer")),
      firstToken: median(of(streamed, "answer").map((t) => t.firstTokenMs)),
      kinds: kinds(of(plain, "answer")),
    },
    final: { ...summary(of(plain, "final")), kinds: kinds(of(plain, "final")) },
    start: summary(of(plain, "start")),
  };
}
