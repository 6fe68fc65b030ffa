import type { SkillKind } from "./types.js";

/**
 * The kind of each skill the lexicon knows (packages/graph/src/text/lexicon.ts), plus skills of
 * other trades. Lower-case keys.
 */
const TABLE: Record<SkillKind, string> = {
  language:
    "javascript|typescript|python|java|kotlin|scala|go|golang|rust|c|c++|c#|ruby|php|elixir|erlang|haskell|clojure|swift|objective-c|" +
    "dart|sql|r|matlab|sas|bash|shell|html|css|verilog|vhdl|perl|lua|julia|fortran|cobol|solidity|graphql",
  framework:
    "node.js|deno|bun|react|next.js|vue|nuxt|angular|svelte|solidjs|redux|tailwind|django|flask|fastapi|pandas|numpy|pytorch|" +
    "tensorflow|scikit-learn|keras|spring|spring boot|.net|rails|laravel|phoenix|flutter|react native|express|nestjs|fastify|koa|hono|" +
    "prisma|typeorm|sequelize|hibernate|celery|sidekiq|langchain|three.js|d3|transformers|jest|vitest|cypress|playwright|selenium|" +
    "junit|pytest|opencv|spark|hugging face|material-ui|wordpress|xgboost",
  datastore:
    "postgresql|postgres|mysql|mariadb|sqlite|oracle|sql server|mongodb|redis|cassandra|dynamodb|elasticsearch|opensearch|" +
    "clickhouse|snowflake|bigquery|redshift|kafka|rabbitmq|nats|sqs|pub/sub|supabase|vector databases|memcached|neo4j|s3",
  cloud:
    "aws|gcp|azure|lambda|ec2|cloudformation|serverless|vercel|heroku|cloudflare|firebase|kubernetes|terraform|pulumi|openstack|" +
    "google cloud|digitalocean",
  tool:
    "docker|helm|ansible|chef|puppet|git|jenkins|github actions|gitlab ci|circleci|jira|figma|sketch|adobe xd|photoshop|illustrator|" +
    "excel|tableau|power bi|looker|prometheus|grafana|datadog|opentelemetry|sentry|nginx|envoy|istio|linux|webpack|vite|babel|" +
    "eslint|storybook|airflow|dbt|hadoop|flink|beam|salesforce|sap|stripe|shopify|livekit|webrtc|ffmpeg|unity|unreal|qgis|arcgis|" +
    "spss|stata|notion|miro|invision|framer|quickbooks|xero|autocad|solidworks",
  practice:
    "rest|grpc|websockets|microservices|event sourcing|cqrs|ddd|tdd|agile|scrum|kanban|ci/cd|observability|sre|devops|mlops|" +
    "a/b testing|accessibility|seo|security|cryptography|networking|caching|load balancing|sharding|replication|consensus|" +
    "distributed systems|concurrency|multithreading|performance tuning|profiling|machine learning|deep learning|nlp|llm|rag|" +
    "computer vision|data engineering|etl|data warehouse|statistics|design systems|user research|ux research|prototyping|" +
    "usability testing|wireframing|interaction design|visual design|product management|project management|budgeting|forecasting|" +
    "variance analysis|financial modelling|financial modeling|haccp|food safety|allergen management|menu costing|menu development|" +
    "incident response|infrastructure as code|capacity planning|chaos engineering|code review|technical writing|grant writing|" +
    "scientific diving|transect surveys|data analysis|data visualisation|data visualization|experimentation|feature engineering|" +
    "lamination|chocolate tempering|sugar work|viennoiserie|plating|bread baking",
  soft_skill:
    "leadership|team leadership|mentoring|coaching|hiring|communication|stakeholder management|negotiation|public speaking|" +
    "teamwork|collaboration|problem solving|time management|customer success|sales|marketing|presentation|facilitation|" +
    "conflict resolution|people management|training|staff training",
  other: "",
};

const KIND_OF = new Map<string, SkillKind>();
for (const [kind, names] of Object.entries(TABLE) as [SkillKind, string][]) {
  for (const name of names.split("|")) if (name) KIND_OF.set(name, kind);
}

/** What a skills line's label says its items are ("Languages:", "Cloud & Tools:", "Data:"). */
const LABEL_HINTS: [RegExp, SkillKind][] = [
  [/\b(?:programming\s+)?languages?\b/i, "language"],
  [/\bframeworks?|librar(?:y|ies)\b/i, "framework"],
  [/\b(?:data(?:bases?|stores?)?|storage|messaging)\b/i, "datastore"],
  [/\b(?:cloud|infrastructure|platforms?|devops)\b/i, "cloud"],
  [/\b(?:tools?|software|observability|monitoring|design tools)\b/i, "tool"],
  [/\b(?:practices?|methods?|methodolog(?:y|ies)|techniques?|processes|concepts)\b/i, "practice"],
  [/\b(?:soft|interpersonal|personal|people|leadership)\b/i, "soft_skill"],
];

const SOFT_WORDS = /\b(?:leadership|communication|mentoring|coaching|teamwork|collaboration|management|training|negotiation)\b/i;

export function skillKind(name: string, label?: string): SkillKind {
  const known = KIND_OF.get(name.toLowerCase().replace(/\s*\(.*\)$/, "").trim());
  if (known) return known;
  if (SOFT_WORDS.test(name)) return "soft_skill";
  if (label) for (const [re, kind] of LABEL_HINTS) if (re.test(label)) return kind;
  return "other";
}

/** Names of skill categories used as row labels without a colon ("Tools Excel, SQL"). */
export const CATEGORY_LABEL =
  /^(?:technical|tools?|software|languages?|programming|frameworks?|libraries|data|databases?|cloud|infrastructure|devops|observability|monitoring|platforms?|finance|financial|design|research|lab|laboratory|kitchen|pastry|culinary|methods?|practices?|soft|other|general|management|analysis|analytics|marketing|sales|core|developer tools)\b(?:\s*(?:&|and)\s*\w+)?/i;

const SPOKEN =
  /^(?:english|french|spanish|german|portuguese|italian|dutch|polish|swedish|norwegian|danish|finnish|greek|turkish|arabic|hebrew|hindi|bengali|urdu|mandarin|cantonese|chinese|japanese|korean|russian|ukrainian|czech|romanian|hungarian|swahili|yoruba|igbo|hausa|tamil|telugu|malay|indonesian|thai|vietnamese|tagalog|catalan|basque|galician|welsh|irish)\b/i;

/** "French (native)", "English – C1": a language people speak. */
export const isSpokenLanguage = (item: string): boolean => SPOKEN.test(item.trim());
