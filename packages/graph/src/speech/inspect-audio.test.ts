import { describe, expect, it } from "vitest";
import { isInterviewError } from "../errors.js";
import { inspectAudio } from "./inspect-audio.js";
import { m4aClip, mp3Clip, oggOpusClip, pdfBytes, wavClip, webmOpusClip } from "./testing/index.js";

const limits = { maxBytes: 1_000_000, maxSeconds: 60 };
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

describe("checking a recording before transcription", () => {
  it.each([
    ["WebM from MediaRecorder (no duration in the header)", webmOpusClip({ seconds: 3 }), "audio/webm;codecs=opus", "audio/webm", 3],
    ["WebM with a duration in the header", webmOpusClip({ seconds: 3, withDuration: true }), "video/webm", "audio/webm", 3],
    ["Ogg/Opus", oggOpusClip({ seconds: 2 }), "audio/ogg; codecs=opus", "audio/ogg", 2],
    ["WAV", wavClip({ seconds: 1, toneHz: 440 }), "audio/x-wav", "audio/wav", 1],
    ["MP3", mp3Clip({ seconds: 2 }), "audio/mp3", "audio/mpeg", 2],
    ["M4A", m4aClip({ seconds: 2 }), "audio/x-m4a", "audio/mp4", 2],
  ])("accepts %s and says how long it lasts", async (_name, data, declared, mimeType, seconds) => {
    const inspected = await inspectAudio({ data, mimeType: declared }, limits);
    expect(inspected.mimeType).toBe(mimeType);
    expect(inspected.durationSeconds).toBeGreaterThan(seconds - 0.1);
    expect(inspected.durationSeconds).toBeLessThan(seconds + 0.1);
  });

  it("goes by the file name, then the content, when the declared type says nothing", async () => {
    expect((await inspectAudio({ data: oggOpusClip(), mimeType: "application/octet-stream", filename: "answer.opus" }, limits)).mimeType).toBe("audio/ogg");
    expect((await inspectAudio({ data: m4aClip(), mimeType: "" }, limits)).mimeType).toBe("audio/mp4");
  });

  it("refuses a PDF renamed .webm, naming the formats it accepts", async () => {
    const error = await failure(inspectAudio({ data: pdfBytes(), mimeType: "audio/webm", filename: "answer.webm" }, limits));
    expect(isInterviewError(error, "unsupported_media_type")).toBe(true);
    expect((error as Error).message).toMatch(/PDF/);
    for (const type of ["audio/webm", "audio/ogg", "audio/wav", "audio/mpeg", "audio/mp4"]) expect((error as Error).message).toContain(type);
  });

  it("refuses text sent as audio", async () => {
    const error = await failure(inspectAudio({ data: new TextEncoder().encode("my answer is that we should shard the table"), mimeType: "audio/mpeg" }, limits));
    expect(isInterviewError(error, "unsupported_media_type")).toBe(true);
  });

  it("refuses a recording whose declared type its content contradicts", async () => {
    const error = await failure(inspectAudio({ data: wavClip(), mimeType: "audio/ogg" }, limits));
    expect(isInterviewError(error, "unsupported_media_type")).toBe(true);
    expect((error as Error).message).toMatch(/sent as Ogg\/Opus but holds WAV/);
  });

  it("refuses a declared type that is not an accepted recording format", async () => {
    const error = await failure(inspectAudio({ data: wavClip(), mimeType: "application/pdf" }, limits));
    expect(isInterviewError(error, "unsupported_media_type")).toBe(true);
  });

  it("refuses a recording over the size limit, saying the limit", async () => {
    const error = await failure(inspectAudio({ data: wavClip({ seconds: 1 }), mimeType: "audio/wav" }, { maxBytes: 20_000, maxSeconds: 60 }));
    expect(isInterviewError(error, "audio_too_large")).toBe(true);
    expect((error as Error).message).toMatch(/limit is 0\.02 MB.*shorter answer/);
  });

  it("refuses a WAV over the length limit, saying both lengths", async () => {
    const error = await failure(inspectAudio({ data: wavClip({ seconds: 3, sampleRate: 8_000 }), mimeType: "audio/wav" }, { maxBytes: 1_000_000, maxSeconds: 2 }));
    expect(isInterviewError(error, "audio_too_long")).toBe(true);
    expect((error as Error).message).toMatch(/lasts 3 seconds.*at most 2 seconds.*shorter answer/);
  });

  it("refuses an over-long MediaRecorder WebM by its estimated length", async () => {
    const error = await failure(inspectAudio({ data: webmOpusClip({ seconds: 5 }), mimeType: "audio/webm" }, { maxBytes: 1_000_000, maxSeconds: 3 }));
    expect(isInterviewError(error, "audio_too_long")).toBe(true);
  });

  it.each([
    ["an M4A cut off before its index ends", m4aClip({ seconds: 2 }).slice(0, 400), "audio/mp4"],
    ["a WebM cut off inside its header", webmOpusClip({ seconds: 2 }).slice(0, 100), "audio/webm"],
    ["a WAV with a header and no sound", wavClip({ seconds: 1 }).slice(0, 44), "audio/wav"],
    ["an Ogg with only its headers", oggOpusClip({ seconds: 2 }).slice(0, 100), "audio/ogg"],
    ["an MP3 tag with nothing after it", Uint8Array.of(0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 10, ...new Array<number>(64).fill(7)), "audio/mpeg"],
    ["an empty upload", new Uint8Array(), "audio/webm"],
  ])("reports %s as unreadable, asking for the answer again", async (_name, data, mimeType) => {
    const error = await failure(inspectAudio({ data, mimeType }, limits));
    expect(isInterviewError(error, "unreadable_audio")).toBe(true);
    expect((error as Error).message).toMatch(/Record the answer again/);
  });

  it("still accepts a MediaRecorder WebM whose last chunk was lost, for the sound it holds", async () => {
    const inspected = await inspectAudio({ data: webmOpusClip({ seconds: 3 }).slice(0, 1_000), mimeType: "audio/webm" }, limits);
    expect(inspected.durationSeconds).toBeGreaterThan(0);
    expect(inspected.durationSeconds).toBeLessThan(3);
  });
});
