/**
 * A stand-in LLM interviewer for the harness: it reads the engine's prompts as a model would and
 * answers in their formats — a decision chosen among the allowed actions (a follow-up on a thin
 * answer, a rephrase when asked, otherwise move on or conclude) with its reason and question,
 * valid evaluations and a valid assessment. It drives the decision plumbing, not question wording.
 */
import type { BaseMessage } from "@langchain/core/messages";
import { allowedActionsIn, allowedIn, promptKind, VALID_ASSESSMENT, VALID_EVALUATION, type ReplyFn } from "../testing/index.js";

const textOf = (m: BaseMessage | undefined) => (m ? (typeof m.content === "string" ? m.content : JSON.stringify(m.content)) : "");

/** The candidate's answer in a prompt: the last <answer> block. */
const answerIn = (prompt: string) => [...prompt.matchAll(/<answer>\n([\s\S]*?)\n<\/answer>/g)].at(-1)?.[1]?.trim() ?? "";
const topicIn = (prompt: string) => /on the topic "([^"]*)"/.exec(prompt)?.[1] ?? "your work";
const stepIn = (prompt: string) => /ask question (\d+) of (\d+)/.exec(prompt) ?? /Question (\d+) of (\d+)/.exec(prompt);
const weakOn = (prompt: string) => /An instant check found the answer weak on: ([^.\n]*)\./.exec(prompt)?.[1];

const ASKS_TO_REPHRASE = /\b(rephrase|repeat the question|what do you mean|put (it|that) differently)\b/i;
const ADDRESSES_THE_GRADER = /\b(instructions?|score|10\/10|grader|evaluator|rubric)\b/i;

/** A thin but genuine first-person answer: worth one follow-up, as an interviewer would judge it. */
export function looksThin(answer: string, prompt: string): boolean {
  const words = answer.split(/\s+/).filter(Boolean).length;
  return words >= 5 && words <= 25 && weakOn(prompt) !== undefined && /\bI\b/.test(answer) && !ADDRESSES_THE_GRADER.test(answer);
}

/** The decision reply (DECISION / REASON / QUESTION) to the decision prompt's last message. */
export function decisionReply(prompt: string): string {
  const allowed = allowedActionsIn(prompt);
  const answer = answerIn(prompt);
  const words = answer.split(/\s+/).filter(Boolean).length;
  let action: string;
  let reason: string;
  if (ASKS_TO_REPHRASE.test(answer) && allowed.includes("clarify")) {
    action = "clarify";
    reason = "The candidate asked for the question to be put another way.";
  } else if (looksThin(answer, prompt) && allowed.includes("ask_followup")) {
    action = "ask_followup";
    reason = `The answer gave ${words} words and nothing on ${weakOn(prompt)}.`;
  } else if (allowed.includes("new_question")) {
    action = "new_question";
    reason = "The answer was enough to judge this question; moving on.";
  } else {
    action = "conclude";
    reason = "The last planned question has been answered.";
  }
  const step = stepIn(prompt);
  const question =
    action === "conclude"
      ? ""
      : action === "ask_followup"
        ? `You said "${answer.split(/\s+/).slice(0, 6).join(" ")}" — what exactly did you do, and what changed as a result?`
        : action === "clarify"
          ? "In other words: pick one example from your own work and tell me what you did and how it ended."
          : `Question ${step?.[1] ?? "next"} of ${step?.[2] ?? "the interview"}: on ${topicIn(prompt)}, what did you do yourself, and what came of it?`;
  return `DECISION: ${action}\nREASON: ${reason}\nQUESTION: ${question}`;
}

/** A question prompt's reply: one question on its topic. */
export function questionReply(prompt: string): string {
  const step = stepIn(prompt);
  return `Question ${step?.[1] ?? 1} of ${step?.[2] ?? "the interview"}: tell me about ${topicIn(prompt)} — what was your part, and what came of it?`;
}

/** The harness's LLM interviewer as a LangChain fake chat model's reply function. */
export const harnessInterviewer: ReplyFn = (messages) => {
  const prompt = textOf(messages.at(-1));
  switch (promptKind(messages)) {
    case "evaluation":
      return VALID_EVALUATION;
    case "assessment":
      return VALID_ASSESSMENT;
    case "decision":
      // The decision prompt lists the allowed actions; a reply outside them would fall back to the triage.
      return allowedIn(messages).length ? decisionReply(prompt) : questionReply(prompt);
    case "candidate":
      return "I have not done that.";
    case "question":
      return questionReply(prompt);
  }
};
