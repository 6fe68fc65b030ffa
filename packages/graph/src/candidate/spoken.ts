import { findTechnologies } from "../text/lexicon.js";
import type { CvFact } from "./cv-facts.js";
import { pick, type Random } from "./random.js";

/** Past forms a CV bullet often opens with that do not end in -ed. */
const IRREGULAR_PAST = new Set(
  ("led built ran wrote made grew cut won set taught drove took brought kept met sold found began oversaw spoke gave held " +
    "became chose rebuilt rewrote undertook put sped spent stood upheld hit shut broke read forecast").split(" "),
);
const PAST_OF: Record<string, string> = {
  lead: "led", build: "built", run: "ran", write: "wrote", make: "made", grow: "grew", cut: "cut", win: "won", set: "set",
  teach: "taught", drive: "drove", take: "took", bring: "brought", keep: "kept", meet: "met", sell: "sold", find: "found",
  begin: "began", oversee: "oversaw", speak: "spoke", give: "gave", hold: "held", become: "became", choose: "chose",
  plan: "planned", ship: "shipped", stop: "stopped",
};
/** Verbs a CV line starts with in the present ("Manage a team of 6", "Leads the sauce section"). */
const BASE_VERBS = new Set(
  ("lead manage build design run own develop maintain teach train mentor coordinate support deliver oversee write create plan " +
    "organise organize handle care prepare cook sell drive work help implement define prioritise prioritize launch ship grow cut " +
    "reduce improve increase introduce establish set negotiate close triage administer monitor assess supervise coach hire recruit " +
    "analyse analyze research test review migrate automate optimise optimize redesign deploy operate serve greet process produce " +
    "present report partner collaborate facilitate scale architect engineer look oversee").split(" "),
);
/** Lines that read as a state, not an action: "Responsible for…", "Part of the team that…". */
const STATE_START = /^(?:responsible|involved|part|member|promoted|awarded|selected|nominated|recogni[sz]ed|tasked|chosen|appointed|invited|trusted|accountable|certified|named|shortlisted|registered)\b/i;
/** ", cutting deploy time…" becomes " — that cut deploy time…": a result said aloud. */
const RESULT_CLAUSE =
  /,?\s+(cutting|reducing|increasing|improving|saving|raising|lowering|growing|boosting|halving|doubling|bringing|taking|lifting|shrinking|trimming|dropping|resulting in|which (?:cut|reduced|increased|improved|saved|raised|lowered|grew|boosted|halved|doubled|brought|took|lifted|meant|led to))\b\s*/i;
const GERUND_PAST: Record<string, string> = {
  cutting: "cut", reducing: "reduced", increasing: "increased", improving: "improved", saving: "saved", raising: "raised",
  lowering: "lowered", growing: "grew", boosting: "boosted", halving: "halved", doubling: "doubled", bringing: "brought",
  taking: "took", lifting: "lifted", shrinking: "shrank", trimming: "trimmed", dropping: "dropped", "resulting in": "resulted in",
};
/** Things of a workplace that its people call "our": "our dispatch service", "our ward". */
const WORK_NOUNS =
  "team|service|platform|app|product|system|kitchen|ward|department|restaurant|school|store|site|website|pipeline|brigade|unit|" +
  "class|clinic|menu|roadmap|funnel|codebase|api|dashboard|hotel|bar|floor";

