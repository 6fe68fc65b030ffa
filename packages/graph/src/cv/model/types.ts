/** The typed reading of a CV that questions are built from. */

export const SECTION_KINDS = [
  "experience", "projects", "education", "skills", "summary", "certifications", "languages", "awards",
  "publications", "volunteering", "interests", "contact", "other",
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export interface CvSection {
  /** The heading as written ("Professional Experience"). */
  heading: string;
  kind: SectionKind;
  /** Body lines, cleaned, wrapped lines joined. */
  lines: string[];
}

/** A point in time as résumés give it: a year, and a month (1–12) when one is given. */
export interface YearMonth {
  year: number;
  month?: number;
}
export type CvDate = YearMonth | "present";

export interface DateRange {
  start?: YearMonth;
  /** A single date ("Jun. 2020") ends where it starts. */
  end?: CvDate;
  /** The text the range was read from. */
  text: string;
}

export interface Contact {
  emails: string[];
  phones: string[];
  links: string[];
  location?: string;
}

/** One achievement line, cleaned, with the parts a question can use. */
export interface Bullet {
  /** The cleaned sentence: no bullet glyph, whitespace and hyphenation repaired. */
  text: string;
  /** The leading verb, lower case ("led", "designed"), when the line starts with one. */
  action?: string;
  /** What was acted on ("the migration of the dispatch service to Kubernetes"). */
  object?: string;
  technologies: string[];
  /** Figures the line gives ("from 40 to 6 minutes", "12k messages per second", "30%", "$2M"). */
  metrics: string[];
}

export interface ExperienceEntry {
  title?: string;
  organisation?: string;
  location?: string;
  start?: YearMonth;
  end?: CvDate;
  bullets: Bullet[];
  /** "volunteering" for unpaid roles listed under their own heading. */
  section: "experience" | "volunteering";
}

export interface ProjectEntry {
  name: string;
  description?: string;
  technologies: string[];
  bullets: Bullet[];
  link?: string;
  start?: YearMonth;
  end?: CvDate;
}

export interface EducationEntry {
  institution?: string;
  degree?: string;
  field?: string;
  location?: string;
  start?: YearMonth;
  end?: CvDate;
}

export const SKILL_KINDS = ["language", "framework", "datastore", "cloud", "tool", "practice", "soft_skill", "other"] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];
export type SkillsByKind = Record<SkillKind, string[]>;

export interface CvModel {
  /** The candidate's name, without honorifics ("Helena Moss"). */
  name?: string;
  /** The name line exactly as the CV has it ("Dr. Helena Moss", "Camille Dubois - Head Pastry Chef"). */
  nameLine?: string;
  /** The candidate's own one-line title ("Senior Backend Engineer"). */
  headline?: string;
  contact: Contact;
  summary?: string;
  sections: CvSection[];
  experience: ExperienceEntry[];
  projects: ProjectEntry[];
  education: EducationEntry[];
  skills: SkillsByKind;
  /** Spoken languages ("French (native)"). */
  languages: string[];
  certifications: string[];
  /** Every technology the CV names (lexicon), in order of first appearance. */
  technologies: string[];
}
