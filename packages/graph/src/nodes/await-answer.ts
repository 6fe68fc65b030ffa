import { interrupt } from "@langchain/langgraph";
import type { GraphDeps } from "../deps.js";
import type { Channel } from "../types.js";
import type { InterviewState, InterviewUpdate } from "../state.js";
import { currentQuestion } from "../state.js";
import { InterviewError } from "../errors.js";
import { scoreAnswer } from "../heuristics/index.js";
import { cvTerms } from "../cv/model/index.js";
import { allowedActions, heuristicReason, nextMainQuestion, proposeNextAction } from "../triage.js";
import { decideRetrieval } from "./decide-retrieval.js";

/** What the graph shows while it waits, and what it expects back through `Command({ resume })`. */
export interface AwaitingAnswer {
  questionId: string;
  question: string;
}

export type AnswerResume =
  | { kind: "answer"; text: string; channel: Channel; questionId?: string | undefined }
  /** End the interview now: the report covers the questions answered so far. */
  | { kind: "end" };

/**
 * Pauses the run until the candidate answers the current question, then records the answer, its
 * instant evaluation and what the triage proposes next. The retrieval for the next main question
 * is decided here too, so that a model deciding in the question call has the context at hand.
 */
export function makeAwaitAnswer(deps: GraphDeps) {
  return (state: InterviewState): InterviewUpdate => {
    const question = currentQuestion(state)!;
    const resume = interrupt<AwaitingAnswer, AnswerResume>({ questionId: question.id, question: question.text });
    if (resume.kind === "end") return { status: "concluding", nextAction: "conclude", endedEarly: true, pendingEvaluation: null };
    if (resume.questionId !== undefined && resume.questionId !== question.id) {
      throw new InterviewError("stale_question", `That answer is for question ${resume.questionId}, but the current question is ${question.id}; nothing was changed.`);
    }
    const quick = scoreAnswer({
      questionId: question.id,
      question: question.text,
      topic: question.topic,
      answer: resume.text,
      language: state.language,
      job: { title: state.jobTitle, description: state.jobDescription, terms: state.jobTerms },
      cvTerms: cvTerms(state.cvProfile),
      earlierAnswers: state.answers.map((a) => a.text),
    });
    const proposed = proposeNextAction(allowedActions(state, question, deps.settings), quick);
    const recorded: InterviewUpdate = {
      answers: [{ questionId: question.id, text: resume.text, channel: resume.channel }],
      messages: [{ role: "candidate", text: resume.text, questionId: question.id }],
      nextAction: proposed,
      // A request to rephrase is not an answer to evaluate.
      pendingEvaluation: proposed === "clarify" ? null : quick,
    };
    if (proposed === "conclude" && !deps.model.decides) {
      const decision = { action: proposed, reason: heuristicReason(proposed, quick), by: "heuristic" as const };
      return { ...recorded, questions: [{ ...question, decision }], status: "concluding" };
    }
    // The next main question's topic and its search. With the triage deciding, only when it moves
    // on (a follow-up or a clarification keeps the question's context); with a model deciding in
    // the question call, whenever it may move on, so that its new question has the context at hand.
    const upcoming =
      question.step < state.maxSteps
        ? decideRetrieval({ ...state, ...nextMainQuestion(state, question, quick), nextAction: "new_question" } as InterviewState)
        : null;
    const search = upcoming && (deps.model.decides ? proposed !== "clarify" : proposed === "new_question");
    const retrieval = search ? upcoming : { ...(upcoming ? { topic: upcoming.topic } : {}), needsRetrieval: false };
    return { ...recorded, ...retrieval };
  };
}
