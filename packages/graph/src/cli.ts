/**
 * Terminal interview: `pnpm interview --job "Backend Engineer" --type technical --cv ./cv.pdf`.
 * `--role interviewer`: you ask, an AI candidate answers; type /end to finish and get the
 * coaching report. Ctrl-C at any time; `--thread <id>` resumes.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { createRuntime } from "./runtime.js";
import { loadDotEnv, loadEngineConfig } from "./config.js";
import { isInterviewError, type ErrorCode } from "./errors.js";
import { renderMarkdownReport } from "./report/index.js";
import type { InterviewView, TurnView } from "./views.js";

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
    role: { type: "string", default: "candidate" },
    persona: { type: "string" },
    seniority: { type: "string" },
    thread: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help || (!values.job && !values.thread)) {
  console.log(`Usage: npx pnpm interview --job "<title>" [--type technical|behavioral|mixed|system_design]
       [--style adaptive|broad|narrow_up|follow_up] [--steps 5] [--company X] [--description "..."]
       [--cv ./cv.pdf|./cv.txt] [--name Ana]
       [--role candidate|interviewer] [--persona strong|average|weak|evasive] [--seniority junior|mid|senior|lead]
   or: npx pnpm interview --thread <id>     (resume)
With --role interviewer you ask the questions and an AI candidate (from --cv, or one made up for
the job) answers; type /end when you are done to get a report on how you interviewed.`);
  process.exit(values.help ? 0 : 1);
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
loadDotEnv(repoRoot);
const config = loadEngineConfig(process.env);
const runtime = await createRuntime({ ...config, DATA_DIR: path.resolve(repoRoot, config.DATA_DIR) });
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
  console.log(`\nPaused. Resume with: npx pnpm interview --thread ${threadId ?? "<id>"}`);
  void shutdown(130);
});

/** Failures worth telling the candidate and carrying on: the answer can be sent again. */
const RETRYABLE = new Set<ErrorCode>(["provider_unavailable", "upstream_timeout", "model_output_invalid", "turn_in_progress", "answer_too_long", "invalid_input"]);

const print = (view: TurnView | InterviewView) => {
  // In role reversal the greeting is the AI candidate's first words, printed below as its message.
  if ("evaluation" in view && view.greeting && view.status !== "awaiting_question") console.log(`\n${view.greeting}`);
  if ("evaluation" in view && view.evaluation) console.log(`\n  ↳ ${view.evaluation.score}/10 — ${view.evaluation.feedback}\n`);
  if (view.status === "completed") return;
  // Role reversal: the AI candidate's words; the human asks next.
  if (view.status === "awaiting_question") return void console.log(`\nCandidate: ${view.message}\n`);
  console.log(`\n[${view.currentStep}/${view.maxSteps} · ${view.question?.phase}] ${view.message}\n`);
};

let threadId = values.thread;
try {
  let view: TurnView | InterviewView;
  if (values.thread) {
    view = await runtime.service.get(values.thread);
    console.log(`Resuming interview ${values.thread} (${view.setup.jobTitle}).`);
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
      role: values.role,
      persona: values.persona,
      seniority: values.seniority,
      cvPdf: isPdf ? cvBytes : undefined,
      cvText: cvBytes && !isPdf ? cvBytes.toString("utf8") : undefined,
    });
    threadId = view.threadId;
    console.log(`Interview ${threadId} · engine: ${runtime.engine}. Ctrl-C to pause; resume with --thread ${threadId}; /end ends it now.`);
  }
  print(view);
  while (view.status !== "completed") {
    process.stdout.write("> ");
    const next = await lines.next();
    if (next.done) {
      console.log(`\nPaused. Resume with: npx pnpm interview --thread ${threadId}`);
      await shutdown(0);
    }
    const answer = String(next.value ?? "").trim();
    if (!answer) continue;
    try {
      if (answer === "/end") {
        view = await runtime.service.end(threadId!);
        break;
      }
      view = await runtime.service.answer(threadId!, { text: answer, channel: "text", questionId: view.question?.id });
      print(view);
    } catch (error) {
      if (!isInterviewError(error) || !RETRYABLE.has(error.code)) throw error;
      console.log(`\n  ! ${error.message}\n`);
    }
  }
  console.log("\n" + renderMarkdownReport(await runtime.service.report(threadId!)));
  await shutdown(0);
} catch (error) {
  console.error(isInterviewError(error) ? `Error: ${error.message}` : error);
  await shutdown(1);
}
