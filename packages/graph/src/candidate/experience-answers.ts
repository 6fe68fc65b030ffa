import { rolesOf, type CvFact } from "./cv-facts.js";
import { askedSubject, asksForAttitude, asksForExperience, type AskedSubject } from "./intent.js";
import { chosen, continuing, fill, fresh, prefixNo, reflection, say, spoken, type Context, type Draft } from "./answer-context.js";
import { bestAchievements, escape, factsNearLastAnswer, KIND_WEIGHT, mentions, rank, subjectWords, type Ranked } from "./fact-choice.js";
import { pick } from "./random.js";
import { article, capitalise, listOf, spokenAchievement, spokenTitle, splitResult, vagueAchievement, vagueProject } from "./spoken.js";
import { followUpAnswer } from "./follow-up-answers.js";
import { relatedTechnologies } from "./technology-families.js";
import { straightApostrophes } from "../coaching/question-form.js";
import type { Persona } from "./types.js";
import * as voice from "./voice.js";

const DEFAULT_THRESHOLD = 0.12;

/** Whether the question is a yes/no one: "Have you…?", "Did you…?", or a leading "…, right?". */
const isYesNo = (ctx: Context) =>
  ctx.shape.form === "leading" ||
  (ctx.shape.form === "closed" && /^(?:have|has|do|does|did|are|were|is|can|could|would)\b/i.test(ctx.shape.parts[0]?.trim() ?? ""));

/**
 * Whether the CV covers what was asked. A named technology or employer must appear in a fact.
 * "Have you worked in intensive care?" needs every subject word in one fact before the answer is
 * yes; an open question is answered by work sharing half of them, or by passages the retrieval
 * found relevant enough. The closest fact counts even when an earlier answer already told it.
 */
function covers(ctx: Context, subject: AskedSubject, relevant: Ranked[]): boolean {
  const { input } = ctx;
  if (subject.technologies.length + subject.names.length > 0) return relevant.some((r) => r.match >= 4);
  if (relevant.length === 0) return false;
  const shared = Math.max(...relevant.map((r) => r.match)) / 1.5;
  if (isYesNo(ctx) && asksForExperience(input.question)) return shared >= subject.topic.length;
  const retrievalCovers = input.passages.length > 0 && input.similarity >= (input.similarityThreshold ?? DEFAULT_THRESHOLD);
  return retrievalCovers || shared >= subject.topic.length / 2;
}

/** An answer about the candidate's experience of a subject, or an honest "I haven't". */
export function topic(ctx: Context): Draft {
  const { input } = ctx;
  // Of several questions at once, the first decides what the answer is about.
  const subject = askedSubject(ctx.shape.parts[0] ?? input.question, [input.jobTitle, input.company ?? ""]);
  const absentTech = subject.technologies.filter((t) => !ctx.facts.some((f) => mentions(f, t)));
  const absentNames = subject.names.filter((n) => !ctx.facts.some((f) => mentions(f, n)));
  const relevant = rank(ctx, subject).filter((r) => r.match > 0);
  const named = subject.technologies.length + subject.names.length > 0;
  const yesNo = isYesNo(ctx);
  const covered = covers(ctx, subject, relevant);
  // "How much did it increase revenue?" when the CV gives no such figure: say so rather than guess.
  const noFigure =
    /\bhow (?:much|many)\b|\bwhat (?:percentage|percent|proportion)\b|\bby how much\b/i.test(input.question) &&
    !relevant.some((r) => r.fact.numbers.length > 0 && r.about >= subjectWords(subject.topic).length);

  // "What did you build?" names no subject: the candidate's best work answers it.
  if (!named && subject.topic.length === 0) {
    const work = bestAchievements(ctx);
    if (work.length > 0 && !ctx.followUp) {
      const opener = ctx.repeated ? "As I mentioned earlier," : chosen(ctx, voice.OPENERS);
      const draft = experience(ctx, work, subject);
      return say([opener, ...draft.sentences], draft.used);
    }
  }
  if (ctx.followUp && !named) {
    const near = factsNearLastAnswer(ctx);
    if (near.length > 0 || relevant.length === 0) return followUpAnswer(ctx, near);
  }

  if ((absentTech.length || absentNames.length) && !covered) return missing(ctx, absentTech, absentNames, yesNo);
  // Asked about two things and only one is in the CV: say so, then talk about the other.
  const gaps = absentTech.length || absentNames.length ? admitMissing(ctx, absentTech, absentNames, false) : [];
  if (!covered) return uncovered(ctx, relevant, yesNo);
  const draft = experience(ctx, relevant.map((r) => r.fact), subject);
  const honest = noFigure && ctx.persona !== "evasive" ? [NO_FIGURE[ctx.persona]] : [];
  return say([...gaps, opening(ctx, relevant, yesNo), ...draft.sentences, ...honest], draft.used);
}

