import { findTechnologies } from "../text/lexicon.js";
import { contentWords, stem, stemSet, tokenize } from "../text/words.js";
import { sameStem } from "./stems.js";

/** Answers that are only acknowledgement or hesitation. */
const FILLER_ONLY =
  /^[\s\p{P}]*((ok(ay)?|hmm+|h?u+m+|uh+|er+m?|ah+|yes|yeah|yep|no|nope|sure|maybe|well|nothing|n\/?a|none|hi|hello|thanks?( you)?|sorry)[\s\p{P}]*)*$/iu;

/** Placeholder text typed to get past a prompt. */
const PLACEHOLDER = new Set(
  "blah bla test testing lorem ipsum dolor sit amet asdf asd foo bar baz xyz abc lol lmao hmm qwerty whatever idc".split(" "),
);
/** Short forms without vowels that are real words in interview answers. */
const ABBREVIATIONS = new Set(
  "sql css html ssh tcp dns npm mvp kpi crm hr cv pm qa cms xml pdf sdk nlp b2b b2c nps ctr cfg pwd mr mrs dr st rn icu bls gp ml ltv cac gtm ppl pph".split(" "),
);
/** Runs of four neighbouring keys; "erty", "wert" and "trew" are left out because real words contain them. */
const KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const KEY_RUNS = new Set(
  KEYBOARD_ROWS.flatMap((row) => [row, [...row].reverse().join("")])
    .flatMap((row) => [...row].slice(0, -3).map((_, i) => row.slice(i, i + 4)))
    .filter((run) => !["erty", "wert", "trew"].includes(run)),
);
const VOWEL = /[aeiouyäöüàáâãåæèéêëìíîïòóôõøùúûœ]/;

function isJunkWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (word.length <= 6 && word === word.toUpperCase() && /\p{Lu}/u.test(word)) return false; // an acronym
  if (ABBREVIATIONS.has(lower) || findTechnologies(word).length > 0) return false;
  if (/(.)\1{3,}/.test(lower)) return true;
  for (let i = 0; i + 4 <= lower.length; i++) if (KEY_RUNS.has(lower.slice(i, i + 4))) return true;
  const vowels = [...lower].filter((c) => VOWEL.test(c)).length;
  if (vowels === 0) return lower.length >= 3;
  const longestConsonantRun = Math.max(...lower.split(VOWEL).map((run) => run.length));
  return longestConsonantRun >= 6 || (longestConsonantRun >= 5 && vowels / lower.length < 0.25);
}

