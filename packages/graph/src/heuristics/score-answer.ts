import { wordCount } from "../text/words.js";
import { feedbackForAnswer, feedbackForClarification, feedbackOffTopic, feedbackWithoutEvidence, type FeedbackContext } from "./feedback.js";
import { removeGraderInstructions } from "./grader-instructions.js";
import { interviewLanguage, otherLanguageOf } from "./language.js";
import { asksForClarification, copiesQuestion, isFillerOnly, isGibberish, repeatsEarlierAnswer, saysDontKnow } from "./nothing-to-judge.js";
import { judgeRelevance } from "./relevance.js";
import { CLARIFICATION_RUBRIC, belowPar, rateAnswer, rubricWithoutEvidence, weightedScore } from "./rubric.js";
import { measureAnswer, questionKind, withNeutralCues } from "./signals.js";
import type { EvidenceIssue, HeuristicEvaluation, ScoringInput } from "./types.js";

/** Why the answer leaves nothing to judge, checked from the plainest case to the subtlest. */
function evidenceIssueOf(
  original: string,
  answer: string,
  injection: boolean,
  input: ScoringInput,
): { issue: EvidenceIssue; language?: string } | undefined {
  if (!original.trim()) return { issue: "empty" };
  if (injection && (!answer || isFillerOnly(answer))) return { issue: "instructions_only" };
  if (isFillerOnly(answer)) return { issue: "empty" };
  if (isGibberish(answer)) return { issue: "gibberish" };
  const language = otherLanguageOf(answer, input.language);
  if (language) return { issue: "other_language", language };
  if (saysDontKnow(answer)) return { issue: "dont_know" };
  if (copiesQuestion(answer, input.question, input.topic)) return { issue: "copies_question" };
  if (repeatsEarlierAnswer(answer, input.earlierAnswers ?? [])) return { issue: "repeats_answer" };
  return undefined;
}

/**
 * Scores an answer instantly and deterministically from what it measurably contains. Used to
 * route the interview, as the offline engine's evaluation, and when a model's evaluation fails.
 * Sentences addressed to the grader are removed first, so they change nothing but `injection`.
 */
export function scoreAnswer(input: ScoringInput): HeuristicEvaluation {
  const cleaned = removeGraderInstructions(input.answer, input.language);
  const answer = cleaned.text;
  const words = wordCount(answer);
  const expectedLanguage = interviewLanguage(input.language);
  const english = (expectedLanguage ?? "en") === "en";
  const ctx: FeedbackContext = {
    answer,
    question: input.question,
    topic: input.topic,
    jobTitle: input.job.title,
    interviewLanguage: expectedLanguage,
    kind: questionKind(input.question),
    injection: cleaned.injection,
    englishCues: english,
  };
  const base = {
    questionId: input.questionId,
    injection: cleaned.injection,
    words,
  };

  const wantsClarification = answer !== "" && asksForClarification(answer, words);
  if (wantsClarification) {
    const rubric = { ...CLARIFICATION_RUBRIC };
    return {
      ...base,
      score: weightedScore(rubric),
      rubric,
      feedback: feedbackForClarification(ctx),
      insufficientEvidence: false,
      offTopic: false,
      followUpDue: false,
      wantsClarification: true,
      dontKnow: false,
      missing: belowPar(rubric),
    };
  }

  const nothing = evidenceIssueOf(input.answer, answer, cleaned.injection, input);
  if (nothing) {
    const rubric = rubricWithoutEvidence(nothing.issue);
    return {
      ...base,
      score: weightedScore(rubric),
      rubric,
      feedback: feedbackWithoutEvidence(nothing.issue, { ...ctx, answerLanguage: nothing.language }),
      insufficientEvidence: true,
      evidenceIssue: nothing.issue,
      offTopic: false,
      followUpDue: false,
      wantsClarification: false,
      dontKnow: nothing.issue === "dont_know",
      missing: belowPar(rubric),
    };
  }

  const measured = measureAnswer(answer, input.language, input.question);
  const signals = english ? measured : withNeutralCues(measured);
  const relevance = judgeRelevance(answer, words, input, { englishVocabulary: english });
  const rubric = rateAnswer(signals, relevance);
  const score = weightedScore(rubric);
  return {
    ...base,
    score,
    rubric,
    feedback: relevance.offTopic ? feedbackOffTopic(relevance, ctx) : feedbackForAnswer(signals, rubric, relevance, ctx),
    insufficientEvidence: false,
    offTopic: relevance.offTopic,
    // A thin but genuine answer earns one follow-up; an answer to another question does not.
    followUpDue: !relevance.offTopic && score < 6,
    wantsClarification: false,
    dontKnow: false,
    missing: belowPar(rubric),
  };
}
