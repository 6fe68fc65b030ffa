/** Job board pages as they are served in the wild, for the parser tests and the loopback site. */

export const ACME_DESCRIPTION_HTML = `<p>Acme Logistics runs the platform that routes parcels for 4,000 warehouses across Europe.
We are looking for a senior engineer to join the routing team.</p>
<p><strong>What you&#39;ll do</strong></p>
<ul>
  <li>Design and build event-driven services in TypeScript on Node.js</li>
  <li>Own our Kafka pipelines end to end</li>
  <li>Mentor two junior engineers</li>
</ul>
<h3>Requirements</h3>
<ul>
  <li>5+ years building backend systems</li>
  <li>Deep knowledge of PostgreSQL</li>
  <li>Experience running services on Kubernetes</li>
</ul>
<h3>Nice to have</h3>
<ul><li>Terraform</li><li>Experience with Go</li></ul>
<h3>Benefits</h3>
<ul><li>30 days of holiday</li><li>A learning budget</li></ul>`;

export const ACME_JSON_LD = {
  "@context": "https://schema.org",
  "@graph": [
    { "@type": "WebPage", "@id": "https://jobs.acme.example/senior-backend#webpage", name: "Senior Backend Engineer" },
    {
      "@type": "Organization",
      "@id": "https://jobs.acme.example/#org",
      name: "Acme Logistics",
      description: "<p>Acme Logistics builds routing software for parcel warehouses.</p><p>Founded in 2012 in Rotterdam.</p>",
      url: "https://acme.example",
      sameAs: ["https://www.linkedin.com/company/acme-logistics"],
    },
    {
      "@type": ["JobPosting"],
      "@id": "https://jobs.acme.example/senior-backend#job",
      title: "Senior Backend Engineer",
      hiringOrganization: { "@id": "https://jobs.acme.example/#org" },
      description: ACME_DESCRIPTION_HTML,
      qualifications: "Fluent English",
      skills: "TypeScript, Kafka, PostgreSQL",
      responsibilities: ["Take part in the on-call rotation"],
      experienceRequirements: { "@type": "OccupationalExperienceRequirements", monthsOfExperience: 60 },
      educationRequirements: { "@type": "EducationalOccupationalCredential", credentialCategory: "bachelor degree" },
      employmentType: "FULL_TIME",
      jobLocation: {
        "@type": "Place",
        address: {
          "@type": "PostalAddress",
          streetAddress: "Wilhelminakade 1",
          addressLocality: "Rotterdam",
          addressRegion: "South Holland",
          postalCode: "3072 AP",
          addressCountry: "NL",
        },
      },
      baseSalary: {
        "@type": "MonetaryAmount",
        currency: "EUR",
        value: { "@type": "QuantitativeValue", minValue: 70000, maxValue: 90000, unitText: "YEAR" },
      },
      datePosted: "2025-03-14T09:00:00+01:00",
    },
  ],
};

