import { afterEach, describe, expect, it } from "vitest";
import { isInterviewError } from "../errors.js";
import { OpenAiTextToSpeech } from "./openai-text-to-speech.js";
import { fastSpeechPolicy, startOpenAiAudioServer, type OpenAiAudioServer } from "./testing/index.js";

let server: OpenAiAudioServer | undefined;
afterEach(() => server?.close());

describe("OpenAI-compatible text-to-speech", () => {
  it("asks for MP3 of the question with the default model and voice", async () => {
    server = await startOpenAiAudioServer({ keys: ["sk-audio"] });
    const speech = await new OpenAiTextToSpeech({ baseUrl: server.url, apiKeys: ["sk-audio"], policy: fastSpeechPolicy }).synthesize("How would you roll this out?", { language: "en" });

    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v1/audio/speech", key: 0 });
    expect(request!.json).toEqual({ model: "tts-1", voice: "alloy", input: "How would you roll this out?", response_format: "mp3" });
    expect(speech.mimeType).toBe("audio/mpeg");
    expect(speech.data.length).toBeGreaterThan(0);
  });

  it("uses the configured model and voice", async () => {
    server = await startOpenAiAudioServer();
    await new OpenAiTextToSpeech({ baseUrl: server.url, model: "kokoro", voice: "af_bella", policy: fastSpeechPolicy }).synthesize("Next question.");
    expect(server.requests[0]!.json).toMatchObject({ model: "kokoro", voice: "af_bella" });
    expect(server.requests[0]!.key).toBe("none");
  });

  it("refuses text over the API's 4096 characters without calling the server", async () => {
    server = await startOpenAiAudioServer();
    const error = await new OpenAiTextToSpeech({ baseUrl: server.url, policy: fastSpeechPolicy }).synthesize("a".repeat(4_097)).catch((e: unknown) => e);
    expect(isInterviewError(error, "invalid_input")).toBe(true);
    expect(server.requests).toHaveLength(0);
  });
});
