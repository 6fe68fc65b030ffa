import { parseBullet, actionOf } from "./bullets.js";
import { headerFields } from "./fields.js";
import { logicalLines, type CvLine } from "./lines.js";
import { TABLE_LABELS } from "./roles.js";
import type { ExperienceEntry } from "./types.js";

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A line that describes work (a bullet or a sentence) rather than naming a role. */
export function isBodyLine(line: CvLine): boolean {
  const first = line.text.split(/\s+/)[0] ?? "";
  const verb = actionOf(first.replace(/[,:;]$/, ""));
  if (line.bullet) return !line.dates.length || (!!verb && wordCount(line.text) > 6) || wordCount(line.text) > 16;
  if (line.dates.length) return false;
  return wordCount(line.text) >= 9 && (!!verb || /[.!?]$/.test(line.text));
}

interface Block {
  header: CvLine[];
  body: CvLine[];
}

/** Groups lines into entries: header lines (title, organisation, dates) followed by body lines. */
export function entryBlocks(raw: string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const line of logicalLines(raw)) {
    if (TABLE_LABELS.test(line.text)) continue;
    if (isBodyLine(line)) {
      if (!current) blocks.push((current = { header: [], body: [] }));
      current.body.push(line);
      continue;
    }
    const datedAlready = current?.header.some((h) => h.dates.length) ?? false;
    if (!current || current.body.length || (line.dates.length && datedAlready) || current.header.length >= 3) {
      blocks.push((current = { header: [], body: [] }));
    }
    current.header.push(line);
  }
  return blocks;
}

export function parseExperience(raw: string[], section: ExperienceEntry["section"] = "experience"): ExperienceEntry[] {
  const entries: ExperienceEntry[] = [];
  for (const block of entryBlocks(raw)) {
    const fields = headerFields(block.header);
    const bullets = block.body.map((l) => parseBullet(l.text));
    if (!fields.title && !fields.organisation) {
      // Lines with no role of their own belong to the role above them.
      entries.at(-1)?.bullets.push(...bullets);
      continue;
    }
    entries.push({ ...fields, bullets, section });
  }
  return entries;
}
