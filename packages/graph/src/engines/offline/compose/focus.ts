import type { BulletFact, CvFact, ProjectFact, RoleFact, SkillFact } from "../../../cv/model/facts.js";
import { skillKind } from "../../../cv/model/skill-kinds.js";
import { cvTechnologies } from "../../../cv/model/technologies.js";
import type { Phase } from "../../../types.js";
import { skillsForRole } from "./domain.js";
import type { JobInfo, QuestionFocus } from "./types.js";

export interface FocusInput {
  phase: Phase;
  /** The CV's facts, best first (cv/model rankFacts); empty without a CV. */
  facts: CvFact[];
  job: JobInfo;
  /** Keys of the focuses of the main questions asked so far. */
  usedKeys: string[];
}

const slug = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
const skillKey = (skill: string) => `skill:${slug(skill)}`;

/** A bullet worth a whole question: it says what was done and gives a figure, a tool or detail. */
const substantial = (f: BulletFact) =>
  !!f.bullet.action && !!f.bullet.object && (f.metrics.length > 0 || f.technologies.length > 0 || f.bullet.text.split(/\s+/).length >= 10);

function fromFact(fact: CvFact): QuestionFocus {
  switch (fact.kind) {
    case "bullet":
      return { key: fact.key, kind: "bullet", label: fact.label, fact };
    case "project":
      return { key: fact.key, kind: "project", label: fact.label, fact };
    case "role":
      return { key: fact.key, kind: "role", label: fact.label, fact };
    case "skill":
      return { key: fact.key, kind: "cv_skill", label: fact.label, fact, skill: fact.skill };
  }
}

function evidenceFor(skill: SkillFact | undefined, facts: CvFact[], used: Set<string>): BulletFact | ProjectFact | undefined {
  if (!skill) return undefined;
  const byKey = new Map(facts.map((f) => [f.key, f]));
  const options = skill.evidence.map((k) => byKey.get(k)).filter((f): f is BulletFact | ProjectFact => !!f && (f.kind === "bullet" || f.kind === "project"));
  return options.find((f) => !used.has(f.key)) ?? options[0];
}

/** Job terms worth a question of their own: technologies and multi-word skills, not stray words. */
function jobSkills(job: JobInfo): string[] {
  // Soft skills in a description ("we are hiring") are not what a role-skills question is about.
  const techs = cvTechnologies(`${job.title}\n${job.description ?? ""}`).filter((t) => skillKind(t) !== "soft_skill");
  const phrases = job.terms.filter((t) => t.includes(" ") && !techs.includes(t));
  return [...new Set([...techs, ...phrases, ...skillsForRole(job.title)])];
}

/** What the next main question is about: a fact or skill not asked about yet, fitting the phase. */
export function chooseFocus(input: FocusInput): QuestionFocus {
  const { phase, facts, job } = input;
  const used = new Set(input.usedKeys);
  const fresh = <T extends CvFact>(items: T[]) => items.find((f) => !used.has(f.key));
  const roles = facts.filter((f): f is RoleFact => f.kind === "role");
  const latestRole = [...roles].sort((a, b) => b.when - a.when)[0];
  const skills = facts.filter((f): f is SkillFact => f.kind === "skill");
  const jobWants = new Set(jobSkills(job).map((s) => s.toLowerCase()));

  switch (phase) {
    case "intro": {
      const focus: QuestionFocus = { key: "background", kind: "background", label: latestRole?.label || job.title };
      return latestRole ? { ...focus, fact: latestRole } : focus;
    }
    case "closing":
      return { key: "company", kind: "company", label: job.company ?? job.title };
    case "projects": {
      // Alternate projects and achievements, never the same role twice in a row.
      const usedOrgs = new Set(facts.filter((f): f is BulletFact => f.kind === "bullet" && used.has(f.key)).map((f) => f.role.organisation));
      const projects = facts.filter((f): f is ProjectFact => f.kind === "project");
      const bullets = facts.filter((f): f is BulletFact => f.kind === "bullet" && substantial(f));
      const pick =
        fresh(bullets.filter((b) => !usedOrgs.has(b.role.organisation)).slice(0, 3)) ??
        fresh(projects) ??
        fresh(bullets) ??
        fresh(roles);
      if (pick) return fromFact(pick);
      const n = [...used].filter((k) => k.startsWith("work:")).length;
      return { key: `work:${n}`, kind: "work", label: `a project relevant to the ${job.title} role` };
    }
    case "standout_skills": {
      const shown = skills.filter((s) => s.evidence.length > 0 && s.skillKind !== "soft_skill");
      const wanted = shown.filter((s) => jobWants.has(s.skill.toLowerCase()));
      const pick = fresh(wanted) ?? fresh(shown) ?? fresh(skills.filter((s) => s.skillKind !== "soft_skill"));
      if (pick) return { ...fromFact(pick), ...withEvidence(evidenceFor(pick, facts, used)) };
      return jobSkillFocus(jobSkills(job), used, skills, facts);
    }
    case "role_skills":
      return jobSkillFocus(jobSkills(job), used, skills, facts);
  }
}

const withEvidence = (evidence: BulletFact | ProjectFact | undefined) => (evidence ? { evidence } : {});

function jobSkillFocus(wanted: string[], used: Set<string>, skills: SkillFact[], facts: CvFact[]): QuestionFocus {
  const skill = wanted.find((s) => !used.has(skillKey(s))) ?? wanted[used.size % Math.max(1, wanted.length)] ?? "problem solving";
  const onCv = skills.find((s) => s.skill.toLowerCase() === skill.toLowerCase());
  const key = used.has(skillKey(skill)) ? `${skillKey(skill)}:${used.size}` : skillKey(skill);
  return { key, kind: "job_skill", label: skill, skill, ...withEvidence(evidenceFor(onCv, facts, used)) };
}
