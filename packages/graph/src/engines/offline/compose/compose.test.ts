import { beforeAll, describe, expect, it } from "vitest";
import { cvFacts, rankFacts, type CvFact } from "../../../cv/model/facts.js";
import { parseCv } from "../../../cv/model/parse.js";
import { JOBS, loadFixtureText } from "../../../cv/fixtures/index.js";
import { extractJobTerms, planPhases } from "../../../plan.js";
import { composeQuestion, composeQuestionDetailed } from "./compose.js";
import { chooseFocus } from "./focus.js";
import { nearDuplicate } from "./english.js";
import type { ComposeInput, JobInfo } from "./types.js";

const jobOf = (j: { title: string; company?: string; description?: string }): JobInfo => ({
  ...j,
  terms: extractJobTerms(j.title, j.description),
});
const backend = jobOf(JOBS.backend);
const pastryJob = jobOf(JOBS.pastry);
let engineer: CvFact[];
let chef: CvFact[];

beforeAll(async () => {
  engineer = rankFacts(cvFacts(parseCv(await loadFixtureText("software-engineer"))), backend);
  chef = rankFacts(cvFacts(parseCv(await loadFixtureText("pastry-chef"))), pastryJob);
});

const input = (over: Partial<ComposeInput>): ComposeInput => ({
  questionType: "technical",
  questionStyle: "adaptive",
  phase: "projects",
  kind: "main",
  difficulty: 2,
  step: 2,
  maxSteps: 5,
  job: backend,
  focus: chooseFocus({ phase: over.phase ?? "projects", facts: engineer, job: backend, usedKeys: [] }),
  context: [],
  askedQuestions: [],
  seed: "thread-1",
  ...over,
});

describe("chooseFocus", () => {
  it("gives each phase its kind of subject and never the same one twice", () => {
    const used: string[] = [];
    const kinds = planPhases(7).map((phase) => {
      const focus = chooseFocus({ phase, facts: engineer, job: backend, usedKeys: used });
      expect(used).not.toContain(focus.key);
      used.push(focus.key);
      return [phase, focus.kind];
    });
    expect(kinds).toEqual([
      ["intro", "background"],
      ["projects", "bullet"],
      ["projects", "bullet"],
      ["standout_skills", "cv_skill"],
      ["role_skills", "job_skill"],
      ["role_skills", "job_skill"],
      ["closing", "company"],
    ]);
  });

  it("picks achievements from the CV that match the job, and skills it shows in use", () => {
    const project = chooseFocus({ phase: "projects", facts: engineer, job: backend, usedKeys: [] });
    expect(project.label).toBe("the Kafka event pipeline at Parcelly");
    const skill = chooseFocus({ phase: "standout_skills", facts: engineer, job: backend, usedKeys: [] });
    expect(skill).toMatchObject({ kind: "cv_skill", skill: "Kafka" });
    expect(skill.evidence?.key).toBe(project.key);
    const role = chooseFocus({ phase: "role_skills", facts: engineer, job: backend, usedKeys: ["skill:go"] });
    expect(role).toMatchObject({ kind: "job_skill", skill: "Kubernetes" });
  });

  it("works from the job alone when there is no CV", () => {
    expect(chooseFocus({ phase: "projects", facts: [], job: backend, usedKeys: [] }).kind).toBe("work");
    expect(chooseFocus({ phase: "role_skills", facts: [], job: pastryJob, usedKeys: [] }).label).toBe("dessert menu development");
    expect(chooseFocus({ phase: "closing", facts: [], job: backend, usedKeys: [] }).label).toBe("Tramline");
  });
});

