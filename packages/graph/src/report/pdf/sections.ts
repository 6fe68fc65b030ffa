/** The report's own sections, top to bottom. */
import type { ReportDocument, ReportQuestion } from "../document.js";
import {
  answered, counted, decisionLabel, fallbackScoreFlag, formatDate, formatScore, notScoredReason, phaseLabel, questionStyleLabel, questionTypeLabel,
  safeUrl, scoringNote, statusLabel,
} from "../labels.js";
import { BODY, bullets, field, heading, LABEL, MUTED } from "./blocks.js";
import type { PdfCanvas, TextStyle } from "./canvas.js";
import { CHART_HEIGHT, drawBarChart } from "./chart.js";
import { drawTable, type Column } from "./table.js";
import { COLOR, recommendationColor, scoreColor, SIZE } from "./theme.js";
import { excerpt } from "./wrap.js";

/** Long answers are quoted in part; the Markdown report carries them whole. */
const ANSWER_EXCERPT_CHARS = 900;

export function titleBlock(canvas: PdfCanvas, doc: ReportDocument): void {
  const kicker = doc.role === "interviewer" ? "INTERVIEWER COACHING REPORT" : "INTERVIEW REPORT";
  canvas.paragraph(kicker, { font: "bold", size: SIZE.small, color: COLOR.accent }, { after: 3 });
  // The full title is in the PDF's metadata; here it must leave room for the report.
  if (doc.title.trim()) canvas.paragraph(doc.title, { font: "bold", size: SIZE.title }, { after: 6, maxLines: 4 });
  canvas.rule(COLOR.accent);
  canvas.space(8);
  if (doc.candidateName) field(canvas, doc.role === "interviewer" ? "AI candidate" : "Candidate", doc.candidateName, { font: "bold", size: 11 });
  if (doc.interviewerName) field(canvas, "Interviewer", doc.interviewerName, { font: "bold", size: 11 });
  field(canvas, "Date", formatDate(doc.createdAt));
  field(canvas, "Interview ID", doc.interviewId);
  field(canvas, "Engine", doc.engine);
  field(
    canvas,
    "Interview type",
    doc.role === "interviewer"
      ? `Role reversal · ${counted(doc.questions.length, "question")} asked`
      : `${questionTypeLabel(doc.questionType)} · ${questionStyleLabel(doc.questionStyle)} · ${counted(doc.plannedQuestions, "question")} planned`,
  );
  field(canvas, "Status", statusLabel(doc), doc.endedEarly ? { ...BODY, color: COLOR.ok } : BODY);
  const scoring = scoringNote(doc);
  if (scoring) field(canvas, "Scoring", scoring);
  canvas.space(10);
}

/** The score and recommendation, large, in a panel with a 0–10 gauge. */
export function overallBlock(canvas: PdfCanvas, doc: ReportDocument): void {
  const o = doc.overall;
  const pad = 14;
  const half = (canvas.width - 3 * pad) / 2;
  const x = canvas.left + pad;
  if (!o) {
    const height = 2 * pad + canvas.lineHeight({ size: 18 }) + canvas.lineHeight(BODY);
    canvas.ensure(height);
    const top = canvas.y;
    canvas.box(canvas.left, top, canvas.width, height, COLOR.panel, 6);
    canvas.drawLine("Not scored", x, top + pad, canvas.width - 2 * pad, { font: "bold", size: 18, color: COLOR.muted }, "left");
    canvas.drawLine(`${notScoredReason(doc)}.`, x, top + pad + canvas.lineHeight({ size: 18 }), canvas.width - 2 * pad, MUTED, "left");
    canvas.y = top + height + 6;
    return;
  }
  const recStyle: TextStyle = { font: "bold", size: 18, color: recommendationColor(o.recommendation) };
  const recLines = canvas.lines(o.recommendationLabel, half, recStyle, 3);
  const height = Math.max(78, 2 * pad + 16 + recLines.length * canvas.lineHeight(recStyle));
  canvas.ensure(height);
  const top = canvas.y;
  canvas.box(canvas.left, top, canvas.width, height, COLOR.panel, 6);

  const right = x + half + pad;
  canvas.drawLine("Overall score", x, top + pad, half, LABEL, "left");
  canvas.drawLine("Recommendation", right, top + pad, half, LABEL, "left");
  const big: TextStyle = { font: "bold", size: 30, color: scoreColor(o.score) };
  const value = formatScore(o.score);
  canvas.drawLine(value, x, top + pad + 12, half, big, "left");
  canvas.drawLine("/10", x + canvas.measure(value, big) + 3, top + pad + 27, half, { size: 12, color: COLOR.muted }, "left");
  const gaugeY = top + height - pad - 6;
  canvas.box(x, gaugeY, half, 6, COLOR.rule, 3);
  canvas.box(x, gaugeY, Math.max(6, (Math.min(10, Math.max(0, o.score)) / 10) * half), 6, scoreColor(o.score), 3);
  canvas.drawLines(recLines, right, top + pad + 16, half, recStyle);
  canvas.y = top + height + 6;
}