const REPEATING: Record<Persona, string> = { strong: "As I mentioned earlier,", average: "Like I said before,", weak: "Like I said,", evasive: "As I was saying," };
const NO_FIGURE: Record<Persona, string> = {
  strong: "I don't have an exact figure for that to hand, so I won't guess one.",
  average: "I don't have the exact number, to be honest.",
  weak: "I'm not sure of the numbers.",
  evasive: "",
};
const AGREEING: Record<Persona, string> = { strong: "Yes.", average: "Yes.", weak: "Yeah, I think so.", evasive: "Oh, definitely." };

/** A sweeping claim: "always", "never", "the best way"… */
const SWEEPING = /\b(?:always|never|every(?:one|thing)?|all|only|best|worst|must|no one|nobody|nothing)\b/i;
const QUALIFIED: Partial<Record<Persona, string>> = { strong: "Not always — it depends on the situation.", average: "Mostly, though it depends." };
/** How a leading question puts its claim: "Wouldn't you say that …", "… , isn't it?" */
const LEAD_IN = /^(?:wouldn't you say|would you say|you'd agree|would you agree|don't you think|do you agree|isn't it true)(?: that)?\s*/i;
const TAG =
  /,?\s*(?:isn't it|aren't they|isn't that so|don't you think|don't you agree|wouldn't you say|wouldn't you agree|would you agree|don't you|didn't you|haven't you|hasn't it|didn't they|don't they|doesn't it|won't it|wouldn't you|agreed|right|correct|no)\s*\?\s*$/i;
/** The claim is about the candidate ("You've always wanted …", "… liked you"), not generic advice ("you should never …"). */
const ABOUT_THE_CANDIDATE = /\b(?:your|yours|yourself)\b|\byou(?:'ve|'re|'d|'ll)?\b(?!\s+(?:should|shouldn't|must|mustn't|need|needn't|can|can't|cannot|have to|ought))/i;

/** A leading question that puts a sweeping view of how work is done (not a claim about the candidate). */
function sweepingView(question: string): boolean {
  const claim = straightApostrophes(question.trim()).replace(LEAD_IN, "").replace(TAG, "");
  return SWEEPING.test(claim) && !ABOUT_THE_CANDIDATE.test(claim);
}

/** Agreement with a leading question's view; a strong or average candidate qualifies a sweeping one. */
function agreeing(ctx: Context): string {
  if (ctx.shape.form === "leading" && sweepingView(ctx.input.question)) return QUALIFIED[ctx.persona] ?? AGREEING[ctx.persona];
  return AGREEING[ctx.persona];
}

/** "Yes." — or "Not quite —" when a leading question puts a number in the candidate's mouth. */
function opening(ctx: Context, relevant: Ranked[], yesNo: boolean): string {
  const { persona, input } = ctx;
  if (yesNo) {
    const claimed = input.question.match(/\d+/g) ?? [];
    const stated = new Set(relevant.flatMap((r) => r.fact.numbers));
    if (claimed.some((n) => !stated.has(n))) return persona === "weak" ? "Um, not exactly," : "Not quite —";
    return { strong: "Yes.", average: "Yes.", weak: "Yeah,", evasive: "In a way, yes." }[persona];
  }
  if (ctx.repeated) return REPEATING[persona];
  return chosen(ctx, voice.OPENERS);
}

