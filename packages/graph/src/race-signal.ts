/**
 * `work`, or the signal's reason as soon as it aborts, for work that does not watch the signal.
 * The abort listener goes when the work settles: a listener left on a signal with a deadline
 * keeps the signal — and through it the work's result, such as a CV's vectors — alive until
 * the deadline passes.
 */
export function raceSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener("abort", onAbort));
}
