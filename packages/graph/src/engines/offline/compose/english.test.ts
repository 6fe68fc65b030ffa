import { describe, expect, it } from "vitest";
import { article, lowerTitle, nearDuplicate, tidyQuestion } from "./english.js";

describe("question English", () => {
  it("chooses the article by sound, not by letter", () => {
    const cases: [string, "a" | "an"][] = [
      ["infrastructure lead", "an"], ["SRE", "an"], ["MBA graduate", "an"], ["Unix admin", "a"], ["hour", "an"],
      ["honest answer", "an"], ["user researcher", "a"], ["UX designer", "a"], ["European team", "a"], ["one-off fix", "a"],
      ["engineer", "an"], ["backend engineer", "a"], ["8-person team", "an"], ["head pastry chef", "a"],
    ];
    for (const [word, expected] of cases) expect(`${article(word)} ${word}`).toBe(`${expected} ${word}`);
  });

  it("writes titles in running text and tidies sentences", () => {
    expect(lowerTitle("Site Reliability Engineer")).toBe("site reliability engineer");
    expect(lowerTitle("Senior SRE (Platform)")).toBe("senior SRE (platform)");
    expect(tidyQuestion(" at Contoso Ltd. you built it .  how did it go ,?")).toBe("At Contoso Ltd. you built it. How did it go?");
    expect(tidyQuestion("At Northwind Traders S.p.A. you led it.")).toBe("At Northwind Traders S.p.A. you led it.");
  });

  it("spots two questions that say nearly the same thing", () => {
    expect(nearDuplicate("How would you debug Kafka under load?", "How would you debug Kafka under heavy load?")).toBe(true);
    expect(nearDuplicate("How would you debug Kafka under load?", "What did you learn from RouteWise?")).toBe(false);
  });
});
