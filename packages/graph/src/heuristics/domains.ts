import { findTechnologies } from "../text/lexicon.js";
import { stem, tokenize } from "../text/words.js";
import { StemVocabulary } from "./stems.js";

export type DomainId =
  | "software" | "data" | "product" | "design" | "sales" | "finance" | "kitchen" | "healthcare" | "teaching" | "leisure";

interface Domain {
  id: DomainId;
  /** How feedback names it: "The answer is about {label}". */
  label: string;
  /** Single words (matched by stem) and phrases (matched as written, lower-case). */
  terms: string;
  /** Technology-lexicon entries that belong to this domain. */
  technologies?: string[];
  /** Domains whose vocabulary a good answer for this role often borrows. */
  related: DomainId[];
}

/**
 * A small vocabulary per field of work, so that an answer's domain is judged rather than only its
 * word overlap with the question: a Kubernetes incident shares "team" and "service" with a
 * pastry-kitchen question, but not its field. Words that name things in several fields
 * ("service", "pipeline", "production", "ticket", "station") are left out.
 */
const DOMAINS: Domain[] = [
  {
    id: "software",
    label: "software engineering",
    terms:
      "api apis backend back-end frontend front-end server servers database databases deploy deployed deploys deployment deployments codebase code coding refactor " +
      "refactored refactoring latency throughput endpoint endpoints microservice microservices cluster clusters containerised query queries " +
      "cache cached caching schema migration migrations outage outages rollback repository repo bug bugs debug debugged debugging cpu scalability " +
      "autoscaling uptime p99 p95 p50 config configuration canary staging software developer developers programming programmer compiler runtime " +
      "devops sre websocket websockets http json yaml sdk async threads threading mutex index indexes indexing replica replicas sharding " +
      "|on-call|on call|pull request|code review|load balancer|stack trace|memory leak|feature flag|unit test|unit tests|integration test|integration tests|race condition|" +
      "message queue|event loop|tech debt|technical debt|rolled back|roll back|error rate|config map|crash loop|crash-looping|connection pool",
    related: ["data", "product", "design"],
  },
  {
    id: "data",
    label: "data science",
    terms:
      "dataset datasets regression classifier classification forecast forecasting predictive feature features auc roc f1 " +
      "overfitting underfitting cross-validation hyperparameter hyperparameters statistical statistics p-value hypothesis cohort cohorts churn notebook " +
      "notebooks jupyter etl embeddings neural xgboost lightgbm sklearn sampling labelled labeled annotation scientist analytics analyst sql " +
      "|a/b test|a/b tests|ab test|machine learning|random forest|gradient boosting|time series|data pipeline|feature engineering|confidence interval|data quality|" +
      "ground truth|holdout set|test set|training set|training data|model training|control group|statistically significant|precision and recall",
    technologies: [
      "Pandas", "NumPy", "PyTorch", "TensorFlow", "scikit-learn", "Hadoop", "Airflow", "dbt", "Flink", "Snowflake", "BigQuery", "Redshift",
      "ClickHouse", "Machine learning", "Deep learning", "NLP", "LLM", "RAG", "Computer vision", "Data engineering", "ETL", "Data warehouse",
      "Statistics", "A/B testing", "Tableau", "Power BI", "MLOps", "Hugging Face", "SAS", "MATLAB",
    ],
    related: ["software", "product", "finance"],
  },
  {
    id: "product",
    label: "product management",
    terms:
      "roadmap roadmaps prioritisation prioritization prioritise prioritize prioritised prioritized backlog stakeholder stakeholders discovery mvp okr okrs kpi kpis " +
      "retention activation onboarding conversion adoption persona personas requirements spec specs sprint sprints pricing monetisation monetization " +
      "|user story|user stories|product-market fit|product market fit|north star|go-to-market|customer interviews|feature request|feature requests|product manager|release plan",
    technologies: ["Product management", "Stakeholder management", "Jira", "Agile", "Scrum", "Kanban", "Project management"],
    related: ["software", "data", "design", "sales", "finance"],
  },
  {
    id: "design",
    label: "design",
    terms:
      "figma wireframe wireframes prototype prototypes prototyping mockup mockups usability ux ui typography layout layouts visual visuals branding palette icon icons " +
      "illustration illustrations " +
      "|design system|user research|user testing|usability testing|information architecture|user journey|journey map|style guide",
    technologies: ["Figma", "UX research", "User research", "Design systems", "Accessibility", "Storybook"],
    related: ["product", "software"],
  },
  {
    id: "sales",
    label: "sales and marketing",
    terms:
      "quota quotas prospect prospects prospecting crm revenue upsell upselling commission territory campaign campaigns marketing seo funnel funnels " +
      "|account executive|closed won|closed the deal|deal size|sales cycle|sales pipeline|cold call|cold calls|cold calling|lead generation|brand awareness",
    technologies: ["Salesforce", "Sales", "Marketing", "Customer success", "SEO", "Negotiation"],
    related: ["product", "finance"],
  },
  {
    id: "finance",
    label: "finance and accounting",
    terms:
      "accounts accounting accountant accountants invoice invoices invoicing ledger ledgers reconciliation reconciliations reconcile reconciled audit audits " +
      "auditor auditors ifrs gaap vat payroll accrual accruals journal journals erp bookkeeping depreciation amortisation amortization treasury " +
      "|balance sheet|cash flow|month-end|year-end|p&l|profit and loss|general ledger|accounts payable|accounts receivable|variance analysis|tax return|" +
      "month-end close|trial balance",
    related: ["data", "sales", "product"],
  },
  {
    id: "kitchen",
    label: "baking and cooking",
    terms:
      "kitchen kitchens pastry pastries patisserie pâtisserie bake baking baked baker bakers bakery oven ovens dough doughs laminate laminated laminating lamination " +
      "croissant croissants butter flour sugar yeast proofing proofed proofer sourdough bread breads cake cakes tart tarts chocolate tempering tempered " +
      "ganache custard cream meringue recipe recipes ingredient ingredients menu menus dish dishes plating chef chefs cook cooks cooking commis brigade restaurant " +
      "restaurants banquet banquets catering food allergen allergens haccp fridge freezer dessert desserts viennoiserie glaze caramel whisk mixer " +
      "entremet entremets mousse sponge choux brioche sheeter fold folds folding détrempe detrempe beurre macaron macarons soufflé souffle buttercream fondant " +
      "gelatine gelatin piping vanilla almond hazelnut praline crumb crust eggs yolks " +
      "|mise en place|front of house|walk-in|food cost|food safety|dinner service|lunch service|during service|the pass|sous chef|head chef|pastry chef|wedding cake|" +
      "rolling pin|bain-marie|petit fours",
    related: [],
  },
  {
    id: "healthcare",
    label: "healthcare",
    terms:
      "patient patients ward wards nurse nurses nursing doctor doctors physician physicians clinical clinician clinicians medication medications medicine dose doses " +
      "dosage vitals icu hospital hospitals wound wounds infection infections discharge admission admissions handover sepsis " +
      "consent charting ehr cannula catheter mrsa surgery surgical ambulance nhs midwife oncology paediatric pediatric geriatric dementia deteriorating " +
      "deterioration saturation oxygen analgesia sbar observations " +
      "|blood pressure|vital signs|triage nurse|care plan|fall risk|early warning score|news2|pain relief|hand hygiene|drug round|ward round|next of kin|heart rate",
    related: [],
  },
  {
    id: "teaching",
    label: "teaching",
    terms:
      "student students pupil pupils classroom classrooms curriculum teacher teachers teaching school schools homework exam exams syllabus tutor " +
      "tutoring literacy numeracy semester worksheet worksheets marking differentiation differentiated gcse gcses ofsted senco iep " +
      "|learning objective|learning objectives|behaviour management|behavior management|parents evening|lesson plan|lesson plans|seating plan|" +
      "formative assessment|summative assessment|reading age|year group",
    related: [],
  },
  {
    id: "leisure",
    label: "your personal life",
    terms:
      "hiking dog dogs puppy pet pets vacation vacations football soccer basketball tennis golf movie movies " +
      "gaming gym yoga gardening beach camping fishing hobby hobbies girlfriend boyfriend concert guitar " +
      "weekend weekends holiday holidays sport sports club clubs league " +
      "|video games|my dog|my cat|free time|spare time",
    related: [],
  },
];

