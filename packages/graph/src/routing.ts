import type { InterviewState } from "./state.js";

export type NodeName =
  | "setup" | "decideRetrieval" | "retrieveCv" | "webSearch" | "generateQuestion" | "awaitAnswer"
  | "evaluateAnswer" | "finalAssessment";

/** The fields routing reads: single values, so the state after a node is the state with the node's update laid over it. */
export type RoutingState = Pick<InterviewState, "needsRetrieval" | "cv" | "pendingEvaluation" | "contextSource" | "nextAction" | "status">;

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
  return (state: Pick<InterviewState, "needsRetrieval" | "cv" | "pendingEvaluation">): NodeName[] => {
    if (!state.needsRetrieval) return toGeneration(state);
    if (state.cv.length > 0) return ["retrieveCv"];
    return webSearchEnabled ? ["webSearch"] : toGeneration(state);
  };
}

/** Below the similarity threshold, the CV does not cover the topic: fall back to the web. */
export function routeAfterCv(webSearchEnabled: boolean) {
  return (state: Pick<InterviewState, "contextSource" | "pendingEvaluation">): NodeName[] =>
    state.contextSource !== "cv" && webSearchEnabled ? ["webSearch"] : toGeneration(state);
}

/**
 * After an answer: the end (the last answer is evaluated first), or the next question, for which
 * awaitAnswer has already made the retrieval decision.
 */
export function routeAfterAnswer(webSearchEnabled: boolean) {
  const retrieval = routeRetrieval(webSearchEnabled);
  return (state: Pick<InterviewState, "nextAction" | "needsRetrieval" | "cv" | "pendingEvaluation">): NodeName[] =>
    state.nextAction === "conclude" ? ["evaluateAnswer"] : retrieval(state);
}

export function routeAfterEvaluation(state: Pick<InterviewState, "status">): NodeName {
  return state.status === "concluding" ? "finalAssessment" : "awaitAnswer";
}
