import type { InterviewView, TurnView } from "@interview/graph";
import type { AgentName } from "./dispatch.js";

/** The first sentence of a text: what fits in a spoken reply before the next question. */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const match = /^.+?[.!?](?=\s|$)/s.exec(trimmed);
  return (match ? match[0] : trimmed).trim();
}

/** The line of feedback said after an answer; none after a request to rephrase or at the end. */
export function spokenFeedback(view: TurnView): string {
  // A hiring team that keeps the results keeps the feedback too: the candidate hears only the questions.
  if (view.status !== "question" || !view.evaluation || !view.resultsShared) return "";
  return firstSentence(view.evaluation.feedback);
}

/** What the interviewer says after an answer: a line of feedback, then the next question; or the closing summary. */
export function spokenReply(view: TurnView): string {
  if (view.status === "completed") return view.message;
  return [spokenFeedback(view), view.message].filter(Boolean).join(" ");
}

/**
 * What the AI candidate says after the human's question: its answer; when that was the last
 * question the interview takes, its answer and then its thanks.
 */
export function spokenCandidateReply(view: TurnView, question: string): string {
  if (view.status !== "completed") return view.message;
  const last = view.answered.at(-1);
  const answer = last && last.question.text === question.trim() ? last.answer.text : "";
  return [answer, view.message].filter(Boolean).join(" ");
}

/** What the agent says on joining the room: the greeting, a welcome back, or the end if it is over. */
export function spokenOpening(view: InterviewView): string {
  if (view.status === "completed") return `This interview has already finished. ${view.message}`;
  if (view.role === "interviewer") {
    // Role reversal: the AI candidate greets its interviewer, or recalls where it was.
    const last = view.answers.at(-1);
    if (!last) return view.greeting ?? "Hello, thank you for having me.";
    return `Welcome back. To pick up where we left off, my last answer was: ${last.text}`;
  }
  if (view.answers.length === 0) return [view.greeting, view.message].filter(Boolean).join(" ");
  return `Welcome back. We're at question ${view.currentStep} of ${view.maxSteps}. ${view.message}`;
}

/** Said in a room the interview has left (it was joined again elsewhere); nothing said here is recorded. */
export const SPOKEN_MOVED = "This interview carries on in another room now, so I'll leave this one. Please go on where you opened it last. Goodbye.";

/** Said when the dispatched agent is not the one the interview's role needs; then it leaves. */
export function spokenRefusal(agent: AgentName): string {
  return agent === "voice-agent"
    ? "Sorry, I'm the interviewer, but in this interview you ask the questions and an AI candidate answers them, so I can't take part. Please join again from the interview page. Goodbye."
    : "Sorry, I'm the AI candidate, but in this interview you are the one being interviewed, so I can't take part. Please join again from the interview page. Goodbye.";
}

/**
 * The interviewer's way of ending a role-reversal interview by voice: a closing remark said on its
 * own ("That's all my questions, thank you."). Anything asked as a question is a question.
 */
export function isClosingRemark(text: string): boolean {
  const said = text.trim().toLowerCase().replace(/[’`]/g, "'");
  if (!said || said.includes("?") || said.split(/\s+/).length > 14) return false;
  return [
    /\b(?:that's|that is|those are|those were|that was) (?:all|it for) (?:of )?(?:my|the) questions\b/,
    /\bi(?: have got| have|'ve got|'ve) no (?:more|further|other) questions\b/,
    /^(?:\w+[,.!]?\s+){0,3}no (?:more|further) questions\b/,
    /\b(?:let's|let us|we can|i'll|i will|i'd like to) (?:end|finish|wrap up|close) (?:the|this|our) interview\b/,
    /^(?:please )?end the interview\b/,
  ].some((pattern) => pattern.test(said));
}

export const spokenApology = {
  notSaved: "Sorry, I couldn't process that answer just now, and nothing was saved. Please give your answer again.",
  tooLong: "Sorry, that answer was too long for me to take in one go. Please give a shorter answer.",
  moved: "Meanwhile this interview moved on, so that answer wasn't saved.",
  gone: "This interview no longer exists, so I'll end the call here. Goodbye.",
  repeat: (question: string) => `Here is the question again: ${question}`,
  current: (question: string) => `Here is the current question: ${question}`,
  /** Role reversal: the AI candidate could not take the question in. */
  questionNotSaved: "Sorry, I couldn't take that question in just now, and nothing was saved. Could you ask it again?",
  questionTooLong: "Sorry, that question was too long for me to take in one go. Could you ask it more briefly?",
};
