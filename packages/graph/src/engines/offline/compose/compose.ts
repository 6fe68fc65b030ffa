import { fnv1a } from "../../../text/words.js";
import { parseBullet } from "../../../cv/model/bullets.js";
import { splitSentences } from "../../../cv/model/sentences.js";
import { quotableClause } from "../../../heuristics/index.js";
import { TEMPLATES, type Template } from "./bank.js";
import { lowerFirst, nearDuplicate, tidyQuestion } from "./english.js";
import { slotsFor, type Slots } from "./slots.js";
import type { AnswerGap, ComposedQuestion, ComposeInput } from "./types.js";

const DEEP_PHASES = new Set(["projects", "standout_skills", "role_skills"]);

/** What a harder question adds, by domain and difficulty (index = difficulty - 1). */
const DEPTH: Record<"tech" | "trade" | "behavioral", string[]> = {
  tech: [
    "",
    "",
    "Include the main trade-offs you weighed.",
    "Include the trade-offs, and what would change at ten times the scale.",
    "Include the trade-offs, how it would fail at ten times the scale, and how you would notice.",
  ],
  trade: [
    "",
    "",
    "Say what you would do differently now.",
    "Say what you would do differently now, and how it would change at twice the volume.",
    "Say what you would do differently, how it would hold up at twice the volume, and how you would spot problems early.",
  ],
  behavioral: [
    "",
    "",
    "What would you do differently now?",
    "Which part of the outcome was down to you, and what would you change?",
    "Which part of the outcome was down to you, what did it cost, and what would you change?",
  ],
};
/** Questions that already ask for these need no depth clause. */
const ASKS_DEPTH = /trade-offs?|ten times|ten-fold|twice|differently|down to you/i;

function eligible(template: Template, input: ComposeInput, slots: Slots): boolean {
  if (!template.types.includes(input.questionType) || !template.phases.includes(input.phase)) return false;
  if (!template.needs.every((n) => slots[n]) || (template.when && !template.when(slots))) return false;
  if (template.domain === "any") return true;
  // A software question needs a software job; about a CV fact, it needs software work too.
  return template.domain === slots.domain && (!slots.focusDomain || slots.focusDomain === slots.domain);
}

const seeded = (seed: string, salt: string) => fnv1a(`${seed}:${salt}`);

/** Candidate templates, the most specific first, shuffled by the seed among equals. */
function candidates(input: ComposeInput, slots: Slots): Template[] {
  const used = new Set(input.usedIntents ?? []);
  const broad = input.questionStyle === "broad";
  return TEMPLATES.filter((t) => eligible(t, input, slots))
    .map((t) => ({
      t,
      rank:
        (used.has(t.intent) ? 100 : 0) -
        t.needs.length * 2 -
        (broad && t.broad ? 3 : 0) -
        (t.domain !== "any" ? 1 : 0) +
        (seeded(input.seed, `${input.step}:${t.id}`) % 1000) / 1000 * 2.5,
    }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ t }) => t);
}

/** A sentence of the retrieved passages about the focus that reads as something the candidate did. */
function contextLead(input: ComposeInput, slots: Slots): string {
  if (input.focus.fact || input.focus.evidence || !slots.skill) return "";
  const skill = slots.skill.toLowerCase();
  for (const sentence of input.context.flatMap((c) => splitSentences(c.replace(/\n+/g, ". ")))) {
    if (!sentence.toLowerCase().includes(skill)) continue;
    const bullet = parseBullet(sentence);
    if (bullet.action && bullet.object && bullet.object.toLowerCase().includes(skill)) {
      return `Your CV says you ${bullet.action} ${lowerFirst(bullet.object)}.`;
    }
  }
  return "";
}

function depthClause(input: ComposeInput, slots: Slots, core: string): string {
  if (input.questionStyle === "broad" || !DEEP_PHASES.has(input.phase) || ASKS_DEPTH.test(core)) return "";
  const d = Math.min(5, Math.max(1, Math.round(input.difficulty))) - 1;
  const bank = input.questionType === "behavioral" ? DEPTH.behavioral : slots.domain === "tech" ? DEPTH.tech : DEPTH.trade;
  return bank[d]!;
}

/** "Earlier you said …" for the follow_up style, which builds each question on the last answer. */
function buildOnLastAnswer(input: ComposeInput): string {
  if (input.questionStyle !== "follow_up" || !input.previous?.answer.trim()) return "";
  // A whole sentence or clause: a quote cut mid-thought misquotes the candidate.
  const fragment = quotableClause(input.previous.answer, 8);
  return fragment ? `Earlier you said "${fragment}"; let's build on that.` : "";
}

function main(input: ComposeInput): ComposedQuestion {
  const slots = slotsFor(input);
  const options = candidates(input, slots);
  const lead = buildOnLastAnswer(input) || contextLead(input, slots);
  let chosen: ComposedQuestion | undefined;
  for (const template of options) {
    const core = template.render(slots);
    const text = tidyQuestion(`${lead} ${core} ${depthClause(input, slots, core)}`);
    if (input.askedQuestions.some((q) => nearDuplicate(q, text))) continue;
    chosen = { text, intent: template.intent, template: template.id };
    break;
  }
  if (chosen) return chosen;
  // Every template was used for this focus: ask for another example rather than repeat one.
  const fallback = options[0] ?? TEMPLATES.find((t) => t.id === "work-generic")!;
  return {
    text: tidyQuestion(`${fallback.render(slots)} This time, choose an example we have not discussed yet.`),
    intent: fallback.intent,
    template: fallback.id,
  };
}

