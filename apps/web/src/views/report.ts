/** The final report: overall score, recommendation, strengths, improvements, per-question scores. */
import { h, paragraphs } from "../dom";
import { scoreChartSvg } from "../chart";
import { formatScore, scoreTone } from "../labels";
import { reportView, transcript, type InterviewModel } from "../model";
import { feedbackCard } from "./interview";

export interface ReportHandlers {
  onDownload: () => Promise<void>;
  onNew: () => void;
  onDelete: () => Promise<void>;
}

export function renderReport(model: InterviewModel, handlers: ReportHandlers): HTMLElement {
  const report = reportView(model);
  if (!report) {
    return h("section", { class: "view" }, h("h1", { tabindex: -1 }, "Report not ready"), h("p", {}, "This interview has no final evaluation yet."));
  }
  const status = h("p", { class: "action-status", role: "status" });

  const download = h("button", { type: "button", class: "button primary", "data-action": "download" }, "Download Markdown");
  download.addEventListener("click", async () => {
    download.disabled = true;
    status.textContent = "";
    try {
      await handlers.onDownload();
      status.textContent = "Report downloaded.";
    } catch (error) {
      status.textContent = (error as Error).message;
    } finally {
      download.disabled = false;
    }
  });
  const again = h("button", { type: "button", class: "button secondary" }, "Start a new interview");
  again.addEventListener("click", () => handlers.onNew());
  const erase = h("button", { type: "button", class: "button ghost danger" }, "Erase this interview");
  erase.addEventListener("click", async () => {
    if (!window.confirm("Erase this interview, its answers and its CV data from the server? This cannot be undone.")) return;
    erase.disabled = true;
    try {
      await handlers.onDelete();
    } catch (error) {
      status.textContent = (error as Error).message;
      erase.disabled = false;
    }
  });

  const chart = h("figure", { class: "chart" });
  chart.innerHTML = scoreChartSvg(report.chart, { title: "Score per question (out of 10)" });
  chart.appendChild(h("figcaption", { class: "hint" }, "Score per question, out of 10."));

  const list = (items: string[], empty: string) => (items.length ? h("ul", {}, items.map((s) => h("li", {}, s))) : h("p", { class: "hint" }, empty));

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
            h("td", {}, r.kind && r.kind !== `Question ${r.number}` ? h("span", { class: "tag" }, r.kind) : null, " ", r.question),
            h("td", { class: "num" }, h("span", { class: `score-chip tone-${scoreTone(r.score)}` }, h("strong", {}, r.scoreText), "/10")),
            h(
              "td",
              {},
              r.feedback,
              r.rubric ? h("p", { class: "rubric-inline" }, `Relevance ${formatScore(r.rubric.relevance)} · Depth ${formatScore(r.rubric.depth)} · Clarity ${formatScore(r.rubric.clarity)} · Evidence ${formatScore(r.rubric.evidence)}`) : null,
            ),
          ),
        ),
      ),
    ),
  );

  const conversation = h(
    "div",
    { class: "log static" },
    transcript(model).map((item) =>
      item.type === "feedback"
        ? feedbackCard(item)
        : h("div", { class: `bubble ${item.role}` }, h("p", { class: "bubble-meta" }, h("span", { class: "who" }, item.role === "interviewer" ? "Interviewer" : "You"), item.label ? h("span", { class: "tag" }, item.label) : null), h("div", { class: "bubble-text" }, paragraphs(item.text))),
    ),
  );

  return h(
    "section",
    { class: "view report-view", "aria-labelledby": "report-title" },
    h("div", { class: "intro" }, h("p", { class: "eyebrow" }, "Interview report"), h("h1", { id: "report-title", tabindex: -1 }, report.title)),
    h(
      "div",
      { class: "card report-summary" },
      h(
        "div",
        { class: "overall" },
        h("p", { class: "overall-label", id: "overall-label" }, "Overall score"),
        h("p", { class: `overall-score tone-${scoreTone(report.overall)}`, "aria-describedby": "overall-label", "data-testid": "overall-score" }, h("strong", {}, report.overallText), h("span", {}, "/10")),
        h("p", { class: `badge tone-${report.tone}`, "data-testid": "recommendation" }, report.recommendation),
      ),
      h("div", { class: "summary-text" }, paragraphs(report.summary)),
    ),
    h("div", { class: "card" }, h("h2", {}, "Scores by question"), chart),
    h(
      "div",
      { class: "grid-2 report-lists" },
      h("div", { class: "card" }, h("h2", {}, "Strengths"), list(report.strengths, "None recorded.")),
      h("div", { class: "card" }, h("h2", {}, "To improve"), list(report.improvements, "Nothing specific.")),
    ),
    h("div", { class: "card" }, h("h2", { id: "questions-title" }, "Questions"), table),
    h("details", { class: "card transcript" }, h("summary", {}, "Full transcript"), conversation),
    h("div", { class: "actions report-actions" }, download, again, erase),
    status,
  );
}
