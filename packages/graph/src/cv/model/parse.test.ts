import { beforeAll, describe, expect, it } from "vitest";
import { cvFixtures, loadFixtureText } from "../fixtures/index.js";
import { SAMPLE_CV_TEXT } from "../../testing/pdf.js";
import { formatDate } from "./dates.js";
import { headingOf } from "./headings.js";
import { parseCv } from "./parse.js";
import type { CvDate, CvModel } from "./types.js";

const texts = new Map<string, string>();
beforeAll(async () => {
  for (const f of cvFixtures) texts.set(f.id, await loadFixtureText(f.id));
});
const model = (id: string): CvModel => parseCv(texts.get(id)!);

const asExpected = (date: CvDate | undefined) =>
  date === "present" ? "present" : date ? (date.month ? `${date.year}-${String(date.month).padStart(2, "0")}` : String(date.year)) : "";

/** Every string an entry of experience or projects holds, to check no attribute leaked into one. */
function entryStrings(m: CvModel): string[] {
  return [
    ...m.experience.flatMap((e) => [e.title ?? "", e.organisation ?? "", ...e.bullets.map((b) => b.text)]),
    ...m.projects.flatMap((p) => [p.name, p.description ?? "", ...p.bullets.map((b) => b.text)]),
  ].filter(Boolean);
}

describe.each(cvFixtures)("parseCv on the $id CV ($layout)", (fixture) => {
  it("reads the name and headline as attributes, and the contact details", () => {
    const m = model(fixture.id);
    expect(m.name).toBe(fixture.name);
    if (fixture.headline) expect(m.headline).toBe(fixture.headline);
    expect(m.contact.emails).toEqual([fixture.email]);
    expect(m.contact.phones).toHaveLength(1);
  });

  it("finds every role with its organisation and dates", () => {
    const roles = model(fixture.id).experience.map((e) => ({
      title: e.title,
      organisation: e.organisation,
      start: asExpected(e.start),
      end: asExpected(e.end),
    }));
    expect(roles).toEqual(fixture.roles);
  });

  it("finds the projects and the education", () => {
    const m = model(fixture.id);
    expect(m.projects.map((p) => p.name)).toEqual(fixture.projects);
    expect(m.education.map((e) => ({ institution: e.institution, degree: e.degree }))).toEqual(fixture.education);
    expect(m.education.every((e) => e.start && e.end)).toBe(true);
  });

  it("sorts skills into kinds and lists the technologies of the work", () => {
    const m = model(fixture.id);
    for (const [name, kind] of fixture.skills) expect(m.skills[kind], `${name} as ${kind}`).toContain(name);
    expect(m.technologies).toEqual(expect.arrayContaining(fixture.technologies));
  });

  it("never takes a heading, a contact line or the name line for experience or a project", () => {
    const m = model(fixture.id);
    const strings = entryStrings(m);
    const contact = [...m.contact.emails, ...m.contact.phones, ...m.contact.links];
    for (const s of strings) {
      expect(headingOf(s), s).toBeNull();
      for (const c of contact) expect(s).not.toContain(c);
      expect(s).not.toContain(fixture.name);
      expect(s, "no month abbreviation left over from a date").not.toMatch(/\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?$/);
    }
    for (const section of m.sections) expect(strings).not.toContain(section.heading);
  });

  it("gives every bullet a clean sentence with no glyphs, ligatures or broken words", () => {
    const bullets = model(fixture.id).experience.flatMap((e) => e.bullets);
    expect(bullets.length).toBeGreaterThan(0);
    for (const b of bullets) {
      expect(b.text).not.toMatch(/^[•◦▪∗*·-]|[\uFB00-\uFB06]|\s{2}|\w-\s/u);
    }
  });
});

describe("parseCv details", () => {
  it("repairs LaTeX output: ligatures, hyphenation across lines and icon glyphs", () => {
    const m = model("ml-engineer-latex");
    expect(m.summary).toContain("reproducible experimentation");
    expect(m.summary).toContain("efficient offline evaluation workflows");
    expect(m.contact.location).toBe("Austin, TX");
    const pasted = parseCv("Experience\nData Engineer — Acme, London 2020–2022\n• Built an eﬃcient ﬁle ingestion work-\nﬂow for distri-\nbuted storage");
    expect(pasted.experience[0]!.bullets[0]!.text).toBe("Built an efficient file ingestion workflow for distributed storage");
  });

  it("keeps a long title that wrapped before its dates whole, and the employer under it", () => {
    const [lead] = model("sre-lead").experience;
    expect(lead).toMatchObject({ title: "Founding Member & Site Reliability Engineer & Infrastructure Team Lead", organisation: "Stackwell", location: "Bristol" });
  });

  it("splits a 'name - title' line into the name and the headline", () => {
    const m = model("pastry-chef");
    expect(m.nameLine).toBe("Camille Dubois - Head Pastry Chef");
    expect(m.experience.map((e) => e.title)).not.toContain("Camille Dubois");
    expect(m.technologies).not.toContain("Chef");
  });

  it("tells spoken languages from programming languages", () => {
    expect(model("pastry-chef").languages).toEqual(["French (native)", "English (fluent)"]);
    expect(model("sre-lead").languages).toEqual([]);
    expect(model("sre-lead").skills.language).toEqual(["Go", "Python", "Bash"]);
    expect(model("data-scientist-interleaved").languages).toEqual(["Portuguese", "English"]);
  });

  it("parses bullets into action, object, technologies and metrics", () => {
    const [first, second] = model("software-engineer").experience[0]!.bullets;
    expect(first).toEqual({
      text: "Led the migration of the dispatch service to Kubernetes, cutting deploy time from 40 to 6 minutes.",
      action: "led",
      object: "the migration of the dispatch service to Kubernetes",
      technologies: ["Kubernetes"],
      metrics: ["from 40 to 6 minutes"],
    });
    expect(second).toMatchObject({ action: "designed", object: "a Kafka event pipeline", metrics: ["12k messages per second"] });
  });

  it("reads pasted plain text with 'Title at Company (dates)' lines", () => {
    const m = parseCv(SAMPLE_CV_TEXT.join("\n\n"));
    expect(m.name).toBe("Ana Lima");
    expect(m.experience.map((e) => [e.title, e.organisation, formatDate(e.start), formatDate(e.end)])).toEqual([
      ["Senior Backend Engineer", "Parcelly", "2021", "present"],
      ["Backend Engineer", "Paynow", "2018", "2021"],
    ]);
    expect(m.projects.map((p) => p.name)).toEqual(["RouteWise", "LedgerLite"]);
    expect(m.skills.cloud).toEqual(expect.arrayContaining(["Kubernetes", "Terraform", "AWS"]));
  });

  it("returns an empty model for text with no CV in it", () => {
    const m = parseCv("");
    expect(m.experience).toEqual([]);
    expect(m.name).toBeUndefined();
  });
});
