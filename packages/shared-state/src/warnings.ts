/** What a component reports when it survives a failure (a store failing open, a dropped listener). */
export interface WarningContext {
  /** Which component survived it, e.g. "rate-limit:postgres" or "event-bus:redis". */
  component: string;
  /** What it was doing, e.g. "increment" or "listen". */
  operation: string;
  /** Failures of the same operation since the last report that were not reported one by one. */
  suppressed: number;
}

export type WarningHook = (error: Error, context: WarningContext) => void;

export const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * Passes failures to the hook at most once per interval and operation: during an outage every
 * request fails the same way, and one line per request would bury everything else in the logs.
 */
export class ThrottledReporter {
  readonly #last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly component: string,
    private readonly hook: WarningHook | undefined,
    private readonly intervalMs = 10_000,
  ) {}

  report(operation: string, error: unknown): void {
    const now = Date.now();
    const last = this.#last.get(operation);
    if (last && now - last.at < this.intervalMs) {
      last.suppressed++;
      return;
    }
    this.#last.set(operation, { at: now, suppressed: 0 });
    try {
      this.hook?.(toError(error), { component: this.component, operation, suppressed: last?.suppressed ?? 0 });
    } catch {
      // A failing logger must not turn a survived failure into a crash.
    }
  }
}
