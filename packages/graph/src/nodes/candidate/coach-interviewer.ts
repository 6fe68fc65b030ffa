import type { InterviewState, InterviewUpdate } from "../../state.js";
import { analyseInterviewing } from "../../coaching/index.js";
import { assessCandidatePersona } from "../../candidate/index.js";

/**
 * Role reversal ends with a report on the human interviewer (question forms, follow-ups,
 * coverage, flagged questions, advice) and the AI candidate's own assessment against the persona
 * it was given, so the interviewer can check what they spotted.
 */
export function coachInterviewer(state: InterviewState): InterviewUpdate {
  const turns = state.questions.flatMap((q) => {
    const a = state.answers.find((x) => x.questionId === q.id);
    return a ? [{ question: q.text, answer: a.text }] : [];
  });
  const persona = state.persona!;
  const coaching = analyseInterviewing({ jobTitle: state.jobTitle, ...(state.jobDescription ? { jobDescription: state.jobDescription } : {}), turns });
  const assessment = assessCandidatePersona({ persona: persona.strength, seniority: persona.seniority, jobTitle: state.jobTitle, turns });
  return {
    coaching: { ...coaching, candidateAssessment: { persona: assessment.persona, summary: assessment.summary, score: assessment.score } },
    status: "completed",
    messages: [{ role: "candidate", text: "Thank you for your time — I enjoyed the conversation." }],
  };
}
