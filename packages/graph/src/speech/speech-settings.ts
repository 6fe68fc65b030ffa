import { z } from "zod";
import { DEFAULT_ELEVENLABS_STT_MODEL } from "./elevenlabs-speech-to-text.js";
import { DEFAULT_ELEVENLABS_TTS_MODEL, DEFAULT_ELEVENLABS_VOICE_ID } from "./elevenlabs-text-to-speech.js";
import type { AudioLimits } from "./inspect-audio.js";
import { blank, commaList, optionalHttpUrl } from "../settings-fields.js";
import { DEFAULT_OPENAI_STT_MODEL } from "./openai-speech-to-text.js";
import { DEFAULT_OPENAI_TTS_MODEL, DEFAULT_OPENAI_TTS_VOICE } from "./openai-text-to-speech.js";


const provider = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
  z.enum(["elevenlabs", "openai", "none"]).optional(),
);
const text = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || fallback);
const positive = (fallback: number) => z.preprocess(blank, z.coerce.number().int().positive().default(fallback));

/**
 * The speech settings, read from an environment-like object. Every one is optional; the
 * composition root merges this into its own schema (`Schema.extend(SpeechSettingsSchema.shape)`).
 */
export const SpeechSettingsSchema = z.object({
  /**
   * Who transcribes spoken answers: elevenlabs, openai (OpenAI or any server speaking its audio
   * API, such as a self-hosted Whisper), or none. Unset: openai when OPENAI_AUDIO_BASE_URL or
   * OPENAI_AUDIO_API_KEY is set (they exist only for this), else elevenlabs when ELEVEN_API_KEY is.
   */
  STT_PROVIDER: provider,
  /** Who speaks the replies; same values and the same choice when unset. */
  TTS_PROVIDER: provider,
  /** ElevenLabs API keys, comma-separated; calls rotate through them. */
  ELEVEN_API_KEY: commaList,
  /** Default: ElevenLabs' API host. */
  ELEVENLABS_BASE_URL: optionalHttpUrl,
  ELEVEN_STT_MODEL: text(DEFAULT_ELEVENLABS_STT_MODEL),
  ELEVEN_TTS_MODEL: text(DEFAULT_ELEVENLABS_TTS_MODEL),
  ELEVEN_VOICE_ID: text(DEFAULT_ELEVENLABS_VOICE_ID),
  /** Default: OpenAI's API host. A base ending in /v1 works too. */
  OPENAI_AUDIO_BASE_URL: optionalHttpUrl,
  /** Comma-separated and rotated; optional for servers that take no key. */
  OPENAI_AUDIO_API_KEY: commaList,
  OPENAI_STT_MODEL: text(DEFAULT_OPENAI_STT_MODEL),
  OPENAI_TTS_MODEL: text(DEFAULT_OPENAI_TTS_MODEL),
  OPENAI_TTS_VOICE: text(DEFAULT_OPENAI_TTS_VOICE),
  /** Time limit of each attempt of a speech call. */
  SPEECH_TIMEOUT_MS: positive(30_000),
  /** Attempts after the first one. */
  SPEECH_MAX_RETRIES: z.preprocess(blank, z.coerce.number().int().min(0).max(10).default(2)),
  /** Largest recording accepted for one answer. */
  AUDIO_MAX_BYTES: positive(10 * 1024 * 1024),
  /** Longest recording accepted for one answer. */
  AUDIO_MAX_SECONDS: positive(300),
});

export type SpeechSettings = z.output<typeof SpeechSettingsSchema>;

export function loadSpeechSettings(env: Record<string, string | undefined>): SpeechSettings {
  const parsed = SpeechSettingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid speech settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

export const audioLimits = (settings: SpeechSettings): AudioLimits => ({ maxBytes: settings.AUDIO_MAX_BYTES, maxSeconds: settings.AUDIO_MAX_SECONDS });
