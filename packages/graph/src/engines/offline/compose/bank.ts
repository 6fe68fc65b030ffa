import type { Phase } from "../../../types.js";
import type { ConcreteQuestionType } from "../../model.js";
import type { Domain } from "./domain.js";
import type { SlotName, Slots } from "./slots.js";

/**
 * Typed question templates. Each declares the phases and question types it serves, the slots it
 * needs (it is only eligible when the focus provides them), and the domain it suits: "tech"
 * (software work), "trade" (kitchens, finance, research…) or "any".
 */
export interface Template {
  id: string;
  /** What the question asks for; an interview never asks for the same thing twice. */
  intent: string;
  types: ConcreteQuestionType[];
  phases: Phase[];
  needs: SlotName[];
  domain: Domain | "any";
  /** Asks for breadth rather than depth: preferred by the "broad" style. */
  broad?: boolean;
  /** A further condition on the slots. */
  when?: (s: Slots) => boolean;
  render: (s: Slots) => string;
}

type Filled<N extends SlotName> = Slots & { [K in N]-?: string };

function t<N extends SlotName>(
  def: Omit<Template, "render" | "needs" | "domain"> & { needs: N[]; domain?: Domain | "any" },
  render: (s: Filled<N>) => string,
): Template {
  return { domain: "any", ...def, render: render as (s: Slots) => string };
}

const T: ConcreteQuestionType[] = ["technical"];
const B: ConcreteQuestionType[] = ["behavioral"];
const S: ConcreteQuestionType[] = ["system_design"];
const TS: ConcreteQuestionType[] = ["technical", "system_design"];
const ALL: ConcreteQuestionType[] = ["technical", "behavioral", "system_design"];

const at = (s: Slots) => (s.company ? ` at ${s.company}` : "");
const here = (s: Slots) => (s.company ? ` to ${s.company}` : " to this team");

