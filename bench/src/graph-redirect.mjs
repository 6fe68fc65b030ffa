// Runs the benchmark against another copy of packages/graph (an earlier commit), for before/after
// numbers in the same harness: `BENCH_GRAPH_DIR=/path/to/old/packages/graph tsx --import
// ./src/graph-redirect.mjs run.ts`. That copy needs node_modules links (see RESULTS.md).
import { register } from "node:module";

if (process.env.BENCH_GRAPH_DIR) {
  register("./graph-redirect-hooks.mjs", import.meta.url, { data: { to: process.env.BENCH_GRAPH_DIR } });
}
