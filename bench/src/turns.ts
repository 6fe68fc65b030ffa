import { spawnApi } from "./api-process.js";
import { ApiClient, LangGraphServerClient } from "./clients.js";
import { spawnTarget, type MemorySample, type Target } from "./ipc.js";
import { percentile } from "./stats.js";
import { openInterviews, runInterviews, type RunResult } from "./workload.js";
import { measureRealtime, type RealtimeResult } from "./realtime.js";

export interface Level {
  concurrency: number;
  /** Whole interviews each virtual candidate does at most (per round). */
  interviewsEach: number;
  /** Time budget per contender, split over the rounds. */
  seconds: number;
  /** Contenders take turns in this many rounds, so drift in machine load hits them alike. */
  rounds: number;
}

/** Scales every time budget (BENCH_SCALE=0.2 for a quick look; results then carry more noise). */
export const SCALE = Number(process.env.BENCH_SCALE ?? 1);

const ALL_LEVELS: Level[] = [
  { concurrency: 1, interviewsEach: 100, seconds: 12 * SCALE, rounds: 4 },
  { concurrency: 50, interviewsEach: 4, seconds: 15 * SCALE, rounds: 2 },
  { concurrency: 200, interviewsEach: 2, seconds: 15 * SCALE, rounds: 2 },
];

/** A comma-separated list from the environment, or null for "all". */
const listFromEnv = (name: string) => process.env[name]?.split(",").map((s) => s.trim()).filter(Boolean) ?? null;

/** BENCH_LEVELS=1,50 measures only those concurrency levels (for a quick look at one change). */
export const LEVELS = ALL_LEVELS.filter((l) => listFromEnv("BENCH_LEVELS")?.includes(String(l.concurrency)) ?? true);

/** BENCH_CONTENDERS=api,floor starts only those contenders (keys as in ContenderKey; "ws" for the WebSocket comparison on "api"). */
const CONTENDERS = listFromEnv("BENCH_CONTENDERS");

const WARM_UP: Level = { concurrency: 5, interviewsEach: 4, seconds: 4 * SCALE, rounds: 1 };

/** Active interviews opened for the memory measurement (fewer if its time budget runs out). */
export const ACTIVE_INTERVIEWS = Number(process.env.BENCH_ACTIVE ?? 1000);
const ACTIVE_SECONDS = 20 * SCALE;
const REALTIME_SECONDS = 12 * SCALE;

export interface LevelResult {
  concurrency: number;
  turns: number;
  errors: number;
  p50: number;
  p99: number;
  p50Answer: number;
  p50Start: number;
  turnsPerSecond: number;
  /** Storage and statements per turn (our API only). */
  perTurn?: Record<string, number>;
}

export interface TargetResult {
  name: string;
  levels: LevelResult[];
  memory: { before: MemorySample; after: MemorySample; interviews: number; rssPer1000: number; heapPer1000: number };
  /** Database growth per 1 000 active interviews (our API only). */
  storagePer1000?: number;
}

/** Pools runs of one contender at one level: all turns' latencies, turns over summed wall time. */
export function summarise(runs: RunResult[]): LevelResult {
  const samples = runs.flatMap((r) => r.samples);
  const all = samples.map((s) => s.ms);
  const wallMs = runs.reduce((a, r) => a + r.wallMs, 0);
  return {
    concurrency: runs[0]!.concurrency,
    turns: all.length,
    errors: runs.reduce((a, r) => a + r.errors, 0),
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    p50Answer: percentile(samples.filter((s) => s.kind === "answer").map((s) => s.ms), 50),
    p50Start: percentile(samples.filter((s) => s.kind === "start").map((s) => s.ms), 50),
    turnsPerSecond: all.length / (wallMs / 1000),
  };
}

export type ContenderKey = "api" | "api2" | "replicas" | "floor" | "peer" | "peerUpdates" | "peerEngineSerde";

/**
 * Two API processes on separate ports, like replicas behind a load balancer, on the same
 * PostgreSQL: one Target whose "mem" and "storage" cover both (storage from the first; both count
 * statements).
 */
