import type { CvProfile } from "../types.js";
import { findTechnologies } from "../text/lexicon.js";

const HEADINGS: Record<keyof CvProfile | "other", RegExp> = {
  skills: /^(technical\s+)?(skills|competencies|core competencies|technologies|tech stack|tools)\b/i,
  employers: /^(work\s+|professional\s+)?(experience|employment( history)?|career)\b/i,
  projects: /^(selected\s+|personal\s+|side\s+|key\s+)?projects?\b/i,
  technologies: /^$/,
  other: /^(education|certifications?|summary|profile|about|languages|interests|awards|publications|references)\b/i,
};

const ROLE_WORDS =
  /\b(engineer|developer|manager|analyst|designer|lead|intern|consultant|scientist|architect|director|administrator|specialist|officer|head|founder|cto|ceo|vp|programmer|researcher|associate)\b/i;
const DATE_RANGE = /\b(19|20)\d{2}\b|\bpresent\b|\bcurrent\b/i;

type Section = keyof CvProfile | "other" | "none";

/** A heading line ("Experience", "## Projects", "Skills: Go, SQL"); sub-labels like "Languages: Go" are not. */
function headingOf(line: string): { section: Section; inline: string } | null {
  const [head = "", ...rest] = line.split(":");
  const clean = head.replace(/[#*_|]+/g, "").trim();
  const inline = rest.join(":").trim();
  if (!clean || clean.split(/\s+/).length > 4) return null;
  for (const [name, re] of Object.entries(HEADINGS) as [Section, RegExp][]) {
    if (name === "technologies" || !re.test(clean)) continue;
    if (inline && name !== "skills") return null;
    return { section: name, inline };
  }
  return null;
}

const unique = (items: string[], limit: number) => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of items) {
    const item = raw.replace(/\s+/g, " ").trim();
    const key = item.toLowerCase();
    if (item.length < 2 || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
};

const stripBullet = (line: string) => line.replace(/^[\s•\-*–·▪◦●]+/, "").trim();

function employerFrom(line: string): string | null {
  const at = /\b(?:at|@)\s+([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})/.exec(line);
  if (at?.[1]) return at[1];
  const parts = line
    .split(/\s+[—–|,-]\s+|\s*[|—–]\s*/)
    .map((p) => p.trim())
    .filter((p) => p && !DATE_RANGE.test(p));
  if (parts.length < 2) return null;
  const company = parts.find((p) => !ROLE_WORDS.test(p) && /^[A-Z]/.test(p) && p.length <= 40);
  return company ?? null;
}

function projectFrom(line: string): string | null {
  const name = stripBullet(line).split(/\s*(?::|\s[—–-]\s|\()\s*/)[0]?.trim() ?? "";
  if (name.length < 3 || name.length > 60 || DATE_RANGE.test(name)) return null;
  return name;
}

/** Skills, technologies, projects and employers found in CV text (sections + technology lexicon). */
export function extractCvProfile(text: string): CvProfile {
  const skills: string[] = [];
  const projects: string[] = [];
  const employers: string[] = [];
  let section: Section = "none";
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    const heading = headingOf(line);
    if (heading) {
      section = heading.section;
      if (heading.inline) skills.push(...heading.inline.split(/[,;|•·]/));
      continue;
    }
    if (section === "skills") {
      const items = stripBullet(line).replace(/^[^:]{1,30}:\s*/, "");
      skills.push(...items.split(/[,;|•·]/));
    } else if (section === "projects") {
      const isTitle = !/^[•\-*–·▪◦●]/.test(rawLine.trim()) || line.includes(":");
      const name = isTitle ? projectFrom(line) : null;
      if (name && !/[.]$/.test(name)) projects.push(name);
    } else if (section === "employers") {
      if (DATE_RANGE.test(line) || ROLE_WORDS.test(line)) {
        const employer = employerFrom(line);
        if (employer) employers.push(employer);
      }
    }
  }
  for (const m of text.matchAll(/\b(?:engineer|developer|intern|analyst|manager|lead)\s+at\s+([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})/g)) {
    if (m[1]) employers.push(m[1]);
  }
  return {
    skills: unique(skills.filter((s) => s.trim().length <= 40), 30),
    technologies: unique(findTechnologies(text), 40),
    projects: unique(projects, 10),
    employers: unique(employers, 10),
  };
}

export const emptyProfile = (): CvProfile => ({ skills: [], technologies: [], projects: [], employers: [] });
