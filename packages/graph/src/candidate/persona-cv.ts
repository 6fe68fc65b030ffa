import { findTechnologies } from "../text/lexicon.js";
import { fieldProfileFor, PRIMARY, teachingSubject, type BulletTemplate, type FieldProfile } from "./fields.js";
import { between, pick, seededRandom, shuffled, type Random } from "./random.js";
import { capitalise, spokenTitle } from "./spoken.js";
import { relatedTechnologies } from "./technology-families.js";
import type { Seniority } from "./types.js";

export interface PersonaCvInput {
  jobTitle: string;
  jobDescription?: string;
  company?: string;
  seniority: Seniority;
  seed: string;
  /** The year the CV is written in, so that the current role runs to the present; defaults to this year. */
  year?: number;
}

/* Fictional names, places and organisations: invented compounds, so no real company is named. */
const FIRST_NAMES = ["Maya", "Tomás", "Priya", "Jonah", "Amara", "Lukas", "Noor", "Elena", "Kwame", "Sofia", "Ravi", "Hana", "Owen", "Leila", "Mateo", "Ines", "Daniel", "Yara", "Felix", "Zara"];
const LAST_NAMES = ["Okafor", "Lindqvist", "Raman", "Achterberg", "Mensah", "Varga", "Castellano", "Holloway", "Nakamura", "Whitfield", "Adeyemi", "Kowalczyk", "Ferreira", "Brennan", "Sato", "Delacroix", "Mwangi", "Halvorsen"];
const PLACES = ["Ashmere", "Brackenford", "Callowdale", "Dunmoor", "Elmsworth", "Fallowmere", "Greywater", "Hollinsby", "Kestrelton", "Marrowby", "Northcombe", "Wrenhaven"];
const COMPANY_STEMS = ["Parcel", "Ledger", "Quill", "Bramble", "Tidal", "Kestrel", "Lumen", "Copper", "Fable", "Juniper", "Marlow", "Cinder", "Pebble", "Saffron", "Wren", "Nimbus", "Tansy", "Halcyon"];
const VENUE_NAMES = ["The Copper Pan", "Bramble & Thyme", "The Juniper", "Saffron Lane", "The Linden", "Ember & Oak", "The Olive Room", "Harbourside", "The Wren", "Fennel"];
const PROJECT_STEMS = ["Route", "Ledger", "Flag", "Tide", "Relay", "Sprout", "Atlas", "Beacon"];
const PROJECT_SUFFIXES = ["Wise", "Lite", "Kit", "Box", "Forge", "Works"];
const DOMAINS = ["logistics", "payments", "retail", "healthcare", "travel", "energy", "insurance", "education", "media", "hospitality"];

const LEVEL: Record<Seniority, number> = { junior: 0, mid: 1, senior: 2, lead: 3 };
const YEARS: Record<Seniority, [number, number]> = { junior: [1, 3], mid: [3, 6], senior: [6, 10], lead: [10, 15] };
const ROLES: Record<Seniority, [number, number]> = { junior: [2, 2], mid: [2, 3], senior: [3, 3], lead: [3, 4] };
const SENIORITY_WORDS = /\b(?:junior|jr\.?|senior|sr\.?|lead|principal|staff|head of|mid-?level|graduate|intern|trainee|associate|chief|entry-level|experienced)\b/gi;
/** What is left of "Head of Product" is a department, not a job: the field's usual title stands in. */
const DEPARTMENT = /^(?:product|engineering|sales|marketing|design|data|operations|people|finance|technology|growth|content|it)$/i;

/** The job title without its level ("Senior Backend Engineer" → "Backend Engineer"). */
function coreTitle(jobTitle: string, profile: FieldProfile): string {
  const core = jobTitle.replace(SENIORITY_WORDS, " ").replace(/\s+/g, " ").replace(/^[\s,-]+|[\s,-]+$/g, "");
  return core && !DEPARTMENT.test(core) ? core : profile.defaultCore;
}

/** Each pool's tools in a seeded order, with the technologies the job names first. */
function toolPools(profile: FieldProfile, random: Random, jobTechs: string[]): Record<string, string[]> {
  const pools = Object.fromEntries(Object.entries(profile.tools).map(([name, items]) => [name, shuffled(random, items)]));
  for (const tech of [...jobTechs].reverse()) {
    // The pool that has it already, or else the one with most of its kind: iOS goes with Swift, not with Go.
    const kin = (items: string[]) => (items.includes(tech) ? 100 : relatedTechnologies(tech, items).length);
    const [home] = Object.entries(pools).sort(([, a], [, b]) => kin(b) - kin(a))[0] ?? [];
    if (!home || kin(pools[home]!) === 0) continue;
    pools[home] = [tech, ...pools[home]!.filter((t) => t !== tech)];
  }
  return pools;
}