export function summaryBlock(canvas: PdfCanvas, doc: ReportDocument): void {
  const o = doc.overall;
  if (!o) return;
  heading(canvas, "Summary");
  canvas.paragraph(o.summary.trim() || "No summary was written.", o.summary.trim() ? BODY : MUTED, { after: 4 });
  heading(canvas, "Strengths", 2);
  bullets(canvas, o.strengths, "None noted.");
  heading(canvas, "Areas to improve", 2);
  bullets(canvas, o.improvements, "None noted.");
}

const QUESTION_COLUMNS: Column[] = [
  { header: "#", share: 5, align: "right" },
  { header: "Question", share: 40 },
  { header: "Score", share: 9, align: "right" },
  { header: "Relevance", share: 11.5, align: "right" },
  { header: "Depth", share: 9, align: "right" },
  { header: "Clarity", share: 9.5, align: "right" },
  { header: "Evidence", share: 11, align: "right" },
];

export function questionTable(canvas: PdfCanvas, doc: ReportDocument): void {
  heading(canvas, "Questions");
  if (!doc.questions.length) {
    canvas.paragraph("No questions were asked.", MUTED);
    return;
  }
  const value = (n: number | undefined) => (n === undefined ? "–" : formatScore(n));
  drawTable(
    canvas,
    QUESTION_COLUMNS,
    doc.questions.map((q) => [
      String(q.number),
      q.kind === "main" ? q.text : `${q.label}: ${q.text}`,
      q.score === undefined ? { text: "–", color: COLOR.muted } : { text: formatScore(q.score), bold: true, color: scoreColor(q.score) },
      value(q.rubric?.relevance),
      value(q.rubric?.depth),
      value(q.rubric?.clarity),
      value(q.rubric?.evidence),
    ]),
  );
  if (!doc.questions.some(answered)) {
    canvas.space(6);
    canvas.paragraph(doc.status === "completed" ? "No questions were answered before the interview ended." : "No questions were answered yet.", MUTED);
  }
}

export function scoreChart(canvas: PdfCanvas, doc: ReportDocument): void {
  const scored = doc.questions.filter((q): q is ReportQuestion & { score: number } => q.score !== undefined);
  if (!scored.length) return;
  heading(canvas, "Score per question", 1, CHART_HEIGHT);
  drawBarChart(
    canvas,
    scored.map((q) => ({ label: String(q.number), value: q.score, valueLabel: formatScore(q.score), color: scoreColor(q.score) })),
    { x: "Question number", y: "Score (out of 10)", max: 10 },
  );
}

export function questionDetails(canvas: PdfCanvas, doc: ReportDocument): void {
  if (!doc.questions.length) return;
  heading(canvas, "Question by question");
  doc.questions.forEach((q, i) => {
    if (i > 0) {
      canvas.space(4);
      canvas.rule();
      canvas.space(8);
    }
    questionDetail(canvas, q, doc);
  });
}

