import { END, START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { GraphDeps } from "./deps.js";
import { InterviewStateAnnotation, withoutNoOps, type InterviewState, type InterviewUpdate } from "./state.js";
import { routeAfterAnswer, routeAfterCv, routeAfterEvaluation, routeRetrieval, toGeneration } from "./routing.js";
import { setup } from "./nodes/setup.js";
import { decideRetrieval } from "./nodes/decide-retrieval.js";
import { makeRetrieveCv } from "./nodes/retrieve-cv.js";
import { makeWebSearch } from "./nodes/web-search.js";
import { makeGenerateQuestion } from "./nodes/generate-question.js";
import { makeAwaitAnswer } from "./nodes/await-answer.js";
import { makeEvaluateAnswer } from "./nodes/evaluate-answer.js";
import { makeFinalAssessment } from "./nodes/final-assessment.js";

/** A node whose update leaves out what it would not change (withoutNoOps). */
function onlyChanges<C>(node: (state: InterviewState, config: C) => InterviewUpdate | Promise<InterviewUpdate>) {
  return async (state: InterviewState, config: C) => withoutNoOps(state, await node(state, config));
}

/** Wires the interview: nodes and edges only; the logic lives in nodes/ and routing.ts. */
export function buildInterviewGraph(deps: GraphDeps, checkpointer: BaseCheckpointSaver) {
  const web = deps.webSearch !== null;
  return new StateGraph(InterviewStateAnnotation)
    .addNode("setup", onlyChanges(setup))
    .addNode("decideRetrieval", onlyChanges(decideRetrieval))
    .addNode("retrieveCv", onlyChanges(makeRetrieveCv(deps)))
    .addNode("webSearch", onlyChanges(makeWebSearch(deps)))
    .addNode("generateQuestion", onlyChanges(makeGenerateQuestion(deps)))
    .addNode("evaluateAnswer", onlyChanges(makeEvaluateAnswer(deps)))
    .addNode("awaitAnswer", onlyChanges(makeAwaitAnswer(deps)))
    .addNode("finalAssessment", onlyChanges(makeFinalAssessment(deps)))
    .addEdge(START, "setup")
    .addEdge("setup", "decideRetrieval")
    .addConditionalEdges("decideRetrieval", routeRetrieval(web), ["retrieveCv", "webSearch", "generateQuestion", "evaluateAnswer"])
    .addConditionalEdges("retrieveCv", routeAfterCv(web), ["webSearch", "generateQuestion", "evaluateAnswer"])
    .addConditionalEdges("webSearch", toGeneration, ["generateQuestion", "evaluateAnswer"])
    .addEdge("generateQuestion", "awaitAnswer")
    .addConditionalEdges("evaluateAnswer", routeAfterEvaluation, ["awaitAnswer", "finalAssessment"])
    .addConditionalEdges("awaitAnswer", routeAfterAnswer, ["decideRetrieval", "evaluateAnswer"])
    .addEdge("finalAssessment", END)
    .compile({ checkpointer });
}

export type InterviewGraph = ReturnType<typeof buildInterviewGraph>;
