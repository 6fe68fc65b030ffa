import { wordCount } from "../text/words.js";

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
    } catch {
      // An unknown tag ("English") still gets the default sentence rules.
      segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
    }
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/**
 * The sentences of a text with their trailing whitespace, so that joining any subset gives the
 * text as it would read without the others.
 */
export function sentenceSegments(text: string, language = "en"): string[] {
  return [...segmenterFor(language).segment(text)].map((s) => s.segment).filter((s) => s.trim() !== "");
}

/** Sentences, trimmed, without empty ones. */
export function sentences(text: string, language = "en"): string[] {
  return sentenceSegments(text, language)
    .map((s) => s.trim())
    .filter((s) => wordCount(s) > 0);
}
