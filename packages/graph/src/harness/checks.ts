/**
 * What a reader of the questions would notice: repeats, leaked CV lines, broken slots, wrong
 * articles, and whether a question is about the candidate's CV at all. Written independently of
 * the composer's own helpers, so that a fault there cannot hide itself here.
 */
import type { CvModel } from "../cv/model/index.js";

/** Lower case, punctuation stripped, whitespace collapsed. */
export const normalise = (text: string): string =>
  text.toLowerCase().replace(/[^\p{L}\p{N}\s]+/gu, " ").replace(/\s+/g, " ").trim();

const tokens = (text: string) => new Set(normalise(text).split(" ").filter(Boolean));

/** Token Jaccard similarity of two texts after normalising, in [0, 1]. */
export function jaccard(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.size && !tb.size) return 1;
  const shared = [...ta].filter((t) => tb.has(t)).length;
  return shared / (ta.size + tb.size - shared);
}

export const NEAR_DUPLICATE = 0.8;

/** Pairs of questions in one interview that say the same thing, or nearly. */
export function nearDuplicates(questions: string[]): { first: string; second: string; similarity: number }[] {
  const pairs: { first: string; second: string; similarity: number }[] = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const similarity = normalise(questions[i]!) === normalise(questions[j]!) ? 1 : jaccard(questions[i]!, questions[j]!);
      if (similarity >= NEAR_DUPLICATE) pairs.push({ first: questions[i]!, second: questions[j]!, similarity: Math.round(similarity * 100) / 100 });
    }
  }
  return pairs;
}

/** Words whose first sound is not what their first letter suggests. */
const VOWEL_SOUND_WORD = /^(?:hour|honest|honou?r|heir|8|11|18|80)/i;
const CONSONANT_SOUND_WORD = /^(?:uni(?![nm])|use|usu|uti|ur[aeiou]|eu|ewe|one|once|ubiq)/i;
/** Capitalised acronyms whose letter name starts with a vowel sound: "an SRE", "an MBA", "a UX review". */
const VOWEL_SOUND_LETTER = /^[AEFHILMNORSX]/;

