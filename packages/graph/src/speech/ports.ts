/** What the engine needs from speech providers; adapters in this folder implement these ports. */

export interface AudioClip {
  data: Uint8Array;
  /** As declared by the uploader (Content-Type or the form part's type); checked by inspectAudio. */
  mimeType: string;
  /** The uploaded file's name; only its extension is used, as a hint when the type is generic. */
  filename?: string;
}

export interface Transcript {
  text: string;
  /** The language the provider heard, in the provider's own code (ElevenLabs: ISO 639-3, "eng"). */
  language?: string;
  durationSeconds?: number;
}

export interface SpeechOptions {
  /** The interview's language ("en", "pt-BR", or free text such as "English", which is left to the provider to detect). */
  language?: string;
  /** The caller gave up: the request is cancelled and nothing is retried. */
  signal?: AbortSignal;
}

export interface SpeechToText {
  readonly provider: string;
  transcribe(clip: AudioClip, options?: SpeechOptions): Promise<Transcript>;
}

export interface SynthesizedSpeech {
  data: Uint8Array;
  mimeType: string;
}

export interface TextToSpeech {
  readonly provider: string;
  synthesize(text: string, options?: SpeechOptions): Promise<SynthesizedSpeech>;
}
