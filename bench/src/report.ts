import type { CriticalPathResult } from "./critical-path.js";
import type { IngestResult } from "./cv-ingest.js";
import type { Environment } from "./environment.js";
import { fmt, mb, ratio } from "./stats.js";
import type { ProviderTurnsResult } from "./provider-turns.js";
import type { RealtimeResult } from "./realtime.js";
import type { LevelResult, TargetResult } from "./turns.js";
import type { VoiceResult } from "./voice.js";

export interface Results {
  env: Environment;
  loadStart: string;
  loadEnd: string;
  seconds: number;
  postgres: { kind: string; version: string };
  insert?: { p50: number; p99: number };
  floor?: TargetResult;
  api?: TargetResult;
  api2?: TargetResult;
  replicas?: TargetResult;
  peer?: TargetResult;
  peerUpdates?: TargetResult;
  peerEngineSerde?: TargetResult;
  critical?: CriticalPathResult;
  provider?: ProviderTurnsResult;
  realtime?: RealtimeResult;
  realtimeError?: string;
  voice?: VoiceResult;
  /** Why the voice bridge was not measured, when it was not. */
  voiceSkipped?: string;
  /** Lines of the engine's persistence code (wc -l), file by file. */
  persistence?: { files: Record<string, number>; total: number };
  cv?: IngestResult[];
  errors: string[];
}

const levelAt = (target: TargetResult | undefined, c: number): LevelResult | undefined => target?.levels.find((l) => l.concurrency === c);

/** The faster of LangGraph's server runs at a concurrency (the stricter comparison), by answer-turn p50. */
function bestPeer(r: Results, c: number): { level: LevelResult; mode: string } | undefined {
  const runs = [
    { level: levelAt(r.peer, c), mode: "default stream_mode" },
    { level: levelAt(r.peerUpdates, c), mode: 'stream_mode "updates"' },
  ].filter((x): x is { level: LevelResult; mode: string } => x.level !== undefined);
  return runs.sort((a, b) => a.level.p50Answer - b.level.p50Answer)[0];
}

function turnTable(r: Results): string {
  const rows: string[] = [
    "| Target | Concurrent interviews | Turns | p50 ms | p50 answer turns ms | p99 ms | Turns/s | p50 answer × (a) | p50 answer × (b) | p50 answer × (c) | Turns/s × (a) | Turns/s × (b) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const targets: [string, TargetResult | undefined][] = [
    ["**Engine: HTTP API on PostgreSQL** (server.ts, one process)", r.api],
    ["**Engine, `API_WORKERS=2`**", r.api2],
    ["**Engine, two API processes (replicas), requests alternating**", r.replicas],
    ["(a) floor: same graph + service on MemorySaver, in process", r.floor],
    ["(b) LangGraph server, default stream_mode", r.peer],
    ['(b) LangGraph server, stream_mode "updates"', r.peerUpdates],
    ["(b′) LangGraph server, \"updates\", MemorySaver given the engine's serializer", r.peerEngineSerde],
  ];
  for (const [name, target] of targets) {
    for (const level of target?.levels ?? []) {
      const floor = levelAt(r.floor, level.concurrency);
      const peer = bestPeer(r, level.concurrency)?.level;
      rows.push(
        `| ${name} | ${level.concurrency} | ${level.turns}${level.errors ? ` (${level.errors} errors)` : ""} | ${fmt(level.p50)} | ${fmt(level.p50Answer)} | ${fmt(level.p99)} | ${fmt(level.turnsPerSecond, 0)} | ${ratio(level.p50Answer, floor?.p50Answer ?? NaN)} | ${ratio(level.p50Answer, peer?.p50Answer ?? NaN)} | ${r.insert && level.concurrency === 1 ? ratio(level.p50Answer, r.insert.p50) : "–"} | ${ratio(level.turnsPerSecond, floor?.turnsPerSecond ?? NaN)} | ${ratio(level.turnsPerSecond, peer?.turnsPerSecond ?? NaN)} |`,
      );
    }
  }
  return rows.join("\n");
}

