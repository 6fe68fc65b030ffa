import { describe, expect, it } from "vitest";
import { loadVoiceAgentConfig } from "./config.js";

const required = {
  LIVEKIT_URL: "ws://127.0.0.1:7880",
  LIVEKIT_API_KEY: "devkey",
  LIVEKIT_API_SECRET: "secret",
  ELEVEN_API_KEY: "eleven-key",
};

describe("the voice agent's settings", () => {
  it("name every missing setting, and where to set it", () => {
    expect(() => loadVoiceAgentConfig({})).toThrow(/LIVEKIT_URL: required[\s\S]*LIVEKIT_API_KEY: required[\s\S]*LIVEKIT_API_SECRET: required[\s\S]*ELEVEN_API_KEY: required/);
    expect(() => loadVoiceAgentConfig({})).toThrow(/\.env at the repository root; see docs\/voice\.md/);
    // Compose passes unset variables as empty strings.
    expect(() => loadVoiceAgentConfig({ ...required, ELEVEN_API_KEY: " , " })).toThrow(/ELEVEN_API_KEY: required/);
    expect(() => loadVoiceAgentConfig({ ...required, LIVEKIT_URL: "localhost:7880" })).toThrow(/LIVEKIT_URL: must be a ws:\/\/, wss:\/\/, http:\/\/ or https:\/\/ URL/);
  });

  it("let a candidate pause to think by default: 1.5 s of silence, up to 6 s", () => {
    expect(loadVoiceAgentConfig(required).endpointing).toEqual({ minDelayMs: 1_500, maxDelayMs: 6_000 });
    expect(loadVoiceAgentConfig({ ...required, VOICE_MIN_ENDPOINTING_MS: "", VOICE_MAX_ENDPOINTING_MS: "" }).endpointing).toEqual({ minDelayMs: 1_500, maxDelayMs: 6_000 });
    expect(loadVoiceAgentConfig({ ...required, VOICE_MIN_ENDPOINTING_MS: "800", VOICE_MAX_ENDPOINTING_MS: "4000" }).endpointing).toEqual({ minDelayMs: 800, maxDelayMs: 4_000 });
  });

  it("still accept the older VOICE_END_OF_TURN_DELAY_MS as the minimum, unless the new setting is given", () => {
    expect(loadVoiceAgentConfig({ ...required, VOICE_END_OF_TURN_DELAY_MS: "1000" }).endpointing).toEqual({ minDelayMs: 1_000, maxDelayMs: 6_000 });
    expect(loadVoiceAgentConfig({ ...required, VOICE_END_OF_TURN_DELAY_MS: "1000", VOICE_MIN_ENDPOINTING_MS: "2000" }).endpointing.minDelayMs).toBe(2_000);
  });

  it("refuse a minimum longer than the maximum, saying which settings to change", () => {
    expect(() => loadVoiceAgentConfig({ ...required, VOICE_MIN_ENDPOINTING_MS: "5000", VOICE_MAX_ENDPOINTING_MS: "3000" })).toThrow(
      "VOICE_MAX_ENDPOINTING_MS: must be at least VOICE_MIN_ENDPOINTING_MS (5000 ms), but is 3000 ms; raise VOICE_MAX_ENDPOINTING_MS or lower VOICE_MIN_ENDPOINTING_MS",
    );
    expect(() => loadVoiceAgentConfig({ ...required, VOICE_END_OF_TURN_DELAY_MS: "8000" })).toThrow(
      "VOICE_MAX_ENDPOINTING_MS: must be at least VOICE_END_OF_TURN_DELAY_MS (8000 ms), but is 6000 ms (its default)",
    );
    expect(() => loadVoiceAgentConfig({ ...required, VOICE_MIN_ENDPOINTING_MS: "-1" })).toThrow(/VOICE_MIN_ENDPOINTING_MS/);
  });

  it("read the engine's settings with the engine's rules, from the same variables as the API", () => {
    const config = loadVoiceAgentConfig({ ...required, GOOGLE_API_KEY: "g1, g2", DATABASE_URL: "postgres://127.0.0.1:5432/db", ELEVEN_API_KEY: "first, second" });
    expect(config.GOOGLE_API_KEY).toEqual(["g1", "g2"]);
    expect(config.DATABASE_URL).toBe("postgres://127.0.0.1:5432/db");
    expect(config.ELEVEN_API_KEY).toEqual(["first", "second"]);
    expect(() => loadVoiceAgentConfig({ ...required, LEASE_TTL_MS: "5" })).toThrow(/LEASE_TTL_MS/);
  });
});
