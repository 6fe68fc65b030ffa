/**
 * The report at the end: for a candidate, the score, recommendation, strengths, improvements and
 * every question with its decision and evidence; for a human interviewer, the coaching on how
 * they interviewed. Both download as Markdown or PDF.
 */
import { h, paragraphs } from "../dom";
import { scoreChartSvg } from "../chart";
import { formatScore, scoreTone } from "../labels";
import { coachingView, reportView, transcript, type CoachingView, type InterviewModel, type ReportView } from "../model";
import { feedbackCard, messageBubble } from "./interview";

export type ReportFormat = "markdown" | "pdf";

export interface ReportHandlers {
  onDownload: (format: ReportFormat) => Promise<void>;
  onNew: () => void;
  /** Absent when the page may not erase the interview (a job's, seen by its candidate). */
  onDelete?: () => Promise<void>;
}

const list = (items: string[], empty: string) => (items.length ? h("ul", {}, items.map((s) => h("li", {}, s))) : h("p", { class: "hint" }, empty));

function actions(handlers: ReportHandlers) {
  const status = h("p", { class: "action-status", role: "status" });
  const download = (format: ReportFormat, text: string, primary: boolean) => {
    const button = h("button", { type: "button", class: `button ${primary ? "primary" : "secondary"}`, "data-action": `download-${format}` }, text);
    button.addEventListener("click", async () => {
      button.disabled = true;
      status.textContent = "";
      try {
        await handlers.onDownload(format);
        status.textContent = "Report downloaded.";
      } catch (error) {
        status.textContent = (error as Error).message;
      } finally {
        button.disabled = false;
      }
    });
    return button;
  };
  const again = h("button", { type: "button", class: "button secondary" }, "Start a new interview");
  again.addEventListener("click", () => handlers.onNew());
  const eraseWith = (onDelete: () => Promise<void>) => {
    const erase = h("button", { type: "button", class: "button ghost danger" }, "Erase this interview");
    erase.addEventListener("click", async () => {
      if (!window.confirm("Erase this interview, its answers and its CV data from the server? This cannot be undone.")) return;
      erase.disabled = true;
      try {
        await onDelete();
      } catch (error) {
        status.textContent = (error as Error).message;
        erase.disabled = false;
      }
    });
    return erase;
  };
  const erase = handlers.onDelete ? eraseWith(handlers.onDelete) : null;
  return [h("div", { class: "actions report-actions" }, download("markdown", "Download Markdown", true), download("pdf", "Download PDF", false), again, erase), status];
}

function conversation(model: InterviewModel) {
  return h(
    "details",
    { class: "card transcript" },
    h("summary", {}, "Full transcript"),
    h("div", { class: "log static" }, transcript(model).map((item) => (item.type === "feedback" ? feedbackCard(item) : messageBubble(model, item)))),
  );
}

/**
 * The end of an interview whose hiring team keeps the results: thanks, what happens next, and the
 * conversation without any feedback.
 */
export function renderThanks(model: InterviewModel): HTMLElement {
  const team = model.companyName ? `The hiring team at ${model.companyName}` : "The hiring team";
  return h(
    "section",
    { class: "view report-view", "aria-labelledby": "report-title" },
    h("div", { class: "intro" }, h("p", { class: "eyebrow" }, model.jobTitle), h("h1", { id: "report-title", tabindex: -1 }, "Thank you, your interview is complete")),
    h("div", { class: "card" }, h("p", {}, `${team} will review your answers and be in touch about the next steps. You can close this page.`)),
    conversation({ ...model, evaluations: [] }),
  );
}

export function renderReport(model: InterviewModel, handlers: ReportHandlers): HTMLElement {
  if (model.role === "interviewer") {
    const coaching = coachingView(model);
    if (coaching) return renderCoaching(model, coaching, handlers);
  } else {
    const report = reportView(model);
    if (report) return renderCandidateReport(model, report, handlers);
  }
  // Ended before anything could be assessed.
  return h(
    "section",
    { class: "view report-view", "aria-labelledby": "report-title" },
    h("div", { class: "intro" }, h("p", { class: "eyebrow" }, "Interview report"), h("h1", { id: "report-title", tabindex: -1 }, model.jobTitle)),
    h("div", { class: "card" }, h("p", {}, model.status === "completed" ? "The interview ended before anything could be assessed." : "This interview has no report yet.")),
    conversation(model),
    ...actions(handlers),
  );
}

