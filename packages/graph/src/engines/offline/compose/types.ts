import type { BulletFact, CvFact, ProjectFact } from "../../../cv/model/facts.js";
import type { Phase, QuestionStyle } from "../../../types.js";
import type { ConcreteQuestionType } from "../../model.js";

export type AnswerGap = "relevance" | "depth" | "clarity" | "evidence";

export interface JobInfo {
  title: string;
  company?: string | undefined;
  description?: string | undefined;
  /** Technologies and key words of the job (plan.ts extractJobTerms). */
  terms: string[];
}

/**
 * What a main question is about. background: the candidate's path (intro); role, bullet, project:
 * a part of the CV; cv_skill: a skill the CV shows; job_skill: a skill the job needs; work: a
 * project of the candidate's choosing (no CV); company: the company and role (closing).
 */
export type FocusKind = "background" | "role" | "bullet" | "project" | "cv_skill" | "job_skill" | "work" | "company";

export interface QuestionFocus {
  /** Stable; the same focus is never the subject of two main questions. */
  key: string;
  kind: FocusKind;
  /** The recorded topic of the question and the query to retrieve CV passages with. */
  label: string;
  /** The CV fact the question is about, when there is one. */
  fact?: CvFact;
  /** The skill of a cv_skill or job_skill focus. */
  skill?: string;
  /** Where the CV shows the skill in use. */
  evidence?: BulletFact | ProjectFact;
}

export interface ComposeInput {
  questionType: ConcreteQuestionType;
  questionStyle: QuestionStyle;
  phase: Phase;
  kind: "main" | "follow_up" | "clarification";
  /** 1 (easy) to 5 (hard). */
  difficulty: number;
  /** The main question number (1-based) and how many there are. */
  step: number;
  maxSteps: number;
  job: JobInfo;
  focus: QuestionFocus;
  /** Retrieved CV passages or web snippets for this question; may be empty. */
  context: string[];
  /** The question being followed up or clarified (or, for a main question, the last one) and its answer. */
  previous?: { question: string; answer: string; missing: AnswerGap[] } | undefined;
  /** Every question asked so far, to never ask the same one twice. */
  askedQuestions: string[];
  /** Intents of the main questions asked so far (ComposedQuestion.intent), so each asks something different. */
  usedIntents?: string[];
  /** Makes wording deterministic per interview. */
  seed: string;
}

export interface ComposedQuestion {
  text: string;
  /** What the question asks for ("walkthrough", "trade_off", …). */
  intent: string;
  /** The template it came from, for tests and reviews. */
  template: string;
}
