import { wordCount } from "../text/words.js";

const LEADING_CONNECTIVE = /^(?:and|but|so|then|which|as a result|because|since|also|afterwards|finally|first)\b[\s,]*/i;
function withoutLeadingConnectives(clause: string): string {
  let text = clause.trim();
  for (let next = text.replace(LEADING_CONNECTIVE, ""); next !== text; next = text.replace(LEADING_CONNECTIVE, "")) text = next.trim();
  return text;
}

const TRAILING_FILLER = /\s+(?:the|a|an|in|on|of|to|and|or|for|with|at|by|from|that|which)$/i;

/**
 * The shortest clause of the answer that matches every pattern of the first set that any clause
 * matches, without a leading connective and cut to `maxWords` around the first match: the words
 * to quote when praising or questioning one particular thing.
 */
export function clauseMatching(answer: string, patterns: RegExp[][], maxWords = 12): string | undefined {
  const clauses = answer
    .split(/[.;:!?]+(?:\s+|$)|,\s+|\s+[—–]\s+|\s+-\s+|\n+/)
    .map(withoutLeadingConnectives)
    .filter((c) => wordCount(c) >= 3);
  for (const set of patterns) {
    const once = set.map((re) => new RegExp(re.source, re.flags.replace("g", "")));
    const clause = clauses.filter((c) => once.every((re) => re.test(c))).sort((a, b) => wordCount(a) - wordCount(b))[0];
    if (clause) return shorten(clause, once[0]!, maxWords);
  }
  return undefined;
}

function shorten(clause: string, anchor: RegExp, maxWords: number): string {
  const words = clause.split(/\s+/);
  if (words.length <= maxWords) return clause;
  const at = Math.max(0, words.findIndex((_, i) => anchor.test(words.slice(i, i + 4).join(" "))));
  const start = Math.max(0, Math.min(at - Math.floor(maxWords / 3), words.length - maxWords));
  const end = start + maxWords;
  let cut = words.slice(start, end).join(" ");
  if (end < words.length) while (TRAILING_FILLER.test(cut)) cut = cut.replace(TRAILING_FILLER, "");
  return `${start > 0 ? "…" : ""}${cut}${end < words.length ? "…" : ""}`;
}
