import { describe, expect, it } from "vitest";
import { analyseInterviewing } from "./analyse.js";
import type { InterviewTurn } from "./types.js";

const job = {
  jobTitle: "Senior Backend Engineer",
  jobDescription: "Build and run our dispatch platform in Go on Kubernetes. Design APIs used by partners, and mentor engineers.",
};

/** An interviewer who asks open questions, follows up and covers the role. */
const good: InterviewTurn[] = [
  { question: "Hi, thanks for coming in today.", answer: "Thanks for having me — I've been looking forward to it." },
  {
    question: "Tell me about a system you built that you're proud of.",
    answer:
      "At Parcelly I led the migration of our dispatch service to Kubernetes. Deploys used to take forty minutes and failed often; I moved one service at a time behind a feature flag, and deploy time went from 40 to 6 minutes.",
  },
  {
    question: "You mentioned moving one service at a time — why not all at once?",
    answer: "Because a big-bang cut-over would have risked the evening peak. Going service by service was slower, but we could roll any step back in minutes.",
  },
  {
    question: "How did you decide which service went first?",
    answer: "I picked the one with the fewest dependencies and the best test coverage, so the first step taught us the most with the least risk.",
  },
  {
    question: "Tell me about a time you disagreed with a colleague about a technical decision.",
    answer:
      "A colleague wanted to rewrite the settlement API in Rust. I thought the risk was too high, so we wrote down the costs of both options and agreed to prototype one endpoint first.",
  },
  { question: "How did that prototype change the conversation?", answer: "It showed the gain was small, so we kept Go and spent the time on caching instead." },
  {
    question: "Walk me through how you would design an API for partners to track parcels.",
    answer: "I'd start from the partner's questions — where is my parcel, when will it arrive — then design a small resource model, versioned from day one, with webhooks for status changes.",
  },
  { question: "What would you do to keep it stable as partners start depending on it?", answer: "Contract tests with each partner, a deprecation policy, and rate limits per key so one partner cannot hurt the others." },
  {
    question: "How do you explain a trade-off like that to non-technical stakeholders?",
    answer: "I describe the options in terms of what the customer sees and what it costs, and I bring a recommendation rather than a menu.",
  },
  { question: "Tell me about a time you helped someone on your team grow.", answer: "I mentored three junior engineers through their first on-call rotation, pairing on the first incidents and then stepping back." },
  { question: "Why are you interested in this role?", answer: "It is the same kind of problem at a larger scale, and I want to spend more time on API design." },
];

/** An interviewer who asks closed, leading, stacked and unlawful questions, and talks a lot. */
const poor: InterviewTurn[] = [
  {
    question:
      "So, let me tell you a bit about us first. We're a fast-growing logistics company, we moved everything to Kubernetes last year, the team is great, we do a lot of pairing, and we really care about quality and about moving fast. You're a backend engineer, right?",
    answer: "Yes.",
  },
  { question: "Have you used Kubernetes?", answer: "Yes, I have." },
  { question: "Do you know Go?", answer: "Yes." },
  { question: "You'd agree that microservices are the best architecture, wouldn't you?", answer: "Yes, I think so." },
  { question: "What did you build at Parcelly, how did you test it and what would you change?", answer: "I worked on the dispatch service. It went fine." },
  { question: "Are you married?", answer: "I'd rather not say." },
  { question: "How old are you?", answer: "I'd rather not say." },
  { question: "Do you have children?", answer: "I'd prefer to keep that private." },
  { question: "Can you work under pressure?", answer: "Yes." },
];