export const TEMPLATES: Template[] = [
  // Intro: the candidate's path to this role.
  t({ id: "intro-tour-role", intent: "tour", types: B, phases: ["intro"], needs: ["role", "org"], broad: true, when: (s) => s.role !== s.job }, (s) =>
    `To start, tell me about your path so far, from your early work to your time as ${s.aRole} at ${s.org}, and what prepares you for this ${s.job} role.`),
  t({ id: "intro-same-role", intent: "tour", types: ALL, phases: ["intro"], needs: ["role", "org"], when: (s) => s.role === s.job }, (s) =>
    `You already work as ${s.aRole} at ${s.org}. What does a good week in that job look like, and what do you want to do differently in your next one?`),
  t({ id: "intro-trade-role", intent: "craft", types: TS, phases: ["intro"], needs: ["role", "org"], domain: "trade", when: (s) => s.role !== s.job }, (s) =>
    `As ${s.aRole} at ${s.org}, which part of the craft did you get best at, and how will it carry over to the ${s.jobTitle} role?`),
  t({ id: "intro-responsible", intent: "responsibilities", types: TS, phases: ["intro"], needs: ["role", "org"], when: (s) => s.role !== s.job }, (s) =>
    `Tell me about your work as ${s.aRole} at ${s.org}: what you were responsible for, and what you would bring from it to the ${s.jobTitle} role.`),
  t({ id: "intro-tour", intent: "tour", types: ALL, phases: ["intro"], needs: [], broad: true }, (s) =>
    `To start, give me a short tour of your background and the work that best prepares you for the ${s.jobTitle} role${at(s)}.`),
  t({ id: "intro-tech-systems", intent: "systems_owned", types: TS, phases: ["intro"], needs: ["org"], domain: "tech" }, (s) =>
    `What is the largest system you worked on at ${s.org}, and which parts of it did you own yourself?`),
  t({ id: "intro-tech-stack", intent: "stack", types: T, phases: ["intro"], needs: [], domain: "tech" }, (s) =>
    `Which technical problem have you enjoyed solving most so far, and why does it matter for ${s.aJob}?`),
  t({ id: "intro-design-from-scratch", intent: "designed", types: S, phases: ["intro"], needs: [], domain: "tech" }, () =>
    "Tell me about a system you designed from scratch: the requirements, the main components, and how the requirements shaped them."),
  t({ id: "intro-trade-craft", intent: "craft", types: ["technical", "system_design"], phases: ["intro"], needs: [], domain: "trade" }, (s) =>
    `Which part of the craft of ${s.aJob} do you do best, and where did you learn it?`),
  t({ id: "intro-motivation", intent: "motivation", types: B, phases: ["intro"], needs: [] }, (s) =>
    `Tell me about yourself and what draws you to the ${s.jobTitle} role${at(s)}.`),
  t({ id: "intro-moment", intent: "shaping_moment", types: B, phases: ["intro"], needs: ["org"] }, (s) =>
    `Looking back on your time at ${s.org}, which moment shaped the way you work today?`),

  // Projects: a project or an achievement of the CV.
  t({ id: "proj-walkthrough", intent: "walkthrough", types: T, phases: ["projects"], needs: ["project"], domain: "tech" }, (s) =>
    `Walk me through ${s.project}: what problem it solved, how it is built, and which parts you built yourself.`),
  t({ id: "proj-walkthrough-what", intent: "walkthrough", types: ALL, phases: ["projects"], needs: ["project", "projectWhat"], broad: true }, (s) =>
    `You describe ${s.project} as ${s.projectWhat}. What problem did it solve, and what was your part in it?`),
  t({ id: "proj-hard-decision", intent: "hard_decision", types: T, phases: ["projects"], needs: ["project"], domain: "tech" }, (s) =>
    `What was the hardest technical decision in ${s.project}, and which alternatives did you reject?`),
  t({ id: "practice-design", intent: "design", types: S, phases: ["role_skills"], needs: ["practice"], domain: "tech" }, (s) =>
    `How would you build ${s.practice} into the way a team like ours works${at(s)}? Start from what must never go wrong, then the process and the tools.`),
  t({ id: "proj-tech-choice", intent: "tool_choice", types: TS, phases: ["projects"], needs: ["project", "tech"], domain: "tech" }, (s) =>
    `Why did you build ${s.project} with ${s.tech}, and what would have changed with a different choice?`),
  t({ id: "proj-design", intent: "architecture", types: S, phases: ["projects"], needs: ["project"], domain: "tech" }, (s) =>
    `Describe the design of ${s.project} in words: its components, how data flows between them, and where state lives.`),
  t({ id: "proj-scale", intent: "scale", types: S, phases: ["projects"], needs: ["project"], domain: "tech" }, (s) =>
    `What limits how far ${s.project} can scale, and what would you change to take it ten times further?`),
  t({ id: "proj-people", intent: "collaboration", types: B, phases: ["projects"], needs: ["project"] }, (s) =>
    `Tell me about ${s.project}: who did you work with, how did you split the work, and how did it turn out?`),
  t({ id: "proj-setback", intent: "setback", types: B, phases: ["projects"], needs: ["project"] }, (s) =>
    `Describe a moment in ${s.project} when things went wrong. What did you do, and what happened next?`),
  t({ id: "bullet-how", intent: "walkthrough", types: T, phases: ["projects"], needs: ["built", "org"], domain: "tech" }, (s) =>
    `Let's talk about ${s.built} at ${s.org}. How did it work, and which parts did you design yourself?`),
  t({ id: "bullet-metric", intent: "measure", types: TS, phases: ["projects"], needs: ["didFull", "org", "metric"], domain: "tech" }, (s) =>
    `At ${s.org}, ${s.didFull}. How did you measure that, and which change made the biggest difference?`),
  t({ id: "bullet-metric-any", intent: "measure", types: ALL, phases: ["projects"], needs: ["didFull", "org", "metric"] }, (s) =>
    `At ${s.org}, ${s.didFull}. What did that take day to day, and which part was hardest to get right?`),
  t({ id: "bullet-decision", intent: "hard_decision", types: T, phases: ["projects"], needs: ["did", "org"], domain: "tech" }, (s) =>
    `At ${s.org}, ${s.did}. What was the hardest technical decision along the way, and what did you decide against?`),
  t({ id: "bullet-tech", intent: "tool_choice", types: TS, phases: ["projects"], needs: ["built", "tech"], domain: "tech", when: (s) => !s.built?.includes(s.tech ?? "") }, (s) =>
    `Why was ${s.tech} the right choice for ${s.built}, and where did it get in your way?`),
  t({ id: "bullet-design", intent: "architecture", types: S, phases: ["projects"], needs: ["built", "org"], domain: "tech" }, (s) =>
    `Sketch ${s.built} at ${s.org} for me: the components, the data flow, and what happens when one part fails.`),
  t({ id: "bullet-redo", intent: "redo", types: ALL, phases: ["projects"], needs: ["built", "org"] }, (s) =>
    `If you started ${s.built} at ${s.org} again today, what would you do differently, and why?`),
  t({ id: "bullet-story", intent: "story", types: B, phases: ["projects"], needs: ["did", "org"] }, (s) =>
    `At ${s.org}, ${s.did}. Who did you need on board, what got in the way, and how did it end?`),
  t({ id: "bullet-trade-method", intent: "method", types: ["technical", "system_design"], phases: ["projects"], needs: ["did", "org"], domain: "trade" }, (s) =>
    `At ${s.org}, ${s.did}. Walk me through how you did it, step by step, and what you had to get exactly right.`),
  t({ id: "bullet-trade-process", intent: "process", types: S, phases: ["projects"], needs: ["thing", "org"], domain: "trade" }, (s) =>
    `How did you organise ${s.thing} at ${s.org}: who did what, in which order, and how did you keep quality steady on a busy day?`),
  t({ id: "role-work", intent: "walkthrough", types: ALL, phases: ["projects"], needs: ["role", "org"] }, (s) =>
    `Pick the piece of work you are proudest of from your time as ${s.aRole} at ${s.org}. What was it, what did you do yourself, and what came of it?`),
  t({ id: "work-generic", intent: "walkthrough", types: ALL, phases: ["projects"], needs: [], broad: true }, (s) =>
    `Tell me about a piece of work you are proud of that is relevant to the ${s.jobTitle} role: what it was, what you did yourself, and how it turned out.`),
  t({ id: "work-generic-tech", intent: "hard_decision", types: TS, phases: ["projects"], needs: [], domain: "tech" }, () =>
    "Describe a system you built recently: what it does, how it is put together, and the decision you would most like to revisit."),
  t({ id: "work-generic-setback", intent: "setback", types: B, phases: ["projects"], needs: [] }, () =>
    "Tell me about a project that ran into trouble. What went wrong, what did you do, and what happened in the end?"),
  t({ id: "work-generic-trade", intent: "method", types: ["technical", "system_design"], phases: ["projects"], needs: [], domain: "trade" }, (s) =>
    `Describe the piece of work as ${s.aJob} you are proudest of, and walk me through how you did it.`),

  // Standout skills: a skill the CV shows in use.
  t({ id: "skill-evidence", intent: "deep_dive", types: T, phases: ["standout_skills"], needs: ["tool", "evidence"], domain: "tech" }, (s) =>
    `Your CV shows ${s.tool} in use: ${s.evidence}. How does ${s.tool} behave under the hood in that setting, and what did you have to tune?`),
  t({ id: "skill-evidence-any", intent: "deep_dive", types: ALL, phases: ["standout_skills"], needs: ["skill", "evidence"] }, (s) =>
    `On ${s.skill}: ${s.evidence}. What did you know about ${s.skill} that made it work, and what did you learn the hard way?`),
  t({ id: "skill-mistakes", intent: "mistakes", types: T, phases: ["standout_skills", "role_skills"], needs: ["tool"], domain: "tech" }, (s) =>
    `What mistakes do people commonly make with ${s.tool}, and how do you avoid them in your own work?`),
  t({ id: "skill-not-use", intent: "limits", types: TS, phases: ["standout_skills", "role_skills"], needs: ["tool"], domain: "tech" }, (s) =>
    `When would you choose not to use ${s.tool}? Give me a concrete case and what you would use instead.`),
  t({ id: "skill-failure-modes", intent: "failure_modes", types: S, phases: ["standout_skills", "role_skills"], needs: ["tool"], domain: "tech" }, (s) =>
    `Where does ${s.tool} fit in a large distributed system, and how does it fail?`),
  t({ id: "skill-spike", intent: "scale", types: S, phases: ["standout_skills"], needs: ["tool"], domain: "tech" }, (s) =>
    `With ${s.tool} as a building block, design a service that survives a sudden ten-fold traffic spike.`),
  t({ id: "skill-practice-good", intent: "what_good_looks_like", types: ALL, phases: ["standout_skills", "role_skills"], needs: ["practice"], broad: true }, (s) =>
    `What does good ${s.practice} look like in practice, and how can you tell when a team is getting it wrong?`),
  t({ id: "skill-teach", intent: "teach", types: ["technical", "behavioral"], phases: ["standout_skills"], needs: ["skill"] }, (s) =>
    `How would you teach ${s.skill} to a new colleague in their first week, and what would you leave for later?`),
  t({ id: "skill-story", intent: "story", types: B, phases: ["standout_skills"], needs: ["skill", "evidence"] }, (s) =>
    `${s.evidence}. Tell me the story behind it: what was at stake, who else was involved, and how your ${s.skill} skills made the difference.`),
  t({ id: "skill-made-difference", intent: "impact", types: B, phases: ["standout_skills"], needs: ["skill"] }, (s) =>
    `Tell me about a time when your experience with ${s.skill} changed the outcome for your team.`),
  t({ id: "skill-trade-standard", intent: "standards", types: ["technical", "system_design"], phases: ["standout_skills", "role_skills"], needs: ["practice"], domain: "trade" }, (s) =>
    `How do you keep your ${s.practice} consistent from one day to the next, and what do you check before your work goes out?`),

  // Role skills: what the job needs.
  t({ id: "role-used", intent: "experience", types: T, phases: ["role_skills"], needs: ["skill"], broad: true }, (s) =>
    `This role relies on ${s.skill}. Where have you used it, and what trade-offs did you have to manage?`),
  t({ id: "role-used-evidence", intent: "experience", types: ALL, phases: ["role_skills"], needs: ["skill", "evidence"] }, (s) =>
    `The ${s.jobTitle} role relies on ${s.skill}, and ${s.evidence}. What would you bring from that work here, and what would you need to learn?`),
  t({ id: "role-debug", intent: "debug", types: T, phases: ["role_skills"], needs: ["tool"], domain: "tech" }, (s) =>
    `A problem involving ${s.tool} only shows up under heavy load in production. How would you track it down?`),
  t({ id: "role-design", intent: "design", types: S, phases: ["role_skills"], needs: ["tool"], domain: "tech" }, (s) =>
    `Design a system for ${s.aJob}${at(s)} that relies on ${s.tool}. Start from the requirements, then the architecture.`),
  t({ id: "role-observe", intent: "operate", types: TS, phases: ["role_skills"], needs: ["tool"], domain: "tech" }, (s) =>
    `What would you measure on a system built on ${s.tool}, and what would make you page someone at night?`),
  t({ id: "role-compare", intent: "compare", types: T, phases: ["role_skills"], needs: ["practice"], domain: "tech" }, (s) =>
    `Compare two approaches to ${s.practice} that you know, and say when each one wins.`),
  t({ id: "role-similar", intent: "similar_situation", types: B, phases: ["role_skills"], needs: ["skill"] }, (s) =>
    `As ${s.aJob}, you will deal with ${s.skill} every week. Tell me about a time you handled something similar.`),
  t({ id: "role-convince", intent: "influence", types: B, phases: ["role_skills"], needs: ["skill"] }, (s) =>
    `Tell me about a time you had to convince others to change how they approached ${s.skill}. What did you do, and what was the result?`),
  t({ id: "role-trade-scenario", intent: "scenario", types: ["technical", "system_design"], phases: ["role_skills"], needs: ["practice"], domain: "trade" }, (s) =>
    `Imagine your first busy week${at(s)}: how would you handle ${s.practice}, and what would you check first?`),
  t({ id: "role-trade-plan", intent: "plan", types: S, phases: ["role_skills"], needs: ["practice"], domain: "trade" }, (s) =>
    `How would you set up the way your team handles ${s.practice} so that it still works at twice today's volume?`),
  t({ id: "role-trade-mistake", intent: "mistakes", types: T, phases: ["role_skills", "standout_skills"], needs: ["practice"], domain: "trade" }, (s) =>
    `What goes wrong most often with ${s.practice}, and what do you do to prevent it?`),

  t({ id: "role-tool-daily", intent: "daily_use", types: ALL, phases: ["role_skills", "standout_skills"], needs: ["tool"], domain: "trade" }, (s) =>
    `How do you use ${s.tool} in your day-to-day work, and what have you made with it that others rely on?`),

  // Closing: the company and the role. Every closing question is scored, so none invites the
  // candidate's own questions: the interviewer could not answer them, and grading them is unfair.
  t({ id: "close-90-days", intent: "first_90_days", types: ALL, phases: ["closing"], needs: [], broad: true }, (s) =>
    `If you joined${s.company ? ` ${s.company}` : " us"} as ${s.aJob}, what would you want to learn or improve in your first 90 days?`),
  t({ id: "close-growth", intent: "growth", types: ["technical", "behavioral"], phases: ["closing"], needs: [] }, () =>
    "What is one skill you are actively improving at the moment, and what are you doing about it?"),
  t({ id: "close-success", intent: "success", types: ALL, phases: ["closing"], needs: [] }, (s) =>
    `What would make you successful as ${s.aJob}, and how would you know after six months?`),
  t({ id: "close-redesign", intent: "redesign", types: S, phases: ["closing"], needs: [], domain: "tech" }, () =>
    "How do you decide when a system needs a redesign rather than another incremental fix?"),
  t({ id: "close-bring", intent: "bring", types: ALL, phases: ["closing"], needs: [] }, (s) =>
    `What would you bring${here(s)} that we have not talked about yet?`),
  t({ id: "close-manager", intent: "feedback", types: B, phases: ["closing"], needs: [] }, () =>
    "What would your last manager say is the one thing you should work on?"),
];
