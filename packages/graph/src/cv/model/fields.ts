import { withoutDates, tidySeparators } from "./dates.js";
import type { CvLine } from "./lines.js";
import { isPlace, splitTrailingPlace } from "./places.js";
import { ORG_WORD, ROLE_WORD, hasOrgWord, hasRoleWord } from "./roles.js";
import type { CvDate, YearMonth } from "./types.js";

/** Separators between the parts of a role or education line. */
const SEPARATOR = /\s+[|·•]\s+|\s+[–—]\s+|\s+-\s+|\s+@\s+|\s+at\s+(?=\p{Lu})|\s*\t\s*/u;

export interface HeaderFields {
  title?: string;
  organisation?: string;
  location?: string;
  start?: YearMonth;
  end?: CvDate;
}

const tidy = (text: string) => tidySeparators(text).replace(/[,;:]+$/, "").trim();

/** "Senior Financial Analyst Northwind Traders S.p.A." → title and organisation, split after the title's last role word. */
function splitTitleOrg(part: string): [string, string] | null {
  const tokens = part.split(/\s+/);
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (ROLE_WORD.test(tokens[i]!) && !ORG_WORD.test(tokens[i]!)) last = i;
    else if (last >= 0 && hasOrgWord(tokens.slice(i).join(" "))) break;
  }
  if (last < 0 || last === tokens.length - 1) return null;
  const title = tokens.slice(0, last + 1).join(" ");
  const org = tokens.slice(last + 1).join(" ");
  return /^\p{Lu}/u.test(org) ? [title, org] : null;
}

const lastWord = (part: string) => part.replace(/\s*\(.*\)$/, "").split(/\s+/).at(-1) ?? "";
/** Titles end with a role word ("Systems Administrator"), organisations with their kind ("Tidewater Systems"). */
const titleScore = (part: string) =>
  (part.match(new RegExp(ROLE_WORD.source, "gi"))?.length ?? 0) + (ROLE_WORD.test(lastWord(part)) ? 2 : 0);
const orgScore = (part: string) =>
  (part.match(new RegExp(ORG_WORD.source, "gi"))?.length ?? 0) + (ORG_WORD.test(lastWord(part)) && !ROLE_WORD.test(lastWord(part)) ? 2 : 0);

/** Title, organisation, place and dates of an entry from its header lines, whatever their layout. */
export function headerFields(lines: CvLine[]): HeaderFields {
  const fields: HeaderFields = {};
  const range = lines.flatMap((l) => l.dates)[0];
  if (range?.start) fields.start = range.start;
  if (range?.end) fields.end = range.end;
  const parts: string[] = [];
  for (const line of lines) {
    for (const raw of withoutDates(line.text, line.dates).split(SEPARATOR)) {
      let part = tidy(raw);
      if (!part) continue;
      if (isPlace(part)) {
        fields.location ??= part;
        continue;
      }
      const [rest, place] = splitTrailingPlace(part);
      if (place && rest) {
        fields.location ??= place;
        part = tidy(rest);
      }
      const both = titleScore(part) > 0 && orgScore(part) > 0 ? splitTitleOrg(part) : null;
      if (both) parts.push(...both);
      else parts.push(part);
    }
  }
  const titled = parts
    .map((part, i) => ({ part, i, score: titleScore(part) - orgScore(part) }))
    .filter((p) => p.score > 0 || (hasRoleWord(p.part) && !hasOrgWord(p.part)));
  const title = titled.sort((a, b) => b.score - a.score || a.i - b.i)[0];
  if (title) fields.title = title.part;
  const organisation = parts.find((p, i) => i !== title?.i && p !== title?.part && /\p{Lu}/u.test(p));
  if (organisation) fields.organisation = organisation;
  return fields;
}
