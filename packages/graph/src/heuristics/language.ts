import { francAll } from "franc-min";
import { data } from "franc-min/data.js";
import { expressions } from "franc-min/expressions.js";
import { findTechnologies } from "../text/lexicon.js";

/**
 * The base subtag of each language franc-min can tell apart (the trigram models plus the
 * single-language scripts), worked out once: Intl.Locale is too slow to build for every language
 * franc ranks.
 */
const BASE_OF_FRANC = new Map(
  [...Object.values(data).flatMap((models) => Object.keys(models)), ...Object.keys(expressions).filter((k) => /^[a-z]{3}$/.test(k))].map(
    (code) => [code, baseLanguage(code)],
  ),
);
const SUPPORTED = new Set(BASE_OF_FRANC.values());
const baseOfFranc = (code: string) => BASE_OF_FRANC.get(code) ?? baseLanguage(code);

/** Languages too close for trigrams to separate reliably; answering in a sibling is not "another language". */
const SIBLINGS = [["bs", "hr", "sr"], ["id", "ms", "zlm"], ["hi", "ur"], ["ru", "uk", "be"]];

/** Below this many letters trigram statistics are noise, so only the writing system is compared. */
const MIN_LETTERS = 25;
/**
 * franc scores the best language 1 and the others relative to it. When the interview's language
 * scores this close, the answer could still be in it (short, or full of loanwords), so it passes;
 * an English answer in a German interview scores German about 0.85, a German one English about 0.55.
 */
const PLAUSIBLE = 0.9;

const englishNames = new Intl.DisplayNames(["en"], { type: "language" });

function baseLanguage(tag: string): string {
  try {
    return new Intl.Locale(Intl.getCanonicalLocales(tag)[0] ?? tag).language;
  } catch {
    return tag.toLowerCase();
  }
}

/** The interview's language as a base subtag, from "pt-BR", "deu" or "German"; undefined when unknown. */
export function interviewLanguage(language: string): string | undefined {
  const raw = language.trim();
  if (!raw) return undefined;
  const base = baseLanguage(raw);
  if (SUPPORTED.has(base)) return base;
  const name = raw.toLowerCase();
  return [...SUPPORTED].find((code) => englishNames.of(code)?.toLowerCase() === name);
}

export function languageName(code: string): string {
  try {
    return englishNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const sameLanguage = (a: string, b: string) => a === b || SIBLINGS.some((g) => g.includes(a) && g.includes(b));

/** Technology names, code, links and numbers say nothing about the language an answer is written in. */
function prose(answer: string): string {
  let text = answer
    .replace(/https?:\/\/\S+|`[^`]*`|\S*[_{}<>=;\\/@$]\S*|\b\p{Lu}[\p{Ll}\d]+\p{Lu}\S*|\d[\d.,:%]*\w*/gu, " ")
    .replace(/[()[\]]/g, " ");
  for (const tech of findTechnologies(text)) text = text.replace(new RegExp(`(?<![\\p{L}])${escape(tech)}(?![\\p{L}])`, "giu"), " ");
  return text.replace(/\s+/g, " ").trim();
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const SCRIPTS: [string, RegExp][] = [
  ["Latn", /\p{Script=Latin}/gu],
  ["Cyrl", /\p{Script=Cyrillic}/gu],
  ["Grek", /\p{Script=Greek}/gu],
  ["Arab", /\p{Script=Arabic}/gu],
  ["Hebr", /\p{Script=Hebrew}/gu],
  ["Deva", /\p{Script=Devanagari}/gu],
  ["Hani", /\p{Script=Han}/gu],
  ["Kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ["Hang", /\p{Script=Hangul}/gu],
  ["Thai", /\p{Script=Thai}/gu],
];
/** Scripts that franc maps to a single language whatever the length (Han is Chinese, Hangul Korean…). */
const SINGLE_LANGUAGE_SCRIPTS = new Set(["Hani", "Kana", "Hang", "Thai", "Grek", "Hebr"]);
/** Which of the scripts above a language's usual script admits (Japanese mixes kana and Han). */
const ADMITS: Record<string, string[]> = { Jpan: ["Kana", "Hani"], Kore: ["Hang", "Hani"], Hans: ["Hani"], Hant: ["Hani"] };

function dominantScript(text: string): { script: string; letters: number } | undefined {
  let best: { script: string; letters: number } | undefined;
  for (const [script, re] of SCRIPTS) {
    const letters = text.match(re)?.length ?? 0;
    if (letters > (best?.letters ?? 0)) best = { script, letters };
  }
  return best;
}

/**
 * The language an answer is written in when it is confidently not the interview's ("und" when
 * it is plainly foreign but too short to name), else undefined. Short answers are judged only by
 * their writing system, so "Yes, with Kafka" is never "German".
 */
export function otherLanguageOf(answer: string, language: string): string | undefined {
  const expected = interviewLanguage(language);
  if (!expected) return undefined;
  const text = prose(answer);
  const script = dominantScript(text);
  if (!script) return undefined;
  const expectedScript = new Intl.Locale(expected).maximize().script ?? "Latn";
  const admitted = ADMITS[expectedScript] ?? [expectedScript];
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (!admitted.includes(script.script)) {
    // Plainly foreign; named only when there is enough text to tell, say, Russian from Serbian.
    const guess = letters >= MIN_LETTERS || SINGLE_LANGUAGE_SCRIPTS.has(script.script) ? (francAll(text)[0]?.[0] ?? "und") : "und";
    return guess === "und" ? guess : baseOfFranc(guess);
  }
  if (letters < MIN_LETTERS) return undefined;
  const ranked = francAll(text).map(([code, score]) => [baseOfFranc(code), score] as const);
  const top = ranked[0];
  if (!top || top[0] === "und" || sameLanguage(top[0], expected)) return undefined;
  const expectedScore = ranked.find(([code]) => sameLanguage(code, expected))?.[1] ?? 0;
  return expectedScore >= PLAUSIBLE ? undefined : top[0];
}
