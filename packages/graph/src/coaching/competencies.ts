import { roleSkills } from "../plan.js";
import { findTechnologies } from "../text/lexicon.js";
import { contentWords, keyTerms, stem } from "../text/words.js";

/** What a question about each general competency tends to say. */
const GENERAL_CUES: Record<string, RegExp> = {
  communication:
    /\b(?:explain\w*|present\w*|communicat\w*|stakeholders?|audience|non-technical|written|documentation|convinc\w*|persuad\w*|difficult conversation|bad news|influenc\w*)\b/i,
  collaboration:
    /\b(?:team ?mates?|colleagues?|collaborat\w*|cross-functional|together|conflicts?|disagree\w*|peers?|pair(?:ing)?|work(?:ed|ing)? with (?:other|another|the) (?:team|department)|across (?:teams|cultures|departments))\b/i,
  "problem solving":
    /\b(?:problems?|debug\w*|troubleshoot\w*|solv\w*|root cause|incidents?|outages?|difficult|obstacles?|stuck|unexpected|went wrong|figure(?:d)? out|diagnos\w*)\b/i,
  leadership: /\b(?:led|lead(?:ing)?|mentor\w*|coach\w*|manag\w* (?:a|the|your) (?:team|people)|delegat\w*|motivat\w* (?:a|the|your) team|hir(?:e|ed|ing)|grow(?:ing)? (?:the|your) team|vision)\b/i,
  ownership:
    /\b(?:own(?:ed|ership)?|responsib\w*|accountab\w*|initiative|mistakes?|fail(?:ed|ure)?|deadlines?|deliver\w*|prioriti[sz]\w*|follow(?:ed)? through|on your own)\b/i,
  "technical depth":
    /\b(?:design(?:ed)?|architect\w*|scal\w*|trade-?offs?|performance|implement\w*|internals|under the hood|optimi[sz]\w*|algorithms?|data structures?|how does .* work|latency|throughput)\b/i,
  motivation:
    /\b(?:why (?:this|do you want|are you (?:leaving|interested|applying)|us|here|did you (?:apply|leave|choose))|motivat\w*|interest(?:s|ed) you|excit\w*|career|goals?|see yourself|drives? you|passion\w*|looking for in)\b/i,
};

const TECHNICAL_ROLE = /\b(?:engineer\w*|develop\w*|programm\w*|data|scien\w*|devops|sre|architect|analyst|ml|machine learning|technical|software|security|infrastructure)\b/i;
const SENIOR_ROLE = /\b(?:lead|senior|staff|principal|head|manager|director|chief|mentor\w*|managing)\b/i;

/** Generic words a job advert repeats that are not competencies. */
const ADVERT_WORDS = new Set(
  ["experience", "team", "role", "work", "working", "join", "looking", "skills", "ability", "strong", "years", "company",
    "opportunity", "candidate", "including", "across", "help", "responsible", "requirements", "building", "build", "using",
    "based", "within", "new", "great", "knowledge", "understanding", "excellent", "must", "will", "able", "day", "support"],
);

const uniqueCaseless = (items: string[]) => {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = i.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * The competencies an interview for this job should probe: the ones given, or the job's main
 * technologies and repeated key terms, the role's usual skills, and the general ones every
 * interview should cover.
 */
export function interviewCompetencies(jobTitle: string, jobDescription?: string, given?: string[]): string[] {
  if (given?.some((c) => c.trim())) return uniqueCaseless(given.map((c) => c.trim()));
  const description = jobDescription ?? "";
  const technologies = findTechnologies(`${jobTitle}\n${description}`).slice(0, 3);
  const repeated = description
    ? keyTerms(description, 12).filter((w) => {
        const count = contentWords(description).filter((x) => x === w).length;
        return count >= 2 && !ADVERT_WORDS.has(w) && !technologies.some((t) => t.toLowerCase() === w);
      })
    : [];
  const general = ["communication", "collaboration", "problem solving", "ownership", "motivation"];
  const context = `${jobTitle} ${description}`;
  if (SENIOR_ROLE.test(context)) general.push("leadership");
  if (TECHNICAL_ROLE.test(context) || technologies.length > 0) general.push("technical depth");
  return uniqueCaseless([...technologies, ...repeated.slice(0, 2), ...roleSkills(jobTitle), ...general]);
}

const ALIASES: Record<string, string> = { teamwork: "collaboration", "team work": "collaboration", "problem-solving": "problem solving" };

/** The cue of a general competency, also when it is worded "communication skills" or "teamwork". */
function cueFor(key: string): RegExp | undefined {
  const name = ALIASES[key] ?? key.replace(/-/g, " ");
  return GENERAL_CUES[name] ?? Object.entries(GENERAL_CUES).find(([general]) => name.includes(general))?.[1];
}

/** Two stems match when equal, or when a short one starts a long one ("scal" / "scalability"). */
const stemsMatch = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)));

/** The competency a question probes best, if any: named technologies first, then cue words and name overlap. */
export function competencyOf(question: string, competencies: string[]): string | undefined {
  const questionTech = new Set(findTechnologies(question).map((t) => t.toLowerCase()));
  const questionStems = contentWords(question).map(stem);
  let best: { competency: string; score: number } | undefined;
  for (const competency of competencies) {
    const key = competency.toLowerCase();
    let score = 0;
    if (questionTech.has(key)) score += 3;
    if (cueFor(key)?.test(question)) score += 2;
    const nameStems = contentWords(competency).map(stem);
    score += nameStems.filter((n) => questionStems.some((q) => stemsMatch(n, q))).length;
    if (score > 0 && (!best || score > best.score)) best = { competency, score };
  }
  return best?.competency;
}
