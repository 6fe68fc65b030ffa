import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isInterviewError } from "../errors.js";
import { ElevenLabsSpeechToText } from "./elevenlabs-speech-to-text.js";
import { requireSpokenText } from "./spoken-text.js";
import { fastSpeechPolicy, startElevenLabsServer, webmOpusClip, type ElevenLabsServer } from "./testing/index.js";

let server: ElevenLabsServer;
beforeEach(async () => {
  server = await startElevenLabsServer({ keys: ["eleven-key-a", "eleven-key-b"] });
});
afterEach(() => server.close());

const stt = (options: Partial<ConstructorParameters<typeof ElevenLabsSpeechToText>[0]> = {}) =>
  new ElevenLabsSpeechToText({ apiKeys: ["eleven-key-a", "eleven-key-b"], baseUrl: server.url, policy: fastSpeechPolicy, ...options });

describe("ElevenLabs speech-to-text", () => {
  it("uploads the recording as ElevenLabs documents it, in the interview's language", async () => {
    const clip = { data: webmOpusClip({ seconds: 1 }), mimeType: "audio/webm;codecs=opus", filename: "Ana Souza - answer 3.webm" };
    const transcript = await stt().transcribe(clip, { language: "pt-BR" });

    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v1/speech-to-text", key: 0 });
    expect(request!.fields).toEqual({ model_id: "scribe_v1", language_code: "pt", tag_audio_events: "false" });
    // The candidate's own file name stays here; the provider gets a neutral one of the right kind.
    expect(request!.files.file).toMatchObject({ filename: "answer.webm", type: "audio/webm" });
    expect(request!.files.file!.bytes).toEqual(clip.data);
    expect(transcript).toMatchObject({ text: "I would start by measuring where the latency comes from.", language: "por" });
    expect(transcript.durationSeconds).toBeGreaterThan(0);
  });

  it("lets ElevenLabs detect a language given as free text", async () => {
    const transcript = await stt().transcribe({ data: webmOpusClip(), mimeType: "audio/webm" }, { language: "English" });
    expect(server.requests[0]!.fields).not.toHaveProperty("language_code");
    expect(transcript.language).toBe("eng");
  });

  it("uses the configured model, mapping the voice agent's streaming model to its batch one", async () => {
    await stt({ model: "scribe_v2_realtime" }).transcribe({ data: webmOpusClip(), mimeType: "audio/webm" });
    expect(server.requests[0]!.fields.model_id).toBe("scribe_v2");
  });

  it("takes a base URL written with /v1, as SDKs take it", async () => {
    await stt({ baseUrl: `${server.url}/v1/` }).transcribe({ data: webmOpusClip(), mimeType: "audio/webm" });
    expect(server.requests[0]!.path).toBe("/v1/speech-to-text");
  });

  it("spreads calls over the keys", async () => {
    const adapter = stt();
    await adapter.transcribe({ data: webmOpusClip(), mimeType: "audio/webm" });
    await adapter.transcribe({ data: webmOpusClip(), mimeType: "audio/webm" });
    expect(server.requests.map((r) => r.key)).toEqual([0, 1]);
  });

  it("returns silence as empty text, which the caller refuses as unreadable audio", async () => {
    server.transcript = "";
    const transcript = await stt().transcribe({ data: webmOpusClip(), mimeType: "audio/webm" });
    expect(transcript.text).toBe("");
    expect(() => requireSpokenText(transcript)).toThrow(/nothing could be heard/i);
  });

  it("refuses a wrong key at once, without saying it", async () => {
    const error = await stt({ apiKeys: ["not-the-key"] })
      .transcribe({ data: webmOpusClip(), mimeType: "audio/webm" })
      .catch((e: unknown) => e);
    expect(isInterviewError(error, "provider_rejected")).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect((error as Error).message).not.toContain("not-the-key");
  });
});
