/** The recording formats spoken answers may come in, recognised by declared type and by content. */

export type AudioContainer = "webm" | "ogg" | "wav" | "mp3" | "mp4";

interface ContainerInfo {
  /** The type we report and send on, whatever alias the upload used. */
  mimeType: string;
  label: string;
  /** The extension providers that go by file name (OpenAI's transcription API) recognise. */
  extension: string;
  aliases: readonly string[];
  extensions: readonly string[];
}

export const AUDIO_CONTAINERS: Record<AudioContainer, ContainerInfo> = {
  webm: { mimeType: "audio/webm", label: "WebM", extension: "webm", aliases: ["audio/webm", "video/webm"], extensions: ["webm"] },
  ogg: { mimeType: "audio/ogg", label: "Ogg/Opus", extension: "ogg", aliases: ["audio/ogg", "audio/opus", "application/ogg", "video/ogg"], extensions: ["ogg", "oga", "opus"] },
  wav: { mimeType: "audio/wav", label: "WAV", extension: "wav", aliases: ["audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", "audio/x-pn-wav"], extensions: ["wav", "wave"] },
  mp3: { mimeType: "audio/mpeg", label: "MP3", extension: "mp3", aliases: ["audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg", "audio/x-mp3", "audio/mpga"], extensions: ["mp3", "mpga"] },
  mp4: { mimeType: "audio/mp4", label: "M4A/MP4", extension: "m4a", aliases: ["audio/mp4", "audio/m4a", "audio/x-m4a", "video/mp4"], extensions: ["m4a", "mp4"] },
};

const CONTAINERS = Object.keys(AUDIO_CONTAINERS) as AudioContainer[];

/** "WebM, Ogg/Opus, WAV, MP3 or M4A/MP4 (audio/webm, …)", for messages that say what to send. */
export const ACCEPTED_AUDIO = `${CONTAINERS.map((c) => AUDIO_CONTAINERS[c].label).join(", ").replace(/, ([^,]+)$/, " or $1")} (${CONTAINERS.map((c) => AUDIO_CONTAINERS[c].mimeType).join(", ")})`;

/** Types that say nothing about the content, so the file name (then the bytes) decide. */
const GENERIC_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream", "application/binary"]);

export type Declared = { kind: "audio"; container: AudioContainer } | { kind: "generic" } | { kind: "other"; type: string };

/** What the upload says it is: its type ("audio/webm;codecs=opus"), or its name's extension when the type is generic. */
export function declaredAudio(mimeType: string, filename?: string): Declared {
  const type = mimeType.split(";")[0]!.trim().toLowerCase();
  if (!GENERIC_TYPES.has(type)) {
    const container = CONTAINERS.find((c) => AUDIO_CONTAINERS[c].aliases.includes(type));
    return container ? { kind: "audio", container } : { kind: "other", type };
  }
  const extension = /\.([a-z0-9]{1,8})$/i.exec(filename?.trim() ?? "")?.[1]?.toLowerCase();
  if (!extension) return { kind: "generic" };
  const container = CONTAINERS.find((c) => AUDIO_CONTAINERS[c].extensions.includes(extension));
  return container ? { kind: "audio", container } : { kind: "other", type: `.${extension}` };
}

export type Sniffed = { kind: "audio"; container: AudioContainer } | { kind: "other"; what: string } | { kind: "unknown" };

const startsWith = (bytes: Uint8Array, signature: string, at = 0) =>
  bytes.length >= at + signature.length && [...signature].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));

/** A plausible MPEG audio frame header: sync bits, and no reserved version, layer, bitrate or rate. */
function isMpegFrame(bytes: Uint8Array) {
  const [b0, b1, b2] = bytes;
  if (b0 !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xe0) !== 0xe0) return false;
  return ((b1 >> 3) & 3) !== 1 && ((b1 >> 1) & 3) !== 0 && b2 >> 4 !== 15 && ((b2 >> 2) & 3) !== 3;
}

/** ISO BMFF brands of still images (HEIF, AVIF), which share MP4's container. */
const IMAGE_BRANDS = new Set(["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif", "avis"]);

function looksLikeText(bytes: Uint8Array) {
  const head = bytes.subarray(0, 512);
  if (head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b))) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return true;
  } catch {
    return false;
  }
}

/** What the bytes are, by their container signature. */
export function sniffAudio(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, "\x1a\x45\xdf\xa3")) {
    // The DocType sits in the EBML header, within its first few dozen bytes.
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 128));
    if (head.includes("webm")) return { kind: "audio", container: "webm" };
    return { kind: "other", what: "a Matroska file" };
  }
  if (startsWith(bytes, "OggS")) return { kind: "audio", container: "ogg" };
  if (startsWith(bytes, "RIFF")) return startsWith(bytes, "WAVE", 8) ? { kind: "audio", container: "wav" } : { kind: "other", what: "a RIFF file that is not WAV" };
  if (startsWith(bytes, "ID3") || isMpegFrame(bytes)) return { kind: "audio", container: "mp3" };
  if (startsWith(bytes, "ftyp", 4)) {
    const brand = new TextDecoder("latin1").decode(bytes.subarray(8, 12));
    return IMAGE_BRANDS.has(brand) ? { kind: "other", what: "an image" } : { kind: "audio", container: "mp4" };
  }
  if (startsWith(bytes, "%PDF")) return { kind: "other", what: "a PDF document" };
  if (startsWith(bytes, "fLaC")) return { kind: "other", what: "FLAC audio" };
  if (startsWith(bytes, "\x89PNG") || startsWith(bytes, "GIF8") || startsWith(bytes, "\xff\xd8\xff")) return { kind: "other", what: "an image" };
  if (startsWith(bytes, "PK\x03\x04")) return { kind: "other", what: "a ZIP archive or office document" };
  if (looksLikeText(bytes)) return { kind: "other", what: "text" };
  return { kind: "unknown" };
}

/** The name and type to upload a clip under: providers that go by extension need the right one. */
export function uploadName(bytes: Uint8Array, declaredType: string): { filename: string; mimeType: string } {
  const sniffed = sniffAudio(bytes);
  if (sniffed.kind !== "audio") return { filename: "answer", mimeType: declaredType };
  const info = AUDIO_CONTAINERS[sniffed.container];
  return { filename: `answer.${info.extension}`, mimeType: info.mimeType };
}
