/** The sections of a coaching report, for an interviewer who practised on an AI candidate. */
import type { InterviewerCoaching, QuestionForm } from "../document.js";
import { formatScore, formatShare, formLabel } from "../labels.js";
import { BODY, bullets, field, heading, LABEL, MUTED } from "./blocks.js";
import type { PdfCanvas, TextStyle } from "./canvas.js";
import { drawTable } from "./table.js";
import { COLOR, scoreColor, SIZE } from "./theme.js";

const words = (n: number) => `${new Intl.NumberFormat("en-US").format(n)} words`;

const FORM_COLOR: Record<QuestionForm, string> = { open: COLOR.good, closed: COLOR.ok, leading: COLOR.weak };

export function coachingSections(canvas: PdfCanvas, c: InterviewerCoaching): void {
  heading(canvas, "Interviewer coaching");
  const covered = c.coverage.filter((x) => x.covered).length;
  tiles(canvas, [
    { value: formatShare(c.talkTime.interviewerShare), caption: "of the words were the interviewer's" },
    { value: formatShare(c.followUpRate), caption: "of questions followed up on an answer" },
    { value: `${covered} of ${c.coverage.length}`, caption: "competencies covered" },
    {
      value: String(c.flaggedQuestions.length),
      caption: c.flaggedQuestions.length === 1 ? "question flagged as illegal or biased" : "questions flagged as illegal or biased",
      color: c.flaggedQuestions.length ? COLOR.weak : COLOR.good,
    },
  ]);
  talkTime(canvas, c.talkTime);

  if (c.perQuestion.length) {
    heading(canvas, "Questions asked", 2);
    drawTable(
      canvas,
      [
        { header: "#", share: 4, align: "right" },
        { header: "Question", share: 34 },
        { header: "Form", share: 9 },
        { header: "Several in one", share: 9 },
        { header: "Follows up", share: 9 },
        { header: "Competency", share: 14 },
        { header: "Flags", share: 16 },
      ],
      c.perQuestion.map((q) => [
        String(q.number),
        q.text,
        { text: formLabel(q.form), color: FORM_COLOR[q.form] ?? COLOR.ink },
        q.multiple ? { text: "Yes", color: COLOR.ok } : "No",
        q.followsUp ? "Yes" : "No",
        q.competency ?? "–",
        q.flags.length ? { text: q.flags.join("; "), color: COLOR.weak } : "–",
      ]),
    );
  }

  if (c.coverage.length) {
    heading(canvas, "Competency coverage", 2);
    for (const x of c.coverage) {
      canvas.paragraph(`${x.competency}: ${x.covered ? "covered" : "not covered"}`, BODY, {
        marker: x.covered ? "✓" : "✗",
        markerStyle: { font: "bold", size: SIZE.body, color: x.covered ? COLOR.good : COLOR.weak },
        after: 2,
      });
    }
  }

  heading(canvas, "Flagged questions", 2);
  if (!c.flaggedQuestions.length) canvas.paragraph("None: no illegal or biased questions were asked.", { ...BODY, color: COLOR.good }, { after: 4 });
  for (const f of c.flaggedQuestions) {
    canvas.paragraph(`Question ${f.number} · ${f.category}`, { font: "bold", size: SIZE.body, color: COLOR.weak }, { after: 1 });
    canvas.paragraph(`“${f.text.trim()}”`, BODY, { x: canvas.left + 12, after: 1 });
    canvas.paragraph(f.why, MUTED, { x: canvas.left + 12, after: 6 });
  }

  if (c.advice.length) {
    heading(canvas, "Advice", 2);
    bullets(canvas, c.advice, "");
  }

  const a = c.candidateAssessment;
  if (a) {
    heading(canvas, "The candidate's own assessment", 2);
    field(canvas, "Persona", a.persona);
    if (a.score !== undefined) field(canvas, "Score", `${formatScore(a.score)}/10`, { font: "bold", size: SIZE.body, color: scoreColor(a.score) });
    canvas.paragraph(a.summary.trim(), BODY, { after: 4 });
  }
}

/** Figures side by side, large, each with a caption under it. */
function tiles(canvas: PdfCanvas, items: { value: string; caption: string; color?: string }[]): void {
  const gap = 8;
  const pad = 8;
  const width = (canvas.width - gap * (items.length - 1)) / items.length;
  const big: TextStyle = { font: "bold", size: 16 };
  const caption: TextStyle = { size: SIZE.small, color: COLOR.muted };
  const laid = items.map((item) => ({ ...item, lines: canvas.lines(item.caption, width - 2 * pad, caption, 3) }));
  const height = 2 * pad + canvas.lineHeight(big) + Math.max(...laid.map((t) => t.lines.length)) * canvas.lineHeight(caption);
  canvas.ensure(height);
  laid.forEach((t, i) => {
    const x = canvas.left + i * (width + gap);
    canvas.box(x, canvas.y, width, height, COLOR.panel, 5);
    canvas.drawLine(t.value, x + pad, canvas.y + pad, width - 2 * pad, { ...big, color: t.color ?? COLOR.ink }, "left");
    canvas.drawLines(t.lines, x + pad, canvas.y + pad + canvas.lineHeight(big), width - 2 * pad, caption);
  });
  canvas.y += height + 10;
}

/** Who spoke how much, as one bar split between interviewer and candidate. */
function talkTime(canvas: PdfCanvas, t: InterviewerCoaching["talkTime"]): void {
  const share = Math.min(1, Math.max(0, t.interviewerShare));
  canvas.ensure(12 + 10 + 6 + canvas.lineHeight(LABEL) * 2);
  canvas.paragraph("Talk time", LABEL, { after: 3 });
  const y = canvas.y;
  canvas.box(canvas.left, y, canvas.width, 10, COLOR.good, 3);
  if (share > 0) canvas.box(canvas.left, y, Math.max(3, share * canvas.width), 10, COLOR.accent, 3);
  canvas.y = y + 16;
  const half = canvas.width / 2;
  canvas.drawLine(`■ Interviewer: ${words(t.interviewerWords)} (${formatShare(share)})`, canvas.left, canvas.y, half, { ...LABEL, color: COLOR.accent }, "left");
  canvas.drawLine(`Candidate: ${words(t.candidateWords)} (${formatShare(1 - share)}) ■`, canvas.left + half, canvas.y, half, { ...LABEL, color: COLOR.good }, "right");
  canvas.y += canvas.lineHeight(LABEL) + 6;
}