class Filler {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly random: Random,
    private readonly pools: Record<string, string[]>,
    private readonly values: Record<string, string>,
  ) {}

  /** The pool's next tool, cycling, so one CV spreads over its tools. */
  tool(pool: string): string {
    const items = this.pools[pool] ?? [];
    const i = this.next.get(pool) ?? 0;
    this.next.set(pool, i + 1);
    return items[i % Math.max(1, items.length)] ?? "";
  }

  fill(template: string): string {
    return template.replace(/\{(\w+)(?::([^}]*))?\}/g, (_, key: string, arg?: string) => {
      if (key === "tool") return this.tool(arg ?? "");
      if (key === "pick") return pick(this.random, (arg ?? "").split("|"));
      if (key === "n" || key === "d") {
        const [min = 0, max = min] = (arg ?? "").split("-").map(Number);
        if (key === "n") return String(between(this.random, min, max));
        return (min + this.random() * (max - min)).toFixed(1);
      }
      return this.values[key] ?? "";
    });
  }
}

/** Splits a career's years over its roles, at least a year each, the current role the longest. */
function durations(random: Random, total: number, count: number): number[] {
  const weights = Array.from({ length: count }, (_, i) => (i === 0 ? 1.5 : 1) * (0.75 + random() / 2));
  const sum = weights.reduce((a, b) => a + b, 0);
  const years = weights.map((w) => Math.max(1, Math.round((total * w) / sum)));
  years[0] = Math.max(1, years[0]! + total - years.reduce((a, b) => a + b, 0));
  return years;
}

/** "Quill" + "ly" reads "Quilly", "Fable" + "ly" reads "Fably". */
function joinName(stem: string, suffix: string): string {
  if (suffix !== "ly") return `${stem}${suffix}`;
  if (/l$/.test(stem)) return `${stem}y`;
  if (/le$/.test(stem)) return `${stem.slice(0, -1)}y`;
  return /e$/.test(stem) ? `${stem.slice(0, -1)}ly` : `${stem}ly`;
}

function organisationNames(profile: FieldProfile, random: Random, count: number, company: string | undefined, primary: boolean): string[] {
  const taken = new Set([company?.toLowerCase() ?? ""]);
  const names: string[] = [];
  for (let guard = 0; names.length < count && guard < 100; guard++) {
    const { kind, primarySuffixes } = profile.organisations;
    const suffixes = (primary && primarySuffixes) || profile.organisations.suffixes;
    const name =
      kind === "venue"
        ? `${pick(random, VENUE_NAMES)}${random() < 0.4 ? ` ${pick(random, suffixes)}` : ""}`
        : kind === "place"
          ? `${pick(random, PLACES)} ${pick(random, suffixes)}`
          : joinName(pick(random, COMPANY_STEMS), pick(random, suffixes));
    // One organisation per stem: "Cinder Labs" and "Cinder Systems" would read as the same company.
    const stem = name.toLowerCase().replace(/^the\s+/, "").split(/[\s&]/)[0]!.slice(0, 5);
    if (taken.has(name.toLowerCase()) || taken.has(stem)) continue;
    taken.add(name.toLowerCase());
    taken.add(stem);
    names.push(name);
  }
  return names;
}

interface Career {
  /** The Experience section's lines: each role, then its bullets. */
  lines: string[];
  roles: { title: string; org: string }[];
  /** The year the first job started. */
  start: number;
}

/** Roles from the current one back, each a rung lower on the field's ladder, with bullets that fit the rung. */
function careerOf(input: PersonaCvInput, profile: FieldProfile, filler: Filler, random: Random, total: number, primary: boolean): Career {
  const level = LEVEL[input.seniority];
  const { rungs, entry } = profile.ladder(coreTitle(input.jobTitle, profile), input.jobTitle);
  const roleCount = between(random, ...ROLES[input.seniority]);
  const orgs = organisationNames(profile, random, roleCount, input.company, primary);
  const spans = durations(random, Math.max(total, roleCount), roleCount);
  const fitsJob = (b: BulletTemplate) => (!b.when || b.when.test(input.jobTitle)) && !b.unless?.test(input.jobTitle);
  const available = shuffled(random, profile.bullets.filter(fitsJob));
  const used = new Set<BulletTemplate>();
  const lines: string[] = [];
  const roles: Career["roles"] = [];
  let end = input.year ?? new Date().getFullYear();
  for (let i = 0; i < roleCount; i++) {
    const rung = level - i;
    const title = filler.fill(rung >= 0 ? rungs[rung]! : entry);
    const org = orgs[i] ?? orgs[0]!;
    const start = end - spans[i]!;
    roles.push({ title, org });
    lines.push(`${title} at ${org} (${start} - ${i === 0 ? "Present" : end})`);
    const fits = (b: BulletTemplate) => !used.has(b) && (b.juniorOnly ? rung <= 0 : !b.from || LEVEL[b.from] <= Math.max(0, rung));
    // Fields with few templates keep some for the earlier roles.
    const wanted = i === 0 ? between(random, 3, available.length >= 12 ? 4 : 3) : between(random, 2, 3);
    for (const b of available.filter(fits).slice(0, wanted)) {
      used.add(b);
      lines.push(`- ${filler.fill(b.text)}`);
    }
    end = start;
  }
  return { lines, roles, start: end };
}