function memoryTable(r: Results): string {
  const rows = [
    "| Target | Active interviews opened | RSS per 1 000 active | V8 heap + external per 1 000 | PostgreSQL growth per 1 000 |",
    "|---|---:|---:|---:|---:|",
  ];
  for (const [name, t] of [["Engine: HTTP API on PostgreSQL", r.api], ["Engine, `API_WORKERS=2` (all processes)", r.api2], ["Engine, two replicas (both processes)", r.replicas], ["(a) floor, MemorySaver", r.floor], ["(b) LangGraph server, default", r.peer], ['(b) LangGraph server, "updates"', r.peerUpdates], ["(b′) LangGraph server, engine's serializer", r.peerEngineSerde]] as const) {
    if (!t) continue;
    rows.push(
      `| ${name} | ${t.memory.interviews} | ${fmt(mb(t.memory.rssPer1000))} MB | ${fmt(mb(t.memory.heapPer1000))} MB | ${t.storagePer1000 !== undefined ? `${fmt(mb(t.storagePer1000))} MB` : "– (in RSS)"} |`,
    );
  }
  return rows.join("\n");
}

function storageTable(r: Results): string {
  const rows = [
    "| Concurrent | SQL statements / turn | Checkpoints / turn | Blob rows / turn | Pending-write rows / turn | Checkpoint bytes written / turn | CV rows / turn | CV bytes / turn |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const l of r.api?.levels ?? []) {
    const p = l.perTurn;
    if (!p) continue;
    const bytes = (p.checkpoint_bytes ?? 0) + (p.blob_bytes ?? 0) + (p.write_bytes ?? 0);
    rows.push(`| ${l.concurrency} | ${fmt(p.statements ?? NaN, 1)} | ${fmt(p.checkpoints ?? NaN, 2)} | ${fmt(p.blobs ?? NaN, 1)} | ${fmt(p.writes ?? NaN, 2)} | ${fmt(bytes, 0)} | ${fmt(p.cv_rows ?? NaN, 1)} | ${fmt(p.cv_bytes ?? NaN, 0)} |`);
  }
  return rows.join("\n");
}

function criticalTable(c: CriticalPathResult): string {
  return [
    "| Turn | LLM calls | On the critical path | Awaited before the first token | Calls (∥ overlapping, → one after the other) | p50 answer → complete reply | × one call | p50 answer → first token | × one call |",
    "|---|---:|---:|---:|---|---:|---:|---:|---:|",
    `| Start (greeting + first question) | ${fmt(c.start.calls, 1)} | ${fmt(c.start.critical, 1)} | – | question | ${fmt(c.start.p50)} ms | ${ratio(c.start.p50, c.modelMs)} | – | – |`,
    `| Answer → next question | ${fmt(c.answer.calls, 1)} | ${fmt(c.answer.critical, 1)} | ${fmt(c.answer.callsBeforeFirstToken, 1)} | ${c.answer.kinds} | ${fmt(c.answer.p50)} ms | ${ratio(c.answer.p50, c.modelMs)} | ${fmt(c.answer.firstToken)} ms | ${ratio(c.answer.firstToken, c.modelMs)} |`,
    `| Final answer → assessment | ${fmt(c.final.calls, 1)} | ${fmt(c.final.critical, 1)} | – | ${c.final.kinds} | ${fmt(c.final.p50)} ms | ${ratio(c.final.p50, c.modelMs)} | – | – |`,
  ].join("\n");
}

function providerTable(p: ProviderTurnsResult): string {
  const row = (name: string, s: ProviderTurnsResult["json"], base: number, baseName: string) =>
    `| ${name} | ${s.turns} | ${fmt(s.calls, 1)} | ${fmt(s.critical, 1)} | ${s.kinds || "–"} | ${fmt(s.p50)} ms | ${ratio(s.p50, base)} ${baseName} | ${Number.isFinite(s.firstToken) ? `${fmt(s.firstToken)} ms = ${ratio(s.firstToken, p.modelMs)}` : "–"} |`;
  const model = `(${p.modelMs} ms)`;
  return [
    "| Turn | Turns | Model calls | On the critical path | Calls (∥ overlapping, → one after the other) | p50 request → complete reply | × | Request → first token |",
    "|---|---:|---:|---:|---|---:|---:|---:|",
    row("Start (JSON)", p.start, p.modelMs, `one call ${model}`),
    row("Answer → next question, JSON", p.json, p.modelMs, `one call ${model}`),
    row("Answer → next question, SSE (`Accept: text/event-stream`)", p.sse, p.modelMs, `one call ${model}`),
    row(`Recorded answer (multipart \`audio\`, ${fmt(p.audio.sttCalls, 1)} transcription / turn) → next question`, p.audio, p.sttMs + p.modelMs, `STT + one call (${p.sttMs + p.modelMs} ms)`),
    row("Final answer → assessment (all channels)", p.final, p.modelMs, `one call ${model}`),
  ].join("\n");
}

