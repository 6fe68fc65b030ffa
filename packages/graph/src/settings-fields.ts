import { z } from "zod";

/** Compose files pass unset variables as empty strings; those mean "not set". */
export const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A comma-separated list (API keys to rotate through, say); unset or empty is no items. */
export const commaList = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean));

/** Text, trimmed; unset or blank is undefined. */
export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/** An http(s) URL; unset or blank is undefined. */
export const optionalHttpUrl = z.preprocess(blank, z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional());
