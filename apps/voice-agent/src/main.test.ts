import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs `tsx src/main.ts start` the way `pnpm --filter @interview/voice-agent start` does. */
function startWorker(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Empty values win over a developer's .env, so the test sees only what it sets.
    const blank = { LIVEKIT_URL: "", LIVEKIT_API_KEY: "", LIVEKIT_API_SECRET: "", ELEVEN_API_KEY: "", DATABASE_URL: "" };
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "start"], {
      cwd: path.resolve(here, ".."),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...blank, ...env },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 55_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("starting the voice worker", () => {
  it("stops with a message naming every missing setting", async () => {
    const { code, output } = await startWorker({});
    expect(code).toBe(1);
    for (const name of ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET", "ELEVEN_API_KEY"]) expect(output).toContain(`${name}: required`);
    expect(output).toContain("docs/voice.md");
  }, 60_000);

  it("stops when it has no way to reach the interviews' database", async () => {
    const { code, output } = await startWorker({
      LIVEKIT_URL: "ws://127.0.0.1:7880",
      LIVEKIT_API_KEY: "devkey",
      LIVEKIT_API_SECRET: "secret",
      ELEVEN_API_KEY: "key",
      DATA_DIR: path.join(here, "no-such-data-dir"),
    });
    expect(code).toBe(1);
    expect(output).toMatch(/set DATABASE_URL to the PostgreSQL the API uses, or start the API first/);
  }, 60_000);
});
