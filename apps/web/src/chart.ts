/** The per-question score chart: an inline, scalable SVG built as markup (no chart library). */
import { formatScore, scoreTone } from "./labels";

export interface ChartPoint {
  label: string;
  score: number;
  /** Tooltip / accessible name of the bar. */
  title: string;
}

export const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const round = (n: number) => Math.round(n * 10) / 10;

/** A bar per question on a 0–10 axis, with the score written above each bar. */
export function scoreChartSvg(points: ChartPoint[], options: { title?: string; id?: string } = {}): string {
  const id = options.id ?? "score-chart";
  const title = options.title ?? "Score per question";
  const left = 34;
  const right = 10;
  const top = 22;
  const bottom = 30;
  const plotHeight = 150;
  // Wide enough to fill a card; bars keep a readable width however many questions there are.
  const width = Math.max(560, left + right + 34 * points.length);
  const band = (width - left - right) / Math.max(points.length, 1);
  const height = top + plotHeight + bottom;
  const y = (score: number) => round(top + plotHeight - (Math.min(10, Math.max(0, score)) / 10) * plotHeight);
  const desc = points.map((p) => `${p.label} ${formatScore(p.score)}`).join(", ");

  const grid = [0, 5, 10]
    .map(
      (v) =>
        `<line class="chart-grid" x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}"/>` +
        `<text class="chart-axis" x="${left - 8}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    )
    .join("");

  const barWidth = Math.round(Math.min(band * 0.56, 56));
  const bars = points
    .map((p, i) => {
      const cx = left + band * i + band / 2;
      // A zero still gets a sliver, so every question is visible.
      const barHeight = Math.max(2, round(y(0) - y(p.score)));
      return (
        `<g class="chart-bar tone-${scoreTone(p.score)}"><title>${escapeXml(p.title)}</title>` +
        `<rect x="${round(cx - barWidth / 2)}" y="${round(y(0) - barHeight)}" width="${barWidth}" height="${barHeight}" rx="4"/>` +
        `<text class="chart-value" x="${round(cx)}" y="${round(y(0) - barHeight - 6)}" text-anchor="middle">${formatScore(p.score)}</text>` +
        `<text class="chart-label" x="${round(cx)}" y="${height - 10}" text-anchor="middle">${escapeXml(p.label)}</text></g>`
      );
    })
    .join("");

  return (
    `<svg class="score-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc" preserveAspectRatio="xMinYMid meet">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(`Scores out of 10: ${desc}.`)}</desc>` +
    grid +
    bars +
    `</svg>`
  );
}
