import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { chooseAgents } from "./main.js";
import { startFakeLiveKit } from "./testing/livekit-server.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const databaseUrl = inject("databaseUrl");

/** Runs `tsx src/main.ts <args>` the way `pnpm --filter @interview/voice-agent start` does. */
function runWorker(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<{ code: number | null; output: string }> } {
  // Empty values win over a developer's .env, so the test sees only what it sets.
  const blank = { LIVEKIT_URL: "", LIVEKIT_API_KEY: "", LIVEKIT_API_SECRET: "", ELEVEN_API_KEY: "", DATABASE_URL: "", LIVEKIT_AGENT_NAME: "" };
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    cwd: path.resolve(here, ".."),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...blank, ...env },
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const done = new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 55_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
  return { child, done };
}

const configured = { LIVEKIT_API_KEY: "devkey", LIVEKIT_API_SECRET: "secret", ELEVEN_API_KEY: "key" };

describe("the worker's command line", () => {
  it("runs both agents unless --agent names one, and hands the rest to the framework's CLI", () => {
    expect(chooseAgents(["dev"])).toEqual({ agents: ["voice-agent", "candidate-agent"], cliArgs: ["dev"] });
    expect(chooseAgents(["start", "--agent", "candidate-agent", "--log-level", "warn"])).toEqual({ agents: ["candidate-agent"], cliArgs: ["start", "--log-level", "warn"] });
    expect(chooseAgents(["--agent=voice-agent", "start"])).toEqual({ agents: ["voice-agent"], cliArgs: ["start"] });
    expect(chooseAgents(["start", "--agent", "both"]).agents).toEqual(["voice-agent", "candidate-agent"]);
    expect(() => chooseAgents(["start", "--agent"])).toThrow(/--agent must be/);
  });

  it("stops with a message naming every missing setting", async () => {
    const { code, output } = await runWorker(["start"], {}).done;
    expect(code).toBe(1);
    for (const name of ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET", "ELEVEN_API_KEY"]) expect(output).toContain(`${name}: required`);
    expect(output).toContain("docs/voice.md");
  }, 60_000);

  it("stops when the endpointing delays contradict each other", async () => {
    const { code, output } = await runWorker(["start"], { ...configured, LIVEKIT_URL: "ws://127.0.0.1:7880", VOICE_MIN_ENDPOINTING_MS: "7000" }).done;
    expect(code).toBe(1);
    expect(output).toContain("VOICE_MAX_ENDPOINTING_MS: must be at least VOICE_MIN_ENDPOINTING_MS (7000 ms), but is 6000 ms (its default)");
  }, 60_000);

  it("stops on an agent name it does not serve", async () => {
    const { code, output } = await runWorker(["start", "--agent", "interviewer"], { ...configured, LIVEKIT_URL: "ws://127.0.0.1:7880" }).done;
    expect(code).toBe(1);
    expect(output).toContain('--agent must be voice-agent, candidate-agent or both (got "interviewer").');
  }, 60_000);

  it("stops in privacy mode unless the model and ElevenLabs are reached on this machine or a private network", async () => {
    const { code, output } = await runWorker(["start"], { ...configured, LIVEKIT_URL: "ws://127.0.0.1:7880", DATABASE_URL: databaseUrl, PRIVATE_MODE: "true" }).done;
    expect(code).toBe(1);
    expect(output).toContain("PRIVATE_MODE is on, so ELEVENLABS_BASE_URL must point to this machine or a private network, but it is not set");
    const gemini = await runWorker(["start"], { ...configured, LIVEKIT_URL: "ws://127.0.0.1:7880", DATABASE_URL: databaseUrl, PRIVATE_MODE: "true", GOOGLE_API_KEY: "g-key", ELEVENLABS_BASE_URL: "http://127.0.0.1:9" }).done;
    expect(gemini.code).toBe(1);
    expect(gemini.output).toContain("PRIVATE_MODE is on, so GEMINI_BASE_URL must point to this machine or a private network");
  }, 60_000);

  it("stops when it has no way to reach the interviews' database", async () => {
    const { code, output } = await runWorker(["start"], { ...configured, LIVEKIT_URL: "ws://127.0.0.1:7880", DATA_DIR: path.join(here, "no-such-data-dir") }).done;
    expect(code).toBe(1);
    expect(output).toMatch(/set DATABASE_URL to the PostgreSQL the API uses, or start the API first/);
  }, 60_000);

  it("registers both agent names with the LiveKit server, and stops both on SIGTERM", async () => {
    const livekit = await startFakeLiveKit();
    const names = ["voice-agent", "candidate-agent"] as const;
    const { child, done } = runWorker(["dev"], { ...configured, LIVEKIT_URL: livekit.url, DATABASE_URL: databaseUrl });
    try {
      const deadline = Date.now() + 45_000;
      while (livekit.registered(names).length < names.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(livekit.registered(names)).toEqual([...names]);
      expect(livekit.connections.every((c) => c.path.startsWith("/agent"))).toBe(true);
      child.kill("SIGTERM");
      const { code } = await done;
      expect(code).not.toBe(null);
    } finally {
      child.kill("SIGKILL");
      await livekit.close();
    }
  }, 60_000);
});
