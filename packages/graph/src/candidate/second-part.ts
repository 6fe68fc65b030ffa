import { continuing, say, spoken, type Context, type Draft } from "./answer-context.js";
import { rank } from "./fact-choice.js";
import { askedSubject } from "./intent.js";
import * as voice from "./voice.js";

const WOULD_CHANGE = "If I did it again, I'd involve the people affected earlier and agree up front how we'd measure success.";
const HOW_IT_WAS_DONE = "On the how: I kept each step small and checked the result before moving on.";

/** A strong or average candidate also takes the second thing a multi-part question asked. */
export function withSecondPart(ctx: Context, answer: Draft): Draft {
  const second = ctx.shape.parts[1];
  if (!second || (ctx.persona !== "strong" && ctx.persona !== "average")) return answer;
  // The second answer goes before the closing reflection, which then closes both.
  const closing = answer.sentences[answer.sentences.length - 1] ?? "";
  const reflections: readonly string[] = [...Object.values(voice.REFLECTIONS).flat(), ...voice.GENERAL_REFLECTIONS];
  const reflects = reflections.includes(closing);
  const draft = reflects ? say(answer.sentences.slice(0, -1), answer.used) : answer;
  const close = (d: Draft): Draft => (reflects ? say([...d.sentences, closing], d.used) : d);
  const subject = askedSubject(second, [ctx.input.jobTitle]);
  const usedTexts = new Set(draft.used.map((f) => f.text));
  const fact = rank(ctx, subject).find((r) => r.match > 0 && !usedTexts.has(r.fact.text) && !ctx.told.has(r.fact.text))?.fact;
  if (fact) return close(say([...draft.sentences, continuing("As for the second part,", spoken(fact, ctx, true))], [...draft.used, fact]));
  // Without a fact for it, only what needs none: what they would change, or how they went about it.
  if (/\b(?:change|differently|again|improve|learn\w*|lesson)\b/i.test(second)) {
    return close(say([...draft.sentences, ctx.persona === "strong" ? WOULD_CHANGE : "Next time I'd plan a bit more up front."], draft.used));
  }
  if (ctx.persona === "strong" && /^how\b/i.test(second)) return close(say([...draft.sentences, HOW_IT_WAS_DONE], draft.used));
  return answer;
}
