import pino, { type DestinationStream, type Logger } from "pino";

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Digits with spaces, dots, dashes or brackets, not glued to other word characters (so ids survive).
const PHONE = /(?<![\w.-])\+?\(?\d[\d\s().-]{6,}\d(?![\w.-])/g;

/** Removes e-mail addresses and phone numbers from a string. */
export function scrub(text: string): string {
  return text
    .replace(EMAIL, "[email]")
    .replace(PHONE, (match) => (match.replace(/\D/g, "").length >= 9 ? "[phone]" : match));
}

/**
 * An identifier the client chose (a thread_id, the path that holds it) may be an applicant-tracking
 * number ("2024001234567"), so a bare run of digits stays; one written like a phone number
 * ("+44 7700 900123", "(0612) 345678") and any e-mail address are still taken out.
 */
export function scrubIdentifier(text: string): string {
  return text
    .replace(EMAIL, "[email]")
    .replace(PHONE, (match) => (/^\+|[\s()]/.test(match) && match.replace(/\D/g, "").length >= 9 ? "[phone]" : match));
}

const IDENTIFIER_FIELDS = new Set(["threadId", "path"]);

/** A request path as logged: secret link tokens replaced by a placeholder. */
export const pathForLog = (path: string) => path.replace(/^\/(invites?)\/[^/]+/, "/$1/{token}");

function scrubDeep(value: unknown, depth = 0, key = ""): unknown {
  if (typeof value === "string") return IDENTIFIER_FIELDS.has(key) ? scrubIdentifier(value) : scrub(value);
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, depth + 1, k)]));
}

// Codes such as PostgreSQL's SQLSTATE ("53300": too many connections) or Node's "ECONNREFUSED".
const ERROR_CODE = /^[A-Z0-9_]{2,40}$/;

/**
 * What a log may say of an error: its class and its machine-readable code, never its message
 * (a provider's or the database's message can quote the CV or the answer being processed).
 */
export function errorFacts(error: unknown): { name: string; code?: string } {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const facts: { name: string; code?: string } = { name: typeof name === "string" ? name : typeof error };
  if (typeof code === "string" && ERROR_CODE.test(code)) facts.code = code;
  return facts;
}

/**
 * Structured JSON logs. Request bodies are never logged; as a second line of defence every
 * string field is scrubbed of e-mail addresses and phone numbers.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      formatters: { log: (object) => scrubDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export type { Logger };
