import { z } from "zod";
import type {
  AssessmentRequest, CallContext, CandidateAnswerRequest, DecidedTurn, DecisionRequest, EvaluationRequest, InterviewModel, QuestionRequest,
  WrittenQuestion,
} from "../model.js";
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

/** The interviewer backed by an LLM (Gemini, or an OpenAI-compatible server), through LangChain. */
export class ChatInterviewModel implements InterviewModel {
  readonly decides = true;

  constructor(
    private readonly chat: ResilientChat,
    readonly name: EngineName = "gemini",
  ) {}

  async generateQuestion(request: QuestionRequest, context: CallContext = {}): Promise<WrittenQuestion> {
    const text = await this.chat.text(questionPrompt(request), { kind: "question", signal: context.signal, onToken: context.onToken });
    return { text: spoken(text) };
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
    // A model that ignored the format and only wrote a question still wrote the question.
    const question = spoken(parsed.decision || parsed.reason ? parsed.question : text);
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

  async assess(request: AssessmentRequest, context: CallContext = {}) {
    return this.chat.structured(assessmentPrompt(request), AssessmentReply, { kind: "assessment", signal: context.signal });
  }

  async answerAsCandidate(request: CandidateAnswerRequest, context: CallContext = {}): Promise<string> {
    return spoken(await this.chat.text(candidatePrompt(request), { kind: "question", signal: context.signal, onToken: context.onToken }));
  }
}
