import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestRuntime } from "../testing/index.js";
import { articleErrors, clippedQuotes, cvLeaks, danglingQuotes, groundedIn, miscasedNames, nearDuplicates, slotErrors } from "./checks.js";
import { computeFigures, meanScore, namesOf, offlineSection, printFigures, writeQualityDoc, type HarnessFigures } from "./figures.js";
import { NOTHING_TO_JUDGE, PERSONAS, type Persona } from "./personas.js";
import { HARNESS_FIXTURES, inPool, loadCv, NO_CV_SCENARIOS, runInterview, scenariosFor, type InterviewRun, type LoadedCv, type Scenario } from "./runner.js";

const databaseUrl = inject("databaseUrl");

type TestRuntime = Awaited<ReturnType<typeof openTestRuntime>>;

let runtime: TestRuntime;
let runs: InterviewRun[] = [];
const cvs = new Map<string, LoadedCv>();
const scenarios: Scenario[] = [];

const of = (persona: Persona) => runs.filter((r) => r.persona === persona);
const withCv = () => runs.filter((r) => r.scenario.fixture);
const where = (run: InterviewRun, text?: string) => `${run.threadId}${text ? `: ${text}` : ""}`;

/** Every evaluation of the runs, with its question and answer. */
const evaluationsOf = (selected: InterviewRun[]) =>
  selected.flatMap((run) =>
    run.evaluations.map((evaluation) => ({
      run,
      evaluation,
      question: run.questions.find((q) => q.id === evaluation.questionId)!.text,
      answer: run.answers.find((a) => a.questionId === evaluation.questionId)!.text,
    })),
  );
const describeEvaluation = ({ run, evaluation, question, answer }: ReturnType<typeof evaluationsOf>[number]) =>
  `${where(run, evaluation.questionId)} scored ${evaluation.score} (relevance ${evaluation.rubric.relevance}, insufficient evidence ${evaluation.insufficientEvidence}) — Q: ${question} — A: ${answer}`;

/** Every question asked in the runs, with the run it belongs to. */
const everyQuestion = () => runs.flatMap((run) => run.questions.map((question) => ({ run, question })));

