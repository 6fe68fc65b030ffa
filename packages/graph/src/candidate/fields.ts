import type { Seniority } from "./types.js";

export const FIELDS = ["software", "data", "design", "product", "kitchen", "hospitality", "healthcare", "sales", "teaching", "general"] as const;
export type Field = (typeof FIELDS)[number];

/**
 * A CV bullet template. Slots: {tool:pool} a tool of the persona's pool, {n:a-b} a whole number,
 * {d:a-b} a number with one decimal, {pick:x|y} one of the options, {domain}, {subject}.
 */
export interface BulletTemplate {
  text: string;
  /** Only for roles at this level or above (mentoring, leading a team). */
  from?: Seniority;
  /** Only for junior roles and entry jobs. */
  juniorOnly?: boolean;
  /** Only when the job title matches (front-end work for a front-end role). */
  when?: RegExp;
  /** Not when the job title matches (no GCSE classes for a primary teacher). */
  unless?: RegExp;
}

export interface FieldProfile {
  field: Field;
  match: RegExp;
  /** Titles from junior to lead for a job title, and the entry job before junior. */
  ladder(core: string, jobTitle: string): { rungs: [string, string, string, string]; entry: string };
  defaultCore: string;
  organisations: { kind: "company" | "venue" | "place"; suffixes: string[]; primarySuffixes?: string[] };
  /** Tools the bullets and skills name, by pool; technologies the job names go first. */
  tools: Record<string, string[]>;
  bullets: BulletTemplate[];
  projects: string[];
  /** Skills lines; `when` keeps one to the jobs it fits, as for bullets. */
  skills: { label: string; items: string[]; when?: RegExp }[];
  education: string[];
  headline: string;
  summary: string;
}

const MOBILE = /\b(?:mobile|ios|android)\b/i;
/** Front-end and mobile roles, whose CVs should not be about back-end services. */
const SERVER_LESS = /\b(?:mobile|ios|android|front|ui)\b|front-?end/i;
const FRONT = /\b(?:front|web|ui)\b|front-?end/i;

/** Primary-school jobs teach a class, not a subject. */
export const PRIMARY = /\b(?:primary|early years|nursery|reception class|key stage [12])\b/i;

const prefixed = (core: string): [string, string, string, string] => [`Junior ${core}`, core, `Senior ${core}`, `Lead ${core}`];
const SUBJECTS = ["Mathematics", "English", "Science", "Physics", "Chemistry", "Biology", "History", "Geography", "Computing", "Computer Science", "Art", "Music", "French", "Spanish", "Physical Education", "Drama", "Economics"];

/** The subject a teaching job is for, from its title or description; English when neither says. */
export function teachingSubject(text: string): string {
  if (/\bmaths?\b/i.test(text)) return "Mathematics";
  return SUBJECTS.find((s) => new RegExp(`\\b${s}\\b`, "i").test(text)) ?? "English";
}

