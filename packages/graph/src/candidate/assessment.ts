import { followsUp } from "../coaching/follow-up.js";
import { shapeOfQuestion } from "../coaching/question-form.js";
import { unlawfulTopics } from "../coaching/unlawful-questions.js";
import { quotableFragment } from "../heuristics/index.js";
import { findTechnologies } from "../text/lexicon.js";
import { wordCount } from "../text/words.js";
import type { Persona, Seniority } from "./types.js";

export interface PersonaAssessmentInput {
  persona: Persona;
  seniority: Seniority;
  jobTitle: string;
  /** The interviewer's questions and the AI candidate's answers, in order. */
  turns: { question: string; answer: string }[];
}

export interface CandidateAssessment {
  persona: Persona;
  summary: string;
  /** 0–10, as an interviewer should have rated this persona. */
  score: number;
  /** What an attentive interviewer should have noticed. */
  noticed: string[];
}

const BASE: Record<Persona, number> = { strong: 8.5, average: 6, weak: 3.5, evasive: 4 };
const BAND: Record<Persona, [number, number]> = { strong: [8, 9.5], average: [5, 7], weak: [3, 4.5], evasive: [3, 5] };
/** The share of answers with checkable specifics each persona is expected to give. */
const EXPECTED_SPECIFIC: Record<Persona, number> = { strong: 0.8, average: 0.5, weak: 0.2, evasive: 0.1 };

/** A number, or tools the question did not already name: echoing "Kafka" back is not evidence. */
const specifics = (t: { question: string; answer: string }) => {
  const asked = new Set(findTechnologies(t.question).map((x) => x.toLowerCase()));
  const tools = findTechnologies(t.answer).filter((x) => !asked.has(x.toLowerCase())).length;
  return (t.answer.match(/\d+/g)?.length ?? 0) * 2 + tools;
};
const SPECIFIC = (t: { question: string; answer: string }) => specifics(t) >= 2;
const ADMITS = /\b(?:haven'?t|have not|not something i'?ve|isn'?t something i'?ve|not really, no|can'?t really think of)\b/i;
const TRADE_OFF = /\b(?:trade-?offs?|instead of|against|differently|lesson)\b/i;
const DRIFT = /\b(?:anyway|outside of that|in general)\b/i;
const DEFLECTS =
  /\b(?:depends|every (?:situation|team)|team effort|hard to (?:say|pull out|pick|separate)|rather highlight|more broadly|flexible|adapt\w*)\b/i;

const LEVEL: Record<Seniority, string> = { junior: "junior", mid: "mid-level", senior: "senior", lead: "lead" };
const round1 = (v: number) => Math.round(v * 10) / 10;
const firstSentence = (a: string) => (a.split(/(?<=[.!?])\s+/).find((s) => DEFLECTS.test(s)) ?? a).trim();

/**
 * The AI candidate's own account of the persona it played, for the interviewer to check their
 * judgement against: a summary, the score the persona deserves, and the signals that gave it away.
 */
export function assessCandidatePersona(input: PersonaAssessmentInput): CandidateAssessment {
  const { persona } = input;
  const level = LEVEL[input.seniority];
  const substantive = input.turns
    .map((t, i) => ({ ...t, number: i + 1 }))
    .filter((t) => shapeOfQuestion(t.question).isQuestion && unlawfulTopics(t.question).length === 0 && t.answer.trim());
  const declined = input.turns.filter((t) => unlawfulTopics(t.question).length > 0).length;
  const n = substantive.length;
  const specific = substantive.filter(SPECIFIC);
  const vague = substantive.filter((t) => !SPECIFIC(t));
  const admitted = substantive.filter((t) => ADMITS.test(t.answer));
  const tradeOffs = substantive.filter((t) => TRADE_OFF.test(t.answer));
  const averageWords = n ? Math.round(substantive.reduce((s, t) => s + wordCount(t.answer), 0) / n) : 0;

  const [low, high] = BAND[persona];
  const share = n ? specific.length / n : EXPECTED_SPECIFIC[persona];
  // Within the persona's band: more evidence and reflection than expected raise it, gaps lower it.
  const reflecting = n ? 0.5 * (tradeOffs.length / n) - 0.5 * (admitted.length / n) : 0;
  const adjusted = BASE[persona] + 2 * (share - EXPECTED_SPECIFIC[persona]) + reflecting;
  const score = round1(Math.min(high, Math.max(low, adjusted)));

  const noticed: string[] = [];
  const mostSpecific = [...specific].sort((a, b) => specifics(b) - specifics(a))[0];
  const example = mostSpecific ? `"${quotableFragment(mostSpecific.answer, 30)}"` : undefined;
  switch (persona) {
    case "strong":
      if (example) noticed.push(`Concrete evidence — numbers, named tools and outcomes, e.g. ${example}.`);
      if (tradeOffs.length) noticed.push("Reflected on trade-offs and on what they would do differently.");
      if (admitted.length) noticed.push(`Honest about gaps instead of bluffing (answer ${admitted[0]!.number}).`);
      break;
    case "average":
      noticed.push(`Some specifics (${specific.length} of ${n} answers), but the candidate's own part or the result was often missing.`);
      if (example) noticed.push(`The most specific moment: ${example}.`);
      break;
    case "weak":
      noticed.push(`Short answers: about ${averageWords} words on average.`);
      noticed.push(`Few specifics: ${specific.length} of ${n} answers had a number or a named tool.`);
      {
        const drift = substantive.find((t) => DRIFT.test(t.answer));
        if (drift) noticed.push(`Drifted off the question (answer ${drift.number}).`);
      }
      if (admitted.length) noticed.push(`Admitted gaps in ${admitted.length} answer(s).`);
      break;
    case "evasive": {
      const deflection = substantive.find((t) => DEFLECTS.test(t.answer));
      if (deflection) noticed.push(`Deflected into generalities, e.g. "${quotableFragment(firstSentence(deflection.answer), 14)}".`);
      noticed.push("Never said what they personally did or what changed as a result.");
      noticed.push(`Confident tone, yet only ${specific.length} of ${n} answers contained anything checkable.`);
      break;
    }
  }
  if (persona === "weak" || persona === "evasive") {
    const chances = vague.filter((t) => t.number < input.turns.length);
    const probed = chances.filter((t) => followsUp(input.turns[t.number]!.question, t.answer)).length;
    if (chances.length) {
      noticed.push(
        probed / chances.length >= 0.5
          ? `You probed ${probed} of ${chances.length} vague answers — that is how this persona gets exposed.`
          : `Only ${probed} of ${chances.length} vague answers ${probed === 1 ? "was" : "were"} followed up; ` +
            `asking "What exactly was your part?" exposes this persona.`,
      );
    }
  }
  if (declined) noticed.push(`Declined ${declined === 1 ? "a question" : `${declined} questions`} about personal characteristics — those should not have been asked.`);

  const played = `Played ${persona === "average" || persona === "evasive" ? "an" : "a"} ${persona} ${level} candidate`;
  const how: Record<Persona, string> = {
    strong: `${specific.length} of ${n} answers gave concrete specifics, usually told as situation, action and result, with trade-offs.`,
    average: "some specifics, loosely structured, rarely reflecting on trade-offs.",
    weak: `short, vague answers (about ${averageWords} words) with few specifics — ${specific.length} of ${n} had any.`,
    evasive: "fluent and confident, but deflecting into generalities and never committing to what they did personally.",
  };
  const summary = n
    ? `${played} for the ${input.jobTitle} role: ${how[persona]}`
    : `${played}; the interview ended before a substantive question was answered.`;
  return { persona, summary, score, noticed };
}
