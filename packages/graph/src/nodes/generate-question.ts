import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { GraphDeps } from "../deps.js";
import type { Question } from "../types.js";
import type { InterviewState, InterviewUpdate } from "../state.js";
import { currentQuestion } from "../state.js";
import { questionTypeFor } from "../plan.js";

/** Custom stream event carrying one piece of the question as the model writes it. */
export interface QuestionTokenEvent {
  type: "question_token";
  token: string;
}

export function makeGenerateQuestion(deps: GraphDeps) {
  return async (state: InterviewState, config: LangGraphRunnableConfig): Promise<InterviewUpdate> => {
    const last = currentQuestion(state);
    const lastAnswer = last && state.answers.find((a) => a.questionId === last.id);
    const kind: Question["kind"] =
      state.nextAction === "ask_followup" ? "follow_up" : state.nextAction === "clarify" ? "clarification" : "main";
    const previous =
      last && lastAnswer
        ? { question: last.text, answer: lastAnswer.text, missing: state.pendingEvaluation?.missing ?? [] }
        : undefined;
    const text = await deps.model.generateQuestion(
      {
        jobTitle: state.jobTitle,
        company: state.company,
        jobDescription: state.jobDescription,
        jobTerms: state.jobTerms,
        language: state.language,
        questionType: questionTypeFor(state.questionType, state.step),
        questionStyle: state.questionStyle,
        phase: state.phase,
        difficulty: state.difficulty,
        step: state.step,
        maxSteps: state.maxSteps,
        kind,
        topic: state.topic,
        cvProfile: state.cvProfile,
        context: state.retrievedContext,
        contextSource: state.contextSource,
        previous,
        askedQuestions: state.questions.map((q) => q.text),
        seed: state.seed,
      },
      config.writer ? (token) => config.writer!({ type: "question_token", token } satisfies QuestionTokenEvent) : undefined,
    );
    const question: Question = {
      id: `q${state.questions.length + 1}`,
      text: text.trim(),
      phase: state.phase,
      difficulty: state.difficulty,
      kind,
      step: state.step,
      topic: state.topic,
      contextSource: kind === "main" ? state.contextSource : (last?.contextSource ?? "none"),
    };
    return {
      questions: [question],
      messages: [{ role: "interviewer", text: question.text, questionId: question.id }],
      status: "question",
    };
  };
}
