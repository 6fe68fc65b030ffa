import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { GraphDeps } from "../deps.js";
import type { Decision, NextAction, Question } from "../types.js";
import type { InterviewState, InterviewUpdate } from "../state.js";
import { currentQuestion } from "../state.js";
import { questionTypeFor } from "../plan.js";
import { allowedActions, heuristicReason, nextMainQuestion } from "../triage.js";
import type { DecidedTurn, QuestionRequest } from "../engines/model.js";
import { removeGraderInstructions } from "../heuristics/index.js";

/** Custom stream event carrying one piece of the question as it is written. */
export interface QuestionTokenEvent {
  type: "question_token";
  token: string;
}

const kindOf = (action: NextAction | null): Question["kind"] =>
  action === "ask_followup" ? "follow_up" : action === "clarify" ? "clarification" : "main";

/**
 * Writes the next question. After an answer, the decision of what it is comes first: with an LLM
 * engine the model takes it in the same call that writes the question (one model call on the
 * critical path), with the triage's proposal as its fallback; the offline engine follows the
 * triage. The decision and its reason are recorded on the answered question.
 */
export function makeGenerateQuestion(deps: GraphDeps) {
  return async (state: InterviewState, config: LangGraphRunnableConfig): Promise<InterviewUpdate> => {
    const onToken = config.writer ? (token: string) => config.writer!({ type: "question_token", token } satisfies QuestionTokenEvent) : undefined;
    const context = { onToken, signal: config.signal };
    const answered = state.answers.length > 0 ? currentQuestion(state) : undefined;
    const quick = state.pendingEvaluation;
    const answer = answered && state.answers.find((a) => a.questionId === answered.id);

    let decision: Decision | undefined;
    let written: string | undefined;
    if (answered && answer && state.nextAction) {
      const upcoming = quick ? nextMainQuestion(state, answered, quick) : { step: state.step, phase: state.phase, difficulty: state.difficulty };
      if (deps.model.decides && deps.model.decideAndAsk) {
        const turn: DecidedTurn = await deps.model.decideAndAsk(
          {
            ...jobOf(state),
            questionStyle: state.questionStyle,
            maxSteps: state.maxSteps,
            cvProfile: state.cvProfile,
            transcript: transcriptOf(state),
            answered: { question: answered, answer: answer.text, missing: quick?.missing ?? [] },
            allowed: allowedActions(state, answered, deps.settings),
            proposed: state.nextAction,
            next: {
              questionType: questionTypeFor(state.questionType, upcoming.step),
              phase: upcoming.phase,
              step: upcoming.step,
              difficulty: upcoming.difficulty,
              topic: state.topic,
              context: state.retrievedContext,
              contextSource: state.contextSource,
            },
            askedQuestions: state.questions.map((q) => q.text),
          },
          context,
        );
        decision = { action: turn.action, reason: turn.reason, by: turn.by };
        written = turn.question;
      } else {
        decision = { action: state.nextAction, reason: heuristicReason(state.nextAction, quick), by: "heuristic" };
      }
    }
    const action = decision?.action ?? null;
    const decided: Question[] = answered && decision ? [{ ...answered, decision }] : [];
    if (action === "conclude") return { questions: decided, nextAction: "conclude", status: "concluding" };

    const progression = action === "new_question" && answered && quick ? nextMainQuestion(state, answered, quick) : {};
    const now = { ...state, ...progression };
    const kind = kindOf(action);
    // A main question uses the retrieval made for it (none was made when the triage alone proposed a follow-up).
    const grounded = kind === "main" && (action === null || state.needsRetrieval);
    // The answer as it was scored: a follow-up never quotes text addressed to the grader.
    const quoted = answer ? removeGraderInstructions(answer.text, state.language).text || answer.text : "";
    const asked = written
      ? { text: written }
      : await deps.model.generateQuestion(questionRequest(now, kind, grounded, answered && answer ? { question: answered.text, answer: quoted, missing: quick?.missing ?? [] } : undefined), context);
    const main = kind === "main";
    const question: Question = {
      id: `q${state.questions.length + 1}`,
      text: asked.text.trim(),
      phase: now.phase,
      difficulty: now.difficulty,
      kind,
      step: now.step,
      topic: kind === "main" ? state.topic : (answered?.topic ?? state.topic),
      contextSource: kind === "main" ? (grounded ? state.contextSource : "none") : (answered?.contextSource ?? "none"),
      ...(main && grounded && state.retrievedContext.length ? { grounding: state.retrievedContext.slice(0, 2) } : {}),
      ...(main && state.focus ? { focusKey: state.focus.key } : {}),
      ...(main && asked.intent ? { intent: asked.intent } : {}),
    };
    return {
      ...progression,
      questions: [...decided, question],
      messages: [{ role: "interviewer", text: question.text, questionId: question.id }],
      nextAction: action,
      status: "question",
    };
  };
}

const jobOf = (state: InterviewState) => ({
  jobTitle: state.jobTitle,
  company: state.company,
  jobDescription: state.jobDescription,
  jobTerms: state.jobTerms,
  language: state.language,
});

function transcriptOf(state: InterviewState) {
  return state.questions.flatMap((q) => {
    const a = state.answers.find((x) => x.questionId === q.id);
    return a ? [{ question: q.text, answer: a.text }] : [];
  });
}

/**
 * The focus of the main question a follow-up or clarification belongs to, so that a rephrasing
 * names its subject as the CV writes it; none when the state's focus has moved on.
 */
function focusOfStep(state: InterviewState): InterviewState["focus"] {
  const main = state.questions.find((q) => q.kind === "main" && q.step === state.step);
  return state.focus && main?.focusKey === state.focus.key ? state.focus : null;
}

function questionRequest(state: InterviewState, kind: Question["kind"], grounded: boolean, previous: QuestionRequest["previous"]): QuestionRequest {
  return {
    ...jobOf(state),
    questionType: questionTypeFor(state.questionType, state.step),
    questionStyle: state.questionStyle,
    phase: state.phase,
    difficulty: state.difficulty,
    step: state.step,
    maxSteps: state.maxSteps,
    kind,
    topic: kind === "main" ? state.topic : (currentQuestion(state)?.topic ?? state.topic),
    focus: kind === "main" ? state.focus : focusOfStep(state),
    cvProfile: state.cvProfile,
    context: grounded ? state.retrievedContext : [],
    contextSource: grounded ? state.contextSource : "none",
    previous: kind === "main" && state.questionStyle !== "follow_up" ? undefined : previous,
    askedQuestions: state.questions.map((q) => q.text),
    usedIntents: state.questions.flatMap((q) => (q.kind === "main" && q.intent ? [q.intent] : [])),
    seed: state.seed,
  };
}
