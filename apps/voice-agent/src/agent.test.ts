import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import type { JobProcess } from "@livekit/agents";
import { AudioFrame } from "@livekit/rtc-node";
import { listenOnLoopback } from "@interview/graph/testing";
import voiceAgent, { AGENT_NAMES, elevenLabsOptions, elevenLabsSpeech, speechLanguage } from "./agent.js";
import candidateAgent from "./candidate-agent.js";
import { loadVoiceAgentConfig } from "./config.js";
import { quietAgentLogs } from "./testing/session.js";

const settings = {
  LIVEKIT_URL: "ws://127.0.0.1:7880",
  LIVEKIT_API_KEY: "devkey",
  LIVEKIT_API_SECRET: "secret",
  ELEVEN_API_KEY: "eleven-first-key, eleven-second-key",
};

describe("the agent definitions", () => {
  quietAgentLogs();

  it("are two, under the names the API dispatches", () => {
    expect(AGENT_NAMES).toEqual(["voice-agent", "candidate-agent"]);
    expect(typeof voiceAgent.entry).toBe("function");
    expect(typeof candidateAgent.entry).toBe("function");
    expect(candidateAgent).not.toBe(voiceAgent);
  });

  it("hear and speak the interview's language, and let ElevenLabs detect one they cannot name", () => {
    expect(speechLanguage("en")).toBe("en");
    expect(speechLanguage("pt-BR")).toBe("pt");
    expect(speechLanguage("German")).toBeUndefined();
  });

  it("listen with ElevenLabs' streaming speech-to-text and speak with its text-to-speech", () => {
    const speech = elevenLabsSpeech(loadVoiceAgentConfig(settings), { label: "vad" } as never)("en");
    expect(speech.stt!.capabilities.streaming).toBe(true);
    expect(speech.stt!.model).toBe("scribe_v2_realtime");
    expect(speech.tts!.model).toBe("eleven_flash_v2_5");
  });

  it("use the first of several ElevenLabs keys, the interview's language, and a voice of the AI candidate's own", () => {
    const config = loadVoiceAgentConfig({ ...settings, ELEVEN_VOICE_ID: "interviewer-voice", ELEVEN_CANDIDATE_VOICE_ID: "candidate-voice" });
    const interviewer = elevenLabsOptions(config, "voice-agent", "pt-BR");
    expect(interviewer.stt).toMatchObject({ apiKey: "eleven-first-key", languageCode: "pt" });
    expect(interviewer.tts).toMatchObject({ apiKey: "eleven-first-key", language: "pt", voiceId: "interviewer-voice" });
    expect(elevenLabsOptions(config, "candidate-agent", "de").tts).toMatchObject({ voiceId: "candidate-voice", language: "de" });
    // Without a voice of its own, the AI candidate speaks with the configured one.
    const oneVoice = loadVoiceAgentConfig({ ...settings, ELEVEN_VOICE_ID: "interviewer-voice" });
    expect(elevenLabsOptions(oneVoice, "candidate-agent", "en").tts.voiceId).toBe("interviewer-voice");
    // A language ElevenLabs cannot be told is left for it to detect.
    expect(elevenLabsOptions(config, "voice-agent", "Klingon").stt).not.toHaveProperty("languageCode");
  });

  it("reach ElevenLabs at ELEVENLABS_BASE_URL when it is set, as the API's own speech calls do", async () => {
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(req.url ?? "");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ text: "hello", language_code: "en", words: [] }));
    });
    const local = await listenOnLoopback(server);
    try {
      const config = loadVoiceAgentConfig({ ...settings, ELEVENLABS_BASE_URL: `${local.url}/` });
      const speech = elevenLabsSpeech(config, { label: "vad" } as never)("en");
      const event = await speech.stt!.recognize(new AudioFrame(new Int16Array(800).fill(1), 16_000, 1, 800), { connOptions: { maxRetry: 0, retryIntervalMs: 1, timeoutMs: 2_000 } } as never);
      expect(paths).toEqual([expect.stringMatching(/^\/v1\/speech-to-text\?/)]);
      expect(event.alternatives?.[0]?.text).toBe("hello");
      expect(elevenLabsOptions(config, "voice-agent", "en").tts).toMatchObject({ baseURL: `${local.url}/v1` });
    } finally {
      await local.close();
    }
    // Unset, the plugins keep their own default: ElevenLabs' public host.
    expect(elevenLabsOptions(loadVoiceAgentConfig(settings), "voice-agent", "en").stt).not.toHaveProperty("baseURL");
  });

  it("prepare a job process with its settings and the bundled voice-activity model, offline", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, settings);
    try {
      for (const agent of [voiceAgent, candidateAgent]) {
        const proc = { userData: {} } as JobProcess<Record<string, unknown>>;
        await agent.prewarm!(proc as never);
        expect(proc.userData.config).toMatchObject({ LIVEKIT_URL: settings.LIVEKIT_URL, ELEVEN_STT_MODEL: "scribe_v2_realtime" });
        expect((proc.userData.vad as { label: string }).label).toMatch(/silero/);
      }
    } finally {
      process.env = saved;
    }
  });

  it("refuse to prepare a job process without their settings, naming them", async () => {
    const saved = { ...process.env };
    for (const key of Object.keys(settings)) delete process.env[key];
    try {
      await expect(voiceAgent.prewarm!({ userData: {} } as never)).rejects.toThrow(/LIVEKIT_URL: required[\s\S]*ELEVEN_API_KEY: required/);
    } finally {
      process.env = saved;
    }
  });
});