describe("composeQuestion", () => {
  it("speaks of the candidate's work in the second person, with no quoted CV line", () => {
    const text = composeQuestion(input({}));
    expect(text).toContain("Parcelly");
    expect(text).toMatch(/\byou designed a Kafka event pipeline\b|the Kafka event pipeline you designed/);
    expect(text).not.toMatch(/["•]|Your CV mentions/);
  });

  it("is the same for a seed and varies between seeds", () => {
    expect(composeQuestion(input({}))).toBe(composeQuestion(input({})));
    const seeds = ["a", "b", "c", "d", "e", "f", "g", "h"];
    expect(new Set(seeds.map((seed) => composeQuestion(input({ seed })))).size).toBeGreaterThan(1);
  });

  it("asks for more depth at higher difficulty, and none in the broad style", () => {
    const easy = composeQuestion(input({ difficulty: 1 }));
    const hard = composeQuestion(input({ difficulty: 5 }));
    expect(hard.length).toBeGreaterThan(easy.length);
    expect(hard).toMatch(/ten times the scale/);
    expect(composeQuestion(input({ difficulty: 5, questionStyle: "broad" }))).not.toMatch(/ten times the scale/);
  });

  it("builds on the last answer in the follow_up style", () => {
    const text = composeQuestion(
      input({
        questionStyle: "follow_up",
        previous: { question: "Tell me about yourself.", answer: "I moved our billing jobs to Kafka consumers, which cut lag to 2 seconds.", missing: [] },
      }),
    );
    expect(text).toMatch(/^Earlier you said "[^"]*Kafka consumers[^"]*"/);
  });

  it("follows up by quoting the answer and probing what it lacked", () => {
    const previous = { question: "Walk me through RouteWise.", answer: "It was fun. We made the solver 3x faster with A* search and caching.", missing: ["evidence" as const] };
    const text = composeQuestion(input({ kind: "follow_up", previous }));
    expect(text).toContain('"We made the solver 3x faster with A* search and caching"');
    expect(text).toMatch(/measure|outcome/);
    const depth = composeQuestion(input({ kind: "follow_up", previous: { ...previous, missing: ["depth"] } }));
    expect(depth).toMatch(/alternatives|weigh/);
  });

  it("quotes a stock answer once, and follows it up differently every time it comes back", () => {
    const previous = { question: "Tell me about a project.", answer: "I did some of that at my last company, and it went fine.", missing: ["evidence" as const] };
    const asked: string[] = [];
    for (let step = 1; step <= 5; step++) asked.push(composeQuestion(input({ kind: "follow_up", step, previous, askedQuestions: [...asked] })));
    expect(asked[0]).toContain('"I did some of that at my last company"');
    expect(asked.filter((q) => q.includes('"'))).toHaveLength(1);
    for (const [i, q] of asked.entries()) for (const other of asked.slice(i + 1)) expect(nearDuplicate(q, other), `${q} / ${other}`).toBe(false);
  });

  it("asks without a quote when the answer has no sentence or clause short enough to quote whole", () => {
    const answer = "We worked for many months on the whole migration of every single one of the old reporting services to the new platform that the team had chosen last year";
    const text = composeQuestion(input({ kind: "follow_up", previous: { question: "Tell me about a project.", answer, missing: ["depth"] } }));
    expect(text).not.toContain('"');
    expect(text).toMatch(/hardest|weighed/);
  });

  it("rephrases simply when asked to clarify", () => {
    const previous = { question: composeQuestion(input({ difficulty: 5 })), answer: "Sorry, could you rephrase?", missing: [] };
    const text = composeQuestion(input({ kind: "clarification", previous, difficulty: 5 }));
    expect(text).toMatch(/^Of course\. Put simply: /);
    expect(text).toContain("Parcelly");
    expect(text.length).toBeLessThan(previous.question.length);
  });

  it("rephrases a question without a CV still naming what it asks about", () => {
    const focus = chooseFocus({ phase: "projects", facts: [], job: backend, usedKeys: [] });
    const previous = { question: composeQuestion(input({ focus })), answer: "Sorry, could you rephrase?", missing: [] };
    const text = composeQuestion(input({ kind: "clarification", focus, previous }));
    expect(text).toMatch(/^Of course\. Put simply: .*project.*backend engineer role/);
  });

  it("asks a pastry chef about the kitchen, not about software", () => {
    const used: string[] = [];
    const asked: string[] = [];
    for (const [i, phase] of planPhases(7).entries()) {
      const focus = chooseFocus({ phase, facts: chef, job: pastryJob, usedKeys: used });
      used.push(focus.key);
      for (const questionType of ["technical", "system_design"] as const) {
        const text = composeQuestion(input({ phase, step: i + 1, focus, job: pastryJob, questionType, askedQuestions: asked, difficulty: 4 }));
        expect(text).not.toMatch(/production|distributed|architecture|ten times the scale|page someone|Kubernetes|code/i);
        asked.push(text);
      }
    }
    expect(asked.join(" ")).toMatch(/Maison Verdier|viennoiserie|dessert/);
  });

  it("turns a retrieved CV passage about the skill into a second-person lead", () => {
    const focus = chooseFocus({ phase: "role_skills", facts: [], job: backend, usedKeys: [] });
    const text = composeQuestion(
      input({ phase: "role_skills", focus, context: [`• Tuned ${focus.skill} consumers for payment events.\nBuilt a ${focus.skill} pipeline handling 9k events a second.`] }),
    );
    expect(text).toMatch(new RegExp(`^Your CV says you (tuned|built) .*${focus.skill}`));
    expect(text).not.toContain("•");
  });

  it("reports the intent of each question so the next one asks something else", () => {
    const first = composeQuestionDetailed(input({}));
    const second = composeQuestionDetailed(input({ usedIntents: [first.intent], askedQuestions: [first.text] }));
    expect(second.intent).not.toBe(first.intent);
    expect(second.text).not.toBe(first.text);
  });
});
