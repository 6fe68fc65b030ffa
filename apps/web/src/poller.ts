/** Refreshes on a fixed interval, and sooner when nudged (e.g. after the candidate finished speaking). */

export interface PollerOptions {
  intervalMs: number;
  poll: () => Promise<void>;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function createPoller({ intervalMs, poll, setTimer = setTimeout, clearTimer = (h) => clearTimeout(h as number) }: PollerOptions) {
  let timer: unknown = null;
  let running = false;
  let inFlight = false;

  const schedule = (ms: number) => {
    if (timer !== null) clearTimer(timer);
    timer = setTimer(() => void tick(), ms);
  };

  async function tick() {
    timer = null;
    if (!running) return;
    if (inFlight) return schedule(intervalMs);
    inFlight = true;
    try {
      await poll();
    } catch {
      // a failed refresh is retried on the next tick
    } finally {
      inFlight = false;
    }
    if (running && timer === null) schedule(intervalMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule(intervalMs);
    },
    /** Poll after `delayMs` instead of waiting for the interval. */
    nudge(delayMs = 0) {
      if (running) schedule(delayMs);
    },
    stop() {
      running = false;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    get running() {
      return running;
    },
  };
}
