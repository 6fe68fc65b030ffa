import type { QuestionShape } from "../coaching/question-form.js";
import type { UnlawfulTopic } from "../coaching/unlawful-questions.js";
import type { CvFact } from "./cv-facts.js";
import type { QuestionIntent } from "./intent.js";
import { pick, type Random } from "./random.js";
import { spokenAchievement, spokenEducation, spokenProject, spokenRole, spokenSkills, spokenSummary } from "./spoken.js";
import type { CandidateAnswerInput, Persona } from "./types.js";
import * as voice from "./voice.js";

/** What every part of an answer needs to know about the question and the interview so far. */
export interface Context {
  input: CandidateAnswerInput;
  persona: Persona;
  shape: QuestionShape;
  intent: QuestionIntent;
  unlawful: UnlawfulTopic[];
  /** Facts of the retrieved passages and of the background, best first. */
  facts: CvFact[];
  random: Random;
  /** Facts already told in earlier answers. */
  told: Set<string>;
  /** Facts of drafts that echoed an earlier answer and were dropped. */
  rejected: Set<string>;
  /** The question builds on the previous answer. */
  followUp: boolean;
  /** Technologies and names the question asks about. */
  asked: string[];
  repeated: boolean;
}

export interface Draft {
  sentences: string[];
  used: CvFact[];
}

export const say = (sentences: string[], used: CvFact[] = []): Draft => ({ sentences: sentences.filter(Boolean), used });
export const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
/** A phrase no earlier answer used, when there is one: stock phrases should not come back every turn. */
export function fresh(ctx: Context, items: readonly string[]): string {
  const unused = items.filter((i) => i && !ctx.input.previousAnswers.some((a) => a.includes(i)));
  return pick(ctx.random, unused.length ? unused : items);
}
export const chosen = (ctx: Context, bank: voice.Bank) => fresh(ctx, bank[ctx.persona]);
export const reflection = (ctx: Context) => fresh(ctx, [...voice.REFLECTIONS[ctx.input.seniority], ...voice.GENERAL_REFLECTIONS]);

/** Any fact said aloud in the first person. */
export function spoken(fact: CvFact, ctx: Context, frame: boolean, withResult = true): string {
  switch (fact.kind) {
    case "achievement":
      return spokenAchievement(fact, ctx.random, { frame, withResult });
    case "project":
      return spokenProject(fact, ctx.random);
    case "skills":
      return spokenSkills(fact, ctx.asked);
    case "role":
      return spokenRole(fact, true);
    case "education":
      return spokenEducation(fact);
    case "summary":
      return spokenSummary(fact);
  }
}

export const continuing = (lead: string, sentence: string) => `${lead} ${lowerStart(sentence)}`;

/** "No — I haven't…", unless the sentence already says no. */
export const prefixNo = (s: string) => (/^(?:no|not)\b/i.test(s) ? s : `No — ${lowerStart(s)}`);

/** Lower-cases a sentence's first word to run it on after a comma, unless it is "I" or a name. */
const ORDINARY_OPENERS =
  /^(?:At|It|It's|That|That's|The|This|When|During|In|On|Back|My|One|Maybe|So|There|There's|What|Honestly|Not|No|Yes|Since|For|As|Our|We|Looking|Right|Oh|Um|Well|Sure|Good|Great|To|Like|Just|Mostly|Specifically|Around)\b/;
export const lowerStart = (s: string) => (ORDINARY_OPENERS.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
