import { baseDirection, visualRuns, type Direction } from "./bidi.js";
import type { FontName } from "./fonts.js";
import { COLOR } from "./theme.js";
import { clampLines, wrapText } from "./wrap.js";

export interface TextStyle {
  font?: FontName;
  size: number;
  color?: string;
}

export type Align = "start" | "left" | "right" | "center";

export interface ParagraphOptions {
  x?: number;
  width?: number;
  /** Space below the paragraph. */
  after?: number;
  align?: Align;
  /** Drawn in the indent of the first line, e.g. a bullet. */
  marker?: string;
  markerStyle?: TextStyle;
  indent?: number;
  /** Makes every line a link to this address. */
  link?: string;
  /** Cut longer text with an ellipsis. */
  maxLines?: number;
}

/**
 * Right-to-left runs are shaped whole: pdfkit's default lays text out word by word (and caches
 * each word), which puts Hebrew or Arabic words in the wrong order. Left-to-right runs keep the
 * faster default.
 */
const RTL_RUN: PDFKit.Mixins.TextOptions = { lineBreak: false, features: [] };
const LTR_RUN: PDFKit.Mixins.TextOptions = { lineBreak: false };

const LINE_SPACING = 1.32;

/**
 * A cursor over pdfkit pages. All text goes through here: it is wrapped to its column, drawn in
 * visual (bidi) order, and moved to a new page line by line, so nothing runs past a margin.
 */
export class PdfCanvas {
  y: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  private readonly widths = new Map<string, number>();

  constructor(readonly doc: PDFKit.PDFDocument) {
    const { margins, width, height } = doc.page;
    this.left = margins.left;
    this.right = width - margins.right;
    this.top = margins.top;
    this.bottom = height - margins.bottom;
    this.y = this.top;
  }

  get width(): number {
    return this.right - this.left;
  }

  get pageHeight(): number {
    return this.doc.page.height;
  }

  lineHeight(style: TextStyle): number {
    return style.size * LINE_SPACING;
  }

  /** Width of text in a style; cached because wrapping measures the same words many times. */
  measure(text: string, style: TextStyle): number {
    const key = `${style.font ?? "regular"}|${style.size}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.use(style).widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
  }

  lines(text: string, width: number, style: TextStyle, maxLines = Infinity): string[] {
    const measure = (s: string) => this.measure(s, style);
    return clampLines(wrapText(text, width, measure), maxLines, width, measure);
  }

  /** Starts a new page when `height` more points would not fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  space(points: number): void {
    this.y = Math.min(this.y + points, this.bottom);
  }

  /** Wrapped text at the cursor, continuing on the next page when the page is full. */
  paragraph(text: string, style: TextStyle, options: ParagraphOptions = {}): void {
    const x = options.x ?? this.left;
    const indent = options.indent ?? (options.marker ? 12 : 0);
    const width = (options.width ?? this.right - x) - indent;
    const base = baseDirection(text);
    const height = this.lineHeight(style);
    const lines = this.lines(text, width, style, options.maxLines);
    // A single right-to-left line (a name) stays beside its label; longer ones align right to read naturally.
    const align = options.align ?? (lines.length > 1 ? "start" : "left");
    lines.forEach((line, i) => {
      this.ensure(height);
      if (i === 0 && options.marker) this.drawLine(options.marker, x, this.y, indent, options.markerStyle ?? style, "left");
      const drawn = this.drawLine(line, x + indent, this.y, width, style, align, base);
      if (options.link && line) this.doc.link(drawn.x, this.y, drawn.width, height, options.link);
      this.y += height;
    });
    this.y += options.after ?? 0;
  }

  /** Lines already wrapped to `width`, at a fixed place (table cells, labels); no page breaks. */
  drawLines(lines: string[], x: number, y: number, width: number, style: TextStyle, align: Align = "start"): void {
    // One direction for the whole block, so a Hebrew second line does not jump to the other side.
    const base = baseDirection(lines.join(" "));
    lines.forEach((line, i) => this.drawLine(line, x, y + i * this.lineHeight(style), width, style, align, base));
  }

  /** One line in visual order; returns where it was drawn. */
  drawLine(line: string, x: number, y: number, width: number, style: TextStyle, align: Align, base?: Direction): { x: number; width: number } {
    const direction = base ?? baseDirection(line);
    const runs = visualRuns(line, direction).map((run) => ({ ...run, width: this.measure(run.text, style) }));
    const total = runs.reduce((sum, run) => sum + run.width, 0);
    const side = align === "start" ? (direction === "rtl" ? "right" : "left") : align;
    let cursor = side === "right" ? x + width - total : side === "center" ? x + (width - total) / 2 : x;
    const start = cursor;
    this.use(style);
    for (const run of runs) {
      this.doc.text(run.text, cursor, y, run.rtl ? RTL_RUN : LTR_RUN);
      cursor += run.width;
    }
    return { x: start, width: total };
  }

  rule(color: string = COLOR.rule, x1 = this.left, x2 = this.right, y = this.y): void {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(0.6).strokeColor(color).stroke().restore();
  }

  box(x: number, y: number, width: number, height: number, color: string, radius = 0): void {
    const shape = radius ? this.doc.roundedRect(x, y, width, height, radius) : this.doc.rect(x, y, width, height);
    shape.fillColor(color).fill();
  }

  private use(style: TextStyle): PDFKit.PDFDocument {
    return this.doc.font(style.font ?? "regular").fontSize(style.size).fillColor(style.color ?? COLOR.ink);
  }
}
