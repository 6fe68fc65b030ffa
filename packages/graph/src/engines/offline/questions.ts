import type { QuestionRequest } from "../model.js";
import { fnv1a, stemSet, wordCount } from "../../text/words.js";
import { difficultyClauses, followUpBank, questionBank } from "./question-bank.js";
import { quotableFragment } from "./evaluate.js";

const GENERIC = {
  project: "a recent project you are proud of",
  skill: "your strongest skill",
  topic: "the core skills of this role",
};

function slotsFor(req: QuestionRequest): Record<string, string> {
  const { cvProfile } = req;
  const pick = <T>(items: T[], salt: string): T | undefined =>
    items.length ? items[fnv1a(`${req.seed}:${salt}:${req.step}`) % items.length] : undefined;
  const employer = cvProfile.employers[0];
  return {
    job: req.jobTitle,
    company: req.company ?? "this company",
    companyPhrase: req.company ? ` at ${req.company}` : "",
    companyShort: req.company ? ` ${req.company}` : " us",
    employerPhrase: employer ? `at ${employer} ` : "",
    project: req.phase === "projects" && req.topic !== GENERIC.topic ? req.topic : pick(cvProfile.projects, "p") ?? GENERIC.project,
    skill: req.phase === "standout_skills" ? req.topic : pick([...cvProfile.technologies, ...cvProfile.skills], "s") ?? GENERIC.skill,
    topic: req.topic || GENERIC.topic,
  };
}

const fill = (template: string, slots: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? "").replace(/\s{2,}/g, " ");

/** A short excerpt of the retrieved CV passage that best matches the topic. */
function cvExcerpt(context: string[], topic: string): string | null {
  const topicStems = stemSet(topic);
  const sentences = context
    .flatMap((c) => c.split(/(?<=[.!?])\s+|\n+/))
    .map((s) => s.replace(/^[\s•\-*–·]+/, "").trim())
    .filter((s) => wordCount(s) >= 4);
  let best: { s: string; hits: number } | null = null;
  for (const s of sentences) {
    const stems = stemSet(s);
    const hits = [...topicStems].filter((t) => stems.has(t)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { s, hits };
  }
  if (!best) return null;
  const words = best.s.replace(/[.!?]+$/, "").split(/\s+/);
  return words.length <= 14 ? words.join(" ") : `${words.slice(0, 14).join(" ")}…`;
}

const NEEDS_DEPTH = new Set(["projects", "standout_skills", "role_skills"]);

/** The offline interviewer's question for a request: templated, seeded per thread, never repeated. */
export function composeOfflineQuestion(req: QuestionRequest): string {
  if (req.previous && req.kind === "follow_up") return composeFollowUp(req);
  if (req.previous && req.kind === "clarification") return composeClarification(req);

  const templates = questionBank[req.questionType][req.phase];
  const slots = slotsFor(req);
  const start = fnv1a(`${req.seed}:${req.step}:${req.phase}`) % templates.length;
  const asked = req.askedQuestions.join("\n");
  const clause =
    req.questionStyle !== "broad" && req.questionType !== "behavioral" && NEEDS_DEPTH.has(req.phase)
      ? difficultyClauses[Math.min(5, Math.max(1, req.difficulty)) - 1]!
      : "";
  let core = "";
  for (let i = 0; i < templates.length; i++) {
    core = fill(templates[(start + i) % templates.length]!, slots);
    if (!asked.includes(core)) break;
    if (i === templates.length - 1) core = `${core} This time, pick a different example than before.`;
  }
  let prefix = "";
  if (req.contextSource === "cv" && NEEDS_DEPTH.has(req.phase)) {
    const excerpt = cvExcerpt(req.context, req.topic);
    if (excerpt) prefix = `Your CV mentions "${excerpt}". `;
  }
  if (req.questionStyle === "follow_up" && req.previous?.answer) {
    prefix = `Building on what you said about "${quotableFragment(req.previous.answer, 8)}": ${prefix}`;
  }
  return `${prefix}${core}${clause}`;
}

function composeFollowUp(req: QuestionRequest): string {
  const previous = req.previous!;
  const weakest = previous.missing[0];
  const key = weakest === "clarity" ? "structure" : weakest ?? "general";
  const templates = followUpBank[key as keyof typeof followUpBank] ?? followUpBank.general;
  const template = templates[fnv1a(`${req.seed}:f:${req.step}`) % templates.length]!;
  return fill(template, { quote: quotableFragment(previous.answer), topic: req.topic || GENERIC.topic });
}

function composeClarification(req: QuestionRequest): string {
  return `Of course. Put simply: ${req.previous!.question.replace(/^Your CV mentions "[^"]*"\.\s*/, "")} Take your time, and answer with one concrete example.`;
}
