import type { Block } from "./html-text.js";

export type SectionKind = "requirements" | "niceToHave" | "responsibilities" | "skills";

/**
 * Section headings job ads use, by what the bullets under them are. Checked in this order, so
 * "Preferred qualifications" is a nice-to-have and "You'll need" a requirement, not a duty.
 * "other" headings (benefits, about us…) end a section.
 */
const HEADINGS: [SectionKind | "other", string][] = [
  [
    "niceToHave",
    String.raw`nice[- ]to[- ]haves?|(?:bonus|extra) points?|bonus|pluses|plus|preferred(?: qualifications?| skills| experience| requirements)?|desirable(?: skills| qualifications)?|good to have|(?:it(?:'s| is| would be)|would be) (?:a )?(?:plus|bonus|nice)|great if you have|even better if(?: you have)?|ideally`,
  ],
  [
    "requirements",
    String.raw`(?:(?:minimum|basic|key|required|essential|job|candidate|our|the|your) )?(?:requirements?|qualifications?|criteria)|what (?:you(?:'ll| will)? (?:bring|need|have)|we(?:'re| are) looking for|it takes|we expect)|who you are|about you|you (?:have|bring|are|should have|need|(?:'ll|will) need)|you'll need|is this you|must[- ]haves?|(?:the )?ideal candidate|your (?:profile|background|experience|skills|qualifications)|(?:skills|experience) (?:and|&) (?:experience|skills|qualifications)|experience|(?:required|essential) skills|what you need`,
  ],
  [
    "responsibilities",
    String.raw`(?:(?:key|main|core|primary|your|job|role) )?(?:responsibilities|duties|tasks)|what you(?:'ll| will) (?:do|be doing|work on|own|achieve)|in this role(?: you will)?|the job|your (?:mission|impact|day[- ]to[- ]day|role)|day[- ]to[- ]day|you will|what the (?:job|role) involves`,
  ],
  [
    "skills",
    String.raw`(?:(?:technical|key|core) )?skills|(?:(?:our|the) )?(?:tech(?:nology)? stack|stack)|technologies(?: we use)?|tools(?: we use)?|tech we use`,
  ],
  [
    "other",
    String.raw`benefits|perks|what we offer|we offer|compensation|salary|pay|about(?: us| the \w+)?|how to apply|why (?:join|work)\b.*|our (?:culture|values|team|offer)|equal .*|diversity.*|location|the company|who we are|(?:interview|hiring) process|next steps|apply`,
  ],
];

// A plain line counts as a heading only if it is the phrase, maybe joined with another
// ("Requirements & qualifications") or qualified ("… for this role"); "Experience with Go" is a
// bullet, not a heading. Marked-up headings (h2, bold, trailing colon) may say more after it.
const strictHeadings = HEADINGS.map(
  ([kind, phrase]) =>
    [
      kind,
      new RegExp(
        String.raw`^(?:${phrase})(?:\s*(?:and|&|/|\+)\s*[a-z' -]{1,30})?(?:\s+(?:for (?:this|the) (?:role|position|job)|include|includes|required))?$`,
      ),
    ] as const,
);
const looseHeadings = HEADINGS.map(([kind, phrase]) => [kind, new RegExp(String.raw`^(?:${phrase})\b`)] as const);

function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/,/g, "")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'!?]+$/gu, "") // "## Requirements:", "**Perks**", "🚀 What you'll do"
    .replace(/\s+/g, " ");
}

/**
 * What a heading introduces, "other" for a heading that ends a section, undefined when the text
 * is not a known heading. `strict` is for lines with no markup saying they are headings.
 */
export function headingKind(text: string, strict = false): SectionKind | "other" | undefined {
  if (text.length > 80) return undefined;
  const heading = normaliseHeading(text);
  return (strict ? strictHeadings : looseHeadings).find(([, pattern]) => pattern.test(heading))?.[0];
}

/** Whether a line with no markup reads as a heading: a known one, or a short label ending in a colon. */
export function isHeadingLine(text: string): boolean {
  return text.length <= 60 && (/:\s*$/.test(text) || headingKind(text, true) !== undefined);
}

export interface Sections {
  requirements: string[];
  niceToHave: string[];
  responsibilities: string[];
  skills: string[];
}

const MAX_ITEM_CHARS = 500;

function clip(text: string): string {
  if (text.length <= MAX_ITEM_CHARS) return text;
  const cut = text.slice(0, MAX_ITEM_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_ITEM_CHARS / 2))}…`;
}

/**
 * The bullets (or paragraphs) under each known heading. An unknown heading ends the section:
 * "Benefits" bullets are not requirements. "Tech stack: Go, Kafka" on one line counts too.
 */
export function extractSections(blocks: readonly Block[]): Sections {
  const sections: Sections = { requirements: [], niceToHave: [], responsibilities: [], skills: [] };
  let current: SectionKind | undefined;
  for (const block of blocks) {
    if (block.kind === "heading") {
      const kind = headingKind(block.text);
      current = kind === "other" ? undefined : kind;
      continue;
    }
    const inline = block.kind === "text" ? block.text.match(/^([^:]{2,40}):\s+(.+)$/) : null;
    const inlineKind = inline ? headingKind(inline[1]!, true) : undefined;
    if (inline && inlineKind !== undefined) {
      current = inlineKind === "other" ? undefined : inlineKind;
      if (current === undefined) continue;
      const rest = inline[2]!;
      const items = current === "skills" ? rest.split(/\s*[,;]\s*/) : [rest];
      sections[current].push(...items.filter(Boolean).map(clip));
      continue;
    }
    if (current) sections[current].push(clip(block.text));
  }
  return sections;
}
