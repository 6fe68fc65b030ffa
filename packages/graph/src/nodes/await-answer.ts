import { interrupt } from "@langchain/langgraph";
import type { GraphDeps } from "../deps.js";
import type { Channel } from "../types.js";
import type { InterviewState, InterviewUpdate } from "../state.js";
import { currentQuestion } from "../state.js";
import { triageAnswer } from "../triage.js";
import { decideRetrieval } from "./decide-retrieval.js";

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
 * what follows it. Triage and the retrieval decision for the next question are instant, so they
 * run here rather than as supersteps of their own: each superstep costs LangGraph ~0.6 ms of CPU
 * (bench/RESULTS.md, fifth round), and an answer turn has only a handful.
 */
export function makeAwaitAnswer(deps: GraphDeps) {
  return (state: InterviewState): InterviewUpdate => {
    const question = currentQuestion(state)!;
    const answer = interrupt<AwaitingAnswer, AnswerResume>({ questionId: question.id, question: question.text });
    const triage = triageAnswer(state, question, answer.text, deps.settings);
    return {
      answers: [{ questionId: question.id, text: answer.text, channel: answer.channel }],
      messages: [{ role: "candidate", text: answer.text, questionId: question.id }],
      ...triage,
      // Triage changes only single-value fields, which the decision reads as they will be.
      ...(triage.nextAction === "conclude" ? {} : decideRetrieval({ ...state, ...triage } as InterviewState)),
    };
  };
}
