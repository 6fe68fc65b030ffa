import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { GraphDeps } from "../../deps.js";
import type { InterviewState, InterviewUpdate } from "../../state.js";
import { currentQuestion } from "../../state.js";
import { threadIdOf } from "../retrieve-cv.js";
import type { QuestionTokenEvent } from "../generate-question.js";
import { MAX_INTERVIEWER_QUESTIONS } from "./await-question.js";

/**
 * Role reversal: the AI candidate answers the interviewer's question from its CV — the passages
 * retrieved for the question, and the CV's opening for questions about its background — in one
 * model call, streamed.
 */
export function makeAnswerQuestion(deps: GraphDeps) {
  return async (state: InterviewState, config: LangGraphRunnableConfig): Promise<InterviewUpdate> => {
    const question = currentQuestion(state)!;
    const threadId = threadIdOf(config);
    const [hits, background] = state.cvId
      ? await Promise.all([deps.cv.search(threadId, state.cvId, question.text, deps.settings.retrievalTopK), deps.cv.opening(threadId, state.cvId, 3)])
      : [[], []];
    const transcript = state.questions.flatMap((q) => {
      const a = state.answers.find((x) => x.questionId === q.id);
      return a ? [{ question: q.text, answer: a.text }] : [];
    });
    const onToken = config.writer ? (token: string) => config.writer!({ type: "question_token", token } satisfies QuestionTokenEvent) : undefined;
    const persona = state.persona!;
    const text = await deps.model.answerAsCandidate!(
      {
        jobTitle: state.jobTitle,
        company: state.company,
        jobDescription: state.jobDescription,
        jobTerms: state.jobTerms,
        language: state.language,
        question: question.text,
        passages: hits.map((h) => h.text),
        similarity: hits[0]?.similarity ?? 0,
        background,
        similarityThreshold: deps.settings.similarityThreshold,
        persona: persona.strength,
        seniority: persona.seniority,
        transcript,
        seed: state.seed,
        turn: state.step,
      },
      { onToken, signal: config.signal },
    );
    const grounded = (hits[0]?.similarity ?? 0) >= deps.settings.similarityThreshold;
    return {
      questions: [{ ...question, contextSource: grounded ? "cv" : "none", ...(grounded ? { grounding: hits.slice(0, 2).map((h) => h.text) } : {}) }],
      answers: [{ questionId: question.id, text, channel: question.channel ?? "text" }],
      messages: [{ role: "candidate", text, questionId: question.id }],
      status: state.step >= MAX_INTERVIEWER_QUESTIONS ? "concluding" : "awaiting_question",
    };
  };
}
