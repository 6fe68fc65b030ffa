import { startOpenAIServer, startOpenAiAudioServer, wavClip } from "@interview/graph/testing";
import { spawnApi } from "./api-process.js";
import { ApiClient } from "./clients.js";
import { MODEL_MS } from "./critical-path.js";
import { startDelayProxy, type ProxiedCall } from "./delay-proxy.js";
import { mean, median, mergeIntervals, sequenceOf } from "./stats.js";
import { ANSWER } from "./workload.js";

/** The fake speech-to-text server's latency per transcription. */
export const STT_MS = 200;

/** Whole interviews per channel before the measured ones, at zero latency. */
const WARM_UP_INTERVIEWS = 10;

type Channel = "json" | "sse" | "audio";

interface Timed {
  channel: Channel;
  kind: "start" | "answer" | "final";
  t0: number;
  t1: number;
  firstTokenAt: number;
}

export interface ChannelSummary {
  turns: number;
  p50: number;
  /** Model calls per turn, and on its critical path (overlapping calls count once). */
  calls: number;
  critical: number;
  kinds: string;
  /** SSE only: request → first token event, and the model calls awaited before it. */
  firstToken: number;
  callsBeforeFirstToken: number;
  /** Audio only: transcriptions per turn. */
  sttCalls: number;
}

export interface ProviderTurnsResult {
  modelMs: number;
  warmUpInterviews: number;
  sttMs: number;
  /** Median of the fake model calls' own duration through the latency proxy (request in → reply out). */
  modelCallMs: number;
  sttCallMs: number;
  start: ChannelSummary;
  json: ChannelSummary;
  sse: ChannelSummary;
  audio: ChannelSummary;
  final: ChannelSummary;
}


/**
 * apps/api's server.ts (its own process) with the OpenAI-compatible engine (LLM_PROVIDER=openai)
 * against the loopback fake of packages/graph/src/testing/openai-server.ts, and speech-to-text
 * (STT_PROVIDER=openai) against the loopback fake of testing's openai-audio-server.ts, each behind
 * a fixed latency (MODEL_MS per chat completion, STT_MS per transcription). Whole interviews at 1
 * concurrent: answers as JSON, streamed as SSE, and as recordings (multipart `audio`), after a
 * warm-up at zero latency.
 */
export async function measureProviderTurns(databaseUrl: string, interviews = 3): Promise<ProviderTurnsResult> {
  const openai = await startOpenAIServer();
  const audio = await startOpenAiAudioServer({ transcript: ANSWER });
  const model = await startDelayProxy(openai.url, MODEL_MS, (path) => path.endsWith("/chat/completions"));
  const stt = await startDelayProxy(audio.url, STT_MS, (path) => path.endsWith("/audio/transcriptions"));
  const api = await spawnApi(databaseUrl, {
    LLM_PROVIDER: "openai",
    OPENAI_BASE_URL: `${model.url}/v1`,
    OPENAI_MODEL: "local-model",
    STT_PROVIDER: "openai",
    TTS_PROVIDER: "none",
    OPENAI_AUDIO_BASE_URL: stt.url,
  }).catch(async (error: Error) => {
    await Promise.all([model.close(), stt.close(), openai.close(), audio.close()]);
    throw error;
  });
  const client = new ApiClient(`http://127.0.0.1:${api.ready.port}`);
  const clip = { filename: "answer.wav", type: "audio/wav", bytes: wavClip({ seconds: 2 }) };
  const timed: Timed[] = [];
  const interview = async (channel: Channel, record: boolean) => {
    let t0 = performance.now();
    let turn = await client.start();
    if (record) timed.push({ channel, kind: "start", t0, t1: performance.now(), firstTokenAt: NaN });
    for (let n = 0; n < 20 && !turn.done; n++) {
      t0 = performance.now();
      let firstTokenAt = NaN;
      let reply: Record<string, unknown>;
      if (channel === "sse") ({ reply, firstTokenAt } = await client.answerStreamed(turn.threadId, ANSWER));
      else if (channel === "audio") reply = await client.answerAudio(turn.threadId, clip);
      else reply = (await client.answer(turn.threadId, ANSWER)).done ? { status: "completed" } : {};
      const t1 = performance.now();
      const done = reply.status === "completed";
      if (record) timed.push({ channel, kind: done ? "final" : "answer", t0, t1, firstTokenAt });
      turn = { threadId: turn.threadId, done };
    }
  };
  try {
    // A server in service has run many turns; the first few after a start run colder code (the
    // turn took ~15 ms longer before this warm-up). So whole interviews on every channel first,
    // with the fakes answering at once, then the measured ones at the fixed latencies.
    model.setLatency(0);
    stt.setLatency(0);
    for (let i = 0; i < WARM_UP_INTERVIEWS; i++) for (const channel of ["json", "sse", "audio"] as const) await interview(channel, false);
    model.setLatency(MODEL_MS);
    stt.setLatency(STT_MS);
    model.calls.splice(0);
    stt.calls.splice(0);
    for (let i = 0; i < interviews; i++) for (const channel of ["json", "sse", "audio"] as const) await interview(channel, true);
    // Calls that outlive a reply (none should) are recorded when they end.
    await new Promise((resolve) => setTimeout(resolve, MODEL_MS * 2));
  } finally {
    await api.stop();
    await Promise.all([model.close(), stt.close(), openai.close(), audio.close()]);
  }
  const callsOf = (list: ProxiedCall[], t: Timed) => list.filter((c) => c.start >= t.t0 && c.start <= t.t1);
  const summary = (list: Timed[]): ChannelSummary => {
    const calls = list.map((t) => callsOf(model.calls, t));
    return {
      turns: list.length,
      p50: median(list.map((t) => t.t1 - t.t0)),
      calls: mean(calls.map((c) => c.length)),
      critical: mean(calls.map((c) => mergeIntervals(c).length)),
      kinds: [...new Set(calls.map(sequenceOf))].join("; "),
      firstToken: median(list.map((t) => t.firstTokenAt - t.t0).filter(Number.isFinite)),
      callsBeforeFirstToken: mean(list.filter((t) => Number.isFinite(t.firstTokenAt)).map((t) => mergeIntervals(callsOf(model.calls, t).filter((c) => c.start < t.firstTokenAt)).length)),
      sttCalls: mean(list.map((t) => callsOf(stt.calls, t).filter((c) => c.path.endsWith("/audio/transcriptions")).length)),
    };
  };
  const of = (channel: Channel | null, kind: Timed["kind"]) => timed.filter((t) => (channel === null || t.channel === channel) && t.kind === kind);
  return {
    modelMs: MODEL_MS,
    warmUpInterviews: WARM_UP_INTERVIEWS,
    sttMs: STT_MS,
    modelCallMs: median(model.calls.filter((c) => c.path.endsWith("/chat/completions")).map((c) => c.end - c.start)),
    sttCallMs: median(stt.calls.filter((c) => c.path.endsWith("/audio/transcriptions")).map((c) => c.end - c.start)),
    start: summary(of(null, "start")),
    json: summary(of("json", "answer")),
    sse: summary(of("sse", "answer")),
    audio: summary(of("audio", "answer")),
    final: summary(of(null, "final")),
  };
}
