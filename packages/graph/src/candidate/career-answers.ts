import { article, listOf, spokenAchievement, spokenRole, spokenSkills, spokenSummary, spokenTitle } from "./spoken.js";
import { chosen, continuing, fresh, lowerStart, say, type Context, type Draft } from "./answer-context.js";
import { rolesOf, type CvFact } from "./cv-facts.js";
import { bestAchievements } from "./fact-choice.js";
import * as voice from "./voice.js";

export function motivation(ctx: Context): Draft {
  const { persona, random, input } = ctx;
  const roles = rolesOf(ctx.facts);
  const current = roles[0];
  const first = roles[roles.length - 1];
  const best = bestAchievements(ctx)[0];
  if (persona === "weak" || persona === "evasive" || !current) return say([chosen(ctx, voice.MOTIVATION_FALLBACK)]);
  const titled = (r: CvFact) => (r.title ? `${article(spokenTitle(r.title))} ${spokenTitle(r.title)}` : "");
  const at = (r: CvFact) => (r.organisation ? ` at ${r.organisation}` : "");
  const leaving = /\bwhy (?:are you leaving|did you leave|do you want to leave|change)\b/i.test(input.question);
  if (persona === "average") {
    return say(
      [
        `I've been ${titled(current) || "working"}${at(current)} for a while now, and this role fits what I've been doing.`,
        leaving ? "I'm not unhappy — I'm just ready for a new challenge." : "I'm ready for a new challenge.",
      ],
      [current],
    );
  }
  const path =
    first && first !== current && first.title && current.title
      ? `I've gone from ${titled(first)}${at(first)} to ${titled(current)}${at(current)}`
      : `I've been ${titled(current) || "working"}${at(current)}${current.period ? ` since ${current.period.start}` : ""}`;
  const sentences = leaving
    ? [`${path}, and I've learnt a lot.`, "I'm leaving for the next step, not running away from anything: this role is a chance to take on more."]
    : [`Looking at my path — ${lowerStart(path)} — this ${input.jobTitle} role is the natural next step.`];
  const used = [current, ...(first && first !== current ? [first] : [])];
  if (best) {
    const told = spokenAchievement(best, random, { frame: true, withResult: false });
    sentences.push(continuing("The work I've enjoyed most is like this:", told));
    sentences.push("I'd like to do more of that, with a team that cares about doing it well.");
    used.push(best);
  }
  return say(sentences, used);
}

export function introduction(ctx: Context): Draft {
  const { persona, random, input } = ctx;
  // The Summary section says it better than the headline above it.
  const headlineLast = (a: CvFact, b: CvFact) => Number(a.label === "headline") - Number(b.label === "headline") || a.rank - b.rank;
  const summary = ctx.facts.filter((f) => f.kind === "summary").sort(headlineLast)[0];
  const current = rolesOf(ctx.facts)[0];
  const best = bestAchievements(ctx)[0];
  if (persona === "evasive" || (!summary && !current)) return say([chosen(ctx, voice.INTRODUCTION_FALLBACK)]);
  if (persona === "weak") {
    const line = current ? spokenRole(current, true) : spokenSummary(summary!);
    return say([line.replace(/ — I've been there since \d{4}/, ""), "That's about it, really."], [current ?? summary!]);
  }
  const sentences: string[] = [];
  const used: CvFact[] = [];
  if (summary) {
    sentences.push(spokenSummary(summary));
    used.push(summary);
  }
  if (current) {
    const title = current.title ? `${article(spokenTitle(current.title))} ${spokenTitle(current.title)}` : "working";
    const where = current.organisation ? ` at ${current.organisation}` : "";
    const named = current.organisation && summary?.text.includes(current.organisation);
    const since = current.period?.current ? current.period.start : undefined;
    if (!since) sentences.push(spokenRole(current, true));
    else sentences.push(named ? `I've been there since ${since}.` : `Since ${since}, I've been ${title}${where}.`);
    used.push(current);
  }
  if (persona === "strong" && best) {
    const told = spokenAchievement(best, random, { frame: false, withResult: true });
    sentences.push(continuing("The piece of work I'm proudest of:", told));
    sentences.push(`That's a big part of why this ${input.jobTitle} role appeals to me.`);
    used.push(best);
  }
  return say(sentences, used);
}

export function strengths(ctx: Context): Draft {
  const { persona, random } = ctx;
  const best = bestAchievements(ctx)[0];
  if (!best || persona === "weak" || persona === "evasive") return say([chosen(ctx, voice.STRENGTH_FALLBACK)]);
  const theme = /\b(?:led|mentor\w*|coach\w*|train\w*|hired|managed|taught)\b/i.test(best.text)
    ? "bringing people with me"
    : best.technologies.length
      ? "going deep on the technical side"
      : best.numbers.length
        ? "focusing on results I can measure"
        : "following things through";
  const example = spokenAchievement(best, random, { frame: true, withResult: persona === "strong" });
  if (persona === "average") return say([`Probably ${theme}.`, example], [best]);
  return say([`I'd say my biggest strength is ${theme}.`, continuing("For example,", example)], [best]);
}

/** "What tools do you use?": the CV's skills lines, and for a strong candidate the work that used them. */
export function tools(ctx: Context): Draft {
  const { persona, random } = ctx;
  const lines = ctx.facts.filter((f) => f.kind === "skills" && f.label !== "Spoken languages").sort((a, b) => a.rank - b.rank);
  const named = [...new Set(ctx.facts.flatMap((f) => f.technologies))];
  if (persona === "evasive") return say([fresh(ctx, voice.TOOLS_EVASIVE)]);
  if (lines.length === 0 && named.length === 0) return say([chosen(ctx, voice.APPROACH)]);
  if (persona === "weak") {
    const few = (lines[0]?.items ?? named).slice(0, 2);
    return say([`Um, the usual ones, I guess — ${listOf(few)}.`], lines[0] ? [lines[0]] : []);
  }
  if (lines.length === 0) return say([`I've worked with ${listOf(named.slice(0, 4))}.`]);
  const told = lines.slice(0, persona === "strong" ? 2 : 1);
  const sentences = told.map((f) => spokenSkills(f));
  const used = [...told];
  const listed = new Set(told.flatMap((f) => f.items.map((i) => i.toLowerCase())));
  const usesListed = (f: CvFact) => f.technologies.some((t) => listed.has(t.toLowerCase()));
  const example = persona === "strong" ? bestAchievements(ctx).find(usesListed) : undefined;
  if (example) {
    sentences.push(continuing("For example,", spokenAchievement(example, random, { frame: true, withResult: true })));
    used.push(example);
  }
  return say(sentences, used);
}
