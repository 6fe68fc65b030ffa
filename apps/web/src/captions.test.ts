import { describe, expect, it } from "vitest";
import { CaptionBook, isFinalTranscription } from "./captions";

describe("live captions", () => {
  it("updates a segment in place while it is recognised and reports the candidate's final words once", () => {
    const book = new CaptionBook();
    expect(book.upsert({ id: "s1", speaker: "you", text: "I led", final: false })).toEqual({ changed: true, candidateFinal: false });
    expect(book.upsert({ id: "s1", speaker: "you", text: "I led the migration", final: false })).toEqual({ changed: true, candidateFinal: false });
    expect(book.upsert({ id: "s1", speaker: "you", text: "I led the migration.", final: true })).toEqual({ changed: true, candidateFinal: true });
    expect(book.upsert({ id: "s1", speaker: "you", text: "I led the migration.", final: true })).toEqual({ changed: false, candidateFinal: false });
    expect(book.list()).toEqual([{ id: "s1", speaker: "you", text: "I led the migration.", final: true }]);
  });

  it("does not treat the interviewer's finished sentence as an answer", () => {
    const book = new CaptionBook();
    book.upsert({ id: "a1", speaker: "interviewer", text: "Tell me", final: false });
    expect(book.upsert({ id: "a1", speaker: "interviewer", text: "Tell me about a project.", final: true })).toEqual({ changed: true, candidateFinal: false });
  });

  it("keeps only the latest lines, in order, and skips empty segments", () => {
    const book = new CaptionBook(2);
    expect(book.upsert({ id: "x", speaker: "you", text: "  ", final: false }).changed).toBe(false);
    for (const id of ["1", "2", "3"]) book.upsert({ id, speaker: "interviewer", text: `line ${id}`, final: true });
    expect(book.list().map((c) => c.text)).toEqual(["line 2", "line 3"]);
  });

  it("reads LiveKit's final-transcription attribute", () => {
    expect(isFinalTranscription({ "lk.transcription_final": "true" })).toBe(true);
    expect(isFinalTranscription({ "lk.transcription_final": "false" })).toBe(false);
    expect(isFinalTranscription(undefined)).toBe(false);
  });
});
