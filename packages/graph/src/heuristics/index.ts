/**
 * The heuristic scorer every engine uses: it routes the interview instantly, is the offline
 * engine's whole evaluation, and stands in when a model's evaluation fails.
 *
 * What the graph passes to `scoreAnswer`:
 * - `questionId`, `question`, `topic`: the `Question` answered (`id`, `text`, `topic`);
 * - `answer`: the candidate's answer text, as received;
 * - `language`: the interview's `language` setting ("en", "de", "pt-BR"…);
 * - `job`: `{ title: jobTitle, description: jobDescription, terms: jobTerms }` from the state;
 * - `cvTerms`: `[...cvProfile.technologies, ...cvProfile.skills]`.
 *
 * `removeGraderInstructions` gives the answer as it was scored, for anything that quotes the
 * answer back (follow-up questions) and should not repeat text addressed to the grader.
 */
export { scoreAnswer } from "./score-answer.js";
export { quotableClause, quotableFragment } from "./quotable.js";
export { removeGraderInstructions, type CleanedAnswer } from "./grader-instructions.js";
export { spearman } from "./spearman.js";
export type { EvidenceIssue, HeuristicEvaluation, RubricDimension, ScoringInput } from "./types.js";
