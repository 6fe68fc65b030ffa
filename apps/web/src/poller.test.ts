import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPoller } from "./poller";

describe("progress poller", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("refreshes every interval until stopped", async () => {
    const poll = vi.fn(async () => {});
    const poller = createPoller({ intervalMs: 4000, poll });
    poller.start();
    await vi.advanceTimersByTimeAsync(12_000);
    expect(poll).toHaveBeenCalledTimes(3);
    poller.stop();
    await vi.advanceTimersByTimeAsync(12_000);
    expect(poll).toHaveBeenCalledTimes(3);
  });

  it("refreshes soon after a nudge (the candidate finished an answer) instead of waiting", async () => {
    const poll = vi.fn(async () => {});
    const poller = createPoller({ intervalMs: 4000, poll });
    poller.start();
    await vi.advanceTimersByTimeAsync(1000);
    poller.nudge(1500);
    await vi.advanceTimersByTimeAsync(1500);
    expect(poll).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3999);
    expect(poll).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll).toHaveBeenCalledTimes(2);
  });

  it("keeps polling after a failed refresh", async () => {
    const poll = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValue(undefined);
    const poller = createPoller({ intervalMs: 1000, poll });
    poller.start();
    await vi.advanceTimersByTimeAsync(2000);
    expect(poll).toHaveBeenCalledTimes(2);
    poller.stop();
  });
});
