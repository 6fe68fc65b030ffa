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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** One regex per entry, matched on word boundaries that tolerate symbols like ".js" or "++". */
const matchers = [...techLexicon.entries()].map(([key, display]) => ({
  key,
  display,
  ambiguous: AMBIGUOUS.has(key),
  pattern: new RegExp(`(^|[^\\p{L}\\p{N}+#])${escape(key)}(?=$|[^\\p{L}\\p{N}+#])`, "iu"),
  exactCase: new RegExp(`(^|[^\\p{L}\\p{N}+#])${escape(display)}(?=$|[^\\p{L}\\p{N}+#])`, "u"),
}));

/**
 * Technologies named in a text, in order of first appearance. Ambiguous short names (C, R, Go)
 * only count when written in their usual capitalisation.
 */
export function findTechnologies(text: string): string[] {
  const found: { display: string; at: number }[] = [];
  const lower = text.toLowerCase();
  for (const m of matchers) {
    // Most of the lexicon is absent from any one text: a substring test skips its regex (a
    // 10-page CV took ~4 ms through all ~250 of them).
    if (!(m.ambiguous ? text.includes(m.display) : lower.includes(m.key))) continue;
    const re = m.ambiguous ? m.exactCase : m.pattern;
    const hit = re.exec(text);
    if (hit) found.push({ display: m.display, at: hit.index });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.display);
}
