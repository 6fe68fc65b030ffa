import type { QuestionShape } from "../coaching/question-form.js";
import { stripFillers } from "../coaching/question-form.js";
import type { UnlawfulTopic } from "../coaching/unlawful-questions.js";
import { findTechnologies } from "../text/lexicon.js";
import { contentWords, stem } from "../text/words.js";

export type QuestionIntent =
  | "empty"
  | "unlawful"
  | "small_talk"
  | "statement"
  | "closing_questions"
  | "anything_else"
  | "salary"
  | "notice"
  | "logistics"
  | "company_knowledge"
  | "contact"
  | "languages"
  | "tools"
  | "motivation"
  | "introduction"
  | "strengths"
  | "weaknesses"
  | "behavioural"
  | "topic";

const INTENTS: [Exclude<QuestionIntent, "empty" | "unlawful" | "small_talk" | "statement" | "topic">, RegExp][] = [
  ["closing_questions", /\b(?:(?:do|did) you have|have you got|are there|got) any (?:questions|thing you'?d like to ask)|anything (?:you'?d like|you want) to ask|questions for (?:me|us)\b/i],
  ["anything_else", /\b(?:anything else (?:you'?d like|you want) to (?:add|say|mention|share|tell)|anything (?:we haven'?t covered|i should know)|final (?:thoughts|words)|last words)\b/i],
  ["salary", /\b(?:salary|compensation|remuneration|pay (?:expectations|range|band)|day rate|hourly rate|how much (?:do|would) you (?:want|expect|need)|expect(?:ing)? to (?:earn|be paid))\b/i],
  ["notice", /\b(?:notice period|when (?:could|can|would) you start|start date|how soon (?:could|can) you|available to start|how much notice)\b/i],
  ["logistics", /\b(?:relocat\w*|commute|travel (?:for work|required|often)|work (?:weekends|nights|shifts|evenings|late)|on-call|shift patterns?|remote(?:ly)?|hybrid|in the office|right to work|authori[sz]ed to work|visa|sponsorship|driving licen[cs]e|full[- ]time|part[- ]time|overtime)\b/i],
  ["contact", /\b(?:your (?:e-?mail|phone|number|mobile|address|linkedin)|how (?:can|do|should) (?:we|i) (?:reach|contact) you|contact details)\b/i],
  ["languages", /\b(?:what|which) languages do you speak|do you speak (?:any )?(?:other )?languages|languages (?:do|can) you speak\b/i],
  ["tools", /\b(?:what|which) (?:tools|technologies|tech|programming languages|frameworks|software|systems|stack|equipment)\b[^?]*\b(?:use|used|using|know|work with|prefer)\b|\byour (?:tech(?:nology)? )?stack\b|\btoolkit\b/i],
  ["company_knowledge", /\bwhat do you know about (?:us|our (?:company|business|team|product)|the company|this company)\b|what have you heard about us\b/i],
  ["motivation", /\bwhy (?:do you want|would you like|are you (?:interested|applying|looking)|this (?:role|job|company|position|team)|us\b|here|did you apply|(?:do|would) you want to (?:join|work))|what (?:attracted|attracts|interests|excites|draws|drew) you|why (?:are you leaving|did you leave|do you want to leave|change)|where do you see yourself|what are you looking for (?:in|from)|what motivates you|career goals|what made you apply\b/i],
  ["introduction", /\b(?:tell me (?:a (?:bit|little) )?about yourself|introduce yourself|walk me through your (?:cv|résumé|resume|background|career)|tell me about your (?:background|career)|who are you)\b/i],
  ["strengths", /\b(?:greatest|biggest|main|key|top|core) strengths?|what are you (?:best|good|great) at|what (?:would|do) (?:your|others|colleagues|people|your manager)\b[^?]* say about you/i],
  ["weaknesses", /\b(?:weakness(?:es)?|areas? (?:for|of) (?:improvement|development)|what (?:would|do) you (?:like to )?improve about yourself|something you(?:'re| are) (?:working on|not good at))\b/i],
  ["behavioural", /\b(?:tell me about|describe|give (?:me )?an example of|share|walk me through) (?:a|an|one|the) (?:time|situation|occasion|moment|instance)|a time (?:when|where|that|you)|when was the last time|have you ever had to|situation where|conflict|disagree\w*|mistake|fail(?:ed|ure)?|setback|under pressure|tight deadline|difficult (?:colleague|stakeholder|customer|patient|person|conversation|decision|client|parent|guest)|proud(?:est)?|challeng\w*|feedback\b/i],
];

const SMALL_TALK_WORDS = /\b(?:hi|hello|hey|welcome|good (?:morning|afternoon|evening)|thanks for (?:coming|joining|your time|making the time)|nice to meet you|pleased to meet you|how are you)\b/i;

/** What the interviewer is after, for choosing how to answer. */
export function intentOf(question: string, shape: QuestionShape, unlawful: UnlawfulTopic[], company?: string): QuestionIntent {
  const text = question.trim();
  if (!text) return "empty";
  if (unlawful.length > 0) return "unlawful";
  if (shape.smallTalk) return "small_talk";
  if (!shape.isQuestion) return SMALL_TALK_WORDS.test(text) ? "small_talk" : "statement";
  const first = shape.parts[0] ?? text;
  if (company && new RegExp(`\\b(?:know|heard) about ${company.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(text)) return "company_knowledge";
  // The first thing asked decides; a polite preamble ("Thanks —") does not.
  for (const [intent, re] of INTENTS) if (re.test(first) || (intent !== "behavioural" && re.test(text))) return intent;
  if (SMALL_TALK_WORDS.test(text) && shape.parts.every((p) => SMALL_TALK_WORDS.test(p))) return "small_talk";
  return "topic";
}

/** Questions about experience ("Have you used…", "What did you do at…") as against approach or opinion. */
export const asksForExperience = (question: string) =>
  /\b(?:have you (?:ever )?(?:used|worked|built|done|led|managed|run|written|shipped|deployed|designed|taught|cooked|cared|sold|had)|do you have (?:any |much )?(?:experience|background)|your experience (?:with|of|in)|did you|what (?:did|have) you (?:do|done|build|built|work)|how (?:did|have) you (?:use|used|work|worked|apply|applied)|tell me about your (?:work|time|role|experience)|where have you used)\b/i.test(
    question,
  );

/** "Do you enjoy…", "Are you comfortable with…", "Would you be willing to…": yes/no about attitude. */
export const asksForAttitude = (question: string) =>
  /^(?:do you (?:enjoy|like|prefer|mind|find)|are you (?:comfortable|happy|open|willing|confident|keen|good)|would you (?:be (?:willing|happy|open|comfortable)|enjoy|like)|can you (?:cope|handle|work (?:under|with|in)))\b/i.test(
    stripFillers(question),
  );

/** Words any interview question uses that say nothing about its subject. */
const GENERIC = new Set(
  ("experience example time project work worked working role job position company career approach situation specific recent current " +
    "previous last kind type handle deal use used using day week year something anything everything thing prefer enjoy proud favourite " +
    "challenge difficult biggest hardest best most main good great bit little more know think feel want need make sure happen part " +
    "exactly actually yourself interest involve doing done ever much many often usually typically generally especially particular " +
    "recently share whole overall opinion view thought thoughts come came look looking mean please okay great thanks right sort quite " +
    "prior past years level day-to-day able comfortable tell describe walk talk explain give times improve improving " +
    "better faster reduce increase build built")
    .split(" ")
    .map(stem),
);

/** Capitalised words that are not names (sentence openers, greetings, days). */
const NOT_NAMES = new Set(
  ("i i'm i've i'd cv ok okay great thanks thank sure so now next interesting cool right perfect nice lovely brilliant excellent good " +
    "hello hi hey also finally lastly first then imagine suppose say let let's could would please monday tuesday wednesday thursday " +
    "friday saturday sunday january february march april june july august september october november december english")
    .split(" "),
);

export interface AskedSubject {
  technologies: string[];
  /** Organisations, products or places the question names ("at Parcelly", "RouteWise"). */
  names: string[];
  /** Stems of the question's subject words, generic interview words removed. */
  topic: string[];
}

export function askedSubject(question: string, ignore: string[] = []): AskedSubject {
  const technologies = findTechnologies(question);
  const ignored = new Set(ignore.flatMap((i) => i.toLowerCase().split(/\s+/)));
  const techWords = new Set(technologies.flatMap((t) => t.toLowerCase().split(/\s+/)));
  const names: string[] = [];
  for (const m of question.matchAll(/(?:^|(?<=[\s("'“]))([A-Z][\p{L}\p{N}&'-]*(?:\s+[A-Z][\p{L}\p{N}&'-]*)*)/gu)) {
    const run = m[1]!.split(/\s+/);
    // "At Parcelly" opens a sentence, yet names Parcelly: drop the leading function words first.
    let dropped = 0;
    while (dropped < run.length && (contentWords(run[dropped]!).length === 0 || NOT_NAMES.has(run[dropped]!.toLowerCase()))) dropped++;
    const before = question.slice(0, m.index).trimEnd();
    const opensSentence = before === "" || /[.!?:—–-]$/.test(before);
    const afterPreposition =
      /\b(?:at|with|for|from|in|join|joined|about|on|called|using)$/i.test(before) ||
      (dropped > 0 && /^(?:at|with|for|from|in|about|on|using)$/i.test(run[dropped - 1]!));
    if (opensSentence && !afterPreposition) continue;
    const words = run
      .slice(dropped)
      .filter((w) => !NOT_NAMES.has(w.toLowerCase()) && !techWords.has(w.toLowerCase()) && !ignored.has(w.toLowerCase()));
    if (words.length === 0 || words.every((w) => contentWords(w).length === 0)) continue;
    names.push(words.join(" "));
  }
  const skip = new Set([...techWords, ...names.flatMap((n) => n.toLowerCase().split(/\s+/)), ...ignored]);
  const stems = contentWords(question)
    .filter((w) => !skip.has(w))
    .map(stem)
    .filter((s) => !GENERIC.has(s) && !/^\d+$/.test(s));
  const topic = [...new Set(stems)];
  return { technologies, names: [...new Set(names)], topic };
}
