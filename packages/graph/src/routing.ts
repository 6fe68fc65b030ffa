import type { InterviewState } from "./state.js";

export type NodeName =
  | "setup" | "decideRetrieval" | "retrieveCv" | "webSearch" | "generateQuestion" | "awaitAnswer"
  | "evaluateAnswer" | "finalAssessment";

/** The fields routing reads: single values, so the state after a node is the state with the node's update laid over it. */
export type RoutingState = Pick<InterviewState, "needsRetrieval" | "cvId" | "pendingEvaluation" | "contextSource" | "nextAction" | "status">;

/** Where a node goes next, from the state its update leads to. */
export type Route = (state: RoutingState) => NodeName | NodeName[];

/**
 * The next question is generated in the same superstep as the model's evaluation of the last
 * answer, so only one model call sits on the critical path of a turn.
 */
export function toGeneration(state: Pick<InterviewState, "pendingEvaluation">): NodeName[] {
  return state.pendingEvaluation ? ["generateQuestion", "evaluateAnswer"] : ["generateQuestion"];
}

export function routeRetrieval(webSearchEnabled: boolean) {
  return (state: Pick<InterviewState, "needsRetrieval" | "cvId" | "pendingEvaluation">): NodeName[] => {
    if (!state.needsRetrieval) return toGeneration(state);
    if (state.cvId) return ["retrieveCv"];
    return webSearchEnabled ? ["webSearch"] : toGeneration(state);
  };
}

/** Below the similarity threshold, the CV does not cover the topic: fall back to the web. */
export function routeAfterCv(webSearchEnabled: boolean) {
  return (state: Pick<InterviewState, "contextSource" | "pendingEvaluation">): NodeName[] =>
    state.contextSource !== "cv" && webSearchEnabled ? ["webSearch"] : toGeneration(state);
}

/**
 * After an answer: the end (an interview ended early goes straight to its report; a concluded one
 * has its last answer evaluated first), or the next question, whose retrieval awaitAnswer decided.
 */
export function routeAfterAnswer(webSearchEnabled: boolean) {
  const retrieval = routeRetrieval(webSearchEnabled);
  return (state: Pick<InterviewState, "status" | "needsRetrieval" | "cvId" | "pendingEvaluation">): NodeName[] => {
    if (state.status === "concluding") return state.pendingEvaluation ? ["evaluateAnswer"] : ["finalAssessment"];
    return retrieval(state);
  };
}

/** A question that concludes the interview (the model decided so) leads to the report. */
export function routeAfterQuestion(state: Pick<InterviewState, "status">): NodeName {
  return state.status === "concluding" ? "finalAssessment" : "awaitAnswer";
}

/**
 * Alone after the last answer (the triage concluded), the evaluation leads to the report; beside
 * the next question it ends its branch there.
 */
export function routeAfterEvaluation(state: Pick<InterviewState, "status">): NodeName[] {
  return state.status === "concluding" ? ["finalAssessment"] : [];
}
