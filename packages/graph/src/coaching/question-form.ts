import type { QuestionForm } from "./types.js";

export interface QuestionShape {
  /** False for statements ("Great, thanks.") and small talk ("How are you?"): they are not counted. */
  isQuestion: boolean;
  smallTalk: boolean;
  form: QuestionForm;
  /** The separate things asked, in order ("What did you build", "how did you test it", …). */
  parts: string[];
  multiple: boolean;
}

const AUX = "(?:do|does|did|have|has|had|is|are|was|were|can|could|will|would|should|shall|may|might|must|am)(?:n'?t)?";
const SUBJECT = "(?:you|we|they|it|that|this|there|the|your|he|she|any|anyone|i)";
const PROMPT =
  "(?:tell|walk|talk|take|describe|explain|give|share|show|run|guide|outline|summari[sz]e|elaborate|expand|go through|go over|say more|help me understand|paint|list)";

/** Fillers that open a sentence without changing what is asked ("So,", "Great —", "Next question:"). */
const FILLER =
  /^(?:(?:so|and|but|now|ok|okay|right|great|cool|thanks|thank you|alright|all right|well|next question|next|then|also|finally|lastly|first|firstly|perfect|nice|lovely|brilliant|interesting|good|sure)\b\s*[,.!:;—–-]*\s*)+/i;

