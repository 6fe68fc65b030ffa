import { describe, expect, it } from "vitest";
import { richTextToBlocks } from "./html-text.js";
import { extractSections, headingKind } from "./sections.js";

describe("sections of a job description", () => {
  it("recognises the headings job ads use, however they are written", () => {
    expect(headingKind("Requirements")).toBe("requirements");
    expect(headingKind("What you’ll bring:")).toBe("requirements");
    expect(headingKind("**Qualifications & Experience**")).toBe("requirements");
    expect(headingKind("Who you are")).toBe("requirements");
    expect(headingKind("Preferred qualifications")).toBe("niceToHave");
    expect(headingKind("Nice-to-haves")).toBe("niceToHave");
    expect(headingKind("Bonus points if you have")).toBe("niceToHave");
    expect(headingKind("RESPONSIBILITIES")).toBe("responsibilities");
    expect(headingKind("🚀 What you will do")).toBe("responsibilities");
    expect(headingKind("In this role, you will:")).toBe("responsibilities");
    expect(headingKind("Our tech stack")).toBe("skills");
    expect(headingKind("Benefits")).toBe("other");
    expect(headingKind("About the team")).toBe("other");
    expect(headingKind("Our story so far")).toBeUndefined();
  });

  it("does not take a plain sentence that starts like a heading for one", () => {
    expect(headingKind("Experience with Go and Kafka", true)).toBeUndefined();
    expect(headingKind("Requirements gathering is part of the job", true)).toBeUndefined();
    expect(headingKind("Requirements and qualifications", true)).toBe("requirements");
  });

  it("collects the items under each heading until an unrelated heading ends the section", () => {
    const blocks = richTextToBlocks(`
      <p>Intro paragraph that belongs to no section.</p>
      <h3>What you'll do</h3><ul><li>Build the billing service</li><li>Run incident reviews</li></ul>
      <h3>What you'll bring</h3><ul><li>Kotlin in production</li></ul>
      <p>You have shipped a payments product before.</p>
      <h3>Nice to have</h3><ul><li>Stripe</li></ul>
      <h3>Perks</h3><ul><li>Gym membership</li></ul>
      <p>Tech stack: Kotlin, Spring Boot, PostgreSQL</p>`);
    expect(extractSections(blocks)).toEqual({
      responsibilities: ["Build the billing service", "Run incident reviews"],
      requirements: ["Kotlin in production", "You have shipped a payments product before."],
      niceToHave: ["Stripe"],
      skills: ["Kotlin", "Spring Boot", "PostgreSQL"],
    });
  });

  it("reads sections out of plain text with bullets", () => {
    const blocks = richTextToBlocks("Responsibilities:\n- Own the data model\n- Review pull requests\nRequirements:\n- 4+ years of Python\nBenefits:\n- Remote work");
    const sections = extractSections(blocks);
    expect(sections.responsibilities).toEqual(["Own the data model", "Review pull requests"]);
    expect(sections.requirements).toEqual(["4+ years of Python"]);
  });
});
