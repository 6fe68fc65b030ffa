/** Small statistics helpers: nearest-rank percentiles over milliseconds. */

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (values: number[]) => percentile(values, 50);

export const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Formats a number with a precision that suits its size. */
export function fmt(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return "–";
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toFixed(d);
}

export const ratio = (value: number, base: number) => (Number.isFinite(value) && base > 0 ? `${(value / base).toFixed(2)}×` : "–");

export const mb = (bytes: number) => bytes / 1024 / 1024;

/** Merges overlapping [start, end] intervals; returns the merged groups. */
export function mergeIntervals(intervals: { start: number; end: number }[]): { start: number; end: number; count: number }[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const groups: { start: number; end: number; count: number }[] = [];
  for (const i of sorted) {
    const last = groups[groups.length - 1];
    if (last && i.start < last.end) {
      last.end = Math.max(last.end, i.end);
      last.count++;
    } else {
      groups.push({ start: i.start, end: i.end, count: 1 });
    }
  }
  return groups;
}

/** Calls as they ran: overlapping ones joined with ∥, one after the other with →. */
export function sequenceOf(calls: { kind: string; start: number; end: number }[]): string {
  const groups: { end: number; kinds: string[] }[] = [];
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    const last = groups[groups.length - 1];
    if (last && call.start < last.end) {
      last.kinds.push(call.kind);
      last.end = Math.max(last.end, call.end);
    } else groups.push({ end: call.end, kinds: [call.kind] });
  }
  return groups.map((g) => g.kinds.join(" ∥ ")).join(" → ");
}
