import { z } from "zod";
import { callProvider, InvalidOutput, KeyRing, type CallPolicy } from "../providers/resilience.js";
import { uploadName } from "./audio-formats.js";
import { speechLanguageCode } from "./language.js";
import type { AudioClip, SpeechOptions, SpeechToText, Transcript } from "./ports.js";
import { defaultSpeechPolicy, endpoint, post, readJson, requireKeys } from "./provider-http.js";

export const ELEVENLABS_BASE_URL = "https://api.elevenlabs.io";
export const DEFAULT_ELEVENLABS_STT_MODEL = "scribe_v1";

export interface ElevenLabsSpeechToTextOptions {
  /** Rotated: each call starts with the next one, and a failed attempt retries with another. */
  apiKeys: readonly string[];
  /** Default: ElevenLabs' API host. */
  baseUrl?: string | undefined;
  model?: string | undefined;
  policy?: CallPolicy | undefined;
}

const Reply = z.object({
  text: z.string(),
  language_code: z.string().nullish(),
  words: z.array(z.object({ end: z.number().nullish() })).nullish(),
});

/**
 * The REST endpoint transcribes whole files with the batch models; the voice agent's streaming
 * model ("scribe_v2_realtime") shares the setting, so it maps to its batch sibling.
 */
const batchModel = (model: string) => model.replace(/_realtime$/, "");

/** ElevenLabs Scribe: POST /v1/speech-to-text with the recording as multipart `file`. */
export class ElevenLabsSpeechToText implements SpeechToText {
  readonly provider = "elevenlabs";
  private readonly apiKeys: readonly string[];
  private readonly keys: KeyRing;
  private readonly url: string;
  private readonly model: string;
  private readonly policy: CallPolicy;

  constructor(options: ElevenLabsSpeechToTextOptions) {
    this.apiKeys = requireKeys(options.apiKeys, "ElevenLabs");
    this.keys = new KeyRing(this.apiKeys.length);
    this.url = endpoint(options.baseUrl ?? ELEVENLABS_BASE_URL, "/v1/speech-to-text");
    this.model = batchModel(options.model ?? DEFAULT_ELEVENLABS_STT_MODEL);
    this.policy = options.policy ?? defaultSpeechPolicy;
  }

  transcribe(clip: AudioClip, options: SpeechOptions = {}): Promise<Transcript> {
    const language = speechLanguageCode(options.language);
    const upload = uploadName(clip.data, clip.mimeType);
    const file = new Blob([clip.data.slice()], { type: upload.mimeType });
    return callProvider(
      "ElevenLabs speech-to-text service",
      async ({ signal, key }) => {
        const form = new FormData();
        form.append("model_id", this.model);
        form.append("file", file, upload.filename);
        // An answer is judged on its words; "(laughs)" tags would reach the interview as text.
        form.append("tag_audio_events", "false");
        if (language) form.append("language_code", language);
        const response = await post(this.url, { headers: { "xi-api-key": this.apiKeys[key]! }, body: form }, signal);
        return transcriptOf(await readJson(response));
      },
      { policy: this.policy, signal: options.signal, keys: this.keys },
    );
  }
}

function transcriptOf(reply: unknown): Transcript {
  const parsed = Reply.safeParse(reply);
  if (!parsed.success) throw new InvalidOutput("the transcription reply has no text");
  const { text, language_code, words } = parsed.data;
  const ends = (words ?? []).map((w) => w.end).filter((end): end is number => typeof end === "number");
  return {
    text,
    ...(language_code ? { language: language_code } : {}),
    ...(ends.length ? { durationSeconds: Math.max(...ends) } : {}),
  };
}
