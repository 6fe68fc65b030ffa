import { findTechnologies } from "../../text/lexicon.js";
import { findDateRanges } from "./dates.js";
import { headingOf, SIDEBAR_KINDS, twoHeadingsOf } from "./headings.js";
import { isSpokenLanguage } from "./skill-kinds.js";
import type { SectionKind } from "./types.js";

/**
 * Two columns that pdf-parse read across the page come out as one line per row, the sidebar's
 * text joined to the main column's by a space ("Senior Data Scientist Python"). The first row
 * with two headings side by side ("EXPERIENCE SKILLS") gives them away; from there, each line's
 * sidebar part is peeled off its end (or start) by what the sidebar's current section holds.
 */

const DEGREE_START = /^(?:B\.?Sc|M\.?Sc|BA|MA|BFA|MFA|BEng|MEng|MBA|PhD|Ph\.D|BS|MS|Bachelor|Master|Diploma|Certificate)\b/;
const INSTITUTION_END = /\b(?:University|College|School|Institute|Academy|Polytechnic)(?:\s+of(?:\s+\p{Lu}\p{L}+)+)?$/u;
const CAPITALISED = /^(?:\p{Lu}[\p{L}'.&-]*)(?:\s+\p{Lu}[\p{L}'.&-]*)*$/u;

function isSidebarItem(text: string, kind: SectionKind): boolean {
  const t = text.trim();
  if (!t || /^[–—-]/.test(t)) return false;
  const dates = findDateRanges(t);
  if (dates.length === 1 && dates[0]!.index === 0 && dates[0]!.length >= t.length - 1) return true;
  switch (kind) {
    case "skills": {
      const techs = findTechnologies(t);
      return techs.length === 1 && techs[0]!.toLowerCase() === t.toLowerCase();
    }
    case "languages":
      return t.split(/\s*,\s*/).every(isSpokenLanguage);
    case "education":
      return (DEGREE_START.test(t) && CAPITALISED.test(t.replace(/\b(?:in|of)\b/g, "Of"))) || (INSTITUTION_END.test(t) && CAPITALISED.test(t.replace(/\bof\b/g, "Of")));
    default:
      return false;
  }
}

interface Peeled {
  main: string;
  side: string;
}

function peel(line: string, kind: SectionKind, sideOnRight: boolean): Peeled | null {
  const words = line.trim().split(/\s+/);
  for (let k = Math.min(6, words.length - 1); k >= 1; k--) {
    const side = (sideOnRight ? words.slice(-k) : words.slice(0, k)).join(" ");
    const main = (sideOnRight ? words.slice(0, -k) : words.slice(k)).join(" ");
    const heading = headingOf(side);
    if ((heading && SIDEBAR_KINDS.has(heading.kind)) || isSidebarItem(side, kind)) return { main, side };
  }
  return null;
}

export function deinterleaveColumns(lines: string[]): string[] {
  const start = lines.findIndex((l) => twoHeadingsOf(l) !== null);
  if (start < 0) return lines;
  const [left, right] = twoHeadingsOf(lines[start]!)!;
  const sideOnRight = SIDEBAR_KINDS.has(right.kind) || !SIDEBAR_KINDS.has(left.kind);
  const main: string[] = lines.slice(0, start);
  const side: string[] = [];
  main.push(sideOnRight ? left.text : right.text);
  side.push(sideOnRight ? right.text : left.text);
  let kind: SectionKind = (sideOnRight ? right : left).kind;
  for (const line of lines.slice(start + 1)) {
    const whole = headingOf(line);
    if (whole) {
      (SIDEBAR_KINDS.has(whole.kind) && whole.kind !== "education" ? side : main).push(line);
      if (SIDEBAR_KINDS.has(whole.kind)) kind = whole.kind;
      continue;
    }
    const pair = twoHeadingsOf(line);
    if (pair) {
      main.push((sideOnRight ? pair[0] : pair[1]).text);
      side.push((sideOnRight ? pair[1] : pair[0]).text);
      kind = (sideOnRight ? pair[1] : pair[0]).kind;
      continue;
    }
    const peeled = line.trim() ? peel(line, kind, sideOnRight) : null;
    if (!peeled) {
      main.push(line);
      continue;
    }
    main.push(peeled.main);
    side.push(peeled.side);
    const heading = headingOf(peeled.side);
    if (heading) kind = heading.kind;
  }
  return [...main, "", ...side];
}
