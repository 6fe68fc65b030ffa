import { describe, expect, it } from "vitest";
import { clampLines, excerpt, wrapText } from "./wrap.js";

// A monospaced measure: every character is one unit wide.
const measure = (s: string) => Array.from(s).length;

describe("line wrapping", () => {
  it("breaks at spaces so that no line is wider than its column", () => {
    const text = "Walk me through the settlement service you rebuilt and why you chose streaming";
    const lines = wrapText(text, 20, measure);
    expect(lines.every((l) => measure(l) <= 20)).toBe(true);
    expect(lines.join(" ")).toBe(text);
  });

  it("splits a word longer than the column between characters instead of letting it run off", () => {
    const url = "https://example.com/" + "a".repeat(50);
    const lines = wrapText(`See ${url} now`, 16, measure);
    expect(lines.every((l) => measure(l) <= 16)).toBe(true);
    expect(lines.join("").replace(/ /g, "")).toBe(`See${url}now`);
  });

  it("keeps paragraph breaks, with one blank line at most between paragraphs", () => {
    expect(wrapText("First line.\r\n\n\n\nSecond\tline.", 40, measure)).toEqual(["First line.", "", "Second line."]);
  });

  it("drops control characters that would draw as boxes", () => {
    expect(wrapText("bell\u0007 and\u0000 null", 40, measure)).toEqual(["bell and null"]);
  });

  it("cuts a cell to its line budget with an ellipsis that still fits", () => {
    const lines = clampLines(["aaaa bbbb", "cccc dddd", "eeee"], 2, 9, measure);
    expect(lines).toEqual(["aaaa bbbb", "cccc ddd…"]);
  });

  it("quotes the start of a long answer, ending at a word", () => {
    expect(excerpt("one two three four five six", 15)).toBe("one two three…");
    expect(excerpt("short answer", 15)).toBe("short answer");
  });
});
