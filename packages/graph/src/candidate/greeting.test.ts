import { describe, expect, it } from "vitest";
import { candidateGreeting, candidateNameFromCv } from "./greeting.js";
import { PERSONA_CV } from "./testing.js";
import { PERSONAS } from "./types.js";

describe("the AI candidate's opening line", () => {
  const greeting = (persona: (typeof PERSONAS)[number], seed = "s") =>
    candidateGreeting({ name: "Maya Okafor", jobTitle: "Backend Engineer", company: "Acme", persona, seed });

  it("introduces the candidate in the persona's manner", () => {
    for (const seed of ["a", "b", "c"]) {
      expect(greeting("strong", seed)).toMatch(/I'm Maya Okafor.*Backend Engineer role at Acme/);
      expect(greeting("weak", seed)).toMatch(/nervous|…/);
      expect(greeting("evasive", seed)).toMatch(/!/);
    }
  });

  it("is the same for a seed", () => {
    for (const persona of PERSONAS) expect(greeting(persona, "x")).toBe(greeting(persona, "x"));
  });

  it("works without a name or a company", () => {
    const line = candidateGreeting({ jobTitle: "Head Chef", persona: "strong", seed: "s" });
    expect(line).toMatch(/Head Chef role/);
    expect(line).not.toMatch(/undefined|I'm ,| at \./);
  });

  it("takes the persona's name from its CV", () => {
    expect(candidateNameFromCv(PERSONA_CV)).toBe("Maya Okafor");
    expect(candidateNameFromCv("Curriculum Vitae of a backend engineer\nExperience")).toBeUndefined();
  });
});
