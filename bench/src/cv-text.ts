/**
 * Realistic CV text, page by page: contact and summary, skills, then experience entries with
 * bullet points, projects, education. Deterministic; ~45 lines of ~70 characters per page, about
 * what a dense one-column CV page holds.
 */
const EMPLOYERS = ["Parcelly", "Paynow", "Routewise Labs", "Northwind Health", "Acme Logistics", "Brightbank", "Cobalt Games", "Helio Energy", "Quanta Retail", "Tidal Media"];
const ROLES = ["Senior Backend Engineer", "Backend Engineer", "Platform Engineer", "Software Engineer", "Staff Engineer", "Tech Lead"];
const TECH = ["Go", "TypeScript", "Python", "Kotlin", "PostgreSQL", "Redis", "Kafka", "Kubernetes", "Terraform", "AWS", "GCP", "gRPC", "GraphQL", "React", "Docker", "Elasticsearch", "RabbitMQ", "Prometheus", "Grafana", "Snowflake"];
const VERBS = ["Led", "Designed", "Built", "Migrated", "Rewrote", "Scaled", "Automated", "Introduced", "Owned", "Reduced"];
const OBJECTS = [
  "the dispatch service to an event-driven architecture",
  "the card settlement API and its reconciliation jobs",
  "a multi-region deployment pipeline with canary releases",
  "the search indexing pipeline for the product catalogue",
  "an internal feature-flag platform used by 40 teams",
  "the billing system's invoicing and dunning workflows",
  "observability: tracing, SLOs and on-call runbooks",
  "a data ingestion service for partner integrations",
];
const RESULTS = [
  "cutting p99 latency from 900 ms to 120 ms",
  "processing 2M payments a day with zero data loss",
  "reducing deploy time from 40 to 6 minutes",
  "saving $180k a year in infrastructure costs",
  "raising availability from 99.5% to 99.95%",
  "onboarding 12 new partners in one quarter",
];

const pick = <T>(list: T[], i: number) => list[i % list.length]!;

/** Wraps a line at ~88 characters (what fits an A4 line at 11 pt), indenting continuations. */
function wrap(line: string, width = 88): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(" ", width);
    out.push(rest.slice(0, cut));
    rest = `  ${rest.slice(cut + 1)}`;
  }
  out.push(rest);
  return out;
}

function entry(i: number): string[] {
  const from = 2024 - 2 * i - 2;
  const tech = [pick(TECH, i * 3), pick(TECH, i * 3 + 1), pick(TECH, i * 3 + 2)].join(", ");
  return [
    `${pick(ROLES, i)} at ${pick(EMPLOYERS, i)} (${from} - ${i === 0 ? "Present" : from + 2})`,
    ...[0, 1, 2].flatMap((j) =>
      wrap(`- ${pick(VERBS, i + j)} ${pick(OBJECTS, i * 2 + j)} using ${pick(TECH, i + j * 5)}, ${pick(RESULTS, i + j)}.`),
    ),
    `  Stack: ${tech}.`,
    "",
  ];
}

export function cvPages(pages: number): string[] {
  const out: string[] = [];
  let job = 0;
  for (let p = 0; p < pages; p++) {
    const lines: string[] = [];
    if (p === 0) {
      lines.push(
        "Ana Lima",
        "Senior Backend Engineer",
        "Contact: ana.lima@example.com, +44 7700 900123, London",
        "",
        "Summary",
        "Backend engineer with 9 years building payment, logistics and data platforms.",
        "I like owning services end to end, from design reviews to on-call.",
        "",
        "Skills",
        `Languages: ${TECH.slice(0, 4).join(", ")}`,
        `Data: ${TECH.slice(4, 7).join(", ")}, ${TECH[15]}`,
        `Infrastructure: ${TECH.slice(7, 11).join(", ")}, ${TECH[14]}`,
        "",
        "Experience",
      );
    } else {
      lines.push(`Experience (continued, page ${p + 1})`, "");
    }
    while (lines.length < 38) lines.push(...entry(job++));
    lines.push(
      "Projects",
      `RouteWise ${p + 1}: open-source route optimiser written in Go using graph search.`,
      `LedgerLite ${p + 1} - a double-entry bookkeeping library for TypeScript.`,
      "",
      "Education",
      "BSc Computer Science, University of Manchester (2011 - 2014)",
    );
    out.push(lines.join("\n"));
  }
  return out;
}
