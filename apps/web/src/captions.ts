/** Live captions of a voice interview, merged from LiveKit transcription segments. DOM-free. */

export type Speaker = "interviewer" | "you";

export interface Caption {
  id: string;
  speaker: Speaker;
  text: string;
  final: boolean;
}

export interface CaptionUpdate {
  /** Whether anything visible changed. */
  changed: boolean;
  /** True once, when the candidate's words for this segment are final (an answer was sent). */
  candidateFinal: boolean;
}

/**
 * Keeps the latest captions in order of first appearance. Segments are re-sent with the same id
 * while they are being recognised (interim → final), each time with the whole text so far.
 */
export class CaptionBook {
  private readonly captions: Caption[] = [];

  constructor(private readonly keep = 6) {}

  /** A segment's text so far (RoomEvent.TranscriptionReceived, or one transcription text stream). */
  upsert(segment: Caption): CaptionUpdate {
    const existing = this.captions.find((c) => c.id === segment.id);
    const text = segment.text.trim();
    if (!existing) {
      if (!text) return { changed: false, candidateFinal: false };
      this.captions.push({ ...segment, text });
      this.trim();
      return { changed: true, candidateFinal: segment.final && segment.speaker === "you" };
    }
    const becameFinal = segment.final && !existing.final;
    const changed = existing.text !== text || becameFinal;
    if (text) existing.text = text;
    existing.final = existing.final || segment.final;
    return { changed, candidateFinal: becameFinal && existing.speaker === "you" };
  }

  list(): readonly Caption[] {
    return this.captions;
  }

  clear() {
    this.captions.length = 0;
  }

  private trim() {
    while (this.captions.length > this.keep) this.captions.shift();
  }
}

/** LiveKit Agents marks the end of a transcription stream with this attribute. */
export const isFinalTranscription = (attributes: Record<string, string> | undefined) =>
  attributes?.["lk.transcription_final"] === "true";
