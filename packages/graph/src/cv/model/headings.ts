import type { SectionKind } from "./types.js";

/** Heading words per kind; a heading is a short line made only of these (and a few modifiers). */
const KIND_WORDS: [SectionKind, string][] = [
  ["experience", "experience|experiences|employment|employment history|work history|career|career history|positions|professional background|work"],
  ["projects", "projects?|portfolio|selected work|case studies|open source|side projects"],
  ["education", "education|academic background|qualifications|studies|training|education and training"],
  ["skills", "skills|skill set|skillset|competencies|competences|expertise|technologies|tech stack|tools|toolbox|technical proficiencies|strengths|abilities|kitchen skills"],
  ["summary", "summary|profile|about|about me|objective|overview|personal statement|introduction|bio"],
  ["certifications", "certifications?|certificates?|licen[cs]es|accreditations|courses"],
  ["languages", "languages|spoken languages|language skills"],
  ["awards", "awards|honou?rs|achievements|awards and honou?rs|honou?rs and awards|grants|scholarships|distinctions"],
  ["publications", "publications|papers|selected publications|talks|presentations|conferences|patents"],
  ["volunteering", "volunteering|volunteer experience|voluntary work|volunteer work|community|community involvement|leadership and activities|activities"],
  ["interests", "interests|hobbies|hobbies and interests|personal interests|outside work"],
  ["contact", "contact|contact details|contact information|personal details|details|links|find me"],
  ["other", "references|referees|additional information|miscellaneous|other|teaching|memberships|affiliations"],
];
const MODIFIERS =
  "work|professional|relevant|selected|technical|key|core|research|academic|industry|employment|personal|other|recent|additional|teaching|culinary|design|engineering|leadership|management";
const ALIASES = new Map<string, SectionKind>([
  ["skills summary", "skills"],
  ["summary of qualifications", "summary"],
  ["professional summary", "summary"],
  ["career summary", "summary"],
  ["languages & tools", "skills"],
  ["languages and tools", "skills"],
  ["skills & tools", "skills"],
  ["skills and tools", "skills"],
  ["skills & interests", "skills"],
  ["research", "experience"],
]);

const matchers = KIND_WORDS.map(([kind, words]) => ({
  kind,
  re: new RegExp(`^(?:(?:${MODIFIERS})\\s+){0,2}(?:${words})(?:\\s*(?:&|and|/)\\s*(?:${MODIFIERS}|${words}))?$`, "i"),
}));

export interface Heading {
  text: string;
  kind: SectionKind;
}

/** The heading a line is, if it is one ("Professional Experience", "SKILLS:", "## Projects"). */
export function headingOf(line: string): Heading | null {
  const text = line.replace(/^[#*_=\s-]+|[#*_=:\s-]+$/g, "").replace(/\s+/g, " ").trim();
  if (!text || text.length > 40 || /[.,;|@\d]/.test(text)) return null;
  if (text.split(" ").length > 5) return null;
  // A heading stands out: upper case, title case, or marked up; a lower-case phrase is text.
  if (!/^[\p{Lu}]/u.test(text)) return null;
  const lower = text.toLowerCase();
  const alias = ALIASES.get(lower);
  if (alias) return { text, kind: alias };
  for (const { kind, re } of matchers) if (re.test(lower)) return { text, kind };
  return null;
}

/** A line that is two headings side by side ("EXPERIENCE SKILLS"): two columns read across. */
export function twoHeadingsOf(line: string): [Heading, Heading] | null {
  if (headingOf(line)) return null;
  const words = line.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6) return null;
  for (let i = 1; i < words.length; i++) {
    const left = headingOf(words.slice(0, i).join(" "));
    const right = headingOf(words.slice(i).join(" "));
    const sameCase = isUpper(words.slice(0, i).join(" ")) === isUpper(words.slice(i).join(" "));
    if (left && right && sameCase) return [left, right];
  }
  return null;
}

const isUpper = (text: string) => !/\p{Ll}/u.test(text);

/** Sections that sidebars hold; the others are the main column's. */
export const SIDEBAR_KINDS = new Set<SectionKind>(["skills", "languages", "education", "contact", "interests", "certifications", "awards"]);
