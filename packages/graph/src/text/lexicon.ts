/**
 * Technologies and skills the offline engine recognises in CVs, job descriptions and answers.
 * Keys are lower-case match forms; values are the display form.
 */
const TECHNOLOGIES = [
  "JavaScript", "TypeScript", "Node.js", "Deno", "Bun", "React", "Next.js", "Vue", "Nuxt", "Angular",
  "Svelte", "SolidJS", "Redux", "GraphQL", "REST", "gRPC", "WebSockets", "HTML", "CSS", "Tailwind",
  "Python", "Django", "Flask", "FastAPI", "Pandas", "NumPy", "PyTorch", "TensorFlow", "scikit-learn",
  "Java", "Spring", "Spring Boot", "Kotlin", "Scala", "Go", "Golang", "Rust", "C", "C++", "C#", ".NET",
  "Ruby", "Rails", "PHP", "Laravel", "Elixir", "Phoenix", "Erlang", "Haskell", "Clojure", "Swift",
  "Objective-C", "Dart", "Flutter", "React Native", "Android", "iOS", "SQL", "PostgreSQL", "MySQL",
  "MariaDB", "SQLite", "Oracle", "SQL Server", "MongoDB", "Redis", "Cassandra", "DynamoDB",
  "Elasticsearch", "OpenSearch", "ClickHouse", "Snowflake", "BigQuery", "Redshift", "Kafka",
  "RabbitMQ", "NATS", "SQS", "Pub/Sub", "Spark", "Hadoop", "Airflow", "dbt", "Flink", "Beam",
  "Docker", "Kubernetes", "Helm", "Terraform", "Pulumi", "Ansible", "Chef", "Puppet", "AWS", "GCP",
  "Azure", "Lambda", "EC2", "S3", "CloudFormation", "Serverless", "Linux", "Bash", "Nginx", "Envoy",
  "Istio", "Prometheus", "Grafana", "Datadog", "OpenTelemetry", "Sentry", "Jenkins", "GitHub Actions",
  "GitLab CI", "CircleCI", "Git", "CI/CD", "Microservices", "Event sourcing", "CQRS", "DDD",
  "Machine learning", "Deep learning", "NLP", "LLM", "LangChain", "RAG", "Computer vision",
  "Data engineering", "ETL", "Data warehouse", "Statistics", "A/B testing", "Tableau", "Power BI",
  "Excel", "Figma", "Jest", "Vitest", "Cypress", "Playwright", "Selenium", "JUnit", "pytest",
  "TDD", "Agile", "Scrum", "Kanban", "Jira", "OAuth", "OpenID Connect", "JWT", "Security",
  "Cryptography", "Networking", "TCP/IP", "HTTP", "DNS", "CDN", "Caching", "Load balancing",
  "Sharding", "Replication", "Consensus", "Distributed systems", "Concurrency", "Multithreading",
  "Performance tuning", "Profiling", "Observability", "SRE", "DevOps", "MLOps", "Embedded",
  "FPGA", "Verilog", "MATLAB", "R", "SAS", "Unity", "Unreal", "WebAssembly", "Three.js", "D3",
  "Webpack", "Vite", "Babel", "ESLint", "Storybook", "Accessibility", "SEO", "Salesforce", "SAP",
  "Stripe", "Shopify", "Firebase", "Supabase", "Vercel", "Heroku", "Cloudflare", "Hono", "Express",
  "NestJS", "Fastify", "Koa", "Prisma", "TypeORM", "Sequelize", "Hibernate", "Celery", "Sidekiq",
  "LiveKit", "WebRTC", "FFmpeg", "OpenCV", "Hugging Face", "Transformers", "Vector databases",
  "Product management", "Stakeholder management", "Leadership", "Mentoring", "Hiring",
  "Project management", "Budgeting", "Negotiation", "Public speaking", "Technical writing",
  "Customer success", "Sales", "Marketing", "UX research", "User research", "Design systems",
] as const;

/** Words too generic to count as a technology when seen alone. */
const AMBIGUOUS = new Set(["c", "r", "go", "rest", "sales", "excel", "security", "leadership"]);

export const techLexicon: ReadonlyMap<string, string> = new Map(
  TECHNOLOGIES.map((name) => [name.toLowerCase(), name]),
);

/** Letters, digits, "+" and "#" continue a name ("C" is not in "C++", "Go" is not in "Google"). */
const NAME_CHAR = /[\p{L}\p{N}+#]/u;
const NAME_RUNS = /[\p{L}\p{N}+#]+/gu;

const matchers = [...techLexicon.entries()].map(([key, display]) => ({
  key,
  display,
  ambiguous: AMBIGUOUS.has(key),
  /** A whole-name match needs each of these as a whole run of name characters in the text. */
  runs: key.match(NAME_RUNS) ?? [],
}));
const continuesName = (ch: string | undefined) => ch !== undefined && NAME_CHAR.test(ch);

/** Where `name` first appears in `text` as a whole name, or -1. */
function firstWholeName(text: string, name: string): number {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    if (!continuesName(text[at - 1]) && !continuesName(text[at + name.length])) return at;
  }
  return -1;
}

/**
 * Technologies named in a text, in order of first appearance. Ambiguous short names (C, R, Go)
 * only count when written in their usual capitalisation. The text's name runs are collected in
 * one pass, so an entry whose words are absent costs a set lookup, not a scan of the text
 * (a regex per entry cost ~2 ms on a 10-page CV).
 */
export function findTechnologies(text: string): string[] {
  const found: { display: string; at: number }[] = [];
  const lower = text.toLowerCase();
  const runs = new Set(lower.match(NAME_RUNS));
  for (const m of matchers) {
    if (!m.ambiguous && !m.runs.every((run) => runs.has(run))) continue;
    const at = m.ambiguous ? firstWholeName(text, m.display) : firstWholeName(lower, m.key);
    if (at !== -1) found.push({ display: m.display, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.display);
}
