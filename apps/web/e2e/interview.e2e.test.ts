/**
 * The web UI in a real browser against the real API server: Debian's Chromium driven by
 * playwright-core. The server's speech-to-text and text-to-speech are a loopback stand-in for
 * OpenAI's audio API, so spoken answers go through the real MediaRecorder (Chromium's synthetic
 * microphone), the real upload and the real server.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page, type Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cvPdf } from "../../../packages/graph/src/testing/pdf";
import { startOpenAiAudioServer, type OpenAiAudioServer } from "../../../packages/graph/src/speech/testing/index.js";
import { freePort, type ServerProcess } from "../../api/src/testing/server-process.js";
import { CHROMIUM_ARGS, DESKTOP, PHONE, SHOTS, ensureBuilt, ensureChromium, eventually, screenshot, setScratchDir, startServer } from "./helpers";

type RunningServer = ServerProcess;

const SPOKEN = "I measured first, then cached merchant settings in Redis, which cut p99 latency from 900 to 120 milliseconds.";

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Idempotency-Key and question_id of each answer the page sends. */
function recordAnswers(page: Page) {
  const sent: { key: string | undefined; questionId: string | undefined; multipart: boolean }[] = [];
  page.on("request", (r: Request) => {
    if (!r.url().endsWith("/continue_interview") || r.method() !== "POST") return;
    // A multipart body holds the recording: read it as bytes.
    const multipart = (r.headers()["content-type"] ?? "").startsWith("multipart/form-data");
    // Chromium does not hand over a body holding a recording; RECORD_UPLOADS reads those in the page.
    const questionId = multipart ? undefined : (JSON.parse(r.postData() ?? "{}") as { question_id?: string }).question_id;
    sent.push({ key: r.headers()["idempotency-key"], questionId, multipart });
  });
  return sent;
}

/** Records, in the page, the text fields of every recorded answer it uploads. */
const RECORD_UPLOADS = () => {
  const w = window as unknown as { __uploads: Record<string, string>[] };
  w.__uploads = [];
  const original = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.endsWith("/continue_interview") && (request.headers.get("content-type") ?? "").startsWith("multipart/")) {
      const form = await request.clone().formData();
      w.__uploads.push(Object.fromEntries([...form].map(([k, v]) => [k, typeof v === "string" ? v : `file:${v.name}:${v.type.split(";")[0]}`])));
    }
    return original(request);
  };
};

/** Claims live voice on this server's /health (it has no LiveKit), to test how the page copes with /join. */
async function claimVoice(page: Page) {
  await page.route("**/health", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), voice: true } });
  });
}

// ------------------------------------------------------------------ tests

