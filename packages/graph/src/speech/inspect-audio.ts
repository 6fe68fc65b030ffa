import { parseBuffer } from "music-metadata";
import { InterviewError } from "../errors.js";
import { ACCEPTED_AUDIO, AUDIO_CONTAINERS, declaredAudio, sniffAudio, type AudioContainer } from "./audio-formats.js";
import type { AudioClip } from "./ports.js";
import { readWebm } from "./webm-structure.js";

export interface AudioLimits {
  maxBytes: number;
  maxSeconds: number;
}

export interface InspectedAudio {
  /** The container's canonical type (audio/webm, audio/ogg, audio/wav, audio/mpeg, audio/mp4). */
  mimeType: string;
  /** Undefined when the container does not say and it cannot be estimated. */
  durationSeconds: number | undefined;
}

const unsupported = (what: string) =>
  new InterviewError("unsupported_media_type", `${what} Send the answer as ${ACCEPTED_AUDIO}.`);

const unreadable = (what = "The recording could not be read: it may be cut short or damaged.") =>
  new InterviewError("unreadable_audio", `${what} Record the answer again.`);

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(bytes < 1_048_576 ? 2 : 1)} MB`;

function spell(seconds: number) {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} second${whole === 1 ? "" : "s"}`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return `${minutes} min${rest ? ` ${rest} s` : ""}`;
}

/** The smallest header any accepted container can have; anything shorter is no recording. */
const MIN_BYTES = 12;

/**
 * Checks a recording before any provider sees it: an accepted format (declared and by content,
 * which must agree), within the size limit, readable, and within the length limit. Returns the
 * canonical type to send it under and its duration.
 */
export async function inspectAudio(clip: AudioClip, limits: AudioLimits): Promise<InspectedAudio> {
  const { data } = clip;
  if (data.length === 0) throw unreadable("The recording is empty.");
  const declared = declaredAudio(clip.mimeType, clip.filename);
  if (declared.kind === "other") throw unsupported(`Recordings of type ${declared.type} are not accepted.`);
  const sniffed = sniffAudio(data);
  if (sniffed.kind === "other") throw unsupported(`The file is ${sniffed.what}, not a recording.`);
  if (sniffed.kind === "unknown") {
    if (data.length < MIN_BYTES) throw unreadable("The recording is too short to hold any sound.");
    throw unsupported("The file is not a recording in an accepted format.");
  }
  const container = sniffed.container;
  if (declared.kind === "audio" && declared.container !== container) {
    throw unsupported(`The file was sent as ${AUDIO_CONTAINERS[declared.container].label} but holds ${AUDIO_CONTAINERS[container].label}.`);
  }
  if (data.length > limits.maxBytes) {
    throw new InterviewError("audio_too_large", `The recording is ${megabytes(data.length)}; the limit is ${megabytes(limits.maxBytes)}. Record a shorter answer.`);
  }
  const durationSeconds = await durationOf(data, container);
  if (durationSeconds !== undefined && durationSeconds > limits.maxSeconds) {
    throw new InterviewError("audio_too_long", `The recording lasts ${spell(durationSeconds)}; answers may last at most ${spell(limits.maxSeconds)}. Record a shorter answer.`);
  }
  return { mimeType: AUDIO_CONTAINERS[container].mimeType, durationSeconds };
}

async function durationOf(data: Uint8Array, container: AudioContainer): Promise<number | undefined> {
  if (container === "webm") {
    try {
      return readWebm(data).durationSeconds;
    } catch {
      throw unreadable();
    }
  }
  let duration: number | undefined;
  try {
    const { format } = await parseBuffer(data, { mimeType: AUDIO_CONTAINERS[container].mimeType, size: data.length }, { skipCovers: true });
    if (format.hasAudio === false || format.sampleRate === undefined) throw new Error("no audio stream");
    duration = format.duration;
  } catch {
    throw unreadable();
  }
  if (duration !== undefined && duration > 0) return duration;
  // An MP4 may leave its duration to fragments the parser does not add up; the others always
  // state it, so none (or zero) means only headers survived and there is nothing to transcribe.
  if (container === "mp4" && duration === undefined) return undefined;
  throw unreadable("The recording holds no sound.");
}
