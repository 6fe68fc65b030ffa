import { describe, expect, it } from "vitest";
import { findMetrics, parseBullet } from "./bullets.js";
import { contactItems } from "./contact.js";
import { findDateRanges } from "./dates.js";
import { headingOf, twoHeadingsOf } from "./headings.js";
import { normaliseText } from "./normalise.js";
import { splitSentences } from "./sentences.js";

describe("CV text helpers", () => {
  it("reads the date formats résumés use", () => {
    const read = (s: string) => findDateRanges(s).map((r) => [r.start, r.end]);
    expect(read("Mar 2021 – Present")).toEqual([[{ year: 2021, month: 3 }, "present"]]);
    expect(read("03/2019 - 06/2021")).toEqual([[{ year: 2019, month: 3 }, { year: 2021, month: 6 }]]);
    expect(read("2018–2021")).toEqual([[{ year: 2018 }, { year: 2021 }]]);
    expect(read("Intern, Jun. 2020")).toEqual([[{ year: 2020, month: 6 }, { year: 2020, month: 6 }]]);
    expect(read("Summer 2019 -- Sept. 2020")).toEqual([[{ year: 2019, month: 6 }, { year: 2020, month: 9 }]]);
    expect(read("January 2020 to December 2022")).toEqual([[{ year: 2020, month: 1 }, { year: 2022, month: 12 }]]);
    expect(read("served 2,000 customers and 12 sites")).toEqual([]);
  });

  it("splits sentences without breaking at abbreviations", () => {
    expect(
      splitSentences("Built tools, e.g. linters and i.e. formatters. Worked at Acme Inc. in the U.S. for Dr. Okoro vs. approx. ten teams. Left in Sept. 2020. Then moved."),
    ).toEqual([
      "Built tools, e.g. linters and i.e. formatters.",
      "Worked at Acme Inc. in the U.S. for Dr. Okoro vs. approx. ten teams.",
      "Left in Sept. 2020.",
      "Then moved.",
    ]);
  });

  it("recognises headings in their many spellings, and two side by side", () => {
    expect(headingOf("PROFESSIONAL EXPERIENCE")?.kind).toBe("experience");
    expect(headingOf("E X P E R I E N C E")).toBeNull();
    expect(headingOf(normaliseText("E X P E R I E N C E"))?.kind).toBe("experience");
    expect(headingOf("Technical Skills:")?.kind).toBe("skills");
    expect(headingOf("## Selected Projects")?.kind).toBe("projects");
    expect(headingOf("Experience with Kafka and Go")).toBeNull();
    expect(headingOf("Languages: Go, Rust")).toBeNull();
    expect(twoHeadingsOf("EXPERIENCE SKILLS")?.map((h) => h.kind)).toEqual(["experience", "skills"]);
    expect(twoHeadingsOf("Skills Summary")).toBeNull();
  });

  it("finds e-mails, phones and links but not dates or versions", () => {
    expect(contactItems("ana@example.com | +44 7700 900123 | linkedin.com/in/example | 2018 - 2021 | Node.js")).toMatchObject({
      emails: ["ana@example.com"],
      phones: ["+44 7700 900123"],
      links: ["linkedin.com/in/example"],
    });
  });

  it("finds metrics of every usual shape", () => {
    expect(findMetrics("Cut costs by $2M and latency from 900 ms to 120 ms, handling 12k messages per second with 30% less CPU and 5x the traffic.")).toEqual([
      "$2M",
      "from 900 ms to 120 ms",
      "12k messages per second",
      "30%",
      "5x",
    ]);
  });

  it("keeps the object of a bullet to what was acted on", () => {
    expect(parseBullet("◦ Created a seasonal dessert menu that raised dessert sales by 25%.")).toMatchObject({
      action: "created",
      object: "a seasonal dessert menu",
      metrics: ["25%"],
    });
    expect(parseBullet("∗ Partnered with engineers to ship accessible components").object).toBeUndefined();
    expect(parseBullet("Responsible for the budget").action).toBeUndefined();
  });
});
