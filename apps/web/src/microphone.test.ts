import { describe, expect, it } from "vitest";
import { chooseRecordingType, formatDuration, micErrorMessage, recordingFileName } from "./microphone";

describe("recording an answer", () => {
  it("records webm with Opus where the browser can (Chrome, Firefox), else ogg, else mp4 (Safari)", () => {
    expect(chooseRecordingType(() => true)).toBe("audio/webm;codecs=opus");
    expect(chooseRecordingType((t) => t.startsWith("audio/ogg"))).toBe("audio/ogg;codecs=opus");
    expect(chooseRecordingType((t) => t === "audio/mp4")).toBe("audio/mp4");
    expect(chooseRecordingType(() => false)).toBeUndefined();
    expect(chooseRecordingType(() => {
      throw new Error("not implemented");
    })).toBeUndefined();
  });

  it("names the upload by its format, which speech providers read from the extension", () => {
    expect(recordingFileName("audio/webm;codecs=opus")).toBe("answer.webm");
    expect(recordingFileName("audio/ogg; codecs=opus")).toBe("answer.ogg");
    expect(recordingFileName("audio/mp4")).toBe("answer.m4a");
    expect(recordingFileName("audio/wav")).toBe("answer.wav");
    expect(recordingFileName("")).toBe("answer.webm");
  });

  it("says what to do when the microphone cannot be used", () => {
    expect(micErrorMessage(Object.assign(new Error("x"), { name: "NotAllowedError" }))).toMatch(/^Microphone access was blocked/);
    expect(micErrorMessage(Object.assign(new Error("x"), { name: "NotFoundError" }))).toBe("No microphone was found. Connect one, or type instead.");
    expect(micErrorMessage(new Error("?"))).toBe("The microphone could not be started. You can type instead and carry on.");
  });

  it("shows the time recorded as minutes and seconds", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(65.4)).toBe("1:05");
    expect(formatDuration(300)).toBe("5:00");
  });
});
