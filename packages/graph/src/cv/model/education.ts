import { withoutDates, tidySeparators } from "./dates.js";
import { logicalLines } from "./lines.js";
import { isPlace, splitTrailingPlace } from "./places.js";
import type { EducationEntry } from "./types.js";

const DEGREE =
  /^(?:B\.?Sc|M\.?Sc|B\.?A|M\.?A|BFA|MFA|B\.?Eng|M\.?Eng|MBA|MPhil|M\.?Res|Ph\.?D|DPhil|Ed\.?D|B\.?S|M\.?S|LLB|LLM|MD|Bachelor(?:'s)?(?:\s+of\s+[\p{Lu}][\p{L}]+)?|Master(?:'s)?(?:\s+of\s+[\p{Lu}][\p{L}]+)?|Doctor(?:ate)?(?:\s+of\s+[\p{Lu}][\p{L}]+)?|Associate(?:'s)?(?:\s+of\s+[\p{Lu}][\p{L}]+)?|(?:Postgraduate\s+|Graduate\s+|Higher\s+National\s+)?(?:Diploma|Certificate)|CAP|BEP|BTEC|HND|HNC|A-?levels?|GCSEs?|(?:International\s+)?Baccalaureate|Licence|Abitur)\b\.?/u;
const INSTITUTION_WORD = String.raw`(?:University|Université|Universidad|Universität|Universiteit|College|School|Institute|Institut|Academy|Académie|Polytechnic|Politecnico|École|Ecole|Conservatoire|Conservatory|Seminary)`;
const INSTITUTION = new RegExp(
  String.raw`((?:[\p{Lu}][\p{L}'&.-]*\s+){0,3})${INSTITUTION_WORD}\b((?:\s+(?:of|for|du|de|des|della|di|the|and|&)?\s*[\p{Lu}][\p{L}'.-]*){0,4})`,
  "u",
);
const SEPARATOR = /\s+[|·•]\s+|\s+[–—]\s+|\s+-\s+|,\s+|\s+at\s+(?=\p{Lu})/u;

interface Parsed {
  institution?: string;
  degree?: string;
  field?: string;
  location?: string;
}

function degreeParts(text: string): { degree: string; field?: string } | null {
  const m = DEGREE.exec(text.trim());
  if (!m) return null;
  let degree = m[0].trim();
  let field = text.trim().slice(m[0].length).replace(/^[\s,:(-]+|[\s)]+$/g, "");
  const inField = /^(?:in|of)\s+(.+)$/i.exec(field);
  if (inField) field = inField[1]!;
  if (/^(?:with|minor)\b/i.test(field)) field = "";
  degree = degree.replace(/\.$/, "");
  return field ? { degree, field: field.replace(/,.*$/, "").trim() } : { degree };
}

/** A part with both a degree and an institution and no separator ("BSc Economics Po Valley University"). */
function splitDegreeInstitution(part: string, parsed: Parsed): boolean {
  const inst = INSTITUTION.exec(part);
  const degree = DEGREE.exec(part);
  if (!inst || !degree || degree.index !== 0 || inst.index === 0) return false;
  const before = part.slice(0, inst.index + inst[1]!.length).trim().split(/\s+/);
  const own = inst[1]!.trim() ? inst[1]!.trim().split(/\s+/) : [];
  // Of the capitalised words before "University", the institution keeps up to two, the field the rest.
  const degreeWords = degree[0].trim().split(/\s+/).length;
  const between = before.length - degreeWords;
  const keep = Math.min(own.length, Math.max(0, Math.min(2, between - 1)));
  const degreeText = before.slice(0, before.length - keep).join(" ");
  const institution = `${before.slice(before.length - keep).join(" ")} ${part.slice(inst.index + inst[1]!.length)}`.trim();
  Object.assign(parsed, degreeParts(degreeText) ?? {});
  parsed.institution = institution;
  return true;
}

function parseLine(text: string): Parsed {
  const parsed: Parsed = {};
  const [whole, place] = splitTrailingPlace(tidySeparators(withoutDates(text)));
  if (place && INSTITUTION.test(whole)) parsed.location = place;
  for (const raw of (place && INSTITUTION.test(whole) ? whole : tidySeparators(withoutDates(text))).split(SEPARATOR)) {
    let part = raw.trim().replace(/[,;]$/, "");
    if (!part) continue;
    if (isPlace(part)) {
      parsed.location ??= part;
      continue;
    }
    const [rest, place] = splitTrailingPlace(part);
    if (place && rest && INSTITUTION.test(rest)) {
      parsed.location ??= place;
      part = rest;
    }
    if (splitDegreeInstitution(part, parsed)) continue;
    const degree = degreeParts(part);
    if (degree && !parsed.degree) Object.assign(parsed, degree);
    else if (INSTITUTION.test(part) && !parsed.institution) parsed.institution = part;
    else if (parsed.degree && !parsed.field && /^\p{Lu}/u.test(part) && part.split(/\s+/).length <= 5) parsed.field = part;
  }
  return parsed;
}

export function parseEducation(raw: string[]): EducationEntry[] {
  const entries: EducationEntry[] = [];
  let current: EducationEntry | undefined;
  for (const line of logicalLines(raw)) {
    const parsed = parseLine(line.text);
    const range = line.dates[0];
    const clash =
      !current ||
      (parsed.institution && current.institution) ||
      (parsed.degree && current.degree) ||
      (range && current.start && !parsed.institution && !parsed.degree);
    if (!parsed.institution && !parsed.degree && !range) continue;
    if (clash) entries.push((current = {}));
    Object.assign(current!, Object.fromEntries(Object.entries(parsed).filter(([k]) => !(k in current!))));
    if (range?.start && !current!.start) {
      current!.start = range.start;
      if (range.end) current!.end = range.end;
    }
  }
  return entries.filter((e) => e.institution || e.degree);
}