const PROBES: Record<AnswerGap | "general", ((quote: string) => string)[]> = {
  evidence: [
    (q) => `You said "${q}". What changed as a result, by how much, and how did you measure it?`,
    (q) => `You mentioned "${q}". What concrete outcome came of it, and how do you know?`,
  ],
  depth: [
    (q) => `You said "${q}". How did that work in practice, and why did you choose it over the alternatives?`,
    (q) => `About "${q}": what was the hardest part to get right, and what did you weigh up?`,
  ],
  clarity: [
    (q) => `Let's slow down on "${q}". What was the situation, what did you do yourself, and how did it end?`,
    (q) => `You said "${q}". Take me through it step by step: the situation, your part, and the result.`,
  ],
  relevance: [
    (q) => `You said "${q}". How does that connect to what I asked? Answer it directly, with one concrete example.`,
  ],
  general: [
    (q) => `You said "${q}". Can you give me one specific example of that from your own work?`,
    (q) => `Tell me more about "${q}": what was your own contribution?`,
  ],
};

/** Probes for the same gaps that quote nothing (an answer with nothing short to quote, or words quoted before), worded unlike the quoted ones. */
const PLAIN_PROBES: Record<AnswerGap | "general", string[]> = {
  evidence: ["What difference did that make in the end, and what numbers would show it?", "How would someone else have known it worked? What did you see change?"],
  depth: ["Which part of that was hardest to get right, and what other options did you consider?", "Why that way and not another? Tell me what you weighed up."],
  clarity: ["Let's take it in order: what was going on, what did you do yourself, and how did it end?", "Pick one occasion and tell it from start to finish: the situation, your part, the result."],
  relevance: ["Let me bring you back to my question. What is your own example of exactly that?"],
  general: ["Pick one occasion from your own work and tell me what you did, step by step.", "What exactly was your own part in that, and what came of it?"],
};
const LAST_PROBE = "Could you walk me through one concrete example, from the situation to the result?";

/**
 * Probes the gap of the last answer, quoting it once: an interviewer who quotes the same words
 * again, or asks the same follow-up twice, is not listening. So a quote already used in this
 * interview is left out, and a probe like one already asked gives way to another.
 */
function followUp(input: ComposeInput): ComposedQuestion {
  const previous = input.previous!;
  const gap = previous.missing[0] ?? "general";
  const quote = quotableClause(previous.answer, 12);
  const quotedBefore = quote !== "" && input.askedQuestions.some((q) => q.includes(`"${quote}"`));
  const pick = seeded(input.seed, `f:${input.step}`);
  const rotate = <T>(items: T[]) => items.map((_, i) => items[(pick + i) % items.length]!);
  const options = [
    ...(quote && !quotedBefore ? rotate(PROBES[gap]).map((probe) => ({ text: probe(quote), gap })) : []),
    ...rotate(PLAIN_PROBES[gap]).map((text) => ({ text, gap })),
    ...(gap === "general" ? [] : rotate(PLAIN_PROBES.general).map((text) => ({ text, gap: "general" }))),
  ].map((o) => ({ ...o, text: tidyQuestion(o.text) }));
  const fresh = options.find((o) => !input.askedQuestions.some((q) => nearDuplicate(q, o.text)));
  if (fresh) return { text: fresh.text, intent: `follow_up:${fresh.gap}`, template: `follow-${fresh.gap}` };
  return { text: LAST_PROBE, intent: "follow_up", template: "follow-empty" };
}

/** The question in plain words: what the candidate did, and how it went. */
function simply(input: ComposeInput, slots: Slots): string {
  const { focus } = input;
  if (slots.thing && slots.org) return `what did you do on ${slots.thing} at ${slots.org}, and how did it turn out?`;
  if (slots.project) return `what was ${slots.project}, and what was your part in it?`;
  if (slots.skill) return `how have you used ${slots.skill} in your work, and what happened?`;
  if (slots.org && slots.aRole) return `what did you do as ${slots.aRole} at ${slots.org}, and how did it turn out?`;
  if (focus.kind === "work") return `which project of yours fits the ${slots.job} role best, and what did you do on it?`;
  if (focus.kind === "background") return `what have you done so far that prepares you for the ${slots.jobTitle} role?`;
  if (focus.kind === "company") return `why do you want this role${slots.company ? ` at ${slots.company}` : ""}, and what would you bring to it?`;
  return "what did you do, and how did it turn out?";
}

function clarification(input: ComposeInput): ComposedQuestion {
  const slots = slotsFor(input);
  const text = tidyQuestion(`Of course. Put simply: ${simply(input, slots)} One concrete example is enough.`);
  return { text, intent: "clarification", template: "clarify" };
}

/** The offline interviewer's question, with its intent and template (see ComposeInput). */
export function composeQuestionDetailed(input: ComposeInput): ComposedQuestion {
  if (input.kind === "follow_up" && input.previous) return followUp(input);
  if (input.kind === "clarification" && input.previous) return clarification(input);
  return main(input);
}

export const composeQuestion = (input: ComposeInput): string => composeQuestionDetailed(input).text;