/** Everyday words of work in any field: neither home nor foreign, but a sign the answer is about work. */
const WORKPLACE = new Set(
  (
    "team teams colleague colleagues coworker coworkers manager managers meeting meetings deadline deadlines priority priorities customer customers client " +
    "clients project projects plan planning feedback conflict conflicts disagree disagreed disagreement decision decisions responsible responsibility deliver " +
    "delivered communicate communication escalate escalated mentor mentored coach coached hire hired hiring train trained training budget schedule process " +
    "processes quality goal goals problem problems solution issue issues mistake mistakes pressure staff shift shifts rota role company business supervisor " +
    "boss ownership improve improved improvement standard standards review reviewed trust morale motivate motivated junior senior apprentice trainee workload " +
    "busy rush complaint complaints guest guests user users"
  ).split(" ").map(stem),
);

/** Lexicon names that are also everyday words ("celery", "chef", "spring"): they say nothing about the field. */
const EVERYDAY_NAMES = new Set(
  ("chef puppet spring flask express phoenix oracle unity swift rust ruby dart spark helm envoy bun lambda bash jest cypress babel beam sentry " +
    "consensus networking security excel hiring leadership mentoring budgeting negotiation embedded transformers caching celery").split(" "),
);

interface CompiledDomain extends Domain {
  stems: StemVocabulary;
  phrases: string[];
  names: Set<string>;
}

