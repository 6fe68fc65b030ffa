export interface RecentMapOptions<V> {
  /** Budget in the units of `sizeOf` (entries, by default); least recently used out first. */
  maxSize: number;
  /** Entries not used for this long are dropped. */
  maxIdleMs: number;
  sizeOf?: (value: V) => number;
  now?: () => number;
}

interface Slot<V> {
  value: V;
  size: number;
  usedAt: number;
}

/**
 * What a process keeps about recent interviews (their CV index, their last committed state): a
 * map bounded by size and by idle time. The idle bound is for privacy as much as memory: an
 * interview erased through another process, or simply finished, does not stay in this one's
 * memory long after its last use. A timer sweeps idle entries once a minute without keeping the
 * process or the map alive.
 */
export class RecentMap<V> {
  private readonly slots = new Map<string, Slot<V>>();
  private total = 0;
  private readonly sizeOf: (value: V) => number;
  private readonly now: () => number;

  constructor(private readonly options: RecentMapOptions<V>) {
    this.sizeOf = options.sizeOf ?? (() => 1);
    this.now = options.now ?? Date.now;
    const self = new WeakRef(this);
    const timer: NodeJS.Timeout = setInterval(() => (self.deref() ? self.deref()!.sweep() : clearInterval(timer)), 60_000);
    timer.unref();
  }

  /** The value, marked as just used. */
  get(key: string): V | undefined {
    this.sweep();
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    // Map order is the use order: oldest first.
    this.slots.delete(key);
    slot.usedAt = this.now();
    this.slots.set(key, slot);
    return slot.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const size = this.sizeOf(value);
    if (size > this.options.maxSize) return;
    this.slots.set(key, { value, size, usedAt: this.now() });
    this.total += size;
    for (const [oldest] of this.slots) {
      if (this.total <= this.options.maxSize) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    this.slots.delete(key);
    this.total -= slot.size;
  }

  get size(): number {
    return this.slots.size;
  }

  /** Drops the entries idle for longer than `maxIdleMs`. */
  sweep(): void {
    const cutoff = this.now() - this.options.maxIdleMs;
    for (const [key, slot] of this.slots) {
      if (slot.usedAt >= cutoff) break;
      this.delete(key);
    }
  }
}
