import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";

const databaseUrl = inject("databaseUrl");
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Runs the terminal interview with the given stdin and returns what it printed. */
function runCli(args: string[], input: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "packages/graph/src/cli.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code, out }));
    child.stdin.end(input);
  });
}

const ANSWER =
  "At Paynow I built the settlement API in Go because the old batch job was too slow; first I profiled it, then I moved to streaming, and as a result settlement time fell from 6 hours to 20 minutes.";

describe("terminal interview", () => {
  it("pauses when input ends and resumes with --thread to the final report", async () => {
    const first = await runCli(["--job", "Backend Engineer", "--type", "technical", "--steps", "2", "--cv", "docs/sample-cv.pdf"], `${ANSWER}\n`);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/engine: offline/);
    expect(first.out).toMatch(/\[1\/2 · intro\]/);
    const threadId = /--thread ([0-9a-f-]{36})/.exec(first.out)![1]!;
    expect(first.out).toContain(`Paused. Resume with: npx pnpm interview --thread ${threadId}`);

    const second = await runCli(["--thread", threadId], `${ANSWER}\n`.repeat(6));
    expect(second.code).toBe(0);
    expect(second.out).toContain(`Resuming interview ${threadId}`);
    expect(second.out).toContain("# Interview report: Backend Engineer");
    expect(second.out).toMatch(/Overall score: \*\*\d+(\.\d)?\/10\*\*/);
  }, 60_000);

  it("lets you interview an AI candidate and ends with a report on how you interviewed", async () => {
    const questions = ["Tell me about yourself.", "What did you build with Kafka?", "How old are you?", "/end"].join("\n");
    const run = await runCli(["--job", "Backend Engineer", "--role", "interviewer", "--persona", "strong", "--cv", "docs/sample-cv.pdf"], `${questions}\n`);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Candidate: .*Kafka/);
    // The AI candidate's greeting is said once.
    const greeting = /Candidate: (.+)/.exec(run.out)![1]!;
    expect(run.out.split(greeting)).toHaveLength(2);
    expect(run.out).toContain("# Interview report: Backend Engineer");
    expect(run.out).toMatch(/Flagged questions/i);
  }, 60_000);

  it("explains its usage when the job is missing", async () => {
    const run = await runCli([], "");
    expect(run.code).toBe(1);
    expect(run.out).toContain("Usage: npx pnpm interview --job");
  });
});
