import type { Rubric } from "../types.js";
import { fnv1a } from "../text/words.js";
import { languageName } from "./language.js";
import { clauseMatching } from "./clauses.js";
import type { RelevanceJudgement } from "./relevance.js";
import { circles } from "./rubric.js";
import { CAUSAL, METRIC, OWN_ACTION, RESULT, TRADE_OFF, type AnswerSignals, type QuestionKind } from "./signals.js";
import type { EvidenceIssue, RubricDimension } from "./types.js";

export interface FeedbackContext {
  /** The answer as scored (instructions to the grader removed). */
  answer: string;
  question: string;
  topic: string;
  jobTitle: string;
  /** The interview's language and, for other_language, the answer's (base subtags). */
  interviewLanguage?: string | undefined;
  answerLanguage?: string | undefined;
  kind: QuestionKind;
  injection: boolean;
  /** Whether the answer's wording can be read for English cues ("because", "instead of", "we"). */
  englishCues: boolean;
}

/** One of several phrasings, picked by the answer's hash so feedback varies but never flickers. */
const pick = (ctx: FeedbackContext, key: string, options: string[]) => options[fnv1a(`${key}:${ctx.answer}`) % options.length]!;

/** What the question was about, in a few words. */
function subjectOf(ctx: FeedbackContext): string {
  const topic = ctx.topic.trim();
  if (topic && topic.toLowerCase() === ctx.jobTitle.trim().toLowerCase()) return `you and the ${topic} role`;
  if (topic) return topic;
  const words = ctx.question.replace(/[?.!]+$/, "").split(/\s+/);
  return words.length <= 12 ? `"${words.join(" ")}"` : `"${words.slice(0, 12).join(" ")}…"`;
}

const IGNORED = "Text addressed to the grader was ignored.";

export function feedbackWithoutEvidence(issue: EvidenceIssue, ctx: FeedbackContext): string {
  const subject = subjectOf(ctx);
  switch (issue) {
    case "empty": {
      const said = ctx.answer.trim();
      const opening = said ? `"${said}" on its own leaves nothing to judge.` : "No answer was given, so there is nothing to score.";
      return `${opening} Answer in a few sentences about ${subject}: what you did, how, and what came of it.`;
    }
    case "gibberish":
      return "The answer reads as random characters or placeholder text, so it could not be scored. Please answer the question in full sentences.";
    case "instructions_only":
      return `The answer only contained instructions to the grader, which were ignored, so nothing was left to score. Answer the question itself: what you did about ${subject} and what came of it.`;
    case "dont_know":
      return `Saying you don't know is honest, but it leaves nothing to judge. Next time, reason aloud about ${subject}: what you would try first and how you would find out.`;
    case "copies_question":
      return `The answer repeats the question instead of answering it, so there is nothing to judge. Say what you actually did about ${subject}, with one concrete example.`;
    case "repeats_answer":
      return `The answer repeats one you gave earlier in this interview, so it adds nothing to judge here. Answer this question itself: what you did about ${subject}, with an example you have not used yet.`;
    case "other_language": {
      const expected = ctx.interviewLanguage ? languageName(ctx.interviewLanguage) : "the interview's language";
      const given = ctx.answerLanguage && ctx.answerLanguage !== "und" ? `in ${languageName(ctx.answerLanguage)}` : "in another language";
      return `The answer is ${given}, but this interview is in ${expected}, so it was not scored. Please answer again in ${expected}.`;
    }
  }
}

export function feedbackForClarification(ctx: FeedbackContext): string {
  return `You asked for the question to be clarified, so this is not scored as an answer. Once it is rephrased, answer about ${subjectOf(ctx)} with one concrete example.`;
}

export function feedbackOffTopic(rel: RelevanceJudgement, ctx: FeedbackContext): string {
  const subject = subjectOf(ctx);
  const opening = rel.foreignField
    ? pick(ctx, "off", [
        `The answer is about ${rel.foreignField} and did not address the question, which was about ${subject}.`,
        `This answer is about ${rel.foreignField}, not the question, which asked about ${subject}.`,
      ])
    : `The answer did not address the question, which was about ${subject}, or the ${ctx.jobTitle} role.`;
  const advice = pick(ctx, "off-advice", [
    `Choose an example from your own work that fits the ${ctx.jobTitle} role and answer that question directly.`,
    `Answer with an example that fits the ${ctx.jobTitle} role: what you did, how, and the result.`,
  ]);
  return [ctx.injection ? IGNORED : "", opening, advice].filter(Boolean).join(" ");
}

