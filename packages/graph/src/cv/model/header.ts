import { absorbContact } from "./contact.js";
import { findDateRanges } from "./dates.js";
import { titleCaseIfShouting } from "./normalise.js";
import { isPlace } from "./places.js";
import { hasRoleWord } from "./roles.js";
import type { Contact } from "./types.js";

const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|prof|professor|sir|dame)\.?\s+/i;
const CREDENTIALS = /,?\s+(?:phd|ph\.d\.?|mba|msc|bsc|md|cpa|pe|rn|ceng|frsa)\.?$/i;
const NAME_SEPARATOR = /\s+[-–—|·•]\s+|,\s+/;
const PARTICLE = /^(?:de|da|das|do|dos|van|von|der|den|del|della|di|du|la|le|bin|binti|al|el|ibn|y|e)$/;

/** "Camille Dubois", "DANIEL FERREIRA", "Dr. Helena Moss", "Ana María de la Cruz". */
export function looksLikeName(text: string): boolean {
  const bare = text.replace(HONORIFIC, "").replace(CREDENTIALS, "").trim();
  const words = bare.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (/[\d@/:]/.test(bare) || hasRoleWord(bare) || isPlace(bare)) return false;
  return words.every((w) => PARTICLE.test(w) || /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
}

export interface HeaderAttributes {
  name?: string;
  nameLine?: string;
  headline?: string;
  summary?: string;
}

/** The name, headline and contact details in the lines before the first heading. */
export function parseHeader(lines: string[], contact: Contact): HeaderAttributes {
  const out: HeaderAttributes = {};
  const rest: string[] = [];
  for (const line of lines) {
    const text = line.trim();
    if (!text) continue;
    if (!out.nameLine) {
      const [first = "", ...others] = text.split(NAME_SEPARATOR);
      if (looksLikeName(first)) {
        out.nameLine = text;
        out.name = titleCaseIfShouting(first.replace(HONORIFIC, "").replace(CREDENTIALS, "").trim());
        const headline = others.filter((o) => !CREDENTIALS.test(` ${o}`)).join(", ").trim();
        if (headline) out.headline = headline;
        continue;
      }
    }
    rest.push(text);
  }
  const prose: string[] = [];
  for (const text of rest) {
    const leftovers = absorbContact(contact, text);
    for (const part of leftovers) {
      const words = part.split(/\s+/).length;
      if (isPlace(part)) contact.location ??= part;
      else if (!out.headline && words <= 8 && !findDateRanges(part).length && !/[.!?]$/.test(part)) out.headline = part;
      else prose.push(part);
    }
  }
  if (prose.length) out.summary = prose.join(" ");
  return out;
}
