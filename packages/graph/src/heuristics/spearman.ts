/** Ranks from 1, ties sharing the mean of the ranks they span. */
function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
    for (let k = start; k <= end; k++) result[order[k]![1]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return result;
}

/**
 * Spearman's rank correlation of two paired samples, in [-1, 1]: the Pearson correlation of their
 * ranks, so ties are handled. NaN when either sample is constant or they are shorter than two.
 */
export function spearman(a: number[], b: number[]): number {
  if (a.length !== b.length) throw new RangeError(`spearman needs paired samples (${a.length} vs ${b.length}).`);
  if (a.length < 2) return Number.NaN;
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (a.length + 1) / 2;
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let i = 0; i < a.length; i++) {
    const da = ra[i]! - mean;
    const db = rb[i]! - mean;
    covariance += da * db;
    varianceA += da * da;
    varianceB += db * db;
  }
  return covariance / Math.sqrt(varianceA * varianceB);
}
