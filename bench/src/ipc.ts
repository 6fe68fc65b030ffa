import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Memory of a process after a full garbage collection. */
export interface MemorySample {
  rss: number;
  heapUsed: number;
  external: number;
}

export function memoryAfterGc(): MemorySample {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external + m.arrayBuffers };
}

type Handler = (args: any) => Promise<unknown> | unknown;

/** Child side: announce readiness, then answer the parent's commands until "stop". */
export function serveCommands(ready: Record<string, unknown>, handlers: Record<string, Handler>, stop: () => Promise<void>) {
  process.on("message", async (message: { id: number; cmd: string; args?: unknown }) => {
    if (message.cmd === "stop") {
      await stop().catch(() => undefined);
      process.send!({ id: message.id, result: null }, () => process.exit(0));
      return;
    }
    try {
      const handler = handlers[message.cmd];
      if (!handler) throw new Error(`unknown command ${message.cmd}`);
      process.send!({ id: message.id, result: await handler(message.args) });
    } catch (error) {
      process.send!({ id: message.id, error: (error as Error).stack ?? String(error) });
    }
  });
  // The parent went away (killed, crashed): nothing is left running.
  process.on("disconnect", () => void stop().finally(() => process.exit(0)));
  process.send!({ ready });
}

export interface Target {
  ready: Record<string, any>;
  request<T>(cmd: string, args?: unknown): Promise<T>;
  stop(): Promise<void>;
  child: ChildProcess;
}

/**
 * Parent side: runs `entry` (a .ts file in src/targets, or an absolute path) in its own Node
 * process with the same TypeScript loader, --expose-gc, and --cpu-prof when BENCH_PROFILE is set. The child is killed
 * if it has not answered within `timeoutMs` of any request.
 */
export function spawnTarget(entry: string, env: Record<string, string> = {}, timeoutMs = 300_000, extraExecArgv: string[] = []): Promise<Target> {
  const file = entry.startsWith("/") ? entry : fileURLToPath(new URL(`./targets/${entry}`, import.meta.url));
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = fork(file, [], {
    execArgv: [...process.execArgv, "--expose-gc", ...profile, ...extraExecArgv],
    env: { ...process.env, ...env },
    stdio: ["ignore", process.env.BENCH_CHILD_STDOUT ? "inherit" : "ignore", "inherit", "ipc"],
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  const fail = (error: Error) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    pending.clear();
  };
  return new Promise((resolve, reject) => {
    const startTimer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry} did not start within 60 s`));
    }, 60_000);
    let stopping = false;
    child.on("exit", (code, signal) => {
      clearTimeout(startTimer);
      const error = new Error(`${entry} exited with code ${code}${signal ? ` (${signal})` : ""}`);
      if (!stopping) process.stderr.write(`  ! ${error.message}\n`);
      fail(error);
      reject(error);
    });
    child.on("message", (message: any) => {
      if (message.ready) {
        clearTimeout(startTimer);
        resolve({
          ready: message.ready,
          child,
          request: <T>(cmd: string, args?: unknown) =>
            new Promise<T>((res, rej) => {
              const id = nextId++;
              const timer = setTimeout(() => {
                pending.delete(id);
                child.kill("SIGKILL");
                rej(new Error(`${entry}: ${cmd} timed out`));
              }, timeoutMs);
              pending.set(id, { resolve: res, reject: rej, timer });
              if (!child.connected) {
                clearTimeout(timer);
                pending.delete(id);
                return rej(new Error(`${entry} is gone (${cmd})`));
              }
              child.send({ id, cmd, args });
            }),
          stop: async () => {
            if (child.exitCode !== null || child.signalCode !== null) return;
            stopping = true;
            const exited = new Promise((r) => child.once("exit", r));
            const id = nextId++;
            const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
            pending.set(id, { resolve: () => undefined, reject: () => undefined, timer });
            if (child.connected) child.send({ id, cmd: "stop" });
            else child.kill("SIGTERM");
            await exited;
            clearTimeout(timer);
          },
        });
        return;
      }
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      clearTimeout(p.timer);
      if (message.error) p.reject(new Error(message.error));
      else p.resolve(message.result);
    });
  });
}
