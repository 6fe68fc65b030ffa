/**
 * Starts the LiveKit worker: `tsx src/main.ts dev` (or `start`). The only place that reads the
 * environment; it stops with a clear message when a setting is missing.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadVoiceAgentConfig } from "./config.js";
import { databaseProblem } from "./database.js";
import { AGENT_NAME } from "./dispatch.js";
import { repoRoot, resolveDataDir } from "./paths.js";

export async function startWorker(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadVoiceAgentConfig(env);
  const problem = databaseProblem(config, resolveDataDir(config.DATA_DIR));
  if (problem) throw new Error(problem);
  // The framework logs transcripts at debug level (its `dev` default); answers stay out of logs
  // unless LOG_LEVEL=debug is asked for explicitly.
  env.LOG_LEVEL ??= "info";
  // Loaded only once the settings are known to be good: a misconfigured start fails fast.
  const { cli, ServerOptions } = await import("@livekit/agents");
  cli.runApp(
    new ServerOptions({
      agent: fileURLToPath(new URL("./agent.ts", import.meta.url)),
      // Explicit dispatch: the worker only joins rooms whose token names this agent.
      agentName: AGENT_NAME,
      wsURL: config.LIVEKIT_URL,
      apiKey: config.LIVEKIT_API_KEY,
      apiSecret: config.LIVEKIT_API_SECRET,
      // Job processes compile the agent with tsx and load the VAD model before taking a job.
      initializeProcessTimeout: 60_000,
    }),
  );
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isEntryPoint) {
  // Settings may come from a .env file at the repository root; real environment variables win.
  const envFile = path.join(repoRoot, ".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  await startWorker(process.env).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