function realtimeTable(t: RealtimeResult): string {
  const row = (name: string, c: RealtimeResult["http"]) =>
    `| ${name} | ${c.turns} | ${fmt(c.p50)} | ${fmt(c.p99)} | ${ratio(c.p50, t.http.p50)} | ${fmt(c.p50 - t.http.p50)} ms | ${Number.isFinite(c.firstTokenP50) ? `${fmt(c.firstTokenP50)} ms` : "–"} |`;
  return [
    "| Channel | Answer turns | p50 ms | p99 ms | p50 × HTTP JSON | p50 − HTTP JSON | p50 to first `token` |",
    "|---|---:|---:|---:|---:|---:|---:|",
    row("HTTP `POST /continue_interview`, JSON", t.http),
    row("HTTP, SSE (`Accept: text/event-stream`)", t.sse),
    row("WebSocket `/ws/interview/{id}`: `answer` → `question`/`completed`", t.ws),
  ].join("\n");
}

function cvTable(cv: IngestResult[]): string {
  return [
    "| PDF | Bytes | Text chars | Chunks | pdf-parse getText(), in process | Engine ingestion | Ratio (median of paired rounds) | of which: extract (PdfReader, child process) | chunk + embed + profile | index + search | (the child's page-by-page parse, in process) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...cv.map(
      (c) =>
        `| ${c.pages} page${c.pages > 1 ? "s" : ""} | ${c.bytes} | ${c.chars} | ${c.chunks} | ${fmt(c.pdfParseMs)} ms | ${fmt(c.ingestMs)} ms | ${c.pairedRatio.toFixed(2)}× | ${fmt(c.extractMs)} ms | ${fmt(c.chunkEmbedMs)} ms | ${fmt(c.indexMs)} ms | ${fmt(c.pageByPageMs)} ms |`,
    ),
  ].join("\n");
}

function voiceTable(v: VoiceResult, modelMs: number): string {
  return [
    "| Measured | Turns | Engine: first token of the next question | First reply text to TTS | × one model call | Bridge adds |",
    "|---|---:|---:|---:|---:|---:|",
    `| ${v.note} | ${v.turns} | ${fmt(v.engineFirstTokenMs)} ms | ${fmt(v.firstTextMs)} ms | ${ratio(v.firstTextMs, modelMs)} | ${fmt(v.bridgeAddsMs)} ms |`,
  ].join("\n");
}

type Verdict = [string, string, boolean | undefined];

