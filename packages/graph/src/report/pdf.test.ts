import { beforeAll, describe, expect, it } from "vitest";
import { renderPdfReport } from "./pdf.js";
import {
  completedReport, earlyEndedReport, interviewerReport, LONG_QUESTION, manyQuestionsReport, normalise, readPdf,
} from "./test-fixtures.js";

type Read = Awaited<ReturnType<typeof readPdf>>;

const TABLE_HEADER = "# Question Score Relevance Depth Clarity Evidence";

describe("PDF report", () => {
  let bytes: Uint8Array;
  let pdf: Read;
  beforeAll(async () => {
    bytes = await renderPdfReport(completedReport());
    pdf = await readPdf(bytes);
  });

  it("is a PDF titled after the interview, by the engine, dated when the report was made", () => {
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    expect(pdf.info.Title).toBe("Interview report: Backend Engineer at Acme");
    expect(pdf.info.Author).toBe("Interview engine");
    expect(pdf.created?.toISOString()).toBe("2025-03-04T09:30:00.000Z");
  });

  it("opens with the interview's details", () => {
    expect(pdf.text).toContain("Backend Engineer at Acme");
    expect(pdf.text).toContain("Candidate Σοφία Παπαδοπούλου");
    expect(pdf.text).toContain("Date 4 March 2025, 09:30 UTC");
    expect(pdf.text).toContain("Interview ID int-2024-0042");
    expect(pdf.text).toContain("Engine gemini");
  });

  it("shows the overall score and recommendation, then the summary, strengths and improvements", () => {
    expect(pdf.text).toContain("Overall score Recommendation 7.5/10 Hire");
    expect(pdf.text).toContain("A clear communicator with solid backend depth; evidence on testing was thin.");
    expect(pdf.text).toContain("• Explains trade-offs with numbers");
    expect(pdf.text).toContain("• Give concrete testing examples");
  });

  it("tabulates each question with its score and rubric", () => {
    expect(pdf.text).toContain(TABLE_HEADER);
    expect(pdf.text).toContain("1 Tell me about a system you designed | and what you would change. 8 9 7.5 8 7");
    expect(pdf.text).toContain("2 Follow-up: How did you keep the ledger consistent during the migration? 4.5 6 3 5 4");
  });

  it("charts the scores with labelled axes", () => {
    expect(pdf.text).toContain("Score per question Score (out of 10)");
    expect(pdf.text).toContain("Question number");
  });

  it("details each question: score, answer, feedback, decision, grounding and flags", () => {
    expect(pdf.text).toContain("1 · Question 1 · Introduction 8/10");
    expect(pdf.text).toContain("2 · Follow-up · Projects 4.5/10");
    expect(pdf.text).toContain("Answer (voice) We ran both and compared.");
    expect(pdf.text).toContain("Feedback Too brief to show how the comparison worked.");
    expect(pdf.text).toContain("Decision Asked a follow-up: The consistency story was left open.");
    expect(pdf.text).toContain("Grounding From the CV: “Rebuilt the Paynow settlement service in Go”");
    expect(pdf.text).toContain("Source https://example.com/dual-run");
    expect(pdf.text).toContain("Flag Insufficient evidence: the answer gave nothing to judge.");
    expect(pdf.text).toContain("Flag Scored by the instant heuristic");
    // Only the second answer was scored by the heuristic.
    expect(pdf.text.match(/instant heuristic/g)).toHaveLength(1);
  });

  it.each([
    ["Greek", "Σοφία Παπαδοπούλου"],
    ["Cyrillic", "Иван Петров"],
    ["Hebrew", "יעל כהן"],
    ["Arabic", "فاطمة الزهراء"],
  ])("shows a candidate name in %s exactly as written", async (_, name) => {
    const read = await readPdf(await renderPdfReport(completedReport({ candidateName: name })));
    expect(read.text).toContain(`Candidate ${name}`);
  });

  it("gives the same bytes for the same report", async () => {
    const again = await renderPdfReport(completedReport());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it("says once that the offline engine scored every answer, with no flag on each", async () => {
    const report = completedReport({ engine: "offline" });
    for (const q of report.questions) q.evaluatedBy = "heuristic";
    const read = await readPdf(await renderPdfReport(report));
    expect(read.text).toContain("Scoring Every answer was scored by the instant heuristic (this server runs the offline engine).");
    expect(read.text).not.toContain("evaluation failed");
    expect(read.text.match(/instant heuristic/g)).toHaveLength(1);
  });

  it("says an interview that ended before any answer was not scored", async () => {
    const read = await readPdf(await renderPdfReport(earlyEndedReport()));
    expect(read.text).toContain("Candidate Иван Петров");
    expect(read.text).toContain("Status Ended early after 0 answers (5 questions planned)");
    expect(read.text).toContain("Not scored No questions were answered.");
    expect(read.text).toContain("No questions were answered before the interview ended.");
    expect(read.text).toContain("Answer Not answered");
    expect(read.text).not.toContain("Score per question");
  });

  it("coaches the interviewer in an interviewer report", async () => {
    const read = await readPdf(await renderPdfReport(interviewerReport()));
    expect(read.text).toContain("INTERVIEWER COACHING REPORT");
    expect(read.text).toContain("Interviewer יעל כהן");
    expect(read.text).toContain("30% of the words were the interviewer's");
    expect(read.text).toContain("50% of questions followed up on an answer");
    expect(read.text).toContain("1 of 2 competencies covered");
    expect(read.text).toContain("Interviewer: 420 words (30%) Candidate: 980 words (70%)");
    expect(read.text).toContain("✓ Delivery: covered ✗ System design: not covered");
    expect(read.text).toContain("Question 2 · Family status “You're married with kids, so can you handle on-call?” Asks about family");
    expect(read.text).toContain("• Ask one question at a time.");
    expect(read.text).toContain("Persona Senior engineer, strong on delivery, weak on design Score 6/10");
    expect(read.text).toMatch(/Role reversal · \d+ questions asked/);
    expect(read.text).not.toContain("Overall score");
    expect(read.text).not.toContain("Not scored");
  });

  it("leaves coaching out of a candidate's report", () => {
    expect(pdf.text).not.toContain("Interviewer coaching");
  });
});

describe("PDF report of a long interview", () => {
  const report = manyQuestionsReport(20);
  let read: Read;
  beforeAll(async () => {
    read = await readPdf(await renderPdfReport(report));
  });

  it("runs over several pages, numbered", () => {
    expect(read.pages.length).toBeGreaterThanOrEqual(4);
    expect(read.pages[0]).toContain(`Page 1 of ${read.pages.length}`);
    expect(read.pages.at(-1)).toContain(`Page ${read.pages.length} of ${read.pages.length}`);
  });

  it("repeats the question table's header on each page the table reaches", () => {
    const withHeader = read.pages.filter((p) => p.includes(TABLE_HEADER));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
    // The last row comes after the header on its own page.
    const last = read.pages.find((p) => p.includes("20 Question number 20:"))!;
    expect(last.indexOf(TABLE_HEADER)).toBeLessThan(last.indexOf("20 Question number 20:"));
  });

  it("includes every question in full, long ones wrapped over several lines", () => {
    for (const q of report.questions) expect(read.text).toContain(normalise(q.text));
    expect(read.text).toContain(normalise(`${LONG_QUESTION} (part 17)`));
  });

  it("shows every question's score", () => {
    for (const q of report.questions) expect(read.text).toContain(`${q.number} · Question ${q.number} · Role skills ${q.score}/10`);
  });
});
