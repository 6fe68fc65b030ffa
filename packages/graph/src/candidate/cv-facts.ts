import { findTechnologies } from "../text/lexicon.js";
import { contentWords, stem } from "../text/words.js";

export type FactKind = "achievement" | "role" | "skills" | "project" | "education" | "summary";

export interface RolePeriod {
  start: string;
  end: string;
  current: boolean;
}

/** One statement a CV makes, with the job it belongs to when the passage shows it. */
export interface CvFact {
  kind: FactKind;
  /** The CV line without bullet glyphs, heading or closing full stop. */
  text: string;
  organisation?: string;
  title?: string;
  period?: RolePeriod;
  /** A skills line's label ("Languages") or a project's name. */
  label?: string;
  /** A skills line's items; a project's description is in `text`. */
  items: string[];
  technologies: string[];
  numbers: string[];
  stems: string[];
  /** The position of its passage in the retrieval order: 0 is the best match. */
  rank: number;
}

type Section = "experience" | "skills" | "projects" | "education" | "summary" | "achievements" | "languages" | "skip" | "none";

const SECTION_HEADINGS: [Section, RegExp][] = [
  ["experience", /^(?:work |professional |relevant |employment |career )?(?:experience|employment(?: history)?|career(?: history)?|work history)$/i],
  ["skills", /^(?:technical |core |key )?(?:skills|competencies|technologies|tools|tech stack|skills (?:&|and) tools)$/i],
  ["projects", /^(?:selected |personal |side |key |notable )?projects?$/i],
  ["education", /^(?:education|qualifications|education (?:&|and) (?:training|qualifications)|training)$/i],
  ["summary", /^(?:summary|profile|professional summary|personal statement|about(?: me)?|objective)$/i],
  ["achievements", /^(?:achievements|awards|certifications?|licen[cs]es?(?: (?:&|and) certifications?)?|volunteering|publications)$/i],
  ["languages", /^(?:languages|spoken languages|language skills)$/i],
  ["skip", /^(?:interests|hobbies|references|hobbies (?:&|and) interests|personal details|contact(?: details)?)$/i],
];

const ROLE_WORDS =
  /\b(?:engineer|developer|manager|analyst|designer|lead|leader|intern|consultant|scientist|architect|director|administrator|specialist|officer|head|founder|programmer|researcher|associate|chef|cook|nurse|teacher|assistant|representative|executive|waiter|waitress|barista|bartender|sommelier|carer|midwife|doctor|physician|pharmacist|therapist|tutor|lecturer|coordinator|supervisor|receptionist|technician|accountant|partie|commis|porter|apprentice|trainee|owner|strategist|writer|editor|marketer)\b/i;
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const PERIOD = new RegExp(
  `(?:${MONTH}\\s+)?((?:19|20)\\d{2})\\s*(?:-|–|—|to|until)\\s*(?:${MONTH}\\s+)?((?:19|20)\\d{2}|present|current|now|today|date)`,
  "i",
);
const BULLET = /^[\s•\-*–·▪◦●>]+/;
/** E-mail, web and phone lines; a phone starts with "+" or "0" so that "2017 - 2021" is not one. */
const CONTACT = /@|\bhttps?:|\bwww\.|linkedin|github\.com|(?:\+|\b0)\d[\d\s().-]{7,}\d|\(\d{3}\)\s?\d{3}[-.\s]\d{4}|^(?:contact|e-?mail|phone|tel|mobile|address)\b/i;
const SPOKEN_LANGUAGES = /\b(?:english|french|spanish|german|portuguese|italian|mandarin|cantonese|arabic|hindi|polish|dutch|japanese|korean|russian|turkish|urdu|bengali|swahili|native|fluent|conversational|basic)\b/i;

const clean = (line: string) =>
  line.replace(BULLET, "").replace(/\s+/g, " ").replace(/\s*[|·]\s*/g, ", ").replace(/[.;,\s]+$/, "").trim();

