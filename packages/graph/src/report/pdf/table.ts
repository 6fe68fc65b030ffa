import type { Align, PdfCanvas, TextStyle } from "./canvas.js";
import { COLOR, SIZE } from "./theme.js";

export interface Column {
  header: string;
  /** Share of the table's width; shares are scaled to fill it. */
  share: number;
  align?: Align;
}

export interface Cell {
  text: string;
  color?: string;
  bold?: boolean;
}

const PAD_X = 4;
const PAD_Y = 3.5;
/** A row never grows past this, so it always fits on a fresh page; the full text appears further on. */
const MAX_CELL_LINES = 10;

const HEADER: TextStyle = { font: "bold", size: SIZE.small, color: COLOR.muted };

/**
 * A table that continues across pages: a row that would not fit starts a new page, and the header
 * is drawn again at the top of it.
 */
export function drawTable(canvas: PdfCanvas, columns: Column[], rows: (string | Cell)[][]): void {
  const total = columns.reduce((sum, c) => sum + c.share, 0);
  const widths = columns.map((c) => (c.share / total) * canvas.width);
  const xs = widths.map((_, i) => canvas.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const layout = (cells: Cell[], base: TextStyle) => {
    const lines = cells.map((cell, i) =>
      canvas.lines(cell.text, widths[i]! - 2 * PAD_X, cellStyle(cell, base), MAX_CELL_LINES),
    );
    const height = Math.max(1, ...lines.map((l) => l.length)) * canvas.lineHeight(base) + 2 * PAD_Y;
    return { lines, height };
  };

  const draw = (cells: Cell[], base: TextStyle, fill?: string) => {
    const { lines, height } = layout(cells, base);
    if (fill) canvas.box(canvas.left, canvas.y, canvas.width, height, fill);
    cells.forEach((cell, i) =>
      canvas.drawLines(lines[i]!, xs[i]! + PAD_X, canvas.y + PAD_Y, widths[i]! - 2 * PAD_X, cellStyle(cell, base), columns[i]!.align),
    );
    canvas.y += height;
    canvas.rule(COLOR.rule);
  };

  const header = columns.map((c): Cell => ({ text: c.header }));
  const headerHeight = layout(header, HEADER).height;
  const body: TextStyle = { size: SIZE.table };
  const cellsOf = (row: (string | Cell)[]) => row.map((c) => (typeof c === "string" ? { text: c } : c));

  rows.forEach((row, index) => {
    const cells = cellsOf(row);
    const height = layout(cells, body).height;
    if (index === 0 || canvas.y + height > canvas.bottom) {
      // Keep the header with at least one row.
      canvas.ensure(headerHeight + height);
      draw(header, HEADER, COLOR.panel);
    }
    draw(cells, body, index % 2 ? COLOR.zebra : undefined);
  });
}

const cellStyle = (cell: Cell, base: TextStyle): TextStyle => ({
  ...base,
  ...(cell.bold ? { font: "bold" as const } : {}),
  ...(cell.color ? { color: cell.color } : {}),
});
