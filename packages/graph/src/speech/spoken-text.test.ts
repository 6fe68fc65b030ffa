import { describe, expect, it } from "vitest";
import { isInterviewError } from "../errors.js";
import { requireSpokenText } from "./spoken-text.js";

describe("the text of a spoken answer", () => {
  it("is the transcript, trimmed", () => {
    expect(requireSpokenText({ text: "  I would cache the lookups.\n" })).toBe("I would cache the lookups.");
  });

  it.each(["", "   ", " ... "])("is refused as unreadable audio when nothing was heard (%j)", (text) => {
    let error: unknown;
    try {
      requireSpokenText({ text });
    } catch (e) {
      error = e;
    }
    expect(isInterviewError(error, "unreadable_audio")).toBe(true);
    expect((error as Error).message).toBe("Nothing could be heard in the recording; record the answer again.");
  });
});
