/** The HTTP plumbing the speech adapters share, shaped for callProvider. */
import { defaultCallPolicy, InvalidOutput, parseRetryAfter, ProviderHttpError, type CallPolicy } from "../providers/resilience.js";
import { InterviewError } from "../errors.js";
import { AUDIO_CONTAINERS, sniffAudio } from "./audio-formats.js";
import type { SynthesizedSpeech } from "./ports.js";

/** Speech calls carry whole recordings, so each attempt may take longer than a chat call. */
export const defaultSpeechPolicy: CallPolicy = { ...defaultCallPolicy, retries: 2, timeoutMs: 30_000 };

/**
 * `base` + `path`, where `path` starts with /v1. A base written the way SDKs take it
 * ("http://localhost:8000/v1") works too.
 */
export function endpoint(base: string, path: string) {
  return `${base.trim().replace(/\/+$/, "").replace(/\/v1$/, "")}${path}`;
}

/**
 * POSTs and returns the reply when it succeeded. A failure becomes a ProviderHttpError carrying
 * only the status and Retry-After: its body is not read, since providers may echo input there.
 * Redirects are not followed: fetch would carry a key in a custom header (xi-api-key) and the
 * recording to wherever the Location points.
 */
export async function post(url: string, init: { headers: Record<string, string>; body: BodyInit }, signal: AbortSignal): Promise<Response> {
  const response = await fetch(url, { method: "POST", headers: init.headers, body: init.body, signal, redirect: "manual" });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new ProviderHttpError(response.status, parseRetryAfter(response.headers.get("retry-after")));
  }
  return response;
}

export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidOutput("the reply is not JSON");
  }
}

/** The reply's audio, typed by its content; anything else (an HTML page, JSON, nothing) is unusable. */
export async function readAudio(response: Response): Promise<SynthesizedSpeech> {
  const data = new Uint8Array(await response.arrayBuffer());
  const sniffed = sniffAudio(data);
  if (sniffed.kind !== "audio") throw new InvalidOutput("the reply is not audio");
  return { data, mimeType: AUDIO_CONTAINERS[sniffed.container].mimeType };
}

/** The text to speak, trimmed, or `invalid_input` when there is none or more than the provider takes. */
export function textToSpeak(text: string, maxChars: number) {
  const input = text.trim();
  if (!input) throw new InterviewError("invalid_input", "There is no text to speak.");
  if (input.length > maxChars) {
    throw new InterviewError("invalid_input", `The text to speak is ${input.length} characters long; at most ${maxChars} can be spoken at once.`);
  }
  return input;
}

export const usableKeys = (keys: readonly string[] | undefined) => (keys ?? []).map((k) => k.trim()).filter(Boolean);

/** The keys of a provider that needs one, checked once so every attempt has one. */
export function requireKeys(keys: readonly string[] | undefined, provider: string): readonly string[] {
  const usable = usableKeys(keys);
  if (!usable.length) throw new Error(`${provider} needs at least one API key`);
  return usable;
}