function targets(r: Results): Verdict[] {
  const api1 = levelAt(r.api, 1);
  const floor1 = levelAt(r.floor, 1);
  const peer1 = bestPeer(r, 1);
  const api50 = levelAt(r.api, 50);
  const verdicts: Verdict[] = [];
  if (api1 && floor1) {
    verdicts.push([
      "1. Answer turn p50 at 1 interview ≤ 2.5× the in-process MemorySaver floor",
      `${fmt(api1.p50Answer)} ms vs ${fmt(floor1.p50Answer)} ms = ${ratio(api1.p50Answer, floor1.p50Answer)}`,
      api1.p50Answer <= 2.5 * floor1.p50Answer,
    ]);
  }
  const floor50 = levelAt(r.floor, 50);
  if (api50) {
    verdicts.push([
      "2. ≥ 150 turns/s at 50 concurrent interviews (HTTP API on PostgreSQL, one process)",
      `${fmt(api50.turnsPerSecond, 0)} turns/s (floor: ${fmt(floor50?.turnsPerSecond ?? NaN, 0)}; \`API_WORKERS=2\`: ${fmt(levelAt(r.api2, 50)?.turnsPerSecond ?? NaN, 0)}; two replicas: ${fmt(levelAt(r.replicas, 50)?.turnsPerSecond ?? NaN, 0)})`,
      api50.turnsPerSecond >= 150,
    ]);
  }
  if (r.api) {
    const m = r.api.memory;
    verdicts.push([
      `3. ≤ 200 MB RSS per 1 000 active interviews (API process, ${m.interviews} started and answered once)`,
      `${fmt(mb(m.rssPer1000))} MB per 1 000`,
      m.interviews > 0 ? mb(m.rssPer1000) <= 200 : undefined,
    ]);
  }
  if (api1 && peer1) {
    verdicts.push([
      "4. Faster than the same graph on LangGraph's server (answer-turn p50 at 1)",
      `${fmt(api1.p50Answer)} ms vs ${fmt(peer1.level.p50Answer)} ms (its ${peer1.mode}) = ${ratio(api1.p50Answer, peer1.level.p50Answer)}`,
      api1.p50Answer < peer1.level.p50Answer,
    ]);
  }
  const peerEngine1 = levelAt(r.peerEngineSerde, 1);
  if (api1 && peerEngine1) verdicts.push(["(for reference) … than LangGraph's server whose MemorySaver has the engine's serializer", `${fmt(api1.p50Answer)} ms vs ${fmt(peerEngine1.p50Answer)} ms = ${ratio(api1.p50Answer, peerEngine1.p50Answer)}`, undefined]);
  if (r.critical) {
    const c = r.critical;
    verdicts.push([
      `5. At most one LLM call on the critical path of an answered turn (fake ${c.modelMs} ms model, decision in the question call)`,
      `${fmt(c.answer.callsBeforeFirstToken, 1)} call awaited before the next question's first token (${c.answer.kinds}); time to next question ${ratio(c.answer.p50, c.modelMs)} one call, first token ${ratio(c.answer.firstToken, c.modelMs)}; final turn: ${fmt(c.final.critical, 1)} calls`,
      c.answer.callsBeforeFirstToken <= 1 && c.answer.critical <= 1,
    ]);
  }
  if (r.provider) {
    const p = r.provider;
    // Against the calls as they took through the latency proxy (request in → reply out), which is
    // the provider's time as the engine meets it; the nominal latencies are shown beside.
    const speech = p.sttCallMs + p.modelCallMs;
    verdicts.push([
      `6. OpenAI-compatible engine (\`LLM_PROVIDER=openai\`, loopback fake at ${p.modelMs} ms): time to next question ≤ 1.1× one model call`,
      `${fmt(p.json.p50)} ms = ${ratio(p.json.p50, p.modelCallMs)} one call as measured (${fmt(p.modelCallMs)} ms; ${ratio(p.json.p50, p.modelMs)} the nominal ${p.modelMs} ms); SSE first token ${ratio(p.sse.firstToken, p.modelCallMs)}`,
      p.json.p50 <= 1.1 * p.modelCallMs,
    ]);
    verdicts.push([
      `7. Audio turn (multipart upload → reply; STT ${p.sttMs} ms + model ${p.modelMs} ms) ≤ 1.1× (STT + one model call)`,
      `${fmt(p.audio.p50)} ms = ${ratio(p.audio.p50, speech)} STT + one call as measured (${fmt(speech)} ms; ${ratio(p.audio.p50, p.sttMs + p.modelMs)} the nominal ${p.sttMs + p.modelMs} ms)`,
      p.audio.p50 <= 1.1 * speech,
    ]);
  }
  if (r.realtime) {
    const t = r.realtime;
    verdicts.push([
      "8. WebSocket turn overhead beside the HTTP turn (offline engine, 1 interview; no threshold set)",
      `WebSocket ${fmt(t.ws.p50)} ms vs HTTP JSON ${fmt(t.http.p50)} ms = ${ratio(t.ws.p50, t.http.p50)} (${fmt(t.ws.p50 - t.http.p50)} ms); SSE ${fmt(t.sse.p50)} ms`,
      undefined,
    ]);
  } else {
    verdicts.push(["8. WebSocket turn overhead beside the HTTP turn", `not measured${r.realtimeError ? `: ${r.realtimeError}` : ""}`, undefined]);
  }
  const replicas50 = levelAt(r.replicas, 50);
  if (api50 && replicas50) {
    verdicts.push([
      "9. Two API processes (replicas, one PostgreSQL, requests alternating) vs one, at 50 concurrent (no threshold set)",
      `${fmt(replicas50.turnsPerSecond, 0)} vs ${fmt(api50.turnsPerSecond, 0)} turns/s = ${ratio(replicas50.turnsPerSecond, api50.turnsPerSecond)}`,
      undefined,
    ]);
  }
  for (const c of r.cv ?? []) {
    verdicts.push([`10. CV ingestion ≤ 1.3× pdf-parse extraction (${c.pages} page${c.pages > 1 ? "s" : ""})`, `${fmt(c.ingestMs)} ms vs ${fmt(c.pdfParseMs)} ms: ${c.pairedRatio.toFixed(2)}×`, c.pairedRatio <= 1.3]);
  }
  if (r.voice && r.critical) {
    verdicts.push([
      "11. Voice bridge: final transcript → first reply text to TTS (no threshold set)",
      `${fmt(r.voice.firstTextMs)} ms = ${ratio(r.voice.firstTextMs, r.critical.modelMs)} one model call; the bridge adds ${fmt(r.voice.bridgeAddsMs)} ms`,
      undefined,
    ]);
  } else {
    verdicts.push(["11. Voice bridge", `not measured${r.voiceSkipped ? `: ${r.voiceSkipped}` : ""}`, undefined]);
  }
  return verdicts;
}

