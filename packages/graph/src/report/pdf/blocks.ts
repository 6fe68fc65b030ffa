/** Building blocks the sections share: headings, labelled fields, bullet lists. */
import type { PdfCanvas, TextStyle } from "./canvas.js";
import { COLOR, SIZE } from "./theme.js";

export const BODY: TextStyle = { size: SIZE.body };
export const MUTED: TextStyle = { size: SIZE.body, color: COLOR.muted };
export const LABEL: TextStyle = { font: "bold", size: SIZE.small, color: COLOR.muted };

const LABEL_WIDTH = 88;

/**
 * A section heading, kept on the page with what follows it (`keepWith` points, three lines by
 * default); top-level headings become bookmarks.
 */
export function heading(canvas: PdfCanvas, text: string, level: 1 | 2 = 1, keepWith = 3 * canvas.lineHeight(BODY)): void {
  const style: TextStyle = level === 1 ? { font: "bold", size: SIZE.h1, color: COLOR.accent } : { font: "bold", size: SIZE.h2 };
  const before = level === 1 ? 16 : 9;
  canvas.ensure(before + canvas.lineHeight(style) + 10 + keepWith);
  if (canvas.y > canvas.top) canvas.space(before);
  if (level === 1) canvas.doc.outline.addItem(text);
  canvas.paragraph(text, style, { after: level === 1 ? 2 : 3 });
  if (level === 1) {
    canvas.rule(COLOR.rule);
    canvas.space(6);
  }
}

/** "Label   value", the value wrapping in its own column. */
export function field(canvas: PdfCanvas, label: string, value: string, style: TextStyle = BODY, link?: string): void {
  canvas.ensure(canvas.lineHeight(style));
  const top = canvas.y;
  const labels = canvas.lines(label, LABEL_WIDTH - 8, LABEL, 2);
  canvas.drawLines(labels, canvas.left, top + (style.size - LABEL.size) * 0.8, LABEL_WIDTH - 8, LABEL);
  canvas.paragraph(value, style, { x: canvas.left + LABEL_WIDTH, ...(link ? { link } : {}) });
  // A two-line label can be taller than a one-line value; a value that moved pages has left it behind.
  if (canvas.y > top) canvas.y = Math.max(canvas.y, top + labels.length * canvas.lineHeight(LABEL));
  canvas.space(2.5);
}

export function bullets(canvas: PdfCanvas, items: string[], empty: string): void {
  if (!items.length) {
    canvas.paragraph(empty, MUTED, { after: 4 });
    return;
  }
  for (const item of items) canvas.paragraph(item, BODY, { marker: "•", markerStyle: { ...BODY, color: COLOR.accent }, after: 2.5 });
  canvas.space(2);
}
