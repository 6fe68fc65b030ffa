import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(fileURLToPath(import.meta.url), "../../..");

/** Version of `name` as installed for the workspace package in `dir`. */
function versionOf(name: string, dir: string): string {
  try {
    const require = createRequire(path.join(root, dir, "package.json"));
    let folder = path.dirname(require.resolve(name));
    for (let i = 0; i < 6; i++) {
      try {
        const pkg = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? "?";
      } catch {
        // keep walking up
      }
      folder = path.dirname(folder);
    }
  } catch {
    // not resolvable from there
  }
  return "?";
}

export interface Environment {
  date: string;
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  commit: string;
  graphDir: string | undefined;
  versions: Record<string, string>;
  load: () => string;
}

export function environment(): Environment {
  let commit = "?";
  try {
    commit = execSync("git rev-parse --short HEAD", { cwd: root, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    const dirty = execSync("git status --porcelain -- packages/graph bench", { cwd: root, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    if (dirty) commit += " (+ local changes)";
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? "?",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    commit,
    graphDir: process.env.BENCH_GRAPH_DIR,
    versions: {
      "@langchain/langgraph": versionOf("@langchain/langgraph", "packages/graph"),
      "@langchain/langgraph-checkpoint-postgres": versionOf("@langchain/langgraph-checkpoint-postgres", "packages/graph"),
      "@langchain/core": versionOf("@langchain/core", "packages/graph"),
      "@langchain/langgraph-api": versionOf("@langchain/langgraph-api", "bench"),
      hono: versionOf("hono", "apps/api"),
      "@hono/node-server": versionOf("@hono/node-server", "apps/api"),
      pg: versionOf("pg", "packages/graph"),
      "pdf-parse": versionOf("pdf-parse", "packages/graph"),
      "hnswlib-node": versionOf("hnswlib-node", "packages/graph"),
    },
    load: () => os.loadavg().map((l) => l.toFixed(2)).join(" / "),
  };
}
