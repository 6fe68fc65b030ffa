import { interrupt } from "@langchain/langgraph";
import type { InterviewState, InterviewUpdate } from "../../state.js";
import type { AnswerResume } from "../await-answer.js";

/** The most questions one role-reversal interview takes before it ends on its own. */
export const MAX_INTERVIEWER_QUESTIONS = 50;

/**
 * Role reversal: pauses until the human interviewer asks something, and records it as a question
 * (the AI candidate answers it next). Ending the interview goes to the coaching report.
 */
export function awaitQuestion(state: InterviewState): InterviewUpdate {
  const resume = interrupt<{ awaiting: "question" }, AnswerResume>({ awaiting: "question" });
  if (resume.kind === "end") return { status: "concluding", endedEarly: false };
  const id = `q${state.questions.length + 1}`;
  const step = state.step + 1;
  return {
    step,
    questions: [{ id, text: resume.text, phase: "role_skills", difficulty: state.difficulty, kind: "main", step, topic: resume.text.slice(0, 120), contextSource: "none", channel: resume.channel }],
    messages: [{ role: "interviewer", text: resume.text, questionId: id }],
  };
}
