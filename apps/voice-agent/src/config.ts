import { z } from "zod";
import { blank, commaList, EngineConfigSchema, optionalHttpUrl, optionalText, parseConfig } from "@interview/graph";

const required = (hint: string) =>
  z
    .string({ error: `required (${hint})` })
    .trim()
    .min(1, `required (${hint})`);
const milliseconds = (max: number) => z.preprocess(blank, z.coerce.number().int().min(0).max(max).optional());

const ELEVEN_HINT = "ElevenLabs key, for speech-to-text and text-to-speech";

/** Pauses a candidate may take to think before an answer counts as finished (see docs/voice.md). */
export const DEFAULT_MIN_ENDPOINTING_MS = 1_500;
export const DEFAULT_MAX_ENDPOINTING_MS = 6_000;

/** Settings of the voice worker: LiveKit, ElevenLabs, turn-taking, and the same engine settings as the API. */
export const VoiceAgentConfigSchema = EngineConfigSchema.extend({
  LIVEKIT_URL: required("the LiveKit server, e.g. ws://localhost:7880").pipe(
    z.url({ protocol: /^(wss?|https?)$/, error: "must be a ws://, wss://, http:// or https:// URL" }),
  ),
  LIVEKIT_API_KEY: required("API key of the LiveKit server"),
  LIVEKIT_API_SECRET: required("API secret of the LiveKit server"),
  /**
   * Comma-separated in a .env shared with the API, whose speech calls rotate through the keys. The
   * LiveKit plugin takes one key per session, so the agent uses the first.
   */
  ELEVEN_API_KEY: commaList.pipe(z.array(z.string()).min(1, `required (${ELEVEN_HINT})`)),
  /** The interviewer's voice (default: the plugin's). */
  ELEVEN_VOICE_ID: optionalText,
  /** The AI candidate's voice in role reversal (default: ELEVEN_VOICE_ID). */
  ELEVEN_CANDIDATE_VOICE_ID: optionalText,
  /** Where ElevenLabs is reached, as for the API (default: its public host, https://api.elevenlabs.io). */
  ELEVENLABS_BASE_URL: optionalHttpUrl,
  ELEVEN_TTS_MODEL: z.preprocess(blank, z.string().trim().min(1).default("eleven_flash_v2_5")),
  /** A streaming model: the API's batch transcription maps it to its batch sibling. */
  ELEVEN_STT_MODEL: z.preprocess(blank, z.string().trim().min(1).default("scribe_v2_realtime")),
  /** The API's Redis, when it uses one: the worker publishes its turns where the API's sockets listen (PostgreSQL when absent). */
  REDIS_URL: optionalText,
  /** The shortest silence after which an answer counts as finished. */
  VOICE_MIN_ENDPOINTING_MS: milliseconds(30_000),
  /** The longest the agent waits for a candidate who paused mid-answer. */
  VOICE_MAX_ENDPOINTING_MS: milliseconds(60_000),
  /** The older name of VOICE_MIN_ENDPOINTING_MS, still accepted. */
  VOICE_END_OF_TURN_DELAY_MS: milliseconds(30_000),
  /**
   * How long the agent holds the next question back so that the feedback on the answer can come
   * first; past it, the question's opening sentences are spoken and the feedback goes just before
   * its last sentence.
   */
  VOICE_FEEDBACK_WAIT_MS: z.preprocess(blank, z.coerce.number().int().min(0).max(30_000).default(1_500)),
}).transform((config, ctx) => {
  const { VOICE_END_OF_TURN_DELAY_MS: legacy, VOICE_MIN_ENDPOINTING_MS: min, VOICE_MAX_ENDPOINTING_MS: max, ...rest } = config;
  const minDelayMs = min ?? legacy ?? DEFAULT_MIN_ENDPOINTING_MS;
  const maxDelayMs = max ?? DEFAULT_MAX_ENDPOINTING_MS;
  if (minDelayMs > maxDelayMs) {
    const minName = min === undefined && legacy !== undefined ? "VOICE_END_OF_TURN_DELAY_MS" : "VOICE_MIN_ENDPOINTING_MS";
    ctx.addIssue({
      code: "custom",
      path: ["VOICE_MAX_ENDPOINTING_MS"],
      message:
        `must be at least ${minName} (${minDelayMs} ms), but is ${maxDelayMs} ms${max === undefined ? " (its default)" : ""}; ` +
        `raise VOICE_MAX_ENDPOINTING_MS or lower ${minName}`,
    });
    return z.NEVER;
  }
  return { ...rest, endpointing: { minDelayMs, maxDelayMs } };
});

export type VoiceAgentConfig = z.output<typeof VoiceAgentConfigSchema>;
export type Endpointing = VoiceAgentConfig["endpointing"];

export class VoiceAgentConfigError extends Error {
  override readonly name = "VoiceAgentConfigError";
}

/** Parses the environment once, with the engine's rule; every missing or bad setting is named. */
export function loadVoiceAgentConfig(env: Record<string, string | undefined>): VoiceAgentConfig {
  try {
    return parseConfig(VoiceAgentConfigSchema, env);
  } catch (error) {
    throw new VoiceAgentConfigError(
      `The voice agent cannot start. ${(error as Error).message}.\nSet them in the environment or in .env at the repository root; see docs/voice.md.`,
    );
  }
}

/** The key the LiveKit plugins use: the first of a comma-separated list. */
export const elevenLabsKey = (config: VoiceAgentConfig): string => config.ELEVEN_API_KEY[0]!;
