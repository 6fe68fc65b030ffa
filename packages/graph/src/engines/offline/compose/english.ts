import { techLexicon } from "../../../text/lexicon.js";

/** Small English helpers for composing questions: articles, case, lists, sentence tidying. */

/** Letters whose names start with a vowel sound, for acronyms: "an SRE", "an MBA", "a UX review". */
const VOWEL_SOUND_LETTERS = new Set("AEFHILMNORSX");
const CONSONANT_SOUND_VOWELS = /^(?:uni(?![nm])|use|usu|ur[aeiou]|uti|eu|ewe|one|once|ubiq)/i;
const SILENT_H = /^(?:hour|honest|honou?r|heir)/i;

export function article(word: string): "a" | "an" {
  const w = word.replace(/^[^\p{L}\p{N}]+/u, "");
  if (!w) return "a";
  if (/^\d/.test(w)) return /^(?:8|11|18|80\d?)(?!\d)/.test(w) ? "an" : "a";
  const first = w.split(/[\s-]/)[0]!;
  if (first.length > 1 && first === first.toUpperCase() && /^\p{Lu}+$/u.test(first)) return VOWEL_SOUND_LETTERS.has(first[0]!) ? "an" : "a";
  if (SILENT_H.test(w)) return "an";
  if (CONSONANT_SOUND_VOWELS.test(w)) return "a";
  return /^[aeiou]/i.test(w) ? "an" : "a";
}

export const withArticle = (phrase: string): string => `${article(phrase)} ${phrase}`;

/** "Site Reliability Engineer" → "site reliability engineer"; acronyms and names with inner capitals stay. */
export function lowerTitle(title: string): string {
  return title
    .split(/\s+/)
    .map((w) => (/^\p{Lu}[\p{Ll}'’-]*[.,)]?$/u.test(w) || /^\(\p{Lu}\p{Ll}+\)$/u.test(w) ? w.toLowerCase() : w))
    .join(" ");
}

export const capitalise = (text: string): string => text.replace(/^(\s*["“]?)(\p{Ll})/u, (_, pre: string, ch: string) => pre + ch.toUpperCase());
/** "Designed a pipeline" → "designed a pipeline"; names stay as they are ("Kubernetes cluster upgrades"). */
export function lowerFirst(text: string): string {
  const first = text.split(/\s+/)[0] ?? "";
  if (!/^\p{Lu}\p{Ll}/u.test(text) || techLexicon.has(first.toLowerCase())) return text;
  return text[0]!.toLowerCase() + text.slice(1);
}

export function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "Brightlane Ltd. you built…": no new sentence after an abbreviation. */
const ABBREVIATION_END = /(?:\b(?:Ltd|Inc|Co|Corp|Bros|St|Dr|Mr|Mrs|Ms|Prof|Jr|Sr|vs|etc|approx)|(?:^|\s)(?:\p{L}\.)+\p{L})\.\s+$/u;

/** Spacing, doubled punctuation and sentence capitals of a composed question. */
export function tidyQuestion(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/\.\s+\./g, ".")
    .replace(/\s+([,.;:?!])/g, "$1")
    .replace(/([,;:?!])(?=\p{L})/gu, "$1 ")
    .replace(/\.{2,}/g, ".")
    .replace(/([?!])\./g, "$1")
    .replace(/,\s*([.?!])/g, "$1")
    .replace(/(^|[.?!]\s+)(\p{Ll})/gu, (match: string, pre: string, ch: string, at: number, all: string) =>
      ABBREVIATION_END.test(all.slice(0, at + pre.length)) ? match : pre + ch.toUpperCase())
    .trim();
}

/** Words of a text, lower case, for comparing questions. */
export const normalisedWords = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether two questions say nearly the same thing (most of their words shared). */
export function nearDuplicate(a: string, b: string): boolean {
  const wa = new Set(normalisedWords(a));
  const wb = new Set(normalisedWords(b));
  if (!wa.size || !wb.size) return false;
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared / Math.min(wa.size, wb.size) >= 0.85;
}
