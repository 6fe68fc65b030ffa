import { shapeOfQuestion, stripFillers } from "./question-form.js";

const LEADING_FRAME =
  /^(?:you'?d agree|you would agree|wouldn'?t you (?:say|agree)|don'?t you (?:think|agree|feel)|do you not (?:think|agree)|surely|i assume|i presume|i take it|i imagine|i'?m sure|i bet|presumably|obviously|of course|it'?s fair to say|would it be fair to say|isn'?t it (?:true|fair to say))(?: that)?,?\s+/i;
const TAG = /,\s*(?:right|correct|yes|no|yeah|ok(?:ay)?|isn'?t (?:it|that)|aren'?t (?:you|they)|don'?t (?:you|they)|didn'?t (?:you|it|they)|wasn'?t (?:it|that)|haven'?t you|won'?t you|wouldn'?t you|can'?t you|doesn'?t it|hasn'?t it)\s*$/i;

/** Past forms for "Tell me about a time you…" from a present-perfect question ("Have you done…"). */
const PAST: Record<string, string> = { done: "did", written: "wrote", run: "ran", been: "were", taken: "took", given: "gave", seen: "saw", gone: "went", driven: "drove", chosen: "chose", spoken: "spoke", begun: "began", grown: "grew", known: "knew", shown: "showed" };

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The open question that asks for the same thing as a closed or leading one, when one can be written. */
export function openRewrite(question: string): string | undefined {
  const shape = shapeOfQuestion(question);
  const first = shape.parts[0];
  if (!shape.isQuestion || !first || shape.form === "open") return undefined;
  const text = stripFillers(first).replace(TAG, "").replace(/[?.!\s]+$/, "");
  if (shape.form === "leading") return fromLeading(text);
  return fromClosed(text);
}

function fromLeading(text: string): string | undefined {
  const claim = text.replace(LEADING_FRAME, "").replace(/^(?:that)\s+/i, "");
  if (claim === text && !/^you\b/i.test(claim)) return fromClosed(text) ?? undefined;
  const trait = /^you'?re\s+((?:a|an)\s+.+)$/i.exec(claim);
  if (trait?.[1]) return `What does being ${trait[1]} look like for you in practice?`;
  const you = /^(you(?:'ve|'re|'d)?)\s+(.+)$/i.exec(claim);
  if (you?.[1] && you[2]) return `Tell me about how ${you[1].toLowerCase()} ${you[2]}.`;
  const copula = /^(.+?)\s+(is|are)\s+(.+)$/i.exec(claim);
  if (copula?.[1] && copula[3]) return `What's your view on ${copula[1]} being ${copula[3]}?`;
  return `What's your view on whether ${claim}?`;
}

function fromClosed(text: string): string | undefined {
  let m = /^(?:have|has) you (?:ever )?(used|worked with|worked on|worked in|built|done|led|managed|written|tried|had to|dealt with|run|designed|shipped|deployed|migrated|tested|mentored|handled|faced|taught|sold|cooked|cared for|trained|coached|been)\s+(.+)$/i.exec(text);
  if (m?.[1] && m[2]) {
    const verb = m[1].toLowerCase();
    return `Tell me about a time you ${PAST[verb] ?? verb} ${m[2]}.`;
  }
  m = /^do you have (?:any |much )?(?:experience|background|expertise) (?:with|in|of|using)\s+(.+)$/i.exec(text);
  if (m?.[1]) return `Walk me through your experience with ${m[1]}.`;
  m = /^(did|do) you (like|enjoy|love|dislike|hate)\s+(.+)$/i.exec(text);
  if (m?.[1] && m[2] && m[3]) return `What ${m[1].toLowerCase()} you ${m[2].toLowerCase()} about ${m[3]}?`;
  m = /^(?:which|what)\b[^,:—–]*[,:—–]\s*(.+?)\s+or\s+(.+)$/i.exec(text);
  if (m?.[1] && m[2]) return `How do you decide between ${m[1]} and ${m[2]}?`;
  m = /^(did|do|does) you\s+(.+)$/i.exec(text);
  if (m?.[1] && m[2]) return `How ${m[1].toLowerCase()} you ${m[2]}?`;
  m = /^(?:can|could) you\s+(.+)$/i.exec(text);
  if (m?.[1]) return `Tell me about a time you had to ${m[1]}.`;
  m = /^(?:are|were) you (?:comfortable|familiar|experienced|confident|happy|good) (?:with|at|in|using)\s+(.+)$/i.exec(text);
  if (m?.[1]) return `Tell me about your experience with ${m[1]}.`;
  m = /^(?:are|were) you\s+(.+)$/i.exec(text);
  if (m?.[1]) return `What does being ${m[1]} look like for you in practice?`;
  m = /^(is|was|are|were) (it|that|this|the [\w-]+|your [\w-]+) (?:well |properly |fully |thoroughly )?(\w+ed)$/i.exec(text);
  if (m?.[1] && m[2] && m[3]) return `How ${m[1].toLowerCase()} ${m[2]} ${m[3]}?`;
  m = /^(?:is|was|are|were) (it|that|this|the [\w\s-]+?|your [\w\s-]+?) (?:a |an )?(?:success|good|hard|difficult|easy|worth it|successful|fun|useful)$/i.exec(text);
  if (m?.[1]) return `How would you describe ${m[1].replace(/^your\b/i, "your")}?`;
  return undefined;
}

export const quoteQuestion = (text: string) => capitalise(text.trim().replace(/\s+/g, " "));
