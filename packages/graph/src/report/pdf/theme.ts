/** Colours and type sizes shared by the PDF's sections. */

export const COLOR = {
  ink: "#1f2933",
  muted: "#5f6b7a",
  accent: "#1d4ed8",
  rule: "#d5dbe3",
  panel: "#f3f5f8",
  zebra: "#f8f9fb",
  good: "#15803d",
  ok: "#b45309",
  weak: "#b91c1c",
} as const;

export const SIZE = { title: 20, h1: 14, h2: 11.5, body: 10, small: 8.5, table: 9 } as const;

/** Same thresholds as the web report's score chips. */
export function scoreColor(score: number): string {
  return score >= 7 ? COLOR.good : score >= 4.5 ? COLOR.ok : COLOR.weak;
}

export function recommendationColor(code: string): string {
  if (code === "strong_hire" || code === "hire") return COLOR.good;
  if (code === "lean_hire") return COLOR.ok;
  return code === "lean_no_hire" || code === "no_hire" ? COLOR.weak : COLOR.ink;
}
