import { findTechnologies } from "../text/lexicon.js";
import { wordCount } from "../text/words.js";
import { openRewrite, quoteQuestion } from "./open-rewrite.js";
import { sentencesOf, shapeOfQuestion } from "./question-form.js";
import type { InterviewTurn, QuestionAnalysis } from "./types.js";
import type { UnlawfulTopic } from "./unlawful-questions.js";

export interface AdviceContext {
  questions: QuestionAnalysis[];
  flagged: { number: number; text: string; topic: UnlawfulTopic }[];
  uncovered: string[];
  interviewerShare: number;
  followUps: number;
  turns: InterviewTurn[];
}

/** A question for each general competency, to show what probing it sounds like. */
const EXAMPLE_QUESTIONS: Record<string, string> = {
  communication: "Tell me about a time you had to explain something complex to someone outside your field.",
  collaboration: "Tell me about a time you disagreed with a colleague — how did you resolve it?",
  teamwork: "Tell me about a time you disagreed with a colleague — how did you resolve it?",
  "problem solving": "Walk me through the hardest problem you solved recently.",
  leadership: "Tell me about a time you helped someone on your team grow.",
  ownership: "Tell me about something that went wrong on your watch and what you did about it.",
  "technical depth": "Walk me through a design decision you made and the alternatives you rejected.",
  motivation: "What makes this role the right next step for you?",
};

/** The sentences of a turn that ask something, without the speech before them. */
function askingSentences(text: string): string {
  const asking = sentencesOf(text).filter((s) => shapeOfQuestion(s).isQuestion);
  return asking.length ? asking.join(" ") : text;
}

export const quote = (text: string, maxWords = 22) => {
  const words = quoteQuestion(askingSentences(text)).split(" ");
  return `"${words.length > maxWords ? `${words.slice(0, maxWords).join(" ")}…` : words.join(" ")}"`;
};

const asQuestion = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1).replace(/[?.!\s]+$/, "")}?`;

/** How to ask lawfully, written as an instruction ("Ask instead: …") unless it already is one. */
export const lawfulAlternative = (alternative: string) =>
  alternative.includes('"') ? alternative : `Ask instead: "${alternative}"`;

/** Concrete advice from what happened in the interview, most serious first. */
export function composeAdvice(ctx: AdviceContext): string[] {
  if (ctx.questions.length === 0) {
    return ["No questions were asked. Plan a few open questions for each competency before the interview."];
  }
  const advice = [
    ...ctx.flagged.slice(0, 3).map(unlawfulAdvice),
    leadingAdvice(ctx.questions),
    closedAdvice(ctx.questions),
    multipleAdvice(ctx.questions),
    followUpAdvice(ctx),
    talkAdvice(ctx.interviewerShare),
    coverageAdvice(ctx.uncovered),
  ].filter((a): a is string => Boolean(a));
  if (advice.length > 0) return advice;
  return [
    "A well-run interview: open questions, follow-ups on what the candidate said, and the role's competencies covered. " +
      'To go further, push one strong answer with "What would you do differently next time?"',
  ];
}

function unlawfulAdvice(f: AdviceContext["flagged"][number]): string {
  const instead = f.topic.alternative ? ` ${lawfulAlternative(f.topic.alternative)}` : " Leave the subject out entirely.";
  return `Don't ask ${quote(f.text)} (${f.topic.category}). ${f.topic.why}${instead}`;
}

function leadingAdvice(questions: QuestionAnalysis[]): string | undefined {
  const leading = questions.filter((q) => q.form === "leading");
  const first = leading.find(lawful);
  if (!first) return undefined;
  const rewrite = openRewrite(first.text);
  const count = leading.length === 1 ? "One question" : `${leading.length} questions`;
  const instead = rewrite ? `Ask neutrally instead: "${rewrite}"` : "Ask what they think, not whether they agree.";
  return `${count} suggested the answer you wanted, so a candidate can simply agree: ${quote(first.text)}. ${instead}`;
}

/** An unlawful question is never offered as an example to rewrite or to ask first. */
const lawful = (q: QuestionAnalysis) => !q.flags.some((f) => f.startsWith("unlawful"));

/** Too many yes/no questions: one of them rewritten as an open question (never an unlawful one). */
function closedAdvice(questions: QuestionAnalysis[]): string | undefined {
  const closed = questions.filter((q) => q.form === "closed");
  if (closed.length < 2 || closed.length / questions.length < 0.3) return undefined;
  const example = closed
    .filter(lawful)
    .map((q) => ({ q, rewrite: openRewrite(q.text) }))
    .find((c) => c.rewrite);
  const how = example
    ? ` Open them up: instead of ${quote(example.q.text)}, ask "${example.rewrite}"`
    : ' Start them with how, what, why or "Tell me about…".';
  return `${closed.length} of your ${questions.length} questions were closed (yes/no), which invites one-line answers.${how}`;
}

/** Several questions at once: the first part asked alone (an unlawful one has its own advice). */
function multipleAdvice(questions: QuestionAnalysis[]): string | undefined {
  const first = questions.find((q) => q.multiple && lawful(q));
  if (!first) return undefined;
  const parts = shapeOfQuestion(first.text).parts;
  return (
    `Question ${first.number} asked ${parts.length} things at once (${quote(first.text)}); candidates answer the easiest part and drop the rest. ` +
    `Ask "${asQuestion(parts[0] ?? first.text)}" first and follow up with the rest one at a time.`
  );
}

function talkAdvice(interviewerShare: number): string | undefined {
  if (interviewerShare <= 0.4) return undefined;
  return (
    `You spoke ${Math.round(interviewerShare * 100)}% of the words; aim for well under 40%. ` +
    "Keep questions short and let pauses run, so the candidate does the talking."
  );
}

function coverageAdvice(uncovered: string[]): string | undefined {
  const first = uncovered[0];
  if (!first) return undefined;
  const example = EXAMPLE_QUESTIONS[first.toLowerCase()] ?? `Walk me through how you've used ${first} in a recent piece of work.`;
  const named = uncovered.length > 6 ? `${uncovered.slice(0, 6).join(", ")} and ${uncovered.length - 6} more` : uncovered.join(", ");
  return `Not probed: ${named}. Plan at least one question for each — for ${first}, e.g. "${example}"`;
}

/** Too few follow-ups: advice anchored on an answer that deserved one and did not get it. */
function followUpAdvice(ctx: AdviceContext): string | undefined {
  const chances = ctx.questions.length - 1;
  if (chances < 2 || ctx.followUps / chances >= 0.25) return undefined;
  const opening = `You followed up on ${ctx.followUps} of ${chances} answers. Probe when an answer is vague or names something worth testing`;
  const followed = new Set(ctx.questions.filter((q) => q.followsUp).map((q) => q.number - 1));
  for (const [index, turn] of ctx.turns.entries()) {
    const number = index + 1;
    if (followed.has(number) || !ctx.questions.some((q) => q.number === number)) continue;
    const named = findTechnologies(turn.answer)[0] ?? /(?<![.!?]\s)\bat ([A-Z][\p{L}]+)/u.exec(turn.answer)?.[1];
    if (named) return `${opening} — after answer ${number}, for example: "You mentioned ${named} — what exactly was your part in that?"`;
    if (wordCount(turn.answer) > 0 && wordCount(turn.answer) < 30) {
      return `${opening} — answer ${number} stayed vague, so ask: "What exactly did you do yourself?"`;
    }
  }
  return `${opening}: "You mentioned that — what exactly was your part in it?"`;
}
