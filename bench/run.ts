/**
 * `pnpm bench`: turn overhead (our HTTP API on PostgreSQL — one process, API_WORKERS=2, two
 * replicas — beside the in-process MemorySaver floor, LangGraph's own server and a raw INSERT),
 * WebSocket beside HTTP, the LLM critical path with a fake 300 ms model, the OpenAI-compatible
 * engine and recorded answers through the API with fixed-latency fakes, CV ingestion, and the
 * voice bridge. Prints a markdown report and writes it into bench/RESULTS.md
 * between the markers (the analysis around them is kept). Needs nothing running: PostgreSQL is
 * the embedded one in a temporary folder unless BENCH_DATABASE_URL is set. Everything is bounded
 * by time budgets (BENCH_SCALE scales them).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { measureCriticalPath, openFakeModelRuntime } from "./src/critical-path.js";
import { measureCvIngestion } from "./src/cv-ingest.js";
import { environment } from "./src/environment.js";
import { measureInsert, startPostgres } from "./src/postgres.js";
import { render, type Results } from "./src/report.js";
import { measureProviderTurns } from "./src/provider-turns.js";
import { measureTurns } from "./src/turns.js";
import { measureVoice } from "./src/voice.js";

const START = "<!-- bench:results:start -->";

/** The engine's persistence code: lines per file, as `wc -l` counts them. */
function persistenceLines() {
  const files: Record<string, number> = {};
  for (const name of ["threads", "checkpointer", "database", "embedded-postgres", "schema", "interview-list"]) {
    const file = fileURLToPath(new URL(`../packages/graph/src/${name}.ts`, import.meta.url));
    if (existsSync(file)) files[`${name}.ts`] = (readFileSync(file, "utf8").match(/\n/g) ?? []).length;
  }
  return { files, total: Object.values(files).reduce((a, n) => a + n, 0) };
}
const END = "<!-- bench:results:end -->";

const log = (message: string) => process.stderr.write(`${message}\n`);

async function section<T>(name: string, errors: string[], work: () => Promise<T>): Promise<T | undefined> {
  log(`\n== ${name}`);
  try {
    return await work();
  } catch (error) {
    const message = `${name}: ${(error as Error).message.split("\n")[0]}`;
    log(`  ! ${message}`);
    errors.push(message);
    return undefined;
  }
}

function writeReport(markdown: string) {
  const file = process.env.BENCH_OUT ?? fileURLToPath(new URL("./RESULTS.md", import.meta.url));
  const block = `${START}\n${markdown}\n${END}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  const at = current.indexOf(START);
  const end = current.indexOf(END);
  const next = at >= 0 && end > at ? current.slice(0, at) + block + current.slice(end + END.length) : `# Benchmarks\n\n${block}\n${current}`;
  writeFileSync(file, next);
  log(`\nwritten to ${file}`);
}

const env = environment();
const started = performance.now();
const errors: string[] = [];
const loadStart = env.load();
log(`bench: ${env.cores} cores, Node ${env.node}, load ${loadStart}`);
const postgres = await startPostgres();
// Interrupted: stop the embedded PostgreSQL too (the child processes stop when this one goes).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void postgres.close().finally(() => process.exit(130)));
}
const results: Results = { env, loadStart, loadEnd: "", seconds: 0, postgres: { kind: postgres.kind, version: postgres.version }, errors };
try {
  results.insert = await section("(c) raw INSERT round trip", errors, () => measureInsert(postgres.url));
  const turns = await section("turn overhead: engine, (a) floor, (b) LangGraph server", errors, () => measureTurns(postgres.url));
  Object.assign(results, turns);
  const fake = await section("fake 300 ms model runtime", errors, () => openFakeModelRuntime(postgres.url));
  if (fake) {
    try {
      results.critical = await section("critical path", errors, () => measureCriticalPath(fake.runtime.service, fake.model));
      if (process.env.BENCH_VOICE === "off") results.voiceSkipped = "BENCH_VOICE=off";
      else results.voice = await section("voice bridge", errors, () => measureVoice(fake.runtime.service));
    } finally {
      await fake.runtime.close();
    }
  }
  results.provider = await section("OpenAI-compatible engine and recorded answers through the API", errors, () => measureProviderTurns(postgres.url));
  results.cv = await section("CV ingestion", errors, () => measureCvIngestion());
} finally {
  await postgres.close();
}
results.loadEnd = env.load();
results.persistence = persistenceLines();
results.seconds = (performance.now() - started) / 1000;
const markdown = render(results);
process.stdout.write(`\n${markdown}\n`);
writeReport(markdown);