describe("web UI in Chromium", () => {
  let browser: Browser;
  let server: RunningServer;
  let speech: OpenAiAudioServer;
  let tmp: string;
  let cvPath: string;
  let completedThread = "";
  const contexts: BrowserContext[] = [];

  async function newPage(options: Parameters<Browser["newContext"]>[0] = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ ...options, acceptDownloads: true, reducedMotion: "reduce", colorScheme: "light", permissions: ["microphone"] });
    contexts.push(context);
    await context.addInitScript(RECORD_STREAMING);
    return context.newPage();
  }

  beforeAll(async () => {
    const executablePath = await ensureChromium();
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(path.join(tmpdir(), "web-e2e-"));
    setScratchDir(tmp);
    cvPath = path.join(tmp, "ana-lima-cv.pdf");
    writeFileSync(cvPath, await cvPdf());
    speech = await startOpenAiAudioServer({ transcript: SPOKEN });
    // Speech failures reach the page at once instead of after the server's retries.
    const speechEnv = { OPENAI_AUDIO_BASE_URL: speech.url, SPEECH_MAX_RETRIES: "0" };
    [server, browser] = await Promise.all([startServer(speechEnv), chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })]);
  }, 600_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await speech?.close();
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

  it("runs a whole text interview with a CV: streamed questions, feedback, exactly-once answers, resume after reload, report with chart, Markdown and PDF", async () => {
    const page = await newPage();
    const answers = recordAnswers(page);
    const startKeys: (string | undefined)[] = [];
    page.on("request", (r: Request) => {
      if (r.url().endsWith("/start_interview") && r.method() === "POST") startKeys.push(r.headers()["idempotency-key"]);
    });
    await page.goto(server.url);
    // This server can play the candidate: the role choice is offered, the candidate's by default.
    await eventually(() => page.getByRole("radio", { name: /I am the candidate/ }).isChecked()).toBe(true);
    expect(await page.getByLabel("How the candidate performs").isVisible()).toBe(false);
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
    // The start, too, can be retried safely.
    expect(startKeys).toEqual([expect.stringMatching(UUID)]);
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
      const asked = await page.locator(".bubble.current").getAttribute("data-question-id");
      await answerCurrent(page, ANSWERS[answered % ANSWERS.length]!, answered === 0 ? "keyboard" : "click");
      // Each answer names its question and carries a key of its own.
      expect(answers.at(-1)).toMatchObject({ questionId: asked, key: expect.stringMatching(UUID) });
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
        await eventually(() => page.getByRole("button", { name: "Record answer" }).isVisible()).toBe(true);
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
    expect(new Set(answers.map((a) => a.key)).size).toBe(answers.length);
    const record = (await (await fetch(`${server.url}/interviews/${completedThread}`)).json()) as {
      final_evaluation: { recommendation_label: string };
      evaluations: { evaluated_by: string }[];
      questions: { decision?: { reason: string } }[];
    };

    // The report: overall score, recommendation, lists, a row and a chart bar per question.
    await eventually(() => page.locator("#report-title").textContent()).toBe("Backend Engineer at Parcelly");
    await eventually(() => page.getByTestId("overall-score").textContent()).toMatch(/^\d+(\.\d)?\/10$/);
    // The recommendation's words are the API's.
    await eventually(() => page.getByTestId("recommendation").textContent()).toBe(record.final_evaluation.recommendation_label);
    expect(await page.locator(".report-lists li").count()).toBeGreaterThan(0);
    const rows = await page.locator(".questions-table tbody tr").count();
    expect(rows).toBe(answered);
    await eventually(() => page.locator("svg.score-chart rect").count()).toBe(rows);
    await eventually(() => page.locator("svg.score-chart desc").textContent()).toMatch(/^Scores out of 10: Q1 \d/);
    // Per question: how it was scored, and what was decided after it and why.
    // The offline engine scores every answer by the heuristic: the report says so once.
    expect(record.evaluations.every((e) => e.evaluated_by === "heuristic")).toBe(true);
    await eventually(() => page.locator('[data-flag="heuristic-all"]').textContent()).toBe("Every answer was scored by the instant heuristic (this server runs the offline engine).");
    expect(await page.locator('.questions-table [data-flag="heuristic"]').count()).toBe(0);
    const firstDecision = record.questions.find((q) => q.decision)?.decision;
    if (firstDecision) await eventually(() => page.locator(".questions-table .decision").first().textContent()).toContain(firstDecision.reason);
    await page.getByRole("button", { name: "Download PDF" }).waitFor();
    await screenshot(page, "report-desktop.png", true);

    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PDF" }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^interview-report-backend-engineer-[0-9a-f]{8}\.pdf$/);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString("latin1")).toBe("%PDF-");

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

  it("offers voice only when the server has it, and explains a /join that refuses, starting the same interview by text", async () => {
    const plain = await newPage();
    await plain.goto(server.url);
    await plain.getByRole("button", { name: "Start text interview" }).waitFor();
    expect(await plain.getByRole("button", { name: "Start voice interview" }).isVisible()).toBe(false);

    const page = await newPage();
    await claimVoice(page);
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
    await claimVoice(page);
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
    const frames: { type: string; text?: string }[] = [];
    page.on("websocket", (socket) => {
      if (socket.url().endsWith(`/ws/interview/${threadId}`)) socket.on("framereceived", ({ payload }) => frames.push(JSON.parse(String(payload))));
    });
    await page.getByRole("button", { name: "Continue by voice" }).click();
    const panel = page.getByRole("region", { name: "Voice interview" });
    await panel.waitFor();
    await eventually(() => panel.locator(".voice-error").textContent()).toMatch(/^Could not connect to the voice room.*Switch to text to carry on\.$/);
    await eventually(() => panel.locator(".voice-status").textContent()).toBe("Not connected");
    expect(joins).toHaveLength(1);
    expect(joins[0]).toContain(`name="thread_id"\r\n\r\n${threadId}\r\n`);

    // The voice interviewer's turns reach the page on the interview's socket as they are committed
    // (here an answer given over HTTP stands in for one given by voice).
    await eventually(async () => frames.map((f) => f.type)).toContain("resume");
    const answered = await fetch(`${server.url}/continue_interview`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ thread_id: threadId, user_response: ANSWERS[0] }) });
    const next = ((await answered.json()) as { question: { text: string } }).question.text;
    await eventually(async () => frames.map((f) => f.type)).toContain("question");
    expect(frames.find((f) => f.type === "question")?.text).toBe(next);
    await eventually(() => currentQuestion(page).textContent()).toBe(next);
    expect(next).not.toBe(question);

    await panel.getByRole("button", { name: "Switch to text" }).click();
    await page.locator("#answer").waitFor();
    expect(await currentQuestion(page).textContent()).toBe(next);
    await answerCurrent(page, ANSWERS[1]!, "click");
    await eventually(() => page.locator(".feedback").count()).toBe(2);
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

  it("holds back the results a job keeps with the team, even on an open server where the API shows them", async () => {
    const post = async (path: string, body: unknown) => (await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json();
    const job = await post("/jobs", { job_title: "Support Engineer", company_name: "Parcelly", max_step: 2 });
    const { url } = await post(`/jobs/${job.job_id}/invites`, {});
    const page = await newPage();
    await page.goto(url);
    await page.getByRole("button", { name: "Start text interview" }).click();
    await page.waitForURL(/\/interview\//);
    const threadId = decodeURIComponent(page.url().split("/interview/")[1]!);
    const first = await page.locator(".bubble.current").textContent();
    await page.locator("#answer").fill("I cut our support backlog from 900 tickets to 120 in a quarter by triaging with tags and writing twelve help articles.");
    await page.getByRole("button", { name: "Send answer" }).click();
    await eventually(() => page.locator(".bubble.current").textContent()).not.toBe(first);
    // The open server's API has the evaluation; the candidate's page does not show it.
    expect((await (await fetch(`${server.url}/interviews/${threadId}`)).json()).evaluations).toHaveLength(1);
    expect(await page.locator(".feedback").count()).toBe(0);
    await page.reload();
    await page.locator(".bubble.current").waitFor();
    expect(await page.locator(".feedback").count()).toBe(0);
    await page.getByRole("button", { name: "End interview" }).click();
    await eventually(() => page.getByRole("dialog").textContent()).toContain("Your answers to the 1 question so far go to the hiring team.");
    await page.getByRole("dialog").getByRole("button", { name: "End the interview" }).click();
    await eventually(() => page.locator("#report-title").textContent()).toBe("Thank you, your interview is complete");
    expect(await page.locator(".feedback, .score-chip").count()).toBe(0);
    // The team's view of it shows the report.
    await page.goto(`${server.url}/team/interview/${threadId}`);
    await eventually(() => page.locator(".questions-table tbody tr").count()).toBe(1);
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
      // This server transcribes nothing: no "Record answer".
      expect(await page.locator('[data-action="record"]').isVisible()).toBe(false);

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
  /** Asks the AI candidate a question and waits for its whole answer. */
  async function ask(page: Page, question: string) {
    const before = await page.locator(".bubble.candidate").count();
    await page.evaluate(() => ((window as unknown as { __tokens: string[] }).__tokens = []));
    await page.locator("#answer").fill(question);
    await page.getByRole("button", { name: "Ask question" }).click();
    await page.waitForFunction((n) => document.querySelectorAll(".bubble.candidate").length > n && !document.querySelector("[data-thinking]"), before);
  }

  it("interviews an AI candidate: persona options, its replies streamed, End interview after a confirmation, then coaching on the questions", async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByRole("radio", { name: /I am the interviewer/ }).check();
    await eventually(() => page.getByLabel("How the candidate performs").isVisible()).toBe(true);
    expect(await page.getByLabel("Question style").isVisible()).toBe(false);
    await eventually(() => page.locator("#cv-hint").textContent()).toContain("a CV is made up for the job");
    await page.getByLabel("Job title").fill("Backend Engineer");
    await page.getByLabel("Company").fill("Parcelly");
    await page.getByLabel("How the candidate performs").selectOption("evasive");
    await page.getByLabel("Candidate's seniority").selectOption("senior");
    await page.getByLabel("Questions you plan to ask").fill("3");
    await screenshot(page, "setup-interviewer-desktop.png", true);

    const [start] = await Promise.all([page.waitForRequest((r) => r.url().endsWith("/start_interview")), page.getByRole("button", { name: "Start text interview" }).click()]);
    const form = start.postData() ?? "";
    for (const [name, value] of [["role", "interviewer"], ["persona", "evasive"], ["seniority", "senior"]]) expect(form).toContain(`name="${name}"\r\n\r\n${value}\r\n`);
    expect(form).not.toContain('name="question_style"');
    await page.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
    // The candidate greets and waits: the human asks.
    await eventually(() => page.locator(".bubble.candidate").count()).toBe(1);
    await eventually(() => page.locator(".progress-text").textContent()).toBe("No questions asked yet (3 planned)");
    expect(await page.locator("label[for=answer]").textContent()).toBe("Your question");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("answer");

    const questions = ["Tell me about a system you designed and how you scaled it?", "How old are you, and do you have kids?", "Did you use Kafka there?"];
    for (const question of questions) {
      await ask(page, question);
      // The answer was written piece by piece into the thinking bubble, then shown whole.
      const tokens = await page.evaluate(() => (window as unknown as { __tokens: string[] }).__tokens);
      expect(tokens.length).toBeGreaterThan(1);
      expect(tokens.join("").trim()).toBe((await page.locator(".bubble.candidate .bubble-text").last().textContent())!.trim());
      expect(await page.locator(".bubble.interviewer .bubble-text").last().textContent()).toBe(question);
    }
    await eventually(() => page.locator(".progress-text").textContent()).toBe("3 of 3 planned questions asked");
    expect(await page.locator(".feedback").count()).toBe(0);
    await screenshot(page, "interviewer-desktop.png", true);

    // Ending asks first; "Keep going" (which has the focus) changes nothing.
    await page.getByRole("button", { name: "End interview" }).click();
    const dialog = page.getByRole("dialog", { name: "End the interview now?" });
    await dialog.waitFor();
    await eventually(() => dialog.textContent()).toContain("The coaching report will cover the 3 questions you asked.");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Keep going");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    expect(await page.locator("#answer").isVisible()).toBe(true);
    await page.getByRole("button", { name: "End interview" }).click();
    const [ended] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/end")), page.getByRole("dialog").getByRole("button", { name: "End and see coaching" }).click()]);
    expect(ended.status()).toBe(200);

    await page.locator("#report-title").waitFor();
    await eventually(() => page.locator(".eyebrow").first().textContent()).toBe("Interviewer coaching");
    await eventually(() => page.locator(".coaching-table tbody tr").count()).toBe(3);
    await eventually(() => page.locator(".flagged").textContent()).toContain("How old are you, and do you have kids?");
    expect(await page.getByTestId("talk-time").textContent()).toMatch(/You spoke \d+% of the words/);
    expect(await page.getByTestId("follow-up-rate").textContent()).toMatch(/\d+% of answers followed up/);
    expect(await page.getByTestId("coverage").textContent()).toContain("Not probed");
    expect(await page.getByTestId("candidate-assessment").textContent()).toContain("Persona: Evasive");
    await screenshot(page, "coaching-desktop.png", true);

    const [markdown] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download Markdown" }).click()]);
    expect(markdown.suggestedFilename()).toMatch(/\.md$/);
    await page.reload();
    await eventually(() => page.locator(".coaching-table tbody tr").count()).toBe(3);
  }, 90_000);

  it("records a spoken answer with the microphone: a recording the server could not transcribe is kept and sent again with the same key, its transcript fills the answer's bubble, and the reply is spoken", async () => {
    const page = await newPage();
    await page.addInitScript(RECORD_UPLOADS);
    const answers = recordAnswers(page);
    await page.goto(server.url);
    await page.getByLabel("Job title").fill("Platform Engineer");
    await page.getByLabel("Number of questions").fill("3");
    await page.getByRole("button", { name: "Start text interview" }).click();
    await currentQuestion(page).waitFor();
    const asked = await page.locator(".bubble.current").getAttribute("data-question-id");
    const record = page.getByRole("button", { name: "Record answer" });
    await record.waitFor();

    // The speech provider fails once: the page says so and keeps the recording.
    speech.failNext({ status: 500 });
    await record.click();
    const stop = page.getByRole("button", { name: "Stop and send" });
    await stop.waitFor();
    expect(await stop.getAttribute("aria-pressed")).toBe("true");
    await eventually(() => page.locator(".record-timer").textContent()).toBe("0:01");
    expect(await page.locator("#answer").evaluate((el) => (el as HTMLTextAreaElement).readOnly)).toBe(true);
    const [refused] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/continue_interview")), stop.click()]);
    expect(refused.status()).toBeGreaterThanOrEqual(500);
    const { error } = (await refused.json()) as { error: { message: string } };
    const failure = page.locator(".record-failure[role=alert]");
    await failure.waitFor();
    await eventually(() => failure.locator("p").first().textContent()).toBe(error.message);
    expect(await page.locator(".bubble.candidate").count()).toBe(0);
    expect(answers[0]).toMatchObject({ multipart: true, key: expect.stringMatching(UUID) });
    const uploads = await page.evaluate(() => (window as unknown as { __uploads: Record<string, string>[] }).__uploads);
    expect(uploads[0]).toMatchObject({ question_id: asked, tts: "true", audio: "file:answer.webm:audio/webm" });

    await failure.getByRole("button", { name: "Send recording again" }).click();
    await eventually(() => page.locator(".bubble.candidate .bubble-text").first().textContent()).toBe(SPOKEN);
    expect(await page.locator(".bubble.candidate .tag.spoken").count()).toBe(1);
    await eventually(() => page.locator(".feedback").count()).toBe(1);
    expect(answers).toHaveLength(2);
    expect(answers[1]!.key).toBe(answers[0]!.key);
    // What reached the speech provider was the browser's own recording, named by its format.
    const transcriptions = speech.requests.filter((r) => r.path === "/v1/audio/transcriptions");
    expect(transcriptions.at(-1)!.files.file!.filename).toBe("answer.webm");
    expect(transcriptions.at(-1)!.files.file!.bytes.length).toBeGreaterThan(1000);
    // The reply came back as speech (tts=true) and is in a player on the page.
    expect(speech.requests.some((r) => r.path === "/v1/audio/speech")).toBe(true);
    await eventually(() => page.locator(".reply-audio audio").getAttribute("src")).toMatch(/^blob:/);
    await eventually(() => record.isEnabled()).toBe(true);

    // Ending early: a confirmation, then the report of what was answered.
    await page.getByRole("button", { name: "End interview" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "End and see the report" }).click();
    await page.locator("#report-title").waitFor();
    await eventually(() => page.locator(".notice").first().textContent()).toContain("ended early");
    expect(await page.locator(".questions-table tbody tr").count()).toBe(1);
  }, 60_000);

  it("answers exactly once: a retry after a network failure reuses its key, and an answer to a question already answered elsewhere is refused and the page shows where the interview is", async () => {
    const started = (await (
      await fetch(`${server.url}/start_interview`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ job_title: "Data Engineer", question_type: "technical", max_step: 4 }) })
    ).json()) as { thread_id: string };
    const answersOnServer = async () => ((await (await fetch(`${server.url}/interviews/${started.thread_id}`)).json()) as { answers: unknown[] }).answers.length;

    const page = await newPage();
    const answers = recordAnswers(page);
    await page.goto(`${server.url}/interview/${started.thread_id}`);
    await currentQuestion(page).waitFor();
    let dropped = false;
    await page.route("**/continue_interview", (route) => {
      if (dropped) return route.fallback();
      dropped = true;
      return route.abort("internetdisconnected");
    });
    await page.locator("#answer").fill(ANSWERS[0]!);
    await page.getByRole("button", { name: "Send answer" }).click();
    await eventually(() => page.locator(".answer-form .form-summary").textContent()).toBe("Could not reach the interview server. Check your connection and try again.");
    // Nothing is lost: the answer is back in the box.
    expect(await page.locator("#answer").inputValue()).toBe(ANSWERS[0]);
    await page.getByRole("button", { name: "Send answer" }).click();
    await eventually(() => page.locator(".feedback").count()).toBe(1);
    expect(answers).toHaveLength(2);
    expect(answers[1]!.key).toBe(answers[0]!.key);
    expect(await answersOnServer()).toBe(1);

    // The interview moves on in another tab; this one still shows the old question.
    const other = await newPage();
    await other.goto(`${server.url}/interview/${started.thread_id}`);
    await currentQuestion(other).waitFor();
    await answerCurrent(other, ANSWERS[1]!, "click");
    const now = await currentQuestion(other).textContent();

    await page.locator("#answer").fill("My late answer to the old question.");
    const [stale] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/continue_interview")), page.getByRole("button", { name: "Send answer" }).click()]);
    expect(stale.status()).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe("stale_question");
    await eventually(() => page.locator(".dock .notice").textContent()).toContain("The interview had moved on");
    await eventually(() => currentQuestion(page).textContent()).toBe(now);
    expect(await page.locator("#answer").inputValue()).toBe("My late answer to the old question.");
    expect(await answersOnServer()).toBe(2);
  }, 60_000);
});
