import { describe, expect, it } from "vitest";
import { findTechnologies } from "../text/lexicon.js";
import { stemSet, wordCount } from "../text/words.js";
import { answerAsCandidate } from "./answer.js";
import { PERSONA_CV, questionFor } from "./testing.js";
import { PERSONAS, type CandidateAnswerInput, type Persona } from "./types.js";

const ask = async (question: string, persona: Persona, options: Partial<CandidateAnswerInput> & { cv?: string } = {}) =>
  answerAsCandidate(await questionFor(question, persona, options));

const cvTechnologies = new Set(findTechnologies(PERSONA_CV).map((t) => t.toLowerCase()));
const cvNumbers = new Set(PERSONA_CV.match(/\d+/g));
const EMPLOYERS = ["Parcelly", "Paynow"];

const QUESTIONS = [
  "Tell me about yourself.",
  "How have you used Kafka?",
  "What did you do at Paynow?",
  "Tell me about a time you had a conflict with a colleague.",
  "How did you improve deploy times?",
  "What did you build, how did you test it and what would you change?",
  "Why do you want this role?",
  "What is your greatest strength?",
  "Tell me about RouteWise.",
  "How would you design a rate limiter?",
];

describe("the AI candidate answering from its CV", () => {
  it("names the technology or employer it is asked about when its CV has it", async () => {
    for (const persona of PERSONAS) {
      expect((await ask("How have you used Kafka?", persona)).text, persona).toContain("Kafka");
      expect((await ask("What did you do at Paynow?", persona)).text, persona).toContain("Paynow");
    }
    const strong = await ask("How have you used Kafka?", "strong");
    expect(strong.grounded).toBe(true);
    expect(strong.text).toContain("12k messages per second");
  });

  it("speaks in the first person, never pasting CV lines, headings or contact details", async () => {
    const lines = PERSONA_CV.split("\n").map((l) => l.trim()).filter((l) => l.length > 25);
    for (const persona of PERSONAS) {
      for (const question of QUESTIONS) {
        const { text } = await ask(question, persona);
        expect(text, question).not.toMatch(/^[-•*]|\n|\s[-•*]\s[A-Z]|Experience:|Skills:|@|7700/);
        for (const line of lines) expect(text, question).not.toContain(line.replace(/^- /, ""));
      }
    }
    const { text } = await ask("What did you do at Paynow?", "strong");
    expect(text).toMatch(/\bI (?:built|cut)\b/);
    expect(text).toContain("our card settlement API");
  });

  it("admits what it has not done instead of inventing it", async () => {
    for (const persona of PERSONAS) {
      const rust = await ask("Have you used Rust?", persona);
      expect(rust.text, persona).toMatch(/haven't|isn't something|wouldn't say/);
      const named = findTechnologies(rust.text).map((t) => t.toLowerCase());
      expect(named.filter((t) => t !== "rust" && !cvTechnologies.has(t)), persona).toEqual([]);

      const google = await ask("What was it like working at Google?", persona);
      expect(google.text, persona).toMatch(/haven't worked at Google/);
      const organisations = google.text.match(/\bat ([A-Z][a-z]+)/g)?.map((m) => m.slice(3)) ?? [];
      expect(organisations.filter((o) => o !== "Google" && !EMPLOYERS.includes(o)), persona).toEqual([]);

      const budget = await ask("Have you managed a budget?", persona);
      expect(budget.text, persona).toMatch(/^No|haven't|not something|Not (?:really|directly)/);
      expect(budget.grounded, persona).toBe(false);
    }
  });

  it("offers the closest thing only when its CV has something genuinely related", async () => {
    const rust = await ask("Have you used Rust?", "strong");
    expect(rust.text).toMatch(/closest I've come is Go/);
    expect(rust.grounded).toBe(true);
    const budget = await ask("Have you managed a budget?", "strong");
    expect(budget.text).not.toMatch(/closest/);
  });

  it("says yes to having done something only when its CV shows it, in whatever words", async () => {
    const led = "Experience\nHead Chef at The Wren (2019 - Present)\n- Led a brigade of 12 chefs across two kitchens.";
    const reports = "Experience\nAccountant at Wren Group (2019 - Present)\n- Prepared 8 weekly reports for the management team.";
    expect((await ask("Have you managed a team?", "strong", { cv: led, jobTitle: "Head Chef" })).text).toMatch(/^Yes\. .*brigade of 12 chefs/);
    expect((await ask("Have you managed a team?", "strong", { cv: reports, jobTitle: "Accountant" })).text).toMatch(/^No — /);
  });

  it("says it has no figure rather than guessing one", async () => {
    const revenue = await ask("How much did the Redis caching increase revenue at Paynow?", "strong");
    expect(revenue.text).toMatch(/don't have an exact figure/);
    expect(revenue.text).not.toMatch(/revenue \w+ by \d/);
    const latency = await ask("By how much did you cut latency of the merchant dashboard?", "strong");
    expect(latency.text).toContain("45%");
    expect(latency.text).not.toMatch(/don't have an exact figure/);
  });

  it("states no number that is not in its CV", async () => {
    for (const persona of PERSONAS) {
      for (const question of [...QUESTIONS, "What are your salary expectations?", "What's your notice period?", "How many people did you manage?"]) {
        const { text } = await ask(question, persona);
        for (const n of text.match(/\d+/g) ?? []) expect(cvNumbers.has(n), `${persona}: ${question} → ${text}`).toBe(true);
      }
    }
  });

  it("is specific and structured when strong, short and vague when weak", async () => {
    let strongWords = 0;
    let weakWords = 0;
    const specifics = (t: string) => (t.match(/\d+/g)?.length ?? 0) + findTechnologies(t).length;
    let strongSpecifics = 0;
    let weakSpecifics = 0;
    for (const question of QUESTIONS) {
      const strong = (await ask(question, "strong")).text;
      const weak = (await ask(question, "weak")).text;
      strongWords += wordCount(strong);
      weakWords += wordCount(weak);
      strongSpecifics += specifics(strong);
      weakSpecifics += specifics(weak);
    }
    expect(strongWords).toBeGreaterThan(2 * weakWords);
    expect(strongSpecifics).toBeGreaterThan(2 * weakSpecifics);
    const conflict = (await ask("Tell me about a time you had a conflict with a colleague.", "strong")).text;
    expect(conflict).toMatch(/One that comes to mind is from Parcelly/);
    expect(conflict).toMatch(/In the end, that cut deploy time from 40 to 6 minutes/);
    expect(conflict).toMatch(/trade|differently|lesson|again/);
  });

  it("avoids specifics when evasive, without claiming anything untrue", async () => {
    for (const question of QUESTIONS) {
      const { text } = await ask(question, "evasive");
      expect(text, question).not.toMatch(/\d/);
      const asked = new Set(findTechnologies(question).map((t) => t.toLowerCase()));
      expect(findTechnologies(text).filter((t) => !asked.has(t.toLowerCase())), question).toEqual([]);
    }
    expect((await ask("Tell me about a time you had a conflict with a colleague.", "evasive")).text).toMatch(/rarely real conflict|rather highlight|proud/);
  });

  it("declines unlawful questions politely and answers none of them", async () => {
    const questions = [
      "How old are you?",
      "Are you married?",
      "Do you have children?",
      "Are you planning to start a family?",
      "What religion are you?",
      "Where are you really from?",
      "Do you have any health problems?",
      "Who did you vote for?",
      "What's your current salary?",
    ];
    for (const persona of PERSONAS) {
      for (const question of questions) {
        const answer = await ask(question, persona);
        expect(answer.text, `${persona}: ${question}`).toMatch(/rather not|prefer to keep|let's not go into/);
        expect(answer.text).not.toMatch(/\d|\b(?:I'm|I am) (?:married|single|a (?:christian|muslim|citizen))|my (?:wife|husband|kids|children)|I was born/i);
        expect(answer.grounded).toBe(false);
      }
    }
  });

  it("names the subject it declines, whatever its persona, and declines a single clause with a lawful word whole", async () => {
    for (const persona of PERSONAS) {
      expect((await ask("Tell me about your religion.", persona)).text, persona).toMatch(/\bmy religion\b/);
      expect((await ask("How old are you?", persona)).text, persona).toMatch(/\bmy age\b/);
      const clause = await ask("Tell me about Kafka and your religion.", persona);
      expect(clause.text, persona).toMatch(/\bmy religion\b/);
      expect(clause.text, persona).not.toMatch(/Kafka/);
    }
  });

  it("declines every unlawful part of a question by name, and still answers a lawful part", async () => {
    for (const persona of ["strong", "average"] as const) {
      const both = (await ask("How old are you, and are you married?", persona)).text;
      expect(both, persona).toMatch(/my age and my relationship status/);

      const mixed = await ask("How old are you, and what did you do at Paynow?", persona);
      expect(mixed.text, persona).toMatch(/^I'd (?:rather not go into|prefer to keep) my age\b/);
      expect(mixed.text, persona).toMatch(/(?:the job|okay)\. [^.]*\bPaynow\b/);
      expect(mixed.text).not.toMatch(/\. (?:Happy to|Okay|Sure)\./);
      expect(mixed.grounded, persona).toBe(true);
      expect(mixed.text).not.toMatch(/\b(?:I'm|I am) \d+|years old/i);
    }
    // The others still decline it all.
    expect((await ask("How old are you, and what did you do at Paynow?", "weak")).text).not.toMatch(/Paynow/);
  });

  it("declines a question whose unlawful subject runs across its parts, without answering either part", async () => {
    for (const persona of PERSONAS) {
      for (const question of ["Will you need maternity leave, and what do you plan to work on first?", "Any maternity leave coming up? What do you expect from the team?"]) {
        const answer = await ask(question, persona);
        expect(answer.text, `${persona}: ${question}`).toMatch(/rather not|prefer to keep|let's not go into/);
        expect(answer.grounded).toBe(false);
      }
    }
  });

  it("takes a stance on a view a leading question puts to it, qualifying a sweeping one unless weak or evasive", async () => {
    const sweeping = [
      "Code review is the best way to find bugs, isn't it?",
      "Pair programming always slows a team down, right?",
      "Wouldn't you say that you should never deploy on a Friday?",
      "Code review is the best way to find bugs, don't you think?",
      "Testing always pays off, don’t you agree?",
      "Pair programming always slows a team down, agreed?",
    ];
    for (const question of sweeping) {
      expect((await ask(question, "strong")).text, question).toMatch(/^Not always — it depends/);
      expect((await ask(question, "average")).text, question).toMatch(/^Mostly, though it depends/);
      expect((await ask(question, "evasive")).text, question).toMatch(/^Oh, definitely/);
    }
    expect((await ask("You'd agree that testing matters, wouldn't you?", "strong")).text).toMatch(/^Yes\./);
    // A sweeping word in a claim about the candidate is not a view to qualify.
    for (const question of ["You've always wanted to work in logistics, haven't you?", "Everyone on your team liked you, didn't they?"]) {
      expect((await ask(question, "strong")).text, question).not.toMatch(/depends/);
    }
  });

  it("answers greetings, small talk and statements briefly and without CV facts", async () => {
    for (const persona of PERSONAS) {
      for (const remark of ["Hi, thanks for coming in.", "How are you?", "Great, thanks.", "Thanks for your time today, we'll be in touch."]) {
        const answer = await ask(remark, persona);
        expect(wordCount(answer.text), `${persona}: ${remark}`).toBeLessThanOrEqual(20);
        expect(answer.grounded).toBe(false);
      }
    }
    expect((await ask("Thanks for your time today, we'll be in touch.", "strong")).text).toMatch(/thank/i);
  });

  it("stays non-committal about salary and notice, with no figures", async () => {
    for (const persona of PERSONAS) {
      const salary = (await ask("What are your salary expectations?", persona)).text;
      expect(salary, persona).not.toMatch(/\d|£|\$|€|\bk\b/);
      const notice = (await ask("What's your notice period?", persona)).text;
      expect(notice, persona).not.toMatch(/\d|\b(?:one|two|three|four|six) (?:weeks?|months?)\b/);
    }
  });

  it("knows the hiring company only from the job, and says so", async () => {
    const { text } = await ask("What do you know about Acme?", "strong", { company: "Acme" });
    expect(text).toMatch(/job description/);
    expect(text).not.toMatch(/haven't worked/);
    expect((await ask("What do you know about Kafka?", "strong", { company: "Acme" })).text).toContain("Kafka");
  });

  it("grounds its motivation in its career so far", async () => {
    const { text, grounded } = await ask("Why do you want this role?", "strong");
    expect(grounded).toBe(true);
    expect(text).toMatch(/from a backend engineer at Paynow to a senior backend engineer at Parcelly/);
    expect(text).toContain("Backend Engineer role");
  });

  it("answers yes/no questions with a yes or a no first", async () => {
    expect((await ask("Have you used Kafka?", "strong")).text).toMatch(/^Yes\. /);
    expect((await ask("Have you used Rust?", "average")).text).toMatch(/^No — /);
  });

  it("takes the second part of a multi-part question when strong, not when weak", async () => {
    const question = "What did you build at Paynow, and how did you make the dashboard faster?";
    const strong = await ask(question, "strong");
    expect(strong.text).toContain("card settlement API");
    expect(strong.text).toMatch(/As for the second part, .*Redis/);
    const weak = await ask(question, "weak");
    expect(weak.text).not.toMatch(/second part/);
  });

  it("builds on its last answer when the interviewer follows up", async () => {
    const kafka = await ask("How have you used Kafka?", "strong");
    const history = { askedBefore: ["How have you used Kafka?"], previousAnswers: [kafka.text], turn: 2 };
    const part = await ask("What exactly was your part in that?", "strong", history);
    expect(part.text).toMatch(/^It was my piece of work: I designed an event pipeline on Kafka/);
    const evasive = await ask("What exactly was your part in that?", "evasive", history);
    expect(evasive.text).toMatch(/team effort/);
    expect(evasive.text).not.toMatch(/\d|Kafka/);
  });

  it("does not repeat itself when asked the same thing twice", async () => {
    const question = "Tell me about a project you're proud of.";
    const first = await ask(question, "strong");
    const again = await ask(question, "strong", { askedBefore: [question], previousAnswers: [first.text], turn: 2 });
    const overlap = (a: string, b: string) => {
      const x = stemSet(a);
      const y = stemSet(b);
      const shared = [...x].filter((s) => y.has(s)).length;
      return shared / (x.size + y.size - shared);
    };
    expect(overlap(first.text, again.text)).toBeLessThan(0.6);
    expect(again.usedFacts.some((f) => first.usedFacts.includes(f) && !/at Parcelly|at Paynow/.test(f))).toBe(false);
  });

  it("gives each turn of an interview its own answer", async () => {
    const askedBefore: string[] = [];
    const previousAnswers: string[] = [];
    for (const [turn, question] of ["How have you used Kafka?", "Tell me about a time you were under pressure.", "Tell me about a time you failed.", "What are you proudest of?"].entries()) {
      const answer = await ask(question, "strong", { askedBefore: [...askedBefore], previousAnswers: [...previousAnswers], turn });
      for (const previous of previousAnswers) expect(answer.text).not.toBe(previous);
      askedBefore.push(question);
      previousAnswers.push(answer.text);
    }
    expect(new Set(previousAnswers.map((a) => a.split(". ")[1])).size).toBe(previousAnswers.length);
  });

  it("is deterministic for a seed and varies between seeds", async () => {
    for (const question of QUESTIONS) {
      expect((await ask(question, "average")).text).toBe((await ask(question, "average")).text);
    }
    const texts = async (seed: string) => Promise.all(QUESTIONS.map(async (q) => (await ask(q, "strong", { seed })).text));
    expect(await texts("a")).not.toEqual(await texts("b"));
  });
});
