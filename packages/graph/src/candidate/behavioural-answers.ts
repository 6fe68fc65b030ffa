import { chosen, fresh, lowerStart, reflection, say, spoken, type Context, type Draft } from "./answer-context.js";
import { bestAchievements, factsNearLastAnswer, rank } from "./fact-choice.js";
import { askedSubject } from "./intent.js";
import { spokenAchievement, splitResult, vagueAchievement } from "./spoken.js";
import * as voice from "./voice.js";

function themeOf(question: string): voice.Theme {
  return voice.THEMES.find(([, re]) => re.test(question))?.[0] ?? "challenge";
}

/** "Tell me about a time…": a story built on a real CV fact, told the persona's way. */
export function behavioural(ctx: Context): Draft {
  const { persona, random, input } = ctx;
  const theme = themeOf(input.question);
  const subject = askedSubject(input.question, [input.jobTitle, input.company ?? ""]);
  const relevant = rank(ctx, subject).filter((r) => r.match > 0 && (r.fact.kind === "achievement" || r.fact.kind === "project"));
  const fact = ctx.followUp ? (factsNearLastAnswer(ctx)[0] ?? relevant[0]?.fact) : (relevant[0]?.fact ?? bestAchievements(ctx)[0]);
  if (persona === "evasive") return say([voice.THEME_EVASIVE[theme], fresh(ctx, voice.PIVOTS)]);
  if (!fact) {
    const sentences = [chosen(ctx, voice.NO_EXAMPLE)];
    if (persona !== "weak") sentences.push(chosen(ctx, voice.APPROACH));
    return say(sentences);
  }
  if (persona === "weak") {
    const gist = vagueAchievement(fact, random) ?? spoken(fact, ctx, true, false);
    return say([`Maybe ${lowerStart(gist)}`, fresh(ctx, voice.HEDGES_WEAK)], [fact]);
  }
  if (persona === "average") return say([spoken(fact, ctx, true), voice.THEME_AVERAGE[theme]], [fact]);
  const { result } = fact.kind === "achievement" ? splitResult(fact.text) : {};
  const opening = `One that comes to mind is from ${fact.organisation ?? "my own work"}.`;
  return say(
    [
      ctx.repeated ? "Let me give you a different example this time." : opening,
      fact.kind === "achievement" ? spokenAchievement(fact, random, { frame: false, withResult: false }) : spoken(fact, ctx, false),
      fresh(ctx, voice.THEME_STRONG[theme]),
      result ? `In the end, ${result}.` : "",
      reflection(ctx),
    ],
    [fact],
  );
}