function renderCandidateReport(model: InterviewModel, report: ReportView, handlers: ReportHandlers): HTMLElement {
  const chart = h("figure", { class: "chart" });
  chart.innerHTML = scoreChartSvg(report.chart, { title: "Score per question (out of 10)" });
  chart.appendChild(h("figcaption", { class: "hint" }, "Score per question, out of 10."));

  const table = h(
    "div",
    { class: "table-wrap", tabindex: 0, role: "region", "aria-labelledby": "questions-title" },
    h(
      "table",
      { class: "questions-table" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "#"), h("th", { scope: "col" }, "Question"), h("th", { scope: "col", class: "num" }, "Score"), h("th", { scope: "col" }, "Feedback"))),
      h(
        "tbody",
        {},
        report.rows.map((r) =>
          h(
            "tr",
            { "data-question-id": r.questionId },
            h("td", { class: "num" }, r.number),
            h(
              "td",
              {},
              r.kind && r.kind !== `Question ${r.number}` ? h("span", { class: "tag" }, r.kind) : null,
              " ",
              r.question,
              r.source
                ? h(
                    "p",
                    { class: "source" },
                    h("span", { class: "tag" }, r.source.label),
                    r.source.grounding.length ? h("q", { class: "grounding" }, r.source.grounding.join(" … ")) : null,
                  )
                : null,
            ),
            h("td", { class: "num" }, h("span", { class: `score-chip tone-${scoreTone(r.score)}` }, h("strong", {}, r.scoreText), "/10")),
            h(
              "td",
              {},
              r.feedback,
              r.rubric ? h("p", { class: "rubric-inline" }, `Relevance ${formatScore(r.rubric.relevance)} · Depth ${formatScore(r.rubric.depth)} · Clarity ${formatScore(r.rubric.clarity)} · Evidence ${formatScore(r.rubric.evidence)}`) : null,
              r.insufficientEvidence ? h("p", { class: "flag", "data-flag": "insufficient-evidence" }, "Insufficient evidence: the answer gave nothing to judge.") : null,
              r.heuristic && !report.allHeuristic ? h("p", { class: "note", "data-flag": "heuristic" }, "Scored by the instant heuristic: the model's evaluation was not available.") : null,
              r.decision
                ? h("p", { class: "decision" }, h("strong", {}, `${r.decision.label}: `), r.decision.reason, r.decision.byHeuristic ? h("span", { class: "hint" }, " (instant triage)") : null)
                : null,
            ),
          ),
        ),
      ),
    ),
  );

  return h(
    "section",
    { class: "view report-view", "aria-labelledby": "report-title" },
    h("div", { class: "intro" }, h("p", { class: "eyebrow" }, "Interview report"), h("h1", { id: "report-title", tabindex: -1 }, report.title)),
    report.endedEarly ? h("p", { class: "notice subtle" }, "This interview was ended early; the assessment covers the questions answered.") : null,
    h(
      "div",
      { class: "card report-summary" },
      h(
        "div",
        { class: "overall" },
        h("p", { class: "overall-label", id: "overall-label" }, "Overall score"),
        report.overall === null
          ? h("p", { class: "overall-score", "aria-describedby": "overall-label", "data-testid": "overall-score" }, h("strong", {}, "Not scored"))
          : h("p", { class: `overall-score tone-${scoreTone(report.overall)}`, "aria-describedby": "overall-label", "data-testid": "overall-score" }, h("strong", {}, report.overallText), h("span", {}, "/10")),
        report.recommendation ? h("p", { class: `badge tone-${report.tone}`, "data-testid": "recommendation" }, report.recommendation) : null,
      ),
      h("div", { class: "summary-text" }, paragraphs(report.summary)),
    ),
    report.rows.length ? h("div", { class: "card" }, h("h2", {}, "Scores by question"), chart) : null,
    h(
      "div",
      { class: "grid-2 report-lists" },
      h("div", { class: "card" }, h("h2", {}, "Strengths"), list(report.strengths, "None recorded.")),
      h("div", { class: "card" }, h("h2", {}, "To improve"), list(report.improvements, "Nothing specific.")),
    ),
    h(
      "div",
      { class: "card" },
      h("h2", { id: "questions-title" }, "Questions"),
      report.allHeuristic
        ? h(
            "p",
            { class: "note", "data-flag": "heuristic-all" },
            report.offline ? "Every answer was scored by the instant heuristic (this server runs the offline engine)." : "Every answer was scored by the instant heuristic: the model's evaluations were not available.",
          )
        : null,
      table,
    ),
    conversation(model),
    ...actions(handlers),
  );
}