describe("coaching the interviewer", () => {
  const goodReport = analyseInterviewing({ ...job, turns: good });
  const poorReport = analyseInterviewing({ ...job, turns: poor });

  it("tells a good interviewer from a poor one", () => {
    const openShare = (r: typeof goodReport) => r.perQuestion.filter((q) => q.form === "open").length / r.perQuestion.length;
    const covered = (r: typeof goodReport) => r.coverage.filter((c) => c.covered).length;
    expect(openShare(goodReport)).toBe(1);
    expect(openShare(poorReport)).toBeLessThan(0.25);
    expect(goodReport.followUpRate).toBeGreaterThanOrEqual(0.5);
    expect(poorReport.followUpRate).toBeLessThan(0.25);
    expect(covered(goodReport)).toBeGreaterThan(covered(poorReport));
    expect(goodReport.flaggedQuestions).toEqual([]);
    expect(poorReport.flaggedQuestions.map((f) => f.category)).toEqual(["marital status", "age", "children and pregnancy"]);
    expect(goodReport.talkTime.interviewerShare).toBeLessThan(0.4);
    expect(poorReport.talkTime.interviewerShare).toBeGreaterThan(0.4);
  });

  it("analyses each question: form, several at once, follow-up, competency and flags", () => {
    // The greeting is not a question, so numbering follows the transcript.
    expect(goodReport.perQuestion[0]?.number).toBe(2);
    const byNumber = (r: typeof goodReport, n: number) => r.perQuestion.find((q) => q.number === n)!;
    expect(byNumber(goodReport, 3)).toMatchObject({ form: "open", followsUp: true, multiple: false });
    expect(byNumber(goodReport, 4).followsUp).toBe(true);
    expect(byNumber(goodReport, 6).followsUp).toBe(true);
    expect(byNumber(goodReport, 9).followsUp).toBe(true);
    expect(byNumber(goodReport, 10).followsUp).toBe(false);
    expect(byNumber(goodReport, 7)).toMatchObject({ followsUp: false, competency: "API design" });
    expect(byNumber(goodReport, 5).competency).toBe("collaboration");
    expect(byNumber(goodReport, 9).competency).toBe("communication");
    expect(byNumber(goodReport, 11).competency).toBe("motivation");
    expect(byNumber(poorReport, 1).flags).toContain("leading");
    expect(byNumber(poorReport, 2).flags).toEqual(["closed"]);
    expect(byNumber(poorReport, 5)).toMatchObject({ multiple: true, flags: ["multiple"] });
    expect(byNumber(poorReport, 6).flags).toEqual(["closed", "unlawful: marital status"]);
    expect(byNumber(poorReport, 6).competency).toBeUndefined();
  });

  it("counts who did the talking", () => {
    const { interviewerWords, candidateWords, interviewerShare } = poorReport.talkTime;
    expect(interviewerWords).toBeGreaterThan(candidateWords);
    expect(interviewerShare).toBeCloseTo(interviewerWords / (interviewerWords + candidateWords), 2);
  });

  it("explains each flagged question and says what to ask instead", () => {
    const marital = poorReport.flaggedQuestions.find((f) => f.category === "marital status")!;
    expect(marital).toMatchObject({ number: 6, text: "Are you married?" });
    expect(marital.why).toMatch(/protected/);
    expect(marital.why).toMatch(/travel/);
    const advice = poorReport.advice.find((a) => a.includes('"Are you married?"'));
    expect(advice).toMatch(/^Don't ask/);
  });

  it("gives concrete advice from what happened, quoting the interviewer's own questions", () => {
    const advice = poorReport.advice.join("\n");
    expect(advice).toContain('instead of "Have you used Kubernetes?", ask "Tell me about a time you used Kubernetes."');
    expect(advice).toMatch(/Question 5 asked 3 things at once .*Ask "What did you build at Parcelly\?" first/);
    expect(advice).toMatch(/You spoke \d+% of the words/);
    expect(advice).toMatch(/You followed up on 0 of \d+ answers/);
    expect(advice).toMatch(/questions suggested the answer you wanted.*"You're a backend engineer, right\?"/);
    expect(advice).toMatch(/Not probed: .*collaboration/);
  });

  it("never suggests asking an unlawful question, not even as the first part of a stacked one or a neutral rewrite", () => {
    const report = analyseInterviewing({
      ...job,
      turns: [
        { question: "How old are you, and do you have kids?", answer: "I'd rather not say." },
        { question: "You're not planning to start a family soon, are you?", answer: "I'd rather not say." },
        { question: "Tell me about the dispatch service.", answer: "I rebuilt it in Go." },
      ],
    });
    const advice = report.advice.join("\n");
    expect(report.flaggedQuestions.length).toBeGreaterThanOrEqual(2);
    expect(advice).toMatch(/Don't ask "How old are you, and do you have kids\?"/);
    expect(advice).not.toMatch(/Ask "How old are you\?"|first and follow up|Ask neutrally instead/);
  });

  it("praises a well-run interview instead of inventing problems", () => {
    expect(goodReport.advice.join(" ")).not.toMatch(/Don't ask|closed|at once|You spoke/);
    expect(goodReport.advice.length).toBeGreaterThan(0);
  });

  it("checks coverage against the competencies the interviewer chose", () => {
    const report = analyseInterviewing({ ...job, competencies: ["Kubernetes", "incident response", "collaboration"], turns: good });
    expect(report.coverage).toEqual([
      { competency: "Kubernetes", covered: false },
      { competency: "incident response", covered: false },
      { competency: "collaboration", covered: true },
    ]);
    expect(report.advice.join(" ")).toMatch(/Not probed: Kubernetes, incident response/);
  });
});
