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

  it("rests while a live channel tells of turns: nudges refresh, the interval does not, and it comes back when the channel drops", async () => {
    const poll = vi.fn(async () => {});
    const poller = createPoller({ intervalMs: 4000, poll });
    poller.start();
    poller.setPeriodic(false);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(poll).not.toHaveBeenCalled();
    poller.nudge(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(poll).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(poll).toHaveBeenCalledTimes(1);
    poller.setPeriodic(true);
    await vi.advanceTimersByTimeAsync(4000);
    expect(poll).toHaveBeenCalledTimes(2);
    poller.stop();
  });

  it("reads again after a refresh that was asked for while one was running, so the later turn is not missed", async () => {
    let finish: () => void = () => {};
    const poll = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const poller = createPoller({ intervalMs: 4000, poll });
    poller.start();
    poller.setPeriodic(false);
    poller.nudge(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(poll).toHaveBeenCalledTimes(1);
    poller.nudge(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(poll).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(poll).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(poll).toHaveBeenCalledTimes(2);
    poller.stop();
  });
});