/** A technology or employer the CV does not have: admitted, with the closest real thing if any. */
function missing(ctx: Context, technologies: string[], names: string[], yesNo: boolean): Draft {
  const sentences = admitMissing(ctx, technologies, names, yesNo);
  const closest = closestFor(ctx, technologies);
  if (closest) return say([...sentences, closest.sentence], [closest.fact]);
  const employers = rolesOf(ctx.facts).flatMap((r) => (r.organisation ? [r.organisation] : []));
  if (names.length && ctx.persona !== "weak" && employers.length) {
    return say([...sentences, `My experience so far is at ${listOf(employers)}.`]);
  }
  return say([...sentences, chosen(ctx, voice.NOTHING_RELATED)]);
}

/** A subject the CV does not cover: "I haven't" for experience, an approach for "how would you…". */
function uncovered(ctx: Context, relevant: Ranked[], yesNo: boolean): Draft {
  const { input, persona } = ctx;
  if (asksForExperience(input.question) && !asksForAttitude(input.question)) {
    const admission = chosen(ctx, voice.ADMIT_TOPIC);
    const related = relevant.find((r) => r.about > 0);
    const said = yesNo ? prefixNo(admission) : admission;
    if (related && persona !== "weak" && persona !== "evasive") {
      return say([said, continuing("The closest I've come:", spoken(related.fact, ctx, true))], [related.fact]);
    }
    return say([said, chosen(ctx, voice.NOTHING_RELATED)]);
  }
  // "…, isn't it?" puts a view to the candidate: a stance on it first, then how they would go about it.
  const putsAView = asksForAttitude(input.question) || ctx.shape.form === "leading";
  return say([yesNo && putsAView ? agreeing(ctx) : "", chosen(ctx, voice.APPROACH)]);
}

function admitMissing(ctx: Context, technologies: string[], names: string[], sayNo: boolean): string[] {
  const out: string[] = [];
  if (technologies.length) out.push(fill(chosen(ctx, voice.ADMIT_TECH), { x: listOf(technologies) }));
  for (const name of names) {
    const q = ctx.input.question;
    // Said the way it was asked: an employer, a tool, or else without repeating the phrase.
    const employer = new RegExp(`\\b(?:at|for|join|joined)\\s+${escape(name)}\\b`, "i");
    const tool = new RegExp(`\\b(?:used?|using|worked with|work with|know|tried)\\s+${escape(name)}\\b(?![-\\p{L}])`, "iu");
    if (employer.test(q)) out.push(`I haven't worked at ${name}, to be honest.`);
    else if (tool.test(q)) out.push(`I haven't used ${name}, to be honest.`);
    else out.push(chosen(ctx, voice.ADMIT_TOPIC));
  }
  if (sayNo && out[0]) out[0] = prefixNo(out[0]);
  return out.map(capitalise);
}

/** "The closest I've come is Go — …": only when the CV names a technology of the same family. */
function closestFor(ctx: Context, missing: string[]): { sentence: string; fact: CvFact } | undefined {
  if (ctx.persona === "weak" || missing.length === 0) return undefined;
  const available = [...new Set(ctx.facts.flatMap((f) => f.technologies))];
  for (const tech of missing) {
    const neighbour = relatedTechnologies(tech, available)[0];
    if (!neighbour) continue;
    const fact = ctx.facts
      .filter((f) => mentions(f, neighbour))
      .sort((a, b) => KIND_WEIGHT[b.kind] - KIND_WEIGHT[a.kind] || a.rank - b.rank)[0];
    if (!fact) continue;
    if (ctx.persona === "evasive") return { sentence: `I've worked with similar things, like ${neighbour}, though.`, fact };
    return { sentence: continuing(`The closest I've come is ${neighbour} —`, spoken(fact, ctx, true)), fact };
  }
  return undefined;
}

