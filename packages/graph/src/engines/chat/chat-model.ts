import { z } from "zod";
import type { AssessmentRequest, EvaluationRequest, InterviewModel, QuestionRequest, TokenSink } from "../model.js";
import type { ResilientChat } from "./resilient-chat.js";
import { assessmentPrompt, evaluationPrompt, questionPrompt } from "./prompts.js";

const score = z.coerce.number().min(0).max(10);
export const EvaluationReply = z.object({
  score,
  rubric: z.object({ relevance: score, depth: score, clarity: score, evidence: score }),
  feedback: z.string().min(1),
});
export const AssessmentReply = z.object({
  recommendation: z.enum(["strong_hire", "hire", "lean_hire", "lean_no_hire", "no_hire"]),
  strengths: z.array(z.string()).min(1),
  improvements: z.array(z.string()).min(1),
  summary: z.string().min(1),
});

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The interviewer backed by an LLM (Gemini in production, any LangChain chat model in tests). */
export class ChatInterviewModel implements InterviewModel {
  readonly name = "gemini" as const;

  constructor(private readonly chat: ResilientChat) {}

  async generateQuestion(request: QuestionRequest, onToken?: TokenSink): Promise<string> {
    const text = await this.chat.text(questionPrompt(request), onToken);
    return text.replace(/\s+/g, " ").replace(/^["']|["']$/g, "").trim();
  }

  async evaluateAnswer(request: EvaluationRequest) {
    const reply = await this.chat.structured(evaluationPrompt(request), EvaluationReply);
    return {
      score: round1(reply.score),
      rubric: {
        relevance: round1(reply.rubric.relevance),
        depth: round1(reply.rubric.depth),
        clarity: round1(reply.rubric.clarity),
        evidence: round1(reply.rubric.evidence),
      },
      feedback: reply.feedback.trim(),
    };
  }

  async assess(request: AssessmentRequest) {
    return this.chat.structured(assessmentPrompt(request), AssessmentReply);
  }
}