interface Gap {
  dimension: RubricDimension;
  text: string;
}

/** What this answer lacks, most telling first within each dimension. */
function gapsOf(s: AnswerSignals, rubric: Rubric, rel: RelevanceJudgement, ctx: FeedbackContext): Gap[] {
  const gaps: Gap[] = [];
  const add = (dimension: RubricDimension, text: string) => gaps.push({ dimension, text });
  const specific = s.metrics + s.tools.length + s.properNouns + rel.fieldTerms;
  const planning = ctx.kind === "hypothetical";
  const cues = ctx.englishCues;
  if (rubric.relevance < 5) {
    // An answer that names the subject only touched on it; one that never names it drifted away.
    add("relevance", rel.touchesQuestion
      ? `It only touched on ${subjectOf(ctx)}; answer that directly before adding context.`
      : `It drifted away from ${subjectOf(ctx)}, which is what the question asked about.`);
  }
  if (cues && s.we >= 3 && s.ownActions === 0) {
    add("evidence", pick(ctx, "we", [
      `You said "we" throughout and never what you did yourself.`,
      `It is all "we": say which part was yours and what you decided.`,
    ]));
  }
  if (cues && s.unquantifiedClaim) {
    add("evidence", pick(ctx, "claim", [
      `You said "${s.unquantifiedClaim}" but not by how much; give the before and after.`,
      `"${capitalise(s.unquantifiedClaim)}" needs a number: by how much, and compared with what?`,
    ]));
  }
  if (cues && ctx.kind === "experience" && s.results === 0) {
    add("evidence", pick(ctx, "outcome", [
      "No result or outcome was given: what changed because of what you did?",
      "It stops before the outcome; say how it turned out and how you knew.",
    ]));
  }
  if (specific === 0) {
    add("evidence", pick(ctx, "general", [
      "It stays general: name the tools, the numbers or one concrete example.",
      "Nothing in it is specific; a name, a figure or a real example would make it credible.",
    ]));
  } else if (ctx.kind !== "experience" && s.anchors === 0 && s.properNouns === 0 && s.metrics === 0) {
    add("evidence", pick(ctx, "example", [
      "Ground it in a real example: when did you do this, and what happened?",
      "It describes a practice but no occasion; one real case with its result would prove it.",
    ]));
  }
  if (cues && s.platitudes >= 2 && s.platitude) {
    add("depth", pick(ctx, "platitude", [
      `It leans on general statements such as "${s.platitude}" instead of what you actually did.`,
      `Lines like "${s.platitude}" could come from anyone; replace them with what you did and what happened.`,
    ]));
  }
  if (s.words < 25) add("depth", `At ${s.words} words it is too brief to show how you work; walk through what you ${planning ? "would do" : "did"} and why.`);
  const open = ctx.kind === "open";
  if (cues && open && !/\b(because|why|which is why|that'?s why|i want|i'?m looking|excit\w*|this role|the role|fit)\b/i.test(ctx.answer)) {
    add("relevance", `Say why this background fits the ${ctx.jobTitle} role, not only what it was.`);
  }
  if (cues && !open && s.tradeOffs === 0 && (planning || (s.words >= 25 && rubric.depth < 6.5))) {
    add("depth", pick(ctx, "tradeoff", [
      `There is no trade-off or alternative: what else ${planning ? "would you consider" : "did you consider"}, and why this?`,
      `It does not weigh any alternative; say what you ${planning ? "would rule" : "ruled"} out and what the choice costs.`,
    ]));
  }
  if (cues && !open && s.causal === 0 && s.words >= 25) {
    add("depth", planning ? "It lists what you would do but not why each step is needed." : "It says what happened but not why you chose to do it that way.");
  }
  if (s.longestSentence > 55) {
    add("clarity", `It was hard to follow: one run-on sentence of ${s.longestSentence} words; break it into ${planning ? "steps" : "the situation, your actions and the result"}.`);
  }
  if (s.repeatedPhrase || s.repetition > 0.12) {
    const phrase = s.repeatedPhrase ? ` ("${s.repeatedPhrase}")` : "";
    add("clarity", `It repeats itself${phrase} without adding substance; say it once and move on to specifics.`);
  }
  if (cues && s.fillers >= 3) add("clarity", "Fillers such as \"basically\" and \"you know\" blur the point.");
  if (cues && ctx.kind === "experience" && s.structure <= 2 && s.words >= 60 && rubric.clarity < 7) {
    add("clarity", "Give it a shape: the situation, what you did, and the result.");
  }
  return gaps;
}