/** Skills lines naming each pool's tools in order, so the job's own technologies come first. */
function skillsOf(profile: FieldProfile, pools: Record<string, string[]>, jobTitle: string): string[] {
  return profile.skills
    .filter((line) => !line.when || line.when.test(jobTitle))
    .map(({ label, items }) => {
      const next = new Map<string, number>();
      const filled = items.map((item) =>
        item.replace(/\{tool:(\w+)\}/g, (_, pool: string) => {
          const i = next.get(pool) ?? 0;
          next.set(pool, i + 1);
          return pools[pool]?.[i] ?? "";
        }),
      );
      return { label, items: [...new Set(filled.filter(Boolean))] };
    })
    .filter((line) => line.items.length > 0)
    .map(({ label, items }) => `${label}: ${items.join(", ")}`);
}

/**
 * A plausible CV, as plain text, for an AI candidate when the interviewer uploads none: a fictional
 * person with 2–4 roles in the job's field, bullets with tools and numbers, and skills, projects and
 * education. The same input always gives the same CV.
 */
export function generatePersonaCv(input: PersonaCvInput): string {
  const random = seededRandom(input.seed, input.jobTitle, input.seniority);
  const profile = fieldProfileFor(input.jobTitle, input.jobDescription);
  const core = coreTitle(input.jobTitle, profile);
  const primary = PRIMARY.test(input.jobTitle);
  const subject = primary ? "primary pupils" : teachingSubject(`${input.jobTitle} ${input.jobDescription ?? ""}`);
  const domain = DOMAINS.find((d) => new RegExp(`\\b${d}\\b`, "i").test(input.jobDescription ?? "")) ?? pick(random, DOMAINS);
  const total = between(random, ...YEARS[input.seniority]);
  const pools = toolPools(profile, random, findTechnologies(`${input.jobTitle}\n${input.jobDescription ?? ""}`));
  const filler = new Filler(random, pools, {
    domain,
    subject,
    phase: primary ? "Primary" : `Secondary ${subject}`,
    degreeSubject: primary ? "Education Studies" : subject,
    years: total === 1 ? "1 year" : `${total} years`,
    core,
    coreLower: spokenTitle(core),
  });
  const career = careerOf(input, profile, filler, random, total, primary);
  const current = career.roles[0]!;

  const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
  const email = `${name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, ".")}@example.com`;
  // A number in the range set aside for drama, so it rings no one.
  const phone = `+44 7700 900${between(random, 100, 999)}`;
  const headline = `${current.title} · ${capitalise(filler.fill(profile.headline))}`;
  // The summary speaks of the job the persona holds now, which for a junior is below the advertised one.
  const summary = capitalise(filler.fill(profile.summary.replace("{core}", spokenTitle(current.title))));
  const sections = [
    [name, headline, `${email} · ${phone} · ${pick(random, PLACES)}`].join("\n"),
    `Summary\n${summary}, most recently at ${current.org}.`,
    `Experience\n${career.lines.join("\n")}`,
  ];
  if (profile.projects.length > 0) {
    const projects = shuffled(random, profile.projects)
      .slice(0, input.seniority === "junior" ? 2 : 1)
      .map((p) => filler.fill(p.replace("{project}", `${pick(random, PROJECT_STEMS)}${pick(random, PROJECT_SUFFIXES)}`)));
    sections.push(`Projects\n${projects.join("\n")}`);
  }
  sections.push(`Skills\n${skillsOf(profile, pools, input.jobTitle).join("\n")}`);
  sections.push(`Education\n${education(profile, filler, random, career.start, input.seniority)}`);
  return `${sections.join("\n\n")}\n`;
}

function education(profile: FieldProfile, filler: Filler, random: Random, careerStart: number, seniority: Seniority): string {
  const place = pick(random, PLACES);
  const [latest, first] = profile.education;
  if (profile.field === "teaching" && latest && first) {
    return [
      `${filler.fill(latest.replace("{place}", place))} (${careerStart - 1} - ${careerStart})`,
      `${filler.fill(first.replace("{place}", pick(random, PLACES)))} (${careerStart - 4} - ${careerStart - 1})`,
    ].join("\n");
  }
  const degree = profile.education.length > 1 && seniority !== "junior" ? pick(random, profile.education) : profile.education[0]!;
  const length = /diploma|level \d/i.test(degree) ? 2 : 3;
  return `${filler.fill(degree.replace("{place}", place))} (${careerStart - length} - ${careerStart})`;
}
