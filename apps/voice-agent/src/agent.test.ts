import { describe, expect, it } from "vitest";
import type { JobProcess } from "@livekit/agents";
import agent, { AGENT_NAME, elevenLabsSpeech, speechLanguage } from "./agent.js";
import { loadVoiceAgentConfig } from "./config.js";
import { quietAgentLogs } from "./testing/session.js";
import { threadIdFromMetadata } from "./dispatch.js";

const settings = {
  LIVEKIT_URL: "ws://127.0.0.1:7880",
  LIVEKIT_API_KEY: "devkey",
  LIVEKIT_API_SECRET: "secret",
  ELEVEN_API_KEY: "eleven-test-key",
};

describe("the voice agent definition", () => {
  quietAgentLogs();
  it("answers to the name the API dispatches, and only to a dispatch that names a thread", () => {
    expect(AGENT_NAME).toBe("voice-agent");
    expect(threadIdFromMetadata(JSON.stringify({ thread_id: "thread-42" }))).toBe("thread-42");
    expect(() => threadIdFromMetadata("")).toThrow(/start voice interviews through POST \/join/);
    expect(() => threadIdFromMetadata(JSON.stringify({ cv: "text" }))).toThrow(/has no thread_id/);
  });

  it("hears and speaks the interview's language, and lets ElevenLabs detect one it cannot name", () => {
    expect(speechLanguage("en")).toBe("en");
    expect(speechLanguage("pt-BR")).toBe("pt");
    expect(speechLanguage("German")).toBeUndefined();
  });

  it("listens with ElevenLabs' streaming speech-to-text and speaks with its text-to-speech", () => {
    const speech = elevenLabsSpeech(loadVoiceAgentConfig(settings), { label: "vad" } as never)("en");
    expect(speech.stt!.capabilities.streaming).toBe(true);
    expect(speech.stt!.model).toBe("scribe_v2_realtime");
    expect(speech.tts!.model).toBe("eleven_flash_v2_5");
  });

  it("prepares a job process with its settings and the bundled voice-activity model, offline", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, settings);
    try {
      const proc = { userData: {} } as JobProcess<Record<string, unknown>>;
      await agent.prewarm!(proc as never);
      expect(proc.userData.config).toMatchObject({ LIVEKIT_URL: settings.LIVEKIT_URL, ELEVEN_STT_MODEL: "scribe_v2_realtime" });
      expect((proc.userData.vad as { label: string }).label).toMatch(/silero/);
    } finally {
      process.env = saved;
    }
  });

  it("refuses to prepare a job process without its settings, naming them", async () => {
    const saved = { ...process.env };
    for (const key of Object.keys(settings)) delete process.env[key];
    try {
      await expect(agent.prewarm!({ userData: {} } as never)).rejects.toThrow(/LIVEKIT_URL: required[\s\S]*ELEVEN_API_KEY: required/);
    } finally {
      process.env = saved;
    }
  });
});
