export { parseCv } from "./parse.js";
export { cvFacts, rankFacts, definite, type BulletFact, type CvFact, type JobForRanking, type ProjectFact, type RoleFact, type RoleRef, type SkillFact } from "./facts.js";
export { splitSentences } from "./sentences.js";
export { findDateRanges, formatDate } from "./dates.js";
export { normaliseText } from "./normalise.js";
export { parseBullet, findMetrics } from "./bullets.js";
export * from "./types.js";
export { emptyCvModel, cvTerms } from "./empty.js";
