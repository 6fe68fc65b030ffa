import { describe, expect, it } from "vitest";
import { findTechnologies } from "./lexicon.js";

describe("technologies named in a text", () => {
  it("finds whole names with symbols and spaces, in order of first appearance, whatever their case", () => {
    expect(findTechnologies("Built APIs in node.js and Spring Boot; then C++ and .NET tooling, some SCIKIT-LEARN.")).toEqual([
      "Node.js",
      "Spring",
      "Spring Boot",
      "C++",
      ".NET",
      "scikit-learn",
    ]);
  });

  it("does not find a name inside a longer word or name", () => {
    expect(findTechnologies("Googled the Gopher, reacted in CSSX, used ASP.NET and C#")).toEqual(["C#"]);
  });

  it("counts ambiguous short names only in their usual capitalisation", () => {
    expect(findTechnologies("we go to the rest area in excel mood")).toEqual([]);
    expect(findTechnologies("Services in Go and R behind a REST API")).toEqual(["Go", "R", "REST"]);
  });
});
