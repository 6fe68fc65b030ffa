/**
 * Terminal interview: `pnpm interview --job "Backend Engineer" --type technical --cv ./cv.pdf`.
 * Ctrl-C at any time; `--thread <id>` resumes.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { createRuntime } from "./runtime.js";
import { loadEngineConfig } from "./config.js";
import { isInterviewError } from "./errors.js";
import { renderMarkdownReport } from "./report.js";
import type { TurnView } from "./service.js";

const { values } = parseArgs({
  options: {
    job: { type: "string" },
    type: { type: "string", default: "mixed" },
    style: { type: "string" },
    steps: { type: "string" },
    company: { type: "string" },
    description: { type: "string" },
    cv: { type: "string" },
    name: { type: "string" },
    thread: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help || (!values.job && !values.thread)) {
  console.log(`Usage: pnpm interview --job "<title>" [--type technical|behavioral|mixed|system_design]
       [--style adaptive|broad|narrow_up|follow_up] [--steps 5] [--company X] [--description "..."]
       [--cv ./cv.pdf|./cv.txt] [--name Ana]
   or: pnpm interview --thread <id>     (resume)`);
  process.exit(values.help ? 0 : 1);
}

if (existsSync(".env")) process.loadEnvFile(".env");
const runtime = await createRuntime(loadEngineConfig(process.env));
const rl = createInterface({ input: process.stdin, output: process.stdout });
// Created at once so that piped answers arriving during start-up are buffered, not dropped.
const lines = rl[Symbol.asyncIterator]();
let closing = false;
const shutdown = async (code: number) => {
  if (closing) return;
  closing = true;
  rl.close();
  await runtime.close();
  process.exit(code);
};
process.on("SIGINT", () => {
  console.log("\nPaused. Resume with: pnpm interview --thread " + (threadId ?? "<id>"));
  void shutdown(130);
});

const print = (view: TurnView) => {
  if (view.evaluation) console.log(`\n  ↳ ${view.evaluation.score}/10 — ${view.evaluation.feedback}\n`);
  if (view.status === "completed") return;
  console.log(`\n[${view.currentStep}/${view.maxSteps} · ${view.question?.phase}] ${view.message}\n`);
};

let threadId = values.thread;
try {
  let view: TurnView;
  if (values.thread) {
    view = await runtime.service.get(values.thread);
    console.log(`Resuming interview ${values.thread} (${view.state.jobTitle}).`);
  } else {
    const cvPath = values.cv;
    const cvBytes = cvPath ? await readFile(cvPath) : undefined;
    const isPdf = cvPath?.toLowerCase().endsWith(".pdf");
    view = await runtime.service.start({
      jobTitle: values.job!,
      questionType: values.type!,
      questionStyle: values.style,
      maxSteps: values.steps ? Number(values.steps) : undefined,
      company: values.company,
      jobDescription: values.description,
      candidateName: values.name,
      cvPdf: isPdf ? cvBytes : undefined,
      cvText: cvBytes && !isPdf ? cvBytes.toString("utf8") : undefined,
    });
    threadId = view.threadId;
    console.log(`Interview ${threadId} · engine: ${runtime.engine}. Ctrl-C to pause; resume with --thread ${threadId}.`);
  }
  print(view);
  while (view.status !== "completed") {
    process.stdout.write("> ");
    const next = await lines.next();
    if (next.done) {
      console.log(`\nPaused. Resume with: pnpm interview --thread ${threadId}`);
      await shutdown(0);
    }
    const answer = String(next.value ?? "").trim();
    if (!answer) continue;
    try {
      view = await runtime.service.answer(threadId!, answer, "text");
      print(view);
    } catch (error) {
      if (!isInterviewError(error) || error.status < 500) throw error;
      console.log(`\n  ! ${error.message}\n`);
    }
  }
  console.log("\n" + renderMarkdownReport(threadId!, view.state));
  await shutdown(0);
} catch (error) {
  console.error(isInterviewError(error) ? `Error: ${error.message}` : error);
  await shutdown(1);
}
