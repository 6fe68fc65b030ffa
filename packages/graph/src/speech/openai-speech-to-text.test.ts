import { afterEach, describe, expect, it } from "vitest";
import { OpenAiSpeechToText } from "./openai-speech-to-text.js";
import { fastSpeechPolicy, m4aClip, oggOpusClip, startOpenAiAudioServer, wavClip, type OpenAiAudioServer } from "./testing/index.js";

let server: OpenAiAudioServer | undefined;
afterEach(() => server?.close());

describe("OpenAI-compatible speech-to-text", () => {
  it("uploads the recording as the transcription API documents it", async () => {
    server = await startOpenAiAudioServer({ keys: ["sk-audio-a"] });
    const clip = { data: oggOpusClip({ seconds: 1 }), mimeType: "audio/ogg" };
    const transcript = await new OpenAiSpeechToText({ baseUrl: server.url, apiKeys: ["sk-audio-a"], policy: fastSpeechPolicy }).transcribe(clip, { language: "es-419" });

    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v1/audio/transcriptions", key: 0 });
    expect(request!.fields).toEqual({ model: "whisper-1", response_format: "json", language: "es" });
    expect(request!.files.file).toMatchObject({ filename: "answer.ogg", type: "audio/ogg" });
    expect(request!.files.file!.bytes).toEqual(clip.data);
    expect(transcript).toEqual({ text: "I would start by measuring where the latency comes from.", durationSeconds: 3 });
  });

  it("names the upload by its content, since these servers tell the format by the extension", async () => {
    server = await startOpenAiAudioServer();
    const adapter = new OpenAiSpeechToText({ baseUrl: server.url, policy: fastSpeechPolicy });
    await adapter.transcribe({ data: m4aClip(), mimeType: "application/octet-stream", filename: "recording" });
    await adapter.transcribe({ data: wavClip(), mimeType: "audio/x-wav" });
    expect(server.requests.map((r) => r.files.file!.filename)).toEqual(["answer.m4a", "answer.wav"]);
  });

  it("talks to a local server that takes no key, with the configured model, and lets it detect free-text languages", async () => {
    server = await startOpenAiAudioServer();
    const transcript = await new OpenAiSpeechToText({ baseUrl: `${server.url}/v1`, model: "Systran/faster-whisper-small", policy: fastSpeechPolicy }).transcribe(
      { data: wavClip(), mimeType: "audio/wav" },
      { language: "Portuguese" },
    );
    expect(transcript.text).toMatch(/latency/);
    expect(server.requests[0]).toMatchObject({ key: "none", path: "/v1/audio/transcriptions" });
    expect(server.requests[0]!.headers).not.toHaveProperty("authorization");
    expect(server.requests[0]!.fields).toEqual({ model: "Systran/faster-whisper-small", response_format: "json" });
  });
});