const WH_START = /^(?:how|what|why|which|who|whom|whose)\b/i;
/** "when"/"where" ask only when an auxiliary follows ("where do you see…"); otherwise they open a clause. */
const WHEN_WHERE_ASK = new RegExp(`^(?:when|where)\\s+${AUX}\\b`, "i");
const AUX_ASK = new RegExp(`^${AUX}\\s+${SUBJECT}\\b`, "i");
const IMPERATIVE = new RegExp(`^(?:please\\s+)?${PROMPT}\\b`, "i");
const POLITE = new RegExp(
  `^(?:can|could|would|will)\\s+you\\s+(?:please\\s+|briefly\\s+|quickly\\s+|maybe\\s+|also\\s+|just\\s+|now\\s+)*${PROMPT}\\b` +
    `|^(?:would|do)\\s+you\\s+mind\\s+\\w+ing\\b` +
    `|^(?:would|do)\\s+you\\s+(?:want|like)\\s+to\\s+${PROMPT}\\b`,
  "i",
);
const INVITATION =
  /^(?:i'?d (?:like|love) (?:to hear|you to|to know|to understand|to learn)|i want to (?:hear|know|understand)|i'?m (?:curious|interested) (?:about|to hear|to know|in)|let'?s (?:talk|discuss|look at|dig into|start with|go through|turn to|move on to|focus on))\b/i;

const LEADING =
  /\b(?:you'?d agree|you would agree|wouldn'?t you (?:say|agree)|don'?t you (?:think|agree|feel)|do you not (?:think|agree)|isn'?t it (?:true|fair|obvious|better|the case)|surely\b|i assume\b|i presume\b|i take it\b|i imagine you|i'?m sure you|i bet you|presumably\b|you must (?:have|be)\b|obviously you|of course you|you (?:probably|surely|certainly) |it'?s fair to say|would it be fair to say|wouldn'?t it be (?:better|easier|fair)|shouldn'?t you have)/i;
const TAG_QUESTION =
  /,\s*(?:right|correct|agreed|would you agree|yes|no|yeah|ok(?:ay)?|isn'?t (?:it|that)|aren'?t (?:you|they)|don'?t (?:you|they)|didn'?t (?:you|it|they)|wasn'?t (?:it|that)|haven'?t you|won'?t you|wouldn'?t you|can'?t you|doesn'?t it|hasn'?t it)\s*\?\s*$/i;
/** "What do you prefer, React or Vue?": a choice between given answers. */
const EITHER_OR = /^(?:which|what)\b[^?]*[,:—–]\s*[^,?]+\s+or\s+[^,?]+\??$/i;

const SMALL_TALK =
  /^(?:how are you(?: doing)?(?: today)?|how'?s it going|how have you been|how was your (?:journey|trip|commute|weekend|day|morning)|did you find (?:us|the (?:place|office|building|room|link)) (?:ok|okay|alright|all right|easily|fine)|can i get you (?:a|anything|some)|would you like (?:a|some) (?:water|coffee|tea|drink)|can you hear me(?: ok(?:ay)?)?|is the (?:sound|audio|connection) ok(?:ay)?)\b/i;

export const stripFillers = (text: string) => text.trim().replace(FILLER, "").trim();

/** Sentences, each with its closing punctuation. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[.!?])\s+(?=\S)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "What a great answer", "How interesting", "Which is fair": they open like questions but ask nothing. */
const EXCLAMATION = /^(?:what an?\b|how (?:nice|interesting|great|lovely|cool|wonderful|fascinating|exciting)\b|which (?:is|was|means)\b)/i;

/** A clause that asks something on its own: a wh-question, "Did you…", "Tell me…", "Could you walk me…". */
function asks(clause: string): boolean {
  const c = stripFillers(clause);
  if (EXCLAMATION.test(c)) return false;
  return WH_START.test(c) || WHEN_WHERE_ASK.test(c) || AUX_ASK.test(c) || IMPERATIVE.test(c) || POLITE.test(c) || INVITATION.test(c);
}

/** A new question after "and" or a comma needs its own verb and subject ("and how did you…"), not "and how it was". */
const FULL_QUESTION = new RegExp(`^(?:(?:how|what|why|which|who|when|where)\\b(?:\\s+\\S+){0,3}?\\s+${AUX}\\s+${SUBJECT}\\b|${AUX}\\s+${SUBJECT}\\b)`, "i");
const CLAUSE_BREAK = /\s*[;—–]\s*|\s+-\s+|,\s*(?:and\s+)?(?=\S)|\s+and\s+(?=\S)/gi;

/** Splits one sentence into the clauses that ask something. */
function askedClauses(sentence: string): string[] {
  const body = sentence.replace(TAG_QUESTION, "?").replace(/[?.!]+$/, "").trim();
  const clauses: string[] = [];
  let last = 0;
  let separator = "";
  const add = (piece: string) => {
    const strongBreak = /[;—–]|\s-\s/.test(separator);
    const text = stripFillers(piece);
    const startsQuestion = strongBreak ? asks(piece) : FULL_QUESTION.test(text) || IMPERATIVE.test(text) || POLITE.test(text);
    // A piece that asks nothing new ("and quality", "Python") belongs to the clause before it.
    if (clauses.length === 0 || startsQuestion) clauses.push(piece.trim());
    else clauses[clauses.length - 1] += `${separator}${piece}`;
  };
  for (const m of body.matchAll(CLAUSE_BREAK)) {
    add(body.slice(last, m.index));
    separator = m[0];
    last = m.index + m[0].length;
  }
  add(body.slice(last));
  return clauses.filter((c) => asks(c) && c.split(/\s+/).length >= 2);
}

function formOf(part: string): QuestionForm {
  const c = stripFillers(part);
  if (POLITE.test(c) || IMPERATIVE.test(c) || INVITATION.test(c)) return "open";
  if ((WH_START.test(c) || WHEN_WHERE_ASK.test(c)) && !EITHER_OR.test(`${c}?`)) return "open";
  return "closed";
}

/** Only pleasantries ("How are you?", "Did you find us OK? Great."), with nothing else asked. */
export function isSmallTalk(text: string): boolean {
  const sentences = sentencesOf(text).map(stripFillers).filter(Boolean);
  const pleasantry = (s: string) => SMALL_TALK.test(s);
  const asksSomething = (s: string) => /\?$/.test(s) || askedClauses(s).length > 0;
  return sentences.some(pleasantry) && sentences.every((s) => pleasantry(s) || !asksSomething(s));
}

/** Phones type ’ for ': "don’t you agree?" is the same tag as "don't you agree?". */
export const straightApostrophes = (text: string) => text.replace(/[’‘]/g, "'");

/** What kind of question this is, how many things it asks, and whether it is a question at all. */
export function shapeOfQuestion(typed: string): QuestionShape {
  const text = straightApostrophes(typed);
  const sentences = sentencesOf(text);
  if (isSmallTalk(text)) return { isQuestion: false, smallTalk: true, form: "open", parts: [], multiple: false };
  const parts: string[] = [];
  let leading = false;
  for (const sentence of sentences) {
    // "How are you? Tell me about yourself." asks one thing.
    if (SMALL_TALK.test(stripFillers(sentence))) continue;
    const clauses = askedClauses(sentence);
    const isAsk = clauses.length > 0 || /\?$/.test(sentence);
    if (!isAsk) continue;
    if (LEADING.test(sentence) || TAG_QUESTION.test(sentence)) leading = true;
    // "You worked there three years?" asks without an interrogative opening.
    parts.push(...(clauses.length ? clauses : [sentence.replace(/[?]+$/, "").trim()]));
  }
  if (parts.length === 0) return { isQuestion: false, smallTalk: false, form: "open", parts: [], multiple: false };
  const form: QuestionForm = leading ? "leading" : formOf(parts[0]!);
  return { isQuestion: true, smallTalk: false, form, parts, multiple: parts.length >= 2 };
}
