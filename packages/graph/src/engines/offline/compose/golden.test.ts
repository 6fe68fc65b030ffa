import { beforeAll, describe, expect, it } from "vitest";
import { cvFixtures, JOBS, loadFixtureText, mismatchedJob, type FixtureJob } from "../../../cv/fixtures/index.js";
import { parseCv } from "../../../cv/model/parse.js";
import type { CvModel } from "../../../cv/model/types.js";
import type { ConcreteQuestionType } from "../../model.js";
import { normalisedWords } from "./english.js";
import { simulateInterview, type SimulatedQuestion } from "./simulate.js";

const TYPES: ConcreteQuestionType[] = ["technical", "behavioral", "system_design"];
const LENGTHS = [5, 7];

interface Interview {
  title: string;
  questions: SimulatedQuestion[];
}

function interviewsFor(model: CvModel | undefined, jobs: FixtureJob[], seed: string): Interview[] {
  return jobs.flatMap((job) =>
    LENGTHS.flatMap((maxSteps) =>
      TYPES.map((questionType) => ({
        title: `${job.title} · ${questionType} · ${maxSteps} questions`,
        questions: simulateInterview({ ...(model ? { model } : {}), job, questionType, maxSteps, seed }),
      })),
    ),
  );
}

const render = (interviews: Interview[]) =>
  interviews
    .map((i) => [`## ${i.title}`, "", ...i.questions.map((q) => `${q.step}. [${q.phase} · ${q.focus.label}] ${q.text}`), ""].join("\n"))
    .join("\n");

/** Article errors a reader would notice; the exceptions are words whose sound differs from their first letter. */
function articleErrors(text: string): string[] {
  const errors: string[] = [];
  for (const m of text.matchAll(/\b(a|an)\s+([\p{L}\d][\p{L}\d'-]*)/giu)) {
    const [, art, word] = m as unknown as [string, string, string];
    const lower = word.toLowerCase();
    const acronym = /^[A-Z]{2,}$/.test(word);
    const vowelSound = acronym
      ? /^[AEFHILMNORSX]/.test(word)
      : /^(?:hour|honest|honou?r|heir)/.test(lower) || (/^[aeiou]/.test(lower) && !/^(?:uni(?![nm])|use|usu|eu|one|once|ur[aeiou])/.test(lower)) || /^(?:8|11|18)\b/.test(lower);
    if ((art.toLowerCase() === "an") !== vowelSound) errors.push(m[0]);
  }
  return errors;
}

function checkQuality(interview: Interview, model: CvModel | undefined, name?: string) {
  const seen: string[] = [];
  for (const { text } of interview.questions) {
    const where = `${interview.title}: ${text}`;
    expect(text, where).not.toMatch(/[{}]|undefined|null|NaN|\s[,.?]|\(\s*\)|\bat\s*[,.?]|\s{2}/);
    expect(text, where).not.toMatch(/["“”•◦▪∗●▸►]/u);
    expect(text, where).not.toMatch(/\b(\w+)\s+\1\b/i);
    expect(articleErrors(text), where).toEqual([]);
    expect(text, where).toMatch(/^\p{Lu}.*[?.]$/u);
    if (model) {
      for (const heading of model.sections.map((s) => s.heading)) expect(text, where).not.toMatch(new RegExp(`\\b${heading}\\b`));
      for (const item of [...model.contact.emails, ...model.contact.phones, ...model.contact.links]) expect(text, where).not.toContain(item);
      if (model.nameLine) expect(text, where).not.toContain(model.nameLine);
    }
    if (name) expect(text, where).not.toContain(name);
    const words = normalisedWords(text).join(" ");
    expect(seen, `repeated in ${interview.title}`).not.toContain(words);
    seen.push(words);
  }
}

/** Names a question can mention to be about this CV: organisations, projects, technologies of the facts. */
function cvNames(model: CvModel): string[] {
  return [
    ...model.experience.flatMap((e) => [e.organisation ?? "", ...e.bullets.flatMap((b) => b.technologies)]),
    ...model.projects.flatMap((p) => [p.name, ...p.technologies]),
    ...Object.values(model.skills).flat(),
  ].filter((n) => n.length > 1);
}

describe.each(cvFixtures)("questions from the $id CV", (fixture) => {
  let model: CvModel;
  let interviews: Interview[];
  beforeAll(async () => {
    model = parseCv(await loadFixtureText(fixture.id));
    interviews = interviewsFor(model, [fixture.job, mismatchedJob(fixture)], fixture.id);
  });

  it("match the reviewed wording", async () => {
    await expect(`# ${fixture.id}\n\n${render(interviews)}`).toMatchFileSnapshot(`__snapshots__/${fixture.id}.md`);
  });

  it("read cleanly, never repeat, and leave the CV's headings and contact lines out", () => {
    for (const interview of interviews) checkQuality(interview, model, fixture.name);
  });

  it("are about the CV at least half the time", () => {
    const names = cvNames(model);
    for (const interview of interviews) {
      const about = interview.questions.filter((q) => names.some((n) => q.text.toLowerCase().includes(n.toLowerCase())));
      expect(about.length, interview.title).toBeGreaterThanOrEqual(Math.ceil(interview.questions.length / 2));
    }
  });
});

describe("questions with no CV", () => {
  const interviews = interviewsFor(undefined, Object.values(JOBS), "no-cv");

  it("match the reviewed wording", async () => {
    await expect(`# no CV\n\n${render(interviews)}`).toMatchFileSnapshot("__snapshots__/no-cv.md");
  });

  it("read cleanly and stay within the job's field", () => {
    for (const interview of interviews) {
      checkQuality(interview, undefined);
      if (interview.title.startsWith(JOBS.pastry.title)) {
        expect(interview.questions.map((q) => q.text).join(" ")).not.toMatch(/Kubernetes|production|distributed|architecture|code/i);
      }
    }
  });

  it("name the job or what it needs", () => {
    for (const interview of interviews) {
      const job = interview.title.split(" · ")[0]!.toLowerCase();
      expect(interview.questions.some((q) => q.text.toLowerCase().includes(job)), interview.title).toBe(true);
    }
  });
});
