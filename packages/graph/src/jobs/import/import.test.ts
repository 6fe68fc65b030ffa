import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isInterviewError, type ErrorCode } from "../../errors.js";
import { importJobPosting, parseJobUrl } from "./import.js";
import type { ImportOptions } from "./types.js";
import { startJobSite, type JobSite } from "./testing/job-site.js";
import { fakeLookup, staticLookup } from "./testing/lookup.js";
import { NOT_FOUND_MARKER } from "./testing/pages.js";

// Every request in this file goes to the loopback job site, so private addresses are allowed
// unless a test is about refusing them; those inject a resolver and never reach any network.
let site: JobSite;
beforeAll(async () => {
  site = await startJobSite();
});
afterAll(() => site.close());
beforeEach(() => {
  site.requests.length = 0;
  site.headers.length = 0;
});

const local = { allowPrivate: true } satisfies ImportOptions;

async function refusal(url: string, options: ImportOptions, code: ErrorCode): Promise<Error> {
  const error = await importJobPosting(url, options).then(
    () => new Error("expected the import to fail"),
    (e: unknown) => e as Error,
  );
  expect(isInterviewError(error, code), `${code}: ${error.message}`).toBe(true);
  return error;
}

describe("importing a job posting from its URL", () => {
  it("imports a page with JobPosting JSON-LD, asking for HTML as a named client", async () => {
    const before = Date.now();
    const job = await importJobPosting(`${site.url}/jobs/senior-backend-engineer`, local);
    expect(job).toMatchObject({
      title: "Senior Backend Engineer",
      company: "Acme Logistics",
      location: "Rotterdam, South Holland, NL",
      salary: "EUR 70,000–90,000 per year",
      sourceUrl: `${site.url}/jobs/senior-backend-engineer`,
    });
    expect(job.requirements).toContain("Deep knowledge of PostgreSQL");
    expect(Date.parse(job.fetchedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(site.headers[0]).toMatchObject({ "user-agent": expect.stringMatching(/InterviewEngine/), accept: expect.stringMatching(/^text\/html/) });
  });

  it("imports a page with only readable text", async () => {
    const job = await importJobPosting(`${site.url}/jobs/data-engineer`, local);
    // The careers site's name without "Careers"; "We're hiring" is not the skill Hiring.
    expect(job).toMatchObject({ title: "Data Engineer", company: "Northwind" });
    expect(job.skills).not.toContain("Hiring");
    expect(job.responsibilities).toContain("Model our warehouse in dbt on BigQuery");
  });

  it("imports a posting served as plain text, its first line the title", async () => {
    const job = await importJobPosting(`${site.url}/jobs/sre.txt`, local);
    expect(job).toMatchObject({
      title: "Site Reliability Engineer",
      employmentType: "Full-time",
      responsibilities: ["Run our Kubernetes clusters and the on-call rota", "Cut our deploy time from 20 minutes to 5"],
      requirements: ["3+ years running production systems", "Terraform and Prometheus"],
    });
    expect(job.description).toMatch(/^Parcelly runs same-day delivery/);
    expect(job.skills).toEqual(expect.arrayContaining(["Kubernetes", "Terraform", "Prometheus"]));
  });

  it("imports a gzip-compressed page", async () => {
    expect((await importJobPosting(`${site.url}/jobs/gzip`, local)).title).toBe("Senior Backend Engineer");
  });

  it("decodes the charset from the Content-Type header, or from <meta charset>", async () => {
    const munich = await importJobPosting(`${site.url}/jobs/muenchen`, local);
    expect(munich.title).toBe("Softwareentwickler (m/w/d) München");
    expect(munich.responsibilities).toContain("Code-Reviews für das Team in Zürich");
    const cafe = await importJobPosting(`${site.url}/jobs/cafe`, local);
    expect(cafe.title).toBe("Kitchen Manager – Café Lumière");
    expect(cafe.description).toContain("Salary 2.900 € per month");
  });

  it("accepts an address typed without https:// the way a browser does", () => {
    expect(parseJobUrl(" jobs.acme.example/senior?ref=x ").href).toBe("https://jobs.acme.example/senior?ref=x");
  });
});

describe("redirects", () => {
  it("follows relative and absolute redirects and reports where the posting was found", async () => {
    const job = await importJobPosting(`${site.url}/redirect/start`, local);
    expect(job.title).toBe("Senior Backend Engineer");
    expect(job.sourceUrl).toBe(`${site.url}/jobs/senior-backend-engineer`);
    expect(site.requests).toEqual(["/redirect/start", "/redirect/middle", "/jobs/senior-backend-engineer"]);
  });

  it("gives up after five redirects", async () => {
    const error = await refusal(`${site.url}/redirect/loop/0`, local, "url_unreachable");
    expect(error.message).toMatch(/more than 5 times/);
    expect(site.requests).toHaveLength(6);
    await refusal(`${site.url}/redirect/start`, { ...local, limits: { maxRedirects: 0 } }, "url_unreachable");
    expect(site.requests).toHaveLength(7);
  });

  it("checks every hop: a redirect to a refused scheme or address is not followed", async () => {
    const to = (target: string) => `${site.url}/redirect/to?to=${encodeURIComponent(target)}`;
    await refusal(to("file:///etc/passwd"), local, "url_not_allowed");
    // 0.0.0.0 is never allowed, not even with allowPrivate (it reaches this very machine).
    await refusal(to(`http://0.0.0.0:${site.port}/jobs/senior-backend-engineer`), local, "url_not_allowed");
    const lookup = staticLookup({ "rebound.example.test": "0.0.0.0" });
    await refusal(to(`http://rebound.example.test:${site.port}/jobs/senior-backend-engineer`), { ...local, lookup }, "url_not_allowed");
    expect(site.requests.every((path) => path.startsWith("/redirect/to"))).toBe(true);
    expect(lookup.calls).toEqual(["rebound.example.test"]);
  });
});

describe("addresses that are refused", () => {
  it("refuses loopback and private addresses by default, before connecting", async () => {
    await refusal(`${site.url}/jobs/senior-backend-engineer`, {}, "url_not_allowed");
    await refusal(`http://2130706433:${site.port}/jobs/senior-backend-engineer`, {}, "url_not_allowed");
    // A made-up host name that resolves to the loopback address.
    const lookup = staticLookup({ "careers.example.test": "127.0.0.1" });
    const error = await refusal(`http://careers.example.test:${site.port}/jobs/senior-backend-engineer`, { lookup, allowPrivate: false }, "url_not_allowed");
    expect(error.message).toMatch(/private or reserved network/);
    expect(lookup.calls).toEqual(["careers.example.test"]);
    expect(site.requests).toEqual([]);
  });

  it("refuses a host that resolves to a public address when checked and to loopback when connecting", async () => {
    const rebinding = fakeLookup((_, n) => (n === 0 ? ["93.184.216.34"] : ["127.0.0.1"]));
    await refusal(`http://rebind.example.test:${site.port}/jobs/senior-backend-engineer`, { lookup: rebinding }, "url_not_allowed");
    expect(rebinding.calls).toEqual(["rebind.example.test", "rebind.example.test"]);
    expect(site.requests).toEqual([]);
  });

  it("refuses schemes other than http and https, and links with credentials", async () => {
    for (const url of ["ftp://jobs.example.com/1", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,<h1>Job</h1>"]) {
      await refusal(url, local, "url_not_allowed");
    }
    await refusal(`http://user:secret@127.0.0.1:${site.port}/jobs/senior-backend-engineer`, local, "url_not_allowed");
    expect(site.requests).toEqual([]);
  });

  it("rejects what is not a URL", async () => {
    for (const url of ["", "   ", "not a url", "http://", `https://jobs.example.com/${"x".repeat(3000)}`]) {
      await refusal(url, local, "invalid_input");
    }
  });
});

describe("sites that fail", () => {
  it("reports a 404 with its status and none of the page's text", async () => {
    const error = await refusal(`${site.url}/jobs/removed`, local, "url_unreachable");
    expect(error.message).toMatch(/404/);
    expect(error.message).not.toContain(NOT_FOUND_MARKER);
  });

  it("reports a host that does not resolve and a port nobody listens on as unreachable", async () => {
    await refusal("https://no-such-host.example.test/jobs/1", { lookup: staticLookup({}) }, "url_unreachable");
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await refusal(`http://127.0.0.1:${port}/jobs/1`, local, "url_unreachable");
  });

  it("stops reading a page beyond 2 MB and hangs up", async () => {
    const hungUp = site.hungUp("/large");
    await refusal(`${site.url}/large`, local, "posting_too_large");
    await hungUp;
    expect(site.finishedStreams).toEqual([]);
  });

  it("refuses a page that declares more than 2 MB without reading it, and a small gzip that unpacks beyond it", async () => {
    const hungUp = site.hungUp("/large-declared");
    await refusal(`${site.url}/large-declared`, local, "posting_too_large");
    await hungUp;
    await refusal(`${site.url}/jobs/gzip-bomb`, local, "posting_too_large");
  });

  it("gives up on a page that drips in slower than the time limit allows", async () => {
    const hungUp = site.hungUp("/slow");
    const started = Date.now();
    const error = await refusal(`${site.url}/slow`, { ...local, limits: { timeoutMs: 400 } }, "upstream_timeout");
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.message).toMatch(/within 1 second\b/);
    await hungUp;
  });

  it("stops when the caller aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("client went away")), 100);
    await expect(importJobPosting(`${site.url}/slow`, { ...local, signal: controller.signal })).rejects.toThrow("client went away");
  });
});

describe("pages that are not job postings", () => {
  it("refuses a blog post", async () => {
    const error = await refusal(`${site.url}/blog/kubernetes-build`, local, "not_a_job_posting");
    expect(error.message).not.toMatch(/Kubernetes/);
  });

  it("says an empty page was empty", async () => {
    expect((await refusal(`${site.url}/empty`, local, "not_a_job_posting")).message).toMatch(/empty/);
  });

  it("refuses plain text that is not a job ad", async () => {
    await refusal(`${site.url}/notes.txt`, local, "not_a_job_posting");
  });

  it("refuses a file that is not a web page", async () => {
    await refusal(`${site.url}/brochure.pdf`, local, "not_a_job_posting");
  });
});
