/**
 * Starts the LiveKit workers: `tsx src/main.ts dev|start [--agent voice-agent|candidate-agent|both]`.
 * The only place that reads the environment; it stops with a clear message when a setting is missing.
 *
 * A LiveKit worker registers under one agent name (one `ServerOptions`), and the framework's CLI
 * runs one worker per process and owns its signals. So "both" (the default) runs each agent as a
 * worker process of its own, started and stopped together by this one; `--agent` runs just one,
 * to scale or place them separately.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { assertPrivateEngine, assertPrivateProvider, loadDotEnv } from "@interview/graph";
import { loadVoiceAgentConfig, type VoiceAgentConfig } from "./config.js";
import { databaseProblem } from "./database.js";
import { AGENT_NAMES, type AgentName } from "./dispatch.js";
import { repoRoot, resolveDataDir } from "./paths.js";

/** The agent definition each name runs. */
const AGENT_FILES: Record<AgentName, string> = {
  "voice-agent": fileURLToPath(new URL("./agent.ts", import.meta.url)),
  "candidate-agent": fileURLToPath(new URL("./candidate-agent.ts", import.meta.url)),
};

/** Health-check ports of `start` (the framework's default is 8081 for every worker): one each. */
export const HEALTH_PORTS: Record<AgentName, number> = { "voice-agent": 8081, "candidate-agent": 8082 };

export interface AgentChoice {
  agents: AgentName[];
  /** The arguments for the framework's CLI (`dev`, `start`, its options). */
  cliArgs: string[];
}

/** Reads `--agent <name|both>` (or `--agent=…`) out of the arguments; the rest belongs to the framework's CLI. */
export function chooseAgents(args: readonly string[]): AgentChoice {
  const cliArgs: string[] = [];
  let choice = "both";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--agent") choice = args[++i] ?? "";
    else if (arg.startsWith("--agent=")) choice = arg.slice("--agent=".length);
    else cliArgs.push(arg);
  }
  if (choice === "both") return { agents: [...AGENT_NAMES], cliArgs };
  if ((AGENT_NAMES as readonly string[]).includes(choice)) return { agents: [choice as AgentName], cliArgs };
  throw new Error(`--agent must be ${AGENT_NAMES.join(", ")} or both (got "${choice}").`);
}

/** Checks everything a worker needs, then runs the chosen agents. */
export async function startWorker(env: NodeJS.ProcessEnv, args: readonly string[]): Promise<void> {
  const { agents, cliArgs } = chooseAgents(args);
  const config = loadVoiceAgentConfig(env);
  const problem = databaseProblem(config, resolveDataDir(config.DATA_DIR));
  if (problem) throw new Error(problem);
  // Privacy mode, checked before any job: the model, and the candidate's voice too, only on this machine or a private network.
  if (config.PRIVATE_MODE) {
    await assertPrivateEngine(config);
    await assertPrivateProvider("ELEVENLABS_BASE_URL", config.ELEVENLABS_BASE_URL);
  }
  // The framework logs transcripts at debug level (its `dev` default); answers stay out of logs
  // unless LOG_LEVEL=debug is asked for explicitly.
  env.LOG_LEVEL ??= "info";
  if (agents.length === 1) await runAgent(agents[0]!, config, cliArgs);
  else superviseAgents(agents, cliArgs, env);
}

/** One worker in this process, as the framework's CLI runs it. */
async function runAgent(agent: AgentName, config: VoiceAgentConfig, cliArgs: string[]): Promise<void> {
  // Loaded only once the settings are known to be good: a misconfigured start fails fast.
  const { cli, ServerOptions } = await import("@livekit/agents");
  // Started by `both`: when that process goes away, so does this worker (gracefully).
  if (process.send) {
    process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
    process.channel?.unref();
  }
  process.argv = [process.argv[0]!, process.argv[1]!, ...cliArgs];
  cli.runApp(
    new ServerOptions({
      agent: AGENT_FILES[agent],
      // Explicit dispatch: the worker only joins rooms whose token names this agent.
      agentName: agent,
      wsURL: config.LIVEKIT_URL,
      apiKey: config.LIVEKIT_API_KEY,
      apiSecret: config.LIVEKIT_API_SECRET,
      ...(cliArgs[0] === "start" ? { port: HEALTH_PORTS[agent] } : {}),
      // Job processes compile the agent with tsx and load the VAD model before taking a job.
      initializeProcessTimeout: 60_000,
    }),
  );
}

/**
 * Each agent in a worker process of its own. They run in their own process group, so a signal
 * reaches each exactly once (a second one makes the framework stop without draining): this
 * process passes SIGINT/SIGTERM on. When one worker stops on its own, the other is stopped too
 * and this process exits with its code, so a supervisor restarts both.
 */
function superviseAgents(agents: AgentName[], cliArgs: string[], env: NodeJS.ProcessEnv): void {
  const entry = fileURLToPath(import.meta.url);
  const running = new Set<ChildProcess>();
  let stopping = false;
  let exitCode = 0;
  const stopAll = (signal: NodeJS.Signals) => {
    for (const child of running) child.kill(signal);
  };
  for (const agent of agents) {
    const child = spawn(process.execPath, [...process.execArgv, entry, ...cliArgs, "--agent", agent], {
      env,
      stdio: ["inherit", "inherit", "inherit", "ipc"],
      detached: true,
    });
    running.add(child);
    child.on("exit", (code, signal) => {
      running.delete(child);
      if (!stopping) {
        stopping = true;
        exitCode = code ?? 1;
        console.error(`The ${agent} worker stopped (${signal ?? `exit code ${code}`}); stopping the others.`);
        stopAll("SIGTERM");
      } else if (code && !exitCode) exitCode = code;
      if (running.size === 0) process.exit(exitCode);
    });
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      stopAll(signal);
    });
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isEntryPoint) {
  // The same .env rule as the API and the terminal client: real environment variables win.
  loadDotEnv(repoRoot);
  await startWorker(process.env, process.argv.slice(2)).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
