/**
 * Shared set-up of the browser tests: Debian's Chromium driven by playwright-core (installed with
 * apt-get when missing, never downloaded by Playwright), the built UI, the real API server, and
 * screenshots for docs/screenshots.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { startServerProcess, type ServerProcess } from "../../api/src/testing/server-process.js";
import { openDatabase } from "../../../packages/graph/src/database.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const WEB = path.join(ROOT, "apps/web");
export const SHOTS = path.join(ROOT, "docs/screenshots");
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // A synthetic microphone (a tone) and no permission prompt, so recorded answers can be tested.
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
];
export const DESKTOP = { viewport: { width: 1280, height: 880 } };
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code, output }));
    child.on("error", (error) => resolve({ code: -1, output: String(error) }));
  });
}

/** Debian's Chromium: CHROMIUM_PATH, /usr/bin/chromium, or installed with apt-get when running as root. */
export async function ensureChromium(): Promise<string> {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const howTo =
    "Chromium is needed for the browser tests. Install Debian's package with `sudo apt-get update && sudo apt-get install -y chromium` " +
    "(or set CHROMIUM_PATH to a Chromium or Chrome binary) and run the tests again.";
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/etc/debian_version") || !existsSync("/usr/bin/apt-get")) throw new Error(howTo);
  // Other processes may hold the apt/dpkg locks for a while: wait for them, and retry once.
  const apt = ["-o", "DPkg::Lock::Timeout=300", "-o", "Acquire::Retries=3"];
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  let last = "";
  for (let attempt = 1; attempt <= 2; attempt++) {
    const update = await run("apt-get", [...apt, "update"], env);
    const install = update.code === 0 ? await run("apt-get", [...apt, "install", "-y", "chromium"], env) : update;
    if (install.code === 0 && existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
    last = install.output.slice(-2000);
    await new Promise((r) => setTimeout(r, 5000));
  }
  throw new Error(`Installing chromium with apt-get failed:\n${last}\n\n${howTo}`);
}

const newestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const p = path.join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }, 0);

/** The UI under test is the current source: build it when dist is missing or older than src. */
export function ensureBuilt() {
  const index = path.join(WEB, "dist/index.html");
  const sources = Math.max(newestMtime(path.join(WEB, "src")), statSync(path.join(WEB, "index.html")).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const vite = path.join(WEB, "node_modules/.bin/vite");
  const result = spawnSync(vite, ["build"], { cwd: WEB, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

/** The real API server (offline engine) as a child process, on the test run's PostgreSQL. */
export function startServer(extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess({ DATABASE_URL: inject("databaseUrl"), LOG_LEVEL: "warn", ...extraEnv });
}

/**
 * A database of its own on the test run's PostgreSQL, for a test that asserts what lists show
 * (other suites create jobs and interviews in the shared one). `drop` removes it.
 */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const shared = inject("databaseUrl");
  const name = `e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await openDatabase({ url: shared, dataDir: "", poolSize: 1 });
  try {
    await admin.pool.query(`create database ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(shared);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const db = await openDatabase({ url: shared, dataDir: "", poolSize: 1 });
      try {
        await db.pool.query(`drop database if exists ${name} with (force)`);
      } finally {
        await db.close();
      }
    },
  };
}

/** Retries until the page shows what is expected (the UI updates asynchronously). */
export const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

/**
 * Screenshots of each view. They go to docs/screenshots when missing or with UPDATE_SCREENSHOTS=1;
 * otherwise (questions and scores differ per run) to a temporary folder, so a test run leaves the
 * working tree clean.
 */
let scratchDir = tmpdir();
export const setScratchDir = (dir: string) => void (scratchDir = dir);

export async function screenshot(page: Page, name: string, fullPage = false) {
  const committed = path.join(SHOTS, name);
  const target = process.env.UPDATE_SCREENSHOTS === "1" || !existsSync(committed) ? committed : path.join(scratchDir, name);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: target, fullPage, animations: "disabled", caret: "hide" });
  expect(statSync(target).size).toBeGreaterThan(10_000);
}
