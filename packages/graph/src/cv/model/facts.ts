import { fnv1a, stem, stemSet } from "../../text/words.js";
import { dateValue } from "./dates.js";
import type { Bullet, CvDate, CvModel, ExperienceEntry, ProjectEntry, SkillKind, YearMonth } from "./types.js";
import { SKILL_KINDS } from "./types.js";

/** The role a fact belongs to. */
export interface RoleRef {
  title?: string;
  organisation?: string;
  start?: YearMonth;
  end?: CvDate;
}

interface FactBase {
  /** Stable across parses of the same CV: used to avoid asking about one thing twice. */
  key: string;
  /** A short phrase naming the fact, usable as the question's topic and as a retrieval query. */
  label: string;
  technologies: string[];
  metrics: string[];
  /** Month number of the fact's end (present = now), for recency; 0 when undated. */
  when: number;
}

export interface BulletFact extends FactBase {
  kind: "bullet";
  bullet: Bullet;
  role: RoleRef;
}
export interface ProjectFact extends FactBase {
  kind: "project";
  project: ProjectEntry;
}
export interface RoleFact extends FactBase {
  kind: "role";
  role: RoleRef;
  bullets: Bullet[];
}
export interface SkillFact extends FactBase {
  kind: "skill";
  skill: string;
  skillKind: SkillKind;
  /** Keys of the bullet and project facts that show the skill in use. */
  evidence: string[];
}
export type CvFact = BulletFact | ProjectFact | RoleFact | SkillFact;

const slug = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
const roleRef = (e: ExperienceEntry): RoleRef => ({
  ...(e.title ? { title: e.title } : {}),
  ...(e.organisation ? { organisation: e.organisation } : {}),
  ...(e.start ? { start: e.start } : {}),
  ...(e.end ? { end: e.end } : {}),
});
const nowValue = () => dateValue({ year: new Date().getFullYear(), month: new Date().getMonth() + 1 });
const whenOf = (end: CvDate | undefined, start?: YearMonth) =>
  end === "present" ? nowValue() : dateValue(end ?? start);

/** "a Kafka event pipeline" → "the Kafka event pipeline": a label names something already known. */
export function definite(phrase: string): string {
  return phrase.replace(/^(?:a|an)\s+/i, "the ");
}

function bulletLabel(bullet: Bullet, role: RoleRef): string {
  const what = bullet.object ? definite(bullet.object) : bullet.text.replace(/[.;]$/, "").split(/\s+/).slice(0, 8).join(" ");
  return role.organisation ? `${what} at ${role.organisation}` : what;
}

/** The things a question can be about: each bullet, project, role and skill of the CV. */
export function cvFacts(model: CvModel): CvFact[] {
  const facts: CvFact[] = [];
  for (const entry of model.experience) {
    const role = roleRef(entry);
    const when = whenOf(entry.end, entry.start);
    const roleKey = `role:${slug(entry.organisation ?? "")}:${slug(entry.title ?? "")}`;
    facts.push({
      kind: "role",
      key: roleKey,
      label: [entry.title, entry.organisation].filter(Boolean).join(" at "),
      role,
      bullets: entry.bullets,
      technologies: [...new Set(entry.bullets.flatMap((b) => b.technologies))],
      metrics: entry.bullets.flatMap((b) => b.metrics),
      when,
    });
    for (const bullet of entry.bullets) {
      facts.push({
        kind: "bullet",
        key: `bullet:${slug(entry.organisation ?? "")}:${fnv1a(bullet.text.toLowerCase()).toString(36)}`,
        label: bulletLabel(bullet, role),
        bullet,
        role,
        technologies: bullet.technologies,
        metrics: bullet.metrics,
        when,
      });
    }
  }
  for (const project of model.projects) {
    facts.push({
      kind: "project",
      key: `project:${slug(project.name)}`,
      label: project.name,
      project,
      technologies: project.technologies,
      metrics: project.bullets.flatMap((b) => b.metrics),
      when: whenOf(project.end, project.start),
    });
  }
  const work = facts.filter((f): f is BulletFact | ProjectFact => f.kind === "bullet" || f.kind === "project");
  for (const kind of SKILL_KINDS) {
    for (const skill of model.skills[kind]) {
      const lower = skill.toLowerCase();
      const named = new RegExp(`(?<![\\p{L}\\p{N}])${lower.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}+#])`, "iu");
      const evidence = work.filter((f) => f.technologies.some((t) => t.toLowerCase() === lower) || named.test(textOf(f)));
      facts.push({
        kind: "skill",
        key: `skill:${slug(skill)}`,
        label: skill,
        skill,
        skillKind: kind,
        evidence: evidence.map((f) => f.key),
        technologies: [skill],
        metrics: [],
        when: Math.max(0, ...evidence.map((f) => f.when)),
      });
    }
  }
  return facts;
}

const textOf = (fact: CvFact): string => {
  switch (fact.kind) {
    case "bullet":
      return `${fact.bullet.text} ${fact.role.title ?? ""} ${fact.role.organisation ?? ""}`;
    case "project":
      return `${fact.project.name} ${fact.project.description ?? ""} ${fact.project.bullets.map((b) => b.text).join(" ")}`;
    case "role":
      return `${fact.label} ${fact.bullets.map((b) => b.text).join(" ")}`;
    case "skill":
      return fact.skill;
  }
};

export interface JobForRanking {
  title: string;
  description?: string;
  terms: string[];
}

/**
 * The facts most worth asking about first: those sharing words and technologies with the job,
 * recent ones, and those with figures to dig into. Ties keep the CV's order.
 */
export function rankFacts(facts: CvFact[], job: JobForRanking): CvFact[] {
  const jobStems = stemSet(`${job.title} ${job.description ?? ""} ${job.terms.join(" ")}`);
  const jobTerms = new Set(job.terms.map((t) => t.toLowerCase()));
  const latest = Math.max(0, ...facts.map((f) => f.when));
  const earliest = Math.min(...facts.filter((f) => f.when > 0).map((f) => f.when), latest);
  const span = Math.max(12, latest - earliest);
  const score = (fact: CvFact) => {
    const stems = stemSet(textOf(fact));
    const overlap = [...stems].filter((s) => jobStems.has(s)).length;
    const techHits = fact.technologies.filter((t) => jobTerms.has(t.toLowerCase()) || jobStems.has(stem(t.toLowerCase()))).length;
    const recency = fact.when > 0 ? (fact.when - earliest) / span : 0.3;
    const evidence = fact.kind === "skill" ? Math.min(1, fact.evidence.length / 2) : 0;
    return Math.min(4, overlap) * 0.6 + techHits * 1.2 + recency * 1.5 + Math.min(1, fact.metrics.length) * 0.8 + evidence;
  };
  return facts
    .map((fact, i) => ({ fact, i, s: score(fact) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map(({ fact }) => fact);
}