/** Keyboard mash, placeholder text, or the same word over and over: nothing a reader could understand. */
export function isGibberish(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}']+/gu) ?? [];
  const latin = words.filter((w) => /^[\p{Script=Latin}']+$/u.test(w));
  if (!words.some((w) => /\p{L}/u.test(w))) return text.replace(/\s/g, "").length >= 4 || /[^\s\p{P}\p{N}]/u.test(text);
  if (latin.length === 0) return false; // the vowel heuristics only hold for the Latin alphabet
  if (latin.every((w) => PLACEHOLDER.has(w.toLowerCase()))) return true;
  if (latin.length >= 4 && new Set(latin.map((w) => w.toLowerCase())).size <= 2) return true;
  const judged = latin.filter((w) => w.length >= 3);
  if (judged.length === 0) return false;
  return judged.filter(isJunkWord).length / judged.length >= 0.5;
}

export const isFillerOnly = (text: string) => FILLER_ONLY.test(text);

const DONT_KNOW_FIRM = new RegExp(
  [
    "\\bi (really |honestly |just )?(do not|don'?t|dont) know\\b",
    "\\bno (idea|clue)\\b",
    "\\b(idk|dunno)\\b",
    "\\bi have no (idea|experience)\\b",
    "\\bi'?ve never (used|done|worked (with|on)|heard of)\\b|\\bi have never (used|done|worked (with|on)|heard of)\\b|\\bnever (used|done|worked with)\\b",
    "\\bi can'?t (answer|say)\\b|\\bi cannot answer\\b",
    "^\\s*(pass|skip|next( question)?)\\b",
    // German, Spanish, French, Portuguese, Italian, Dutch
    "\\b(ich )?wei(ß|ss) (es |ich )?nicht\\b|\\bkeine ahnung\\b",
    "\\bno (lo )?s[ée](?!\\p{L})|\\bni idea\\b",
    "\\bje (ne )?sais pas\\b|\\baucune id[ée]e(?!\\p{L})",
    "(?<!\\p{L})n[ãa]o sei\\b|(?<!\\p{L})n[ãa]o fa[çc]o ideia\\b",
    "\\bnon (lo )?so\\b",
    "\\b(ik )?weet (het )?niet\\b|\\bgeen idee\\b",
  ].join("|"),
  "iu",
);
const DONT_KNOW_SOFT = /\b(i'?m not sure|not sure|i can'?t remember|i don'?t remember|i forget)\b/i;
/** Words that carry no answer when they accompany "I don't know". */
const HEDGE_WORDS = new Set(
  "sorry honestly really unfortunately actually exactly question answer sure thing things part topic area much about right now anything know remember think idea clue experience never used done worked heard".split(" "),
);

/** "I don't know" with nothing else of substance (a guess after "not sure" is still an answer). */
export function saysDontKnow(text: string): boolean {
  const firm = DONT_KNOW_FIRM.test(text);
  if (!firm && !DONT_KNOW_SOFT.test(text)) return false;
  if (/\d/.test(text)) return false;
  const rest = contentWords(text).filter((w) => !HEDGE_WORDS.has(w));
  return rest.length <= (firm ? 4 : 1);
}

const CLARIFY =
  /\b((can|could|would) you (please )?(repeat|rephrase|clarify|explain|say that again|reword|give (me )?an example of what you mean)|what do you mean|what does that mean|(i )?(do not|don'?t) (understand|get) (the |your )?question|(i'?m )?not sure (i |what you )?(understand|mean)|say that again|pardon|which (one|part) do you mean)\b/i;

/** A request to have the question repeated or explained, rather than an answer. */
export function asksForClarification(text: string, words: number): boolean {
  return words < 25 && (CLARIFY.test(text) || /^\s*(sorry|pardon|what)\s*\?+\s*$/i.test(text));
}

/** Words that carry no content of their own when an answer restates the question. */
const RESTATING = new Set(
  "want know asked asking question think mean say said guess basically actually okay yes right well answer talk yeah sure".split(" "),
);

/** The longest common subsequence of two token lists, in tokens. */
function commonSubsequence(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 0; j < b.length; j++) row.push(x === b[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, row[j]!));
    previous = row;
  }
  return previous[b.length]!;
}

/** Mostly an earlier answer again (pasted, or with a few words changed), so it says nothing new. */
export function repeatsEarlierAnswer(answer: string, earlier: readonly string[]): boolean {
  const tokens = tokenize(answer);
  if (tokens.length < 8) return false;
  // 90%: a pasted answer with a few words changed; answers told from one template share less.
  // A shorter earlier answer cannot hold 90% of this one, so it is not compared at all.
  return earlier.some((previous) => {
    const words = tokenize(previous);
    return words.length >= tokens.length * 0.9 && commonSubsequence(tokens, words) / tokens.length >= 0.9;
  });
}

/** The answer says nothing the question and topic did not already say. */
export function copiesQuestion(answer: string, question: string, topic: string): boolean {
  const tokens = tokenize(answer);
  if (tokens.length >= 4 && commonSubsequence(tokens, tokenize(question)) / tokens.length >= 0.8) return true;
  const answerStems = [...new Set(contentWords(answer).filter((w) => !RESTATING.has(w)).map(stem))];
  const questionStems = [...stemSet(question)];
  const given = [...questionStems, ...stemSet(topic)];
  if (answerStems.length === 0 || questionStems.length === 0) return false;
  const novel = answerStems.filter((s) => !given.some((g) => sameStem(s, g))).length;
  const coverage = questionStems.filter((q) => answerStems.some((s) => sameStem(s, q))).length / questionStems.length;
  return (novel === 0 && coverage >= 0.3) || (novel <= 1 && coverage >= 0.6 && answerStems.length >= 3);
}
