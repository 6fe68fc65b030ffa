import {
  ChatInterviewModel, ResilientChat, createRuntime, loadEngineConfig, type CallPolicy, type InterviewService, type TurnView,
} from "@interview/graph";
import { ScriptedChatModel, wellBehaved } from "@interview/graph/testing";
import { mean, median, mergeIntervals, sequenceOf } from "./stats.js";
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
  /** Model calls awaited before the first token of the next question (overlapping ones count once); NaN when nothing streamed. */
  callsBeforeFirstToken: number;
  /** The calls by start time: overlapping ones joined by ∥, one after another by →. */
  sequence: string;
}


export interface CriticalPathResult {
  modelMs: number;
  turns: TurnTiming[];
  answer: { calls: number; critical: number; p50: number; firstToken: number; callsBeforeFirstToken: number; kinds: string };
  final: { calls: number; critical: number; p50: number; kinds: string };
  start: { calls: number; critical: number; p50: number };
}

async function timedTurn(model: ScriptedChatModel, kind: TurnTiming["kind"], work: (onToken: () => void) => Promise<TurnView>) {
  const first = model.calls.length;
  let firstToken = NaN;
  let firstTokenAt = NaN;
  const t0 = performance.now();
  const view = await work(() => {
    if (Number.isNaN(firstToken)) {
      firstTokenAt = performance.now();
      firstToken = firstTokenAt - t0;
    }
  });
  const ms = performance.now() - t0;
  const calls = model.calls.slice(first);
  const timing: TurnTiming = {
    kind: kind === "answer" && view.status === "completed" ? "final" : kind,
    ms,
    firstTokenMs: firstToken,
    calls: calls.length,
    criticalCalls: mergeIntervals(calls).length,
    callsBeforeFirstToken: Number.isNaN(firstTokenAt) ? NaN : mergeIntervals(calls.filter((c) => c.start < firstTokenAt)).length,
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
    ({ view, timing } = await timedTurn(model, "answer", (onToken) => service.answer(id, { text: ANSWER }, options(onToken))));
    timings.push(timing);
  }
  return timings;
}

/**
 * The real LLM adapter (ChatInterviewModel + ResilientChat, the production call policy of
 * runtime.ts: MODEL_MAX_RETRIES, MODEL_TIMEOUT_MS, 0.5–8 s backoff) over a fake chat model that
 * takes MODEL_MS per call, on the real runtime (PostgreSQL checkpointer, leases, CV store). The
 * model decides follow-up or next question in the call that writes the question.
 */
export async function openFakeModelRuntime(databaseUrl: string) {
  const config = loadEngineConfig({ DATABASE_URL: databaseUrl });
  const policy: CallPolicy = { retries: config.MODEL_MAX_RETRIES, minBackoffMs: 500, maxBackoffMs: 8_000, timeoutMs: config.MODEL_TIMEOUT_MS, maxRetryAfterMs: 10_000 };
  const model = new ScriptedChatModel(wellBehaved, MODEL_MS);
  const chat = new ResilientChat([model], { question: policy, evaluation: policy, assessment: policy });
  const runtime = await createRuntime(config, { model: new ChatInterviewModel(chat) });
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
      callsBeforeFirstToken: mean(of(streamed, "answer").map((t) => t.callsBeforeFirstToken)),
      kinds: kinds(of(plain, "answer")),
    },
    final: { ...summary(of(plain, "final")), kinds: kinds(of(plain, "final")) },
    start: summary(of(plain, "start")),
  };
}
