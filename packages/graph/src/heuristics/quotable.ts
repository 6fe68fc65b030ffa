import { findTechnologies } from "../text/lexicon.js";
import { wordCount } from "../text/words.js";
import { METRIC, RESULT } from "./signals.js";

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/** The phrase of an answer most worth quoting back: the sentence with the most specifics, shortened. */
export function quotableFragment(answer: string, maxWords = 12): string {
  const sentences = answer
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => wordCount(s) >= 3);
  if (sentences.length === 0) return answer.trim().split(/\s+/).slice(0, maxWords).join(" ");
  const weight = (s: string) =>
    findTechnologies(s).length * 2 + count(s, METRIC) * 2 + count(s, RESULT) + Math.min(1, wordCount(s) / 15);
  const best = sentences.reduce((a, b) => (weight(b) > weight(a) ? b : a));
  const words = best.replace(/[.!?]+$/, "").split(/\s+/);
  return words.length <= maxWords ? words.join(" ") : `${words.slice(0, maxWords).join(" ")}…`;
}
