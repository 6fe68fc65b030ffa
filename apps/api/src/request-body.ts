import { z } from "@hono/zod-openapi";
import { closest, distance } from "fastest-levenshtein";

/**
 * How far a field name may be from a known one to be offered as what was meant: a slip of a
 * character or three (max_steps → max_step), fewer in a short name (cv is not a typo of tts).
 */
const nearMiss = (name: string) => Math.min(3, Math.max(1, Math.floor(name.length / 3)));

const normalized = (name: string) => name.toLowerCase().replace(/[\s-]+/g, "_");

/** Known fields that hold the name as one of their words: thread → thread_id, title → job_title. */
const holding = (name: string, known: readonly string[]) => known.filter((k) => k.split("_").includes(normalized(name)));

function suggestionFor(unknown: string, known: readonly string[]): string | undefined {
  if (!known.length) return undefined;
  const best = closest(normalized(unknown), [...known]);
  if (distance(normalized(unknown), best) <= nearMiss(unknown)) return best;
  // A word of two or three fields (job → job_id, job_title) offers them all; more would be a list.
  const fields = holding(unknown, known);
  return fields.length > 0 && fields.length <= 3 ? fields.join(" or ") : undefined;
}

/** The message for fields a request body (or query parameters a route) does not take: each named, with the one it is nearest to. */
export function unknownFieldsMessage(unknown: readonly string[], known: readonly string[], noun = "field"): string {
  const named = unknown.map((name) => {
    const meant = suggestionFor(name, known);
    return meant ? `${name} (did you mean ${meant}?)` : name;
  });
  return `Unknown ${noun}${unknown.length > 1 ? "s" : ""}: ${named.join(", ")}. This ${noun === "field" ? "request" : "route"} takes ${known.join(", ")}.`;
}

/**
 * A request body that names every field it takes. An unknown field is usually a typo (max_steps,
 * jobTitle), and ignoring it would quietly run the interview on a default instead: a 400 that
 * names it loses nothing and says what to send.
 */
export function requestBody<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? unknownFieldsMessage(issue.keys, known) : undefined),
  });
}

/**
 * Query parameters that a route names in full. A list filter with a typo (?job= for ?job_id=)
 * would otherwise quietly list every interview: a 400 that names it says what to send.
 */
export function requestQuery<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? unknownFieldsMessage(issue.keys, known, "query parameter") : undefined),
  });
}