export function render(r: Results): string {
  const e = r.env;
  const parts: string[] = [];
  parts.push(`Generated by \`pnpm bench\` on ${e.date} in ${Math.round(r.seconds)} s.${e.graphDir ? ` **Engine code from \`${e.graphDir}\`** (BENCH_GRAPH_DIR).` : ""}`);
  parts.push(
    [
      `- Machine: ${e.cores} cores (${e.cpu}), ${e.memoryGb} GB RAM; load average (1/5/15 min) ${r.loadStart} at start, ${r.loadEnd} at the end (other work shares the machine: compare ratios from one run, not runs).`,
      `- Node ${e.node}; PostgreSQL ${r.postgres.version}, ${r.postgres.kind}; commit ${e.commit}.`,
      `- ${Object.entries(e.versions).map(([k, v]) => `${k} ${v}`).join(", ")}.`,
    ].join("\n"),
  );
  parts.push("### Targets");
  parts.push(["| Target | Measured | Met |", "|---|---|---|", ...targets(r).map(([t, m, ok]) => `| ${t} | ${m} | ${ok === undefined ? "–" : ok ? "yes" : "**no**"} |`)].join("\n"));
  parts.push("### 1. Turn overhead (offline engine, whole interviews, every start and answer is a turn)");
  parts.push(
    "Workload: whole 5-question technical interviews with the offline engine, a 2-page CV given as text (~4 k characters, 17 passages with 1 024-dim vectors, kept in the CV store — `interview_cv_chunks` — not in the state), every answer the same detailed paragraph; each start and each answer is one turn (6 per interview). Each contender runs in its own process; they take turns in rounds at each level (rotating order) after a warm-up, so drift in machine load hits them alike. The engine is `apps/api/src/server.ts` itself, unchanged, in its own process on loopback (one process; `API_WORKERS=2`: two node:cluster workers on one port; and two separate server.ts processes on two ports, the client sending each request to the other one in turn), with the PostgreSQL rate-limit store and event bus it picks when `DATABASE_URL` is set (rate limit raised, the limiter still runs; request logs at `info` to /dev/null), driven with node:http on a keep-alive agent; a module loaded beside it (`--import`) only counts statements and reads memory. The floor is the same graph and `InterviewService` on MemorySaver + `InMemoryThreadRegistry` + `InMemoryCvStore`, in process. LangGraph's server is `createEmbedServer` from @langchain/langgraph-api with the same graph, driven with `POST /threads` + `POST /threads/{id}/runs/stream`; its process ingests each start's CV into the same in-memory CV store as the floor (`POST /bench/cv`, one more request per start), which is why the targets compare answer turns.",
  );
  parts.push(turnTable(r));
  parts.push(
    "× (a): answer-turn p50 or turns/s relative to the floor at the same concurrency. × (b): relative to the faster (by answer-turn p50) of LangGraph's server's two stream modes (its own MemorySaver) at the same concurrency. × (c): answer-turn p50 at 1 concurrent interview in raw INSERT round trips.",
  );
  parts.push(r.insert ? `(c) one raw \`INSERT\` round trip on a pooled connection: p50 ${fmt(r.insert.p50, 3)} ms, p99 ${fmt(r.insert.p99, 3)} ms.` : "(c) not measured.");
  parts.push("Memory per 1 000 active interviews (started and answered once, left open; after a full GC):");
  parts.push(memoryTable(r));
  parts.push("PostgreSQL work per turn of the engine (one process; statements include the rate limiter's and the event bus's):");
  parts.push(storageTable(r));
  parts.push("#### WebSocket beside HTTP (same API process, offline engine, 1 interview at a time, channels interleaved by interview)");
  parts.push(r.realtime ? realtimeTable(r.realtime) + (r.realtime.errors.length ? `\n\nErrors: ${r.realtime.errors.join("; ")}` : "") + `\n\nConnect (upgrade) → \`resume\`: p50 ${fmt(r.realtime.connectP50)} ms, once per interview, not in the turns.` : `Not measured${r.realtimeError ? `: ${r.realtimeError}` : ""}.`);
  if (r.critical) {
    parts.push(`### 2. Critical path (ChatInterviewModel + ResilientChat over a fake model taking ${r.critical.modelMs} ms per call, service on PostgreSQL in process)`);
    parts.push(criticalTable(r.critical));
    parts.push("\"Awaited before the first token\": model calls that started before the next question's first streamed token, overlapping ones counted once (the streamed interviews). The model decides follow-up or next question in the call that writes the question (`decision`); the evaluation runs beside it.");
  }
  if (r.provider) {
    const p = r.provider;
    parts.push(`### 2b. OpenAI-compatible engine and recorded answers through the HTTP API (server.ts, \`LLM_PROVIDER=openai\`, \`STT_PROVIDER=openai\`)`);
    parts.push(
      `The loopback fakes of packages/graph/src/testing (openai-server.ts; speech's openai-audio-server.ts), each behind a proxy in the benchmark's process that holds every chat completion ${p.modelMs} ms and every transcription ${p.sttMs} ms before forwarding it; the fakes then answer at once (a stream too). Measured through the proxy, a model call took ${fmt(p.modelCallMs)} ms and a transcription ${fmt(p.sttCallMs)} ms (p50). Whole interviews at 1 concurrent, answers sent as JSON, as SSE and as a 2-second WAV recording (multipart \`audio\`), interleaved, after a warm-up of ${p.warmUpInterviews} whole interviews per channel with the fakes answering at once; embeddings are the local hashed ones (no \`OPENAI_EMBEDDING_MODEL\`).`,
    );
    parts.push(providerTable(p));
  }
  if (r.cv) {
    parts.push("### 3. CV ingestion (PdfReader in a child process + chunk + embed with HashedEmbeddings + index with CvIndexRetriever)");
    parts.push(cvTable(r.cv));
  }
  if (r.voice && r.critical) {
    parts.push(`### 4. Voice: final transcript → first reply text reaching TTS (fake ${r.critical.modelMs} ms model)`);
    parts.push(voiceTable(r.voice, r.critical.modelMs));
    if (r.voice.measured === "bridge") {
      parts.push(
        `The bridge holds question tokens back for up to ${r.voice.feedbackWaitMs} ms (VOICE_FEEDBACK_WAIT_MS) so the feedback on the answer can be spoken first; a turn that completes sooner is spoken as one text (feedback + question) when it completes.`,
      );
    }
  } else {
    parts.push(`### 4. Voice\n\nNot measured${r.voiceSkipped ? `: ${r.voiceSkipped}` : ""}.`);
  }
  if (r.persistence) {
    parts.push("### Persistence code (lines, `wc -l`)");
    parts.push(`${Object.entries(r.persistence.files).map(([f, n]) => `${f} ${n}`).join(", ")}: ${r.persistence.total} lines.`);
  }
  if (r.errors.length) parts.push(`### Errors\n${r.errors.map((x) => `- ${x}`).join("\n")}`);
  return parts.join("\n\n");
}
