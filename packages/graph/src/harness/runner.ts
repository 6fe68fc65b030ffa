/**
 * Runs whole interviews through `InterviewService`, one persona answering every question it is
 * asked until the interview completes, and keeps what a reviewer would look at afterwards.
 */
import { readFile } from "node:fs/promises";
import { cvFixtures, fixturePdfPath, JOBS, loadFixtureText, mismatchedJob, type CvFixture, type FixtureJob } from "../cv/fixtures/index.js";
import { parseCv, type CvModel } from "../cv/model/index.js";
import type { InterviewService } from "../service.js";
import type { Answer, Evaluation, FinalEvaluation, Question } from "../types.js";
import { answerFor, asksToRephrase, REPHRASE_REQUEST, type Persona } from "./personas.js";

/** The fixtures the harness interviews: every layout the CV reader must cope with, LaTeX and two-column included. */
export const HARNESS_FIXTURES = [
  "software-engineer",
  "ml-engineer-latex",
  "designer-two-column",
  "data-scientist-interleaved",
  "finance-table",
  "pastry-chef",
  "sre-lead",
  "academic-researcher",
] as const;

export interface Scenario {
  /** Names the interview's thread and its snapshot section. */
  id: string;
  fixture: CvFixture | null;
  job: FixtureJob;
  /** Whether the job is in the CV's own field. */
  match: "matching" | "mismatching" | "no_cv";
  questionType: "mixed" | "technical" | "behavioral";
  maxSteps: number;
}

/** A fixture's PDF as uploaded, and its CV as the candidate knows it (contact lines included). */
export interface LoadedCv {
  fixture: CvFixture;
  pdf: Uint8Array;
  /** The text the engine extracts from the PDF. */
  text: string;
  model: CvModel;
}

export async function loadCv(id: string): Promise<LoadedCv> {
  const fixture = cvFixtures.find((f) => f.id === id);
  if (!fixture) throw new Error(`no CV fixture ${id}`);
  const [pdf, text] = await Promise.all([readFile(fixturePdfPath(id)), loadFixtureText(id)]);
  return { fixture, pdf: new Uint8Array(pdf), text, model: parseCv(text) };
}

/** Each CV with a job in its field and one outside it. */
export function scenariosFor(fixture: CvFixture, maxSteps = 5): Scenario[] {
  return [
    { id: `${fixture.id}.matching`, fixture, job: fixture.job, match: "matching", questionType: "mixed", maxSteps },
    { id: `${fixture.id}.mismatching`, fixture, job: mismatchedJob(fixture), match: "mismatching", questionType: "mixed", maxSteps },
  ];
}

/** Interviews without a CV: the questions come from the job alone. */
export const NO_CV_SCENARIOS: Scenario[] = [JOBS.backend, JOBS.pastry].map((job) => ({
  id: `no-cv.${job.title.toLowerCase().replace(/[^a-z]+/g, "-")}`,
  fixture: null,
  job,
  match: "no_cv" as const,
  questionType: "mixed" as const,
  maxSteps: 5,
}));

export interface InterviewRun {
  scenario: Scenario;
  persona: Persona;
  threadId: string;
  questions: Question[];
  answers: Answer[];
  evaluations: Evaluation[];
  finalEvaluation: FinalEvaluation;
  /** Answers sent, requests to rephrase included. */
  turns: number;
}

/** Far more turns than any interview needs: reaching it means the interview never ends. */
const turnLimit = (maxSteps: number) => maxSteps * 4 + 2;

/** The thread id is fixed by scenario and persona so the seed, and so the questions, are the same every run. */
export const threadIdFor = (scenario: Scenario, persona: Persona, prefix = "harness") => `${prefix}.${scenario.id}.${persona}`;

export async function runInterview(
  service: InterviewService,
  scenario: Scenario,
  persona: Persona,
  cv: LoadedCv | null,
  options: { prefix?: string; onTurn?: (turn: number, kind: "start" | "answer") => void } = {},
): Promise<InterviewRun> {
  const threadId = threadIdFor(scenario, persona, options.prefix);
  // A database kept between runs (TEST_DATABASE_URL) still has the last run's interview.
  if (await service.info(threadId)) await service.erase(threadId);
  options.onTurn?.(0, "start");
  let view = await service.start({
    threadId,
    jobTitle: scenario.job.title,
    company: scenario.job.company,
    jobDescription: scenario.job.description,
    questionType: scenario.questionType,
    maxSteps: scenario.maxSteps,
    ...(cv ? { cvPdf: cv.pdf } : {}),
  });
  let turns = 0;
  while (view.status !== "completed") {
    if (turns >= turnLimit(scenario.maxSteps)) throw new Error(`${threadId}: still not completed after ${turns} answers`);
    const question = view.question!;
    const ctx = { question, cv: cv?.model ?? null, job: scenario.job, turn: turns };
    const text = asksToRephrase(persona, ctx) ? REPHRASE_REQUEST : answerFor(persona, ctx);
    options.onTurn?.(turns + 1, "answer");
    view = await service.answer(threadId, { text, questionId: question.id });
    turns++;
  }
  const record = await service.get(threadId);
  return {
    scenario,
    persona,
    threadId,
    questions: record.questions,
    answers: record.answers,
    evaluations: record.evaluations,
    finalEvaluation: record.finalEvaluation!,
    turns,
  };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping their order. */
export async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
