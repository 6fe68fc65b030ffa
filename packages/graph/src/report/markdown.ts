import type { InterviewerCoaching, ReportDocument, ReportQuestion } from "./document.js";
import {
  answered, counted, decisionLabel, fallbackScoreFlag, formatDate, formatScore, formatShare, formLabel, notScoredReason, phaseLabel, safeUrl, scoringNote,
  statusLabel,
} from "./labels.js";

/** One table cell: a pipe or line break in the text would otherwise split the row. */
const cell = (text: string) =>
  text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s+/g, " ").trim() || "–";

/** Text on one line, as list items and labels need. */
const inline = (text: string) => text.replace(/\s+/g, " ").trim();

const score = (value: number | undefined) => (value === undefined ? "–" : formatScore(value));
const count = (n: number) => new Intl.NumberFormat("en-US").format(n);

/**
 * The report as Markdown. The first lines keep their long-standing format
 * (`# Interview report: …`, `- Overall score: **7.5/10**`, `- Recommendation: **Hire**`)
 * because clients read them.
 */
export function renderMarkdownReport(doc: ReportDocument): string {
  const lines = [...header(doc), ...overall(doc)];
  // In role reversal the coaching's table lists the questions; there are no scores to tabulate.
  if (doc.role === "interviewer") lines.push(...(doc.interviewer ? coaching(doc.interviewer) : []), ...transcript(doc));
  else lines.push(...questionTable(doc), ...transcript(doc));
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

function header(doc: ReportDocument): string[] {
  const lines = [
    `# Interview report: ${inline(doc.title)}`,
    "",
    `- Interview: \`${doc.interviewId}\``,
    doc.role === "interviewer"
      ? `- Type: role reversal, ${counted(doc.questions.length, "question")} asked, engine: ${doc.engine}`
      : `- Type: ${doc.questionType} (${doc.questionStyle}), ${counted(doc.plannedQuestions, "question")}, engine: ${doc.engine}`,
    `- Status: ${doc.status === "in_progress" ? "in progress" : doc.status}`,
  ];
  if (doc.role === "interviewer") {
    // The human is assessed by the coaching below, the AI candidate by its own assessment.
  } else if (doc.overall) {
    lines.push(
      `- Overall score: **${formatScore(doc.overall.score)}/10**`,
      `- Recommendation: **${doc.overall.recommendationLabel}**`,
    );
  } else {
    lines.push(`- Overall score: not scored (${notScoredReason(doc).toLowerCase()})`);
  }
  if (doc.endedEarly) lines.push(`- ${statusLabel(doc)}`);
  const scoring = scoringNote(doc);
  if (scoring) lines.push(`- ${scoring}`);
  if (doc.candidateName) lines.push(`- Candidate: ${inline(doc.candidateName)}${doc.role === "interviewer" ? " (AI candidate)" : ""}`);
  if (doc.interviewerName) lines.push(`- Interviewer: ${inline(doc.interviewerName)}`);
  if (doc.role === "interviewer") lines.push("- Report for: the interviewer, practising on an AI candidate");
  lines.push(`- Date: ${formatDate(doc.createdAt)}`, "");
  return lines;
}

function overall(doc: ReportDocument): string[] {
  const o = doc.overall;
  if (!o) return [];
  const list = (items: string[]) => (items.length ? items.map((s) => `- ${inline(s)}`) : ["- None noted."]);
  return [
    "## Summary", "", o.summary.trim() || "No summary was written.", "",
    "## Strengths", "", ...list(o.strengths), "",
    "## Areas to improve", "", ...list(o.improvements), "",
  ];
}

function questionTable(doc: ReportDocument): string[] {
  const lines = ["## Questions", ""];
  if (!doc.questions.length) return [...lines, "No questions were asked.", ""];
  lines.push("| # | Question | Score | Relevance | Depth | Clarity | Evidence |", "|---|---|---|---|---|---|---|");
  for (const q of doc.questions) {
    const r = q.rubric;
    const text = q.kind === "main" ? cell(q.text) : `_${q.label}:_ ${cell(q.text)}`;
    lines.push(`| ${q.number} | ${text} | ${score(q.score)} | ${score(r?.relevance)} | ${score(r?.depth)} | ${score(r?.clarity)} | ${score(r?.evidence)} |`);
  }
  if (!doc.questions.some(answered)) {
    lines.push("", doc.status === "completed" ? "No questions were answered before the interview ended." : "No questions were answered yet.");
  }
  return [...lines, ""];
}

function transcript(doc: ReportDocument): string[] {
  if (!doc.questions.length) return [];
  return ["## Transcript", "", ...doc.questions.flatMap((q) => questionDetail(q, doc))];
}

function questionDetail(q: ReportQuestion, doc: ReportDocument): string[] {
  const lines = [`### ${q.number}. ${q.label} · ${phaseLabel(q.phase)}`, "", `**Q:** ${inline(q.text)}`, ""];
  if (q.answer !== undefined) lines.push(`**A (${q.channel ?? "text"}):** ${q.answer.trim()}`, "");
  else lines.push("_Not answered._", "");
  if (q.feedback) lines.push(`*Feedback (${score(q.score)}/10):* ${q.feedback.trim()}`, "");
  else if (q.score !== undefined) lines.push(`*Score: ${score(q.score)}/10*`, "");

  const notes: string[] = [];
  const r = q.rubric;
  if (r) notes.push(`Rubric: relevance ${score(r.relevance)} · depth ${score(r.depth)} · clarity ${score(r.clarity)} · evidence ${score(r.evidence)}`);
  if (q.insufficientEvidence) notes.push("**Insufficient evidence:** the answer gave nothing to judge.");
  const fallback = fallbackScoreFlag(doc, q);
  if (fallback) notes.push(fallback);
  const grounding = doc.role === "interviewer" ? answerSourceNote(q.grounding) : groundingNote(q.grounding);
  if (grounding) notes.push(grounding);
  if (q.decision) notes.push(`Decision: ${decisionLabel(q.decision.action)} — ${inline(q.decision.reason)}`);
  if (notes.length) lines.push(...notes.map((n) => `- ${n}`), "");
  return lines;
}

/** Role reversal: whether the AI candidate's answer came from its CV. */
function answerSourceNote(g: ReportQuestion["grounding"]): string | undefined {
  if (!g) return undefined;
  if (g.source === "cv") return `The answer drew on the CV${g.fact ? `: “${inline(g.fact)}”` : ""}`;
  return "Answered without a passage from the CV";
}

function groundingNote(g: ReportQuestion["grounding"]): string | undefined {
  if (!g) return undefined;
  const fact = g.fact ? inline(g.fact) : undefined;
  if (g.source === "cv") return `Grounded in the CV${fact ? `: “${fact}”` : ""}`;
  if (g.source === "web") {
    const url = safeUrl(g.url);
    const where = url ? ` (<${url}>)` : g.url ? ` (${inline(g.url)})` : "";
    return `Grounded in a web source${fact ? `: “${fact}”` : ""}${where}`;
  }
  return "Not grounded in a CV passage or a web source";
}

function coaching(c: InterviewerCoaching): string[] {
  const covered = c.coverage.filter((x) => x.covered).length;
  const lines = [
    "## Interviewer coaching",
    "",
    `- Talk time: the interviewer spoke ${formatShare(c.talkTime.interviewerShare)} of the words (${count(c.talkTime.interviewerWords)} interviewer, ${count(c.talkTime.candidateWords)} candidate)`,
    `- Follow-up rate: ${formatShare(c.followUpRate)} of questions followed up on an answer`,
    `- Competencies covered: ${covered} of ${c.coverage.length}`,
    `- Flagged questions: ${c.flaggedQuestions.length}`,
    "",
  ];
  if (c.perQuestion.length) {
    lines.push("### Questions asked", "", "| # | Question | Form | Several in one | Follows up | Competency | Flags |", "|---|---|---|---|---|---|---|");
    for (const q of c.perQuestion) {
      lines.push(`| ${q.number} | ${cell(q.text)} | ${formLabel(q.form)} | ${q.multiple ? "Yes" : "No"} | ${q.followsUp ? "Yes" : "No"} | ${cell(q.competency ?? "")} | ${cell(q.flags.join("; "))} |`);
    }
    lines.push("");
  }
  if (c.coverage.length) {
    lines.push("### Competency coverage", "", ...c.coverage.map((x) => `- [${x.covered ? "x" : " "}] ${inline(x.competency)}`), "");
  }
  lines.push("### Flagged questions", "");
  if (c.flaggedQuestions.length) {
    lines.push(...c.flaggedQuestions.map((f) => `- **Question ${f.number}** (${inline(f.category)}): “${inline(f.text)}” — ${inline(f.why)}`));
  } else {
    lines.push("None: no illegal or biased questions were asked.");
  }
  lines.push("");
  if (c.advice.length) lines.push("### Advice", "", ...c.advice.map((a) => `- ${inline(a)}`), "");
  const a = c.candidateAssessment;
  if (a) {
    lines.push("### The candidate's own assessment", "", `- Persona: ${inline(a.persona)}`);
    if (a.score !== undefined) lines.push(`- Score: **${formatScore(a.score)}/10**`);
    lines.push("", a.summary.trim(), "");
  }
  return lines;
}
