import { callProvider, KeyRing, type CallPolicy } from "../providers/resilience.js";
import { ELEVENLABS_BASE_URL } from "./elevenlabs-speech-to-text.js";
import { speechLanguageCode } from "./language.js";
import type { SpeechOptions, SynthesizedSpeech, TextToSpeech } from "./ports.js";
import { defaultSpeechPolicy, endpoint, post, readAudio, requireKeys, textToSpeak } from "./provider-http.js";

export const DEFAULT_ELEVENLABS_TTS_MODEL = "eleven_flash_v2_5";
/**
 * "Will", an ElevenLabs premade voice available on every account. It is the LiveKit plugin's
 * default too, so the voice agent and spoken replies over HTTP sound alike unless
 * ELEVEN_VOICE_ID says otherwise.
 */
export const DEFAULT_ELEVENLABS_VOICE_ID = "bIHbv24MWmeRgasZH58o";
export const ELEVENLABS_OUTPUT_FORMAT = "mp3_44100_128";
/** The smallest per-request limit of ElevenLabs' current models (v3); flash and turbo take more. */
const MAX_CHARS = 5_000;

export interface ElevenLabsTextToSpeechOptions {
  apiKeys: readonly string[];
  baseUrl?: string | undefined;
  model?: string | undefined;
  voiceId?: string | undefined;
  policy?: CallPolicy | undefined;
}

/** Only the v2.5 models accept language_code; the others refuse a request that carries one. */
const takesLanguageCode = (model: string) => /_v2_5$/.test(model);

/** ElevenLabs: POST /v1/text-to-speech/{voice_id}, MP3 back. */
export class ElevenLabsTextToSpeech implements TextToSpeech {
  readonly provider = "elevenlabs";
  private readonly apiKeys: readonly string[];
  private readonly keys: KeyRing;
  private readonly url: string;
  private readonly model: string;
  private readonly policy: CallPolicy;

  constructor(options: ElevenLabsTextToSpeechOptions) {
    this.apiKeys = requireKeys(options.apiKeys, "ElevenLabs");
    this.keys = new KeyRing(this.apiKeys.length);
    const voice = encodeURIComponent(options.voiceId ?? DEFAULT_ELEVENLABS_VOICE_ID);
    this.url = endpoint(options.baseUrl ?? ELEVENLABS_BASE_URL, `/v1/text-to-speech/${voice}?output_format=${ELEVENLABS_OUTPUT_FORMAT}`);
    this.model = options.model ?? DEFAULT_ELEVENLABS_TTS_MODEL;
    this.policy = options.policy ?? defaultSpeechPolicy;
  }

  async synthesize(text: string, options: SpeechOptions = {}): Promise<SynthesizedSpeech> {
    const input = textToSpeak(text, MAX_CHARS);
    const language = takesLanguageCode(this.model) ? speechLanguageCode(options.language) : undefined;
    const body = JSON.stringify({ text: input, model_id: this.model, ...(language ? { language_code: language } : {}) });
    return callProvider(
      "ElevenLabs text-to-speech service",
      async ({ signal, key }) => {
        const headers = { "xi-api-key": this.apiKeys[key]!, "content-type": "application/json", accept: "audio/mpeg" };
        return readAudio(await post(this.url, { headers, body }, signal));
      },
      { policy: this.policy, signal: options.signal, keys: this.keys },
    );
  }
}
