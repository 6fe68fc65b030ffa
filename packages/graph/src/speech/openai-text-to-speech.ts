import { callProvider, KeyRing, type CallPolicy } from "../providers/resilience.js";
import { bearer, OPENAI_BASE_URL, type OpenAiConnection } from "./openai-speech-to-text.js";
import type { SpeechOptions, SynthesizedSpeech, TextToSpeech } from "./ports.js";
import { defaultSpeechPolicy, endpoint, post, readAudio, textToSpeak, usableKeys } from "./provider-http.js";

export const DEFAULT_OPENAI_TTS_MODEL = "tts-1";
export const DEFAULT_OPENAI_TTS_VOICE = "alloy";
/** OpenAI's documented limit of `input`. */
const MAX_CHARS = 4_096;

export interface OpenAiTextToSpeechOptions extends OpenAiConnection {
  model?: string | undefined;
  voice?: string | undefined;
}

/**
 * OpenAI-compatible speech: POST /v1/audio/speech, MP3 back. The protocol takes no language: the
 * voice reads the text in whatever language it is written.
 */
export class OpenAiTextToSpeech implements TextToSpeech {
  readonly provider = "openai";
  private readonly apiKeys: readonly string[];
  private readonly keys: KeyRing;
  private readonly url: string;
  private readonly model: string;
  private readonly voice: string;
  private readonly policy: CallPolicy;

  constructor(options: OpenAiTextToSpeechOptions = {}) {
    this.apiKeys = usableKeys(options.apiKeys);
    this.keys = new KeyRing(Math.max(1, this.apiKeys.length));
    this.url = endpoint(options.baseUrl ?? OPENAI_BASE_URL, "/v1/audio/speech");
    this.model = options.model ?? DEFAULT_OPENAI_TTS_MODEL;
    this.voice = options.voice ?? DEFAULT_OPENAI_TTS_VOICE;
    this.policy = options.policy ?? defaultSpeechPolicy;
  }

  async synthesize(text: string, options: SpeechOptions = {}): Promise<SynthesizedSpeech> {
    const input = textToSpeak(text, MAX_CHARS);
    const body = JSON.stringify({ model: this.model, voice: this.voice, input, response_format: "mp3" });
    return callProvider(
      "text-to-speech service",
      async ({ signal, key }) => {
        const headers = { ...bearer(this.apiKeys, key), "content-type": "application/json", accept: "audio/mpeg" };
        return readAudio(await post(this.url, { headers, body }, signal));
      },
      { policy: this.policy, signal: options.signal, keys: this.keys },
    );
  }
}