function renderCoaching(model: InterviewModel, c: CoachingView, handlers: ReportHandlers): HTMLElement {
  const yesNo = (v: boolean) => (v ? "Yes" : "No");
  const table = h(
    "div",
    { class: "table-wrap", tabindex: 0, role: "region", "aria-labelledby": "your-questions-title" },
    h(
      "table",
      { class: "questions-table coaching-table" },
      h(
        "thead",
        {},
        h("tr", {}, h("th", { scope: "col" }, "#"), h("th", { scope: "col" }, "Your question"), h("th", { scope: "col" }, "Form"), h("th", { scope: "col" }, "Several at once"), h("th", { scope: "col" }, "Follows up"), h("th", { scope: "col" }, "Competency")),
      ),
      h(
        "tbody",
        {},
        c.questions.map((q) =>
          h(
            "tr",
            { "data-question-number": q.number },
            h("td", { class: "num" }, q.number),
            h("td", {}, q.text, q.flags.length ? h("p", { class: "flag" }, q.flags.join(" · ")) : null),
            h("td", { "data-label": "Form" }, h("span", { class: `badge tone-${q.tone}` }, q.form)),
            h("td", { "data-label": "Several at once" }, yesNo(q.multiple)),
            h("td", { "data-label": "Follows up" }, yesNo(q.followsUp)),
            h("td", { "data-label": "Competency" }, q.competency ?? h("span", { class: "hint" }, "—")),
          ),
        ),
      ),
    ),
  );

  const meter = (fraction: number, label: string) =>
    h("div", { class: "meter large", role: "img", "aria-label": label }, h("span", { class: "meter-fill", style: `width:${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%` }));

  return h(
    "section",
    { class: "view report-view coaching-view", "aria-labelledby": "report-title" },
    h(
      "div",
      { class: "intro" },
      h("p", { class: "eyebrow" }, "Interviewer coaching"),
      h("h1", { id: "report-title", tabindex: -1 }, c.title),
      h("p", { class: "lede" }, `You interviewed ${c.candidate}${c.generatedCv ? ", with a CV made up for the job" : ""}.`),
    ),
    h(
      "div",
      { class: "grid-2 report-lists" },
      h(
        "div",
        { class: `card stat tone-${c.talkTime.tone}`, "data-testid": "talk-time" },
        h("h2", {}, "Talk time"),
        h("p", { class: "stat-value" }, c.talkTime.text),
        meter(c.talkTime.interviewerShare, c.talkTime.text),
        h("p", { class: "hint" }, `${c.talkTime.interviewerWords} words from you, ${c.talkTime.candidateWords} from the candidate. Aim to listen more than you speak.`),
      ),
      h(
        "div",
        { class: "card stat", "data-testid": "follow-up-rate" },
        h("h2", {}, "Follow-up rate"),
        h("p", { class: "stat-value" }, `${c.followUpRate.text} of answers followed up`),
        meter(c.followUpRate.value, `${c.followUpRate.text} of answers followed up`),
        h("p", { class: "hint" }, "Probing an answer is how you find out what the candidate did themselves."),
      ),
    ),
    c.flagged.length
      ? h(
          "div",
          { class: "card flagged", role: "region", "aria-labelledby": "flagged-title" },
          h("h2", { id: "flagged-title" }, "Questions to avoid"),
          h(
            "ul",
            { class: "flagged-list" },
            c.flagged.map((f) => h("li", {}, h("p", {}, h("strong", {}, `Question ${f.number} — ${f.category}: `), h("q", {}, f.text)), h("p", { class: "hint" }, f.why))),
          ),
        )
      : null,
    h("div", { class: "card" }, h("h2", { id: "your-questions-title" }, "Your questions"), table),
    h(
      "div",
      { class: "card", "data-testid": "coverage" },
      h("h2", {}, "Coverage"),
      h(
        "div",
        { class: "grid-2" },
        h("div", {}, h("h3", {}, "Probed"), list(c.covered, "None of the role's competencies yet.")),
        h("div", {}, h("h3", {}, "Not probed"), list(c.missed, "Every competency was probed.")),
      ),
    ),
    h("div", { class: "card" }, h("h2", {}, "Advice"), list(c.advice, "No advice: a well-run interview.")),
    c.assessment
      ? h(
          "div",
          { class: "card", "data-testid": "candidate-assessment" },
          h("h2", {}, "The candidate's own account"),
          h("p", {}, h("span", { class: "tag" }, `Persona: ${c.assessment.persona}`), c.assessment.scoreText ? h("span", { class: "tag" }, `Deserved ${c.assessment.scoreText}/10`) : null),
          h("p", {}, c.assessment.summary),
          h("p", { class: "hint" }, "Compare this with how you would have rated the candidate."),
        )
      : null,
    conversation(model),
    ...actions(handlers),
  );
}
