import { describe, expect, it } from "vitest";
import { competencyOf, interviewCompetencies } from "./competencies.js";

describe("the competencies an interview should probe", () => {
  it("derives them from the job: its technologies, the role's skills and the general ones", () => {
    const competencies = interviewCompetencies(
      "Senior Backend Engineer",
      "You will build payment APIs in Go on PostgreSQL and Kafka. You will mentor engineers and own payment reliability.",
    );
    expect(competencies.slice(0, 3)).toEqual(["Go", "PostgreSQL", "Kafka"]);
    expect(competencies).toEqual(expect.arrayContaining(["API design", "communication", "collaboration", "problem solving", "leadership", "technical depth"]));
    expect(interviewCompetencies("Junior Barista")).not.toContain("leadership");
  });

  it("uses the competencies given instead, without duplicates", () => {
    expect(interviewCompetencies("Chef", undefined, ["Menu planning", "teamwork", "Teamwork"])).toEqual(["Menu planning", "teamwork"]);
  });

  it("matches a question to the competency it probes", () => {
    const competencies = ["Kafka", "API design", "collaboration", "communication", "problem solving", "leadership", "motivation"];
    expect(competencyOf("How did you size your Kafka partitions?", competencies)).toBe("Kafka");
    expect(competencyOf("Walk me through how you designed the public API.", competencies)).toBe("API design");
    expect(competencyOf("Tell me about a time you disagreed with a colleague.", competencies)).toBe("collaboration");
    expect(competencyOf("How do you explain a delay to non-technical stakeholders?", competencies)).toBe("communication");
    expect(competencyOf("Why are you interested in this role?", competencies)).toBe("motivation");
    expect(competencyOf("Tell me about a time you mentored someone.", ["teamwork", "leadership"])).toBe("leadership");
    expect(competencyOf("What is your favourite film?", competencies)).toBeUndefined();
  });
});
