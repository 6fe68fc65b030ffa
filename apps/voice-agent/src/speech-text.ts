import type { TurnView } from "@interview/graph";

/** The first sentence of a text: what fits in a spoken reply before the next question. */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const match = /^.+?[.!?](?=\s|$)/s.exec(trimmed);
  return (match ? match[0] : trimmed).trim();
}

/** What the interviewer says after an answer: a line of feedback, then the next question; or the closing summary. */
export function spokenReply(view: TurnView): string {
  if (view.status === "completed") return view.message;
  const feedback = view.evaluation ? firstSentence(view.evaluation.feedback) : "";
  return [feedback, view.message].filter(Boolean).join(" ");
}

/** What the interviewer says on joining the room: the greeting, a welcome back, or the summary if it is over. */
export function spokenOpening(view: TurnView): string {
  if (view.status === "completed") return `This interview has already finished. ${view.message}`;
  const { state } = view;
  if (state.answers.length === 0) {
    const greeting = state.messages.find((m) => m.role === "interviewer" && !m.questionId)?.text;
    return [greeting, view.message].filter(Boolean).join(" ");
  }
  return `Welcome back. We're at question ${view.currentStep} of ${view.maxSteps}. ${view.message}`;
}

export const spokenApology = {
  notSaved: "Sorry, I couldn't process that answer just now, and nothing was saved. Please give your answer again.",
  tooLong: "Sorry, that answer was too long for me to take in one go. Please give a shorter answer.",
  gone: "This interview no longer exists, so I'll end the call here. Goodbye.",
  repeat: (question: string) => `Here is the question again: ${question}`,
};
