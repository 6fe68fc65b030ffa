import { findDateRanges, type FoundRange } from "./dates.js";
import { headingOf } from "./headings.js";
import { endsWithConnector, hasBullet, stripBullet } from "./normalise.js";
import { hasOrgWord, hasRoleWord } from "./roles.js";

/** One logical line of a section: a bullet or header line with its wrapped parts joined. */
export interface CvLine {
  text: string;
  bullet: boolean;
  dates: FoundRange[];
  /** Length of the last physical line, to tell a wrapped line from a short one. */
  lastLength: number;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const startsLower = (text: string) => /^[\p{Ll}\d%(&+]/u.test(text);

function beforeDates(line: CvLine): string {
  const first = line.dates[0];
  return first ? line.text.slice(0, first.index).trim() : line.text;
}

/** Whether `text` finishes the line before it rather than starting a new one. */
function continues(prev: CvLine, text: string, maxLength: number): "append" | "insert" | false {
  if (findDateRanges(text).length || headingOf(text) || /^[^:]{1,30}:\s/.test(text)) return false;
  const listItem = words(prev.text) <= 3 && !endsWithConnector(prev.text);
  if (startsLower(text) && !listItem) return prev.dates.length && prev.dates.at(-1)!.index + prev.dates.at(-1)!.length >= prev.text.length - 1 ? "insert" : "append";
  if (prev.bullet || (words(prev.text) >= 8 && !/^[^:]{1,30}:\s/.test(prev.text) && !/,.*,/.test(prev.text))) {
    if (!/[.!?:]$/.test(prev.text) && prev.lastLength >= 0.8 * maxLength && !prev.dates.length) return "append";
  }
  const head = beforeDates(prev);
  if (endsWithConnector(head) && words(text) <= 5) return prev.dates.length ? "insert" : "append";
  // A long title wrapped before its right-aligned dates: "… & Infrastructure  Mar 2021 – Present" / "Team Lead".
  if (prev.dates.length && words(text) <= 3 && hasRoleWord(text) && hasRoleWord(head) && !hasOrgWord(text) && !text.includes(",")) {
    return "insert";
  }
  return false;
}

function join(prev: CvLine, text: string, how: "append" | "insert"): void {
  const first = prev.dates[0];
  if (how === "insert" && first) {
    prev.text = `${prev.text.slice(0, first.index).trim()} ${text} ${prev.text.slice(first.index).trim()}`;
  } else {
    prev.text = `${prev.text} ${text}`;
  }
  prev.dates = findDateRanges(prev.text);
  prev.lastLength = text.length;
}

/** The section's physical lines as logical lines: wrapped bullets, titles and paragraphs joined. */
export function logicalLines(raw: string[]): CvLine[] {
  const lengths = raw.map((l) => l.length).sort((a, b) => a - b);
  const maxLength = lengths[Math.floor(lengths.length * 0.9)] ?? 80;
  const out: CvLine[] = [];
  for (const line of raw) {
    if (!line.trim()) continue;
    const bullet = hasBullet(line);
    const text = bullet ? stripBullet(line) : line.trim();
    if (!text) continue;
    const prev = out.at(-1);
    const how = prev && !bullet ? continues(prev, text, maxLength) : false;
    if (prev && how) {
      join(prev, text, how);
      continue;
    }
    out.push({ text, bullet, dates: findDateRanges(text), lastLength: line.length });
  }
  return out;
}
