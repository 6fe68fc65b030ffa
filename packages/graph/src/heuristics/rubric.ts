import type { Rubric } from "../types.js";
import type { RelevanceJudgement } from "./relevance.js";
import type { AnswerSignals } from "./signals.js";
import type { EvidenceIssue, RubricDimension } from "./types.js";

const clamp = (v: number) => Math.max(0, Math.min(10, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Relevance weighs most: a fluent answer to another question is not a good answer. */
const WEIGHTS: Rubric = { relevance: 0.3, depth: 0.25, clarity: 0.2, evidence: 0.25 };

export const weightedScore = (r: Rubric) =>
  round1((Object.keys(WEIGHTS) as RubricDimension[]).reduce((sum, d) => sum + WEIGHTS[d] * r[d], 0));

/** How much room an answer of this length has to show anything; very long answers lose focus. */
function lengthBand(words: number): number {
  if (words < 10) return 0.15;
  if (words < 25) return 0.4;
  if (words < 50) return 0.7;
  if (words <= 250) return 1;
  if (words <= 400) return 0.9;
  return 0.75;
}

/** Names, figures and field words: what makes an answer specific. */
const specificsOf = (s: AnswerSignals, rel: RelevanceJudgement) => s.tools.length + s.properNouns + 0.5 * rel.fieldTerms;

/**
 * Substance per length, 0–1: figures, names, outcomes, alternatives, episodes and actions per 30
 * words. Connectives such as "because" are cheap, so they are left out.
 */
export function substanceDensity(s: AnswerSignals, rel: RelevanceJudgement): number {
  const substance = s.metrics + specificsOf(s, rel) + s.results + s.tradeOffs + s.anchors + 0.5 * s.ownActions + 0.3 * s.pastActions;
  return Math.min(1, substance / Math.max(1, s.words / 30) / 2.5);
}

/** A long answer that circles the question's words in generalities without saying anything specific. */
export const circles = (s: AnswerSignals, rel: RelevanceJudgement) => s.words >= 60 && s.metrics === 0 && substanceDensity(s, rel) < 0.55;

/**
 * The rubric of a genuine answer. Length only counts in proportion to the substance it carries
 * (figures, names, outcomes, reasons), so padding an answer does not raise it.
 */
export function rateAnswer(s: AnswerSignals, rel: RelevanceJudgement): Rubric {
  const specifics = specificsOf(s, rel);
  const density = substanceDensity(s, rel);
  const band = lengthBand(s.words);
  const room = band * (0.3 + 0.7 * density);
  const weOnly = s.we >= 3 && s.ownActions === 0;
  const hollow = Math.min(2, 0.5 * s.platitudes);

  const depth =
    0.5 +
    3 * room +
    Math.min(2.4, 0.8 * s.causal) * (0.4 + 0.6 * density) +
    Math.min(2, s.tradeOffs) +
    Math.min(2, 0.4 * (specifics + s.metrics)) -
    hollow;
  const sentenceShape = s.longestSentence <= 40 ? 2 : s.longestSentence <= 55 ? 1 : s.longestSentence <= 80 ? -1 : -2;
  const clarity =
    2 +
    Math.min(2.4, 0.8 * s.structure) +
    sentenceShape +
    (s.ownActions > 0 ? 1 : 0) +
    2 * band -
    Math.min(2, 0.5 * s.fillers) -
    Math.min(2.5, 10 * Math.max(0, s.repetition - 0.03)) -
    0.5 * hollow -
    (weOnly ? 0.5 : 0);
  const evidence =
    0.5 +
    Math.min(4, 1.3 * s.metrics) +
    Math.min(2, 0.7 * s.results) +
    Math.min(2, 0.4 * specifics) +
    Math.min(1, 0.5 * s.anchors) +
    (s.ownActions > 0 ? 1 : 0) -
    (weOnly ? 1 : 0);

  // Circling the question's words in generalities is not really addressing it.
  const relevance = circles(s, rel) ? Math.min(rel.relevance, 6) : rel.relevance;
  const rubric: Rubric = { relevance, depth: clamp(depth), clarity: clamp(clarity), evidence: clamp(evidence) };
  if (rel.offTopic) {
    // Depth and evidence about another subject are not evidence for this one.
    rubric.depth = Math.min(rubric.depth, 2);
    rubric.evidence = Math.min(rubric.evidence, 2);
    rubric.clarity = Math.min(rubric.clarity, 3);
  }
  return roundRubric(rubric);
}

/** With nothing to judge every dimension is near zero; an honest "I don't know" keeps a little clarity. */
const NOTHING: Record<EvidenceIssue, Rubric> = {
  empty: { relevance: 0, depth: 0, clarity: 0, evidence: 0 },
  gibberish: { relevance: 0, depth: 0, clarity: 0, evidence: 0 },
  instructions_only: { relevance: 0, depth: 0, clarity: 0, evidence: 0 },
  dont_know: { relevance: 1, depth: 0.5, clarity: 2, evidence: 0 },
  copies_question: { relevance: 1.5, depth: 0, clarity: 1.5, evidence: 0 },
  repeats_answer: { relevance: 1.5, depth: 0, clarity: 1.5, evidence: 0 },
  other_language: { relevance: 1, depth: 1, clarity: 1, evidence: 1 },
};
export const rubricWithoutEvidence = (issue: EvidenceIssue): Rubric => ({ ...NOTHING[issue] });

/** A request to clarify is not an answer yet. */
export const CLARIFICATION_RUBRIC: Rubric = { relevance: 2, depth: 0.5, clarity: 3, evidence: 0.5 };

function roundRubric(r: Rubric): Rubric {
  return { relevance: round1(r.relevance), depth: round1(r.depth), clarity: round1(r.clarity), evidence: round1(r.evidence) };
}

/** Dimensions below par, weakest first. */
export function belowPar(r: Rubric): RubricDimension[] {
  return (Object.keys(r) as RubricDimension[]).filter((d) => r[d] < 6).sort((a, b) => r[a] - r[b]);
}
