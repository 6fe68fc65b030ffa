import { describe, expect, it } from "vitest";
import { parseCv } from "../cv/model/index.js";
import { chunkCvText } from "../cv/chunk.js";
import { findTechnologies } from "../text/lexicon.js";
import { answerAsCandidate } from "./answer.js";
import { candidateNameFromCv } from "./greeting.js";
import { jobFieldOf } from "./fields.js";
import { generatePersonaCv } from "./persona-cv.js";
import { retrieve } from "./testing.js";
import { PERSONAS, SENIORITIES } from "./types.js";

const cv = (jobTitle: string, seniority: (typeof SENIORITIES)[number] = "mid", jobDescription?: string, seed = "seed-1") =>
  generatePersonaCv({ jobTitle, jobDescription, seniority, seed, year: 2025, ...(jobTitle === "Backend Engineer" ? { company: "Acme" } : {}) });
const roleLines = (text: string) => text.split("\n").filter((l) => / at .+\(\d{4} - (?:\d{4}|Present)\)$/.test(l));

describe("a persona CV generated for the job", () => {
  it("fits a software job, naming the technologies the job asks for", () => {
    const text = cv("Senior Backend Engineer", "senior", "We build our dispatch platform in Go with Kafka and PostgreSQL on AWS.");
    expect(text).toMatch(/^Experience$/m);
    for (const tech of ["Go", "Kafka", "PostgreSQL", "AWS"]) expect(findTechnologies(text)).toContain(tech);
    expect(text).toMatch(/\d+(?:k|%| minutes| million)/);
    // The generated CV reads as a CV: every role line is an experience entry with its organisation.
    const model = parseCv(text);
    expect(model.experience.filter((e) => e.organisation).length).toBe(roleLines(text).length);
    expect(model.projects.length).toBeGreaterThan(0);
  });

  it("fits a kitchen, a ward and a classroom with their own kind of work", () => {
    const kitchen = cv("Head Chef", "lead");
    expect(kitchen).toMatch(/Head Chef at /);
    expect(kitchen).toMatch(/covers|menu|brigade|food cost/);
    expect(kitchen).toContain("HACCP");
    expect(kitchen).toMatch(/Professional Cookery/);

    const ward = cv("Staff Nurse", "mid");
    expect(ward).toMatch(/patients?/);
    expect(ward).toMatch(/ward|A&E|medication/);
    expect(ward).toMatch(/Nursing/);
    expect(findTechnologies(ward)).toEqual([]);

    const classroom = cv("Maths Teacher", "senior");
    expect(classroom).toMatch(/Mathematics/);
    expect(classroom).toMatch(/students|GCSE|lessons/);
    expect(classroom).toMatch(/PGCE/);
  });

  it("recognises the field from the job title, or from what the description keeps mentioning", () => {
    expect(jobFieldOf("Sous Chef")).toBe("kitchen");
    expect(jobFieldOf("Staff Nurse")).toBe("healthcare");
    expect(jobFieldOf("Senior Data Engineer")).toBe("data");
    expect(jobFieldOf("Team Member", "Serve guests at the bar and help the kitchen; bartender experience and hotel work welcome.")).toBe("hospitality");
    expect(jobFieldOf("Team Member")).toBe("general");
  });

  it("covers sales, design and product jobs too", () => {
    expect(cv("Account Executive")).toMatch(/quota|pipeline|accounts/);
    expect(cv("Product Designer")).toMatch(/Figma|user interviews|usability/);
    expect(cv("Product Manager")).toMatch(/roadmap|discovery|releases/);
    expect(cv("Data Analyst", "junior", "SQL and Tableau")).toMatch(/Tableau/);
  });

  it("has a career as long as its seniority: two roles for a junior, up to four for a lead", () => {
    for (const seed of ["a", "b", "c", "d"]) {
      expect(roleLines(cv("Backend Engineer", "junior", undefined, seed))).toHaveLength(2);
      const lead = roleLines(cv("Backend Engineer", "lead", undefined, seed)).length;
      expect(lead).toBeGreaterThanOrEqual(3);
      expect(lead).toBeLessThanOrEqual(4);
    }
    const latest = roleLines(cv("Backend Engineer", "senior"))[0]!;
    expect(latest).toMatch(/^Senior Backend Engineer at .+\(\d{4} - Present\)$/);
  });

  it("is the same for a seed and different for another", () => {
    expect(cv("Head Chef", "senior", undefined, "x")).toBe(cv("Head Chef", "senior", undefined, "x"));
    expect(cv("Head Chef", "senior", undefined, "x")).not.toBe(cv("Head Chef", "senior", undefined, "y"));
  });

  it("names fictional people and organisations, never the hiring company or a real one", () => {
    const real = /\b(?:Google|Amazon|Microsoft|Meta|Apple|Netflix|Deliveroo|Stripe|Uber|NHS|Tesco|Spotify)\b/;
    for (const title of ["Backend Engineer", "Head Chef", "Staff Nurse", "Maths Teacher", "Account Executive"]) {
      for (const seed of ["1", "2", "3"]) {
        const text = cv(title, "senior", undefined, seed);
        expect(text).not.toMatch(real);
        expect(text).not.toMatch(/\bAcme\b/);
        expect(candidateNameFromCv(text)).toMatch(/^[A-Z][\p{L}]+ [A-Z][\p{L}]+$/u);
      }
    }
  });

  it("never leads the AI candidate to claim a number, tool or contact detail its CV lacks", async () => {
    const titles = ["Frontend Developer", "iOS Engineer", "Data Scientist", "UX Designer", "Line Cook", "Bartender", "Pharmacist", "Primary School Teacher", "Account Executive", "Accountant"];
    const questions = ["Tell me about yourself.", "What are you most proud of?", "Tell me about a time you made a mistake.", "Have you managed a team?", "Tell me more about that.", "What tools do you use?", "Have you used Rust?", "How would you improve our onboarding?"];
    for (const [i, jobTitle] of titles.entries()) {
      const seniority = SENIORITIES[i % SENIORITIES.length]!;
      const text = generatePersonaCv({ jobTitle, seniority, seed: `field-${i}`, year: 2025 });
      const background = await chunkCvText(text);
      const tools = new Set(findTechnologies(text).map((t) => t.toLowerCase()));
      for (const persona of PERSONAS) {
        const previousAnswers: string[] = [];
        for (const [turn, question] of questions.entries()) {
          const { passages, similarity } = await retrieve(text, question);
          const input = { question, passages, similarity, persona, seniority, jobTitle, askedBefore: questions.slice(0, turn), previousAnswers: [...previousAnswers], seed: "s", turn, background };
          const answer = answerAsCandidate(input).text;
          const context = `${jobTitle}/${persona}: ${question} → ${answer}`;
          for (const n of answer.match(/\d+/g) ?? []) expect(text, context).toContain(n);
          const asked = new Set(findTechnologies(question).map((t) => t.toLowerCase()));
          expect(findTechnologies(answer).filter((t) => !tools.has(t.toLowerCase()) && !asked.has(t.toLowerCase())), context).toEqual([]);
          expect(answer, context).not.toMatch(/@|\+44|undefined|\s[.,]/);
          previousAnswers.push(answer);
        }
      }
    }
  });

  it("gives the AI candidate something to answer from", async () => {
    const text = cv("Head Chef", "senior");
    const question = "Tell me about your work on the menu.";
    const { passages, similarity } = await retrieve(text, question);
    const answer = answerAsCandidate({
      question,
      passages,
      similarity,
      persona: "strong",
      seniority: "senior",
      jobTitle: "Head Chef",
      askedBefore: [],
      previousAnswers: [],
      seed: "s",
      turn: 1,
      background: await chunkCvText(text),
    });
    expect(answer.grounded).toBe(true);
    expect(answer.text).toMatch(/menu/);
    for (const n of answer.text.match(/\d+/g) ?? []) expect(text).toContain(n);
  });
});
