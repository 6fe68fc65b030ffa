import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** Settings from the developer's shell that would turn on paid providers or change the server. */
const HOST_SETTINGS = [
  "GOOGLE_API_KEY", "TAVILY_API_KEY", "GEMINI_BASE_URL", "TAVILY_BASE_URL", "LIVEKIT_URL", "LIVEKIT_API_KEY",
  "LIVEKIT_API_SECRET", "ELEVEN_API_KEY", "API_KEYS", "CORS_ORIGINS", "WEB_DIST_DIR", "DATABASE_URL",
  "LLM_PROVIDER", "OPENAI_BASE_URL", "OPENAI_API_KEY", "OPENAI_MODEL", "OPENAI_EMBEDDING_MODEL", "PRIVATE_MODE",
  "STT_PROVIDER", "TTS_PROVIDER", "OPENAI_AUDIO_BASE_URL", "OPENAI_AUDIO_API_KEY", "ELEVENLABS_BASE_URL", "REDIS_URL",
  "RATE_LIMIT_PER_MINUTE", "API_WORKERS", "PUBLIC_URL",
];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  /** The embedded PostgreSQL's data folder (unused with DATABASE_URL). */
  dataDir: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM (SIGKILL after 10 s), then removes the data folder. */
  stop(): Promise<void>;
}

/**
 * The real server (`apps/api/src/server.ts`) as a child process with the offline engine and its
 * own data folder, ready when /health answers.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "interview-server-"));
  chmodSync(dataDir, 0o755);
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const key of HOST_SETTINGS) delete childEnv[key];
  Object.assign(childEnv, { PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", DATA_DIR: dataDir, ...env });
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "apps/api/src/server.ts"], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited early:\n${output.slice(-3000)}`);
    }
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, dataDir, child, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  await stop();
  throw new Error(`server did not become healthy:\n${output.slice(-3000)}`);
}
