/**
 * Repairs the text pdf-parse (or a paste) gives: ligatures, words hyphenated across lines, odd
 * spacing, icon-font glyphs and the many bullet characters CVs use.
 */

/** Characters CVs put before list items. */
export const BULLET_GLYPHS = "•◦▪▫∗*·‣⁃●○■□◆◇►▸▹➢➤✓✔-–—~>";
const LEADING_BULLET = new RegExp(`^\\s*(?:[${escapeClass(BULLET_GLYPHS)}]|\\d{1,2}[.)](?=\\s))\\s*`, "u");

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, "\\$&");
}

/** Icon fonts land in the private use area; what is left of them are lone symbols. */
const PRIVATE_USE = /[\u{E000}-\u{F8FF}\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/gu;
const STRAY_SYMBOLS = /[\p{So}\p{Co}](?<![©®™€£$•◦▪∗●○■►▸✓✔])/gu;
/** Letters some icon fonts map their glyphs to when the PDF has no better text for them. */
const ICON_LETTERS = /(^|[\s|·•])[ÃÀÁÂÄÅ#§¶Ð](?=\s)/gu;
const COMPOUND_TAILS = /^(?:time|end|call|based|first|driven|scale|side|level|term|source|tier|party|house|line|facing|commerce|service|stack|native|ready|aware|friendly|free|wide)\b/;
const CONNECTORS = /\b(?:of|and|for|at|in|the|to|with|on|a|an)$|[&,–—-]$/i;

export function hasBullet(line: string): boolean {
  // "-3%" at the start of a line is a number, not a bullet.
  return LEADING_BULLET.test(line) && !/^\s*[-–—~]\d/.test(line);
}

export function stripBullet(line: string): string {
  return line.replace(LEADING_BULLET, "").trim();
}

/** Whitespace, dashes and quotes of one line, made plain. */
export function cleanLine(line: string): string {
  return line
    .replace(PRIVATE_USE, " ")
    // Icon fonts without a text mapping come out as control characters.
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, " ")
    .replace(ICON_LETTERS, "$1 ")
    .replace(STRAY_SYMBOLS, " ")
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\t]/g, " ")
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/\s*\$\|\$\s*/g, " | ")
    .replace(/ {2,}/g, " ")
    .replace(/\s+([,.;:!?%)])/g, "$1")
    .replace(/([(])\s+/g, "$1")
    .trim();
}

/**
 * The text with ligatures expanded (NFKC), hyphenated line breaks joined ("distri-\nbuted"),
 * letter-spaced headings closed up ("E X P E R I E N C E") and each line cleaned.
 */
export function normaliseText(text: string): string {
  const joined = text
    .normalize("NFKC")
    .replace(/\r\n?/g, "\n")
    .replace(/\u00AD\n?/g, "")
    // A lower-case word broken by a hyphen at the end of a line continues on the next one,
    // unless the break is at a compound's own hyphen ("on-\ncall").
    .replace(/(?<!\p{Ll})(\p{Ll}{2,})-\n[ \t]*(\p{Ll}{2,})/gu, (_, a: string, b: string) => (COMPOUND_TAILS.test(b) ? `${a}-${b}` : `${a}${b}`))
    .replace(/\f/g, "\n\n");
  return joined
    .split("\n")
    .map((line) => cleanLine(closeLetterSpacing(line)))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** "E X P E R I E N C E" or "S K I L L S" (one letter, one space) → "EXPERIENCE". */
function closeLetterSpacing(line: string): string {
  const trimmed = line.trim();
  if (!/^\p{Lu}(?: \p{Lu}){2,}(?: {2,}\p{Lu}(?: \p{Lu})*)*$/u.test(trimmed)) return line;
  return trimmed.split(/ {2,}/).map((word) => word.replace(/ /g, "")).join(" ");
}

/** Whether a line ends with a word that needs the next line to finish it ("University of"). */
export const endsWithConnector = (line: string): boolean => CONNECTORS.test(line.trim());

export const wordsOf = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** "DANIEL FERREIRA" → "Daniel Ferreira"; mixed-case text is left as it is. */
export function titleCaseIfShouting(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  return text.toLowerCase().replace(/(^|[\s'-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