/** What was good, quoting the words that earned it; nothing for an answer that only circles the question. */
function praiseOf(s: AnswerSignals, rubric: Rubric, rel: RelevanceJudgement, ctx: FeedbackContext): string | undefined {
  if (circles(s, rel) || s.platitudes >= 2) return undefined;
  const figure = s.metrics >= 1 ? clauseMatching(ctx.answer, [[METRIC, RESULT], [METRIC]]) : undefined;
  if (figure) {
    return pick(ctx, "praise-metric", [
      `"${capitalise(figure)}" is concrete and measured.`,
      `Good use of figures: "${figure}".`,
      `Quoting numbers such as "${figure}" makes the impact clear.`,
    ]);
  }
  // A run-on answer has no clause worth quoting as reasoning.
  if (s.words < 25 || !ctx.englishCues || s.longestSentence > 55) return undefined;
  return praiseOfReasoning(s, rubric, rel, ctx);
}

/** Praise for how the answer reasons, when it has no figure to praise or room for a second praise. */
function praiseOfReasoning(s: AnswerSignals, rubric: Rubric, rel: RelevanceJudgement, ctx: FeedbackContext): string | undefined {
  const alternative = s.tradeOffs >= 1 && rubric.depth >= 5 ? clauseMatching(ctx.answer, [[TRADE_OFF]]) : undefined;
  if (alternative) return `Weighing the alternatives ("${alternative}") showed judgement, not just activity.`;
  const reason = s.causal >= 1 && s.tools.length + rel.fieldTerms >= 2 ? clauseMatching(ctx.answer, [[CAUSAL]]) : undefined;
  if (reason) return `You explained why, not just what: "${reason}".`;
  if (s.structure >= 4 && rubric.clarity >= 7) return "It is well structured, from the situation through what you did to the result.";
  const own = s.ownActions >= 2 && s.tools.length + s.properNouns + rel.fieldTerms >= 1 ? clauseMatching(ctx.answer, [[/^I\b/, OWN_ACTION], [OWN_ACTION]]) : undefined;
  if (own) return `You were clear about your own part: "${own}".`;
  return undefined;
}

/** A stretch goal for an answer that lacks nothing obvious, from what it does not yet contain. */
function stretchFor(s: AnswerSignals, ctx: FeedbackContext): string {
  if (s.tradeOffs === 0) return "To make it stronger still, say which alternative you rejected and why.";
  if (s.metrics < 2) return "To make it stronger still, add a figure that shows the outcome.";
  if (!/\b(learn(ed|t)|next time|differently|in hindsight|looking back)\b/i.test(ctx.answer)) {
    return "To make it stronger still, say what you learned or would do differently next time.";
  }
  return "To make it stronger still, lead with the result and then explain how you got there.";
}

/** Two or three sentences about this answer: what was good, then what was missing, weakest first. */
export function feedbackForAnswer(s: AnswerSignals, rubric: Rubric, rel: RelevanceJudgement, ctx: FeedbackContext): string {
  const praise = praiseOf(s, rubric, rel, ctx);
  const order = (Object.keys(rubric) as RubricDimension[]).sort((a, b) => rubric[a] - rubric[b]);
  const gaps = gapsOf(s, rubric, rel, ctx).sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension));
  const room = 3 - (praise ? 1 : 0) - (ctx.injection ? 1 : 0);
  // Prefer gaps in different dimensions, so that the sentences say different things.
  const chosen: Gap[] = [];
  for (const gap of gaps) if (chosen.length < room && !chosen.some((c) => c.dimension === gap.dimension)) chosen.push(gap);
  for (const gap of gaps) if (chosen.length < room && !chosen.includes(gap)) chosen.push(gap);
  // An answer with nothing missing gets a second praise, if earned, and a stretch goal.
  const second = chosen.length === 0 && praise && !ctx.injection && ctx.englishCues ? praiseOfReasoning(s, rubric, rel, ctx) : undefined;
  const parts = [ctx.injection ? IGNORED : "", praise ?? "", second && second !== praise ? second : "", ...chosen.map((g) => g.text)].filter(Boolean);
  if (chosen.length === 0) parts.push(stretchFor(s, ctx));
  if (parts.length === 1 && !ctx.injection) parts.unshift(openingFor(rubric));
  return parts.join(" ");
}

function openingFor(rubric: Rubric): string {
  const score = (rubric.relevance + rubric.depth + rubric.clarity + rubric.evidence) / 4;
  return score >= 7 ? "A strong answer." : score >= 5 ? "A reasonable answer." : "A thin answer.";
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
