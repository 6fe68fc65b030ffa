import { describe, expect, it } from "vitest";
import { callProvider, InvalidOutput, KeyRing, parseRetryAfter, ProviderHttpError, type CallPolicy } from "./resilience.js";
import { isInterviewError } from "../errors.js";

const fast: CallPolicy = { retries: 2, minBackoffMs: 1, maxBackoffMs: 2, timeoutMs: 200, maxRetryAfterMs: 1_000 };

describe("provider calls", () => {
  it("retries an outage with the next key and returns the first good reply", async () => {
    const keys: number[] = [];
    const result = await callProvider(
      "model provider",
      async ({ key }) => {
        keys.push(key);
        if (keys.length < 3) throw new ProviderHttpError(503, undefined);
        return "ok";
      },
      { policy: fast, keys: new KeyRing(2) },
    );
    expect(result).toBe("ok");
    expect(keys).toEqual([0, 1, 0]);
  });

  it("does not retry a request the provider refuses, and says so", async () => {
    let calls = 0;
    const error = await callProvider("model provider", async () => {
      calls++;
      throw new ProviderHttpError(400, undefined);
    }, { policy: fast }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(isInterviewError(error, "provider_rejected")).toBe(true);
  });

  it("gives each attempt its own deadline, even when the provider ignores the signal", async () => {
    let calls = 0;
    const started = performance.now();
    const error = await callProvider("model provider", () => {
      calls++;
      return new Promise<never>(() => undefined);
    }, { policy: { ...fast, retries: 1, timeoutMs: 30 } }).catch((e: unknown) => e);
    expect(calls).toBe(2);
    expect(isInterviewError(error, "upstream_timeout")).toBe(true);
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("waits for the provider's Retry-After before trying again", async () => {
    const at: number[] = [];
    await callProvider("model provider", async () => {
      at.push(performance.now());
      if (at.length === 1) throw new ProviderHttpError(429, 150);
      return "ok";
    }, { policy: fast });
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(140);
  });

  it("fails at once with the provider's Retry-After when it is longer than the call may wait", async () => {
    let calls = 0;
    const error = await callProvider("model provider", async () => {
      calls++;
      throw new ProviderHttpError(429, 60_000);
    }, { policy: fast }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(error).toMatchObject({ code: "provider_unavailable", retryAfterSeconds: 60 });
  });

  it("reports output that stays unusable as invalid output", async () => {
    const error = await callProvider("model provider", async () => {
      throw new InvalidOutput("empty reply");
    }, { policy: fast }).catch((e: unknown) => e);
    expect(isInterviewError(error, "model_output_invalid")).toBe(true);
  });

  it("stops retrying as soon as the caller gives up, and passes its reason on", async () => {
    const controller = new AbortController();
    let calls = 0;
    const reason = new Error("turn abandoned");
    const work = callProvider("model provider", async () => {
      calls++;
      throw new ProviderHttpError(503, undefined);
    }, { policy: { ...fast, minBackoffMs: 50, maxBackoffMs: 50 }, signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(reason), 10);
    expect(await work).toBe(reason);
    expect(calls).toBe(1);
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
