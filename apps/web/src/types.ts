/** The HTTP API's shapes (snake_case, as apps/api/src/schemas.ts defines them). */

export const QUESTION_TYPES = ["technical", "behavioral", "mixed", "system_design"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_STYLES = ["adaptive", "broad", "narrow_up", "follow_up"] as const;
export type QuestionStyle = (typeof QUESTION_STYLES)[number];

export type Recommendation = "strong_hire" | "hire" | "lean_hire" | "lean_no_hire" | "no_hire";
export type Status = "question" | "completed";
export type Role = "interviewer" | "candidate";

export interface Rubric {
  relevance: number;
  depth: number;
  clarity: number;
  evidence: number;
}

export interface Question {
  id: string;
  text: string;
  phase: string;
  difficulty: number;
  kind: "main" | "follow_up" | "clarification";
  context_source: "cv" | "web" | "none";
}

export interface Feedback {
  question_id: string;
  score: number;
  rubric: Rubric;
  feedback: string;
}

export interface FinalEvaluation {
  overall_score: number;
  recommendation: Recommendation;
  strengths: string[];
  improvements: string[];
  per_question: { question_id: string; question: string; score: number; feedback: string }[];
  summary: string;
}

/** Reply of POST /start_interview and /continue_interview. */
export interface TurnResponse {
  thread_id: string;
  status: Status;
  message: string;
  current_step: number;
  max_steps: number;
  engine: string;
  phase?: string;
  question?: Question;
  feedback?: Feedback;
  feedback_list?: (Feedback & { question: string; answer: string })[];
  final_evaluation?: FinalEvaluation;
}

/** Reply of GET /interviews/{thread_id}. */
export interface InterviewRecord {
  thread_id: string;
  status: Status;
  current_step: number;
  max_steps: number;
  job_title: string;
  question_type: string;
  question_style: string;
  company_name?: string;
  engine: string;
  phase: string;
  difficulty: number;
  questions: Question[];
  answers: { question_id: string; text: string; channel: "text" | "voice" }[];
  evaluations: Feedback[];
  messages: { role: Role; text: string; question_id?: string }[];
  final_evaluation?: FinalEvaluation;
}

/** Reply of POST /join. */
export interface JoinResponse {
  token: string;
  url: string;
  room_name: string;
  thread_id: string;
}
