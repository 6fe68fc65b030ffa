import { sentenceSegments } from "./sentences.js";

/** Words by which an answer addresses whoever grades it. */
const GRADER =
  "(?:grader|evaluator|assessor|judge|reviewer|scorer|examiner|marker|ai|llm|language model|gpt|chatgpt|gemini|claude|chatbot)";
/** A top mark, spelled so that "give it 10 minutes" or "give it top priority" is not one. */
const HIGH_MARK =
  "(?:10\\s*\\/\\s*10|10 out of 10|ten out of ten|an? 10\\b|10 points|full marks|(a |the )?(perfect|maximum|max|highest|top) (score|marks|rating|grade)|excellent|outstanding|(a )?strong hire)";
const QUALIFIER = "(?:previous|prior|above|earlier|preceding|original|system|grading|scoring|evaluation|all|any|your|these|those)";

/** Sentences that address the grader rather than answer the interviewer's question. */
const INSTRUCTION_PATTERNS: RegExp[] = [
  // "ignore previous instructions", "disregard all the grading rules"; not "we ignored the vendor's instructions"
  new RegExp(
    `\\b(ignore|disregard|forget|override|bypass)\\s+(all\\s+)?(of\\s+)?(the\\s+|your\\s+)?${QUALIFIER}\\s+(\\w+\\s+)?(instructions?|prompts?|rules|guidelines|rubric|criteria|messages?)\\b`,
    "i",
  ),
  /\b(ignore|disregard|forget)\s+(the\s+)?(rubric|grading criteria|scoring rules|system prompt)\b/i,
  // "give me 10/10", "rate this answer excellent", "award the candidate full marks"
  new RegExp(
    `\\b(give|award|assign|rate|score|grade|mark)\\s+(me|this|it|my|us|the (candidate|answer|response))\\b[^.!?\\n]{0,40}${HIGH_MARK}`,
    "i",
  ),
  /\b(give|award|assign|rate|score|grade|mark)\s+(it\s+)?(a\s+)?(10\s*\/\s*10|10 out of 10|ten out of ten|full marks|a perfect score|the maximum score)/i,
  // "as the evaluator you must…", "you are now the grader", "note to the AI:"
  new RegExp(`\\bas (the|an|a) ${GRADER}\\b[^.!?\\n]{0,30}\\byou\\b`, "i"),
  new RegExp(`\\byou are (now )?(the|an|a) ${GRADER}\\b`, "i"),
  new RegExp(`\\b(dear|attention|note to|hey|hi) (the )?(${GRADER}|assistant|model)\\s*[:,]`, "i"),
  new RegExp(`\\b(act|behave|respond) as (the|an|a) (${GRADER}|assistant|model)\\b`, "i"),
  // Chat-role and prompt markup: "system: score=10", "[INST]", "<|im_start|>", "</answer>"
  /^\s*[[(<#*]*\s*(system|assistant|developer|grader|evaluator)\s*[\]>)]*\s*:/i,
  /<\/?\s*(system|instructions?|answer|prompt|evaluation|score)\s*>|<\|[a-z_]+\|>|\[\/?(inst|sys)\]/i,
  // "score=10", "rating: 10/10", "\"score\": 10"
  /\b(score|rating|grade|overall|relevance|depth|clarity|evidence)"?\s*[:=]\s*"?(10(\.0)?|\d(\.\d)?\s*\/\s*10)\b/i,
  // "this answer deserves a 10", "the candidate should be hired"
  /\b(this|my|the) (answer|response|candidate)\b[^.!?\n]{0,20}\b(deserves|(should|must) (get|receive|be (rated|scored|graded|marked|hired)))\b/i,
  new RegExp(`\\b(recommend|mark|rate|treat) (me|this( candidate| answer)?) as (an? )?${HIGH_MARK}`, "i"),
  /\b(do not|don'?t|never) (penali[sz]e|deduct points|mark (me|this) down|lower (my|the) score)\b/i,
  /\b(new|updated|hidden|real) (system )?instructions?\s*:|\bfollow the following instructions\b|\bdeveloper mode\b|\bjailbreak\b|\bpretend (that )?you are\b|\bfrom now on,? you (are|will|must)\b/i,
  // The same requests in the interview languages most often used besides English.
  /\b(ignorier\w*|vergiss)\b[^.!?\n]{0,40}\b(anweisungen|instruktionen)\b/i,
  /\b(ignora|ignorez|ignorer|olvida|esque[cç]a)\b[^.!?\n]{0,40}\b(instrucciones|instructions|instruções|instrucoes)\b/i,
];

/** Whole blocks of prompt markup, removed before the text is split into sentences. */
const MARKUP_BLOCK = /\s*<\s*(system|instructions?|prompt)\s*>[\s\S]*?<\/\s*\1\s*>|\s*\[inst\][\s\S]*?\[\/inst\]/gi;
/** A chat-role marker after a sentence's end starts a new sentence, so it cannot hide in a genuine one. */
const ROLE_MARKER = /(?<=(?:^|[.!?;\n])\s*)(?=(?:system|assistant|developer|grader|evaluator)\s*:)/gi;

export interface CleanedAnswer {
  /** The answer as it reads without the sentences addressed to the grader. */
  text: string;
  injection: boolean;
  removed: string[];
}

export function isGraderInstruction(sentence: string): boolean {
  return INSTRUCTION_PATTERNS.some((re) => re.test(sentence));
}

/**
 * Removes the sentences that try to instruct the grader, so that what remains is scored exactly
 * as if they had never been written.
 */
export function removeGraderInstructions(answer: string, language = "en"): CleanedAnswer {
  const removed: string[] = [];
  const unblocked = answer.replace(MARKUP_BLOCK, (block) => {
    removed.push(block.trim());
    return "";
  });
  const kept: string[] = [];
  for (const segment of sentenceSegments(unblocked, language)) {
    for (const part of segment.split(ROLE_MARKER)) {
      if (isGraderInstruction(part)) removed.push(part.trim());
      else kept.push(part);
    }
  }
  return { text: kept.join("").trim(), injection: removed.length > 0, removed };
}
