import { InterviewError } from "../errors.js";
import type { CallPolicy } from "../providers/resilience.js";
import { ElevenLabsSpeechToText } from "./elevenlabs-speech-to-text.js";
import { ElevenLabsTextToSpeech } from "./elevenlabs-text-to-speech.js";
import { OpenAiSpeechToText } from "./openai-speech-to-text.js";
import { OpenAiTextToSpeech } from "./openai-text-to-speech.js";
import type { SpeechToText, TextToSpeech } from "./ports.js";
import { defaultSpeechPolicy } from "./provider-http.js";
import type { SpeechSettings } from "./speech-settings.js";

export type SpeechCapability = "speech-to-text" | "text-to-speech";

export interface Speech {
  stt: SpeechToText | null;
  tts: TextToSpeech | null;
  /** Settings that would turn on what is null: for each capability, any one of its names. */
  missing: string[];
}

type Choice = { provider: "elevenlabs" | "openai" } | { provider: null; missing: string[]; explanation: string };

const PROVIDER_SETTING = { "speech-to-text": "STT_PROVIDER", "text-to-speech": "TTS_PROVIDER" } as const;

/** Which provider serves a capability under these settings, or what is missing for one to. */
function choose(settings: SpeechSettings, capability: SpeechCapability): Choice {
  const setting = PROVIDER_SETTING[capability];
  const hasEleven = settings.ELEVEN_API_KEY.length > 0;
  const hasOpenAiBase = settings.OPENAI_AUDIO_BASE_URL !== undefined;
  const hasOpenAiKey = settings.OPENAI_AUDIO_API_KEY.length > 0;
  switch (settings[setting]) {
    case "none":
      return {
        provider: null,
        missing: [setting],
        explanation: `${setting} is none; set it to elevenlabs (with ELEVEN_API_KEY) or openai (with OPENAI_AUDIO_BASE_URL or OPENAI_AUDIO_API_KEY)`,
      };
    case "elevenlabs":
      return hasEleven
        ? { provider: "elevenlabs" }
        : { provider: null, missing: ["ELEVEN_API_KEY"], explanation: `${setting} is elevenlabs, so set ELEVEN_API_KEY to an ElevenLabs API key` };
    case "openai":
      // Without a base URL the calls go to OpenAI itself, which takes none without a key.
      return hasOpenAiBase || hasOpenAiKey
        ? { provider: "openai" }
        : {
            provider: null,
            missing: ["OPENAI_AUDIO_API_KEY", "OPENAI_AUDIO_BASE_URL"],
            explanation: `${setting} is openai, so set OPENAI_AUDIO_API_KEY for OpenAI, or OPENAI_AUDIO_BASE_URL for a self-hosted OpenAI-compatible server`,
          };
    case undefined:
      if (hasOpenAiBase || hasOpenAiKey) return { provider: "openai" };
      if (hasEleven) return { provider: "elevenlabs" };
      return {
        provider: null,
        missing: ["ELEVEN_API_KEY", "OPENAI_AUDIO_BASE_URL"],
        explanation:
          "set ELEVEN_API_KEY for ElevenLabs, or OPENAI_AUDIO_BASE_URL (with OPENAI_AUDIO_API_KEY if the server needs one) for an OpenAI-compatible server such as a self-hosted Whisper",
      };
  }
}

/**
 * The speech adapters these settings call for; a capability without what it needs is null, and
 * `missing` names the settings that would turn it on. Nothing is contacted here.
 */
export function createSpeech(settings: SpeechSettings, overrides: { policy?: CallPolicy } = {}): Speech {
  const policy = overrides.policy ?? { ...defaultSpeechPolicy, timeoutMs: settings.SPEECH_TIMEOUT_MS, retries: settings.SPEECH_MAX_RETRIES };
  const eleven = { apiKeys: settings.ELEVEN_API_KEY, baseUrl: settings.ELEVENLABS_BASE_URL, policy };
  const openai = { apiKeys: settings.OPENAI_AUDIO_API_KEY, baseUrl: settings.OPENAI_AUDIO_BASE_URL, policy };
  const sttChoice = choose(settings, "speech-to-text");
  const ttsChoice = choose(settings, "text-to-speech");
  const stt =
    sttChoice.provider === "elevenlabs"
      ? new ElevenLabsSpeechToText({ ...eleven, model: settings.ELEVEN_STT_MODEL })
      : sttChoice.provider === "openai"
        ? new OpenAiSpeechToText({ ...openai, model: settings.OPENAI_STT_MODEL })
        : null;
  const tts =
    ttsChoice.provider === "elevenlabs"
      ? new ElevenLabsTextToSpeech({ ...eleven, model: settings.ELEVEN_TTS_MODEL, voiceId: settings.ELEVEN_VOICE_ID })
      : ttsChoice.provider === "openai"
        ? new OpenAiTextToSpeech({ ...openai, model: settings.OPENAI_TTS_MODEL, voice: settings.OPENAI_TTS_VOICE })
        : null;
  const missing = [sttChoice, ttsChoice].flatMap((choice) => (choice.provider ? [] : choice.missing));
  return { stt, tts, missing: [...new Set(missing)] };
}

const WHAT = { "speech-to-text": "Spoken answers are", "text-to-speech": "Spoken replies are" } as const;

/** Why a capability is off and which settings turn it on; undefined when it is on. */
export function explainMissingSpeech(settings: SpeechSettings, capability: SpeechCapability): string | undefined {
  const choice = choose(settings, capability);
  return choice.provider ? undefined : `${WHAT[capability]} not set up on this server: ${choice.explanation}.`;
}

/** The `speech_not_configured` refusal, naming the settings to set. */
export function speechNotConfigured(settings: SpeechSettings, capability: SpeechCapability = "speech-to-text"): InterviewError {
  return new InterviewError("speech_not_configured", explainMissingSpeech(settings, capability) ?? `${WHAT[capability]} not set up on this server.`);
}
