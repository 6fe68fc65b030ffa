/** Report documents for the renderers' tests, and a reader for the PDFs they produce. */
import { PDFParse } from "pdf-parse";
import type { InterviewerCoaching, ReportDocument, ReportQuestion } from "./document.js";

export const LONG_QUESTION =
  "Walk me through the settlement service you rebuilt at Paynow: how you found where the nightly batch spent its six hours, " +
  "why you chose streaming over a bigger batch window, how you kept the ledger consistent while both systems ran side by side, " +
  "what you would do differently with hindsight, and how you convinced the finance team that the new numbers could be trusted.";

export function completedReport(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    interviewId: "int-2024-0042",
    role: "candidate",
    title: "Backend Engineer at Acme",
    candidateName: "Σοφία Παπαδοπούλου",
    createdAt: "2025-03-04T09:30:00.000Z",
    engine: "gemini",
    status: "completed",
    endedEarly: false,
    plannedQuestions: 2,
    questionType: "technical",
    questionStyle: "adaptive",
    overall: {
      score: 7.5,
      recommendation: "hire",
      recommendationLabel: "Hire",
      summary: "A clear communicator with solid backend depth; evidence on testing was thin.",
      strengths: ["Explains trade-offs with numbers", "Owns outcomes end to end"],
      improvements: ["Give concrete testing examples"],
    },
    questions: [
      {
        number: 1,
        kind: "main",
        label: "Question 1",
        text: "Tell me about a system you designed | and what you would change.",
        phase: "intro",
        answer: "I designed the settlement API in Go.\nIt cut settlement from 6 hours to 20 minutes.",
        channel: "text",
        score: 8,
        rubric: { relevance: 9, depth: 7.5, clarity: 8, evidence: 7 },
        feedback: "Specific and measured.",
        evaluatedBy: "model",
        decision: { action: "ask_followup", reason: "The consistency story was left open." },
        grounding: { source: "cv", fact: "Rebuilt the Paynow settlement service in Go" },
      },
      {
        number: 2,
        kind: "follow_up",
        label: "Follow-up",
        text: "How did you keep the ledger consistent during the migration?",
        phase: "projects",
        answer: "We ran both and compared.",
        channel: "voice",
        score: 4.5,
        rubric: { relevance: 6, depth: 3, clarity: 5, evidence: 4 },
        feedback: "Too brief to show how the comparison worked.",
        evaluatedBy: "heuristic",
        insufficientEvidence: true,
        decision: { action: "conclude", reason: "All planned questions were asked." },
        grounding: { source: "web", fact: "Dual-run migrations compare ledgers nightly", url: "https://example.com/dual-run" },
      },
    ],
    ...overrides,
  };
}

export function earlyEndedReport(): ReportDocument {
  return completedReport({
    candidateName: "Иван Петров",
    endedEarly: true,
    plannedQuestions: 5,
    overall: undefined,
    questions: [{ number: 1, kind: "main", label: "Question 1", text: "Tell me about yourself.", phase: "intro", grounding: { source: "none" } }],
  });
}

export const COACHING: InterviewerCoaching = {
  perQuestion: [
    { number: 1, text: "Tell me about your last project.", form: "open", multiple: false, followsUp: false, competency: "Delivery", flags: [] },
    { number: 2, text: "You're married with kids, so can you handle on-call?", form: "leading", multiple: true, followsUp: true, competency: "Reliability", flags: ["Family status"] },
  ],
  coverage: [
    { competency: "Delivery", covered: true },
    { competency: "System design", covered: false },
  ],
  talkTime: { interviewerWords: 420, candidateWords: 980, interviewerShare: 0.3 },
  followUpRate: 0.5,
  flaggedQuestions: [{ number: 2, text: "You're married with kids, so can you handle on-call?", category: "Family status", why: "Asks about family, which must not influence a hiring decision." }],
  advice: ["Ask one question at a time.", "Probe system design before the interview ends."],
  candidateAssessment: { persona: "Senior engineer, strong on delivery, weak on design", summary: "The interviewer let me stay on delivery; design was never tested.", score: 6 },
};

export function interviewerReport(): ReportDocument {
  return completedReport({
    role: "interviewer",
    candidateName: "Alex",
    interviewerName: "יעל כהן",
    interviewer: COACHING,
  });
}

/** A long interview: `count` questions, some with long texts, all answered and scored. */
export function manyQuestionsReport(count: number): ReportDocument {
  const questions: ReportQuestion[] = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    kind: "main",
    label: `Question ${i + 1}`,
    text: i % 4 === 0 ? `${LONG_QUESTION} (part ${i + 1})` : `Question number ${i + 1}: how would you test the retry logic of service ${i + 1}?`,
    phase: "role_skills",
    answer: `I would start with the failure modes of service ${i + 1}, then write tests for each one. `.repeat(6),
    channel: "text",
    score: (i * 7) % 11,
    rubric: { relevance: 6, depth: 5, clarity: 7, evidence: 4 },
    feedback: `Feedback for answer ${i + 1}: name the failure modes first.`,
  }));
  return completedReport({ plannedQuestions: count, questions });
}

/** Runs of whitespace as one space: a wrapped line reads like the text it came from. */
export const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/** The PDF's text as a reader would copy it, page by page, and its metadata. */
export async function readPdf(bytes: Uint8Array) {
  // pdf.js takes ownership of the bytes it is given, so each parser gets its own copy.
  const textParser = new PDFParse({ data: bytes.slice() });
  const infoParser = new PDFParse({ data: bytes.slice() });
  try {
    const [text, info] = await Promise.all([textParser.getText(), infoParser.getInfo()]);
    return {
      text: normalise(text.text),
      pages: text.pages.map((p) => normalise(p.text)),
      info: info.info as Record<string, unknown>,
      created: info.getDateNode().CreationDate,
    };
  } finally {
    await Promise.all([textParser.destroy(), infoParser.destroy()]);
  }
}