function sectionOf(line: string): Section | null {
  const heading = line.replace(/^#+\s*/, "").replace(/[*_]+/g, "").replace(/:\s*$/, "").trim();
  if (heading.split(/\s+/).length > 5) return null;
  return SECTION_HEADINGS.find(([, re]) => re.test(heading))?.[0] ?? null;
}

export function parsePeriod(line: string): { period: RolePeriod; index: number; length: number } | null {
  const m = PERIOD.exec(line);
  if (!m?.[1] || !m[2]) return null;
  const current = /present|current|now|today|date/i.test(m[2]);
  return { period: { start: m[1], end: current ? "present" : m[2], current }, index: m.index, length: m[0].length };
}

/** "Senior Backend Engineer at Parcelly (2021 - Present)", "Parcelly | Backend Engineer | 2018 – 2021". */
export function parseRoleLine(line: string): { title?: string; organisation?: string; period: RolePeriod } | null {
  if (BULLET.test(line)) return null;
  const found = parsePeriod(line);
  if (!found) return null;
  const rest = `${line.slice(0, found.index)} ${line.slice(found.index + found.length)}`
    .replace(/[()[\]]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s|·•,–—-]+|[\s|·•,–—-]+$/g, "")
    .trim();
  if (rest.split(/\s+/).length > 12) return null;
  let title: string | undefined;
  let organisation: string | undefined;
  const at = /^(.*?)\s+(?:at|@)\s+(.+)$/i.exec(rest);
  if (at) {
    title = at[1];
    organisation = at[2];
  } else {
    const parts = rest.split(/\s*[|·•—–]\s*|\s+-\s+|,\s*/).map((p) => p.trim()).filter(Boolean);
    title = parts.find((p) => ROLE_WORDS.test(p));
    organisation = parts.find((p) => p !== title && /^[A-Z]/.test(p));
  }
  if (!title && !organisation) return null;
  organisation = organisation?.split(/\s*[|·•—–,]\s*|\s+-\s+/)[0]?.trim();
  return { ...(title ? { title: title.trim() } : {}), ...(organisation ? { organisation } : {}), period: found.period };
}

function fact(kind: FactKind, text: string, rank: number, extra: Partial<CvFact> = {}): CvFact {
  const all = [text, extra.label ?? "", extra.organisation ?? ""].join(" ");
  return {
    kind,
    text,
    items: [],
    technologies: findTechnologies(`${extra.label ?? ""} ${text}`),
    numbers: text.match(/\d+(?:[.,]\d+)*/g) ?? [],
    stems: [...new Set(contentWords(all).map(stem))],
    rank,
    ...extra,
  };
}

interface PassageState {
  section: Section;
  /** The job the lines below belong to, from the last role line seen. */
  job: Pick<CvFact, "organisation" | "title" | "period">;
  /** A project title on a line of its own, for the bullets under it. */
  project?: string;
}

const splitItems = (list: string) => list.split(/\s*[,;|•·]\s*/).map((i) => i.trim()).filter(Boolean);

/** The facts one passage states, in order. */
function factsOfPassage(passage: string, rank: number): CvFact[] {
  const state: PassageState = { section: "none", job: {} };
  const facts: CvFact[] = [];
  for (const raw of passage.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || CONTACT.test(line)) continue;
    const heading = sectionOf(line);
    if (heading) {
      Object.assign(state, { section: heading, job: {}, project: undefined });
      continue;
    }
    const found = factOfLine(line, state, rank);
    if (found) facts.push(found);
  }
  return facts;
}

