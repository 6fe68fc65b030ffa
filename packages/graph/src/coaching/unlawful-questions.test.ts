import { describe, expect, it } from "vitest";
import { unlawfulTopics } from "./unlawful-questions.js";

const categories = (q: string) => unlawfulTopics(q).map((t) => t.category);

describe("questions an interviewer should not ask", () => {
  it.each([
    ["How old are you?", "age"],
    ["What year did you graduate from high school?", "age"],
    ["What's your date of birth?", "age"],
    ["Are you married?", "marital status"],
    ["What does your partner do for a living?", "marital status"],
    ["Do you have children?", "children and pregnancy"],
    ["Are you planning to start a family soon?", "children and pregnancy"],
    ["Are you pregnant?", "children and pregnancy"],
    ["Which religious holidays do you observe?", "religion"],
    ["What religion are you?", "religion"],
    ["Tell me about your religion.", "religion"],
    ["Tell me about Kafka and your religion.", "religion"],
    ["How does your faith shape your week?", "religion"],
    ["Where are you really from?", "nationality and origin"],
    ["Where were you born?", "nationality and origin"],
    ["What is your native language?", "nationality and origin"],
    ["Are you a US citizen?", "nationality and origin"],
    ["What is your ethnic background?", "race and ethnicity"],
    ["Do you have any disabilities?", "health and disability"],
    ["How many sick days did you take last year?", "health and disability"],
    ["Are you on any medication?", "health and disability"],
    ["Are you gay?", "sexual orientation and gender identity"],
    ["Were you born a man?", "sexual orientation and gender identity"],
    ["Who did you vote for in the last election?", "political views"],
    ["What are your political views?", "political views"],
    ["Are you a member of a trade union?", "union membership"],
    ["Have you ever been arrested?", "arrest record"],
    ["How much do you weigh?", "appearance"],
    ["How tall are you?", "appearance"],
    ["What is your current salary?", "salary history"],
  ])("flags %j as %s", (question, category) => {
    expect(categories(question)).toContain(category);
  });

  it("leaves lawful questions that sound similar alone", () => {
    for (const q of [
      "Tell me about a time your team had to work across cultures.",
      "Are you able to perform the essential functions of this role, with or without reasonable accommodation?",
      "Are you legally authorised to work in this country?",
      "This is a bar job, so: are you over 18?",
      "How many years of experience do you have with Kafka?",
      "How did you track down the race condition in the payment service?",
      "Which languages do you speak fluently?",
      "What was the first language you learned to program in?",
      "Would you be able to work occasional weekends?",
      "What are your salary expectations?",
      "Tell me about how you partnered with the product team.",
      "Where are you based at the moment?",
      "How do you navigate office politics?",
      "Are you married to a particular framework, or happy to switch?",
      "How old is the codebase you maintain?",
      "When did you start your current role?",
      "How would you support a patient on medication who refuses to eat?",
      "Is there anything we can do to make this interview more accessible for you?",
      "Have you taught any children with special educational needs?",
      "What gave you faith in the rewrite?",
      "How do you keep your faith in a plan when it slips?",
    ]) {
      expect(categories(q), q).toEqual([]);
    }
  });

  it("says why, and offers the lawful question where there is one", () => {
    const [origin] = unlawfulTopics("Where were you born?");
    expect(origin?.why).toMatch(/national origin/i);
    expect(origin?.alternative).toBe("Are you legally authorised to work in this country?");
    const [health] = unlawfulTopics("Do you have any health problems?");
    expect(health?.alternative).toMatch(/essential functions/);
    expect(unlawfulTopics("What race are you?")[0]?.alternative).toBeUndefined();
  });
});
