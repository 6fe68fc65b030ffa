import { describe, expect, it } from "vitest";
import { scoreChartSvg } from "./chart";

const bars = (svg: string) => [...svg.matchAll(/<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)"/g)].map((m) => ({ y: Number(m[1]), height: Number(m[2]) }));

describe("score chart", () => {
  const points = [
    { label: "Q1", score: 2, title: "Question 1: 2/10" },
    { label: "Q2", score: 10, title: "Question 2: 10/10" },
    { label: "Q3", score: 5.55, title: "Follow-up: 5.6/10" },
  ];
  const svg = scoreChartSvg(points);

  it("draws one bar per question, as tall as its score on a 0–10 scale", () => {
    const [a, b, c] = bars(svg);
    expect(bars(svg)).toHaveLength(3);
    expect(b!.height).toBe(150);
    expect(a!.height).toBeCloseTo(30, 0);
    expect(c!.height).toBeCloseTo(83.3, 0);
    // bars stand on the same baseline
    expect(a!.y + a!.height).toBeCloseTo(b!.y + b!.height, 5);
  });

  it("writes each score and label, and describes the chart for screen readers", () => {
    expect(svg).toContain('role="img"');
    expect(svg).toContain("<desc id=\"score-chart-desc\">Scores out of 10: Q1 2, Q2 10, Q3 5.6.</desc>");
    expect([...svg.matchAll(/class="chart-value"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(["2", "10", "5.6"]);
    expect([...svg.matchAll(/class="chart-label"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(["Q1", "Q2", "Q3"]);
  });

  it("keeps a zero score visible and clamps out-of-range scores", () => {
    const [zero, over] = bars(scoreChartSvg([{ label: "Q1", score: 0, title: "" }, { label: "Q2", score: 14, title: "" }]));
    expect(zero!.height).toBe(2);
    expect(over!.height).toBe(150);
  });

  it("escapes text so a question cannot inject markup", () => {
    const out = scoreChartSvg([{ label: "<b>", score: 1, title: `"x" & <script>` }]);
    expect(out).not.toContain("<script>");
    expect(out).toContain("&lt;b&gt;");
    expect(out).toContain("&quot;x&quot; &amp; &lt;script&gt;");
  });
});
