/**
 * The web UI in a real browser against the real API server: Debian's Chromium driven by
 * playwright-core (installed with apt-get when missing, never downloaded by Playwright).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cvPdf } from "../../../packages/graph/src/testing/pdf";
import { freePort, startServerProcess, type ServerProcess } from "../../api/src/testing/server-process.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const WEB = path.join(ROOT, "apps/web");
const SHOTS = path.join(ROOT, "docs/screenshots");
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const DESKTOP = { viewport: { width: 1280, height: 880 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// ------------------------------------------------------------------ set-up helpers

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
async function ensureChromium(): Promise<string> {
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
function ensureBuilt() {
  const index = path.join(WEB, "dist/index.html");
  const sources = Math.max(newestMtime(path.join(WEB, "src")), statSync(path.join(WEB, "index.html")).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const vite = path.join(WEB, "node_modules/.bin/vite");
  const result = spawnSync(vite, ["build"], { cwd: WEB, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

type RunningServer = ServerProcess;

/** The real API server (offline engine) as a child process, on the test run's PostgreSQL. */
function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  return startServerProcess({ DATABASE_URL: inject("databaseUrl"), LOG_LEVEL: "warn", ...extraEnv });
}

// ------------------------------------------------------------------ page helpers

/** Records, in the page, every piece of streamed question text and every "thinking" bubble. */
const RECORD_STREAMING = () => {
  const w = window as unknown as { __tokens: string[]; __thinking: number };
  w.__tokens = [];
  w.__thinking = 0;
  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of Array.from(r.addedNodes)) {
        if (node.nodeType === Node.TEXT_NODE && (r.target as Element).matches?.("[data-streaming]")) w.__tokens.push((node as Text).data);
        if (node instanceof Element && node.matches("[data-thinking]")) w.__thinking++;
      }
    }
  }).observe(document, { childList: true, subtree: true });
};

/** Retries until the page shows what is expected (the UI updates asynchronously). */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

const currentQuestion = (page: Page) => page.locator(".bubble.current .bubble-text");

async function answerCurrent(page: Page, text: string, how: "keyboard" | "click") {
  const before = await page.locator(".bubble.current").getAttribute("data-question-id");
  await page.locator("#answer").fill(text);
  if (how === "keyboard") await page.locator("#answer").press("Control+Enter");
  else await page.getByRole("button", { name: "Send answer" }).click();
  // Either the next question is current, or the interview finished and the report is shown.
  await page.waitForFunction(
    (prev) => document.querySelector("#report-title") !== null || ((document.querySelector(".bubble.current")?.getAttribute("data-question-id") ?? prev) !== prev && !document.querySelector("[data-thinking]")),
    before,
  );
}

const ANSWERS = [
  "At Parcelly I led the migration of our dispatch service to Kubernetes. The situation was slow, risky deploys; I designed the rollout, wrote the Terraform and Helm charts, and we cut deploy time from 40 to 6 minutes with zero downtime.",
  "REST with resource-oriented endpoints wins for public APIs and caching; gRPC wins between internal services where latency and typed contracts matter. At Paynow I used REST for partners and gRPC for the settlement pipeline, trading debuggability for a 30% latency cut.",
  "It used an outbox table in PostgreSQL and Kafka consumers. I weighed exactly-once against at-least-once delivery and chose idempotency keys because retries were cheap; the result was zero duplicate settlements over two years at 2M payments a day.",
  "I would start by measuring: p99 latency per endpoint, then profile the hot path. In one case Redis caching of merchant lookups removed 40% of database reads; I added cache invalidation on write and a dashboard so the team could verify the effect.",
];

/**
 * Screenshots of each view. They go to docs/screenshots when missing or with UPDATE_SCREENSHOTS=1;
 * otherwise (questions and scores differ per run) to a temporary folder, so a test run leaves the
 * working tree clean.
 */
let scratchDir = tmpdir();

async function screenshot(page: Page, name: string, fullPage = false) {
  const committed = path.join(SHOTS, name);
  const target = process.env.UPDATE_SCREENSHOTS === "1" || !existsSync(committed) ? committed : path.join(scratchDir, name);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: target, fullPage, animations: "disabled", caret: "hide" });
  expect(statSync(target).size).toBeGreaterThan(10_000);
}

// ------------------------------------------------------------------ tests

