import { describe, expect, it } from "vitest";
import { isInterviewError } from "../../errors.js";
import { parseJobPage } from "./parse.js";
import { ACME_JOB_PAGE, BLOG_POST_PAGE, NORTHWIND_JOB_PAGE } from "./testing/pages.js";

const page = (...jsonLd: (object | string)[]) =>
  `<!doctype html><html><head><title>Careers</title>${jsonLd
    .map((ld) => `<script type="application/ld+json">${typeof ld === "string" ? ld : JSON.stringify(ld)}</script>`)
    .join("")}</head><body><p>Loading…</p></body></html>`;

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the page to be refused");
};

describe("reading a job from JobPosting JSON-LD", () => {
  it("reads every field of a posting inside @graph, resolving the organisation by @id", () => {
    expect(parseJobPage(ACME_JOB_PAGE, "https://jobs.acme.example/senior-backend")).toEqual({
      title: "Senior Backend Engineer",
      company: "Acme Logistics",
      companyInfo:
        "Acme Logistics builds routing software for parcel warehouses.\n\nFounded in 2012 in Rotterdam.\nWebsite: https://acme.example/\nProfiles: https://www.linkedin.com/company/acme-logistics",
      description: [
        "Acme Logistics runs the platform that routes parcels for 4,000 warehouses across Europe. We are looking for a senior engineer to join the routing team.",
        "",
        "What you'll do",
        "- Design and build event-driven services in TypeScript on Node.js",
        "- Own our Kafka pipelines end to end",
        "- Mentor two junior engineers",
        "",
        "Requirements",
        "- 5+ years building backend systems",
        "- Deep knowledge of PostgreSQL",
        "- Experience running services on Kubernetes",
        "",
        "Nice to have",
        "- Terraform",
        "- Experience with Go",
        "",
        "Benefits",
        "- 30 days of holiday",
        "- A learning budget",
      ].join("\n"),
      requirements: [
        "Fluent English",
        "5+ years of experience",
        "Education: bachelor degree",
        "5+ years building backend systems",
        "Deep knowledge of PostgreSQL",
        "Experience running services on Kubernetes",
        "Nice to have: Terraform",
        "Nice to have: Experience with Go",
      ],
      skills: ["TypeScript", "Kafka", "PostgreSQL", "Node.js", "Kubernetes", "Terraform", "Go"],
      responsibilities: [
        "Take part in the on-call rotation",
        "Design and build event-driven services in TypeScript on Node.js",
        "Own our Kafka pipelines end to end",
        "Mentor two junior engineers",
      ],
      employmentType: "Full-time",
      location: "Rotterdam, South Holland, NL",
      salary: "EUR 70,000–90,000 per year",
      datePosted: "2025-03-14",
    });
  });

  it("finds the posting among several scripts, one of them broken, with an array of types and a full schema.org URL", () => {
    const job = parseJobPage(
      page(
        "{ not json at all",
        { "@context": "https://schema.org", "@type": "Organization", name: "Globex", description: "Globex makes turbines." },
        {
          "@context": "http://schema.org",
          "@type": ["http://schema.org/JobPosting", "Thing"],
          title: "Site Reliability Engineer",
          hiringOrganization: "Globex",
          description: "Keep our turbines' control plane up.\nResponsibilities:\n- Run Prometheus and Grafana\n- Write runbooks",
          employmentType: ["FULL_TIME", "PART_TIME"],
          jobLocationType: "TELECOMMUTE",
          applicantLocationRequirements: { "@type": "Country", name: "Germany" },
          baseSalary: { "@type": "MonetaryAmount", currency: "usd", value: { "@type": "QuantitativeValue", value: 85, unitText: "HOUR" } },
          datePosted: "March 3, 2025",
        },
      ),
      "https://globex.example/jobs/sre",
    );
    expect(job).toMatchObject({
      title: "Site Reliability Engineer",
      company: "Globex",
      employmentType: "Full-time, Part-time",
      location: "Remote (Germany)",
      salary: "USD 85 per hour",
      datePosted: "2025-03-03",
      responsibilities: ["Run Prometheus and Grafana", "Write runbooks"],
      skills: ["Prometheus", "Grafana"],
    });
    expect(job.description).toBe("Keep our turbines' control plane up.\n\nResponsibilities\n- Run Prometheus and Grafana\n- Write runbooks");
  });

  it("uses the page's Organization node for the company description when the posting only names it", () => {
    const job = parseJobPage(
      page([
        { "@type": "Organization", name: "Initech", description: "Initech writes banking software.", sameAs: "https://initech.example" },
        { "@type": "JobPosting", title: "QA Analyst", description: "Test our banking apps.", hiringOrganization: { "@type": "Organization", name: "Initech" } },
      ] as unknown as object),
      "https://initech.example/jobs/qa",
    );
    expect(job.company).toBe("Initech");
    expect(job.companyInfo).toBe("Initech writes banking software.\nWebsite: https://initech.example/");
  });

  it("reads hand-written JSON-LD with raw line breaks and a trailing comma", () => {
    const broken = `{"@type": "JobPosting", "title": "Line Cook",
      "description": "Prepare mise en place.
Clean as you go.", "hiringOrganization": {"name": "Bistro Nord"},}`;
    const job = parseJobPage(page(broken), "https://bistro.example/jobs/cook");
    expect(job).toMatchObject({ title: "Line Cook", company: "Bistro Nord", description: "Prepare mise en place. Clean as you go." });
  });

  it("lists several places and multiple qualifications, and reads a posting's own bullet text", () => {
    const job = parseJobPage(
      page({
        "@type": "JobPosting",
        title: "Field Technician",
        description: "<p>Install and service wind turbines.</p>",
        qualifications: ["Driving licence", "<ul><li>Working at heights certificate</li><li>First aid</li></ul>"],
        skills: [{ "@type": "DefinedTerm", name: "Electrical troubleshooting" }],
        jobLocation: [
          { "@type": "Place", address: { addressLocality: "Aarhus", addressCountry: { "@type": "Country", name: "Denmark" } } },
          { "@type": "Place", address: "Esbjerg, Denmark" },
        ],
      }),
      "https://turbines.example/jobs/1",
    );
    expect(job.requirements).toEqual(["Driving licence", "Working at heights certificate", "First aid"]);
    expect(job.skills).toEqual(["Electrical troubleshooting"]);
    expect(job.location).toBe("Aarhus, Denmark; Esbjerg, Denmark");
  });

  it("takes the description from the page's text when the posting has none", () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"JobPosting","title":"Nurse","hiringOrganization":{"name":"St. Mary's"}}</script></head>
      <body><article><h1>Nurse</h1><p>St. Mary's is a 300-bed teaching hospital on the coast. We are looking for a registered nurse for our cardiology ward, working in a team of twelve.</p>
      <h2>Requirements</h2><ul><li>Registered nurse licence</li></ul></article></body></html>`;
    const job = parseJobPage(html, "https://stmarys.example/jobs/nurse");
    expect(job.description).toContain("We are looking for a registered nurse for our cardiology ward");
    expect(job.requirements).toEqual(["Registered nurse licence"]);
  });

  it("reads the page's canonical address, resolved against the page, if it is a web address", () => {
    const withCanonical = (href: string) => ACME_JOB_PAGE.replace("</head>", `<link rel="canonical" href="${href}"></head>`);
    expect(parseJobPage(withCanonical("/jobs/42"), "https://careers.acme.example/jobs/42-backend?src=mail").canonicalUrl).toBe("https://careers.acme.example/jobs/42");
    expect(parseJobPage(withCanonical("https://acme.example/careers/42"), "https://board.example/acme/42").canonicalUrl).toBe("https://acme.example/careers/42");
    expect(parseJobPage(withCanonical("javascript:alert(1)"), "https://careers.acme.example/jobs/42").canonicalUrl).toBeUndefined();
    expect(parseJobPage(ACME_JOB_PAGE, "https://careers.acme.example/jobs/42").canonicalUrl).toBeUndefined();
  });
});

describe("reading a job from a page without JobPosting markup", () => {
  it("reads the OpenGraph title and site and the ad's readable text, and lists its sections", () => {
    const job = parseJobPage(NORTHWIND_JOB_PAGE, "https://careers.northwind.example/jobs/data-engineer");
    expect(job).toEqual({
      title: "Data Engineer",
      company: "Northwind",
      description: expect.stringContaining("What you’ll do\n- Build and operate batch and streaming pipelines in Python and Airflow\n"),
      requirements: [
        "3+ years of experience in data engineering",
        "Strong SQL",
        "Experience with Spark or Flink",
        "Nice to have: Kafka",
        "Nice to have: Terraform",
      ],
      responsibilities: [
        "Build and operate batch and streaming pipelines in Python and Airflow",
        "Model our warehouse in dbt on BigQuery",
        "Work with analysts to define metrics people trust",
      ],
      skills: ["Python", "Airflow", "dbt", "BigQuery", "Data engineering", "SQL", "Spark", "Flink", "Kafka", "Terraform"],
      employmentType: "Full-time",
    });
    // Navigation and footer are not part of the ad.
    expect(job.description).not.toMatch(/All jobs|© 2025/);
  });

  it("reads a job ad written as prose, without section headings", () => {
    const html = `<html><head><title>Sales Manager – Harbour Foods</title><meta property="og:site_name" content="Harbour Foods"></head><body><article>
      <h1>Sales Manager</h1>
      <p>We are hiring a sales manager for our frozen food range in the north of England. This is a full-time, permanent position based in Leeds, with a salary of £45,000 and a company car.</p>
      <p>You will look after our twenty largest retail accounts and lead a team of four account executives. To apply, send your CV to the address below.</p>
      </article></body></html>`;
    expect(parseJobPage(html, "https://harbourfoods.example/careers/sales-manager")).toMatchObject({
      title: "Sales Manager",
      company: "Harbour Foods",
      employmentType: "Full-time",
      requirements: [],
      responsibilities: [],
    });
  });

  it("does not describe the job board as the employer when the posting names another company", () => {
    const job = parseJobPage(
      page(
        { "@type": "Organization", name: "JobHub", description: "JobHub lists a million jobs." },
        { "@type": "JobPosting", title: "Baker", description: "Bake bread from 4am.", hiringOrganization: "Crumb & Co" },
      ),
      "https://jobhub.example/jobs/42",
    );
    expect(job.company).toBe("Crumb & Co");
    expect(job.companyInfo).toBeUndefined();
  });

  it("reads a page nested thousands of elements deep without stalling", () => {
    const ad = "<h1>Welder</h1><h2>Responsibilities</h2><ul><li>Weld pipe spools</li></ul><h2>Requirements</h2><ul><li>TIG certificate</li></ul>";
    const html = `<html><head><title>Welder</title></head><body>${"<div>".repeat(5000)}${ad}${"</div>".repeat(5000)}</body></html>`;
    const started = performance.now();
    const job = parseJobPage(html, "https://fabrication.example/jobs/welder");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(job).toMatchObject({ title: "Welder", responsibilities: ["Weld pipe spools"], requirements: ["TIG certificate"] });
  });

  it("refuses a blog post, without repeating the page's words", () => {
    const error = failure(() => parseJobPage(BLOG_POST_PAGE, "https://northwind.example/blog/kubernetes-build"));
    expect(isInterviewError(error, "not_a_job_posting")).toBe(true);
    expect((error as Error).message).not.toMatch(/Kubernetes|Northwind/);
  });

  it("says so when the page is empty", () => {
    for (const html of ["", "  \n ", "<!doctype html><html><head></head><body>  </body></html>"]) {
      const error = failure(() => parseJobPage(html, "https://example.com/"));
      expect(isInterviewError(error, "not_a_job_posting")).toBe(true);
      expect((error as Error).message).toMatch(/empty/);
    }
  });
});
