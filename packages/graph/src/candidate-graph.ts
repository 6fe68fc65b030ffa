import { END, START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { GraphDeps } from "./deps.js";
import { InterviewStateAnnotation, type InterviewState } from "./state.js";
import { greet } from "./nodes/candidate/greet.js";
import { awaitQuestion } from "./nodes/candidate/await-question.js";
import { makeAnswerQuestion } from "./nodes/candidate/answer-question.js";
import { coachInterviewer } from "./nodes/candidate/coach-interviewer.js";

const whenConcluding = (next: string) => (state: Pick<InterviewState, "status">) => (state.status === "concluding" ? "coachInterviewer" : next);

/**
 * Role reversal: the human interviews an AI candidate. Same state, checkpointer and service as
 * the interviewer graph; driven by thread_id the same way.
 */
export function buildCandidateGraph(deps: GraphDeps, checkpointer: BaseCheckpointSaver) {
  return new StateGraph(InterviewStateAnnotation)
    .addNode("greet", greet)
    .addNode("awaitQuestion", awaitQuestion)
    .addNode("answerQuestion", makeAnswerQuestion(deps))
    .addNode("coachInterviewer", coachInterviewer)
    .addEdge(START, "greet")
    .addEdge("greet", "awaitQuestion")
    .addConditionalEdges("awaitQuestion", whenConcluding("answerQuestion"), ["answerQuestion", "coachInterviewer"])
    .addConditionalEdges("answerQuestion", whenConcluding("awaitQuestion"), ["awaitQuestion", "coachInterviewer"])
    .addEdge("coachInterviewer", END)
    .compile({ checkpointer });
}
