/**
 * Whether two stems from `text/words.ts` name the same word. That stemmer only strips inflections,
 * so derived forms ("deploy"/"deployment", "laminat"/"lamination", "cach"/"cache") are matched
 * here by a shared prefix that covers most of the shorter stem ("temper" is not "temperature").
 */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4 || !long.startsWith(short.slice(0, 4))) return false;
  const extra = long.length - short.length;
  if (long.startsWith(short)) return (short.length >= 5 && extra <= 4) || extra <= 1;
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  return common >= 5 && common >= 0.8 * short.length;
}

/**
 * A vocabulary of stems that answers "does it hold a stem that is sameStem to this one?" by
 * looking only at the stems that share its first four letters, the only ones sameStem can match.
 */
export class StemVocabulary {
  private readonly byPrefix = new Map<string, string[]>();

  constructor(stems: Iterable<string>) {
    for (const s of stems) {
      const key = s.slice(0, 4);
      const list = this.byPrefix.get(key);
      if (list) list.push(s);
      else this.byPrefix.set(key, [s]);
    }
  }

  has(stem: string): boolean {
    return this.byPrefix.get(stem.slice(0, 4))?.some((s) => sameStem(stem, s)) ?? false;
  }
}
