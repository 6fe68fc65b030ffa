import { describe, expect, it } from "vitest";
import { extractJobTerms, nextDifficulty, planPhases, questionTypeFor } from "./plan.js";

describe("interview plan", () => {
  it.each([
    [1, ["role_skills"]],
    [2, ["intro", "role_skills"]],
    [3, ["intro", "role_skills", "closing"]],
    [4, ["intro", "projects", "role_skills", "closing"]],
    [5, ["intro", "projects", "standout_skills", "role_skills", "closing"]],
    [7, ["intro", "projects", "projects", "standout_skills", "role_skills", "role_skills", "closing"]],
  ])("plans %i questions as %j", (steps, expected) => {
    expect(planPhases(steps)).toEqual(expected);
  });

  it("always covers every step, up to the limit", () => {
    for (let n = 1; n <= 20; n++) expect(planPhases(n)).toHaveLength(n);
  });

  it.each([
    ["adaptive", 3, 8, 4],
    ["adaptive", 3, 3, 2],
    ["adaptive", 3, 6, 3],
    ["adaptive", 5, 9, 5],
    ["adaptive", 1, 0, 1],
    ["narrow_up", 2, 1, 3],
    ["broad", 2, 9, 2],
  ] as const)("%s difficulty %i after a score of %i becomes %i", (style, current, score, expected) => {
    expect(nextDifficulty(style, current, score)).toBe(expected);
  });

  it("alternates behavioural and technical questions in a mixed interview", () => {
    expect([1, 2, 3, 4].map((s) => questionTypeFor("mixed", s))).toEqual(["behavioral", "technical", "behavioral", "technical"]);
    expect(questionTypeFor("system_design", 2)).toBe("system_design");
  });

  it("takes technologies and key words from the job description, or typical skills of the role", () => {
    expect(extractJobTerms("Platform Engineer", "You will run Kubernetes clusters and Terraform modules for our payments platform."))
      .toEqual(expect.arrayContaining(["Kubernetes", "Terraform", "payments"]));
    expect(extractJobTerms("Frontend Developer")).toContain("accessibility");
  });
});
