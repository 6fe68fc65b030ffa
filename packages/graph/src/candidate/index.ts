export { answerAsCandidate } from "./answer.js";
export { assessCandidatePersona, type CandidateAssessment, type PersonaAssessmentInput } from "./assessment.js";
export { candidateGreeting, candidateNameFromCv, type GreetingInput } from "./greeting.js";
export { generatePersonaCv, type PersonaCvInput } from "./persona-cv.js";
export { FIELDS, jobFieldOf, type Field } from "./fields.js";
export { PERSONAS, SENIORITIES, type CandidateAnswer, type CandidateAnswerInput, type Persona, type Seniority } from "./types.js";