describe("web UI in Chromium", () => {
  let browser: Browser;
  let server: RunningServer;
  let tmp: string;
  let cvPath: string;
  let completedThread = "";
  const contexts: BrowserContext[] = [];

  async function newPage(options: Parameters<Browser["newContext"]>[0] = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ ...options, acceptDownloads: true, reducedMotion: "reduce", colorScheme: "light" });
    contexts.push(context);
    await context.addInitScript(RECORD_STREAMING);
    return context.newPage();
  }

  beforeAll(async () => {
    const executablePath = await ensureChromium();
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(path.join(tmpdir(), "web-e2e-"));
    scratchDir = tmp;
    cvPath = path.join(tmp, "ana-lima-cv.pdf");
    writeFileSync(cvPath, await cvPdf());
    [server, browser] = await Promise.all([startServer(), chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })]);
  }, 600_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }, 30_000);

  it("checks the form before sending: required job title, CV type and 5 MB limit, and shows the server's rejection of a fake PDF beside the upload", async () => {
    const page = await newPage();
    const starts: string[] = [];
    page.on("request", (r) => r.url().endsWith("/start_interview") && starts.push(r.method()));
    await page.goto(server.url);
    await eventually(() => page.locator("#cv-hint").textContent()).toContain("PDF, up to 5 MB");

    await page.getByRole("button", { name: "Start text interview" }).click();
    await eventually(() => page.locator("#job_title-error").textContent()).toBe("Enter the job title you are interviewing for.");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("job_title");

    await page.getByLabel("Job title").fill("Data Engineer");
    await page.locator("#cv").setInputFiles({ name: "huge.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(6 * 1024 * 1024, 1) });
    await eventually(() => page.locator("#cv-error").textContent()).toBe("“huge.pdf” is 6 MB; the limit is 5 MB.");
    await page.getByRole("button", { name: "Start text interview" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("cv");
    expect(starts).toEqual([]);

    // A text file renamed to .pdf passes the browser's checks; the server answers 415.
    const fake = path.join(tmp, "notes.pdf");
    writeFileSync(fake, "Just some notes about my career, not a PDF at all.\n");
    await page.locator("#cv").setInputFiles(fake);
    await eventually(() => page.locator("#cv-error").isHidden()).toBe(true);
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/start_interview")), page.getByRole("button", { name: "Start text interview" }).click()]);
    expect(response.status()).toBe(415);
    await page.locator("#cv-error").waitFor({ state: "visible" });
    await eventually(() => page.locator("#cv-error").textContent()).toBe("The CV must be a PDF file.");
    await eventually(() => page.locator(".form-summary").textContent()).toBe("The CV must be a PDF file.");
    expect(await page.locator("#cv").getAttribute("aria-invalid")).toBe("true");
    expect(page.url()).toBe(`${server.url}/`);
  });

  it("runs a whole text interview with a CV: streamed questions, feedback, resume after reload, report with chart and Markdown download", async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByLabel("Job title").fill("Backend Engineer");
    await page.getByLabel("Company").fill("Parcelly");
    await page.getByLabel("Your name").fill("Ana Lima");
    await page.getByLabel("Question type").selectOption("technical");
    await page.getByLabel("Question style").selectOption("adaptive");
    await page.getByLabel("Number of questions").fill("3");
    await page.getByLabel("Job description").fill("Backend engineer for our dispatch platform: Go, Kubernetes, PostgreSQL, Kafka.");
    await page.locator("#cv").setInputFiles(cvPath);
    await eventually(() => page.locator(".file-chosen").textContent()).toMatch(/^ana-lima-cv\.pdf · \d+ KB$/);
    await screenshot(page, "setup-desktop.png", true);

    await page.getByRole("button", { name: "Start text interview" }).click();
    await page.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
    await currentQuestion(page).waitFor();
    await eventually(() => page.locator(".bubble.interviewer").first().textContent()).toContain("Ana");
    await eventually(() => page.locator(".progress-text").textContent()).toBe("Question 1 of 3");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("answer");
    // The counter follows what is typed.
    await page.locator("#answer").fill("Draft");
    await eventually(() => page.locator("#answer-counter").textContent()).toBe("5 / 10,000");

    let answered = 0;
    for (; answered < 12; answered++) {
      if (await page.locator("#report-title").count()) break;
      await page.evaluate(() => ((window as unknown as { __tokens: string[] }).__tokens = []));
      await answerCurrent(page, ANSWERS[answered % ANSWERS.length]!, answered === 0 ? "keyboard" : "click");
      if (await page.locator("#report-title").count()) {
        answered++;
        break;
      }
      // The next question was written piece by piece into the thinking bubble, then shown whole.
      const tokens = await page.evaluate(() => (window as unknown as { __tokens: string[] }).__tokens);
      expect(tokens.length).toBeGreaterThan(1);
      expect(tokens.join("").trim()).toBe((await currentQuestion(page).textContent())!.trim());
      expect(await page.evaluate(() => (window as unknown as { __thinking: number }).__thinking)).toBeGreaterThan(0);
      // Feedback on the answer just given sits under it, with a score out of 10.
      await eventually(() => page.locator(".feedback").count()).toBe(answered + 1);
      await eventually(() => page.locator(".feedback").last().locator(".score-chip").textContent()).toMatch(/^\d+(\.\d)?\/10$/);
      expect(await page.locator(".bubble.candidate").last().textContent()).toContain(ANSWERS[answered % ANSWERS.length]!.slice(0, 40));

      if (answered === 0) {
        await screenshot(page, "interview-desktop.png", true);
        // Reload mid-interview: the same question, progress and feedback come back.
        const question = await currentQuestion(page).textContent();
        const progressText = await page.locator(".progress-text").textContent();
        const url = page.url();
        await page.reload();
        await currentQuestion(page).waitFor();
        expect(page.url()).toBe(url);
        expect(await currentQuestion(page).textContent()).toBe(question);
        expect(await page.locator(".progress-text").textContent()).toBe(progressText);
        await eventually(() => page.locator(".feedback").count()).toBe(1);
        await eventually(() => page.locator(".bubble.candidate").count()).toBe(1);
      }
    }
    await page.locator("#report-title").waitFor();
    expect(answered).toBeGreaterThanOrEqual(3);
    completedThread = decodeURIComponent(page.url().split("/interview/")[1]!);

    // The report: overall score, recommendation, lists, a row and a chart bar per question.
    await eventually(() => page.locator("#report-title").textContent()).toBe("Backend Engineer at Parcelly");
    await eventually(() => page.getByTestId("overall-score").textContent()).toMatch(/^\d+(\.\d)?\/10$/);
    await eventually(() => page.getByTestId("recommendation").textContent()).toMatch(/^(Strong hire|Hire|Lean hire|Lean no hire|No hire)$/);
    expect(await page.locator(".report-lists li").count()).toBeGreaterThan(0);
    const rows = await page.locator(".questions-table tbody tr").count();
    expect(rows).toBe(answered);
    await eventually(() => page.locator("svg.score-chart rect").count()).toBe(rows);
    await eventually(() => page.locator("svg.score-chart desc").textContent()).toMatch(/^Scores out of 10: Q1 \d/);
    await screenshot(page, "report-desktop.png", true);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download Markdown" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^interview-report-backend-engineer-[0-9a-f]{8}\.md$/);
    const markdown = readFileSync((await download.path())!, "utf8");
    expect(markdown).toContain("# Interview report: Backend Engineer");
    expect(markdown).toMatch(/Overall score: \*\*\d+(\.\d)?\/10\*\*/);
    await eventually(() => page.locator(".action-status").textContent()).toBe("Report downloaded.");

    // Opening the link again shows the report, not the interview.
    await page.reload();
    await page.locator("#report-title").waitFor();
    await eventually(() => page.locator(".questions-table tbody tr").count()).toBe(rows);

    // "Start a new interview" returns to an empty form.
    await page.getByRole("button", { name: "Start a new interview" }).click();
    await page.waitForURL(`${server.url}/`);
    await eventually(() => page.getByLabel("Job title").inputValue()).toBe("");
  }, 180_000);

  it("explains that voice is unavailable when the server has no LiveKit, and starts the same interview by text", async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByLabel("Job title").fill("Site Reliability Engineer");
    await page.getByLabel("Number of questions").fill("2");
    const [join] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/join")), page.getByRole("button", { name: "Start voice interview" }).click()]);
    expect(join.status()).toBe(503);
    const notice = page.locator(".notice[role=alert]");
    await notice.waitFor();
    await eventually(() => notice.locator(".notice-title").textContent()).toBe("Voice interview unavailable");
    const body = (await join.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("voice_not_configured");
    await eventually(() => notice.textContent()).toContain(body.error.message);
    expect(page.url()).toBe(`${server.url}/`);
    await notice.getByRole("button", { name: "Start a text interview instead" }).click();
    await currentQuestion(page).waitFor();
    await eventually(() => page.locator("#interview-title").textContent()).toBe("Site Reliability Engineer");
    await eventually(() => page.locator(".progress-text").textContent()).toBe("Question 1 of 2");
  }, 60_000);

  it("switches a text interview to voice and back to text on the same thread, explaining a voice room it cannot reach", async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByLabel("Job title").fill("Frontend Engineer");
    await page.getByLabel("Your name").fill("Kim");
    await page.getByRole("button", { name: "Start text interview" }).click();
    await currentQuestion(page).waitFor();
    const threadId = decodeURIComponent(page.url().split("/interview/")[1]!);
    const question = await currentQuestion(page).textContent();

    // This server has no LiveKit: the answer box says so and the interview carries on by text.
    const [refused] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/join")), page.getByRole("button", { name: "Continue by voice" }).click()]);
    expect(refused.status()).toBe(503);
    const { error } = (await refused.json()) as { error: { message: string } };
    await eventually(() => page.locator(".answer-form .form-summary").textContent()).toBe(error.message);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("answer");

    // Stand in for a configured /join with a room URL where nothing listens.
    const deadPort = await freePort();
    const joins: string[] = [];
    await page.route("**/join", async (route) => {
      joins.push(route.request().postData() ?? "");
      await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ token: "test-token", url: `ws://127.0.0.1:${deadPort}`, room_name: `interview-${threadId}`, thread_id: threadId }) });
    });
    await page.getByRole("button", { name: "Continue by voice" }).click();
    const panel = page.getByRole("region", { name: "Voice interview" });
    await panel.waitFor();
    await eventually(() => panel.locator(".voice-error").textContent()).toMatch(/^Could not connect to the voice room.*Switch to text to carry on\.$/);
    await eventually(() => panel.locator(".voice-status").textContent()).toBe("Not connected");
    expect(joins).toHaveLength(1);
    expect(joins[0]).toContain(`name="thread_id"\r\n\r\n${threadId}\r\n`);

    await panel.getByRole("button", { name: "Switch to text" }).click();
    await page.locator("#answer").waitFor();
    expect(await currentQuestion(page).textContent()).toBe(question);
    await answerCurrent(page, ANSWERS[1]!, "click");
    await eventually(() => page.locator(".feedback").count()).toBe(1);
    expect(decodeURIComponent(page.url().split("/interview/")[1]!)).toBe(threadId);
  }, 60_000);

  it("fits a phone screen: set-up, an interview opened from its link, and the report", async () => {
    // An interview in progress, started through the API and opened by link in a fresh browser.
    const started = (await (
      await fetch(`${server.url}/start_interview`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ job_title: "Product Designer", question_type: "behavioral", max_step: 4, username: "Sam" }),
      })
    ).json()) as { thread_id: string };
    const next = (await (
      await fetch(`${server.url}/continue_interview`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ thread_id: started.thread_id, user_response: "I redesigned our onboarding flow after user interviews showed drop-off at step 3; completion rose from 54% to 71% in six weeks." }),
      })
    ).json()) as { message: string; current_step: number };

    const page = await newPage(PHONE);
    const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.goto(server.url);
    expect(await noSideways()).toBe(true);
    await screenshot(page, "setup-phone.png");

    await page.goto(`${server.url}/interview/${started.thread_id}`);
    await currentQuestion(page).waitFor();
    expect((await currentQuestion(page).textContent())!.trim()).toBe(next.message.trim());
    await eventually(() => page.locator(".feedback").count()).toBe(1);
    await eventually(() => page.locator(".progress-text").textContent()).toBe(`Question ${next.current_step} of 4`);
    expect(await noSideways()).toBe(true);
    await page.locator(".answer-form").scrollIntoViewIfNeeded();
    await screenshot(page, "interview-phone.png");

    expect(completedThread).not.toBe("");
    await page.goto(`${server.url}/interview/${completedThread}`);
    await page.locator("#report-title").waitFor();
    expect(await noSideways()).toBe(true);
    await screenshot(page, "report-phone.png");
  }, 60_000);

  it("asks for an API key when the server requires one, rejects a wrong key, and remembers the right one", async () => {
    const locked = await startServer({ API_KEYS: "e2e-key-1,e2e-key-2" });
    try {
      const page = await newPage();
      await page.goto(locked.url);
      await page.getByLabel("Job title").fill("QA Engineer");
      await page.getByRole("button", { name: "Start text interview" }).click();
      const dialog = page.getByRole("dialog", { name: "API key needed" });
      await dialog.waitFor();
      await dialog.getByLabel("API key").fill("not-a-key");
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/start_interview")),
        dialog.getByRole("button", { name: "Save and continue" }).click(),
      ]);
      expect(refused.status()).toBe(401);
      expect(refused.request().headers().authorization).toBe("Bearer not-a-key");
      const { error } = (await refused.json()) as { error: { message: string } };
      await eventually(() => dialog.locator("#api-key-error").textContent()).toBe(`The saved key was refused: ${error.message}`);
      await dialog.getByLabel("API key").fill("e2e-key-2");
      await dialog.getByRole("button", { name: "Save and continue" }).click();
      await currentQuestion(page).waitFor();
      await eventually(() => page.locator("#interview-title").textContent()).toBe("QA Engineer");

      await answerCurrent(page, ANSWERS[0]!, "click");
      await eventually(() => page.locator(".feedback").count()).toBe(1);
      await page.reload();
      await currentQuestion(page).waitFor();
      expect(await page.getByRole("dialog").count()).toBe(0);
      await eventually(() => page.locator(".feedback").count()).toBe(1);
    } finally {
      await locked.stop();
    }
  }, 60_000);
});
