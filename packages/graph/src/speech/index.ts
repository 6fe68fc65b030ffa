export type { AudioClip, Transcript, SpeechOptions, SpeechToText, SynthesizedSpeech, TextToSpeech } from "./ports.js";
export { inspectAudio, type AudioLimits, type InspectedAudio } from "./inspect-audio.js";
export { ACCEPTED_AUDIO, AUDIO_CONTAINERS, type AudioContainer } from "./audio-formats.js";
export { requireSpokenText } from "./spoken-text.js";
export { speechLanguageCode } from "./language.js";
export { defaultSpeechPolicy } from "./provider-http.js";
export { ElevenLabsSpeechToText, ELEVENLABS_BASE_URL, DEFAULT_ELEVENLABS_STT_MODEL, type ElevenLabsSpeechToTextOptions } from "./elevenlabs-speech-to-text.js";
export {
  ElevenLabsTextToSpeech,
  DEFAULT_ELEVENLABS_TTS_MODEL,
  DEFAULT_ELEVENLABS_VOICE_ID,
  ELEVENLABS_OUTPUT_FORMAT,
  type ElevenLabsTextToSpeechOptions,
} from "./elevenlabs-text-to-speech.js";
export { OpenAiSpeechToText, OPENAI_BASE_URL, DEFAULT_OPENAI_STT_MODEL, type OpenAiConnection, type OpenAiSpeechToTextOptions } from "./openai-speech-to-text.js";
export { OpenAiTextToSpeech, DEFAULT_OPENAI_TTS_MODEL, DEFAULT_OPENAI_TTS_VOICE, type OpenAiTextToSpeechOptions } from "./openai-text-to-speech.js";
export { SpeechSettingsSchema, loadSpeechSettings, audioLimits, type SpeechSettings } from "./speech-settings.js";
export { createSpeech, explainMissingSpeech, speechNotConfigured, type Speech, type SpeechCapability } from "./create-speech.js";
