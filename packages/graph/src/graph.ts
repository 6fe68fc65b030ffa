import { Command, END, START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { GraphDeps } from "./deps.js";
import { InterviewStateAnnotation, type InterviewState, type InterviewUpdate } from "./state.js";
import { routeAfterAnswer, routeAfterCv, routeAfterEvaluation, routeAfterQuestion, routeRetrieval, toGeneration, type Route } from "./routing.js";
import { setup } from "./nodes/setup.js";
import { decideRetrieval } from "./nodes/decide-retrieval.js";
import { makeRetrieveCv } from "./nodes/retrieve-cv.js";
import { makeWebSearch } from "./nodes/web-search.js";
import { makeGenerateQuestion } from "./nodes/generate-question.js";
import { makeAwaitAnswer } from "./nodes/await-answer.js";
import { makeEvaluateAnswer } from "./nodes/evaluate-answer.js";
import { makeFinalAssessment } from "./nodes/final-assessment.js";

type Node<C> = (state: InterviewState, config: C) => InterviewUpdate | Promise<InterviewUpdate>;

/**
 * A node that routes itself: it returns its update with where to go next (a Command) rather than
 * leaving it to a conditional edge, so routing reads the state the update leads to.
 */
function routed<C>(node: Node<C>, route: Route) {
  return async (state: InterviewState, config: C) => {
    const update = await node(state, config);
    return new Command({ update, goto: route({ ...state, ...update } as InterviewState) });
  };
}

/** Wires the interview: nodes and edges only; the logic lives in nodes/ and routing.ts. */
export function buildInterviewGraph(deps: GraphDeps, checkpointer: BaseCheckpointSaver) {
  const web = deps.webSearch !== null;
  return new StateGraph(InterviewStateAnnotation)
    .addNode("setup", setup)
    .addNode("decideRetrieval", routed(decideRetrieval, routeRetrieval(web)), { ends: ["retrieveCv", "webSearch", "generateQuestion"] })
    .addNode("retrieveCv", routed(makeRetrieveCv(deps), routeAfterCv(web)), { ends: ["webSearch", "generateQuestion", "evaluateAnswer"] })
    .addNode("webSearch", routed(makeWebSearch(deps), toGeneration), { ends: ["generateQuestion", "evaluateAnswer"] })
    .addNode("generateQuestion", routed(makeGenerateQuestion(deps), routeAfterQuestion), { ends: ["awaitAnswer", "finalAssessment"] })
    .addNode("evaluateAnswer", routed(makeEvaluateAnswer(deps), routeAfterEvaluation), { ends: ["finalAssessment"] })
    .addNode("awaitAnswer", routed(makeAwaitAnswer(deps), routeAfterAnswer(web)), {
      ends: ["retrieveCv", "webSearch", "generateQuestion", "evaluateAnswer", "finalAssessment"],
    })
    .addNode("finalAssessment", makeFinalAssessment(deps))
    .addEdge(START, "setup")
    .addEdge("setup", "decideRetrieval")
    .addEdge("finalAssessment", END)
    .compile({ checkpointer });
}

export type InterviewGraph = ReturnType<typeof buildInterviewGraph>;
