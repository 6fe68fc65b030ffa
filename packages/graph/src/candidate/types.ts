export const PERSONAS = ["strong", "average", "weak", "evasive"] as const;
/** How well the AI candidate interviews: what a hiring manager practising on it should detect. */
export type Persona = (typeof PERSONAS)[number];

export const SENIORITIES = ["junior", "mid", "senior", "lead"] as const;
export type Seniority = (typeof SENIORITIES)[number];

export interface CandidateAnswerInput {
  question: string;
  /** CV passages retrieved for the question, best first; may be empty. */
  passages: string[];
  /** Similarity of the best passage to the question, 0..1. */
  similarity: number;
  persona: Persona;
  seniority: Seniority;
  jobTitle: string;
  /** The interviewer's earlier questions and the candidate's earlier answers, oldest first. */
  askedBefore: string[];
  previousAnswers: string[];
  seed: string;
  turn: number;
  /**
   * Passages covering the whole CV (its first chunks, say), for questions that retrieval by
   * similarity serves badly: "Tell me about yourself", "Why this role?". Defaults to `passages`.
   */
  background?: string[];
  /** The hiring company, so that naming it is not taken for an employer missing from the CV. */
  company?: string;
  /** Below this similarity the passages are not taken to cover the question (the offline default). */
  similarityThreshold?: number;
}

export interface CandidateAnswer {
  text: string;
  /** Whether the answer states something from the CV. */
  grounded: boolean;
  /** The CV lines the answer drew on. */
  usedFacts: string[];
}
