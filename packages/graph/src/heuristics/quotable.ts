import { findTechnologies } from "../text/lexicon.js";
import { wordCount } from "../text/words.js";
import { METRIC, RESULT } from "./signals.js";

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

const sentencesOf = (answer: string) =>
  answer
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => wordCount(s) >= 3);

/** How much a phrase says: technologies and figures most, then outcomes, then length. */
const weight = (s: string) => findTechnologies(s).length * 2 + count(s, METRIC) * 2 + count(s, RESULT) + Math.min(1, wordCount(s) / 15);

const mostSpecific = (phrases: string[]) => phrases.reduce((a, b) => (weight(b) > weight(a) ? b : a));

/** The phrase of an answer most worth quoting back: the sentence with the most specifics, shortened. */
export function quotableFragment(answer: string, maxWords = 12): string {
  const sentences = sentencesOf(answer);
  if (sentences.length === 0) return answer.trim().split(/\s+/).slice(0, maxWords).join(" ");
  const words = mostSpecific(sentences).replace(/[.!?]+$/, "").split(/\s+/);
  return words.length <= maxWords ? words.join(" ") : `${words.slice(0, maxWords).join(" ")}…`;
}

/** "and it went well" → "it went well": a coordinating word does not begin a quote. */
const LEADING_CONJUNCTION = /^(?:and|but|so|then|yet|or|also)\s+/i;
/** A clause that only qualifies the one before it ("which was…", "that…") cannot stand alone. */
const RELATIVE_START = /^(?:which|who|whom|whose|that)\b/i;
/** A clause cannot end on a word that leads somewhere ("…part of", "…and it"); "S.p.A" is a name. */
const DANGLING_END = /\b(?:a|an|the|and|or|but|of|to|in|on|at|by|for|with|from|my|our|their|its|that|which|so|as|is|was|are|were|it|we|I|they)$/;

/**
 * The clauses of a sentence: split at commas, semicolons, colons and dashes, except inside a list
 * of names ("on Prometheus, Grafana and OpenTelemetry", "Coastal Ecology Lab, University of
 * Northshore"), whose parts are no clauses.
 */
function clausesOf(sentence: string): string[] {
  const pieces = sentence.replace(/[.!?]+$/, "").split(/\s*(?:[,;:]\s+|\s[—–-]\s)\s*/);
  const clauses: string[] = [];
  for (const piece of pieces) {
    const last = clauses.at(-1);
    // A name after a name continues the list; "Well, Kafka…" is a filler before a clause.
    const listed = last && /\s\p{Lu}[\p{L}.&]*$/u.test(last) && /^\p{Lu}/u.test(piece) && !/^I\b/.test(piece);
    if (listed) clauses[clauses.length - 1] = `${last}, ${piece}`;
    else clauses.push(piece);
  }
  return clauses.map((c) => c.replace(LEADING_CONJUNCTION, "").trim());
}

/**
 * Words of the answer to quote back as the candidate said them, never cut mid-thought: the most
 * specific sentence when it is short, else the most specific whole clause of it, up to half as
 * long again as `maxWords`. Empty when there is none: paraphrase instead.
 */
export function quotableClause(answer: string, maxWords = 12): string {
  const sentences = sentencesOf(answer);
  if (sentences.length === 0) return "";
  const sentence = mostSpecific(sentences).replace(/[.!?]+$/, "");
  if (wordCount(sentence) <= maxWords) return sentence;
  const limit = Math.round(maxWords * 1.5);
  const clauses = clausesOf(sentence).filter((c) => wordCount(c) >= 3 && wordCount(c) <= limit && !RELATIVE_START.test(c) && !DANGLING_END.test(c));
  // Of two clauses as specific, the one short enough to quote comfortably.
  const over = (c: string) => (wordCount(c) > maxWords ? 0.5 : 0);
  if (clauses.length) return clauses.reduce((a, b) => (weight(b) - over(b) > weight(a) - over(a) ? b : a));
  return wordCount(sentence) <= limit ? sentence : "";
}
