import type { CheckpointRow, StagedCheckpoint, StagedWrites } from "./checkpointer.js";
import { RecentMap } from "./recent-map.js";

/** One pending write as a turn commits it: checkpoint id, task id, then idx, channel, type, bytes. */
export type StagedWrite = [string, string, ...StagedWrites["rows"][number]];

/** JSON text with object keys in jsonb's order (shorter first, then bytewise), as PostgreSQL returns a jsonb value. */
export function jsonbText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const keys = Object.keys(v).sort(jsonbKeyOrder);
    return Object.fromEntries(keys.map((k) => [k, (v as Record<string, unknown>)[k]]));
  });
}

const ASCII = /^[\x00-\x7f]*$/;

function jsonbKeyOrder(a: string, b: string): number {
  // For ASCII keys (all of LangGraph's), UTF-8 byte order is string order.
  if (ASCII.test(a) && ASCII.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length - y.length || Buffer.compare(x, y);
}

/** A committed head as held, serialized (CommittedHeads.prepare). */
export interface HeldHead {
  id: string;
  parentId: string | null;
  checkpoint: string;
  metadata: string;
  channelValues: [Buffer, Buffer, Buffer][];
  pendingWrites: [Buffer, Buffer, Buffer, Buffer][];
  bytes: number;
}

type Versions = Record<string, string | number>;

/**
 * The checkpoint each recent interview's last turn committed in this process, kept as the row its
 * state load would return. A turn's load statement still takes the lease and reads the head, but
 * skips the channel values when the head is the one held here: on a single API process every turn
 * but the first finds its interview here, and its state load returns a few bytes instead of every
 * channel of the state (the CV's chunks and vectors among them). Values are kept serialized, so
 * each load deserializes fresh objects, exactly as from the database. Bounded by `maxBytes`
 * (least recently used out first) and by idle time (RecentMap).
 */
export class CommittedHeads {
  private readonly entries: RecentMap<HeldHead>;
  /** Moving share of recent turns that found their interview moved on by another process. */
  private staleShare = 0;

  constructor(maxBytes = 32 * 1024 * 1024, maxIdleMs = 15 * 60_000) {
    this.entries = new RecentMap<HeldHead>({ maxSize: maxBytes, maxIdleMs, sizeOf: (entry) => entry.bytes });
  }

  /** The id of the head held for the interview. */
  idOf(threadId: string): string | null {
    return this.entries.get(threadId)?.id ?? null;
  }

  /** The held head as a fresh row, if it is `id`. */
  row(threadId: string, id: string): CheckpointRow | undefined {
    const entry = this.entries.get(threadId);
    if (!entry || entry.id !== id) return undefined;
    return {
      checkpoint_id: entry.id,
      parent_checkpoint_id: entry.parentId,
      checkpoint: JSON.parse(entry.checkpoint) as CheckpointRow["checkpoint"],
      metadata: JSON.parse(entry.metadata) as CheckpointRow["metadata"],
      channel_values: entry.channelValues,
      pending_writes: entry.pendingWrites,
    };
  }

  /** Holds what a turn committed (prepare); forgets the interview for null. */
  hold(threadId: string, head: HeldHead | null): void {
    this.forget(threadId);
    if (head) this.entries.set(threadId, head);
  }

  /**
   * A turn's new head as it would be held: its checkpoint, whose channels are the ones it wrote
   * plus the unchanged ones of the head it loaded; null when that cannot be told.
   */
  static prepare(loaded: CheckpointRow | undefined, saved: StagedCheckpoint, writes: StagedWrite[]): HeldHead | null {
    const versions = (saved.checkpoint.channel_versions ?? {}) as Versions;
    const loadedVersions = (loaded?.checkpoint.channel_versions ?? {}) as Versions;
    const written = new Map(saved.blobs.map(([channel, version, type, blob]) => [`${channel}\0${version}`, { type, blob }]));
    const unchanged = new Map(
      (loaded?.channel_values ?? []).map(([channel, type, blob]) => [Buffer.from(channel).toString(), { type: Buffer.from(type).toString(), blob }]),
    );
    const channelValues: HeldHead["channelValues"] = [];
    for (const [channel, version] of Object.entries(versions)) {
      let value = written.get(`${channel}\0${version}`);
      if (!value) {
        // Neither written now nor at the loaded head's version: its value is not known here.
        if (loaded === undefined || String(loadedVersions[channel]) !== String(version)) return null;
        // Unchanged; a loaded row leaves emptied channels out.
        value = unchanged.get(channel);
        if (!value) continue;
      }
      if (value.type === "empty" || !value.blob) continue;
      channelValues.push([Buffer.from(channel), Buffer.from(value.type), Buffer.from(value.blob)]);
    }
    // In the load's order: by task, then index.
    const pendingWrites: HeldHead["pendingWrites"] = writes
      .filter(([checkpointId]) => checkpointId === saved.id)
      .sort(([, a, i], [, b, j]) => (a < b ? -1 : a > b ? 1 : i - j))
      .map(([, taskId, , channel, type, blob]) => [Buffer.from(taskId), Buffer.from(channel), Buffer.from(type), Buffer.from(blob)]);
    const entry: HeldHead = {
      id: saved.id,
      parentId: saved.parentId,
      checkpoint: jsonbText(saved.checkpoint),
      metadata: jsonbText(saved.metadata),
      channelValues,
      pendingWrites,
      bytes: 0,
    };
    entry.bytes =
      entry.checkpoint.length + entry.metadata.length + [...channelValues, ...pendingWrites].reduce((sum, parts) => sum + parts.reduce((s, p) => s + p.length, 0), 0);
    return entry;
  }

  forget(threadId: string): void {
    this.entries.delete(threadId);
  }

  /** Records whether a turn found the held head to be the interview's head. */
  observe(current: boolean): void {
    this.staleShare = this.staleShare * (1 - STALE_WEIGHT) + (current ? 0 : STALE_WEIGHT);
  }

  /**
   * Whether held heads have recently been current: true on a single API process, false once
   * other processes (workers, replicas, the voice agent) often move interviews on, when running
   * from a held copy would often have to be redone.
   */
  usuallyCurrent(): boolean {
    return this.staleShare < MAX_STALE_SHARE;
  }
}

/** Weight of the latest turn in the moving stale share (about the last ten turns count). */
const STALE_WEIGHT = 0.1;
const MAX_STALE_SHARE = 0.2;
