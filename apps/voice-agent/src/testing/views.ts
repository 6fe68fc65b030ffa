import type { Evaluation, InterviewView, Question, Role, TurnView, ViewStatus } from "@interview/graph";

/** A question as the graph records it; only its id and text matter to the agent. */
export const question = (id: string, text: string): Question => ({
  id,
  text,
  phase: "role_skills",
  difficulty: 3,
  kind: "main",
  step: 1,
  topic: text.slice(0, 40),
  contextSource: "none",
});

export const evaluation = (questionId: string, feedback: string): Evaluation => ({
  questionId,
  score: 7,
  rubric: { relevance: 7, depth: 7, clarity: 7, evidence: 7 },
  feedback,
  followUpDue: false,
  insufficientEvidence: false,
  evaluatedBy: "model",
});

export interface TurnFields {
  message: string;
  status?: ViewStatus;
  role?: Role;
  feedback?: string;
  questionId?: string;
  resultsShared?: boolean;
}

/** A turn as the service reports it. */
export function turnView(fields: TurnFields): TurnView {
  const status = fields.status ?? (fields.role === "interviewer" ? "awaiting_question" : "question");
  const asked = status === "question" ? question(fields.questionId ?? "q2", fields.message) : null;
  return {
    threadId: "t1",
    role: fields.role ?? "candidate",
    engine: "offline",
    status,
    greeting: null,
    message: fields.message,
    currentStep: 2,
    maxSteps: 3,
    phase: "role_skills",
    question: asked,
    evaluation: fields.feedback ? evaluation("q1", fields.feedback) : null,
    decision: null,
    finalEvaluation: null,
    coaching: null,
    answered: [],
    resultsShared: fields.resultsShared ?? true,
  };
}

/** The whole interview as the service reports it, at the current question (or awaiting one). */
export function interviewView(fields: TurnFields & { greeting?: string; answers?: string[]; language?: string }): InterviewView {
  const { evaluation: _, decision: __, ...turn } = turnView(fields);
  const answers = (fields.answers ?? []).map((text, i) => ({ questionId: `q${i + 1}`, text, channel: "voice" as const }));
  return {
    ...turn,
    greeting: fields.greeting ?? null,
    setup: {
      jobTitle: "Backend Engineer",
      questionType: "technical",
      questionStyle: "adaptive",
      language: fields.language ?? "en",
      persona: null,
      hasCv: false,
    },
    difficulty: 3,
    endedEarly: false,
    questions: [],
    answers,
    evaluations: [],
    messages: [],
    retrieval: { topic: "", needsRetrieval: false, similarityScore: null, contextSource: "none" },
    coaching: null,
  };
}
