import { wordCount } from "../text/words.js";
import { composeAdvice, lawfulAlternative } from "./advice.js";
import { competencyOf, interviewCompetencies } from "./competencies.js";
import { followsUp } from "./follow-up.js";
import { shapeOfQuestion } from "./question-form.js";
import type { FlaggedQuestion, InterviewerCoaching, InterviewingInput, QuestionAnalysis } from "./types.js";
import { unlawfulTopics, type UnlawfulTopic } from "./unlawful-questions.js";

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * How the human interviewed an AI candidate: the form of each question, follow-ups, which of the
 * role's competencies were probed, who did the talking, questions that should not have been asked,
 * and concrete advice from all of it.
 */
export function analyseInterviewing(input: InterviewingInput): InterviewerCoaching {
  const competencies = interviewCompetencies(input.jobTitle, input.jobDescription, input.competencies);
  const perQuestion: QuestionAnalysis[] = [];
  const flagged: { number: number; text: string; topic: UnlawfulTopic }[] = [];

  input.turns.forEach((turn, index) => {
    const number = index + 1;
    const text = turn.question.trim();
    const shape = shapeOfQuestion(text);
    const topics = unlawfulTopics(text);
    for (const topic of topics) flagged.push({ number, text, topic });
    if (!shape.isQuestion) return;
    const previous = perQuestion.length > 0 ? input.turns[index - 1]?.answer : undefined;
    const analysis: QuestionAnalysis = {
      number,
      text,
      form: shape.form,
      multiple: shape.multiple,
      followsUp: followsUp(text, previous),
      flags: [
        ...(shape.form === "open" ? [] : [shape.form]),
        ...(shape.multiple ? ["multiple"] : []),
        ...topics.map((t) => `unlawful: ${t.category}`),
      ],
    };
    // A question about a protected characteristic probes nothing the role needs.
    const competency = topics.length ? undefined : competencyOf(text, competencies);
    if (competency) analysis.competency = competency;
    perQuestion.push(analysis);
  });

  const probed = new Set(perQuestion.map((q) => q.competency).filter(Boolean));
  const coverage = competencies.map((competency) => ({ competency, covered: probed.has(competency) }));
  const interviewerWords = input.turns.reduce((n, t) => n + wordCount(t.question), 0);
  const candidateWords = input.turns.reduce((n, t) => n + wordCount(t.answer), 0);
  const total = interviewerWords + candidateWords;
  const interviewerShare = total ? round2(interviewerWords / total) : 0;
  const followUps = perQuestion.filter((q) => q.followsUp).length;
  // The first question has nothing to follow up on.
  const followUpRate = perQuestion.length > 1 ? round2(followUps / (perQuestion.length - 1)) : 0;

  const flaggedQuestions: FlaggedQuestion[] = flagged.map(({ number, text, topic }) => ({
    number,
    text,
    category: topic.category,
    why: topic.alternative ? `${topic.why} ${lawfulAlternative(topic.alternative)}` : topic.why,
  }));

  return {
    perQuestion,
    coverage,
    talkTime: { interviewerWords, candidateWords, interviewerShare },
    followUpRate,
    flaggedQuestions,
    advice: composeAdvice({
      questions: perQuestion,
      flagged,
      uncovered: coverage.filter((c) => !c.covered).map((c) => c.competency),
      interviewerShare,
      followUps,
      turns: input.turns,
    }),
  };
}
