/**
 * How every speech adapter behaves when its provider fails: the same guarantees for all four,
 * each against a loopback server speaking that provider's protocol.
 */
import { afterEach, describe, expect, it } from "vitest";
import { isInterviewError } from "../errors.js";
import type { CallPolicy } from "../providers/resilience.js";
import { ElevenLabsSpeechToText } from "./elevenlabs-speech-to-text.js";
import { ElevenLabsTextToSpeech } from "./elevenlabs-text-to-speech.js";
import { OpenAiSpeechToText } from "./openai-speech-to-text.js";
import { OpenAiTextToSpeech } from "./openai-text-to-speech.js";
import { fastSpeechPolicy, startElevenLabsServer, startOpenAiAudioServer, webmOpusClip, type LoopbackServer } from "./testing/index.js";

const KEYS = ["speech-key-a", "speech-key-b"];
const TRANSCRIPT = "I would start by measuring where the latency comes from.";

interface Case {
  name: string;
  start: () => Promise<LoopbackServer>;
  /** One call of the adapter, made with the given keys and policy. */
  call: (url: string, keys: string[], policy: CallPolicy, signal?: AbortSignal) => Promise<unknown>;
}

const clip = { data: webmOpusClip({ seconds: 1 }), mimeType: "audio/webm" };
const cases: Case[] = [
  {
    name: "ElevenLabs speech-to-text",
    start: () => startElevenLabsServer({ keys: KEYS, transcript: TRANSCRIPT }),
    call: (baseUrl, apiKeys, policy, signal) => new ElevenLabsSpeechToText({ baseUrl, apiKeys, policy }).transcribe(clip, signal ? { signal } : {}),
  },
  {
    name: "ElevenLabs text-to-speech",
    start: () => startElevenLabsServer({ keys: KEYS }),
    call: (baseUrl, apiKeys, policy, signal) => new ElevenLabsTextToSpeech({ baseUrl, apiKeys, policy }).synthesize("Tell me about a hard bug.", signal ? { signal } : {}),
  },
  {
    name: "OpenAI-compatible speech-to-text",
    start: () => startOpenAiAudioServer({ keys: KEYS, transcript: TRANSCRIPT }),
    call: (baseUrl, apiKeys, policy, signal) => new OpenAiSpeechToText({ baseUrl, apiKeys, policy }).transcribe(clip, signal ? { signal } : {}),
  },
  {
    name: "OpenAI-compatible text-to-speech",
    start: () => startOpenAiAudioServer({ keys: KEYS }),
    call: (baseUrl, apiKeys, policy, signal) => new OpenAiTextToSpeech({ baseUrl, apiKeys, policy }).synthesize("Tell me about a hard bug.", signal ? { signal } : {}),
  },
];

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

/** Nothing a user sent, nor any key, may appear in what a failure says. */
function expectNothingLeaked(error: unknown) {
  const text = `${(error as Error).message} ${JSON.stringify(error)}`;
  for (const secret of [...KEYS, "wrong-key", TRANSCRIPT, "I would sta"]) expect(text).not.toContain(secret);
}

describe.each(cases)("$name when the provider fails", ({ start, call }) => {
  let server: LoopbackServer;
  afterEach(() => server.close());

  it("retries an outage with the next key", async () => {
    server = await start();
    server.failNext({ status: 503 });
    await call(server.url, KEYS, fastSpeechPolicy);
    expect(server.requests.map((r) => r.key)).toEqual([0, 1]);
  });

  it("retries a dropped connection", async () => {
    server = await start();
    server.failNext("reset");
    await call(server.url, KEYS, fastSpeechPolicy);
    expect(server.requests).toHaveLength(2);
  });

  it("waits out a rate limit's Retry-After, so the retry is not refused again", async () => {
    server = await start();
    // The server refuses every request until the second has passed, as a rate limiter does.
    server.failNext({ status: 429, retryAfter: "1" });
    await call(server.url, KEYS, fastSpeechPolicy);
    expect(server.requests).toHaveLength(2);
  });

  it("fails at once when Retry-After is longer than a turn may wait, saying when to come back", async () => {
    server = await start();
    server.failNext({ status: 429, retryAfter: "120" });
    const error = await failure(call(server.url, KEYS, fastSpeechPolicy));
    expect(error).toMatchObject({ code: "provider_unavailable", retryAfterSeconds: 120 });
    expect(server.requests).toHaveLength(1);
  });

  it("gives up on a lasting server error as provider_unavailable, after its retries", async () => {
    server = await start();
    server.failNext({ status: 500 }, { status: 502 }, { status: 500 });
    const error = await failure(call(server.url, KEYS, fastSpeechPolicy));
    expect(isInterviewError(error, "provider_unavailable")).toBe(true);
    expect(server.requests).toHaveLength(3);
    expectNothingLeaked(error);
  });

  it("reports a provider that hangs as upstream_timeout, within the attempt deadlines", async () => {
    server = await start();
    server.failNext("hang", "hang");
    const started = performance.now();
    const error = await failure(call(server.url, KEYS, { ...fastSpeechPolicy, retries: 1, timeoutMs: 300 }));
    expect(isInterviewError(error, "upstream_timeout")).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("reports a wrong key as provider_rejected without retrying", async () => {
    server = await start();
    const error = await failure(call(server.url, ["wrong-key"], fastSpeechPolicy));
    expect(isInterviewError(error, "provider_rejected")).toBe(true);
    expect(server.requests).toHaveLength(1);
    expectNothingLeaked(error);
  });

  it("reports a reply that breaks the protocol as model_output_invalid", async () => {
    server = await start();
    server.failNext("malformed", "malformed", "malformed");
    const error = await failure(call(server.url, KEYS, fastSpeechPolicy));
    expect(isInterviewError(error, "model_output_invalid")).toBe(true);
    expectNothingLeaked(error);
  });

  it("does not follow a redirect, so neither the key nor the recording goes elsewhere", async () => {
    server = await start();
    const elsewhere = await start();
    try {
      server.failNext({ redirectTo: `${elsewhere.url}/v1/collect` }, { redirectTo: `${elsewhere.url}/v1/collect` }, { redirectTo: `${elsewhere.url}/v1/collect` });
      const error = await failure(call(server.url, KEYS, fastSpeechPolicy));
      expect(error).toMatchObject({ code: "provider_unavailable", message: expect.stringContaining("HTTP 307") });
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it("stops when the caller gives up, with the caller's reason", async () => {
    server = await start();
    server.failNext("hang");
    const controller = new AbortController();
    const reason = new Error("turn abandoned");
    const pending = failure(call(server.url, KEYS, fastSpeechPolicy, controller.signal));
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(reason);
    expect(await pending).toBe(reason);
    expect(server.requests).toHaveLength(1);
  });
});
