import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { isInterviewError } from "../errors.js";
import { createSpeech, explainMissingSpeech, speechNotConfigured } from "./create-speech.js";
import { audioLimits, loadSpeechSettings, SpeechSettingsSchema } from "./speech-settings.js";
import { fastSpeechPolicy, startElevenLabsServer, startOpenAiAudioServer, wavClip, type LoopbackServer } from "./testing/index.js";

let server: LoopbackServer | undefined;
afterEach(() => server?.close());

const clip = { data: wavClip({ seconds: 1 }), mimeType: "audio/wav" };

describe("speech from the server's settings", () => {
  it("turns nothing on without settings, and the refusal names the settings to set", () => {
    const settings = loadSpeechSettings({});
    const speech = createSpeech(settings);
    expect(speech).toMatchObject({ stt: null, tts: null });
    expect(speech.missing).toEqual(["ELEVEN_API_KEY", "OPENAI_AUDIO_BASE_URL"]);
    const refusal = speechNotConfigured(settings);
    expect(isInterviewError(refusal, "speech_not_configured")).toBe(true);
    expect(refusal.message).toMatch(/Spoken answers are not set up.*ELEVEN_API_KEY.*OPENAI_AUDIO_BASE_URL/);
  });

  it("treats the empty values compose files pass for unset variables as unset", () => {
    const speech = createSpeech(loadSpeechSettings({ STT_PROVIDER: "", ELEVEN_API_KEY: "", OPENAI_AUDIO_BASE_URL: "", SPEECH_TIMEOUT_MS: "" }));
    expect(speech).toMatchObject({ stt: null, tts: null });
  });

  it("uses ElevenLabs for both when only its key is set, rotating comma-separated keys", async () => {
    server = await startElevenLabsServer({ keys: ["eleven-a", "eleven-b"] });
    const speech = createSpeech(loadSpeechSettings({ ELEVEN_API_KEY: "eleven-a, eleven-b", ELEVENLABS_BASE_URL: server.url }), { policy: fastSpeechPolicy });
    expect(speech.missing).toEqual([]);
    expect((await speech.stt!.transcribe(clip, { language: "en" })).text).toMatch(/latency/);
    expect((await speech.tts!.synthesize("Next question.")).mimeType).toBe("audio/mpeg");
    expect(server.requests.map((r) => [r.path, r.key])).toEqual([
      ["/v1/speech-to-text", 0],
      ["/v1/text-to-speech/bIHbv24MWmeRgasZH58o", 0],
    ]);
    expect(server.requests[0]!.fields.model_id).toBe("scribe_v1");
  });

  it("passes ElevenLabs' model and voice settings on", async () => {
    server = await startElevenLabsServer({ keys: ["eleven"] });
    const speech = createSpeech(
      loadSpeechSettings({ ELEVEN_API_KEY: "eleven", ELEVENLABS_BASE_URL: server.url, ELEVEN_STT_MODEL: "scribe_v2", ELEVEN_TTS_MODEL: "eleven_turbo_v2_5", ELEVEN_VOICE_ID: "custom-voice" }),
      { policy: fastSpeechPolicy },
    );
    await speech.stt!.transcribe(clip);
    await speech.tts!.synthesize("Next question.", { language: "fr" });
    expect(server.requests[0]!.fields.model_id).toBe("scribe_v2");
    expect(server.requests[1]).toMatchObject({ path: "/v1/text-to-speech/custom-voice", json: { model_id: "eleven_turbo_v2_5", language_code: "fr" } });
  });

  it("uses an OpenAI-compatible server for both when only its base URL is set, with no key", async () => {
    server = await startOpenAiAudioServer();
    const speech = createSpeech(loadSpeechSettings({ OPENAI_AUDIO_BASE_URL: server.url, OPENAI_STT_MODEL: "large-v3", OPENAI_TTS_VOICE: "nova" }), { policy: fastSpeechPolicy });
    expect(speech.stt!.provider).toBe("openai");
    await speech.stt!.transcribe(clip);
    await speech.tts!.synthesize("Next question.");
    expect(server.requests[0]!.fields.model).toBe("large-v3");
    expect(server.requests[1]!.json).toMatchObject({ model: "tts-1", voice: "nova" });
    expect(server.requests.map((r) => r.key)).toEqual(["none", "none"]);
  });

  it("prefers the OpenAI-compatible settings, which exist only for this, over the voice agent's ElevenLabs key", () => {
    const speech = createSpeech(loadSpeechSettings({ ELEVEN_API_KEY: "eleven", OPENAI_AUDIO_BASE_URL: "http://127.0.0.1:9" }));
    expect([speech.stt!.provider, speech.tts!.provider]).toEqual(["openai", "openai"]);
    const chosen = createSpeech(loadSpeechSettings({ ELEVEN_API_KEY: "eleven", OPENAI_AUDIO_BASE_URL: "http://127.0.0.1:9", TTS_PROVIDER: "elevenlabs" }));
    expect([chosen.stt!.provider, chosen.tts!.provider]).toEqual(["openai", "elevenlabs"]);
  });

  it("names the key a chosen provider lacks", () => {
    const settings = loadSpeechSettings({ STT_PROVIDER: "elevenlabs", TTS_PROVIDER: "openai" });
    const speech = createSpeech(settings);
    expect(speech).toMatchObject({ stt: null, tts: null });
    expect(speech.missing).toEqual(["ELEVEN_API_KEY", "OPENAI_AUDIO_API_KEY", "OPENAI_AUDIO_BASE_URL"]);
    expect(explainMissingSpeech(settings, "speech-to-text")).toMatch(/STT_PROVIDER is elevenlabs, so set ELEVEN_API_KEY/);
    expect(explainMissingSpeech(settings, "text-to-speech")).toMatch(/TTS_PROVIDER is openai, so set OPENAI_AUDIO_API_KEY.*or OPENAI_AUDIO_BASE_URL/);
  });

  it("turns spoken replies off with TTS_PROVIDER=none while answers are still transcribed", () => {
    const settings = loadSpeechSettings({ ELEVEN_API_KEY: "eleven", TTS_PROVIDER: "none" });
    const speech = createSpeech(settings);
    expect(speech.stt!.provider).toBe("elevenlabs");
    expect(speech.tts).toBeNull();
    expect(speech.missing).toEqual(["TTS_PROVIDER"]);
    expect(explainMissingSpeech(settings, "speech-to-text")).toBeUndefined();
  });

  it("applies the timeout and retry settings to every call", async () => {
    server = await startOpenAiAudioServer();
    const speech = createSpeech(loadSpeechSettings({ OPENAI_AUDIO_BASE_URL: server.url, SPEECH_TIMEOUT_MS: "300", SPEECH_MAX_RETRIES: "0" }));
    server.failNext("hang");
    const started = performance.now();
    const error = await speech.stt!.transcribe(clip).catch((e: unknown) => e);
    expect(isInterviewError(error, "upstream_timeout")).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("refuses invalid settings, naming them", () => {
    expect(() => loadSpeechSettings({ STT_PROVIDER: "google" })).toThrow(/STT_PROVIDER/);
    expect(() => loadSpeechSettings({ OPENAI_AUDIO_BASE_URL: "localhost:8000" })).toThrow(/OPENAI_AUDIO_BASE_URL: must be an http\(s\) URL/);
    expect(() => loadSpeechSettings({ AUDIO_MAX_SECONDS: "0" })).toThrow(/AUDIO_MAX_SECONDS/);
  });

  it("merges into the server's own settings, with the audio limits' defaults", () => {
    const ServerSchema = z.object({ PORT: z.coerce.number().default(8000) }).extend(SpeechSettingsSchema.shape);
    const config = ServerSchema.parse({ PORT: "9000", STT_PROVIDER: "ElevenLabs", ELEVEN_API_KEY: "eleven" });
    expect(config).toMatchObject({ PORT: 9000, STT_PROVIDER: "elevenlabs", ELEVEN_API_KEY: ["eleven"] });
    expect(audioLimits(config)).toEqual({ maxBytes: 10 * 1024 * 1024, maxSeconds: 300 });
    expect(createSpeech(config).stt!.provider).toBe("elevenlabs");
  });
});
