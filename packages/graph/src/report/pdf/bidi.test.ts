import { describe, expect, it } from "vitest";
import { baseDirection, visualRuns } from "./bidi.js";

/** What a reader sees from left to right: right-to-left runs drawn reversed, as the shaper does. */
const seen = (line: string) =>
  visualRuns(line).map((r) => (r.rtl ? Array.from(r.text).reverse().join("") : r.text)).join("");

describe("bidirectional line layout", () => {
  it("leaves text without Hebrew or Arabic as it is", () => {
    expect(visualRuns("Σοφία Παπαδοπούλου (Иван)")).toEqual([{ text: "Σοφία Παπαδοπούλου (Иван)", rtl: false }]);
  });

  it("keeps a Hebrew name whole after a Latin label, for the shaper to draw right to left", () => {
    expect(visualRuns("Candidate: יעל כהן")).toEqual([
      { text: "Candidate: ", rtl: false },
      { text: "יעל כהן", rtl: true },
    ]);
  });

  it("puts the first Hebrew word on the right of a Hebrew line", () => {
    // "I like TypeScript a lot": the Latin word stays readable, in the middle.
    expect(seen("אני אוהב TypeScript מאוד")).toBe("דואמ TypeScript בהוא ינא");
  });

  it("keeps numbers reading left to right inside Hebrew text", () => {
    expect(seen("עמוד 12 מתוך 3.5")).toBe("3.5 ךותמ 12 דומע");
  });

  it("mirrors brackets in right-to-left text so they still enclose their words", () => {
    expect(seen("שלום (עולם)")).toBe("(םלוע) םולש");
  });

  it("takes a paragraph's direction from its first letter", () => {
    expect(baseDirection("12 — יעל said hello")).toBe("rtl");
    expect(baseDirection("Yael: יעל")).toBe("ltr");
    expect(baseDirection("42")).toBe("ltr");
  });
});