export const FIELD_PROFILES: FieldProfile[] = [
  {
    field: "kitchen",
    match: /\b(?:chef|cook|kitchen|pastry|baker|culinary|commis|sous)\b/i,
    ladder: (_core, title) =>
      /pastry/i.test(title)
        ? { rungs: ["Pastry Commis Chef", "Pastry Chef de Partie", "Pastry Sous Chef", "Head Pastry Chef"], entry: "Kitchen Assistant" }
        : /\bcook\b/i.test(title)
          ? { rungs: ["Line Cook", "Cook", "Senior Cook", "Kitchen Manager"], entry: "Kitchen Porter" }
          : { rungs: ["Commis Chef", "Chef de Partie", "Sous Chef", "Head Chef"], entry: "Kitchen Porter" },
    defaultCore: "Chef",
    organisations: { kind: "venue", suffixes: ["Kitchen", "Brasserie", "Bistro", "Table", "Dining Rooms", "Grill"] },
    tools: {},
    bullets: [
      { text: "Ran the {pick:grill|sauce|fish|larder|pastry} section for {n:60-150} covers a night, {n:5-6} nights a week." },
      { text: "Redesigned the {pick:lunch|seasonal|tasting|brunch} menu, cutting food cost from {n:33-38}% to {n:27-31}%." },
      { text: "Trained {n:3-6} commis chefs in knife skills, HACCP and allergen procedures.", from: "mid" },
      { text: "Kept a 5-star food hygiene rating through {n:2-4} inspections." },
      { text: "Cut weekly food waste by {n:20-40}% with prep lists and stock rotation." },
      { text: "Introduced sous-vide cooking for proteins, cutting ticket times by {n:3-6} minutes at peak." },
      { text: "Developed {n:8-20} new dishes a season with local suppliers.", from: "mid" },
      { text: "Led a brigade of {n:8-16} chefs and managed a weekly food budget of £{n:6-14},000.", from: "lead" },
      { text: "Ran the pass on busy services and stood in for the head chef {n:2-3} days a week.", from: "senior" },
      { text: "Prepped stocks, sauces and garnishes for {n:80-200} covers a day and kept the walk-in organised.", juniorOnly: true },
    ],
    projects: [],
    skills: [
      { label: "Kitchen", items: ["HACCP", "allergen management", "menu costing", "stock control"] },
      { label: "Cooking", items: ["sous-vide", "butchery", "sauces", "pastry"] },
      { label: "Certificates", items: ["Level 3 Food Hygiene", "First Aid at Work"] },
    ],
    education: ["Level 3 Diploma in Professional Cookery, {place} College"],
    headline: "{years} in professional kitchens",
    summary: "{core} with {years} in busy professional kitchens, from fine dining to high-volume service",
  },
  {
    field: "hospitality",
    match: /\b(?:waiter|waitress|server|barista|bartender|bar manager|sommelier|hotel|reception\w*|front of house|front desk|restaurant manager|host|hospitality|concierge)\b/i,
    ladder: (_core, title) =>
      /\bbar/i.test(title)
        ? { rungs: ["Bartender", "Senior Bartender", "Bar Supervisor", "Bar Manager"], entry: "Bar Back" }
        : /hotel|reception|front desk|concierge/i.test(title)
          ? { rungs: ["Receptionist", "Senior Receptionist", "Front Office Supervisor", "Front Office Manager"], entry: "Guest Services Assistant" }
          : { rungs: ["Waiter", "Senior Waiter", "Assistant Restaurant Manager", "Restaurant Manager"], entry: "Host" },
    defaultCore: "Restaurant Manager",
    organisations: { kind: "venue", suffixes: ["Brasserie", "Hotel", "Bistro", "House", "Rooms", "Bar & Kitchen"] },
    tools: {},
    bullets: [
      { text: "Looked after {n:80-220} covers a night across a {n:40-120}-seat restaurant." },
      { text: "Raised the average review score from {d:3.9-4.3} to {d:4.5-4.8} by reworking the welcome and table checks." },
      { text: "Introduced a new booking system, cutting no-shows by {n:20-40}%.", from: "mid" },
      { text: "Trained new staff in allergen handling and upselling, lifting average spend per guest by {n:6-15}%." },
      { text: "Managed a front-of-house team of {n:6-14} across breakfast and dinner service.", from: "senior" },
      { text: "Handled {n:10-30} guest complaints a month, resolving most of them on the spot." },
      { text: "Ran a venue with annual sales of £{n:1-3}.{n:1-9}m and cut labour cost by {n:5-10}% with better rotas.", from: "lead" },
      { text: "Set up tables, took orders and ran food for {n:60-150} guests a shift.", juniorOnly: true },
      { text: "Opened and closed the restaurant {n:3-5} days a week, cashing up and handing over to the next shift." },
      { text: "Helped launch a new {pick:brunch|tasting|terrace} service that added {n:40-90} covers a week." },
    ],
    projects: [],
    skills: [
      { label: "Service", items: ["fine dining", "table management", "upselling", "complaint handling"] },
      { label: "Systems", items: ["booking systems", "point of sale", "rota planning"] },
      { label: "Certificates", items: ["Personal Licence", "Level 2 Food Hygiene"] },
    ],
    education: ["Level 3 Diploma in Hospitality Supervision, {place} College"],
    headline: "{years} in restaurants and hotels",
    summary: "{core} with {years} looking after guests in busy restaurants and hotels",
  },
  {
    field: "healthcare",
    match: /\b(?:nurse|nursing|doctor|physician|clinical|clinician|carer|care assistant|care worker|support worker|healthcare|pharmac\w*|midwife|paramedic|therapist|gp|registrar|ward|medical)\b/i,
    ladder: (_core, title) =>
      /doctor|physician|registrar|\bgp\b|medical officer/i.test(title)
        ? { rungs: ["Foundation Doctor", "Core Trainee", "Specialty Registrar", "Consultant"], entry: "Medical Student" }
        : /pharmac/i.test(title)
          ? { rungs: ["Pre-registration Pharmacist", "Pharmacist", "Senior Pharmacist", "Lead Pharmacist"], entry: "Pharmacy Assistant" }
          : /carer|care assistant|care worker|support worker/i.test(title)
            ? { rungs: ["Care Assistant", "Senior Care Assistant", "Care Team Leader", "Care Home Manager"], entry: "Volunteer Care Assistant" }
            : { rungs: ["Staff Nurse", "Staff Nurse", "Senior Staff Nurse", "Ward Manager"], entry: "Healthcare Assistant" },
    defaultCore: "Nurse",
    organisations: { kind: "place", suffixes: ["General Hospital", "Community Health Trust", "Medical Centre", "University Hospital", "House Care Home"] },
    tools: {},
    bullets: [
      { text: "Cared for up to {n:6-12} patients a shift on a busy {pick:surgical|medical|orthopaedic|respiratory} ward." },
      { text: "Led the ward's falls-prevention audit, reducing patient falls by {n:20-40}% over {n:6-12} months.", from: "mid" },
      { text: "Administered medication and IV therapy, with no medication errors in {n:2-4} years." },
      { text: "Trained {n:4-12} healthcare assistants on the new electronic patient record system.", from: "mid" },
      { text: "Triaged around {n:30-60} patients a shift in A&E." },
      { text: "Coordinated discharges with social care, cutting average length of stay by {n:1-2} days." },
      { text: "Introduced a pressure-ulcer checklist that halved new pressure injuries within {n:3-6} months." },
      { text: "Managed a team of {n:20-45} nurses and healthcare assistants and a staffing budget of £{n:1-2}.{n:1-9}m.", from: "lead" },
      { text: "Mentored {n:3-8} newly qualified nurses through their preceptorship.", from: "senior" },
      { text: "Supported patients with personal care, observations and meals on a {n:20-32}-bed ward.", juniorOnly: true },
    ],
    projects: [],
    skills: [
      { label: "Clinical", items: ["IV therapy", "wound care", "medication administration", "triage"] },
      { label: "Systems", items: ["electronic patient records", "e-rostering"] },
      { label: "Certificates", items: ["NMC registered", "Immediate Life Support"] },
    ],
    education: ["BSc (Hons) Adult Nursing, University of {place}"],
    headline: "{years} in {pick:acute|surgical|community} care",
    summary: "{core} with {years} of patient care on busy wards, calm under pressure",
  },
  {
    field: "teaching",
    match: /\b(?:teacher|teaching|tutor|lecturer|instructor|educator|school|classroom|headteacher|senco)\b/i,
    ladder: (_core, title) =>
      PRIMARY.test(title)
        ? { rungs: ["Class Teacher", "Class Teacher", "Key Stage 2 Lead", "Assistant Head Teacher"], entry: "Teaching Assistant" }
        : { rungs: ["Teacher of {subject}", "Teacher of {subject}", "Second in Department, {subject}", "Head of {subject}"], entry: "Teaching Assistant" },
    defaultCore: "Teacher",
    organisations: {
      kind: "place",
      suffixes: ["Academy", "High School", "Community School", "Grammar School"],
      primarySuffixes: ["Primary School", "Junior School", "Primary Academy", "Infant School"],
    },
    tools: {},
    bullets: [
      { text: "Taught {subject} to classes of up to {n:26-32} students across Key Stages 3 and 4.", unless: PRIMARY },
      { text: "Raised the share of students achieving grade 5 or above in GCSE {subject} from {n:45-58}% to {n:62-75}%.", from: "mid", unless: PRIMARY },
      { text: "Introduced weekly low-stakes quizzes, improving end-of-unit test scores by {n:8-15}%." },
      { text: "Ran an after-school {pick:coding|chess|debate|robotics|film} club for {n:15-30} students." },
      { text: "Mentored {n:2-4} trainee teachers through their placements.", from: "senior" },
      { text: "Rewrote the Year {n:7-9} {subject} scheme of work with the department.", from: "mid", unless: PRIMARY },
      { text: "Led a department of {n:5-10} teachers and raised A-level {subject} entries by {n:20-40}%.", from: "lead", unless: PRIMARY },
      { text: "Taught a Year {n:2-6} class of {n:24-30} pupils across the full curriculum.", when: PRIMARY },
      { text: "Raised the share of pupils meeting the expected standard in reading from {n:60-70}% to {n:78-88}%.", from: "mid", when: PRIMARY },
      { text: "Led phonics interventions for {n:6-12} pupils a term.", when: PRIMARY },
      { text: "Led Key Stage 2 planning for a team of {n:4-8} teachers.", from: "lead", when: PRIMARY },
      { text: "Planned and taught {n:18-22} lessons a week with support from a mentor.", juniorOnly: true },
      { text: "Set and marked homework and assessments for {n:120-200} students a term." },
      { text: "Organised a {pick:maths|science|reading} week for {n:150-400} students." },
    ],
    projects: [],
    skills: [
      { label: "Teaching", items: ["lesson planning", "assessment for learning", "behaviour management", "differentiation"] },
      { label: "Pastoral", items: ["safeguarding", "form tutoring", "parent communication"] },
      { label: "Digital", items: ["online homework platforms", "interactive whiteboards", "Excel"] },
    ],
    education: ["PGCE {phase}, University of {place}", "BA (Hons) {degreeSubject}, University of {place}"],
    headline: "{years} teaching {subject}",
    summary: "{core} with {years} teaching {subject}, with a record of raising results and engagement",
  },
  {
    field: "sales",
    match: /\b(?:sales|account executive|account manager|business development|sdr|bdr|commercial|partnerships)\b/i,
    ladder: () => ({ rungs: ["Sales Development Representative", "Account Executive", "Senior Account Executive", "Sales Manager"], entry: "Sales Intern" }),
    defaultCore: "Account Executive",
    organisations: { kind: "company", suffixes: ["ly", " Group", "works", " Systems", "io"] },
    tools: { crm: ["Salesforce"] },
    bullets: [
      { text: "Closed £{n:400-950}k in new annual recurring revenue in a year, {n:105-140}% of quota.", from: "mid" },
      { text: "Built a pipeline of {n:40-90} qualified opportunities a quarter through outbound prospecting in {tool:crm}." },
      { text: "Shortened the sales cycle from {n:80-110} to {n:45-70} days by introducing mutual action plans.", from: "mid" },
      { text: "Grew the {domain} vertical from {n:5-9} to {n:15-30} accounts." },
      { text: "Renewed {n:88-97}% of accounts in a book of {n:40-90} customers." },
      { text: "Booked {n:15-30} meetings a month through cold calling and email sequences.", juniorOnly: true },
      { text: "Ran {n:8-20} product demos a week for prospects in the {domain} sector." },
      { text: "Kept forecast accuracy within {n:5-10}% for {n:3-6} quarters running.", from: "mid" },
      { text: "Qualified {n:20-60} inbound leads a month and handed them to account executives." },
      { text: "Led a team of {n:5-10} account executives that beat its target {n:3-4} quarters in a row.", from: "lead" },
      { text: "Coached {n:2-5} SDRs, {n:1-2} of whom were promoted to account executive.", from: "senior" },
    ],
    projects: [],
    skills: [
      { label: "Sales", items: ["prospecting", "discovery", "negotiation", "forecasting"] },
      { label: "Tools", items: ["{tool:crm}", "Excel"] },
      { label: "Methods", items: ["MEDDICC", "mutual action plans"] },
    ],
    education: ["BA (Hons) Business Management, University of {place}"],
    headline: "{years} selling to {domain} businesses",
    summary: "{core} with {years} selling software to {domain} businesses, consistently above quota",
  },
  {
    field: "design",
    match: /\b(?:designer|ux|ui designer|user experience|interaction design|product design|visual design|design lead)\b/i,
    ladder: (core) => ({ rungs: prefixed(core), entry: "Design Intern" }),
    defaultCore: "Product Designer",
    organisations: { kind: "company", suffixes: ["ly", " Studio", " Labs", "works", "io"] },
    tools: { design: ["Figma"], docs: ["Storybook"] },
    bullets: [
      { text: "Redesigned the {pick:checkout|onboarding|search|booking} flow in {tool:design}, raising completion by {n:8-25}%." },
      { text: "Ran {n:15-40} user interviews and usability tests to shape the {pick:mobile app|dashboard|booking flow} redesign." },
      { text: "Built and maintained a design system of {n:50-140} components with engineering, documented in {tool:docs}.", from: "mid" },
      { text: "Brought {n:20-60} screens up to WCAG AA accessibility standards." },
      { text: "Cut support tickets about the {pick:billing|account|returns} page by {n:20-45}% after a research-led redesign." },
      { text: "Facilitated {n:4-10} design sprints with product and engineering.", from: "mid" },
      { text: "Led a team of {n:3-6} designers and introduced weekly design critiques.", from: "lead" },
      { text: "Mentored {n:2-3} junior designers in research and interaction design.", from: "senior" },
      { text: "Produced wireframes and prototypes for {n:6-15} features in {tool:design}.", juniorOnly: true },
    ],
    projects: ["{project}: a case study redesigning a {pick:community library|local bus|food bank} app, tested with {n:8-15} users."],
    skills: [
      { label: "Design", items: ["{tool:design}", "prototyping", "interaction design", "visual design"] },
      { label: "Research", items: ["User research", "usability testing", "surveys"] },
      { label: "Systems", items: ["Design systems", "Accessibility", "{tool:docs}"] },
    ],
    education: ["BA (Hons) Graphic Design, University of {place}", "BSc Psychology, University of {place}"],
    headline: "{years} designing {domain} products",
    summary: "{core} with {years} designing {domain} products people find easy to use",
  },
  {
    field: "product",
    match: /\b(?:product manager|product owner|product lead|head of product|product management|vp product|group product)\b/i,
    ladder: (core) => ({ rungs: [`Associate ${core}`, core, `Senior ${core}`, `Lead ${core}`], entry: "Business Analyst" }),
    defaultCore: "Product Manager",
    organisations: { kind: "company", suffixes: ["ly", " Labs", "works", " Systems", "io", "base"] },
    tools: { tracker: ["Jira"], design: ["Figma"], query: ["SQL"] },
    bullets: [
      { text: "Owned the roadmap for the {pick:payments|onboarding|mobile|marketplace} product, growing monthly active users from {n:40-90}k to {n:120-300}k.", from: "mid" },
      { text: "Ran discovery interviews with {n:20-50} customers a quarter to decide what to build next." },
      { text: "Launched a self-serve {pick:billing|analytics|integrations} feature that cut support tickets by {n:20-40}%." },
      { text: "Prioritised the backlog with engineering and design, shipping {n:8-16} releases a quarter." },
      { text: "Set up A/B testing for the {pick:pricing|sign-up|checkout} page, lifting conversion by {n:5-18}%." },
      { text: "Worked with sales and marketing on {n:3-6} launches, tracking adoption in {tool:query}." },
      { text: "Led a team of {n:3-6} product managers across {n:2-4} product lines.", from: "lead" },
      { text: "Coached {n:2-3} associate product managers.", from: "senior" },
      { text: "Wrote {n:30-80} user stories and acceptance criteria in {tool:tracker} for the {pick:mobile|web} team.", juniorOnly: true },
    ],
    projects: [],
    skills: [
      { label: "Product", items: ["Product management", "roadmapping", "discovery", "A/B testing"] },
      { label: "Tools", items: ["{tool:tracker}", "{tool:design}", "{tool:query}"] },
      { label: "People", items: ["Stakeholder management", "workshop facilitation"] },
    ],
    education: ["BA (Hons) Economics, University of {place}", "BSc Business Management, University of {place}"],
    headline: "{years} shipping {domain} products",
    summary: "{core} with {years} turning customer problems into shipped {domain} products",
  },
  {
    field: "data",
    match: /\b(?:data|analyst|analytics|scientist|machine learning|ml|bi|statistician|insight)\b/i,
    ladder: (core) => ({ rungs: prefixed(core), entry: "Data Intern" }),
    defaultCore: "Data Analyst",
    organisations: { kind: "company", suffixes: ["ly", "io", " Labs", " Analytics", "works", "base"] },
    tools: {
      lang: ["Python", "SQL", "R"],
      warehouse: ["Snowflake", "BigQuery", "Redshift"],
      pipeline: ["dbt", "Airflow", "Spark"],
      bi: ["Tableau", "Power BI"],
      ml: ["scikit-learn", "PyTorch", "TensorFlow"],
    },
    bullets: [
      { text: "Built dbt models in {tool:warehouse} for the {pick:finance|marketing|supply-chain|customer} team, replacing {n:15-40} hand-maintained spreadsheets." },
      { text: "Designed a churn model in {tool:lang} with {tool:ml} that lifted retention campaign conversion by {n:8-20}%.", from: "mid" },
      { text: "Cut the nightly {tool:pipeline} run from {n:5-8} hours to {n:35-90} minutes by rewriting the heaviest joins." },
      { text: "Ran {n:15-40} A/B tests a year and wrote the team's experiment-analysis guidelines.", from: "mid" },
      { text: "Built {tool:bi} dashboards used weekly by {n:40-250} people across sales and operations." },
      { text: "Introduced data quality checks on {n:20-80} tables, catching {n:70-95}% of broken loads before they reached reports." },
      { text: "Forecast {pick:demand|revenue|staffing} for {n:40-300} {pick:stores|products|sites} with a {d:4.1-9.8}% mean error." },
      { text: "Led a team of {n:3-7} analysts and set up the company's first metrics layer.", from: "lead" },
      { text: "Mentored {n:2-4} junior analysts in SQL and statistics.", from: "senior" },
      { text: "Automated {n:5-15} weekly reports in {tool:lang}, saving the team about {n:4-10} hours a week.", juniorOnly: true },
    ],
    projects: [
      "{project}: an open dataset explorer built with {tool:lang} and {tool:bi}.",
      "{project} — a forecasting notebook for {pick:bike-share|energy|footfall} data using {tool:ml}.",
    ],
    skills: [
      { label: "Languages", items: ["{tool:lang}", "{tool:lang}", "{tool:lang}"] },
      { label: "Data", items: ["{tool:warehouse}", "{tool:pipeline}", "{tool:pipeline}"] },
      { label: "Analysis", items: ["A/B testing", "Statistics", "{tool:ml}"] },
      { label: "Visualisation", items: ["{tool:bi}", "Excel"] },
    ],
    education: ["BSc Mathematics, University of {place}", "MSc Data Science, University of {place}"],
    headline: "{years} turning {domain} data into decisions",
    summary: "{core} with {years} turning {domain} data into decisions people act on",
  },
  {
    field: "software",
    match: /\b(?:engineer\w*|developer|programmer|devops|sre|architect|software|front-?end|back-?end|full[- ]?stack|mobile|ios|android|web|platform|cto)\b/i,
    ladder: (core) => ({ rungs: prefixed(core), entry: "Software Engineering Intern" }),
    defaultCore: "Software Engineer",
    organisations: { kind: "company", suffixes: ["ly", "io", " Labs", " Systems", "works", " Software", "stack", "base"] },
    tools: {
      lang: ["Go", "TypeScript", "Python", "Java", "Kotlin", "Node.js"],
      front: ["React", "Next.js", "Vue", "TypeScript"],
      data: ["PostgreSQL", "MySQL", "MongoDB", "DynamoDB"],
      cache: ["Redis"],
      queue: ["Kafka", "RabbitMQ", "SQS"],
      infra: ["Kubernetes", "Docker"],
      iac: ["Terraform", "Pulumi"],
      cloud: ["AWS", "GCP", "Azure"],
      test: ["Playwright", "Jest", "pytest", "Cypress"],
      ci: ["GitHub Actions", "GitLab CI", "Jenkins"],
      obs: ["Prometheus", "Grafana", "Datadog"],
      mobile: ["React Native", "Swift", "Kotlin", "Flutter"],
    },
    bullets: [
      { text: "Led the migration of the {pick:dispatch|billing|search|notifications|booking} service to {tool:infra}, cutting deploy time from {n:30-55} to {n:4-9} minutes.", from: "mid", when: /back|platform|devops|sre|infra|cloud|full|software|engineer/i, unless: SERVER_LESS },
      { text: "Designed an event pipeline on {tool:queue} handling {n:3-25}k messages per second.", from: "mid", when: /back|platform|full|software|engineer|data/i, unless: SERVER_LESS },
      { text: "Built the {pick:checkout|onboarding|reporting|payouts|inventory} API in {tool:lang} with {tool:data}, serving {n:2-9} million requests a day.", when: /back|full|software|engineer|developer/i, unless: SERVER_LESS },
      { text: "Cut p95 latency of the {pick:search|pricing|account|order} endpoint by {n:30-65}% with {tool:cache} caching and query fixes.", when: /back|full|software|engineer|developer|platform/i, unless: SERVER_LESS },
      { text: "Introduced contract tests with {tool:test}, reducing production incidents by {n:20-50}% over {n:2-4} quarters." },
      { text: "Set up CI/CD pipelines in {tool:ci}, taking releases from weekly to {n:5-20} times a day.", when: /devops|sre|platform|infra|back|full|software|engineer/i, unless: MOBILE },
      { text: "Rebuilt the {pick:checkout|sign-up|settings|search} flow in {tool:front}, raising conversion by {n:4-15}%.", when: /front|full|web|ui/i },
      { text: "Cut the bundle size of the {tool:front} web app by {n:30-60}%, bringing load time under {n:2-3} seconds.", when: /front|full|web|ui/i },
      { text: "Fixed {n:40-120} accessibility issues, reaching WCAG AA across {n:20-60} screens.", when: /front|web|ui|mobile/i },
      { text: "Shipped the {pick:offline mode|payments screen|onboarding flow} of the {tool:mobile} app to {n:80-400}k users with a crash-free rate of {d:99.1-99.9}%.", when: /mobile|ios|android/i },
      { text: "Wrote {tool:iac} modules for {n:10-40} services and moved them to {tool:cloud}, cutting hosting costs by {n:15-35}%.", when: /devops|sre|platform|infra|cloud|back/i },
      { text: "Ran incident response for {n:5-20} production incidents and introduced blameless post-mortems with {tool:obs} dashboards.", from: "mid", when: /devops|sre|platform|infra|back|software|engineer/i, unless: SERVER_LESS },
      { text: "Rebuilt the {pick:checkout|onboarding|settings} screens in {tool:mobile}, cutting crash reports by {n:30-60}%.", when: MOBILE },
      { text: "Cut app start-up time from {d:2.5-4.0} to {d:0.8-1.5} seconds on older devices.", when: MOBILE },
      { text: "Released the {tool:mobile} app every {n:1-2} weeks with staged rollouts and feature flags.", from: "mid", when: MOBILE },
      { text: "Built {n:20-60} reusable {tool:front} components for the design system, used by {n:3-8} teams.", from: "mid", when: FRONT },
      { text: "Mentored {n:2-5} junior engineers through their first on-call rotation.", from: "senior" },
      { text: "Led a team of {n:4-9} engineers delivering the {domain} platform, and hired {n:3-6} of them.", from: "lead" },
      { text: "Set the technical roadmap for {n:3-6} teams and chaired the architecture review.", from: "lead" },
      { text: "Fixed {n:30-90} bugs in the {tool:lang} codebase and wrote the team's onboarding guide.", juniorOnly: true },
      { text: "Added automated tests with {tool:test}, raising coverage from {n:35-50}% to {n:70-85}%.", juniorOnly: true },
    ],
    projects: [
      "{project}: open-source {pick:route optimiser|rate limiter|feature-flag service|static site generator|command-line secrets manager} written in {tool:lang}.",
      "{project} — a {pick:budgeting|habit-tracking|recipe-sharing} app built with {tool:front} and {tool:data}.",
    ],
    skills: [
      { label: "Languages", items: ["{tool:lang}", "{tool:lang}", "{tool:lang}"] },
      { label: "Infrastructure", items: ["{tool:infra}", "{tool:iac}", "{tool:cloud}"] },
      { label: "Data", items: ["{tool:data}", "{tool:cache}", "{tool:queue}"] },
      { label: "Mobile", items: ["{tool:mobile}", "{tool:mobile}"], when: MOBILE },
      { label: "Front end", items: ["{tool:front}", "{tool:front}", "{tool:test}"], when: FRONT },
      { label: "Testing", items: ["{tool:test}", "{tool:ci}"] },
    ],
    education: ["BSc Computer Science, University of {place}", "MEng Software Engineering, University of {place}"],
    headline: "{years} building {domain} software",
    summary: "{core} with {years} building reliable {domain} systems",
  },
  {
    field: "general",
    match: /./,
    ladder: (core) => ({ rungs: prefixed(core), entry: "Graduate Trainee" }),
    defaultCore: "Coordinator",
    organisations: { kind: "company", suffixes: [" Group", " Partners", " Services", "works", " Ltd"] },
    tools: { office: ["Excel"], tracker: ["Jira"] },
    bullets: [
      { text: "Coordinated {n:10-40} projects a year across {n:3-6} departments, delivering {n:85-98}% of them on time." },
      { text: "Cut the average response time to customer requests from {n:2-4} days to {n:4-12} hours." },
      { text: "Introduced a shared tracker in {tool:office} that replaced {n:5-12} separate spreadsheets." },
      { text: "Managed a budget of £{n:50-400}k and came in {n:3-9}% under.", from: "mid" },
      { text: "Trained {n:5-15} new starters on the team's processes.", from: "mid" },
      { text: "Led a team of {n:4-10} and cut staff turnover by {n:15-35}%.", from: "lead" },
      { text: "Mentored {n:2-4} junior colleagues through their first year.", from: "senior" },
      { text: "Prepared {n:5-12} weekly reports for the management team.", juniorOnly: true },
      { text: "Organised {n:4-12} company events a year for up to {n:50-200} people." },
      { text: "Handled {n:30-80} supplier invoices a month with no late payments." },
    ],
    projects: [],
    skills: [
      { label: "Core", items: ["project coordination", "reporting", "Stakeholder management"] },
      { label: "Tools", items: ["{tool:office}", "{tool:tracker}"] },
    ],
    education: ["BA (Hons) Business Management, University of {place}"],
    headline: "{years} in {coreLower} roles",
    summary: "{core} with {years} of reliable, well-organised work across busy teams",
  },
];

const GENERAL = FIELD_PROFILES[FIELD_PROFILES.length - 1]!;

/** The field of a job: from its title, or else from what its description keeps mentioning. */
export function fieldProfileFor(jobTitle: string, jobDescription = ""): FieldProfile {
  const byTitle = FIELD_PROFILES.find((p) => p !== GENERAL && p.match.test(jobTitle));
  if (byTitle) return byTitle;
  const mentions = (p: FieldProfile) => jobDescription.match(new RegExp(p.match.source, "gi"))?.length ?? 0;
  const best = FIELD_PROFILES.filter((p) => p !== GENERAL).sort((a, b) => mentions(b) - mentions(a))[0];
  return best && mentions(best) >= 2 ? best : GENERAL;
}

/** The field a job belongs to ("kitchen" for a Head Chef), as the persona CV sees it. */
export const jobFieldOf = (jobTitle: string, jobDescription?: string): Field => fieldProfileFor(jobTitle, jobDescription).field;
