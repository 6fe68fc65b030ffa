import type { InterviewState } from "./state.js";

const RECOMMENDATION: Record<string, string> = {
  strong_hire: "Strong hire",
  hire: "Hire",
  lean_hire: "Lean hire",
  lean_no_hire: "Lean no hire",
  no_hire: "No hire",
};

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

/** The interview report as Markdown: scores, judgement and the full transcript with feedback. */
export function renderMarkdownReport(threadId: string, state: InterviewState): string {
  const f = state.finalEvaluation;
  const lines = [
    `# Interview report: ${state.jobTitle}${state.company ? ` at ${state.company}` : ""}`,
    "",
    `- Interview: \`${threadId}\``,
    `- Type: ${state.questionType} (${state.questionStyle}), ${state.maxSteps} questions, engine: ${state.engine}`,
    `- Status: ${state.status}`,
  ];
  if (f) {
    lines.push(
      `- Overall score: **${f.overallScore}/10**`,
      `- Recommendation: **${RECOMMENDATION[f.recommendation] ?? f.recommendation}**`,
      "",
      "## Summary",
      "",
      f.summary,
      "",
      "## Strengths",
      "",
      ...f.strengths.map((s) => `- ${s}`),
      "",
      "## Areas to improve",
      "",
      ...f.improvements.map((s) => `- ${s}`),
    );
  }
  lines.push("", "## Questions", "", "| # | Question | Score | Relevance | Depth | Clarity | Evidence |", "|---|---|---|---|---|---|---|");
  state.questions.forEach((q, i) => {
    const e = state.evaluations.find((x) => x.questionId === q.id);
    const r = e?.rubric;
    lines.push(
      `| ${i + 1} | ${cell(q.text)} | ${e ? e.score : "–"} | ${r?.relevance ?? "–"} | ${r?.depth ?? "–"} | ${r?.clarity ?? "–"} | ${r?.evidence ?? "–"} |`,
    );
  });
  lines.push("", "## Transcript", "");
  for (const q of state.questions) {
    const a = state.answers.find((x) => x.questionId === q.id);
    const e = state.evaluations.find((x) => x.questionId === q.id);
    lines.push(`**Q (${q.phase}${q.kind !== "main" ? `, ${q.kind}` : ""}):** ${q.text}`, "");
    if (a) lines.push(`**A (${a.channel}):** ${a.text}`, "");
    if (e) lines.push(`*Feedback (${e.score}/10):* ${e.feedback}`, "");
  }
  return lines.join("\n");
}