/** "a" before a vowel sound or "an" before a consonant sound, as written in the text. */
export function articleErrors(text: string): string[] {
  const errors: string[] = [];
  for (const match of text.matchAll(/\b(a|an)\s+([\p{L}\d][\p{L}\d'-]*)/giu)) {
    const article = match[1]!.toLowerCase();
    const word = match[2]!;
    // "a" as a list letter or inside a figure ("plan a", "a/b") is not an article.
    if (/^[A-Z]$/.test(match[1]!) && match.index! > 0 && !/[.?!]\s*$/.test(text.slice(0, match.index!))) continue;
    const acronym = /^[A-Z]{2,}s?$/.test(word);
    const vowelSound = acronym
      ? VOWEL_SOUND_LETTER.test(word)
      : VOWEL_SOUND_WORD.test(word) || (/^[aeiou]/i.test(word) && !CONSONANT_SOUND_WORD.test(word));
    if ((article === "an") !== vowelSound) errors.push(match[0]);
  }
  return errors;
}

/** Signs of a template slot left empty or filled with nothing. */
export function slotErrors(text: string): string[] {
  const found: string[] = [];
  if (/[{}]/.test(text)) found.push("a brace");
  if (/\bundefined\b/i.test(text)) found.push('"undefined"');
  if (/\bNaN\b/.test(text)) found.push('"NaN"');
  if (/ {2}/.test(text)) found.push("a double space");
  if (/\s[,.?;:]/.test(text)) found.push("a space before punctuation");
  if (/\(\s*\)/.test(text)) found.push("empty brackets");
  return found;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The CV's headings, the candidate's name and contact lines that a question quotes. */
export function cvLeaks(text: string, cv: CvModel, name: string): string[] {
  const leaks: string[] = [];
  for (const heading of cv.sections.map((s) => s.heading)) {
    // As written: "Experience" the heading, not "experience" the word.
    if (new RegExp(`(?<![\\p{L}])${escape(heading)}(?![\\p{L}])`, "u").test(text)) leaks.push(`heading "${heading}"`);
  }
  for (const part of [name, cv.name ?? "", cv.nameLine ?? "", ...name.split(/\s+/)].filter((p) => p.length >= 3)) {
    if (new RegExp(`(?<![\\p{L}])${escape(part)}(?![\\p{L}])`, "iu").test(text)) leaks.push(`name "${part}"`);
  }
  for (const item of [...cv.contact.emails, ...cv.contact.phones, ...cv.contact.links]) {
    if (text.toLowerCase().includes(item.toLowerCase())) leaks.push(`contact "${item}"`);
  }
  if (/[\w.+-]+@[\w-]+\.[\w.]+/.test(text)) leaks.push("an e-mail address");
  if (/\bhttps?:\/\/|\bwww\.|\b[\w-]+\.(?:com|org|net|io|dev)\b/i.test(text)) leaks.push("a link");
  // Ten digits or more in one run of digits, spaces and brackets: a phone number, not a date range.
  for (const run of text.match(/\+?\d[\d ()-]{8,}\d/g) ?? []) if ((run.match(/\d/g) ?? []).length >= 10) leaks.push("a phone number");
  return [...new Set(leaks)];
}

/** What a question can name to be about this CV: its organisations, projects and technologies. */
export function cvNames(cv: CvModel): string[] {
  return [
    ...cv.experience.flatMap((e) => [e.organisation ?? "", ...e.bullets.flatMap((b) => b.technologies)]),
    ...cv.projects.flatMap((p) => [p.name, ...p.technologies]),
    ...cv.technologies,
    ...Object.values(cv.skills).flat(),
  ].filter((n) => n.length > 1);
}

/** The CV facts a question names. */
export function groundedIn(text: string, names: string[]): string[] {
  const lower = text.toLowerCase();
  return [...new Set(names.filter((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(n.toLowerCase())}(?![\\p{L}\\p{N}])`, "u").test(lower)))];
}

/**
 * Organisations and projects of the CV written in a case the CV never uses ("maison verdier"):
 * names a reader recognises, so a lower-cased one reads as a mistake.
 */
export function miscasedNames(text: string, cv: CvModel, cvText: string): string[] {
  const written = cvText.replace(/\s+/g, " ");
  const names = [...cv.experience.map((e) => e.organisation ?? ""), ...cv.projects.map((p) => p.name)].filter((n) => n.length >= 3 && /\p{Lu}/u.test(n));
  return [...new Set(names)].flatMap((name) => {
    const anyCase = [...text.matchAll(new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, "giu"))].map((m) => m[0]);
    // "the Orbit design system" is how the CV's own bullet writes "Orbit Design System": as written is fine.
    return anyCase.filter((found) => found !== name && !written.includes(found));
  });
}

/** Words a quoted phrase cannot stop on: the quote was cut in the middle of a thought. */
const DANGLING_WORD = new Set("a an the and or but of to in on at by for with from my our their its that which so as is was are were".split(" "));
/** A subject pronoun right after a conjunction or comma ("…, and it"): its verb was cut off. */
const DANGLING_SUBJECT = /(?:\b(?:and|but|so|because|when|then|that|which)|,)\s+(?:it|we|i|they|he|she)$/i;

/** Quoted fragments of the candidate's answer that end on a dangling word ("… at Maison Verdier, and it"). */
export function danglingQuotes(text: string): string[] {
  return [...text.matchAll(/"([^"]+)"/g)]
    .map((m) => m[1]!.trim())
    .filter((quote) => DANGLING_WORD.has(quote.split(/\s+/).at(-1)!.toLowerCase().replace(/[^\p{L}]/gu, "")) || DANGLING_SUBJECT.test(quote));
}

const PREPOSITION = new Set("at with in for on by to from of about after before during since".split(" "));

/** Quotes that stop a word or two before the end of the answer's sentence ("… and it went" of "… and it went fine."). */
export function clippedQuotes(question: string, answer: string): string[] {
  return [...question.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim()).filter((quote) => {
    const at = answer.toLowerCase().indexOf(quote.toLowerCase());
    if (at < 0) return false;
    const after = answer.slice(at + quote.length);
    // "…at Lumen [Analytics]": a name cut in two.
    if (/\p{Lu}[\p{L}.&-]*$/u.test(quote) && /^ \p{Lu}/u.test(after)) return true;
    const rest = after.split(/[.?!;:,]/)[0]!.trim().split(/\s+/).filter(Boolean);
    // "…and it went [well]" is cut short; "…a quarter [at Quillbank]" only leaves a detail out.
    return rest.length > 0 && rest.length <= 2 && rest.every((w) => /^\p{Ll}+$/u.test(w)) && !PREPOSITION.has(rest[0]!);
  });
}
