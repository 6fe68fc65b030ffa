import { describe, expect, it } from "vitest";
import { raceSignal } from "./race-signal.js";

/** A deadline signal that counts its "abort" listeners (Node keeps such a signal alive while it has any). */
function countedSignal() {
  const signal = AbortSignal.timeout(60_000);
  const listeners = new Set<unknown>();
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: AddEventListenerOptions) => {
    if (type === "abort") listeners.add(listener);
    add(type, listener, options);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject) => {
    if (type === "abort") listeners.delete(listener);
    remove(type, listener);
  }) as typeof signal.removeEventListener;
  return { signal, listening: () => listeners.size };
}

describe("raceSignal", () => {
  it("gives the work's result and leaves no listener on the signal", async () => {
    const { signal, listening } = countedSignal();
    let finish!: (value: string) => void;
    const raced = raceSignal(new Promise<string>((resolve) => (finish = resolve)), signal);
    expect(listening()).toBe(1);
    finish("done");
    expect(await raced).toBe("done");
    expect(listening()).toBe(0);
  });

  it("leaves no listener when the work fails either", async () => {
    const { signal, listening } = countedSignal();
    await expect(raceSignal(Promise.reject(new Error("failed")), signal)).rejects.toThrow("failed");
    expect(listening()).toBe(0);
  });

  it("fails with the signal's reason as soon as it aborts, though the work never ends", async () => {
    const controller = new AbortController();
    const raced = raceSignal(new Promise(() => undefined), controller.signal);
    controller.abort(new Error("too slow"));
    await expect(raced).rejects.toThrow("too slow");
    await expect(raceSignal(Promise.resolve(1), controller.signal)).rejects.toThrow("too slow");
  });
});
