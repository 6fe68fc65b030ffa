import { findTechnologies } from "../text/lexicon.js";
import { contentWords, stem } from "../text/words.js";
import { stripFillers } from "./question-form.js";

/** Explicit references back to what the candidate just said. */
const REFERS_BACK =
  /\b(?:you (?:mentioned|said|talked about|described|brought up|referred to|spoke about|touched on|noted|called)|you'?ve (?:mentioned|said)|earlier you|as you said|going back to|back to (?:what|the)|follow(?:ing)? up on|on that (?:point|note)|tell me more|say more|more about (?:that|this|it)|expand on|elaborate|go deeper|dig into (?:that|this)|what do you mean|what did you mean|in that (?:case|project|role|situation|example|team)|at that (?:point|time|stage)|what happened (?:next|then|after)|and then what|what was the (?:result|outcome|impact)|who else was|what was your (?:part|role) in (?:that|it|this)|what exactly|why was that|how come|(?:like|such as) (?:that|this)|(?:that|this) (?:kind|sort|type) of)\b/i;

/** "Why did that…", "How did it…", "What was that like?" — a pronoun that points at the last answer. */
const POINTS_BACK = /^(?:why|how|what|when|who|where|which)\s+(?:did|was|were|is|does|do|had|has|would|made)\s+(?:that|this|it|they|those|these)\b/i;
/** "that" after a verb of choice or a preposition points at something said: "Why did you choose that database?", "What did you learn from that?" */
const THAT_THING =
  /\b(?:about|with|from|on|for|of|after|during|behind|(?:choose|chose|chosen|choosing|pick|picked|use|used|go with|went with|select|selected|prefer|preferred|adopt|adopted|handle|handled|fix|fixed|measure|measured|build|built|design|designed|(?:decide|decided|settle|settled) on))\s+(?:that|those)\b(?!\s+(?:i|you|we|he|she|they|it|is|was|are|were)\b)/i;
const DEMONSTRATIVE = /\b(?:that|this|those|these|the same)\s+([\p{L}-]{3,})/giu;

/** Words any two turns of an interview share; they do not show that one builds on the other. */
const COMMON = new Set(
  [
    "team", "project", "work", "role", "experience", "company", "example", "people", "problem", "challenge", "job",
    "something", "approach", "situation", "candidate", "interview", "question", "answer", "year", "day", "week",
    "month", "thing", "part", "lead", "manage", "help", "make", "build", "good", "great", "different", "first",
    "last", "next", "best", "recent", "current", "previous", "always", "usually", "think", "know", "want", "need",
    "sure", "yes", "yeah", "okay", "right", "honest", "bit", "little", "feel", "happy", "hard", "work",
  ].map(stem),
);

/** Content stems with possessives folded ("partner's" is "partner"), generic interview words left out. */
const distinctiveStems = (text: string) =>
  contentWords(text.replace(/['’]s\b/g, ""))
    .map(stem)
    .filter((s) => !COMMON.has(s) && !/^\d+$/.test(s));

/** Capitalised names that do not open a sentence ("…at Parcelly", "…with RouteWise"). */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<![.!?]\s|^)\b([A-Z][\p{L}\p{N}&'-]+)/gu)) {
    if (m[1] && contentWords(m[1]).length > 0) names.add(m[1].toLowerCase());
  }
  return names;
}

/** Whether a question builds on the previous answer: refers to it, points at it, or picks up its terms. */
export function followsUp(question: string, previousAnswer: string | undefined): boolean {
  if (!previousAnswer?.trim()) return false;
  const q = stripFillers(question);
  if (REFERS_BACK.test(q) || POINTS_BACK.test(q) || THAT_THING.test(q)) return true;
  const answerStems = new Set(contentWords(previousAnswer).map(stem));
  for (const m of q.matchAll(DEMONSTRATIVE)) {
    if (m[1] && answerStems.has(stem(m[1].toLowerCase()))) return true;
  }
  const answerTech = new Set(findTechnologies(previousAnswer).map((t) => t.toLowerCase()));
  if (findTechnologies(q).some((t) => answerTech.has(t.toLowerCase()))) return true;
  const answerNames = namesIn(previousAnswer);
  if ([...namesIn(q)].some((n) => answerNames.has(n))) return true;
  // Two shared subject words, or one the answer dwelt on ("service by service"), tie the question to it.
  const answerCounts = new Map<string, number>();
  for (const s of distinctiveStems(previousAnswer)) answerCounts.set(s, (answerCounts.get(s) ?? 0) + 1);
  const shared = [...new Set(distinctiveStems(q))].filter((s) => answerCounts.has(s));
  return shared.length >= 2 || shared.some((s) => (answerCounts.get(s) ?? 0) >= 2);
}