function factOfLine(line: string, state: PassageState, rank: number): CvFact | undefined {
  const bullet = BULLET.test(line);
  const text = clean(line);
  if (!text || state.section === "skip") return undefined;
  const labelled = /^([A-Z][\w &/+-]{1,30}):\s*(.+)$/.exec(text);
  const label = labelled?.[1];
  const list = labelled?.[2] ?? "";
  if (state.section === "languages" || (label && /^languages$/i.test(label) && SPOKEN_LANGUAGES.test(list))) {
    // Spoken languages, without levels: "English (native)" would say where the candidate is from.
    const items = splitItems(label ? list : text).map((i) => i.replace(/\s*[(–—-].*$/, "").trim()).filter(Boolean);
    return items.length ? fact("skills", `Spoken languages: ${items.join(", ")}`, rank, { label: "Spoken languages", items }) : undefined;
  }
  if (state.section === "education") return fact("education", text, rank);
  const role = state.section === "projects" ? null : parseRoleLine(line);
  // "Care Team Leader at Northcombe (2022 - Present)": a title, an organisation and dates make a role line.
  const isRole = role && (role.title ? ROLE_WORDS.test(role.title) || Boolean(role.organisation) : text.split(/\s+/).length <= 8);
  if (role && isRole) {
    state.job = role;
    return fact("role", text, rank, role);
  }
  // "Data: PostgreSQL, Redis" is a skills line wherever it stands; a sentence with a colon is not.
  if (label && (state.section === "skills" || (!bullet && list.includes(",") && !/\.\s/.test(list)))) {
    if (/^(?:interests|hobbies|references)$/i.test(label)) return undefined;
    return fact("skills", text, rank, { label, items: splitItems(list) });
  }
  if (state.section === "skills") return fact("skills", text, rank, { items: splitItems(text) });
  if (state.section === "projects") return projectFact(text, bullet, state, rank);
  const words = text.split(/\s+/).length;
  if (state.section === "summary" || (state.section === "none" && !bullet && words >= 5 && !role)) {
    // A line above the first heading is the CV's headline, a weaker summary than its Summary section.
    return fact("summary", text, rank, state.section === "none" ? { label: "headline" } : {});
  }
  if ((bullet || state.section === "experience" || state.section === "achievements") && words >= 3) {
    return fact("achievement", text, rank, state.section === "achievements" ? {} : { ...state.job });
  }
  return undefined;
}

/** "RouteWise: a route optimiser…", or a title line with the project's bullets below it. */
function projectFact(text: string, bullet: boolean, state: PassageState, rank: number): CvFact | undefined {
  const titled = /^([^:—–]{2,60}?)(?::|\s[—–-]\s)\s*(.+)$/.exec(text);
  if (titled?.[1] && titled[2] && !bullet) return fact("project", titled[2], rank, { label: titled[1].trim() });
  if (!bullet && text.split(/\s+/).length <= 6) {
    state.project = text;
    return undefined;
  }
  return fact("project", text, rank, state.project ? { label: state.project } : {});
}

/** The facts the passages state, best passage first, each fact once. */
export function factsFromPassages(passages: string[], firstRank = 0): CvFact[] {
  const byText = new Map<string, CvFact>();
  passages.forEach((passage, i) => {
    for (const f of factsOfPassage(passage, firstRank + i)) {
      const key = f.text.toLowerCase();
      const seen = byText.get(key);
      // Overlapping chunks repeat lines; keep the copy that knows which job it belongs to.
      if (!seen) byText.set(key, f);
      else if (!seen.organisation && f.organisation) byText.set(key, { ...f, rank: seen.rank });
    }
  });
  return [...byText.values()];
}

/** The roles the facts mention, current first, then most recent. */
export function rolesOf(facts: CvFact[]): CvFact[] {
  const roles = facts.filter((f) => f.kind === "role");
  const unique = [...new Map(roles.map((r) => [`${r.title}|${r.organisation}`.toLowerCase(), r])).values()];
  const endYear = (r: CvFact) => (r.period?.current ? 9999 : Number(r.period?.end ?? 0));
  return unique.sort((a, b) => endYear(b) - endYear(a) || Number(b.period?.start ?? 0) - Number(a.period?.start ?? 0));
}
