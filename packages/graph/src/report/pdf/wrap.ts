/** Line breaking for the PDF: the text is laid out here so every line is known to fit its column. */

export type Measure = (text: string) => number;

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Control characters would draw as boxes; tabs and odd spaces become plain spaces (no-break spaces stay). */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\t\v\f\u1680\u2000-\u200A\u2028\u2029\u205F\u3000]/g, " ")
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, "");
}

/**
 * Breaks text into lines no wider than `width`, at spaces; a word wider than the whole line is
 * split between characters. Paragraph breaks are kept, runs of blank lines become one.
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of cleanText(text).split("\n")) {
    const words = paragraph.split(" ").filter(Boolean);
    if (!words.length) {
      if (lines.length && lines[lines.length - 1] !== "") lines.push("");
      continue;
    }
    let line = "";
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (measure(word) <= width) {
        line = word;
        continue;
      }
      const pieces = splitWord(word, width, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? "";
    }
    if (line) lines.push(line);
  }
  while (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function splitWord(word: string, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const { segment } of graphemes.segment(word)) {
    if (piece && measure(piece + segment) > width) {
      pieces.push(piece);
      piece = "";
    }
    piece += segment;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** At most `maxLines` lines; when some are cut, the last shown ends with an ellipsis and still fits. */
export function clampLines(lines: string[], maxLines: number, width: number, measure: Measure): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? "";
  while (last && measure(`${last}…`) > width) last = Array.from(last).slice(0, -1).join("").trimEnd();
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** The start of a long text, cut at a word, for excerpts. */
export function excerpt(text: string, maxChars: number): string {
  const chars = Array.from(text.trim());
  if (chars.length <= maxChars) return chars.join("");
  const cut = chars.slice(0, maxChars).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
