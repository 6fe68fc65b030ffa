import type { CvProfile, Evaluation, Rubric } from "../../types.js";
import { findTechnologies } from "../../text/lexicon.js";
import { stem, stemSet, wordCount } from "../../text/words.js";

export type RubricDimension = keyof Rubric;

export interface HeuristicInput {
  questionId: string;
  question: string;
  topic: string;
  answer: string;
  cvProfile: CvProfile;
  jobTerms: string[];
}

export interface HeuristicEvaluation extends Omit<Evaluation, "evaluatedBy" | "modelRetryDue"> {
  /** Rubric dimensions below par, weakest first. */
  missing: RubricDimension[];
  dontKnow: boolean;
  wantsClarification: boolean;
  words: number;
}

const DONT_KNOW =
  /\b(i (really )?(do not|don'?t) know|no idea|not sure|i have no (idea|experience)|never (used|done|worked with)|i can'?t (answer|remember)|pass)\b/i;
const CLARIFY =
  /\b((can|could) you (please )?(repeat|rephrase|clarify|explain the question)|what do you mean|(i )?(do not|don'?t) understand the question|say that again|pardon)\b/i;
const STRUCTURE =
  /\b(first(ly)?|second(ly)?|then|next|finally|situation|task|my (goal|role|task) was|i (was )?responsible|as a result|in the end|outcome|result(ed)?|to summari[sz]e|for example|for instance)\b/gi;
const CAUSAL = /\b(because|so that|therefore|which meant|as a result|due to|since|in order to|thus|that'?s why|led to)\b/gi;
const TRADE_OFF = /\b(trade-?offs?|instead of|alternative|on the other hand|however|downside|cost|versus|vs\.?|compared to|risk)\b/gi;
const RESULT = /\b(reduc\w*|increas\w*|improv\w*|sav(ed|ing)|cut|grew|launch\w*|shipp\w*|deliver\w*|fix\w*|resolv\w*|won|achiev\w*|doubled|halved)\b/gi;
const METRIC = /(\d+(\.\d+)?\s?(%|percent|ms|s\b|seconds|minutes|hours|days|weeks|months|x\b|k\b|m\b|users|customers|requests|rps|qps|gb|tb|mb|people|engineers)|\$\s?\d[\d,.]*|\b\d{2,}\b)/gi;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const clamp = (v: number) => Math.max(0, Math.min(10, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

function lengthScore(words: number): number {
  if (words < 8) return 0.1;
  if (words < 30) return 0.35;
  if (words < 60) return 0.7;
  if (words <= 300) return 1;
  if (words <= 500) return 0.8;
  return 0.6;
}

const FEEDBACK: Record<RubricDimension, string> = {
  relevance: "The answer drifted from the question; address it directly before adding context.",
  depth: "Go beyond what you did: explain how it worked, why you chose it, and what you traded off.",
  clarity: "Structure the answer: the situation, what you did yourself, and the result.",
  evidence: "Back it up with evidence: numbers, named tools, or a concrete outcome.",
};
const PRAISE: Record<RubricDimension, string> = {
  relevance: "It stays on the question",
  depth: "it explains the reasoning behind the choices",
  clarity: "it is easy to follow",
  evidence: "it is backed by concrete evidence",
};

/**
 * Scores an answer from measurable features — relevance to the question and to CV/job terms,
 * specificity, structure, causal reasoning and length — mapped onto the 0–10 rubric.
 */
export function evaluateHeuristically(input: HeuristicInput): HeuristicEvaluation {
  const answer = input.answer.trim();
  const words = wordCount(answer);
  const dontKnow = DONT_KNOW.test(answer) && words < 30;
  const wantsClarification = CLARIFY.test(answer) && words < 25;

  const answerStems = stemSet(answer);
  const target = stemSet(`${input.question} ${input.topic}`);
  const overlap = [...target].filter((s) => answerStems.has(s)).length;
  const overlapRatio = target.size ? overlap / Math.min(4, target.size) : 0;
  const profileTerms = [...input.cvProfile.technologies, ...input.cvProfile.skills, ...input.jobTerms].map((t) =>
    stem(t.toLowerCase()),
  );
  const termHits = new Set(profileTerms.filter((t) => answerStems.has(t) || answer.toLowerCase().includes(t))).size;
  const tools = findTechnologies(answer).length;
  const metrics = count(answer, METRIC);
  const results = count(answer, RESULT);
  const structure = count(answer, STRUCTURE);
  const causal = count(answer, CAUSAL);
  const tradeOffs = count(answer, TRADE_OFF);
  const firstPerson = count(answer, /\b(i|my|we|our)\b/gi) > 0 ? 1 : 0;
  const sentences = Math.max(1, answer.split(/[.!?]+\s/).filter((s) => s.trim()).length);
  const avgSentence = words / sentences;
  const len = lengthScore(words);
  const offTopic = words >= 8 && overlap === 0 && termHits === 0 && tools === 0;

  let rubric: Rubric;
  if (words === 0) {
    rubric = { relevance: 0, depth: 0, clarity: 0, evidence: 0 };
  } else {
    rubric = {
      relevance: clamp(offTopic ? 1 : 2 + 6 * Math.min(1, overlapRatio) + Math.min(2, (termHits + tools) * 0.5)),
      depth: clamp(5 * len + Math.min(2, causal * 0.7) + Math.min(2, tradeOffs * 0.7) + Math.min(1, tools * 0.34)),
      clarity: clamp(
        4 * len + Math.min(3, structure) + firstPerson + (avgSentence >= 6 && avgSentence <= 35 ? 2 : 0),
      ),
      evidence: clamp(1 + Math.min(4, metrics * 1.5) + Math.min(2, results) + Math.min(2, tools * 0.5) + 1 * len),
    };
    // Open questions share few words with good answers: a substantive, specific answer in the
    // candidate's own domain counts as relevant even with little word overlap.
    if (!offTopic && words >= 30 && tools + metrics >= 2) rubric.relevance = Math.max(rubric.relevance, 6.5);
    if (dontKnow || wantsClarification) {
      rubric = {
        relevance: Math.min(rubric.relevance, 2),
        depth: Math.min(rubric.depth, 1),
        clarity: Math.min(rubric.clarity, 3),
        evidence: Math.min(rubric.evidence, 1),
      };
    }
    if (offTopic) rubric = { ...rubric, depth: Math.min(rubric.depth, 3), evidence: Math.min(rubric.evidence, 3) };
  }
  rubric = {
    relevance: round1(rubric.relevance),
    depth: round1(rubric.depth),
    clarity: round1(rubric.clarity),
    evidence: round1(rubric.evidence),
  };
  const score = round1(0.3 * rubric.relevance + 0.25 * rubric.depth + 0.2 * rubric.clarity + 0.25 * rubric.evidence);
  const missing = (Object.keys(rubric) as RubricDimension[])
    .filter((d) => rubric[d] < 6)
    .sort((a, b) => rubric[a] - rubric[b]);

  return {
    questionId: input.questionId,
    score,
    rubric,
    feedback: feedbackFor(score, rubric, missing, { words, dontKnow, offTopic }),
    followUpDue: score < 6 && words >= 3 && !dontKnow && !wantsClarification,
    insufficientEvidence: words === 0 || dontKnow,
    missing,
    dontKnow,
    wantsClarification,
    words,
  };
}

function feedbackFor(
  score: number,
  rubric: Rubric,
  missing: RubricDimension[],
  flags: { words: number; dontKnow: boolean; offTopic: boolean },
): string {
  if (flags.words === 0) return "No answer was given.";
  if (flags.dontKnow) {
    return "Saying you don't know is honest; next time, reason aloud about how you would find out or what you would try first.";
  }
  if (flags.offTopic) return "The answer did not address the question. " + FEEDBACK.evidence;
  const strong = (Object.keys(rubric) as RubricDimension[]).filter((d) => rubric[d] >= 7.5);
  const opening =
    score >= 8 ? "Strong answer." : score >= 6 ? "Solid answer." : score >= 4 ? "A partial answer." : "A thin answer.";
  const praise = strong.length ? ` ${strong.map((d) => PRAISE[d]).join(", ")}.`.replace(/ (\w)/, (m) => m.toUpperCase()) : "";
  const advice = missing.slice(0, 2).map((d) => FEEDBACK[d]).join(" ");
  return `${opening}${praise}${advice ? ` ${advice}` : ""}`.replace(/\s+/g, " ").trim();
}

/** The phrase of an answer most worth quoting back: the sentence with the most specifics, shortened. */
export function quotableFragment(answer: string, maxWords = 12): string {
  const sentences = answer
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => wordCount(s) >= 3);
  if (sentences.length === 0) return answer.trim().split(/\s+/).slice(0, maxWords).join(" ");
  const weight = (s: string) => findTechnologies(s).length * 2 + count(s, METRIC) * 2 + count(s, RESULT) + Math.min(1, wordCount(s) / 15);
  const best = sentences.reduce((a, b) => (weight(b) > weight(a) ? b : a));
  const words = best.replace(/[.!?]+$/, "").split(/\s+/);
  return words.length <= maxWords ? words.join(" ") : `${words.slice(0, maxWords).join(" ")}…`;
}