/** The persona telling relevant facts: specific and structured, loose, vague, or evasive. */
function experience(ctx: Context, relevant: CvFact[], subject: AskedSubject): Draft {
  const { persona, random } = ctx;
  const [primary, second] = relevant;
  if (!primary) return say([chosen(ctx, voice.APPROACH)]);
  const asked = [...subject.technologies, ...subject.names].filter((t) => mentions(primary, t));
  switch (persona) {
    case "strong": {
      const namesEmployer = subject.names.some((n) => n.toLowerCase() === primary.organisation?.toLowerCase());
      const sentences = primary.kind === "achievement" ? starAnswer(ctx, primary, namesEmployer) : [spoken(primary, ctx, true)];
      const story = primary.kind === "achievement" || primary.kind === "project";
      // With several questions at once, the next fact belongs to the next question.
      const supporting = second && !ctx.told.has(second.text) && !ctx.shape.multiple ? second : undefined;
      if (supporting) {
        sentences.push(continuing("On top of that,", spoken(supporting, ctx, supporting.organisation !== primary.organisation)));
      }
      // A reflection belongs after a story, not after a list of skills.
      if (story || supporting) sentences.push(reflection(ctx));
      return say(sentences, supporting ? [primary, supporting] : [primary]);
    }
    case "average": {
      const sentences = [spoken(primary, ctx, true)];
      if (random() < 0.5) sentences.push(fresh(ctx, voice.CLOSERS_AVERAGE));
      return say(sentences, [primary]);
    }
    case "weak": {
      const vague =
        primary.kind === "achievement" ? vagueAchievement(primary, random) : primary.kind === "project" ? vagueProject(primary) : undefined;
      const gist = vague ?? (asked.length ? `I've used ${listOf(asked)} a bit.` : "I did a bit of that.");
      const sentences = [gist];
      // The gist keeps the asked-about name when it can; otherwise the candidate at least says it.
      if (asked.length && !asked.every((a) => gist.toLowerCase().includes(a.toLowerCase()))) sentences.push(`That was with ${listOf(asked)}.`);
      sentences.push(fresh(ctx, voice.HEDGES_WEAK));
      if (random() < 0.5) sentences.push(fresh(ctx, voice.DRIFT_WEAK));
      return say(sentences, [primary]);
    }
    case "evasive": {
      const sentences: string[] = [fresh(ctx, voice.DEFLECTIONS)];
      const employer = asked.find((a) => primary.organisation?.toLowerCase() === a.toLowerCase());
      if (employer) sentences.unshift(`My time at ${employer} taught me a lot.`);
      else if (asked.length) sentences.unshift(`${capitalise(listOf(asked))} has definitely been part of my work.`);
      sentences.push(fresh(ctx, voice.PIVOTS));
      return say(sentences, asked.length ? [primary] : []);
    }
  }
}

/** Situation, action, result: where it was, what the candidate did, what it changed. */
function starAnswer(ctx: Context, fact: CvFact, namesEmployer = false): string[] {
  const { result } = splitResult(fact.text);
  const sentences: string[] = [];
  if (fact.organisation) {
    const title = fact.title ? `${article(spokenTitle(fact.title))} ${spokenTitle(fact.title)}` : "";
    const was = fact.period?.current ? "I'm" : "I was";
    const role = title ? `, where ${was} ${title}` : "";
    sentences.push(
      namesEmployer && title
        ? `At ${fact.organisation}, ${was} ${title}.`
        : pick(ctx.random, [
            `The clearest example is from ${fact.organisation}${role}.`,
            `A good example is my time at ${fact.organisation}${role}.`,
          ]),
    );
  }
  sentences.push(spokenAchievement(fact, ctx.random, { frame: false, withResult: false }));
  if (result) sentences.push(`${capitalise(result)}.`);
  return sentences;
}
