import type { CriticalPathResult } from "./critical-path.js";
import type { IngestResult } from "./cv-ingest.js";
import type { Environment } from "./environment.js";
import { fmt, mb, ratio } from "./stats.js";
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
  peer?: TargetResult;
  peerUpdates?: TargetResult;
  peerEngineSerde?: TargetResult;
  critical?: CriticalPathResult;
  voice?: VoiceResult;
  cv?: IngestResult[];
  errors: string[];
}

const levelAt = (target: TargetResult | undefined, c: number): LevelResult | undefined => target?.levels.find((l) => l.concurrency === c);

/** The faster of LangGraph's server runs at a concurrency (the stricter comparison). */
function bestPeer(r: Results, c: number): { level: LevelResult; mode: string } | undefined {
  const runs = [
    { level: levelAt(r.peer, c), mode: "default stream_mode" },
    { level: levelAt(r.peerUpdates, c), mode: 'stream_mode "updates"' },
  ].filter((x): x is { level: LevelResult; mode: string } => x.level !== undefined);
  return runs.sort((a, b) => a.level.p50 - b.level.p50)[0];
}

function turnTable(r: Results): string {
  const rows: string[] = [
    "| Target | Concurrent interviews | Turns | p50 ms | p99 ms | Turns/s | p50 × (a) | p50 × (b) | p50 × (c) | Turns/s × (a) | Turns/s × (b) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const targets: [string, TargetResult | undefined][] = [
    ["**Engine: HTTP API on PostgreSQL**", r.api],
    ["**Engine, `API_WORKERS=2`**", r.api2],
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
        `| ${name} | ${level.concurrency} | ${level.turns}${level.errors ? ` (${level.errors} errors)` : ""} | ${fmt(level.p50)} | ${fmt(level.p99)} | ${fmt(level.turnsPerSecond, 0)} | ${ratio(level.p50, floor?.p50 ?? NaN)} | ${ratio(level.p50, peer?.p50 ?? NaN)} | ${r.insert && level.concurrency === 1 ? ratio(level.p50, r.insert.p50) : "–"} | ${ratio(level.turnsPerSecond, floor?.turnsPerSecond ?? NaN)} | ${ratio(level.turnsPerSecond, peer?.turnsPerSecond ?? NaN)} |`,
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
  for (const [name, t] of [["Engine: HTTP API on PostgreSQL", r.api], ["Engine, `API_WORKERS=2` (all processes)", r.api2], ["(a) floor, MemorySaver", r.floor], ["(b) LangGraph server, default", r.peer], ['(b) LangGraph server, "updates"', r.peerUpdates], ["(b′) LangGraph server, engine's serializer", r.peerEngineSerde]] as const) {
    if (!t) continue;
    rows.push(
      `| ${name} | ${t.memory.interviews} | ${fmt(mb(t.memory.rssPer1000))} MB | ${fmt(mb(t.memory.heapPer1000))} MB | ${t.storagePer1000 !== undefined ? `${fmt(mb(t.storagePer1000))} MB` : "– (in RSS)"} |`,
    );
  }
  return rows.join("\n");
}

function storageTable(r: Results): string {
  const rows = ["| Concurrent | SQL statements / turn | Checkpoints / turn | Blob rows / turn | Pending-write rows / turn | Bytes written / turn |", "|---:|---:|---:|---:|---:|---:|"];
  for (const l of r.api?.levels ?? []) {
    const p = l.perTurn;
    if (!p) continue;
    const bytes = (p.checkpoint_bytes ?? 0) + (p.blob_bytes ?? 0) + (p.write_bytes ?? 0);
    rows.push(`| ${l.concurrency} | ${fmt(p.statements ?? NaN, 1)} | ${fmt(p.checkpoints ?? NaN, 2)} | ${fmt(p.blobs ?? NaN, 1)} | ${fmt(p.writes ?? NaN, 2)} | ${fmt(bytes, 0)} |`);
  }
  return rows.join("\n");
}

function criticalTable(c: CriticalPathResult): string {
  return [
    "| Turn | LLM calls | On the critical path | Calls (∥ overlapping, → one after the other) | p50 answer → complete reply | × one call | p50 answer → first token | × one call |",
    "|---|---:|---:|---|---:|---:|---:|---:|",
    `| Start (greeting + first question) | ${fmt(c.start.calls, 1)} | ${fmt(c.start.critical, 1)} | question | ${fmt(c.start.p50)} ms | ${ratio(c.start.p50, c.modelMs)} | – | – |`,
    `| Answer → next question | ${fmt(c.answer.calls, 1)} | ${fmt(c.answer.critical, 1)} | ${c.answer.kinds} | ${fmt(c.answer.p50)} ms | ${ratio(c.answer.p50, c.modelMs)} | ${fmt(c.answer.firstToken)} ms | ${ratio(c.answer.firstToken, c.modelMs)} |`,
    `| Final answer → assessment | ${fmt(c.final.calls, 1)} | ${fmt(c.final.critical, 1)} | ${c.final.kinds} | ${fmt(c.final.p50)} ms | ${ratio(c.final.p50, c.modelMs)} | – | – |`,
  ].join("\n");
}

function cvTable(cv: IngestResult[]): string {
  return [
    "| PDF | Bytes | Text chars | Chunks | pdf-parse getText() | Engine ingestion | Ratio (median of paired rounds) | of which: extract | chunk + embed + profile | index |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...cv.map(
      (c) =>
        `| ${c.pages} page${c.pages > 1 ? "s" : ""} | ${c.bytes} | ${c.chars} | ${c.chunks} | ${fmt(c.pdfParseMs)} ms | ${fmt(c.ingestMs)} ms | ${c.pairedRatio.toFixed(2)}× | ${fmt(c.extractMs)} ms | ${fmt(c.chunkEmbedMs)} ms | ${fmt(c.indexMs)} ms |`,
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
  if (api1 && floor1) verdicts.push(["Turn overhead at 1 concurrent ≤ 2× the in-process MemorySaver floor", `${fmt(api1.p50)} ms vs ${fmt(floor1.p50)} ms = ${ratio(api1.p50, floor1.p50)}`, api1.p50 <= 2 * floor1.p50]);
  if (api1 && peer1) verdicts.push(["… and faster than the same graph on LangGraph's server", `${fmt(api1.p50)} ms vs ${fmt(peer1.level.p50)} ms (its ${peer1.mode}) = ${ratio(api1.p50, peer1.level.p50)}`, api1.p50 < peer1.level.p50]);
  const peerEngine1 = levelAt(r.peerEngineSerde, 1);
  if (api1 && peerEngine1) verdicts.push(["(for reference) … than LangGraph's server whose MemorySaver has the engine's serializer", `${fmt(api1.p50)} ms vs ${fmt(peerEngine1.p50)} ms = ${ratio(api1.p50, peerEngine1.p50)}`, undefined]);
  const floor50 = levelAt(r.floor, 50);
  const workers50 = levelAt(r.api2, 50);
  if (api50) {
    const best = Math.max(api50.turnsPerSecond, workers50?.turnsPerSecond ?? 0);
    verdicts.push([
      "≥ 150 turns/s at 50 concurrent interviews",
      `${fmt(api50.turnsPerSecond, 0)} turns/s with one API process, ${fmt(workers50?.turnsPerSecond ?? NaN, 0)} with \`API_WORKERS=2\` (floor: ${fmt(floor50?.turnsPerSecond ?? NaN, 0)})`,
      best >= 150,
    ]);
  }
  if (r.critical) {
    const c = r.critical;
    verdicts.push(["Time to next question ≤ 1.2× one model call", `${fmt(c.answer.p50)} ms = ${ratio(c.answer.p50, c.modelMs)} (first token ${ratio(c.answer.firstToken, c.modelMs)})`, c.answer.p50 <= 1.2 * c.modelMs]);
    verdicts.push(["At most one LLM call on the critical path of an answered turn", `${fmt(c.answer.critical, 1)} (final turn: ${fmt(c.final.critical, 1)})`, c.answer.critical <= 1]);
  }
  for (const c of r.cv ?? []) {
    verdicts.push([`CV ingestion ≤ 1.3× pdf-parse extraction (${c.pages} page${c.pages > 1 ? "s" : ""})`, `${c.pairedRatio.toFixed(2)}×`, c.pairedRatio <= 1.3]);
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
    "Workload: whole 5-question technical interviews with the offline engine, a 2-page CV given as text (~4 k characters, 17 chunks with 1 024-dim vectors, so retrieval runs and the vectors are in the state), every answer the same detailed paragraph; each start and each answer is one turn (6 per interview). Each contender runs in its own process; they take turns in rounds at each level (rotating order) after a warm-up, so drift in machine load hits them alike. The engine is apps/api's `createApp` as `server.ts` composes it, served by @hono/node-server on loopback (one process, and `API_WORKERS=2`: two node:cluster workers on one port) and driven with node:http on a keep-alive agent (rate limit raised, the limiter still runs; request logs at `info` to /dev/null); LangGraph's server is `createEmbedServer` from @langchain/langgraph-api with the same graph, driven the same way with `POST /threads` + `POST /threads/{id}/runs/stream`.",
  );
  parts.push(turnTable(r));
  parts.push(
    "× (a): p50 or turns/s relative to the floor at the same concurrency. × (b): relative to the faster of LangGraph's server's two stream modes (its own MemorySaver) at the same concurrency. × (c): p50 at 1 concurrent interview in raw INSERT round trips.",
  );
  parts.push(r.insert ? `(c) one raw \`INSERT\` round trip on a pooled connection: p50 ${fmt(r.insert.p50, 3)} ms, p99 ${fmt(r.insert.p99, 3)} ms.` : "(c) not measured.");
  parts.push("Memory per 1 000 active interviews (started and answered once, left open; after a full GC):");
  parts.push(memoryTable(r));
  parts.push("PostgreSQL work per turn of the engine:");
  parts.push(storageTable(r));
  if (r.critical) {
    parts.push(`### 2. Critical path (ChatInterviewModel + ResilientChat over a fake model taking ${r.critical.modelMs} ms per call, PostgreSQL)`);
    parts.push(criticalTable(r.critical));
  }
  if (r.cv) {
    parts.push("### 3. CV ingestion (parse + chunk + embed with HashedEmbeddings + index with CvIndexCache)");
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
  }
  if (r.errors.length) parts.push(`### Errors\n${r.errors.map((x) => `- ${x}`).join("\n")}`);
  return parts.join("\n\n");
}
