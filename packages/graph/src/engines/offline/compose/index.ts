export { chooseFocus, type FocusInput } from "./focus.js";
export { composeQuestion, composeQuestionDetailed } from "./compose.js";
export { jobDomain, skillsForRole, type Domain } from "./domain.js";
export type { AnswerGap, ComposedQuestion, ComposeInput, FocusKind, JobInfo, QuestionFocus } from "./types.js";
