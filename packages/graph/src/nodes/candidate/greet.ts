import type { InterviewState, InterviewUpdate } from "../../state.js";
import { candidateGreeting } from "../../candidate/index.js";

/** Role reversal: the AI candidate arrives and greets the human interviewer. */
export function greet(state: InterviewState): InterviewUpdate {
  const persona = state.persona!;
  const greeting = candidateGreeting({
    ...(state.candidateName ? { name: state.candidateName } : {}),
    jobTitle: state.jobTitle,
    ...(state.company ? { company: state.company } : {}),
    persona: persona.strength,
    seed: state.seed,
  });
  return { status: "awaiting_question", step: 0, messages: [{ role: "candidate", text: greeting }] };
}
