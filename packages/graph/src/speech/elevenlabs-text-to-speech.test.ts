import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isInterviewError } from "../errors.js";
import { ElevenLabsTextToSpeech } from "./elevenlabs-text-to-speech.js";
import { inspectAudio } from "./inspect-audio.js";
import { fastSpeechPolicy, startElevenLabsServer, type ElevenLabsServer } from "./testing/index.js";

let server: ElevenLabsServer;
beforeEach(async () => {
  server = await startElevenLabsServer({ keys: ["eleven-key"] });
});
afterEach(() => server.close());

const tts = (options: Partial<ConstructorParameters<typeof ElevenLabsTextToSpeech>[0]> = {}) =>
  new ElevenLabsTextToSpeech({ apiKeys: ["eleven-key"], baseUrl: server.url, policy: fastSpeechPolicy, ...options });

describe("ElevenLabs text-to-speech", () => {
  it("asks for MP3 of the question in the default voice, model and the interview's language", async () => {
    const speech = await tts().synthesize("  Wie würden Sie den Dienst skalieren?  ", { language: "de-DE" });

    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v1/text-to-speech/bIHbv24MWmeRgasZH58o", query: { output_format: "mp3_44100_128" }, key: 0 });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.json).toEqual({ text: "Wie würden Sie den Dienst skalieren?", model_id: "eleven_flash_v2_5", language_code: "de" });
    expect(speech.mimeType).toBe("audio/mpeg");
    expect((await inspectAudio({ data: speech.data, mimeType: speech.mimeType }, { maxBytes: 1e6, maxSeconds: 60 })).durationSeconds).toBeGreaterThan(0);
  });

  it("speaks in the configured voice, and leaves the language out for models that refuse one", async () => {
    await tts({ voiceId: "voice/42", model: "eleven_multilingual_v2" }).synthesize("Tell me about a hard bug.", { language: "en" });
    expect(server.requests[0]!.path).toBe("/v1/text-to-speech/voice%2F42");
    expect(server.requests[0]!.json).toEqual({ text: "Tell me about a hard bug.", model_id: "eleven_multilingual_v2" });
  });

  it("refuses to speak nothing, without calling ElevenLabs", async () => {
    const error = await tts().synthesize("   ").catch((e: unknown) => e);
    expect(isInterviewError(error, "invalid_input")).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses text longer than one request may carry, without calling ElevenLabs", async () => {
    const error = await tts().synthesize("word ".repeat(2_000)).catch((e: unknown) => e);
    expect(isInterviewError(error, "invalid_input")).toBe(true);
    expect(server.requests).toHaveLength(0);
  });
});
