import type { PdfCanvas, TextStyle } from "./canvas.js";
import { COLOR, SIZE } from "./theme.js";

export interface Bar {
  /** Under the bar: the question number. */
  label: string;
  value: number;
  /** Above the bar. */
  valueLabel: string;
  color: string;
}

const PLOT_HEIGHT = 120;
const AXIS_GAP = 22; // room for the tick labels left of the axis
const TOP = 26; // the y-axis title, then value labels above the tallest bar
const BOTTOM = 34; // tick labels and the x-axis title
/** Narrower slots would crowd the value labels, so longer interviews get one chart per group of bars. */
const MIN_SLOT = 16;

const TICK: TextStyle = { size: 7.5, color: COLOR.muted };
const AXIS_TITLE: TextStyle = { font: "bold", size: SIZE.small, color: COLOR.muted };
const VALUE: TextStyle = { font: "bold", size: 7.5, color: COLOR.ink };

/** The height of one chart, so a heading can stay with it. */
export const CHART_HEIGHT = TOP + PLOT_HEIGHT + BOTTOM;

/** A vector bar chart of values from 0 to `max`, one bar per entry, with labelled axes. */
export function drawBarChart(canvas: PdfCanvas, bars: Bar[], axes: { x: string; y: string; max: number }): void {
  const plotWidth = canvas.width - AXIS_GAP - 6;
  // Charts of even size: 60 bars as three of 20 rather than 29, 29 and a lonely 2.
  const charts = Math.ceil(bars.length / Math.max(1, Math.floor(plotWidth / MIN_SLOT)));
  const perChart = Math.ceil(bars.length / charts);
  for (let start = 0; start < bars.length; start += perChart) {
    drawOne(canvas, bars.slice(start, start + perChart), axes, plotWidth);
  }
}

function drawOne(canvas: PdfCanvas, bars: Bar[], axes: { x: string; y: string; max: number }, plotWidth: number): void {
  const doc = canvas.doc;
  canvas.ensure(CHART_HEIGHT);
  const x0 = canvas.left + AXIS_GAP;
  const yTop = canvas.y + TOP;
  const y0 = yTop + PLOT_HEIGHT;
  const at = (value: number) => y0 - (Math.max(0, Math.min(axes.max, value)) / axes.max) * PLOT_HEIGHT;

  canvas.drawLine(axes.y, canvas.left, canvas.y, plotWidth, AXIS_TITLE, "left");

  // Gridlines and ticks every fifth of the scale.
  for (let i = 0; i <= 5; i++) {
    const value = (axes.max / 5) * i;
    const y = at(value);
    if (i > 0) canvas.rule(COLOR.rule, x0, x0 + plotWidth, y);
    canvas.drawLine(String(Math.round(value * 10) / 10), canvas.left, y - TICK.size * 0.6, AXIS_GAP - 4, TICK, "right");
  }

  const slot = plotWidth / Math.max(bars.length, 1);
  const barWidth = Math.min(28, slot * 0.62);
  bars.forEach((bar, i) => {
    const centre = x0 + slot * i + slot / 2;
    const top = at(bar.value);
    // A zero still shows as a sliver, so the reader sees it was scored.
    doc.rect(centre - barWidth / 2, Math.min(top, y0 - 1), barWidth, Math.max(y0 - top, 1)).fillColor(bar.color).fill();
    canvas.drawLine(bar.valueLabel, centre - slot / 2, top - VALUE.size * 1.35, slot, VALUE, "center");
    canvas.drawLine(bar.label, centre - slot / 2, y0 + 4, slot, TICK, "center");
  });

  // Axes over the bars.
  doc.save().moveTo(x0, yTop - 4).lineTo(x0, y0).lineTo(x0 + plotWidth, y0).lineWidth(0.8).strokeColor(COLOR.muted).stroke().restore();
  canvas.drawLine(axes.x, x0, y0 + 17, plotWidth, AXIS_TITLE, "center");
  canvas.y = y0 + BOTTOM;
}
