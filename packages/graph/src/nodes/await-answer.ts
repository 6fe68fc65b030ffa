import { interrupt } from "@langchain/langgraph";
import type { GraphDeps } from "../deps.js";
import type { Channel } from "../types.js";
import type { InterviewState, InterviewUpdate } from "../state.js";
import { currentQuestion } from "../state.js";
import { triageAnswer } from "../triage.js";

/** What the graph shows while it waits, and what it expects back through `Command({ resume })`. */
export interface AwaitingAnswer {
  questionId: string;
  question: string;
}

export interface AnswerResume {
  text: string;
  channel: Channel;
}

/**
 * Pauses the run until the candidate answers the current question, then records the answer and
 * what follows it (triage is instant, so it runs here rather than as a superstep of its own).
 */
export function makeAwaitAnswer(deps: GraphDeps) {
  return (state: InterviewState): InterviewUpdate => {
    const question = currentQuestion(state)!;
    const answer = interrupt<AwaitingAnswer, AnswerResume>({ questionId: question.id, question: question.text });
    return {
      answers: [{ questionId: question.id, text: answer.text, channel: answer.channel }],
      messages: [{ role: "candidate", text: answer.text, questionId: question.id }],
      ...triageAnswer(state, question, answer.text, deps.settings),
    };
  };
}
