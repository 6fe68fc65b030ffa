import { findTechnologies } from "../../text/lexicon.js";

/** Lexicon names that are also everyday words in some trades: counted only outside those uses. */
const FALSE_FRIENDS: Record<string, RegExp> = {
  Chef: /\b(?:pastry|head|sous|executive|commis|private|line|junior|senior|chef de|chef du)\s+chefs?\b|\bchefs?\s+(?:de|du)\b/gi,
  Spring: /\bspring\s*,?\s*(?:19|20)\d{2}\b/gi,
  Security: /\bsocial security\b/gi,
};

/** Technologies a CV text names, without trade words that look like tools ("Head Pastry Chef"). */
export function cvTechnologies(text: string): string[] {
  return findTechnologies(text).filter((tech) => {
    const friend = FALSE_FRIENDS[tech];
    if (!friend) return true;
    return findTechnologies(text.replace(friend, " ")).includes(tech);
  });
}
