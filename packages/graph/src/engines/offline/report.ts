import type { AssessmentRequest, AssessmentResult } from "../model.js";
import type { Evaluation, Rubric } from "../../types.js";

const DIMENSION_LABEL: Record<keyof Rubric, { strength: string; improvement: string }> = {
  relevance: {
    strength: "Answers stayed focused on what was asked.",
    improvement: "Answer the question that was asked first, then add context.",
  },
  depth: {
    strength: "Explained the reasoning and trade-offs behind decisions.",
    improvement: "Go deeper: explain how things worked and why you chose them over alternatives.",
  },
  clarity: {
    strength: "Answers were clearly structured and easy to follow.",
    improvement: "Structure answers as situation, action and result so the listener can follow.",
  },
  evidence: {
    strength: "Backed claims with concrete numbers, tools and outcomes.",
    improvement: "Support claims with measurable results, named tools and specific examples.",
  },
};

export function meanRubric(evaluations: Evaluation[]): Rubric {
  const dims: (keyof Rubric)[] = ["relevance", "depth", "clarity", "evidence"];
  const n = Math.max(1, evaluations.length);
  return Object.fromEntries(
    dims.map((d) => [d, Math.round((evaluations.reduce((s, e) => s + e.rubric[d], 0) / n) * 10) / 10]),
  ) as unknown as Rubric;
}

/** The offline engine's written judgement: strengths and improvements from the rubric, and a summary. */
export function composeOfflineAssessment(req: AssessmentRequest): AssessmentResult {
  const rubric = meanRubric(req.evaluations);
  const dims = (Object.keys(rubric) as (keyof Rubric)[]).sort((a, b) => rubric[b] - rubric[a]);
  const strengths = dims.filter((d) => rubric[d] >= 6.5).map((d) => DIMENSION_LABEL[d].strength);
  const improvements = [...dims].reverse().filter((d) => rubric[d] < 6.5).map((d) => DIMENSION_LABEL[d].improvement);

  const byScore = [...req.evaluations].sort((a, b) => b.score - a.score);
  const questionText = (id: string) => req.questions.find((q) => q.id === id)?.text ?? "";
  const best = byScore[0];
  const worst = byScore[byScore.length - 1];
  if (best && best.score >= 7) strengths.push(`Best answer: "${shorten(questionText(best.questionId))}" (${best.score}/10).`);
  if (worst && worst !== best && worst.score < 5) {
    improvements.push(`Revisit: "${shorten(questionText(worst.questionId))}" (${worst.score}/10).`);
  }
  const dontKnows = req.answers.filter((a) => /\b(don'?t know|no idea|not sure)\b/i.test(a.text)).length;
  if (dontKnows > 0) improvements.push(`${dontKnows === 1 ? "One question" : `${dontKnows} questions`} went unanswered; reason aloud even when unsure.`);

  const mean = req.evaluations.reduce((s, e) => s + e.score, 0) / Math.max(1, req.evaluations.length);
  const strongest = dims[0]!;
  const weakest = dims[dims.length - 1]!;
  const summary =
    // The overall score stands beside the summary wherever it is shown (the closing words, the
    // reports), so the summary does not restate it, and it reads the same to candidate and team.
    `Over ${req.evaluations.length === 1 ? "one answered question" : `${req.evaluations.length} answered questions`} for the ${req.jobTitle} role${req.company ? ` at ${req.company}` : ""}, ` +
    `the strongest dimension was ${strongest} (${rubric[strongest]}/10) and the weakest was ${weakest} (${rubric[weakest]}/10).` +
    (mean >= 6.5
      ? " Overall the answers were convincing."
      : mean >= 4.5
        ? " The answers showed potential but need more depth and evidence."
        : " The answers were not yet convincing for this role.");
  return {
    strengths: strengths.length ? strengths : ["Completed the interview and engaged with every question."],
    improvements: improvements.length ? improvements : ["Keep practising with harder questions to stretch further."],
    summary,
  };
}

const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
