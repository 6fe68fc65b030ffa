import { describe, expect, it } from "vitest";
import { domainTerms, roleDomains } from "./domains.js";
import { sameStem } from "./stems.js";

describe("fields of work", () => {
  it("recognises a role's field from its title", () => {
    expect([...roleDomains({ title: "Head Pastry Chef", rest: [] })]).toEqual(["kitchen"]);
    expect([...roleDomains({ title: "Registered Nurse", rest: [] })]).toEqual(["healthcare"]);
    expect([...roleDomains({ title: "Senior Backend Engineer", rest: [] })]).toEqual(["software"]);
    expect([...roleDomains({ title: "Data Scientist", rest: [] })]).toEqual(["data"]);
  });

  it("knows no field for a title none of its vocabularies cover", () => {
    expect(roleDomains({ title: "Chief Happiness Officer", rest: [] }).size).toBe(0);
  });

  it("sorts an answer's words into fields, phrases and technologies included", () => {
    const terms = domainTerms("I rolled back the deployment on Kubernetes, then laminated the croissant dough for the dinner service.");
    expect([...terms.get("software")!]).toEqual(expect.arrayContaining(["rolled back", "kubernetes"]));
    expect([...terms.get("kitchen")!]).toEqual(expect.arrayContaining(["dinner service", "croissant"]));
  });

  it("does not take everyday words that name technologies for software", () => {
    expect(domainTerms("The chef added celery to the stock in spring.").get("software")).toBeUndefined();
  });

  it("matches derived forms, but not unrelated words that share a beginning", () => {
    expect(sameStem("deploy", "deployment")).toBe(true);
    expect(sameStem("laminat", "lamination")).toBe(true);
    expect(sameStem("temper", "temperature")).toBe(false);
    expect(sameStem("care", "career")).toBe(false);
  });
});
