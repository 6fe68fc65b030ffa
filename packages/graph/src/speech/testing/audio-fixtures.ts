/**
 * Small, real recordings made in code, one per accepted container, so tests need no binary files
 * and no audio tools. Each holds silence (or a quiet tone for WAV) of the length asked for, and
 * decodes with ordinary players (each was checked once with `ffmpeg -v error -i FILE -f null -`,
 * which decodes all of them without a complaint).
 */
import { concat, ebml, ebmlFloat, ebmlString, ebmlUint, EBML_UNKNOWN_SIZE } from "./ebml-writer.js";
import { oggPage } from "./ogg-writer.js";

const ascii = (text: string) => new TextEncoder().encode(text);

/** 16-bit mono PCM WAV; `toneHz` writes a quiet sine instead of silence. */
export function wavClip({ seconds = 1, sampleRate = 16_000, toneHz }: { seconds?: number; sampleRate?: number; toneHz?: number } = {}) {
  const samples = Math.round(seconds * sampleRate);
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  bytes.set(ascii("RIFF"), 0);
  view.setUint32(4, 36 + samples * 2, true);
  bytes.set(ascii("WAVEfmt "), 8);
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  bytes.set(ascii("data"), 36);
  view.setUint32(40, samples * 2, true);
  if (toneHz) {
    for (let i = 0; i < samples; i++) view.setInt16(44 + i * 2, Math.round(3_000 * Math.sin((2 * Math.PI * toneHz * i) / sampleRate)), true);
  }
  return bytes;
}

/**
 * MPEG-1 Layer III at 32 kbit/s, 44.1 kHz mono: frames of 1152 samples whose side information is
 * all zero, which decoders play as silence.
 */
export function mp3Clip({ seconds = 1 }: { seconds?: number } = {}) {
  const frameBytes = 104; // 144 * 32000 / 44100, no padding
  const frames = Math.max(1, Math.round((seconds * 44_100) / 1152));
  const bytes = new Uint8Array(frames * frameBytes);
  for (let i = 0; i < frames; i++) bytes.set([0xff, 0xfb, 0x10, 0xc4], i * frameBytes);
  return bytes;
}

/** The Opus identification header: mono, 312 samples of pre-skip, 48 kHz. */
const OPUS_PRE_SKIP = 312;
function opusHead() {
  const head = new Uint8Array(19);
  const view = new DataView(head.buffer);
  head.set(ascii("OpusHead"), 0);
  head[8] = 1; // version
  head[9] = 1; // channels
  view.setUint16(10, OPUS_PRE_SKIP, true);
  view.setUint32(12, 48_000, true);
  return head;
}

/** A 20 ms CELT frame that decodes to silence (TOC 0xF8: fullband, 20 ms, one mono frame). */
const OPUS_SILENCE = Uint8Array.of(0xf8, 0xff, 0xfe);
const OPUS_FRAME_SAMPLES = 960;

/** Ogg Opus as browsers record it: identification and comment headers, then 20 ms packets. */
export function oggOpusClip({ seconds = 1 }: { seconds?: number } = {}) {
  const serial = 0x5eec4;
  const vendor = ascii("interview-fixtures");
  const tags = new Uint8Array(8 + 4 + vendor.length + 4);
  tags.set(ascii("OpusTags"), 0);
  new DataView(tags.buffer).setUint32(8, vendor.length, true);
  tags.set(vendor, 12);
  const pages = [oggPage({ serial, sequence: 0, granule: 0n, packets: [opusHead()], first: true }), oggPage({ serial, sequence: 1, granule: 0n, packets: [tags] })];
  const packets = Math.max(1, Math.round(seconds * 50));
  // One page holds at most 255 segments; 50 packets (one second) per page keeps it simple.
  for (let sent = 0, sequence = 2; sent < packets; sequence++) {
    const count = Math.min(50, packets - sent);
    sent += count;
    pages.push(
      oggPage({
        serial,
        sequence,
        granule: BigInt(sent * OPUS_FRAME_SAMPLES + OPUS_PRE_SKIP),
        packets: Array.from({ length: count }, () => OPUS_SILENCE),
        last: sent === packets,
      }),
    );
  }
  return concat(pages);
}

/**
 * WebM with Opus, laid out like a browser's MediaRecorder output: the segment and clusters have
 * unknown sizes and, unless `withDuration`, the header carries no duration.
 */
export function webmOpusClip({ seconds = 1, withDuration = false }: { seconds?: number; withDuration?: boolean } = {}) {
  const header = ebml(0x1a45dfa3, [
    ebmlUint(0x4286, 1),
    ebmlUint(0x42f7, 1),
    ebmlUint(0x42f2, 4),
    ebmlUint(0x42f3, 8),
    ebmlString(0x4282, "webm"),
    ebmlUint(0x4287, 4),
    ebmlUint(0x4285, 2),
  ]);
  const info = ebml(0x1549a966, [
    ebmlUint(0x2ad7b1, 1_000_000), // timestamps in milliseconds
    ebmlString(0x4d80, "interview-fixtures"),
    ebmlString(0x5741, "interview-fixtures"),
    ...(withDuration ? [ebmlFloat(0x4489, seconds * 1000)] : []),
  ]);
  const tracks = ebml(0x1654ae6b, [
    ebml(0xae, [
      ebmlUint(0xd7, 1),
      ebmlUint(0x73c5, 1),
      ebmlUint(0x83, 2), // audio
      ebmlString(0x86, "A_OPUS"),
      ebml(0x63a2, [opusHead()]),
      ebml(0xe1, [ebmlFloat(0xb5, 48_000), ebmlUint(0x9f, 1)]),
    ]),
  ]);
  const blocks = Math.max(1, Math.round(seconds * 50));
  const clusters: Uint8Array[] = [];
  for (let start = 0; start < blocks; start += 50) {
    const simpleBlocks: Uint8Array[] = [];
    for (let i = start; i < Math.min(blocks, start + 50); i++) {
      const relative = (i - start) * 20;
      simpleBlocks.push(ebml(0xa3, [Uint8Array.of(0x81, relative >> 8, relative & 0xff, 0x80), OPUS_SILENCE]));
    }
    clusters.push(ebml(0x1f43b675, [ebmlUint(0xe7, start * 20), ...simpleBlocks], EBML_UNKNOWN_SIZE));
  }
  return concat([header, ebml(0x18538067, [info, tracks, ...clusters], EBML_UNKNOWN_SIZE)]);
}

