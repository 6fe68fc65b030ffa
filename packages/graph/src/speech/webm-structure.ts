/**
 * Reads the structure of a WebM recording: whether it holds an audio track and blocks of sound,
 * and how long it lasts. Browsers' MediaRecorder writes the segment and clusters with "unknown"
 * sizes and no duration in the header (it cannot seek back to fill them in), which general
 * parsers reject, so this walks the elements itself and takes the duration from the last block's
 * timestamp when the header has none.
 */

export class UnreadableWebm extends Error {
  override readonly name = "UnreadableWebm";
}

export interface WebmSummary {
  /** From the header's Duration, or estimated from the last block's timestamp. */
  durationSeconds: number | undefined;
  blocks: number;
}

const ID = {
  EBML: 0x1a45dfa3,
  Segment: 0x18538067,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackType: 0x83,
  Cluster: 0x1f43b675,
  Timecode: 0xe7,
  SimpleBlock: 0xa3,
  BlockGroup: 0xa0,
  Block: 0xa1,
} as const;

/** Masters whose children we need; their children follow in place, so the walk simply steps in. */
const ENTERED = new Set<number>([ID.Segment, ID.Info, ID.Tracks, ID.TrackEntry, ID.Cluster, ID.BlockGroup]);
const AUDIO_TRACK = 2;

interface Vint {
  value: number;
  length: number;
  /** All value bits set: "size unknown", as live recorders write it. */
  unknown: boolean;
}

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): Vint | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return undefined;
  const marker = 0x80 >> (length - 1);
  let value = keepMarker ? first : first & (marker - 1);
  let unknown = (first & (marker - 1)) === marker - 1;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i]!;
    value = value * 256 + byte;
    unknown &&= byte === 0xff;
  }
  return { value, length, unknown: !keepMarker && unknown };
}

function readUint(bytes: Uint8Array, start: number, end: number) {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 256 + bytes[i]!;
  return value;
}

function readFloat(bytes: Uint8Array, start: number, end: number) {
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, end - start);
  if (end - start === 4) return view.getFloat32(0);
  if (end - start === 8) return view.getFloat64(0);
  return undefined;
}

export function readWebm(bytes: Uint8Array): WebmSummary {
  let at = 0;
  let timecodeScale = 1_000_000;
  let headerDuration: number | undefined;
  let clusterTime = 0;
  let lastBlockTime: number | undefined;
  let blocks = 0;
  let segment = false;
  let audioTrack = false;

  while (at < bytes.length) {
    const id = readVint(bytes, at, true);
    const size = id && readVint(bytes, at + id.length, false);
    // Damage after some sound (a recording cut short) still leaves that sound to transcribe.
    if (!id || !size) {
      if (blocks > 0) break;
      throw new UnreadableWebm("damaged element header");
    }
    if (at === 0 && id.value !== ID.EBML) throw new UnreadableWebm("no EBML header");
    const start = at + id.length + size.length;
    if (ENTERED.has(id.value)) {
      if (id.value === ID.Segment) segment = true;
      at = start;
      continue;
    }
    const end = start + size.value;
    if (size.unknown || end > bytes.length) {
      if (blocks > 0) break;
      throw new UnreadableWebm("element runs past the end of the file");
    }
    switch (id.value) {
      case ID.TimecodeScale:
        timecodeScale = readUint(bytes, start, end) || timecodeScale;
        break;
      case ID.Duration:
        headerDuration = readFloat(bytes, start, end);
        break;
      case ID.TrackType:
        if (readUint(bytes, start, end) === AUDIO_TRACK) audioTrack = true;
        break;
      case ID.Timecode:
        clusterTime = readUint(bytes, start, end);
        break;
      case ID.SimpleBlock:
      case ID.Block: {
        const track = readVint(bytes, start, false);
        if (track && start + track.length + 2 <= end) {
          const relative = new DataView(bytes.buffer, bytes.byteOffset + start + track.length, 2).getInt16(0);
          lastBlockTime = Math.max(lastBlockTime ?? 0, clusterTime + relative);
          blocks++;
        }
        break;
      }
    }
    at = end;
  }

  if (!segment || !audioTrack) throw new UnreadableWebm("no audio track");
  if (blocks === 0) throw new UnreadableWebm("no sound");
  const ticks = headerDuration !== undefined && headerDuration > 0 ? headerDuration : lastBlockTime;
  return { durationSeconds: ticks === undefined ? undefined : (ticks * timecodeScale) / 1e9, blocks };
}