function questionDetail(canvas: PdfCanvas, q: ReportQuestion, doc: ReportDocument): void {
  const title: TextStyle = { font: "bold", size: SIZE.h2 };
  canvas.ensure(canvas.lineHeight(title) + 3 * canvas.lineHeight(BODY));
  const scoreText = q.score === undefined ? "" : `${formatScore(q.score)}/10`;
  const scoreWidth = scoreText ? canvas.measure(scoreText, title) + 8 : 0;
  const top = canvas.y;
  canvas.paragraph(`${q.number} · ${q.label} · ${phaseLabel(q.phase)}`, title, { width: canvas.width - scoreWidth, after: 2 });
  if (scoreText) canvas.drawLine(scoreText, canvas.right - scoreWidth, top, scoreWidth, { ...title, color: scoreColor(q.score!) }, "right");
  canvas.paragraph(q.text, BODY, { after: 5 });

  const channel = q.channel && q.channel !== "text" ? ` (${q.channel})` : "";
  if (q.answer !== undefined) field(canvas, `Answer${channel}`, excerpt(q.answer, ANSWER_EXCERPT_CHARS) || "(empty)");
  else field(canvas, "Answer", "Not answered", MUTED);
  const r = q.rubric;
  if (r) field(canvas, "Rubric", `Relevance ${formatScore(r.relevance)} · Depth ${formatScore(r.depth)} · Clarity ${formatScore(r.clarity)} · Evidence ${formatScore(r.evidence)}`);
  if (q.feedback) field(canvas, "Feedback", q.feedback.trim());
  if (q.decision) field(canvas, "Decision", `${decisionLabel(q.decision.action)}: ${q.decision.reason.trim()}`);
  if (doc.role === "interviewer") answerSource(canvas, q.grounding);
  else grounding(canvas, q.grounding);
  const warn: TextStyle = { ...BODY, color: COLOR.weak };
  if (q.insufficientEvidence) field(canvas, "Flag", "Insufficient evidence: the answer gave nothing to judge.", warn);
  const fallback = fallbackScoreFlag(doc, q);
  if (fallback) field(canvas, "Flag", fallback, { ...BODY, color: COLOR.ok });
}

/** Role reversal: whether the AI candidate's answer came from its CV. */
function answerSource(canvas: PdfCanvas, g: ReportQuestion["grounding"]): void {
  if (!g) return;
  if (g.source === "cv") field(canvas, "From the CV", g.fact ? `“${g.fact.trim()}”` : "yes");
  else field(canvas, "From the CV", "No passage: answered without one.", MUTED);
}

function grounding(canvas: PdfCanvas, g: ReportQuestion["grounding"]): void {
  if (!g) return;
  if (g.source === "none") {
    field(canvas, "Grounding", "Not grounded in a CV passage or a web source.", MUTED);
    return;
  }
  const where = g.source === "cv" ? "From the CV" : "From a web source";
  field(canvas, "Grounding", g.fact ? `${where}: “${g.fact.trim()}”` : where);
  const url = safeUrl(g.url);
  if (g.url) field(canvas, "Source", g.url, url ? { ...BODY, color: COLOR.accent } : BODY, url);
}

/** "Page 2 of 5" and the interview on every page, drawn once the page count is known. */
export function footers(canvas: PdfCanvas, doc: ReportDocument): void {
  const pdf = canvas.doc;
  const { start, count } = pdf.bufferedPageRange();
  const style: TextStyle = { size: 7.5, color: COLOR.muted };
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const y = canvas.pageHeight - canvas.doc.page.margins.bottom + 22;
    const page = `Page ${i - start + 1} of ${count}`;
    const pageWidth = canvas.measure(page, style) + 4;
    const label = ["Interview report", doc.title.trim(), doc.interviewId].filter(Boolean).join(" · ");
    const left = canvas.lines(label, canvas.width - pageWidth - 12, style, 1);
    canvas.drawLines(left, canvas.left, y, canvas.width - pageWidth - 12, style, "left");
    canvas.drawLine(page, canvas.right - pageWidth, y, pageWidth, style, "right");
  }
}
