import { createHash } from "node:crypto";
import type { Context } from "hono";
import { InterviewError, type RequestKey } from "@interview/graph";
import type { AppEnv } from "./app-types.js";
import { keyOwner, principalOf } from "./access.js";

/** JSON with object keys sorted, so the same request always has the same digest. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return `sha256:${createHash("sha256").update(v).digest("hex")}`;
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
  });
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The request's Idempotency-Key, if it sent one: the caller's namespace, the key, and a digest of
 * what the request asks (route and fields, files by their digest), so that the same key with
 * another request is told apart from a retry.
 */
export function requestKeyOf(c: Context<AppEnv>, request: unknown): RequestKey | undefined {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return undefined;
  if (!KEY.test(key)) throw new InterviewError("invalid_input", "Idempotency-Key must be 1 to 255 visible ASCII characters.");
  const fingerprint = createHash("sha256").update(stableJson([c.req.method, c.req.path, request])).digest("hex");
  return { principal: keyOwner(principalOf(c)), key, fingerprint };
}
