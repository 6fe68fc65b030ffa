import type { Contact } from "./types.js";
import { isPlace } from "./places.js";
import { tidySeparators } from "./dates.js";

// Each match starts where a run of address characters starts (the lookbehind), so a long run
// without an "@" is scanned once, not once per character.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
// A bare domain only starts where a run of domain characters starts, for the same reason.
const LINK =
  /\b(?:https?:\/\/|www\.)[^\s|,;()<>]+|\b(?:linkedin\.com|github\.com|gitlab\.com|behance\.net|dribbble\.com|medium\.com|x\.com|twitter\.com|orcid\.org|scholar\.google\.com)\/[^\s|,;()<>]+|(?<![a-z0-9.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|me|co|uk|app|design|page|site)(?:\/[^\s|,;()<>]*)?(?![\w@.])/gu;
/** International or national numbers with at least 9 digits: "+44 7700 900418", "+1 (312) 555-0142". */
const PHONE = /(?<![\w/.])\+?\(?\d[\d\s().-]{7,}\d(?![\w/])/g;
const LABELS = /\b(?:e-?mail|phone|tel(?:ephone)?|mobile|cell|web(?:site)?|portfolio|linkedin|github|address|contact|location)\s*:?\s*/gi;

export interface ContactItems {
  emails: string[];
  phones: string[];
  links: string[];
  /** The line with the items above taken out. */
  rest: string;
}

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 9 || digits.length > 15) return false;
  // Date ranges ("2018 - 2021") and years are not phone numbers.
  return !/^(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}$/.test(candidate.trim());
}

export function contactItems(line: string): ContactItems {
  const emails = line.match(EMAIL) ?? [];
  let rest = line.replace(EMAIL, " ");
  const links = (rest.match(LINK) ?? []).map((l) => l.replace(/[.)]+$/, ""));
  rest = rest.replace(LINK, " ");
  const phones = (rest.match(PHONE) ?? []).map((p) => p.trim()).filter(isPhone);
  for (const phone of phones) rest = rest.replace(phone, " ");
  rest = tidySeparators(rest.replace(LABELS, " ").replace(/\s*[|·•]\s*/g, " | "));
  return { emails, phones, links, rest };
}

/** Whether a line is about how to reach the candidate (and nothing else worth keeping). */
export function isContactLine(line: string): boolean {
  const items = contactItems(line);
  const found = items.emails.length + items.phones.length + items.links.length;
  if (found === 0) return /^(?:e-?mail|phone|tel|mobile|address|location)\s*:/i.test(line);
  return items.rest.split(/\s+/).filter(Boolean).length <= 6;
}

/** Links that point at a person rather than a technology: a URL, or a profile on a known site. */
const PROFILE_LINK =
  /\b(?:https?:\/\/|www\.)[^\s|,;()<>]+|\b(?:linkedin\.com|github\.com|gitlab\.com|behance\.net|dribbble\.com|medium\.com|x\.com|twitter\.com|orcid\.org|scholar\.google\.com)\/[^\s|,;()<>]+/giu;

/**
 * The CV text as passages may quote it: e-mail addresses, phone numbers and profile links taken
 * out, and a line left with nothing but their labels ("Contact: , ") dropped. Only what surely is
 * an address goes: a bare domain in prose is more often a technology ("socket.io", "asp.net").
 */
export function withoutContactDetails(text: string): string {
  return text
    .split("\n")
    .flatMap((line) => {
      let kept = line.replace(EMAIL, " ").replace(PROFILE_LINK, " ");
      for (const phone of (kept.match(PHONE) ?? []).filter(isPhone)) kept = kept.replace(phone, " ");
      if (kept === line) return [line];
      const words = kept.replace(LABELS, " ").replace(/[^\p{L}\p{N}]+/gu, "");
      return words ? [kept.replace(/[ \t]{2,}/g, " ").trimEnd()] : [];
    })
    .join("\n");
}

export function emptyContact(): Contact {
  return { emails: [], phones: [], links: [] };
}

/** Adds a contact line's items to the contact; returns what is left of the line (a headline, a place). */
export function absorbContact(contact: Contact, line: string): string[] {
  const items = contactItems(line);
  push(contact.emails, items.emails);
  push(contact.phones, items.phones);
  push(contact.links, items.links);
  const leftovers: string[] = [];
  for (const part of items.rest.split(/\s*\|\s*/).map((p) => p.trim()).filter(Boolean)) {
    if (!contact.location && isPlace(part)) contact.location = part;
    else if (!isPlace(part)) leftovers.push(part);
  }
  return leftovers;
}

function push(into: string[], items: string[]) {
  for (const item of items) if (!into.includes(item)) into.push(item);
}
