import { roleSkills } from "../../../plan.js";
import { findTechnologies } from "../../../text/lexicon.js";
import type { CvFact } from "../../../cv/model/facts.js";
import type { JobInfo } from "./types.js";

/** Whether a job or a piece of work is software/IT work ("tech") or another trade. */
export type Domain = "tech" | "trade";

const TECH_TITLE =
  /\b(?:software|developer|engineer(?:ing)?|devops|sre|site reliability|data|machine learning|ml|ai|programmer|architect|it|security|cloud|infrastructure|platform|backend|back-end|frontend|front-end|full[- ]?stack|mobile|ios|android|qa|test|web|systems|database|network)\b/i;
/** Lexicon entries that are not software ("Budgeting", "Leadership"): they do not make work technical. */
const NON_TECH_TERMS = new Set([
  "budgeting", "leadership", "mentoring", "hiring", "project management", "product management", "stakeholder management",
  "negotiation", "public speaking", "technical writing", "customer success", "sales", "marketing", "excel", "statistics",
  "user research", "ux research", "design systems", "accessibility", "figma", "chef", "agile", "scrum", "kanban", "jira",
]);

const techTerms = (terms: string[]) => terms.filter((t) => !NON_TECH_TERMS.has(t.toLowerCase()));

export function jobDomain(job: JobInfo): Domain {
  if (TECH_TITLE.test(job.title)) return "tech";
  return techTerms(findTechnologies(`${job.title} ${job.description ?? ""}`)).length >= 2 ? "tech" : "trade";
}

export function factDomain(fact: CvFact | undefined): Domain | undefined {
  if (!fact) return undefined;
  if (techTerms(fact.technologies).length) return "tech";
  if (fact.kind === "skill") return fact.skillKind === "soft_skill" || fact.skillKind === "other" ? "trade" : "tech";
  const title = fact.kind === "bullet" || fact.kind === "role" ? fact.role.title ?? "" : fact.project.name;
  return TECH_TITLE.test(title) ? "tech" : "trade";
}

/** Skills a role of this kind needs, trades included (plan.ts covers software and office roles). */
const TRADE_SKILLS: [RegExp, string[]][] = [
  [/\b(?:pastry|pâtissier|patissier|baker|bakery|chocolatier)\b/i, ["dessert menu development", "viennoiserie and lamination", "food safety and allergen control", "pastry kitchen organisation"]],
  [/\b(?:chef|cook|kitchen|culinary|sous)\b/i, ["menu development", "food safety", "kitchen organisation", "food cost control"]],
  [/\b(?:nurse|nursing|midwife|care)\b/i, ["patient safety", "clinical prioritisation", "handover communication", "care planning"]],
  [/\b(?:teacher|lecturer|tutor|teaching)\b/i, ["lesson planning", "assessment", "classroom management", "differentiated teaching"]],
  [/\b(?:financ|accountant|account|controller|audit)\w*/i, ["financial forecasting", "budget management", "month-end close", "financial reporting"]],
  [/\b(?:research|scientist|ecolog|biolog)\w*/i, ["study design", "data analysis", "grant writing", "communicating findings"]],
  [/\b(?:designer|design|ux|ui)\b/i, ["user research", "design systems", "prototyping", "usability testing"]],
  [/\b(?:sales|account executive|business development)\b/i, ["pipeline management", "negotiation", "discovery calls", "forecasting"]],
];

export function skillsForRole(title: string): string[] {
  if (!TECH_TITLE.test(title) || /research|scien/i.test(title)) {
    const trade = TRADE_SKILLS.find(([re]) => re.test(title))?.[1];
    if (trade && !/data scien/i.test(title)) return trade;
  }
  return roleSkills(title);
}