/** A job page with JobPosting JSON-LD inside @graph, next to a script that is not valid JSON. */
export const ACME_JOB_PAGE = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Senior Backend Engineer – Acme Logistics</title>
<meta property="og:title" content="Senior Backend Engineer – Acme Logistics">
<script type="application/ld+json">{ "@type": "BreadcrumbList", itemListElement: [ }</script>
<script type="application/ld+json">${JSON.stringify(ACME_JSON_LD)}</script>
</head><body>
<header><nav><a href="/">Jobs</a> <a href="/teams">Teams</a></nav></header>
<main><h1>Senior Backend Engineer</h1><div class="posting">${ACME_DESCRIPTION_HTML}</div>
<form action="/apply"><label>Name <input name="name"></label><button>Apply</button></form></main>
</body></html>`;

/** A job page with no structured data: only OpenGraph tags and the text of the ad. */
export const NORTHWIND_JOB_PAGE = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Data Engineer | Northwind Careers</title>
<meta property="og:title" content="Data Engineer | Northwind Careers">
<meta property="og:site_name" content="Northwind Careers">
<meta name="description" content="Join Northwind as a Data Engineer in Lisbon.">
</head><body>
<header><nav><a href="/">Home</a> <a href="/jobs">All jobs</a> <a href="/about">About us</a></nav></header>
<main><article>
<h1>Data Engineer</h1>
<p>Lisbon or remote within Portugal · Full-time</p>
<p>Northwind runs the grocery delivery platform used by two million households. Our data team turns
millions of daily orders into the forecasts that decide what every warehouse stocks. We're hiring
for the data team in Lisbon.</p>
<h2>What you’ll do</h2>
<ul>
  <li>Build and operate batch and streaming pipelines in Python and Airflow</li>
  <li>Model our warehouse in dbt on BigQuery</li>
  <li>Work with analysts to define metrics people trust</li>
</ul>
<p><strong>What you’ll bring</strong></p>
<ul>
  <li>3+ years of experience in data engineering</li>
  <li>Strong SQL</li>
  <li>Experience with Spark or Flink</li>
</ul>
<h3>Nice to have</h3>
<ul><li>Kafka</li><li>Terraform</li></ul>
<h2>Benefits</h2>
<ul><li>Health insurance for you and your family</li><li>Four weeks of paid holiday</li></ul>
<p>Apply with your CV and a short note about a pipeline you are proud of.</p>
</article></main>
<footer><p>© 2025 Northwind</p></footer>
</body></html>`;

/** An engineering blog post: readable, technical, and not a job ad. */
export const BLOG_POST_PAGE = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>How we moved our build to Kubernetes | Northwind Engineering</title>
<meta property="og:title" content="How we moved our build to Kubernetes">
<meta property="og:site_name" content="Northwind Engineering">
<meta property="og:type" content="article">
</head><body>
<header><nav><a href="/">Blog</a> <a href="/jobs">We're hiring</a></nav></header>
<article>
<h1>How we moved our build to Kubernetes</h1>
<p>By Ana Costa, 12 March 2025</p>
<p>Two years ago our continuous integration ran on six hand-built servers under a desk in the Lisbon
office. Builds queued for an hour on busy days, and nobody remembered how the servers were set up.</p>
<p>We moved every build into short-lived pods on Kubernetes. Each pipeline step now runs in its own
container, and the cluster scales from two nodes at night to forty during the afternoon rush.</p>
<h2>What went wrong</h2>
<p>Caching was the hard part. Our first attempt shared one volume between all builds, and two builds
writing the same cache entry corrupted it about once a week.</p>
<h2>Lessons</h2>
<ul><li>Keep build caches per branch</li><li>Measure queue time, not only build time</li><li>Delete what you do not need</li></ul>
</article>
<footer><p>© 2025 Northwind</p></footer>
</body></html>`;

/** Text in a 404 page that must never reach the user. */
export const NOT_FOUND_MARKER = "Internal note: page 7731 was removed";

/** A German job ad written in ISO-8859-1 ("München", "Zürich", "Qualifikationen"). */
export const LATIN1_JOB_PAGE = `<!doctype html>
<html lang="de"><head><title>Softwareentwickler (m/w/d) München</title></head><body>
<article><h1>Softwareentwickler (m/w/d) München</h1>
<p>Wir suchen für unser Büro in München eine Entwicklerin oder einen Entwickler für unsere Logistiksoftware.</p>
<h2>Responsibilities</h2><ul><li>Weiterentwicklung unserer Java-Dienste</li><li>Code-Reviews für das Team in Zürich</li></ul>
<h2>Requirements</h2><ul><li>Erfahrung mit Java und Spring Boot</li><li>Gute Deutschkenntnisse</li></ul>
<p>Jetzt bewerben – apply now.</p></article></body></html>`;

/** A short posting served as a .txt file: no markup, its first line the title. */
export const PLAIN_TEXT_JOB = `Site Reliability Engineer

Parcelly runs same-day delivery in six cities. We are hiring an SRE for our platform team. Full-time, remote within the EU.

Responsibilities:
- Run our Kubernetes clusters and the on-call rota
- Cut our deploy time from 20 minutes to 5

Requirements:
- 3+ years running production systems
- Terraform and Prometheus
`;
