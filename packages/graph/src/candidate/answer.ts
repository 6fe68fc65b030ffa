import { followsUp } from "../coaching/follow-up.js";
import { shapeOfQuestion } from "../coaching/question-form.js";
import { unlawfulTopics } from "../coaching/unlawful-questions.js";
import { stemSet } from "../text/words.js";
import { chosen, fill, lowerStart, say, type Context, type Draft } from "./answer-context.js";
import { introduction, motivation, strengths, tools } from "./career-answers.js";
import { factsFromPassages } from "./cv-facts.js";
import { behavioural } from "./behavioural-answers.js";
import { topic } from "./experience-answers.js";
import { withSecondPart } from "./second-part.js";
import { bestAchievements, toldBefore } from "./fact-choice.js";
import { askedSubject, intentOf } from "./intent.js";
import { seededRandom } from "./random.js";
import { spokenAchievement, spokenSkills } from "./spoken.js";
import type { CandidateAnswer, CandidateAnswerInput } from "./types.js";
import * as voice from "./voice.js";

function similarity(a: string, b: string): number {
  const x = stemSet(a);
  const y = stemSet(b);
  if (x.size < 4 || y.size < 4) return a.trim().toLowerCase() === b.trim().toLowerCase() ? 1 : 0;
  const shared = [...x].filter((s) => y.has(s)).length;
  return shared / (x.size + y.size - shared);
}

/**
 * The AI candidate's reply to one interviewer question, offline and deterministic: it speaks the
 * retrieved CV facts in the first person, shaped by its persona, and never states an employer,
 * date, number or technology the CV does not contain.
 */
export function answerAsCandidate(input: CandidateAnswerInput): CandidateAnswer {
  const question = input.question.trim();
  const shape = shapeOfQuestion(question);
  const unlawful = unlawfulTopics(question);
  const intent = intentOf(question, shape, unlawful, input.company);
  const facts = factsFromPassages([...input.passages, ...(input.background ?? [])]);
  const told = new Set(facts.filter((f) => toldBefore(f, input.previousAnswers)).map((f) => f.text));
  const rejected = new Set<string>();
  const lastAnswer = withoutStockPhrases(input.previousAnswers[input.previousAnswers.length - 1] ?? "");
  const subject = askedSubject(question, [input.jobTitle, input.company ?? ""]);
  const base = {
    input,
    persona: input.persona,
    shape,
    intent,
    unlawful,
    facts,
    told,
    rejected,
    followUp: followsUp(question, lastAnswer),
    asked: [...subject.technologies, ...subject.names],
    repeated: input.askedBefore.some((q) => similarity(q, question) >= 0.7),
  };
  const lawfulParts = shape.parts.filter((part) => unlawfulTopics(part).length === 0);
  // Only when some part is unlawful on its own: a subject spread over two parts ("maternity leave,
  // and what do you plan …") leaves every part lawful, and the rest would be the whole question again.
  if (intent === "unlawful" && lawfulParts.length > 0 && lawfulParts.length < shape.parts.length && (input.persona === "strong" || input.persona === "average")) {
    return declineAndAnswerTheRest({ ...base, random: seededRandom(input.seed, input.turn, question, 0) }, lawfulParts);
  }
  let answer: CandidateAnswer | undefined;
  // Another attempt tells other facts and picks other words, until it does not echo an earlier answer.
  for (let attempt = 0; attempt < 3; attempt++) {
    const draft = compose({ ...base, random: seededRandom(input.seed, input.turn, question, attempt) });
    answer = { text: finish(draft.sentences), grounded: draft.used.length > 0, usedFacts: [...new Set(draft.used.map((f) => f.text))] };
    if (!input.previousAnswers.some((p) => similarity(p, answer!.text) >= 0.6)) return answer;
    for (const f of draft.used) rejected.add(f.text);
  }
  return answer!;
}

/** Every stock sentence the personas use, so that only what the last answer said about the CV counts. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  return value && typeof value === "object" ? Object.values(value).flatMap(stringsIn) : [];
}
const STOCK = new Set(stringsIn(Object.values(voice)));
const withoutStockPhrases = (answer: string) =>
  answer
    .split(/(?<=[.!?])\s+/)
    .filter((s) => !STOCK.has(s.trim()))
    .join(" ");

/** Sentences joined as speech: an opener ending in a comma runs into the next sentence. */
function finish(sentences: string[]): string {
  let text = "";
  for (const s of sentences.map((x) => x.trim()).filter(Boolean)) {
    if (text.endsWith(",") || text.endsWith("—")) text += ` ${lowerStart(s)}`;
    else text += `${text ? " " : ""}${s}`;
  }
  return text.replace(/\s+/g, " ").replace(/\s+([,.;!?])/g, "$1").trim();
}

