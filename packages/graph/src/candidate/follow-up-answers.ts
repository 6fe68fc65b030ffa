import { continuing, fresh, lowerStart, reflection, say, spoken, type Context, type Draft } from "./answer-context.js";
import type { CvFact } from "./cv-facts.js";
import { toldBefore } from "./fact-choice.js";
import { spokenAchievement, splitResult, vagueAchievement } from "./spoken.js";
import * as voice from "./voice.js";

/** The fact the previous answer was mainly about. */
function lastToldFact(ctx: Context): CvFact | undefined {
  const last = ctx.input.previousAnswers[ctx.input.previousAnswers.length - 1] ?? "";
  return ctx.facts
    .filter((f) => (f.kind === "achievement" || f.kind === "project") && toldBefore(f, [last]))
    .sort((a, b) => a.rank - b.rank)[0];
}

/** A CV line that opens with one of these says the work was the candidate's own. */
const OWN_VERB =
  /^(?:led|designed|built|architected|owned|launched|created|introduced|developed|delivered|implemented|redesigned|established|ran|managed|wrote|set up|migrated|automated|cut|grew|trained|mentored|taught)\b/i;
const TEAM_EFFORT = "Honestly, it was a real team effort, so it's hard to separate out my part.";
const WHY_SLOW = "Mostly because we were changing something people relied on every day, so we went in small, reversible steps rather than all at once.";
const WHY_THIS_WAY = "Because it was the option we could check at every step — the alternatives looked faster on paper, but they were harder to undo.";
const UNMEASURED = "Honestly, I didn't measure it as well as I should have — next time I'd set the baseline first.";
const OWN_PART = "To be specific about my own part: I owned the plan and the checks at each step, and I kept people updated as it went.";

type FollowUp = "ownership" | "difficulty" | "choice" | "result" | "more";

function followUpKind(question: string): FollowUp {
  if (/\b(?:part|role|you (?:personally|yourself)|exactly|your own|contribut\w*)\b/i.test(question)) return "ownership";
  if (/\b(?:so long|slow|hard|difficult|tricky|what made (?:it|that))\b/i.test(question)) return "difficulty";
  if (/\bwhy\b|\bhow come\b/i.test(question)) return "choice";
  if (/\b(?:result|outcome|impact|measure\w*|difference|success)\b/i.test(question)) return "result";
  return "more";
}

/** A follow-up on the last answer: the candidate's own part, the reason, the result, or more of the same. */
export function followUpAnswer(ctx: Context, near: CvFact[]): Draft {
  const { persona, random, input } = ctx;
  const last = lastToldFact(ctx);
  const more = near[0];
  if (persona === "evasive") return say([TEAM_EFFORT, fresh(ctx, voice.PIVOTS)]);
  if (persona === "weak") {
    const gist = last ? vagueAchievement(last, random) : undefined;
    return say([gist ?? "I helped out with parts of it.", fresh(ctx, voice.HEDGES_WEAK)], last && gist ? [last] : []);
  }
  const kind = followUpKind(input.question);
  const { action, result } = last ? splitResult(last.text) : { action: "", result: undefined };
  const sentences: string[] = [];
  const used: CvFact[] = [];
  if (kind === "ownership" && last) {
    // The CV's own verb decides whether the candidate may call the work theirs.
    const told = spokenAchievement({ ...last, text: action }, random, { frame: false, withResult: false });
    sentences.push(`${OWN_VERB.test(action) ? "It was my piece of work" : "I was one of several people on it"}: ${lowerStart(told)}`);
    used.push(last);
  } else if (kind === "difficulty" || kind === "choice") {
    sentences.push(kind === "difficulty" ? WHY_SLOW : WHY_THIS_WAY);
    if (result && last) {
      sentences.push(`It was worth it — ${result}.`);
      used.push(last);
    }
  } else if (kind === "result" && last) {
    sentences.push(result ? `The result: ${result}.` : UNMEASURED);
    if (result) used.push(last);
  }
  if (more && (kind === "more" || sentences.length === 0 || persona === "strong")) {
    sentences.push(continuing(kind === "more" ? "To add to that," : "Around the same time,", spoken(more, ctx, false)));
    used.push(more);
  }
  if (sentences.length === 0 && kind === "more" && result && last) {
    sentences.push(`What I'd add is what came of it: ${result}.`);
    used.push(last);
  }
  if (sentences.length === 0) sentences.push(persona === "strong" ? OWN_PART : "I was hands-on for most of it.");
  if (persona === "strong") sentences.push(reflection(ctx));
  return say(sentences, used);
}
