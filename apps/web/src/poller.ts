/**
 * Refreshes on a fixed interval, and sooner when nudged (e.g. after the candidate finished
 * speaking, or when the interview's socket tells of a turn). The interval can be paused while
 * a live channel makes it unnecessary; nudges still refresh.
 */

export interface PollerOptions {
  intervalMs: number;
  poll: () => Promise<void>;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function createPoller({ intervalMs, poll, setTimer = setTimeout, clearTimer = (h) => clearTimeout(h as number) }: PollerOptions) {
  let timer: unknown = null;
  /** Whether the pending timer is a nudge (kept when the interval is paused). */
  let nudged = false;
  let running = false;
  let periodic = true;
  let inFlight = false;
  /** A refresh asked for while one was running: it may have read too early, so read again. */
  let again = false;

  const schedule = (ms: number, nudge = false) => {
    if (timer !== null) clearTimer(timer);
    nudged = nudge;
    timer = setTimer(() => void tick(), ms);
  };
  const cancel = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };

  async function tick() {
    timer = null;
    if (!running) return;
    if (inFlight) return void (again = true);
    inFlight = true;
    try {
      await poll();
    } catch {
      // a failed refresh is retried on the next tick
    } finally {
      inFlight = false;
    }
    if (!running || timer !== null) return;
    if (again) {
      again = false;
      schedule(0, true);
    } else if (periodic) schedule(intervalMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      if (periodic) schedule(intervalMs);
    },
    /** Poll after `delayMs` instead of waiting for the interval. */
    nudge(delayMs = 0) {
      if (running) schedule(delayMs, true);
    },
    /** Pauses (false) or resumes (true) the interval; a pending nudge still runs. */
    setPeriodic(on: boolean) {
      if (periodic === on) return;
      periodic = on;
      if (!on && timer !== null && !nudged) cancel();
      if (on && running && timer === null && !inFlight) schedule(intervalMs);
    },
    stop() {
      running = false;
      again = false;
      cancel();
    },
    get running() {
      return running;
    },
  };
}
