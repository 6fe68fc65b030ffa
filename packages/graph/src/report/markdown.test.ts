import { describe, expect, it } from "vitest";
import { renderMarkdownReport } from "./markdown.js";
import { completedReport, earlyEndedReport, interviewerReport } from "./test-fixtures.js";

/** The lines of the transcript entry for question `n`. */
function entry(markdown: string, n: number): string {
  const start = markdown.indexOf(`### ${n}. `);
  const next = markdown.indexOf("\n### ", start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe("Markdown report", () => {
  it("opens with the title, score and recommendation lines clients read", () => {
    const lines = renderMarkdownReport(completedReport()).split("\n");
    expect(lines[0]).toBe("# Interview report: Backend Engineer at Acme");
    expect(lines).toContain("- Interview: `int-2024-0042`");
    expect(lines).toContain("- Type: technical (adaptive), 2 questions, engine: gemini");
    expect(lines).toContain("- Status: completed");
    expect(lines).toContain("- Overall score: **7.5/10**");
    expect(lines).toContain("- Recommendation: **Hire**");
    expect(lines).toContain("- Candidate: Σοφία Παπαδοπούλου");
    expect(lines).toContain("- Date: 4 March 2025, 09:30 UTC");
  });

  it("lists the summary, strengths and areas to improve", () => {
    const md = renderMarkdownReport(completedReport());
    expect(md).toContain("## Summary\n\nA clear communicator with solid backend depth; evidence on testing was thin.");
    expect(md).toContain("## Strengths\n\n- Explains trade-offs with numbers\n- Owns outcomes end to end");
    expect(md).toContain("## Areas to improve\n\n- Give concrete testing examples");
  });

  it("tabulates every question with its score and rubric, escaping pipes and line breaks", () => {
    const report = completedReport();
    report.questions[1]!.text = "How did you keep the ledger\nconsistent | correct?";
    const md = renderMarkdownReport(report);
    expect(md).toContain("| # | Question | Score | Relevance | Depth | Clarity | Evidence |");
    expect(md).toContain("| 1 | Tell me about a system you designed \\| and what you would change. | 8 | 9 | 7.5 | 8 | 7 |");
    expect(md).toContain("| 2 | _Follow-up:_ How did you keep the ledger consistent \\| correct? | 4.5 | 6 | 3 | 5 | 4 |");
  });

  it("explains each question: answer, feedback, decision and its reason, and where it came from", () => {
    const md = renderMarkdownReport(completedReport());
    const first = entry(md, 1);
    expect(first).toContain("**A (text):** I designed the settlement API in Go.");
    expect(first).toContain("*Feedback (8/10):* Specific and measured.");
    expect(first).toContain("- Decision: Asked a follow-up — The consistency story was left open.");
    expect(first).toContain("- Grounded in the CV: “Rebuilt the Paynow settlement service in Go”");
    expect(first).not.toContain("Insufficient evidence");
    expect(first).not.toContain("instant heuristic");

    const second = entry(md, 2);
    expect(second).toContain("**A (voice):** We ran both and compared.");
    expect(second).toContain("- Grounded in a web source: “Dual-run migrations compare ledgers nightly” (<https://example.com/dual-run>)");
    expect(second).toContain("**Insufficient evidence:** the answer gave nothing to judge.");
    expect(second).toContain("Scored by the instant heuristic");
    expect(second).toContain("- Decision: Ended the interview — All planned questions were asked.");
  });

  it("says once that the offline engine scored every answer, instead of a model failure on each", () => {
    const report = completedReport({ engine: "offline" });
    for (const q of report.questions) q.evaluatedBy = "heuristic";
    const md = renderMarkdownReport(report);
    expect(md).toContain("- Every answer was scored by the instant heuristic (this server runs the offline engine).");
    expect(md).not.toContain("evaluation failed");
    const gemini = renderMarkdownReport({ ...report, engine: "gemini" });
    expect(gemini).toContain("- Every answer was scored by the instant heuristic: the model's evaluations were not available.");
    expect(gemini.match(/instant heuristic/g)).toHaveLength(1);
  });

  it("does not turn a non-web source address into a link", () => {
    const report = completedReport();
    report.questions[1]!.grounding = { source: "web", fact: "A fact", url: "javascript:alert(1)" };
    const md = renderMarkdownReport(report);
    expect(md).toContain("Grounded in a web source: “A fact” (javascript:alert(1))");
    expect(md).not.toContain("<javascript:");
  });

  it("says no questions were answered when an interview ended before any answer", () => {
    const md = renderMarkdownReport(earlyEndedReport());
    expect(md).toContain("- Overall score: not scored (no questions were answered)");
    expect(md).not.toContain("- Recommendation:");
    expect(md).toContain("- Ended early after 0 answers (5 questions planned)");
    expect(md).toContain("- Candidate: Иван Петров");
    expect(md).toContain("No questions were answered before the interview ended.");
    expect(md).toContain("| 1 | Tell me about yourself. | – | – | – | – | – |");
    expect(entry(md, 1)).toContain("_Not answered._");
    expect(md).not.toContain("## Summary");
  });

  it("counts one question in the singular, and says an unfinished interview is in progress", () => {
    const md = renderMarkdownReport({ ...earlyEndedReport(), status: "in_progress", endedEarly: false, plannedQuestions: 1 });
    expect(md).toContain(", 1 question, engine:");
    expect(md).toContain("- Status: in progress");
    const reversed = renderMarkdownReport({ ...earlyEndedReport(), role: "interviewer", questions: earlyEndedReport().questions.slice(0, 1) });
    expect(reversed).toContain("- Type: role reversal, 1 question asked,");
  });

  it("says so when no question was asked at all", () => {
    const md = renderMarkdownReport({ ...earlyEndedReport(), questions: [] });
    expect(md).toContain("No questions were asked.");
    expect(md).not.toContain("## Transcript");
  });

  it("coaches the interviewer in an interviewer report", () => {
    const md = renderMarkdownReport(interviewerReport());
    expect(md.split("\n")[0]).toBe("# Interview report: Backend Engineer at Acme");
    expect(md).toContain("- Interviewer: יעל כהן");
    expect(md).toContain("- Candidate: Alex (AI candidate)");
    expect(md).toContain("## Interviewer coaching");
    expect(md).toContain("- Talk time: the interviewer spoke 30% of the words (420 interviewer, 980 candidate)");
    expect(md).toContain("- Follow-up rate: 50% of questions followed up on an answer");
    expect(md).toContain("- Competencies covered: 1 of 2");
    expect(md).toContain("| 2 | You're married with kids, so can you handle on-call? | Leading | Yes | Yes | Reliability | Family status |");
    expect(md).toContain("- [x] Delivery\n- [ ] System design");
    expect(md).toContain("- **Question 2** (Family status): “You're married with kids, so can you handle on-call?” — Asks about family");
    expect(md).toContain("### Advice\n\n- Ask one question at a time.");
    expect(md).toContain("- Persona: Senior engineer, strong on delivery, weak on design\n- Score: **6/10**");
    expect(md).toContain("The interviewer let me stay on delivery; design was never tested.");
    // The human was not interviewed: no score for them, no score table, no "questions planned".
    expect(md).toMatch(/- Type: role reversal, \d+ questions asked/);
    expect(md).not.toContain("Overall score");
    expect(md).not.toContain("| # | Question | Score |");
  });

  it("leaves coaching out of a candidate's report", () => {
    const md = renderMarkdownReport(completedReport());
    expect(md).not.toContain("Interviewer coaching");
    expect(md).not.toContain("Report for: the interviewer");
  });

  it("reports a clean interview as having no flagged questions", () => {
    const report = interviewerReport();
    report.interviewer = { ...report.interviewer!, flaggedQuestions: [] };
    expect(renderMarkdownReport(report)).toContain("### Flagged questions\n\nNone: no illegal or biased questions were asked.");
  });
});
