import { definite } from "../../../cv/model/facts.js";
import type { BulletFact, ProjectFact, RoleRef } from "../../../cv/model/facts.js";
import type { Bullet } from "../../../cv/model/types.js";
import { skillKind } from "../../../cv/model/skill-kinds.js";
import { stemSet } from "../../../text/words.js";
import { factDomain, jobDomain, type Domain } from "./domain.js";
import { lowerFirst, lowerTitle, withArticle } from "./english.js";
import type { ComposeInput } from "./types.js";

/**
 * The typed pieces a template can use. A template names the slots it needs and is only used when
 * the focus provides them all, so no question has an empty slot.
 */
export interface Slots {
  /** The job title as given ("Backend Engineer"), and in running text ("backend engineer"). */
  jobTitle: string;
  job: string;
  /** "a backend engineer", "an SRE". */
  aJob: string;
  company?: string;
  /** The organisation the fact belongs to. */
  org?: string;
  /** The candidate's role there, in running text ("site reliability engineer"). */
  role?: string;
  /** "a site reliability engineer". */
  aRole?: string;
  project?: string;
  /** "an open-source route optimiser written in Go". */
  projectWhat?: string;
  /** Second person: "you led the migration of the dispatch service to Kubernetes". */
  did?: string;
  /** The whole achievement in the second person: "you led the migration …, cutting deploy time from 40 to 6 minutes". */
  didFull?: string;
  /** Like `thing`, only for something the candidate made ("the Kafka event pipeline you designed"). */
  built?: string;
  /** A noun phrase with its verb: "the migration of the dispatch service to Kubernetes you led". */
  thing?: string;
  metric?: string;
  /** A named technology of the fact or skill ("Kafka"). */
  tech?: string;
  /** The skill of a skill focus: technologies as named, practices in lower case. */
  skill?: string;
  /** The skill when it is a named technology ("Kafka"), or a practice ("incident response"). */
  tool?: string;
  practice?: string;
  /** Where the CV shows the skill: "at Parcelly you designed a Kafka event pipeline". */
  evidence?: string;
  /** Whether the job, and the focus, are software work or another trade. */
  domain: Domain;
  focusDomain?: Domain;
}

export type SlotName = Exclude<keyof Slots, "domain" | "focusDomain">;

const PRACTICE_KINDS = new Set(["practice", "soft_skill", "other"]);
const isAcronym = (w: string) => /^[\p{Lu}\d/&+.-]{2,}$/u.test(w);

/** Skills in running text: named technologies as written, practices in lower case ("observability"). */
export function skillText(skill: string, practice: boolean): string {
  if (!practice) return skill;
  return skill
    .split(/\s+/)
    .map((w) => (isAcronym(w) ? w : w.toLowerCase()))
    .join(" ");
}

/** Of a title like "Founding Member & Site Reliability Engineer & Infrastructure Team Lead", the part nearest the job. */
export function shortRole(title: string, jobTitle: string): string {
  const parts = title.split(/\s*(?:&|\/|,|\band\b|\+)\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length <= 1) return lowerTitle(title);
  const job = stemSet(jobTitle);
  const scored = parts
    .filter((p) => !/^(?:founding\s+)?(?:team\s+)?member$/i.test(p))
    .map((p, i) => ({ p, i, s: [...stemSet(p)].filter((w) => job.has(w)).length }));
  const best = scored.sort((a, b) => b.s - a.s || a.i - b.i)[0]?.p ?? parts[0]!;
  return lowerTitle(best);
}

/** Verbs of making something one could rebuild or redesign. */
const MAKING_VERBS = /^(?:built|build|designed|design|created|create|developed|develop|wrote|write|shipped|launched|introduced|set|implemented|rebuilt|architected|founded|made|established|automated|redesigned|co-designed)$/;
const actionWord = (word: string | undefined) => word?.toLowerCase().replace(/[,:;]$/, "");

