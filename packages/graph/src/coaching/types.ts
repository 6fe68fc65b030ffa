export type QuestionForm = "open" | "closed" | "leading";

/** One exchange of a role-reversal interview: the human interviewer's question and the reply. */
export interface InterviewTurn {
  question: string;
  answer: string;
}

export interface InterviewingInput {
  jobTitle: string;
  jobDescription?: string;
  /** The competencies the interview should probe; derived from the job when absent. */
  competencies?: string[];
  turns: InterviewTurn[];
}

export interface QuestionAnalysis {
  /** The turn's position in the interview (1-based); statements are skipped, so numbers can jump. */
  number: number;
  text: string;
  form: QuestionForm;
  multiple: boolean;
  followsUp: boolean;
  competency?: string;
  /** Short labels of what went wrong: "closed", "leading", "multiple", "unlawful: <category>". */
  flags: string[];
}

export interface FlaggedQuestion {
  number: number;
  text: string;
  category: string;
  /** Why it is a problem and, where one exists, the lawful question to ask instead. */
  why: string;
}

export interface InterviewerCoaching {
  perQuestion: QuestionAnalysis[];
  coverage: { competency: string; covered: boolean }[];
  talkTime: { interviewerWords: number; candidateWords: number; interviewerShare: number };
  followUpRate: number;
  flaggedQuestions: FlaggedQuestion[];
  advice: string[];
  /** Filled by the caller from the AI candidate's own assessment. */
  candidateAssessment?: { persona: string; summary: string; score?: number };
}