/** An ISO BMFF box: 32-bit size, four-character type, payload. */
function box(type: string, ...payload: Uint8Array[]) {
  const body = concat(payload);
  const out = new Uint8Array(8 + body.length);
  new DataView(out.buffer).setUint32(0, out.length);
  out.set(ascii(type), 4);
  out.set(body, 8);
  return out;
}

/** Big-endian fields of the given byte widths. */
function fields(...values: [width: 1 | 2 | 4, value: number][]) {
  const out = new Uint8Array(values.reduce((n, [w]) => n + w, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [width, value] of values) {
    if (width === 1) view.setUint8(at, value);
    else if (width === 2) view.setUint16(at, value);
    else view.setUint32(at, value);
    at += width;
  }
  return out;
}

const fullBox = (type: string, version: number, flags: number, ...payload: Uint8Array[]) => box(type, fields([1, version], [1, flags >> 16], [2, flags & 0xffff]), ...payload);

/** An MPEG-4 descriptor with a one-byte length. */
const descriptor = (tag: number, ...payload: Uint8Array[]) => {
  const body = concat(payload);
  return concat([Uint8Array.of(tag, body.length), body]);
};

/** A raw AAC-LC frame of 1024 silent mono samples (one single-channel element, no spectral data). */
const AAC_SILENCE = Uint8Array.of(0x01, 0x40, 0x20, 0x07);
const UNITY_MATRIX = fields([4, 0x10000], [4, 0], [4, 0], [4, 0], [4, 0x10000], [4, 0], [4, 0], [4, 0], [4, 0x40000000]);

/** M4A (AAC-LC, 44.1 kHz mono in an MP4 container), as Safari's MediaRecorder produces. */
export function m4aClip({ seconds = 1 }: { seconds?: number } = {}) {
  const rate = 44_100;
  const frames = Math.max(1, Math.round((seconds * rate) / 1024));
  const samples = frames * 1024;
  const ftyp = box("ftyp", ascii("M4A "), fields([4, 0]), ascii("M4A isommp42"));
  const mdatPayload = concat(Array.from({ length: frames }, () => AAC_SILENCE));
  const build = (mdatOffset: number) => {
    const esds = fullBox(
      "esds",
      0,
      0,
      descriptor(
        0x03,
        fields([2, 1], [1, 0]),
        descriptor(0x04, fields([1, 0x40], [1, 0x15], [1, 0], [2, 0], [4, 0], [4, 0]), descriptor(0x05, Uint8Array.of(0x12, 0x08))),
        descriptor(0x06, Uint8Array.of(0x02)),
      ),
    );
    const mp4a = box("mp4a", fields([4, 0], [2, 0], [2, 1], [4, 0], [4, 0], [2, 1], [2, 16], [2, 0], [2, 0], [4, rate * 0x10000]), esds);
    const stbl = box(
      "stbl",
      fullBox("stsd", 0, 0, fields([4, 1]), mp4a),
      fullBox("stts", 0, 0, fields([4, 1], [4, frames], [4, 1024])),
      fullBox("stsc", 0, 0, fields([4, 1], [4, 1], [4, frames], [4, 1])),
      fullBox("stsz", 0, 0, fields([4, AAC_SILENCE.length], [4, frames])),
      fullBox("stco", 0, 0, fields([4, 1], [4, mdatOffset])),
    );
    const minf = box("minf", fullBox("smhd", 0, 0, fields([4, 0])), box("dinf", fullBox("dref", 0, 0, fields([4, 1]), fullBox("url ", 0, 1))), stbl);
    const mdia = box(
      "mdia",
      fullBox("mdhd", 0, 0, fields([4, 0], [4, 0], [4, rate], [4, samples], [2, 0x55c4], [2, 0])),
      fullBox("hdlr", 0, 0, fields([4, 0]), ascii("soun"), fields([4, 0], [4, 0], [4, 0]), ascii("sound\0")),
      minf,
    );
    const durationMs = Math.round((samples / rate) * 1000);
    const tkhd = fullBox("tkhd", 0, 3, fields([4, 0], [4, 0], [4, 1], [4, 0], [4, durationMs], [4, 0], [4, 0], [2, 0], [2, 0], [2, 0x0100], [2, 0]), UNITY_MATRIX, fields([4, 0], [4, 0]));
    const mvhd = fullBox("mvhd", 0, 0, fields([4, 0], [4, 0], [4, 1000], [4, durationMs], [4, 0x10000], [2, 0x0100], [2, 0], [4, 0], [4, 0]), UNITY_MATRIX, new Uint8Array(24), fields([4, 2]));
    return box("moov", mvhd, box("trak", tkhd, mdia));
  };
  // The chunk offset points into mdat, which follows moov: size moov once to know where that is.
  const moovLength = build(0).length;
  const moov = build(ftyp.length + moovLength + 8);
  return concat([ftyp, moov, box("mdat", mdatPayload)]);
}

/** A one-page PDF's opening bytes: not audio, whatever the upload claims. */
export function pdfBytes() {
  return ascii("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
}