const compiled: CompiledDomain[] = DOMAINS.map((d) => {
  const [words = "", ...phrases] = d.terms.split("|");
  return {
    ...d,
    stems: new StemVocabulary(new Set(words.split(/\s+/).filter(Boolean).map((w) => stem(w)))),
    phrases: phrases.map((p) => p.trim()).filter(Boolean),
    names: new Set((d.technologies ?? []).map((t) => t.toLowerCase())),
  };
});
const claimed = new Set(compiled.flatMap((d) => [...d.names]));

/** Technologies of the lexicon not claimed by another domain are software. */
function domainsOfTechnology(name: string): DomainId[] {
  const key = name.toLowerCase();
  if (EVERYDAY_NAMES.has(key)) return [];
  const owners = compiled.filter((d) => d.names.has(key)).map((d) => d.id);
  return owners.length ? owners : claimed.has(key) ? [] : ["software"];
}

export type FieldWords = ReadonlyMap<DomainId, ReadonlySet<string>>;

/** The field words of a text, per domain (distinct words; phrases and technologies included). */
export function domainTerms(text: string): Map<DomainId, Set<string>> {
  const tokens = tokenize(text);
  const lower = ` ${tokens.join(" ")} `;
  const stems = [...new Set(tokens.map(stem))];
  const found = new Map<DomainId, Set<string>>();
  const add = (id: DomainId, term: string) => {
    if (!found.has(id)) found.set(id, new Set());
    found.get(id)!.add(term);
  };
  for (const d of compiled) {
    for (const s of stems) if (d.stems.has(s)) add(d.id, s);
    for (const p of d.phrases) if (lower.includes(` ${p} `)) add(d.id, p);
  }
  for (const tech of findTechnologies(text)) for (const id of domainsOfTechnology(tech)) add(id, tech.toLowerCase());
  return found;
}

/** How many distinct everyday words of work the text uses. */
export function workplaceTerms(text: string): number {
  const stems = new Set(tokenize(text).map(stem));
  return [...stems].filter((s) => WORKPLACE.has(s)).length;
}

export function domainLabel(id: DomainId): string {
  return compiled.find((d) => d.id === id)!.label;
}

export function relatedDomains(ids: Iterable<DomainId>): Set<DomainId> {
  const related = new Set<DomainId>();
  for (const id of ids) for (const r of compiled.find((d) => d.id === id)!.related) related.add(r);
  return related;
}

/**
 * The fields a role belongs to, from its title (weighted, as it is the surest sign), description,
 * key terms and the question itself. Empty when none of the vocabularies recognise the role.
 */
export function roleDomains(parts: { title: string; rest: string[] }): Set<DomainId> {
  return domainsOfRole(domainTerms(parts.title), parts.rest.map(domainTerms));
}

/** The same, from the field words already found in the title and in each other part. */
export function domainsOfRole(title: FieldWords, rest: FieldWords[]): Set<DomainId> {
  const weight = new Map<DomainId, number>();
  const tally = (found: FieldWords, w: number) => {
    for (const [id, terms] of found) if (id !== "leisure") weight.set(id, (weight.get(id) ?? 0) + w * terms.size);
  };
  tally(title, 3);
  for (const found of rest) tally(found, 1);
  const max = Math.max(0, ...weight.values());
  return new Set([...weight].filter(([, w]) => w >= Math.max(1, 0.4 * max)).map(([id]) => id));
}