describe("simulated candidates through whole interviews (offline engine, PostgreSQL)", () => {
  beforeAll(async () => {
    runtime = await openTestRuntime(databaseUrl);
    for (const cv of await Promise.all(HARNESS_FIXTURES.map(loadCv))) {
      cvs.set(cv.fixture.id, cv);
      scenarios.push(...scenariosFor(cv.fixture));
    }
    scenarios.push(...NO_CV_SCENARIOS);
    const work = scenarios.flatMap((scenario) => PERSONAS.map((persona) => ({ scenario, persona })));
    // A few interviews at a time: each turn waits on PostgreSQL, so they overlap well.
    runs = await inPool(work, 4, ({ scenario, persona }) => runInterview(runtime.service, scenario, persona, scenario.fixture ? cvs.get(scenario.fixture.id)! : null));
  }, 240_000);

  afterAll(async () => {
    await runtime?.close();
  });

  it("completes every interview, every question asked answered and every answer but a request to rephrase evaluated", () => {
    expect(runs).toHaveLength(scenarios.length * PERSONAS.length);
    for (const run of runs) {
      expect(run.finalEvaluation.perQuestion.length, where(run)).toBeGreaterThan(0);
      expect(run.questions.filter((q) => q.kind === "main"), where(run)).toHaveLength(run.scenario.maxSteps);
      expect(run.answers.map((a) => a.questionId), where(run)).toEqual(run.questions.map((q) => q.id));
      const clarifications = run.questions.filter((q) => q.kind === "clarification").length;
      expect(run.evaluations, where(run)).toHaveLength(run.answers.length - clarifications);
    }
  });

  it("ranks the personas by their intended quality (Spearman ≥ 0.8)", () => {
    const figures = computeFigures(runs, cvs);
    expect(figures.spearman).toBeGreaterThanOrEqual(0.8);
    expect(figures.spearmanOfMeans).toBeGreaterThanOrEqual(0.8);
  });

  it("scores every strong interview above the average one for the same CV and job", () => {
    for (const strong of of("strong")) {
      const average = of("average").find((r) => r.scenario.id === strong.scenario.id)!;
      expect(meanScore(strong), where(strong)).toBeGreaterThan(meanScore(average));
    }
  });

  it("keeps the relevance of every off-topic answer at 3/10 or below", () => {
    const tooRelevant = evaluationsOf(of("off_topic")).filter(({ evaluation }) => evaluation.rubric.relevance > 3);
    expect(tooRelevant.map(describeEvaluation)).toEqual([]);
  });

  it("scores gibberish and prompt injection at 1.5/10 or below, whatever the injection asks for", () => {
    const runsOf = [...of("gibberish"), ...of("injection")];
    expect(evaluationsOf(runsOf).filter(({ evaluation }) => evaluation.score > 1.5).map(describeEvaluation)).toEqual([]);
    for (const run of runsOf) expect(run.finalEvaluation.recommendation, where(run)).toMatch(/no_hire/);
  });

  it("flags every answer with nothing to judge as insufficient evidence, and no strong or average answer", () => {
    const unflagged = evaluationsOf(runs.filter((r) => NOTHING_TO_JUDGE.includes(r.persona))).filter(({ evaluation }) => !evaluation.insufficientEvidence);
    expect(unflagged.map(describeEvaluation)).toEqual([]);
    const flagged = evaluationsOf([...of("strong"), ...of("average")]).filter(({ evaluation }) => evaluation.insufficientEvidence);
    expect(flagged.map(describeEvaluation)).toEqual([]);
  });

  it("follows up thin answers and asks again in other words when the candidate asks", () => {
    for (const run of of("thin")) expect(run.questions.some((q) => q.kind === "follow_up"), where(run)).toBe(true);
    for (const run of of("average")) {
      const clarification = run.questions.find((q) => q.kind === "clarification");
      expect(clarification, where(run)).toBeDefined();
      expect(clarification!.step, where(run)).toBe(2);
    }
  });

  it("never asks the same question twice in an interview, nor a near-duplicate of one", () => {
    const repeats = runs.flatMap((run) => nearDuplicates(run.questions.map((q) => q.text)).map((pair) => `${where(run)} (${pair.similarity}): "${pair.first}" / "${pair.second}"`));
    expect(repeats).toEqual([]);
  });

  it("grounds at least half of the main questions of every interview in the CV", () => {
    const ungrounded = withCv().flatMap((run) => {
      const names = namesOf(cvs.get(run.scenario.fixture!.id)!);
      const main = run.questions.filter((q) => q.kind === "main");
      const grounded = main.filter((q) => groundedIn(q.text, names).length > 0);
      return grounded.length >= Math.ceil(main.length / 2) ? [] : [`${where(run)}: ${grounded.length} of ${main.length}`];
    });
    expect(ungrounded).toEqual([]);
  });

  it("never puts a CV heading, the candidate's name or a contact line in a question", () => {
    const leaks = everyQuestion().flatMap(({ run, question }) => {
      const cv = run.scenario.fixture ? cvs.get(run.scenario.fixture.id)! : null;
      const found = cv ? cvLeaks(question.text, cv.model, cv.fixture.name) : [];
      return found.map((leak) => `${where(run, question.text)} → ${leak}`);
    });
    expect(leaks).toEqual([]);
  });

  it("leaves no empty slot or article error in a question", () => {
    const faults = everyQuestion().flatMap(({ run, question }) =>
      [...slotErrors(question.text), ...articleErrors(question.text).map((e) => `"${e}"`)].map((fault) => `${where(run, question.text)} → ${fault}`),
    );
    expect(faults).toEqual([]);
  });

  it("writes the CV's organisations and projects as the CV does", () => {
    const faults = everyQuestion().flatMap(({ run, question }) => {
      const cv = run.scenario.fixture ? cvs.get(run.scenario.fixture.id)! : null;
      return (cv ? miscasedNames(question.text, cv.model, cv.text) : []).map((name) => `${where(run, question.text)} → "${name}"`);
    });
    expect(faults).toEqual([]);
  });

  it("quotes the candidate without cutting the quote short", () => {
    const faults = runs.flatMap((run) =>
      run.questions.flatMap((question, i) => {
        if (question.kind !== "follow_up") return [];
        // A follow-up quotes the answer just given.
        const answer = run.answers.find((a) => a.questionId === run.questions[i - 1]!.id)!.text;
        return [...danglingQuotes(question.text), ...clippedQuotes(question.text, answer)].map((quote) => `${where(run, question.text)} → "${quote}" of "${answer}"`);
      }),
    );
    expect(faults).toEqual([]);
  });

  describe("golden questions", () => {
    const render = (selected: InterviewRun[]) =>
      selected
        .map((run) =>
          [
            `### ${run.persona.replace("_", " ")}`,
            "",
            ...run.questions.map((q) => `${q.step}. [${q.kind.replace("_", "-")}] ${q.text}`),
            "",
          ].join("\n"),
        )
        .join("\n");
    const snapshot = (title: string, selected: InterviewRun[]) =>
      [`# ${title}`, "", ...[...new Set(selected.map((r) => r.scenario.id))].map((id) => {
        const own = selected.filter((r) => r.scenario.id === id);
        const { job, match } = own[0]!.scenario;
        return `## ${job.title}${job.company ? ` at ${job.company}` : ""} (${match.replace("_", " ")})\n\n${render(own)}`;
      })].join("\n");

    it.each(HARNESS_FIXTURES.map((id) => ({ id })))("asks the reviewed questions of the $id CV", async ({ id }) => {
      const own = runs.filter((r) => r.scenario.fixture?.id === id);
      expect(own.length).toBe(2 * PERSONAS.length);
      await expect(snapshot(id, own)).toMatchFileSnapshot(`__snapshots__/${id}.md`);
    });

    it("asks the reviewed questions without a CV", async () => {
      const own = runs.filter((r) => !r.scenario.fixture);
      expect(own.length).toBe(NO_CV_SCENARIOS.length * PERSONAS.length);
      await expect(snapshot("no CV", own)).toMatchFileSnapshot("__snapshots__/no-cv.md");
    });
  });

  describe("figures", () => {
    let figures: HarnessFigures;
    beforeAll(async () => {
      figures = computeFigures(runs, cvs);
      console.log(printFigures(figures));
      // The documented numbers come from a run, never from hand edits.
      await writeQualityDoc({ offline: offlineSection(figures) });
    });

    it("covers at least six CV layouts, the LaTeX and the two-column ones included", () => {
      expect(figures.fixtures.length).toBeGreaterThanOrEqual(6);
      expect(figures.fixtures).toEqual(expect.arrayContaining(["ml-engineer-latex", "designer-two-column", "data-scientist-interleaved"]));
    });
  });
});
