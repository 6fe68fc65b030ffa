/** Technologies that can stand in for one another, so "the closest I've come" names a real neighbour. */
const FAMILIES: string[][] = [
  ["JavaScript", "TypeScript", "Python", "Java", "Kotlin", "Scala", "Go", "Golang", "Rust", "C", "C++", "C#", "Ruby", "PHP", "Elixir", "Erlang", "Haskell", "Clojure", "Swift", "Objective-C", "Dart"],
  ["React", "Next.js", "Vue", "Nuxt", "Angular", "Svelte", "SolidJS", "Redux"],
  ["Node.js", "Deno", "Bun", "Django", "Flask", "FastAPI", "Spring", "Spring Boot", "Rails", "Laravel", "Phoenix", "Express", "NestJS", "Fastify", "Koa", "Hono", ".NET"],
  ["SQL", "PostgreSQL", "MySQL", "MariaDB", "SQLite", "Oracle", "SQL Server", "MongoDB", "Cassandra", "DynamoDB", "Redis", "Elasticsearch", "OpenSearch"],
  ["Snowflake", "BigQuery", "Redshift", "ClickHouse", "dbt", "Data warehouse"],
  ["Kafka", "RabbitMQ", "NATS", "SQS", "Pub/Sub"],
  ["Spark", "Hadoop", "Airflow", "dbt", "Flink", "Beam", "Pandas", "ETL", "Data engineering"],
  ["Docker", "Kubernetes", "Helm"],
  ["Terraform", "Pulumi", "Ansible", "Chef", "Puppet", "CloudFormation"],
  ["AWS", "GCP", "Azure", "Lambda", "EC2", "S3", "Serverless", "Heroku", "Vercel", "Cloudflare", "Firebase", "Supabase"],
  ["Prometheus", "Grafana", "Datadog", "OpenTelemetry", "Sentry", "Observability"],
  ["Jenkins", "GitHub Actions", "GitLab CI", "CircleCI", "CI/CD"],
  ["Jest", "Vitest", "Cypress", "Playwright", "Selenium", "JUnit", "pytest", "TDD"],
  ["PyTorch", "TensorFlow", "scikit-learn", "Machine learning", "Deep learning", "NLP", "LLM", "Hugging Face", "Transformers", "MLOps"],
  ["Flutter", "React Native", "Android", "iOS", "Swift", "Kotlin", "Dart"],
  ["Tableau", "Power BI", "Excel"],
  ["Figma", "Design systems", "UX research", "User research", "Storybook"],
];

/** Technologies among `available` from the same family as `technology`, e.g. Go for Rust. */
export function relatedTechnologies(technology: string, available: string[]): string[] {
  const key = technology.toLowerCase();
  const families = FAMILIES.filter((f) => f.some((t) => t.toLowerCase() === key));
  return available.filter(
    (a) => a.toLowerCase() !== key && families.some((f) => f.some((t) => t.toLowerCase() === a.toLowerCase())),
  );
}
