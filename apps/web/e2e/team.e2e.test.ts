/**
 * The hiring team's page and a candidate's invite link in a real browser, against the real API
 * server with API_KEYS set: the team's page asks for the key; the candidate needs none, only the
 * interview's own access token.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerProcess } from "../../api/src/testing/server-process.js";
import { startJobSite } from "../../../packages/graph/src/jobs/import/testing/job-site.js";
import { CHROMIUM_ARGS, DESKTOP, PHONE, ensureBuilt, ensureChromium, eventually, scratchDatabase, screenshot, setScratchDir, startServer } from "./helpers";

const TEAM_KEY = "team-e2e-key";

describe("the hiring team's page and invite links in Chromium", () => {
  let browser: Browser;
  let server: ServerProcess;
  let tmp: string;
  let database: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
  const contexts: BrowserContext[] = [];

  async function newPage(options: Parameters<Browser["newContext"]>[0] = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ ...options, reducedMotion: "reduce", colorScheme: "light", permissions: ["clipboard-read", "clipboard-write"] });
    contexts.push(context);
    return context.newPage();
  }

  /** The API as the team calls it. */
  const team = async <T>(route: string, init: RequestInit = {}, on = server): Promise<T> => {
    const response = await fetch(`${on.url}${route}`, { ...init, headers: { authorization: `Bearer ${TEAM_KEY}`, "content-type": "application/json", ...init.headers } });
    if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  async function enterKey(page: Page) {
    const dialog = page.getByRole("dialog", { name: "API key needed" });
    await dialog.waitFor();
    await dialog.getByLabel("API key").fill(TEAM_KEY);
    await dialog.getByRole("button", { name: "Save and continue" }).click();
    await dialog.waitFor({ state: "detached" });
  }

  beforeAll(async () => {
    const executablePath = await ensureChromium();
    ensureBuilt();
    tmp = mkdtempSync(path.join(tmpdir(), "web-team-e2e-"));
    setScratchDir(tmp);
    // Its own database: the page is asserted to list no jobs before the team creates one.
    database = await scratchDatabase();
    [server, browser] = await Promise.all([startServer({ API_KEYS: TEAM_KEY, DATABASE_URL: database.url }), chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })]);
  }, 600_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await database?.drop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }, 30_000);

  it("creates a job, sends an invite link, and the candidate does the interview from it without any key", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/team`);
    await enterKey(page);
    await eventually(() => page.getByText("No jobs yet. Create one below to send invite links.").isVisible()).toBe(true);

    // A posting on a private address is refused by the server, beside the address field.
    await page.getByRole("radio", { name: "Import a posting from its address" }).check();
    await page.getByLabel("Job posting address").fill("http://127.0.0.1:9/jobs/1");
    await page.getByRole("button", { name: "Import job" }).click();
    await eventually(() => page.locator("#job-url-error").textContent()).toMatch(/private or reserved network/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("job-url");

    await page.getByRole("radio", { name: "Type in the details" }).check();
    expect(await page.getByLabel("Job posting address").isVisible()).toBe(false);
    await page.getByLabel("Job title").fill("Data Engineer");
    await page.getByLabel("Company").fill("Parcelly");
    await page.getByLabel("Location").fill("Lisbon · hybrid");
    await page.getByLabel("Job description").fill("Build our dispatch data platform with Spark and Kafka.");
    await page.getByLabel("Requirements").fill("3+ years building data pipelines\nSQL you can explain");
    await page.getByLabel("Skills").fill("Spark, Kafka, Airflow");
    await page.getByRole("button", { name: "Create job" }).click();
    const job = page.locator(".job", { hasText: "Data Engineer · Parcelly" });
    await job.waitFor();
    await eventually(() => job.locator(".tag").allTextContents()).toEqual(["Spark", "Kafka", "Airflow"]);
    expect(await job.locator("[data-results]").textContent()).toBe("Candidates are thanked at the end; only the team sees how they did.");

    // An invite link: shown once, with a copy button.
    await job.locator("summary", { hasText: "Invite links" }).click();
    await eventually(() => job.getByText("No invite links yet.").isVisible()).toBe(true);
    await job.getByLabel("Works for (hours)").fill("48");
    await job.getByLabel("Interviews it can start").fill("1");
    const [created] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/invites") && r.request().method() === "POST"), job.getByRole("button", { name: "Create invite link" }).click()]);
    expect(created.status()).toBe(201);
    const { url } = (await created.json()) as { url: string };
    await eventually(() => job.getByLabel("Send this link to the candidate").inputValue()).toBe(url);
    await job.getByRole("button", { name: "Copy link" }).click();
    await eventually(() => job.locator(".invite-created [role=status]").textContent()).toBe("Copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await eventually(() => job.locator(".invite").first().textContent()).toMatch(/^Active · 0 of 1 use · expires /);

    // The candidate opens the link in a browser with no key.
    const candidate = await newPage();
    const authorizations: string[] = [];
    candidate.on("request", (r) => {
      const auth = r.headers().authorization;
      if (auth) authorizations.push(auth);
    });
    await candidate.goto(url);
    await eventually(() => candidate.locator("#invite-title").textContent()).toBe("Data Engineer");
    await eventually(() => candidate.locator(".job-summary").textContent()).toContain("3+ years building data pipelines");
    expect(await candidate.getByRole("button", { name: "Start voice interview" }).isVisible()).toBe(false);
    expect(await candidate.locator(".intro .hint").textContent()).toContain("Your answers go to the hiring team, who will be in touch about the next steps.");
    await screenshot(candidate, "invite-desktop.png", true);
    await candidate.getByLabel("Your name").fill("Ana Lima");
    await candidate.getByRole("button", { name: "Start text interview" }).click();
    await candidate.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
    const threadId = decodeURIComponent(candidate.url().split("/interview/")[1]!);
    await candidate.locator(".bubble.current").waitFor();
    await eventually(() => candidate.locator(".bubble.interviewer").first().textContent()).toContain("Ana");
    await candidate.locator("#answer").fill("At Parcelly I built the Spark pipeline that settles 2M deliveries a day; I cut its run time from 3 hours to 40 minutes by partitioning on depot.");
    const firstQuestion = await candidate.locator(".bubble.current").textContent();
    await candidate.getByRole("button", { name: "Send answer" }).click();
    await eventually(() => candidate.locator(".bubble.current").textContent()).not.toBe(firstQuestion);
    // The job keeps the results with the team: the candidate gets the next question, no feedback.
    expect(await candidate.locator(".feedback").count()).toBe(0);
    // Reopening the link works with the interview's token alone: no key is asked for.
    await candidate.reload();
    await candidate.locator(".bubble.current").waitFor();
    expect(await candidate.getByRole("dialog").count()).toBe(0);
    expect(authorizations.length).toBeGreaterThan(0);
    expect(authorizations.every((a) => /^Bearer itk_/.test(a))).toBe(true);
    expect(new Set(authorizations).size).toBe(1);

    // The link was for one interview: opened in another browser, it continues that interview there…
    const secondQuestion = await candidate.locator(".bubble.current").textContent();
    const again = await newPage();
    await again.goto(url);
    await eventually(() => again.locator(".resume-card h2").textContent()).toBe("You have started this interview");
    await again.getByRole("button", { name: "Continue the interview" }).click();
    await again.waitForURL(`${server.url}/interview/${threadId}`);
    await eventually(() => again.locator(".bubble.current").textContent()).toBe(secondQuestion);
    // …and the first browser's token stops working: an answer sent there is refused, and kept on screen to copy.
    await candidate.locator("#answer").fill("An answer typed in the first browser after the interview moved on.");
    await candidate.getByRole("button", { name: "Send answer" }).click();
    await eventually(() => candidate.locator("h1").textContent()).toBe("This browser can no longer open the interview");
    expect(await candidate.locator(".unsent-answer").textContent()).toBe("An answer typed in the first browser after the interview moved on.");
    await candidate.reload();
    await eventually(() => candidate.locator("h1").textContent()).toBe("This browser can no longer open the interview");
    expect(await candidate.getByRole("alert").textContent()).toContain("continued from its invite link in another browser");
    expect(await candidate.getByRole("button", { name: "Try again" }).count()).toBe(0);
    // The page offers the link this browser started from, which brings the interview back.
    await candidate.getByRole("link", { name: "Continue the interview here" }).click();
    await candidate.waitForURL(url);
    await candidate.getByRole("button", { name: "Continue the interview" }).click();
    await eventually(() => candidate.locator(".bubble.current").textContent()).toBe(secondQuestion);
    await again.goto(`${server.url}/invite/not-a-real-token`);
    await eventually(() => again.locator("#invite-title").textContent()).toBe("This invite link is not valid");

    // Back on the team's page: the interview is listed and opens.
    await page.reload();
    const row = page.locator(`tr[data-thread-id="${threadId}"]`);
    await row.waitFor();
    await eventually(() => row.textContent()).toContain("Ana Lima");
    expect(await row.textContent()).toContain("Question 2 of 5");
    // The list goes to a spreadsheet as it is filtered, with a link back to each interview.
    const [saved] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    expect(saved.suggestedFilename()).toMatch(/^interviews-([a-z0-9-]+-)?\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await saved.path())!, "utf8").split("\r\n");
    expect(csv[0]).toBe("\ufeffthread_id,candidate_name,job_title,company_name,role,status,current_step,max_steps,overall_score,recommendation,recommendation_label,created_at,updated_at,link");
    expect(csv.find((line) => line.startsWith(threadId))).toContain(`,Ana Lima,Data Engineer,`);
    expect(csv.find((line) => line.startsWith(threadId))).toContain(`${server.url}/team/interview/${threadId}`);
    await row.getByRole("link", { name: "Ana Lima" }).click();
    await page.waitForURL(`${server.url}/team/interview/${threadId}`);
    await page.locator(".bubble.current").waitFor();
    await eventually(() => page.locator(".feedback").count()).toBe(1);
    // The team watches: there is no answer box, and it follows the candidate.
    expect(await page.locator(".review-notice").textContent()).toMatch(/^You are watching this interview as the hiring team\./);
    expect(await page.locator("#answer").isVisible()).toBe(false);
    await candidate.locator("#answer").fill("I chose Kafka over RabbitMQ for the event log because we needed replay; the trade-off was running ZooKeeper, which cost us a week.");
    await candidate.getByRole("button", { name: "Send answer" }).click();
    await eventually(() => page.locator(".feedback").count()).toBe(2);
    expect(await page.locator("#answer").isVisible()).toBe(false);
    // The candidate's own page is still theirs to answer on, still without feedback.
    expect(await candidate.locator("#answer").isVisible()).toBe(true);
    expect(await candidate.locator(".feedback").count()).toBe(0);

    // Ending: the candidate is thanked, with no score; the team gets the report.
    await candidate.getByRole("button", { name: "End interview" }).click();
    const dialog = candidate.getByRole("dialog");
    await eventually(() => dialog.textContent()).toContain("Your answers to the 2 questions so far go to the hiring team.");
    await dialog.getByRole("button", { name: "End the interview" }).click();
    await eventually(() => candidate.locator("#report-title").textContent()).toBe("Thank you, your interview is complete");
    expect(await candidate.locator(".report-view .card").first().textContent()).toContain("The hiring team at Parcelly will review your answers");
    expect(await candidate.locator(".score-chip, .questions-table, .feedback").count()).toBe(0);
    // The finished interview's link opens nothing more.
    await again.goto(url);
    await eventually(() => again.locator("#invite-title").textContent()).toBe("Your interview is complete");
    expect(await again.getByRole("alert").textContent()).toMatch(/^You have finished the interview this link opened/);
    await page.reload();
    await page.locator("#report-title").waitFor();
    await eventually(() => page.locator(".questions-table tbody tr").count()).toBe(2);
  }, 120_000);

  it("sorts and filters the interviews, pages with Load more, and revokes invite links", async () => {
    const { job_id } = await team<{ job_id: string }>("/jobs", { method: "POST", body: JSON.stringify({ job_title: "Site Reliability Engineer" }) });
    // Three finished interviews with different scores, and enough running ones to need a second page.
    const answersByQuality = [
      "Fine.",
      "I fixed an outage once by restarting the database.",
      "At Paynow I owned the on-call rotation: I wrote runbooks, cut pages from 40 to 6 a week with SLO-based alerts, and led 12 postmortems whose fixes held.",
    ];
    for (const answer of answersByQuality) {
      const { thread_id } = await team<{ thread_id: string }>("/start_interview", { method: "POST", body: JSON.stringify({ job_id, max_step: 1, username: `Scored ${answer.length}` }) });
      await team("/continue_interview", { method: "POST", body: JSON.stringify({ thread_id, user_response: answer }) });
      // One answer may already have finished it; ending a finished interview changes nothing.
      await fetch(`${server.url}/interviews/${thread_id}/end`, { method: "POST", headers: { authorization: `Bearer ${TEAM_KEY}` } });
    }
    for (let i = 0; i < 21; i++) await team("/start_interview", { method: "POST", body: JSON.stringify({ job_id, max_step: 2, username: `Running ${i + 1}` }) });
    const invite = await team<{ invite_id: string }>(`/jobs/${job_id}/invites`, { method: "POST", body: JSON.stringify({ max_uses: 3 }) });

    const page = await newPage();
    const queries: URLSearchParams[] = [];
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.pathname === "/interviews" && r.method() === "GET") queries.push(u.searchParams);
    });
    await page.goto(`${server.url}/team`);
    await enterKey(page);
    await page.getByLabel("Job", { exact: true }).selectOption(job_id);
    const rows = page.locator(".interviews-table tbody tr");
    await eventually(() => rows.count()).toBe(20);
    expect(Object.fromEntries(queries.at(-1)!)).toMatchObject({ job_id, sort: "created", order: "desc", limit: "20" });
    // Newest first.
    await eventually(() => rows.first().locator("td").first().textContent()).toContain("Running 21");

    await page.getByRole("button", { name: "Load more" }).click();
    await eventually(() => rows.count()).toBe(24);
    expect(queries.at(-1)!.get("cursor")).toBeTruthy();
    expect(await page.getByRole("button", { name: "Load more" }).isVisible()).toBe(false);

    // A name search narrows the list as it is typed, and stays in the address too.
    const search = page.getByLabel("Candidate", { exact: true });
    await search.fill("running 2");
    await eventually(() => rows.count()).toBe(3);
    expect(await rows.locator(".row-link").allTextContents()).toEqual(["Running 21", "Running 20", "Running 2"]);
    expect(Object.fromEntries(queries.at(-1)!)).toMatchObject({ job_id, candidate: "running 2" });
    expect(new URL(page.url()).searchParams.get("candidate")).toBe("running 2");
    await search.fill("");
    await eventually(() => rows.count()).toBe(20);

    // By score: best first, then reversed.
    await page.getByRole("button", { name: "Score" }).click();
    const scoreHeader = page.locator("th", { has: page.getByRole("button", { name: "Score" }) });
    await eventually(() => scoreHeader.getAttribute("aria-sort")).toBe("descending");
    const scores = async () => (await page.locator('.interviews-table td[data-label="Score"]').allTextContents()).filter((t) => t !== "—").map((t) => Number.parseFloat(t));
    await eventually(async () => (await scores()).length).toBe(3);
    const best = await scores();
    expect(best).toEqual([...best].sort((a, b) => b - a));
    expect(best[0]).toBeGreaterThan(best[2]!);
    await page.getByRole("button", { name: "Score" }).click();
    await eventually(() => scoreHeader.getAttribute("aria-sort")).toBe("ascending");
    expect(Object.fromEntries(queries.at(-1)!)).toMatchObject({ sort: "score", order: "asc" });

    await page.getByLabel("Status").selectOption("completed");
    await eventually(() => rows.count()).toBe(3);
    expect(Object.fromEntries(queries.at(-1)!)).toMatchObject({ status: "completed", job_id });
    await eventually(async () => (await rows.locator(".badge").count())).toBe(3);

    // Opening a finished interview shows its report.
    await rows.first().getByRole("link").click();
    await page.locator("#report-title").waitFor();
    // Back (and a reload) return to the same list: its filters and sort are in the address.
    await page.goBack();
    await page.getByRole("heading", { name: "Jobs and interviews" }).waitFor();
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ job: job_id, status: "completed", sort: "score", order: "asc" });
    await page.reload();
    await eventually(() => page.getByLabel("Job", { exact: true }).inputValue()).toBe(job_id);
    expect(await page.getByLabel("Status").inputValue()).toBe("completed");
    await eventually(() => rows.count()).toBe(3);
    await eventually(() => scoreHeader.getAttribute("aria-sort")).toBe("ascending");
    expect(Object.fromEntries(queries.at(-1)!)).toMatchObject({ job_id, status: "completed", sort: "score", order: "asc" });

    const job = page.locator(".job", { hasText: "Site Reliability Engineer" });
    await job.locator("summary", { hasText: "Invite links" }).click();
    const link = job.locator(`[data-invite-id="${invite.invite_id}"]`);
    await eventually(() => link.textContent()).toMatch(/^Active · 0 of 3 uses/);
    await screenshot(page, "team-desktop.png", true);
    page.once("dialog", (d) => void d.accept());
    const [revoked] = await Promise.all([page.waitForResponse((r) => r.request().method() === "DELETE"), link.getByRole("button", { name: "Revoke" }).click()]);
    expect(revoked.status()).toBe(204);
    // A revoked link is deleted, so it leaves the list (reading its text as it goes would wait 30 s for it).
    await eventually(() => link.count()).toBe(0);
  }, 120_000);

  it("fits a phone: the team's page and an invite's landing page scroll only down", async () => {
    const { job_id } = await team<{ job_id: string }>("/jobs", { method: "POST", body: JSON.stringify({ job_title: "Product Designer", company_name: "Parcelly", skills: ["Figma", "Research"] }) });
    const { url } = await team<{ url: string }>(`/jobs/${job_id}/invites`, { method: "POST", body: "{}" });
    const page = await newPage(PHONE);
    const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.goto(`${server.url}/team`);
    await enterKey(page);
    await page.locator(".interviews-table tbody tr").first().waitFor();
    expect(await noSideways()).toBe(true);
    await screenshot(page, "team-phone.png");
    await page.goto(url);
    await eventually(() => page.locator("#invite-title").textContent()).toBe("Product Designer");
    expect(await noSideways()).toBe(true);
  }, 60_000);

  it("the team ends an interview its candidate left unfinished, and gets the report on the answers so far", async () => {
    const { job_id } = await team<{ job_id: string }>("/jobs", { method: "POST", body: JSON.stringify({ job_title: "Support Engineer", company_name: "Parcelly" }) });
    const { thread_id } = await team<{ thread_id: string }>("/start_interview", { method: "POST", body: JSON.stringify({ job_id, max_step: 3, username: "Rui Costa" }) });
    await team("/continue_interview", { method: "POST", body: JSON.stringify({ thread_id, user_response: "I ran the support rota at Paynow: I cut the first-reply time from 9 hours to 2 by triaging with tags and writing 40 macros." }) });

    const page = await newPage();
    await page.goto(`${server.url}/team/interview/${thread_id}`);
    await enterKey(page);
    await page.locator(".bubble.current").waitFor();
    await page.getByRole("button", { name: "End interview" }).click();
    const dialog = page.getByRole("dialog");
    await eventually(() => dialog.textContent()).toContain("The report will cover the 1 question answered so far, and Rui Costa will not be able to go on.");
    // Leaving it open is the safe choice: nothing ends.
    await dialog.getByRole("button", { name: "Leave it open" }).click();
    expect((await team<{ status: string }>(`/interviews/${thread_id}`)).status).toBe("question");

    await page.getByRole("button", { name: "End interview" }).click();
    await dialog.getByRole("button", { name: "End the interview" }).click();
    await page.locator("#report-title").waitFor();
    await eventually(() => page.locator(".questions-table tbody tr").count()).toBe(1);
    expect(await team(`/interviews/${thread_id}`)).toMatchObject({ status: "completed", final_evaluation: { overall_score: expect.any(Number) } });
  }, 60_000);

  it("an import of a posting that is already a job points to that job, and makes a second one only when asked", async () => {
    // A server that may fetch the loopback job site, on the same database.
    const [importer, site] = await Promise.all([startServer({ API_KEYS: TEAM_KEY, DATABASE_URL: database!.url, JOB_FETCH_ALLOW_PRIVATE: "true" }), startJobSite()]);
    try {
      const page = await newPage();
      await page.goto(`${importer.url}/team`);
      await enterKey(page);
      await eventually(() => page.getByText("Loading jobs…").count()).toBe(0);
      // A colleague imports the posting after this page loaded its jobs.
      const colleagues = await team<{ job_id: string }>("/jobs", { method: "POST", body: JSON.stringify({ url: `${site.url}/jobs/data-engineer` }) }, importer);

      await page.getByRole("radio", { name: "Import a posting from its address" }).check();
      // A short link to the same posting.
      await page.getByLabel("Job posting address").fill(`${site.url}/redirect/to?to=/jobs/data-engineer`);
      await page.getByRole("button", { name: "Import job" }).click();
      const error = page.locator("#job-url-error");
      await eventually(() => error.textContent()).toMatch(/^This posting is already the job “Data Engineer · Northwind”\./);
      const northwind = page.locator(".job", { hasText: "Data Engineer · Northwind" });
      expect(await northwind.count()).toBe(1);
      await error.getByRole("button", { name: "Show that job" }).click();
      expect(await page.evaluate(() => document.activeElement?.closest("[data-job-id]")?.getAttribute("data-job-id"))).toBe(colleagues.job_id);

      await error.getByRole("button", { name: "Import as a second job" }).click();
      await eventually(() => northwind.count()).toBe(2);
      expect(await error.isVisible()).toBe(false);
      const ids = await northwind.evaluateAll((items) => items.map((i) => i.getAttribute("data-job-id")));
      expect(ids).toContain(colleagues.job_id);
    } finally {
      await Promise.all([importer.stop(), site.close()]);
    }
  }, 60_000);
});