/** Lexicon names that are also ordinary words of a job title ("Head Chef", "Sales Lead"). */
const PLAIN_WORDS = /^(?:chef|lead|sales|security|leadership|marketing|hiring|mentoring|budgeting)$/i;
const isAcronymOrName = (raw: string) => {
  const word = raw.replace(/[^\p{L}\p{N}+#.]+$/u, "");
  return /[A-Z].*[A-Z]/.test(word) || /^[A-Z][a-z]+[A-Z]/.test(word) || (!PLAIN_WORDS.test(word) && findTechnologies(word).length > 0);
};

const lowerFirst = (text: string) => {
  const [first = "", ...rest] = text.split(" ");
  return [isAcronymOrName(first) ? first : first.toLowerCase(), ...rest].join(" ");
};

/** Upper-cases the first letter, except of names written in lower case first ("iOS", "eBay"). */
export const capitalise = (text: string) => (/^[a-z]+[A-Z]/.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1));

/** "a" or "an" for a phrase, reading abbreviations letter by letter ("an SRE", "a UX designer", "an MSc"). */
export function article(phrase: string): "a" | "an" {
  const word = phrase.trim().split(/\s+/)[0] ?? "";
  const abbreviation = /[A-Z].*[A-Z]/.test(word) || /^[A-Z](?:Sc|Eng|Phil|Res|Ed)$/.test(word);
  if (abbreviation) return /^[AEFHILMNORSX]/.test(word) ? "an" : "a";
  return /^(?:[aeio]|u(?!ni|s[aeu]|r[aeiou]|til))/i.test(word) && !/^(?:one|eu)/i.test(word) ? "an" : "a";
}

/** Job titles said in a sentence: "senior backend engineer", "head of English", "UX designer". */
export function spokenTitle(title: string): string {
  const words = title.trim().split(/\s+/);
  const out: string[] = [];
  let keep = false;
  for (const word of words) {
    out.push(keep || isAcronymOrName(word) ? word : word.toLowerCase());
    if (/^(?:of|in|for)$/i.test(word)) keep = true;
  }
  return out.join(" ");
}

export function listOf(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The action of a CV line and, when it states one, its result said as "that cut…". */
export function splitResult(text: string): { action: string; result?: string } {
  // "Owns the roadmap; grew activation 18%": what follows the semicolon is what came of it.
  const [main = text, ...more] = text.split(/\s*;\s*/);
  if (more.length && main.length >= 8) return { action: main, result: more.map((m) => firstPerson(m, false)).join(", and ") };
  const m = RESULT_CLAUSE.exec(text);
  if (!m || m.index < 8) return { action: text };
  const verb = m[1]!.toLowerCase();
  const past = GERUND_PAST[verb] ?? verb.replace(/^which /, "");
  const rest = text.slice(m.index + m[0].length).trim();
  return rest ? { action: text.slice(0, m.index).trim(), result: `that ${past} ${rest}` } : { action: text };
}

/** A CV line in the first person: "Led the migration…" → "I led the migration…". */
export function firstPerson(text: string, current: boolean): string {
  const t = text.trim().replace(/[.;]+$/, "");
  const [first = "", ...rest] = t.split(/\s+/);
  const word = first.toLowerCase();
  const tail = rest.join(" ");
  if (/^(?:i|we|my|our)$/.test(word)) return capitalise(t);
  if (STATE_START.test(t)) {
    if (/^(?:member)$/.test(word)) return `I was a ${lowerFirst(t)}`;
    return `${current ? "I'm" : "I was"} ${lowerFirst(t)}`;
  }
  if (IRREGULAR_PAST.has(word) || (/ed$/.test(word) && word.length > 3)) return `I ${word} ${tail}`.trim();
  const base = BASE_VERBS.has(word)
    ? word
    : [word.replace(/ies$/, "y"), word.replace(/es$/, ""), word.replace(/s$/, "")].find((b) => b !== word && BASE_VERBS.has(b));
  if (base) {
    const past = PAST_OF[base] ?? (base.endsWith("e") ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`);
    return `I ${current ? base : past} ${tail}`.trim();
  }
  if (/^\d|^(?:zero|no)\b/i.test(t)) return `One result I'm proud of: ${lowerFirst(t)}`;
  const phrase = /^(?:a|an|the)\b/i.test(t) ? lowerFirst(t) : `the ${lowerFirst(t)}`;
  return `I worked on ${phrase}`;
}

/** "the dispatch service" → "our dispatch service": how people speak about their own workplace. */
const ourify = (text: string) => text.replace(new RegExp(`\\bthe ((?:[\\w-]+ ){0,2}?(?:${WORK_NOUNS}))\\b`, "i"), "our $1");

function frameFor(fact: CvFact, random: Random): string {
  if (!fact.organisation) return "";
  const org = fact.organisation;
  const frames = fact.period?.current
    ? [`At ${org}, `, `In my current role at ${org}, `, `At ${org}, where I am now, `]
    : [`At ${org}, `, `When I was at ${org}, `, `Back at ${org}, `, `During my time at ${org}, `];
  return pick(random, frames);
}

const joinFrame = (frame: string, sentence: string) => (frame ? `${frame}${sentence}` : capitalise(sentence));

export interface SpokenOptions {
  /** Open with where it happened ("At Parcelly, …"). */
  frame: boolean;
  /** Keep the stated result; a vague speaker drops it. */
  withResult: boolean;
}

/** An achievement or project said in the first person, with its result as a separate clause. */
export function spokenAchievement(fact: CvFact, random: Random, options: SpokenOptions): string {
  const { action, result } = splitResult(fact.text);
  const current = fact.period?.current ?? false;
  let sentence = firstPerson(fact.organisation ? ourify(action) : action, current);
  if (result && options.withResult) sentence += ` — ${result}`;
  return `${joinFrame(options.frame ? frameFor(fact, random) : "", sentence)}.`;
}

export function spokenRole(fact: CvFact, opening: boolean): string {
  const title = fact.title ? `${article(spokenTitle(fact.title))} ${spokenTitle(fact.title)}` : "";
  const where = fact.organisation ? ` at ${fact.organisation}` : "";
  const period = fact.period;
  if (period?.current) return `${title ? `I'm ${title}${where}` : `I've been${where}`} — I've been there since ${period.start}.`;
  const lead = opening ? "I was" : "Before that, I was";
  if (!title) return `${lead}${where || " there"}${period ? ` from ${period.start} to ${period.end}` : ""}.`;
  return `${lead} ${title}${where}${period ? ` from ${period.start} to ${period.end}` : ""}.`;
}

/** A skills line said aloud; the items the question asked about come first, so they are never cut. */
export function spokenSkills(fact: CvFact, asked: string[] = []): string {
  const first = (i: string) => (asked.some((a) => i.toLowerCase().includes(a.toLowerCase())) ? 0 : 1);
  const items = [...fact.items].sort((a, b) => first(a) - first(b)).slice(0, 4);
  const list = listOf(items);
  const label = fact.label?.toLowerCase() ?? "";
  if (!list) return "";
  if (label === "spoken languages") return `I speak ${list}.`;
  if (/language/.test(label)) return `I mostly work in ${list}.`;
  if (/infra|cloud|devops|platform|ops/.test(label)) return `On the infrastructure side, I've used ${list}.`;
  if (/data|database|storage/.test(label)) return `For data, I've worked with ${list}.`;
  if (/front/.test(label)) return `On the front end, I've used ${list}.`;
  if (/test|quality/.test(label)) return `For testing, I've used ${list}.`;
  if (/tool/.test(label)) return `The tools I use most are ${list}.`;
  if (label) return `On the ${label} side, I'm confident with ${list}.`;
  return `I've worked with ${list}.`;
}

export function spokenProject(fact: CvFact, random: Random): string {
  const description = fact.text.replace(/[.;]+$/, "");
  const startsWithVerb = /^(?:[A-Z][a-z]+ed|Built|Wrote|Ran|Led|Made|Taught|Grew|Won)\b/.test(description);
  if (startsWithVerb) return `${fact.label ? `For ${fact.label}, ` : ""}${firstPerson(description, false)}.`;
  const phrase = /^(?:a|an|the|my|our)\b/i.test(description)
    ? lowerFirst(description)
    : `${article(description)} ${lowerFirst(description)}`;
  if (!fact.label) return `One project I worked on was ${phrase}.`;
  return pick(random, [`I also worked on ${fact.label}, ${phrase}.`, `On the side, I built ${fact.label} — ${phrase}.`]);
}

export function spokenEducation(fact: CvFact): string {
  const parts = fact.text.split(/\s*[,|–—]\s*|\s+-\s+/).map((p) => p.replace(/\(?\b(?:19|20)\d{2}\b\)?/g, "").trim()).filter(Boolean);
  const degree = parts[0] ?? fact.text;
  const place = parts.slice(1).find((p) => /universit|college|school|institute|academy|polytechnic/i.test(p));
  if (!place) return `I have ${article(degree)} ${degree}.`;
  return `I did ${article(degree)} ${degree} at ${/^university of/i.test(place) ? "the " : ""}${place}.`;
}

export function spokenSummary(fact: CvFact): string {
  const sentence = (fact.text.split(/(?<=\.)\s+/)[0] ?? fact.text).replace(/[.]+$/, "");
  const t = sentence.replace(/\s+[—–·|]\s+/g, ", ").replace(/,\s*(\d)/, ", with $1");
  if (/^I\b/.test(t)) return `${t}.`;
  if (/^\d/.test(t)) return `I have ${t}.`;
  const words = t.split(/\s+/);
  // The title at the start is said in lower case: "Senior Backend Engineer with…" → "a senior backend engineer with…".
  let i = 0;
  while (i < words.length && /^[A-Z]/.test(words[i]!) && !isAcronymOrName(words[i]!)) i++;
  const spoken = [...words.slice(0, i).map((w) => w.toLowerCase()), ...words.slice(i)].join(" ");
  if (/^\w+ (?:about|by|to|in|with|for)\b/i.test(spoken) && !/^\w+ (?:with)\b/i.test(spoken)) return `I'm ${spoken}.`;
  return `I'm ${article(spoken)} ${spoken}.`;
}

/** Words a vague speaker uses instead of claiming to have led, designed or built something. */
const STRONG_VERB =
  /^I (?:led|designed|built|architected|owned|launched|drove|created|introduced|developed|delivered|implemented|redesigned|established|ran|managed|spearheaded|rebuilt|wrote|set up|migrated|automated)\b/;
const DANGLING = /\s+(?:handling|with|of|by|to|from|for|at|in|on|and|processing|serving|across|over|under|up|a|an|the|around|about|than|per|into|some|more|less|nearly|almost|over|only|every|each)$/i;

/** The gist of a fact without its numbers or results: what a weak candidate remembers of it. */
export function vagueAchievement(fact: CvFact, random: Random): string | undefined {
  // The gist stops at the first qualifier: a comma, a semicolon or a number.
  const action = splitResult(fact.text).action.split(/\s*[;,]\s*|\s[—–]\s/)[0] ?? "";
  const words: string[] = [];
  for (const w of action.split(/\s+/)) {
    if (/\d|%|£|\$|€/.test(w)) break;
    words.push(w);
  }
  let head = words.join(" ");
  for (let previous = ""; previous !== head; ) {
    previous = head;
    head = head.replace(/[\s,;:(—–-]+$/, "").replace(DANGLING, "");
  }
  if (head.split(/\s+/).length < 2) return undefined;
  const sentence = firstPerson(fact.organisation ? ourify(head) : head, fact.period?.current ?? false).replace(
    STRONG_VERB,
    pick(random, ["I helped with", "I worked on", "I was involved in"]),
  );
  return `${fact.organisation ? `At ${fact.organisation} ` : ""}${fact.organisation ? sentence : capitalise(sentence)}.`;
}

/** A project as a weak candidate mentions it: its name and what it roughly is. */
export function vagueProject(fact: CvFact): string | undefined {
  if (!fact.label) return undefined;
  const head = fact.text.split(/\s+(?:written|built|using|with|for|in|that|which|on)\b/)[0]?.replace(/[.;,]+$/, "").trim() ?? "";
  if (!head) return `I worked on ${fact.label} a bit.`;
  const phrase = /^(?:a|an|the)\b/i.test(head) ? lowerFirst(head) : `${article(head)} ${lowerFirst(head)}`;
  return `I worked on ${fact.label} — ${phrase}.`;
}
