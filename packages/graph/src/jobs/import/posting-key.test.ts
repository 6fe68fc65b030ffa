import { describe, expect, it } from "vitest";
import { postingKey } from "./posting-key.js";

const key = (sourceUrl: string, canonicalUrl?: string) => postingKey(canonicalUrl ? { sourceUrl, canonicalUrl } : { sourceUrl });

describe("postingKey", () => {
  it("is the same for a posting's tracked, shared and retyped addresses", () => {
    const plain = key("https://jobs.acme.com/backend-engineer");
    for (const variant of [
      "https://jobs.acme.com/backend-engineer?utm_source=linkedin&utm_medium=social&utm_campaign=spring",
      "https://jobs.acme.com/backend-engineer?gclid=abc123",
      "https://jobs.acme.com/backend-engineer?fbclid=IwAR0x&mc_cid=9f&mc_eid=e1",
      "https://jobs.acme.com/backend-engineer#apply",
      "https://jobs.acme.com/backend-engineer/",
      "http://jobs.acme.com/backend-engineer",
      "https://JOBS.ACME.COM/backend-engineer",
      "https://www.jobs.acme.com/backend-engineer",
    ]) {
      expect(key(variant), variant).toBe(plain);
    }
  });

  it("keeps the parameters that name the job, in any order", () => {
    const greenhouse = key("https://boards.greenhouse.io/acme?gh_jid=4012&gh_src=newsletter");
    expect(greenhouse).toBe(key("https://boards.greenhouse.io/acme?gh_jid=4012"));
    expect(greenhouse).not.toBe(key("https://boards.greenhouse.io/acme?gh_jid=4013"));
    expect(key("https://example.com/viewjob?jk=1&from=serp")).toBe(key("https://example.com/viewjob?from=serp&jk=1"));
    expect(key("https://example.com/viewjob?jk=1")).not.toBe(key("https://example.com/viewjob?jk=2"));
  });

  it("goes by the page's canonical address when it names the posting", () => {
    const canonical = "https://careers.acme.com/jobs/42";
    expect(key("https://careers.acme.com/jobs/42-senior-backend-engineer", canonical)).toBe(key("https://careers.acme.com/jobs/42"));
    expect(key("https://careers.acme.com/jobs/42-backend?utm_source=mail", canonical)).toBe(key("https://careers.acme.com/jobs/42-senior", canonical));
    expect(key("https://careers.acme.com/jobs/42", canonical)).not.toBe(key("https://careers.acme.com/jobs/43"));
    expect(key("https://careers.acme.com/jobs/42", "https://careers.acme.com/jobs/42/senior-backend-engineer")).toBe(key("https://careers.acme.com/jobs/42/senior-backend-engineer"));
  });

  it("does not go by a canonical address that names a listing: the front page, a shallower page, another site, or the page without the query that picks the job", () => {
    expect(key("https://acme.com/jobs/1", "https://acme.com/")).not.toBe(key("https://acme.com/jobs/2", "https://acme.com/"));
    expect(key("https://acme.com/jobs/1", "https://acme.com/jobs")).not.toBe(key("https://acme.com/jobs/2", "https://acme.com/jobs"));
    expect(key("https://acme.com/job/1", "https://acme.com/jobs")).not.toBe(key("https://acme.com/job/2", "https://acme.com/jobs"));
    expect(key("https://acme.com/jobs/1", "https://acme.com/en/jobs")).not.toBe(key("https://acme.com/jobs/2", "https://acme.com/en/jobs"));
    expect(key("https://acme.com/careers/backend", "https://acme.com/careers/openings")).not.toBe(key("https://acme.com/careers/frontend", "https://acme.com/careers/openings"));
    expect(key("https://acme.com/jobs/engineering-manager", "https://acme.com/jobs/engineering")).not.toBe(key("https://acme.com/jobs/engineering-intern", "https://acme.com/jobs/engineering"));
    expect(key("https://board.example/acme/jobs/1", "https://acme.com/careers/jobs/1")).toBe(key("https://board.example/acme/jobs/1"));
    expect(key("https://acme.com/careers?gh_jid=4012", "https://acme.com/careers")).not.toBe(key("https://acme.com/careers?gh_jid=4013", "https://acme.com/careers"));
    expect(key("https://acme.com/careers?gh_jid=4012&gh_src=mail", "https://acme.com/careers?gh_jid=4012")).toBe(key("https://acme.com/careers?gh_jid=4012"));
  });
});
