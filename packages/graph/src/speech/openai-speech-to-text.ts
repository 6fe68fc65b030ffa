import { z } from "zod";
import { callProvider, InvalidOutput, KeyRing, type CallPolicy } from "../providers/resilience.js";
import { uploadName } from "./audio-formats.js";
import { speechLanguageCode } from "./language.js";
import type { AudioClip, SpeechOptions, SpeechToText, Transcript } from "./ports.js";
import { defaultSpeechPolicy, endpoint, post, readJson, usableKeys } from "./provider-http.js";

export const OPENAI_BASE_URL = "https://api.openai.com";
export const DEFAULT_OPENAI_STT_MODEL = "whisper-1";

export interface OpenAiConnection {
  /** Default: OpenAI's API host. Self-hosted servers (Whisper and the like) speak the same protocol. */
  baseUrl?: string | undefined;
  /** Optional: local servers often take none. Rotated like the other providers' keys. */
  apiKeys?: readonly string[] | undefined;
  policy?: CallPolicy | undefined;
}

export interface OpenAiSpeechToTextOptions extends OpenAiConnection {
  model?: string | undefined;
}

const Reply = z.object({ text: z.string(), usage: z.unknown().optional() });

/** Authorization for the attempt's key, or none for a server that needs no key. */
export function bearer(apiKeys: readonly string[], key: number): Record<string, string> {
  const token = apiKeys[key];
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** OpenAI-compatible transcription: POST /v1/audio/transcriptions, multipart `file`. */
export class OpenAiSpeechToText implements SpeechToText {
  readonly provider = "openai";
  private readonly apiKeys: readonly string[];
  private readonly keys: KeyRing;
  private readonly url: string;
  private readonly model: string;
  private readonly policy: CallPolicy;

  constructor(options: OpenAiSpeechToTextOptions = {}) {
    this.apiKeys = usableKeys(options.apiKeys);
    this.keys = new KeyRing(Math.max(1, this.apiKeys.length));
    this.url = endpoint(options.baseUrl ?? OPENAI_BASE_URL, "/v1/audio/transcriptions");
    this.model = options.model ?? DEFAULT_OPENAI_STT_MODEL;
    this.policy = options.policy ?? defaultSpeechPolicy;
  }

  transcribe(clip: AudioClip, options: SpeechOptions = {}): Promise<Transcript> {
    const language = speechLanguageCode(options.language);
    // These servers tell the format by the file name's extension, so it must match the content.
    const upload = uploadName(clip.data, clip.mimeType);
    const file = new Blob([clip.data.slice()], { type: upload.mimeType });
    return callProvider(
      "speech-to-text service",
      async ({ signal, key }) => {
        const form = new FormData();
        form.append("file", file, upload.filename);
        form.append("model", this.model);
        form.append("response_format", "json");
        if (language) form.append("language", language);
        const response = await post(this.url, { headers: bearer(this.apiKeys, key), body: form }, signal);
        return transcriptOf(await readJson(response));
      },
      { policy: this.policy, signal: options.signal, keys: this.keys },
    );
  }
}

function transcriptOf(reply: unknown): Transcript {
  const parsed = Reply.safeParse(reply);
  if (!parsed.success) throw new InvalidOutput("the transcription reply has no text");
  // OpenAI reports billed audio seconds for whisper-1 as usage { type: "duration", seconds }.
  const seconds = (parsed.data.usage as { seconds?: unknown } | null | undefined)?.seconds;
  return { text: parsed.data.text, ...(typeof seconds === "number" ? { durationSeconds: seconds } : {}) };
}