async function spawnReplicas(databaseUrl: string): Promise<Target> {
  const a = await spawnApi(databaseUrl);
  let b: Target;
  try {
    b = await spawnApi(databaseUrl);
  } catch (error) {
    await a.stop();
    throw error;
  }
  return {
    ready: { ...a.ready, ports: [a.ready.port, b.ready.port] },
    child: a.child,
    request: async <T>(cmd: string, args?: unknown): Promise<T> => {
      const [x, y] = await Promise.all([a.request<Record<string, number>>(cmd, args), b.request<Record<string, number>>(cmd, args)]);
      if (cmd === "mem") return { rss: x.rss! + y.rss!, heapUsed: x.heapUsed! + y.heapUsed!, external: x.external! + y.external! } as T;
      return { ...x, statements: x.statements! + y.statements! } as T;
    },
    stop: async () => {
      await Promise.all([a.stop(), b.stop()]);
    },
  };
}

/** One system under test: how it is driven and where its memory is read. */
interface Contender {
  key: ContenderKey;
  name: string;
  target: Target;
  run(level: Level, seconds: number): Promise<RunResult>;
  open(count: number, concurrency: number, seconds: number): Promise<number>;
  storage?(): Promise<Record<string, number>>;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function spawnContenders(databaseUrl: string): Promise<Contender[]> {
  const contenders: Contender[] = [];
  const http = (key: ContenderKey, name: string, target: Target, client: ApiClient | LangGraphServerClient, storage = false): Contender => ({
    key,
    name,
    target,
    run: (level, seconds) => runInterviews(client, level.concurrency, level.interviewsEach, seconds),
    open: (count, concurrency, seconds) => openInterviews(client, count, concurrency, seconds),
    ...(storage ? { storage: () => target.request<Record<string, number>>("storage") } : {}),
  });
  const spawnWith = async (key: ContenderKey, start: () => Promise<Target>, make: (t: Target) => Contender) => {
    if (CONTENDERS && !CONTENDERS.includes(key)) return;
    try {
      contenders.push(make(await start()));
    } catch (error) {
      log(`  ! ${key} did not start: ${(error as Error).message.split("\n")[0]}`);
    }
  };
  const spawn = (key: ContenderKey, entry: string, env: Record<string, string>, make: (t: Target) => Contender) => spawnWith(key, () => spawnTarget(entry, env), make);
  const api = (key: ContenderKey, name: (t: Target) => string, start: () => Promise<Target>) =>
    spawnWith(key, start, (t) => http(key, name(t), t, new ApiClient((t.ready.ports ?? [t.ready.port]).map((p: number) => `http://127.0.0.1:${p}`)), true));
  await api("api", () => "engine: HTTP API on PostgreSQL (server.ts, one process)", () => spawnApi(databaseUrl));
  await api("api2", () => "engine: HTTP API on PostgreSQL, API_WORKERS=2", () => spawnApi(databaseUrl, { API_WORKERS: "2" }));
  await api("replicas", () => "engine: two API processes (replicas) on one PostgreSQL, requests alternating", () => spawnReplicas(databaseUrl));
  await spawn("floor", "floor.ts", {}, (t) => ({
    key: "floor",
    name: "(a) floor: same graph + service, MemorySaver, in process",
    target: t,
    run: (level, seconds) => t.request<RunResult>("run", { concurrency: level.concurrency, interviewsEach: level.interviewsEach, seconds }),
    open: (count, concurrency, seconds) => t.request<number>("open", { count, concurrency, seconds }),
  }));
  await spawn("peer", "langgraph-server.ts", {}, (t) =>
    http("peer", "(b) LangGraph server (createEmbedServer, MemorySaver), default stream_mode", t, new LangGraphServerClient(`http://127.0.0.1:${t.ready.port}`)),
  );
  await spawn("peerUpdates", "langgraph-server.ts", {}, (t) =>
    http("peerUpdates", '(b) LangGraph server, stream_mode "updates"', t, new LangGraphServerClient(`http://127.0.0.1:${t.ready.port}`, "updates")),
  );
  await spawn("peerEngineSerde", "langgraph-server.ts", { BENCH_PEER_CHECKPOINTER: "engine" }, (t) =>
    http("peerEngineSerde", '(b\') LangGraph server, "updates", MemorySaver with the engine\'s serializer', t, new LangGraphServerClient(`http://127.0.0.1:${t.ready.port}`, "updates")),
  );
  return contenders;
}

/**
 * Turn overhead of every contender, side by side: each runs in its own process (the driver
 * is this process, over loopback HTTP, except for the in-process floor), all are started first,
 * then warmed up, measured for memory one after the other, and then take turns at each
 * concurrency level in rotating order.
 */
export type TurnResults = Partial<Record<ContenderKey, TargetResult>> & { realtime?: RealtimeResult; realtimeError?: string };

export async function measureTurns(databaseUrl: string, levels = LEVELS): Promise<TurnResults> {
  const contenders = await spawnContenders(databaseUrl);
  const results: TurnResults = {};
  try {
    for (const c of contenders) await c.run(WARM_UP, WARM_UP.seconds);
    for (const c of contenders) {
      const before = await c.target.request<MemorySample>("mem");
      const storageBefore = await c.storage?.();
      const opened = await c.open(ACTIVE_INTERVIEWS, 50, ACTIVE_SECONDS);
      const after = await c.target.request<MemorySample>("mem");
      const storageAfter = await c.storage?.();
      const per1000 = (a: number, b: number) => ((b - a) / opened) * 1000;
      results[c.key] = {
        name: c.name,
        levels: [],
        memory: {
          before,
          after,
          interviews: opened,
          rssPer1000: per1000(before.rss, after.rss),
          heapPer1000: per1000(before.heapUsed + before.external, after.heapUsed + after.external),
        },
        ...(storageBefore && storageAfter ? { storagePer1000: per1000(storageBefore.database_bytes!, storageAfter.database_bytes!) } : {}),
      };
      log(`  ${c.key}: ${(results[c.key]!.memory.rssPer1000 / 1048576).toFixed(1)} MB RSS per 1000 active interviews (${opened} opened)`);
    }
    for (const level of levels) {
      const runs = new Map<ContenderKey, RunResult[]>();
      const storage = new Map<ContenderKey, Record<string, number>>();
      for (let round = 0; round < level.rounds; round++) {
        const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
        for (const c of order) {
          const s0 = await c.storage?.();
          const run = await c.run(level, level.seconds / level.rounds);
          const s1 = await c.storage?.();
          runs.set(c.key, [...(runs.get(c.key) ?? []), run]);
          if (s0 && s1) {
            const acc = storage.get(c.key) ?? {};
            for (const k of Object.keys(s1)) acc[k] = (acc[k] ?? 0) + s1[k]! - s0[k]!;
            storage.set(c.key, acc);
          }
        }
      }
      for (const c of contenders) {
        const result = summarise(runs.get(c.key)!);
        const acc = storage.get(c.key);
        if (acc) result.perTurn = Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, v / result.turns]));
        results[c.key]!.levels.push(result);
        log(`  c=${level.concurrency} ${c.key}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.turnsPerSecond.toFixed(0)} turns/s${result.errors ? `, ${result.errors} errors` : ""}`);
      }
    }
    // WebSocket beside HTTP, on the one-process API server, while it is up.
    const api = contenders.find((c) => c.key === "api");
    if (api && (!CONTENDERS || CONTENDERS.includes("ws"))) {
      try {
        results.realtime = await measureRealtime(api.target, REALTIME_SECONDS);
        const r = results.realtime;
        log(`  websocket: answer p50 ${r.ws.p50.toFixed(1)} ms vs HTTP ${r.http.p50.toFixed(1)} ms, SSE ${r.sse.p50.toFixed(1)} ms${r.errors.length ? `; errors: ${r.errors.join("; ")}` : ""}`);
      } catch (error) {
        results.realtimeError = (error as Error).message.split("\n")[0];
        log(`  ! websocket: ${results.realtimeError}`);
      }
    }
  } finally {
    for (const c of contenders) await c.target.stop();
  }
  return results;
}
