export { analyseInterviewing } from "./analyse.js";
export { interviewCompetencies, competencyOf } from "./competencies.js";
export { followsUp } from "./follow-up.js";
export { openRewrite } from "./open-rewrite.js";
export { shapeOfQuestion, type QuestionShape } from "./question-form.js";
export { unlawfulTopics, type UnlawfulTopic } from "./unlawful-questions.js";
export type * from "./types.js";
