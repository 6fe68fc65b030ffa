import { cvTechnologies } from "./technologies.js";
import { actionOf, parseBullet } from "./bullets.js";
import { contactItems } from "./contact.js";
import { tidySeparators, withoutDates } from "./dates.js";
import { logicalLines } from "./lines.js";
import type { ProjectEntry } from "./types.js";

/** "Name — description", "Name: description", "Name | Python, Flask", "Name (2021)". */
const NAME_SPLIT = /\s+[—–|-]\s+|:\s+|\s+\(/u;

function projectHeader(text: string): { name: string; rest: string; link?: string } | null {
  const { links } = contactItems(text);
  const plain = tidySeparators(withoutDates(text.replace(/https?:\/\/\S+/g, " ")));
  const split = NAME_SPLIT.exec(plain);
  const name = (split ? plain.slice(0, split.index) : plain).trim().replace(/[.:]$/, "");
  const rest = split ? plain.slice(split.index + split[0].length).replace(/\)\s*$/, "").trim() : "";
  const words = name.split(/\s+/);
  if (!name || words.length > 6 || !/^[\p{Lu}\d]/u.test(name)) return null;
  if (!split && (words.length > 4 || /[.!?]$/.test(plain))) return null;
  if (actionOf(words[0]!)) return null;
  return { name, rest, ...(links[0] ? { link: links[0] } : {}) };
}

/** A description that is only a list of technologies ("Python, PyTorch, OpenCV"). */
const isTechList = (text: string) => {
  const items = text.split(/\s*[,/]\s*/).filter(Boolean);
  return items.length > 0 && items.every((item) => cvTechnologies(item).join(" ").length >= item.length * 0.6);
};

export function parseProjects(raw: string[]): ProjectEntry[] {
  const projects: ProjectEntry[] = [];
  for (const line of logicalLines(raw)) {
    const header = line.bullet ? null : projectHeader(line.text);
    const current = projects.at(-1);
    if (header) {
      const range = line.dates[0];
      const description = header.rest && !isTechList(header.rest) ? header.rest.replace(/\.$/, "") : undefined;
      projects.push({
        name: header.name,
        ...(description ? { description } : {}),
        technologies: cvTechnologies(line.text),
        bullets: [],
        ...(header.link ? { link: header.link } : {}),
        ...(range?.start ? { start: range.start } : {}),
        ...(range?.end ? { end: range.end } : {}),
      });
      continue;
    }
    if (!current) continue;
    const link = contactItems(line.text).links[0];
    if (link && line.text.replace(link, "").trim().length < 3) {
      current.link ??= link;
      continue;
    }
    if (line.bullet || current.description) current.bullets.push(parseBullet(line.text));
    else current.description = line.text.replace(/\.$/, "");
    for (const tech of cvTechnologies(line.text)) if (!current.technologies.includes(tech)) current.technologies.push(tech);
  }
  return projects;
}
