import { END, START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { GraphDeps } from "./deps.js";
import { InterviewStateAnnotation } from "./state.js";
import { routeAfterAnswer, routeAfterCv, routeAfterEvaluation, routeRetrieval, toGeneration } from "./routing.js";
import { setup } from "./nodes/setup.js";
import { decideRetrieval } from "./nodes/decide-retrieval.js";
import { makeRetrieveCv } from "./nodes/retrieve-cv.js";
import { makeWebSearch } from "./nodes/web-search.js";
import { makeGenerateQuestion } from "./nodes/generate-question.js";
import { makeAwaitAnswer } from "./nodes/await-answer.js";
import { makeEvaluateAnswer } from "./nodes/evaluate-answer.js";
import { makeFinalAssessment } from "./nodes/final-assessment.js";

/** Wires the interview: nodes and edges only; the logic lives in nodes/ and routing.ts. */
export function buildInterviewGraph(deps: GraphDeps, checkpointer: BaseCheckpointSaver) {
  const web = deps.webSearch !== null;
  return new StateGraph(InterviewStateAnnotation)
    .addNode("setup", setup)
    .addNode("decideRetrieval", decideRetrieval)
    .addNode("retrieveCv", makeRetrieveCv(deps))
    .addNode("webSearch", makeWebSearch(deps))
    .addNode("generateQuestion", makeGenerateQuestion(deps))
    .addNode("evaluateAnswer", makeEvaluateAnswer(deps))
    .addNode("awaitAnswer", makeAwaitAnswer(deps))
    .addNode("finalAssessment", makeFinalAssessment(deps))
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
