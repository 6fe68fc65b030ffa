import { pick, seededRandom } from "./random.js";
import type { Persona } from "./types.js";

export interface GreetingInput {
  name?: string;
  jobTitle: string;
  company?: string;
  persona: Persona;
  seed: string;
}

/** What the AI candidate says when the interview starts; its nerves or polish already show. */
export function candidateGreeting(input: GreetingInput): string {
  const random = seededRandom(input.seed, "greeting");
  const name = input.name?.trim();
  const at = input.company ? ` at ${input.company}` : "";
  const lines: Record<Persona, string[]> = {
    strong: [
      `Hi${name ? `, I'm ${name}` : ""} — thanks for having me. I've been looking forward to talking about the ${input.jobTitle} role${at}.`,
      `Hello${name ? `, I'm ${name}` : ""}. Thanks for making the time — I'm keen to hear more about the ${input.jobTitle} role${at}.`,
    ],
    average: [
      `Hi${name ? `, I'm ${name}` : ""}, nice to meet you. Thanks for having me.`,
      `Hello${name ? `, ${name} here` : ""} — thanks for the invitation.`,
    ],
    weak: [
      `Hi… sorry${name ? `, I'm ${name}` : ""}. I'm a bit nervous, but thanks for having me.`,
      `Oh, hi${name ? ` — ${name}` : ""}. Thanks for… yeah, thanks for having me.`,
    ],
    evasive: [
      `Hello! Great to be here${at} — I'm sure we'll have a great conversation.`,
      `Hi${name ? `, I'm ${name}` : ""}! Lovely to meet you — I've been really looking forward to this.`,
    ],
  };
  return pick(random, lines[input.persona]);
}

/** The persona's name from a CV: its first line, when that looks like a person's name. */
export function candidateNameFromCv(cvText: string): string | undefined {
  const first = cvText.split(/\r?\n/).map((l) => l.trim()).find(Boolean);
  return first && /^[\p{Lu}][\p{L}'-]+(?:\s+[\p{Lu}][\p{L}'-]+){1,3}$/u.test(first) ? first : undefined;
}
