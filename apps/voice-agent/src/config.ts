import { z } from "zod";
import { EngineConfigSchema } from "@interview/graph";

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));
const required = (hint: string) =>
  z
    .string({ error: `required (${hint})` })
    .trim()
    .min(1, `required (${hint})`);

/** Settings of the voice worker: LiveKit, ElevenLabs, and the same engine settings as the API. */
export const VoiceAgentConfigSchema = EngineConfigSchema.extend({
  LIVEKIT_URL: required("the LiveKit server, e.g. ws://localhost:7880").pipe(
    z.url({ protocol: /^(wss?|https?)$/, error: "must be a ws://, wss://, http:// or https:// URL" }),
  ),
  LIVEKIT_API_KEY: required("API key of the LiveKit server"),
  LIVEKIT_API_SECRET: required("API secret of the LiveKit server"),
  ELEVEN_API_KEY: required("ElevenLabs key, for speech-to-text and text-to-speech"),
  ELEVEN_VOICE_ID: optionalText,
  ELEVEN_TTS_MODEL: z.string().trim().min(1).default("eleven_flash_v2_5"),
  ELEVEN_STT_MODEL: z.string().trim().min(1).default("scribe_v2_realtime"),
  /** How long after the end of the candidate's answer the turn is considered over (thinking pauses). */
  VOICE_END_OF_TURN_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(1_000),
  /**
   * How long the agent may hold the next question back so that it can say the feedback on the
   * answer first; after that it streams the question as it is written.
   */
  VOICE_FEEDBACK_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(1_500),
});

export type VoiceAgentConfig = z.infer<typeof VoiceAgentConfigSchema>;

export class VoiceAgentConfigError extends Error {
  override readonly name = "VoiceAgentConfigError";
}

/** Parses the environment once; a missing or bad setting is named with what it is for. */
export function loadVoiceAgentConfig(env: Record<string, string | undefined>): VoiceAgentConfig {
  const parsed = VoiceAgentConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
  throw new VoiceAgentConfigError(
    `The voice agent cannot start; fix these settings (environment or .env at the repository root):\n${problems.join("\n")}\nSee docs/voice.md.`,
  );
}
