import { z } from "zod";
import type {
  AssessmentRequest, AssessmentResult, CallContext, CandidateAnswerRequest, DecidedTurn, DecisionRequest, EvaluationRequest, InterviewModel,
  QuestionRequest, WrittenQuestion,
} from "../model.js";
import { isInterviewError } from "../../errors.js";
import { OfflineModel } from "../offline/index.js";
import type { EngineName } from "../../types.js";
import { NEXT_ACTIONS, RECOMMENDATIONS } from "../../types.js";
import type { ResilientChat } from "./resilient-chat.js";
import { assessmentPrompt, candidatePrompt, decisionPrompt, evaluationPrompt, questionPrompt } from "./prompts.js";
import { DecisionReplyStream } from "./decision-reply.js";

const score = z.coerce.number().min(0).max(10);
export const EvaluationReply = z.object({
  score,
  rubric: z.object({ relevance: score, depth: score, clarity: score, evidence: score }),
  insufficient_evidence: z.boolean().optional(),
  feedback: z.string().trim().min(1),
});
export const AssessmentReply = z.object({
  recommendation: z.enum(RECOMMENDATIONS),
  strengths: z.array(z.string()).min(1),
  improvements: z.array(z.string()).min(1),
  summary: z.string().trim().min(1),
});
const Action = z.enum(NEXT_ACTIONS);

const round1 = (v: number) => Math.round(v * 10) / 10;
const spoken = (text: string) => text.replace(/\s+/g, " ").replace(/^["']|["']$/g, "").trim();

// Braces, code fences and tags: JSON, code or markup, never a question a person would be asked.
const NOT_PROSE = /[{}`]|<\/?[a-z][^>]*>/i;

/** The reply as a question to ask, or undefined when it is not one (JSON, code, a stray word or two). */
export function usableQuestion(text: string): string | undefined {
  const question = spoken(text);
  const words = question.match(/\p{L}{2,}/gu)?.length ?? 0;
  return question && !NOT_PROSE.test(question) && words >= 3 && question.length <= 1_000 ? question : undefined;
}

/**
 * Passes a question's tokens on, unless its first character shows it is not prose ("{", "```"),
 * so JSON a model wrote instead of a question is never shown or spoken.
 */
function proseGate(onToken: ((token: string) => void) | undefined) {
  let verdict: boolean | undefined;
  let held = "";
  return {
    push(token: string) {
      if (!onToken || verdict === false) return;
      if (verdict === true) return onToken(token);
      held += token;
      const first = held.trimStart()[0];
      if (!first) return;
      verdict = !/[{}[\]<`]/.test(first);
      if (verdict) onToken(held);
    },
    get delivered() {
      return verdict === true;
    },
  };
}

export const FALLBACK_ASSESSMENT_NOTE =
  "The model's assessment could not be read, so this report was written by the instant heuristic from the answers' scores.";

/** The interviewer backed by an LLM (Gemini, or an OpenAI-compatible server), through LangChain. */
export class ChatInterviewModel implements InterviewModel {
  readonly decides = true;

  /**
   * @param fallback writes the question or the report when the model's reply cannot be used, so a
   *   model that keeps ignoring the format cannot leave an interview stuck.
   */
  constructor(
    private readonly chat: ResilientChat,
    readonly name: EngineName = "gemini",
    private readonly fallback: Pick<InterviewModel, "generateQuestion" | "assess"> = new OfflineModel(),
  ) {}

  async generateQuestion(request: QuestionRequest, context: CallContext = {}): Promise<WrittenQuestion> {
    const gate = proseGate(context.onToken);
    const text = await this.chat.text(questionPrompt(request), {
      kind: "question",
      signal: context.signal,
      onToken: context.onToken && ((token) => gate.push(token)),
      delivered: () => gate.delivered,
    });
    const question = usableQuestion(text);
    if (question) return { text: question };
    // What was streamed, if anything, is replaced by the final question the turn returns.
    return this.fallback.generateQuestion(request, { signal: context.signal, ...(gate.delivered ? {} : { onToken: context.onToken }) });
  }

  /**
   * The decision, its reason and the question in one streamed call: only the question's words
   * reach the listener. A decision that cannot be read or is not allowed falls back to the
   * triage's proposal, keeping the model's question when it wrote one.
   */
  async decideAndAsk(request: DecisionRequest, context: CallContext = {}): Promise<DecidedTurn> {
    const reply = new DecisionReplyStream(context.onToken);
    const text = await this.chat.text(decisionPrompt(request), {
      kind: "question",
      signal: context.signal,
      onToken: (token) => reply.push(token),
      delivered: () => reply.delivered,
    });
    const parsed = reply.finish(text);
    const action = Action.safeParse(parsed.decision);
    // A model that ignored the format and only wrote a question still wrote the question; anything
    // else (JSON, code) is no question, and the question is then written separately.
    const question = usableQuestion(parsed.decision || parsed.reason ? parsed.question : text) ?? "";
    if (action.success && request.allowed.includes(action.data) && (action.data === "conclude" || question)) {
      return { action: action.data, reason: parsed.reason || "No reason given.", question: action.data === "conclude" ? "" : question, by: "model" };
    }
    // The decision could not be used: the triage's stands; its question is written separately if the model wrote none.
    const fallback = request.proposed;
    return { action: fallback, reason: "The model's decision could not be used; the instant triage decided.", question: fallback === "conclude" ? "" : question, by: "heuristic" };
  }

  async evaluateAnswer(request: EvaluationRequest, context: CallContext = {}) {
    const reply = await this.chat.structured(evaluationPrompt(request), EvaluationReply, { kind: "evaluation", signal: context.signal });
    return {
      score: round1(reply.score),
      rubric: {
        relevance: round1(reply.rubric.relevance),
        depth: round1(reply.rubric.depth),
        clarity: round1(reply.rubric.clarity),
        evidence: round1(reply.rubric.evidence),
      },
      feedback: reply.feedback,
      insufficientEvidence: reply.insufficient_evidence ?? false,
    };
  }

  /** The model's judgement; when its reply stays unreadable after repair, the heuristic's, saying so. */
  async assess(request: AssessmentRequest, context: CallContext = {}): Promise<AssessmentResult> {
    try {
      return await this.chat.structured(assessmentPrompt(request), AssessmentReply, { kind: "assessment", signal: context.signal });
    } catch (error) {
      if (!isInterviewError(error, "model_output_invalid")) throw error;
      const written = await this.fallback.assess(request, context);
      return { ...written, summary: `${written.summary} ${FALLBACK_ASSESSMENT_NOTE}` };
    }
  }

  async answerAsCandidate(request: CandidateAnswerRequest, context: CallContext = {}): Promise<string> {
    return spoken(await this.chat.text(candidatePrompt(request), { kind: "question", signal: context.signal, onToken: context.onToken }));
  }
}
