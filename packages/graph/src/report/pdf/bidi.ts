/**
 * Just enough of the Unicode bidirectional algorithm (UAX #9) to lay out one line of mixed
 * Hebrew/Arabic and Latin text in visual order. pdfkit draws strings left to right as given, so
 * "Candidate: יעל כהן" would come out with the name spelt backwards; no explicit embeddings are
 * supported, which text from an interview does not need.
 */

export type Direction = "ltr" | "rtl";

/** A piece of a line, in visual order. `rtl` pieces are logical text that the shaper lays out right to left. */
export interface VisualRun {
  text: string;
  rtl: boolean;
}

type Kind = "L" | "R" | "EN" | "N";

const RTL_SCRIPT = /[\u0590-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
const LETTER = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
/** Between two digits these keep a number together: 3.5, 1,000, 10:30, 2024-05. */
const NUMBER_SEPARATOR = /^[.,:/+\-\u00A0]$/;
/** Next to a digit these belong to the number: 40%, $5, 90°. */
const NUMBER_AFFIX = /^[%#$°\u00B1\u2030\u2031\p{Sc}]$/u;
const MIRROR: Record<string, string> = { "(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", "«": "»", "»": "«", "‹": "›", "›": "‹" };

const kindOf = (ch: string): Kind => (RTL_SCRIPT.test(ch) ? "R" : DIGIT.test(ch) ? "EN" : LETTER.test(ch) ? "L" : "N");

/** The paragraph's direction: that of its first letter (UAX #9 P2–P3), left to right if it has none. */
export function baseDirection(text: string): Direction {
  for (const ch of text) {
    const kind = kindOf(ch);
    if (kind === "R") return "rtl";
    if (kind === "L") return "ltr";
  }
  return "ltr";
}

export const hasRtl = (text: string): boolean => RTL_SCRIPT.test(text);

/** One line's runs in the order they appear from left to right. */
export function visualRuns(line: string, base: Direction = baseDirection(line)): VisualRun[] {
  if (!hasRtl(line)) return line ? [{ text: line, rtl: false }] : [];
  const chars = Array.from(line);
  const levels = resolveLevels(chars, base === "rtl" ? 1 : 0);

  const runs: { chars: string[]; level: number }[] = [];
  chars.forEach((ch, i) => {
    const level = levels[i]!;
    const last = runs[runs.length - 1];
    if (last && last.level === level) last.chars.push(ch);
    else runs.push({ chars: [ch], level });
  });

  // L2: from the highest level down to the lowest odd one, reverse every stretch at or above it.
  const highest = Math.max(...runs.map((r) => r.level));
  for (let level = highest; level >= 1; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < level) { i++; continue; }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }

  return runs.map(({ chars: cs, level }) => {
    if (level % 2 === 0) return { text: cs.join(""), rtl: false };
    // Right to left: brackets face the other way (the shaper does not mirror them).
    const mirrored = cs.map((ch) => MIRROR[ch] ?? ch);
    // Punctuation alone is not Hebrew or Arabic, so the shaper would keep its order: reverse it here.
    return mirrored.some((ch) => kindOf(ch) === "R")
      ? { text: mirrored.join(""), rtl: true }
      : { text: mirrored.reverse().join(""), rtl: false };
  });
}

function resolveLevels(chars: string[], baseLevel: 0 | 1): number[] {
  const base: Kind = baseLevel ? "R" : "L";
  // W1: a combining mark takes the kind of the character it sits on.
  const kinds: Kind[] = [];
  chars.forEach((ch, i) => kinds.push(MARK.test(ch) && i > 0 ? kinds[i - 1]! : kindOf(ch)));

  // W4: a single separator between two digits is part of the number.
  for (let i = 1; i < chars.length - 1; i++) {
    if (kinds[i] === "N" && kinds[i - 1] === "EN" && kinds[i + 1] === "EN" && NUMBER_SEPARATOR.test(chars[i]!)) kinds[i] = "EN";
  }
  // W5: percent and currency signs next to a number are part of it.
  for (let i = 0; i < chars.length; i++) {
    if (kinds[i] !== "N" || !NUMBER_AFFIX.test(chars[i]!)) continue;
    let j = i;
    while (j < chars.length && kinds[j] === "N" && NUMBER_AFFIX.test(chars[j]!)) j++;
    const touchesNumber = kinds[i - 1] === "EN" || kinds[j] === "EN";
    if (touchesNumber) for (let k = i; k < j; k++) kinds[k] = "EN";
    i = j - 1;
  }
  // W7: a number after left-to-right text (or at the start of a left-to-right line) reads with it.
  let strong: Kind = base;
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i]!;
    if (kind === "L" || kind === "R") strong = kind;
    else if (kind === "EN" && strong === "L") kinds[i] = "L";
  }
  // N1–N2: neutrals between two sides of one direction take it; otherwise the paragraph's.
  const side = (kind: Kind | undefined): Kind => (kind === undefined ? base : kind === "EN" ? "R" : kind);
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== "N") continue;
    let j = i;
    while (j < kinds.length && kinds[j] === "N") j++;
    const before = side(kinds[i - 1]);
    const after = side(kinds[j]);
    const resolved = before === after ? before : base;
    for (let k = i; k < j; k++) kinds[k] = resolved;
    i = j - 1;
  }
  // I1–I2, then L1: trailing spaces take the paragraph's level.
  const levels = kinds.map((kind) => (kind === "R" ? 1 : kind === "EN" ? 2 : baseLevel ? 2 : 0));
  for (let i = chars.length - 1; i >= 0 && /\s/.test(chars[i]!); i--) levels[i] = baseLevel;
  return levels;
}
