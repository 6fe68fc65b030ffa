import { stem, stemSet } from "../text/words.js";
import type { Context } from "./answer-context.js";
import type { CvFact } from "./cv-facts.js";
import type { AskedSubject } from "./intent.js";

/** A fact counts as told when most of its words already came up in an earlier answer. */
export function toldBefore(fact: CvFact, answers: string[]): boolean {
  if (fact.stems.length < 3) return false;
  return answers.some((a) => {
    const said = stemSet(a);
    return fact.stems.filter((s) => said.has(s)).length / fact.stems.length >= 0.6;
  });
}

/** What a kind of fact adds to an answer: work done says more than a skills list or a title. */
export const KIND_WEIGHT: Record<CvFact["kind"], number> = {
  achievement: 0.6,
  project: 0.5,
  skills: 0.3,
  role: 0.2,
  summary: 0.1,
  education: 0,
};

/** Stems match when equal or when a short one starts a long one ("deploy" / "deployment"). */
export const stemsMatch = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)));

/** Running people or work: a CV says it with the verb its line opens with ("Led a brigade…"). */
const IN_CHARGE = ["manag", "lead", "led", "ran", "run", "supervis", "oversaw", "overse", "head"];

/** The question's words that name what it is about, as against the verb of being in charge. */
export const subjectWords = (topic: string[]) => topic.filter((s) => !IN_CHARGE.some((g) => stemsMatch(g, s)));

/** Words a question and a CV use for the same thing: "managed a team" is what "Led a brigade" did. */
const SYNONYMS = [
  IN_CHARGE,
  ["team", "brigade", "squad", "department", "staff"],
  ["customer", "client", "guest", "patient", "user"],
  ["mentor", "coach", "train", "taught", "teach"],
  ["test", "quality"],
];
const synonymous = (a: string, b: string) =>
  SYNONYMS.some((group) => group.some((g) => stemsMatch(g, a)) && group.some((g) => stemsMatch(g, b)));
const sameThing = (a: string, b: string) => stemsMatch(a, b) || synonymous(a, b);

export const mentions = (fact: CvFact, term: string) => {
  const t = term.toLowerCase();
  return (
    fact.technologies.some((x) => x.toLowerCase() === t) ||
    [fact.text, fact.organisation ?? "", fact.label ?? ""].some((s) => wholeWord(t).test(s))
  );
};
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wholeWord = (term: string) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, "iu");

export interface Ranked {
  fact: CvFact;
  match: number;
  /** Subject words matched by what the fact is about, not only by its verb: what makes it related. */
  about: number;
  score: number;
}

/**
 * The question's subject words the fact shares. "Managed" counts only against the verb the fact
 * opens with, so "the management team" in a line about reports is not managing a team.
 */
function sharedWords(fact: CvFact, topic: string[]): { all: number; about: number } {
  const opening = stem(fact.text.split(/\s+/)[0]?.toLowerCase() ?? "");
  let all = 0;
  let about = 0;
  for (const s of topic) {
    if (IN_CHARGE.some((g) => stemsMatch(g, s))) {
      if (sameThing(s, opening)) all++;
    } else if (fact.stems.some((f) => sameThing(s, f))) {
      all++;
      about++;
    }
  }
  return { all, about };
}

export function rank(ctx: Context, subject: AskedSubject): Ranked[] {
  return ctx.facts
    .map((fact) => {
      let match = 0;
      for (const t of subject.technologies) if (mentions(fact, t)) match += 4;
      for (const n of subject.names) if (mentions(fact, n)) match += 4;
      const shared = sharedWords(fact, subject.topic);
      match += 1.5 * shared.all;
      // Less than one shared word: a fact told before still wins when it fits the question clearly better.
      const told = (ctx.told.has(fact.text) ? 1.2 : 0) + (ctx.rejected.has(fact.text) ? 5 : 0);
      // A summary or a role line shares words with many questions; the work itself answers them better.
      if (fact.kind === "summary" || fact.kind === "role" || fact.kind === "education") match *= 0.5;
      return { fact, match, about: shared.about, score: match + KIND_WEIGHT[fact.kind] - 0.15 * fact.rank - told };
    })
    .sort((a, b) => b.score - a.score);
}

/** The facts worth telling when the question asks for no particular one: results first. */
export function bestAchievements(ctx: Context): CvFact[] {
  const worth = (f: CvFact) =>
    (f.kind === "achievement" ? 2 : 1) +
    (f.organisation ? 1 : 0) +
    (f.numbers.length ? 1 : 0) -
    0.2 * f.rank -
    (ctx.told.has(f.text) ? 4 : 0) -
    (ctx.rejected.has(f.text) ? 8 : 0);
  return ctx.facts.filter((f) => f.kind === "achievement" || f.kind === "project").sort((a, b) => worth(b) - worth(a));
}

/** Facts about what the previous answer talked about, for a follow-up question. */
export function factsNearLastAnswer(ctx: Context): CvFact[] {
  const last = ctx.input.previousAnswers[ctx.input.previousAnswers.length - 1] ?? "";
  const previous = ctx.facts.filter((f) => (f.kind === "achievement" || f.kind === "project") && toldBefore(f, [last]));
  const orgs = new Set(previous.map((f) => f.organisation).filter(Boolean));
  const techs = new Set(previous.flatMap((f) => f.technologies));
  const untold = bestAchievements(ctx).filter((f) => !ctx.told.has(f.text));
  // The same job first: "tell me more" is about that job, not about another with the same tools.
  return [
    ...untold.filter((f) => f.organisation && orgs.has(f.organisation)),
    ...untold.filter((f) => !(f.organisation && orgs.has(f.organisation)) && f.technologies.some((t) => techs.has(t))),
  ];
}