const CLOSING_REMARK =
  /\b(?:thanks for your time|that'?s (?:all|everything|it from me)|we'?ll be in touch|that brings us to the end|we'?re (?:done|out of time))\b/i;
const RIGHT_TO_WORK = /right to work|authori[sz]ed to work|visa|sponsorship/i;

function compose(ctx: Context): Draft {
  const { persona } = ctx;
  switch (ctx.intent) {
    case "empty":
      return say(["Sorry, I didn't catch that — could you say it again?"]);
    case "unlawful":
      return decline(ctx);
    case "small_talk":
      return say([smallTalk(ctx)]);
    case "statement":
      return say([chosen(ctx, CLOSING_REMARK.test(ctx.input.question) ? voice.GOODBYE : voice.ACKNOWLEDGE)]);
    case "closing_questions":
      return say([chosen(ctx, voice.CANDIDATE_QUESTIONS)]);
    case "anything_else": {
      const best = persona === "strong" ? bestAchievements(ctx)[0] : undefined;
      if (!best) return say([chosen(ctx, voice.ANYTHING_ELSE)]);
      const told = spokenAchievement(best, ctx.random, { frame: true, withResult: false });
      return say([chosen(ctx, voice.ANYTHING_ELSE), told, "I'd love to do more of that kind of work here."], [best]);
    }
    case "salary":
      return say([fill(chosen(ctx, voice.SALARY), { level: levelOf(ctx), job: ctx.input.jobTitle })]);
    case "notice":
      return say([chosen(ctx, voice.NOTICE)]);
    case "logistics":
      return say([chosen(ctx, RIGHT_TO_WORK.test(ctx.input.question) ? voice.RIGHT_TO_WORK : voice.LOGISTICS)]);
    case "company_knowledge":
      return say([chosen(ctx, voice.COMPANY_KNOWLEDGE)]);
    case "contact":
      return say([chosen(ctx, voice.CONTACT)]);
    case "languages": {
      const spokenLanguages = ctx.facts.find((f) => f.label === "Spoken languages");
      return spokenLanguages ? say([spokenSkills(spokenLanguages)], [spokenLanguages]) : say([chosen(ctx, voice.LANGUAGES_UNSTATED)]);
    }
    case "tools":
      return tools(ctx);
    case "motivation":
      return motivation(ctx);
    case "introduction":
      return introduction(ctx);
    case "strengths":
      return strengths(ctx);
    case "weaknesses":
      return say([chosen(ctx, voice.WEAKNESS)]);
    case "behavioural":
      return withSecondPart(ctx, behavioural(ctx));
    case "topic":
      return withSecondPart(ctx, topic(ctx));
  }
}

const levelOf = (ctx: Context) => ({ junior: "junior", mid: "mid-level", senior: "senior", lead: "lead" })[ctx.input.seniority];

/** Declines every unlawful subject the question raised, by name, steering where the first one points. */
function decline(ctx: Context, steering = true): Draft {
  const named = ctx.unlawful.map((topic) => voice.DECLINED_SUBJECT[topic.category] ?? { subject: "that", steer: "I'm happy to talk about the role, though." });
  const subjects = [...new Set(named.map((n) => n.subject).filter((s) => s !== "that"))];
  const subject = subjects.length ? subjects.join(" and ") : "that";
  const steer = steering ? (named[0]?.steer ?? "I'm happy to talk about the role, though.") : "";
  return say([fill(chosen(ctx, voice.DECLINE), { subject, steer }).trim()]);
}

/** A two-part question with one lawful part: the unlawful part is declined and the lawful one answered. */
function declineAndAnswerTheRest(ctx: Context, lawfulParts: string[]): CandidateAnswer {
  const question = lawfulParts.map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}?`).join(" ");
  // Rebuilt from lawful parts, the question may still read as unlawful as a whole: then it is all declined.
  if (unlawfulTopics(question).length > 0) return { text: finish(decline(ctx).sentences), grounded: false, usedFacts: [] };
  const rest = answerAsCandidate({ ...ctx.input, question });
  // The rest goes on from the refusal, without an opener of its own ("Happy to.").
  const sentences = rest.text.split(/(?<=[.!?])\s+/);
  while (sentences.length > 1 && STOCK.has(sentences[0]!.trim())) sentences.shift();
  return { ...rest, text: finish([...decline(ctx, false).sentences, ...sentences]) };
}

function smallTalk(ctx: Context): string {
  const q = ctx.input.question;
  const kind = /how are you|how'?s it going|how have you been/i.test(q)
    ? "howAreYou"
    : /find (?:us|the)|journey|trip|commute/i.test(q)
      ? "travel"
      : /water|coffee|tea|drink/i.test(q)
        ? "drink"
        : /hear me|sound|audio|connection/i.test(q)
          ? "hearing"
          : "hello";
  return chosen(ctx, voice.SMALL_TALK[kind]);
}
