import { findTechnologies } from "../../text/lexicon.js";
import { logicalLines } from "./lines.js";
import { CATEGORY_LABEL, isSpokenLanguage, skillKind } from "./skill-kinds.js";
import { SKILL_KINDS, type SkillsByKind } from "./types.js";

export const emptySkills = (): SkillsByKind =>
  Object.fromEntries(SKILL_KINDS.map((kind) => [kind, [] as string[]])) as unknown as SkillsByKind;

/** Splits a list on commas, semicolons and bullets, but not inside parentheses ("English (native, C2)"). */
function splitItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,;•·|]/.test(ch)) {
      items.push(item);
      item = "";
    } else item += ch;
  }
  items.push(item);
  return items
    .flatMap((i) => {
      // "HTML & CSS" is two skills when both sides are; "Research & Development" is one.
      const [a, b, ...more] = i.split(/\s+(?:&|and)\s+/);
      return a && b && !more.length && findTechnologies(a).length && findTechnologies(b).length ? [a, b] : [i];
    })
    .map((i) => i.trim().replace(/^and\s+/i, "").replace(/[.]$/, ""))
    .filter((i) => i.length >= 1 && i.length <= 50);
}

export interface SkillLists {
  skills: SkillsByKind;
  languages: string[];
}

/** Skills lines ("Languages: Go, SQL", "Tools Excel, SAP", one skill a line) sorted into kinds. */
export function parseSkills(raw: string[], into: SkillLists, sectionLabel?: string): void {
  for (const line of logicalLines(raw)) {
    let label = sectionLabel;
    let body = line.text;
    const colon = /^([^:]{1,30}):\s*(.+)$/.exec(body);
    const category = CATEGORY_LABEL.exec(body);
    if (colon) {
      label = colon[1]!;
      body = colon[2]!;
    } else if (category && body.length > category[0].length && /[,;]/.test(body)) {
      label = category[0];
      body = body.slice(category[0].length);
    }
    const items = splitItems(body);
    const spoken = items.length > 0 && items.every(isSpokenLanguage);
    for (const item of items) {
      if (spoken) {
        if (!into.languages.includes(item)) into.languages.push(item);
        continue;
      }
      const list = into.skills[skillKind(item, label)];
      if (!list.some((s) => s.toLowerCase() === item.toLowerCase())) list.push(item);
    }
  }
}
