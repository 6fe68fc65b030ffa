/** Per-deployment knobs of the interview flow; defaults suit the offline engine. */
export interface InterviewSettings {
  /** Minimum cosine similarity for a CV passage to ground a question. */
  similarityThreshold: number;
  retrievalTopK: number;
  maxFollowUpsPerQuestion: number;
  /** Web search results used as context. */
  webResults: number;
  /** A web search slower than this is skipped: the question is asked without web context. */
  webSearchTimeoutMs: number;
}

export const defaultSettings: InterviewSettings = {
  similarityThreshold: 0.12,
  retrievalTopK: 3,
  maxFollowUpsPerQuestion: 1,
  webResults: 3,
  webSearchTimeoutMs: 8_000,
};

export const MAX_STEPS_LIMIT = 20;
export const DEFAULT_MAX_STEPS = 5;
