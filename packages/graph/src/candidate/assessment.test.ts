import { describe, expect, it } from "vitest";
import { answerAsCandidate } from "./answer.js";
import { assessCandidatePersona } from "./assessment.js";
import { questionFor } from "./testing.js";
import { PERSONAS, type Persona } from "./types.js";

const QUESTIONS = [
  "Hi, thanks for coming in.",
  "Tell me about yourself.",
  "How have you used Kafka?",
  "What exactly was your part in that?",
  "Tell me about a time you had a conflict with a colleague.",
  "What did you do at Paynow?",
  "How did you improve deploy times?",
  "Have you used Rust?",
  "Why do you want this role?",
];

/** A whole interview with the AI candidate, as the engine would run it turn by turn. */
async function interview(persona: Persona, questions = QUESTIONS) {
  const turns: { question: string; answer: string }[] = [];
  for (const [turn, question] of questions.entries()) {
    const input = await questionFor(question, persona, {
      askedBefore: turns.map((t) => t.question),
      previousAnswers: turns.map((t) => t.answer),
      turn,
    });
    turns.push({ question, answer: answerAsCandidate(input).text });
  }
  return turns;
}

describe("the AI candidate's own assessment", () => {
  it("scores each persona as an interviewer should have rated it", async () => {
    const scores: Record<string, number> = {};
    for (const persona of PERSONAS) {
      const assessment = assessCandidatePersona({ persona, seniority: "senior", jobTitle: "Backend Engineer", turns: await interview(persona) });
      expect(assessment.persona).toBe(persona);
      scores[persona] = assessment.score;
    }
    expect(scores.strong).toBeGreaterThanOrEqual(8);
    expect(scores.average).toBeGreaterThanOrEqual(5);
    expect(scores.average).toBeLessThanOrEqual(7);
    expect(scores.weak).toBeGreaterThanOrEqual(3);
    expect(scores.weak).toBeLessThanOrEqual(4.5);
    expect(scores.evasive).toBeGreaterThanOrEqual(3);
    expect(scores.evasive).toBeLessThanOrEqual(5);
    expect(scores.strong!).toBeGreaterThan(scores.average!);
    expect(scores.average!).toBeGreaterThan(scores.weak!);
  });

  it("says what an attentive interviewer should have noticed", async () => {
    const strong = assessCandidatePersona({ persona: "strong", seniority: "senior", jobTitle: "Backend Engineer", turns: await interview("strong") });
    expect(strong.summary).toMatch(/^Played a strong senior candidate for the Backend Engineer role/);
    expect(strong.noticed.join(" ")).toMatch(/Concrete evidence.*"/);
    expect(strong.noticed.join(" ")).toMatch(/Honest about gaps/);

    const weak = assessCandidatePersona({ persona: "weak", seniority: "junior", jobTitle: "Backend Engineer", turns: await interview("weak") });
    expect(weak.summary).toMatch(/weak junior candidate.*short, vague answers/);
    expect(weak.noticed.join(" ")).toMatch(/Short answers: about \d+ words/);

    const evasive = assessCandidatePersona({ persona: "evasive", seniority: "mid", jobTitle: "Backend Engineer", turns: await interview("evasive") });
    expect(evasive.noticed.join(" ")).toMatch(/Deflected into generalities, e\.g\. "/);
    expect(evasive.noticed.join(" ")).toMatch(/Never said what they personally did/);
  });

  it("tells the interviewer whether their probing exposed a weak persona", async () => {
    const probing = ["Tell me about a project you're proud of.", "What exactly was your part in that?", "How did you test it?", "What was the result of that?"];
    const shallow = ["Tell me about a project you're proud of.", "Why do you want this role?", "What is your greatest strength?", "Do you have any questions for us?"];
    const noticed = async (questions: string[]) =>
      assessCandidatePersona({ persona: "evasive", seniority: "mid", jobTitle: "Backend Engineer", turns: await interview("evasive", questions) }).noticed.join(" ");
    expect(await noticed(probing)).toMatch(/You probed \d+ of \d+ vague answers/);
    expect(await noticed(shallow)).toMatch(/Only 0 of \d+ vague answers were followed up/);
  });

  it("notes questions it had to decline", async () => {
    const turns = await interview("average", ["Tell me about yourself.", "How old are you?", "Are you married?"]);
    const assessment = assessCandidatePersona({ persona: "average", seniority: "mid", jobTitle: "Backend Engineer", turns });
    expect(assessment.noticed).toContain("Declined 2 questions about personal characteristics — those should not have been asked.");
  });
});
