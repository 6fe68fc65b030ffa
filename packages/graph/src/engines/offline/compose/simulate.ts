import { cvFacts, rankFacts } from "../../../cv/model/facts.js";
import type { CvModel } from "../../../cv/model/types.js";
import { extractJobTerms, planPhases } from "../../../plan.js";
import type { ConcreteQuestionType } from "../../model.js";
import type { QuestionStyle } from "../../../types.js";
import { composeQuestionDetailed } from "./compose.js";
import { chooseFocus } from "./focus.js";
import type { QuestionFocus } from "./types.js";

export interface SimulatedQuestion {
  step: number;
  phase: string;
  difficulty: number;
  focus: QuestionFocus;
  text: string;
  intent: string;
}

export interface SimulationOptions {
  model?: CvModel;
  job: { title: string; company?: string; description?: string };
  questionType: ConcreteQuestionType;
  questionStyle?: QuestionStyle;
  maxSteps: number;
  seed: string;
}

/**
 * The main questions of a whole interview, chosen and composed the way the graph does it: one
 * focus per step, no focus or intent twice, difficulty climbing one step every two questions.
 */
export function simulateInterview(options: SimulationOptions): SimulatedQuestion[] {
  const terms = extractJobTerms(options.job.title, options.job.description);
  const job = { ...options.job, terms };
  const facts = options.model ? rankFacts(cvFacts(options.model), job) : [];
  const out: SimulatedQuestion[] = [];
  planPhases(options.maxSteps).forEach((phase, i) => {
    const step = i + 1;
    const focus = chooseFocus({ phase, facts, job, usedKeys: out.map((q) => q.focus.key) });
    const difficulty = Math.min(5, 2 + Math.floor(i / 2));
    const question = composeQuestionDetailed({
      questionType: options.questionType,
      questionStyle: options.questionStyle ?? "adaptive",
      phase,
      kind: "main",
      difficulty,
      step,
      maxSteps: options.maxSteps,
      job,
      focus,
      context: [],
      askedQuestions: out.map((q) => q.text),
      usedIntents: out.map((q) => q.intent),
      seed: options.seed,
    });
    out.push({ step, phase, difficulty, focus, text: question.text, intent: question.intent });
  });
  return out;
}
