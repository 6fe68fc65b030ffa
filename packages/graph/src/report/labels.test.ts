import { describe, expect, it } from "vitest";
import { formatDate, formatScore, recommendationLabel } from "./labels.js";

describe("report labels", () => {
  it("names each recommendation as hiring teams read it", () => {
    expect(["strong_hire", "hire", "lean_hire", "lean_no_hire", "no_hire"].map(recommendationLabel)).toEqual([
      "Strong hire", "Hire", "Lean hire", "Lean no hire", "No hire",
    ]);
  });

  it("turns an unknown recommendation code into words rather than hiding it", () => {
    expect(recommendationLabel("needs_second_interview")).toBe("Needs second interview");
  });

  it("shows scores with at most one decimal", () => {
    expect([7, 7.25, 7.5, 10].map(formatScore)).toEqual(["7", "7.3", "7.5", "10"]);
  });

  it("dates reports in UTC whatever the server's time zone", () => {
    expect(formatDate("2025-03-04T23:30:00-05:00")).toBe("5 March 2025, 04:30 UTC");
  });
});
