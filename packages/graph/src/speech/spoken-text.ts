import { InterviewError } from "../errors.js";
import type { Transcript } from "./ports.js";

/**
 * The answer's text, or `unreadable_audio` when the provider heard nothing (silence, or only
 * punctuation): an empty answer must not reach the interview as if it had been given.
 */
export function requireSpokenText(transcript: Transcript): string {
  const text = transcript.text.trim();
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new InterviewError("unreadable_audio", "Nothing could be heard in the recording; record the answer again.");
  }
  return text;
}
