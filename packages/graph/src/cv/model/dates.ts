import * as chrono from "chrono-node";
import type { CvDate, DateRange, YearMonth } from "./types.js";

/**
 * Date ranges as résumés write them: "Mar 2021 – Present", "03/2019 - 06/2021", "2018–2021",
 * "Jun. 2020", "Summer 2019", "Aug. 2016 -- May 2020". The spans are found with one pattern;
 * each end is read by chrono-node, with years, seasons and "present" handled here.
 */
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const SEASON = String.raw`(?:spring|summer|autumn|fall|winter)`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const POINT = String.raw`(?:(?:${MONTH}|${SEASON})\s*,?\s*(?:${YEAR}|'\d{2})|\d{1,2}\s*[/.]\s*${YEAR}|${YEAR}\s*[/.-]\s*(?:0?[1-9]|1[0-2])(?!\d)|${YEAR})`;
const NOW = String.raw`(?:present|current(?:ly)?|now|today|ongoing|date)`;
const SEPARATOR = String.raw`\s*(?:–|—|-{1,2}|to|until|till|→|~|>)\s*`;
const RANGE = new RegExp(String.raw`(?<![\w/.])\(?(${POINT})(?:${SEPARATOR}(${POINT}|${NOW}))?\)?(?![\w/])|(?<![\w/])(?:since|from)\s+(${POINT})`, "giu");

const SEASON_MONTH: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

function readPoint(text: string): YearMonth | undefined {
  const clean = text.trim().replace(/\s+/g, " ");
  const season = /^(spring|summer|autumn|fall|winter)\s*,?\s*(\d{4}|'\d{2})$/i.exec(clean);
  if (season) return { year: fullYear(season[2]!), month: SEASON_MONTH[season[1]!.toLowerCase()]! };
  if (/^\d{4}$/.test(clean)) return { year: Number(clean) };
  const isoish = /^(\d{4})\s*[/.-]\s*(\d{1,2})$/.exec(clean);
  if (isoish) return { year: Number(isoish[1]), month: Number(isoish[2]) };
  const apostrophe = /^(.*?)\s*'(\d{2})$/.exec(clean);
  const forChrono = apostrophe ? `${apostrophe[1]} ${fullYear(`'${apostrophe[2]}`)}` : clean.replace(/\s*([/.])\s*/g, "$1");
  const parsed = chrono.parse(forChrono.replace(/^(\w{3,4})\.(?=\s)/, "$1"), REFERENCE)[0]?.start;
  if (!parsed || !parsed.isCertain("year")) return undefined;
  const year = parsed.get("year")!;
  return parsed.isCertain("month") ? { year, month: parsed.get("month")! } : { year };
}

const fullYear = (y: string) => (y.startsWith("'") ? 2000 + Number(y.slice(1)) - (Number(y.slice(1)) > 50 ? 100 : 0) : Number(y));

export interface FoundRange extends DateRange {
  index: number;
  length: number;
}

/** Every date or date range in a line, in order. */
export function findDateRanges(line: string): FoundRange[] {
  const found: FoundRange[] = [];
  for (const m of line.matchAll(RANGE)) {
    const startText = m[1] ?? m[3];
    const start = startText ? readPoint(startText) : undefined;
    if (!start) continue;
    const endText = m[2];
    const end: CvDate | undefined = m[3]
      ? "present"
      : endText === undefined
        ? start
        : new RegExp(`^${NOW}$`, "i").test(endText.trim())
          ? "present"
          : readPoint(endText);
    found.push({ start, ...(end ? { end } : {}), text: m[0].trim(), index: m.index, length: m[0].length });
  }
  return found;
}

/** The line with its date ranges taken out, and the separators left dangling tidied away. */
export function withoutDates(line: string, ranges = findDateRanges(line)): string {
  let out = line;
  for (const r of [...ranges].sort((a, b) => b.index - a.index)) out = `${out.slice(0, r.index)} ${out.slice(r.index + r.length)}`;
  return tidySeparators(out);
}

export function tidySeparators(text: string): string {
  return text
    .replace(/\(\s*\)/g, " ")
    .replace(/\s{2,}/g, " ")
    .replace(/(?:\s*[|,·•–—-]\s*)+$/u, "")
    .replace(/^(?:\s*[|,·•–—-]\s*)+/u, "")
    .replace(/\s*([|·•])\s*(?:[|·•]\s*)+/gu, " $1 ")
    .trim();
}

/** A number that orders dates (months count; "present" is later than any date). */
export function dateValue(date: CvDate | undefined): number {
  if (!date) return 0;
  if (date === "present") return 9999 * 12;
  return date.year * 12 + (date.month ?? 6);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export function formatDate(date: CvDate | undefined): string {
  if (!date) return "";
  if (date === "present") return "present";
  return date.month ? `${MONTHS[date.month - 1]} ${date.year}` : String(date.year);
}