/** "the card settlement API in Go with PostgreSQL" → "the card settlement API": the tools have slots of their own. */
function withoutToolTail(object: string): string {
  const name = String.raw`[\p{Lu}][\p{L}\p{N}.+#/-]*(?:\s+[\p{Lu}][\p{L}\p{N}.+#/-]*)?`;
  const cut = object.replace(new RegExp(String.raw`\s+(?:in|with|using|on|via|from)\s+${name}(?:(?:,\s*|\s+(?:and|&|with)\s+)${name})*$`, "u"), "");
  return cut.split(/\s+/).length >= 2 ? cut : object;
}

function bulletSlots(bullet: Bullet, role: RoleRef, jobTitle: string): Partial<Slots> {
  const out: Partial<Slots> = {};
  if (role.organisation) out.org = role.organisation;
  if (role.title) {
    out.role = shortRole(role.title, jobTitle);
    out.aRole = withArticle(out.role);
  }
  if (bullet.action && bullet.object) {
    const object = lowerFirst(bullet.object);
    out.did = `you ${bullet.action} ${object}`;
    const noun = definite(withoutToolTail(object)).replace(/^(?!the |your |\d)/i, "the ");
    out.thing = `${noun} you ${bullet.action}`;
    if (MAKING_VERBS.test(bullet.action)) out.built = out.thing;
    const sentence = bullet.text.replace(/[.;]\s.*$|[.;]$/, "");
    const words = sentence.split(/\s+/);
    if (words.length <= 24 && actionWord(words[0]) === bullet.action) out.didFull = `you ${bullet.action} ${lowerFirst(words.slice(1).join(" "))}`;
  }
  if (bullet.metrics[0]) out.metric = bullet.metrics[0];
  const tech = bullet.technologies.find((t) => /\p{Lu}/u.test(t[0] ?? "") && !/^(?:Caching|Observability|Security|Leadership|Mentoring|Budgeting|Statistics)$/.test(t));
  if (tech) out.tech = tech;
  return out;
}

function projectSlots(fact: ProjectFact): Partial<Slots> {
  const p = fact.project;
  const out: Partial<Slots> = { project: p.name };
  const what = p.description?.replace(/^(?:an?|the)\s+/i, "");
  if (what && what.split(/\s+/).length <= 12) out.projectWhat = withArticle(lowerFirst(what));
  if (p.technologies[0]) out.tech = p.technologies[0];
  const metric = p.bullets.flatMap((b) => b.metrics)[0];
  if (metric) out.metric = metric;
  return out;
}

function evidenceText(evidence: BulletFact | ProjectFact, skill: string): string | undefined {
  if (evidence.kind === "project") return `you used ${skill} in ${evidence.project.name}`;
  const b = evidence.bullet;
  if (!b.action || !b.object) return undefined;
  const where = evidence.role.organisation ? `at ${evidence.role.organisation} ` : "";
  return `${where}you ${b.action} ${lowerFirst(b.object)}`;
}

export function slotsFor(input: ComposeInput): Slots {
  const { job, focus } = input;
  const jobText = lowerTitle(job.title);
  const slots: Slots = { jobTitle: job.title, job: jobText, aJob: withArticle(jobText), domain: jobDomain(job) };
  if (job.company) slots.company = job.company;
  const fact = focus.fact;
  const domain = factDomain(fact) ?? (focus.evidence ? factDomain(focus.evidence) : undefined);
  if (domain) slots.focusDomain = domain;
  if (fact?.kind === "bullet") Object.assign(slots, bulletSlots(fact.bullet, fact.role, job.title));
  if (fact?.kind === "role") Object.assign(slots, bulletSlots({ text: "", technologies: fact.technologies, metrics: fact.metrics }, fact.role, job.title));
  if (fact?.kind === "project") Object.assign(slots, projectSlots(fact));
  if (focus.skill) {
    const practice = PRACTICE_KINDS.has(fact?.kind === "skill" ? fact.skillKind : skillKind(focus.skill));
    slots.skill = skillText(focus.skill, practice);
    if (practice) slots.practice = slots.skill;
    else slots.tool = slots.skill;
    const evidence = focus.evidence && evidenceText(focus.evidence, slots.skill);
    if (evidence) slots.evidence = evidence;
    if (focus.evidence?.kind === "bullet" && focus.evidence.role.organisation) slots.org = focus.evidence.role.organisation;
  }
  return slots;
}
