import { z } from "@hono/zod-openapi";
import {
  ERROR_CODES, MAX_STEPS_LIMIT, NEXT_ACTIONS, PERSONAS, QUESTION_STYLES, QUESTION_TYPES, RECOMMENDATIONS, ROLES, SENIORITIES,
} from "@interview/graph";
import { requestBody } from "./request-body.js";

/**
 * The HTTP contract, defined once: field names, limits and error codes. The OpenAPI document is
 * generated from these schemas, and the web app's types are generated from that document.
 */
export const LIMITS = {
  jobTitle: 200,
  companyName: 200,
  jobDescription: 20_000,
  username: 100,
  language: 40,
  threadId: 128,
  cvText: 100_000,
  maxSteps: MAX_STEPS_LIMIT,
} as const;

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
/** Length in characters (code points), as a person counts them. */
const maxChars = (max: number) => (v: string) => [...v].length <= max;
const optionalString = (max: number, description: string) =>
  z
    .preprocess(emptyToUndefined, z.string().refine(maxChars(max), `must be at most ${max.toLocaleString("en")} characters`).optional())
    .openapi({ type: "string", maxLength: max, description });
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z.preprocess(emptyToUndefined, z.enum(values).optional()).openapi({ type: "string", enum: [...values], description });
const flag = (description: string) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : v === true || v === "true" || v === "1"), z.boolean().optional()).openapi({ type: "boolean", description });

const QUESTION_TYPE_NAMES = [...QUESTION_TYPES, ...QUESTION_STYLES.filter((s) => s !== "adaptive")] as const;

const startFields = {
  job_title: z.preprocess(emptyToUndefined, z.string().trim().min(1).refine(maxChars(LIMITS.jobTitle), `must be at most ${LIMITS.jobTitle} characters`).optional()).openapi({
    type: "string",
    maxLength: LIMITS.jobTitle,
    example: "Backend Engineer",
    description: "Required unless job_id is given (then the job's title is the default).",
  }),
  question_type: optionalEnum(QUESTION_TYPE_NAMES, "technical, behavioral, mixed or system_design (required unless job_id is given). Older clients' style names (broad, narrow_up, follow_up) mean a mixed interview in that style."),
  question_style: optionalEnum(QUESTION_STYLES, "How questions move (default adaptive)."),
  max_step: z
    .preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: `must be a whole number from 1 to ${LIMITS.maxSteps}` })
        .int({ error: `must be a whole number from 1 to ${LIMITS.maxSteps}` })
        .min(1, { error: `must be a whole number from 1 to ${LIMITS.maxSteps}` })
        .max(LIMITS.maxSteps, { error: `must be a whole number from 1 to ${LIMITS.maxSteps}` })
        .optional(),
    )
    .openapi({ type: "integer", minimum: 1, maximum: LIMITS.maxSteps, description: "Number of main questions (default 5)." }),
  company_name: optionalString(LIMITS.companyName, "Company the interview is for."),
  job_description: optionalString(LIMITS.jobDescription, "Job description; its key terms shape the questions."),
  username: optionalString(LIMITS.username, "Candidate's name, used in the greeting."),
  language: optionalString(LIMITS.language, "Language of the interview (LLM engine), e.g. en, de, pt-BR."),
  thread_id: optionalString(LIMITS.threadId, "Client-chosen id; generated when absent. 409 if it exists."),
  cv_text: optionalString(LIMITS.cvText, "CV as plain text, instead of a PDF."),
  role: optionalEnum(ROLES, "Who the human is: candidate (default; the AI interviews) or interviewer (the AI is the candidate)."),
  job_id: optionalString(128, "A job created with POST /jobs: its fields are the defaults, explicit fields override them."),
  persona: optionalEnum(PERSONAS, "Role interviewer: how the AI candidate performs (default average)."),
  seniority: optionalEnum(SENIORITIES, "Role interviewer: how senior the AI candidate is (default mid)."),
};

/** The optional CV file of a multipart request (checked as a PDF by the engine). */
const cvUpload = z.any().optional().openapi({ type: "string", format: "binary", description: "CV as a PDF file (≤ 5 MB, ≤ 30 pages)." });

export const StartInterviewJson = requestBody(startFields).openapi("StartInterviewJson");
export const StartInterviewForm = requestBody({ ...startFields, cv: cvUpload }).openapi("StartInterviewForm");
export type StartInterviewBody = z.infer<typeof StartInterviewForm>;

const questionId = z.preprocess(emptyToUndefined, z.string().max(64).optional()).openapi({
  type: "string",
  description: "The question this answer is for. When it is not the current question: 409 stale_question, nothing changes.",
});

export const ContinueInterviewBody = requestBody({
  thread_id: z.string().min(1).max(LIMITS.threadId),
  user_response: z
    .string()
    .min(1, "must not be empty")
    .openapi({ description: "The answer (in role reversal, your question): up to ANSWER_MAX_CHARS characters, 10 000 by default (`limits.answer_max_chars` in GET /health); a longer one gets 400 `answer_too_long`." }),
  question_id: questionId,
}).openapi("ContinueInterviewBody");

/** multipart/form-data on /continue_interview: a recorded answer instead of text. */
export const ContinueInterviewAudio = requestBody({
  thread_id: z.string().min(1).max(LIMITS.threadId),
  audio: z.any().openapi({ type: "string", format: "binary", description: "The spoken answer: webm, ogg, wav, mp3 or m4a (≤ 10 MB, ≤ 5 min)." }),
  question_id: questionId,
  tts: flag("Also return the interviewer's reply as speech (audio_url), when text-to-speech is configured."),
}).openapi("ContinueInterviewAudio");

/**
 * The Idempotency-Key header, documented so clients and Swagger's "Try it out" can send it. It is
 * checked where the request's key is read (idempotency.ts), which the session routes share.
 */
export const IdempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .openapi({
      param: { name: "idempotency-key", in: "header" },
      description: "1 to 255 visible ASCII characters, new for each request (a UUID). The same key with the same request replays the first reply; with another request, 422 `idempotency_mismatch`.",
      example: "9b2f4c1e-5d7a-4e8b-a0c3-2f6d8e1b7a45",
    }),
});

export const ThreadParam = z.object({ thread_id: z.string().min(1).max(LIMITS.threadId).openapi({ param: { name: "thread_id", in: "path" } }) });

const Rubric = z.object({ relevance: z.number(), depth: z.number(), clarity: z.number(), evidence: z.number() }).openapi("Rubric");

export const DecisionSchema = z
  .object({
    action: z.enum(NEXT_ACTIONS),
    reason: z.string(),
    by: z.enum(["model", "heuristic"]).openapi({ description: "model: the LLM decided in the call that wrote the next question; heuristic: the instant triage." }),
  })
  .openapi("Decision");

export const QuestionSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    phase: z.string(),
    difficulty: z.number(),
    kind: z.enum(["main", "follow_up", "clarification"]),
    step: z.number().int(),
    topic: z.string().openapi({ description: "What the question is about: a CV fact, a skill, the role." }),
    context_source: z.enum(["cv", "web", "none"]),
    grounding: z.array(z.string()).optional().openapi({ description: "The CV passage or web result the question used." }),
    decision: DecisionSchema.optional().openapi({ description: "What was decided after this question's answer, and why." }),
    channel: z.enum(["text", "audio", "voice"]).optional().openapi({ description: "Role reversal: how the human interviewer asked it; the AI candidate answers on the same channel." }),
  })
  .openapi("Question");

export const FeedbackSchema = z
  .object({
    question_id: z.string(),
    score: z.number(),
    rubric: Rubric,
    feedback: z.string(),
    insufficient_evidence: z.boolean().openapi({ description: "The answer gave nothing to judge (empty, \"I don't know\", another language…)." }),
    evaluated_by: z.enum(["model", "heuristic"]).openapi({ description: "heuristic: the instant score, from the offline engine or when a model engine's evaluation failed." }),
  })
  .openapi("Feedback");

export const FinalEvaluationSchema = z
  .object({
    overall_score: z.number().nullable().openapi({ description: "The mean of the answers' scores, 0–10; null when the interview ended before any answer was scored." }),
    recommendation: z.enum(RECOMMENDATIONS).nullable().openapi({ description: "Null with overall_score: nothing was answered to assess." }),
    recommendation_label: z.string().nullable().openapi({ example: "Lean hire" }),
    strengths: z.array(z.string()),
    improvements: z.array(z.string()),
    per_question: z.array(z.object({ question_id: z.string(), question: z.string(), score: z.number(), feedback: z.string() })),
    summary: z.string(),
  })
  .openapi("FinalEvaluation");

/** Role interviewer: how the human interviewed, and the AI candidate's own assessment. */
export const CoachingSchema = z
  .object({
    per_question: z.array(
      z.object({
        number: z.number().int(),
        text: z.string(),
        form: z.enum(["open", "closed", "leading"]),
        multiple: z.boolean().openapi({ description: "Several questions asked at once." }),
        follows_up: z.boolean().openapi({ description: "Builds on the previous answer." }),
        competency: z.string().optional(),
        flags: z.array(z.string()),
      }),
    ),
    coverage: z.array(z.object({ competency: z.string(), covered: z.boolean() })),
    talk_time: z.object({ interviewer_words: z.number(), candidate_words: z.number(), interviewer_share: z.number() }),
    follow_up_rate: z.number(),
    flagged_questions: z.array(z.object({ number: z.number().int(), text: z.string(), category: z.string(), why: z.string() })).openapi({
      description: "Questions that are illegal or biased in most jurisdictions (age, family, religion, nationality, health…), with a lawful alternative.",
    }),
    advice: z.array(z.string()),
    candidate_assessment: z.object({ persona: z.enum(PERSONAS), summary: z.string(), score: z.number().optional() }).optional(),
  })
  .openapi("Coaching");

const STATUSES = ["question", "awaiting_question", "completed"] as const;

const RESULTS_SHARED = z.boolean().openapi({
  description:
    "false: the hiring team keeps the results (feedback, decisions, final_evaluation, the report) from the candidate, as its job's share_results says; the interview's access token gets none of them, a team key gets all.",
});

export const TurnResponse = z
  .object({
    thread_id: z.string(),
    status: z.enum(STATUSES).openapi({ description: "question: the AI asked the next question; awaiting_question: the AI candidate waits for the interviewer's question; completed." }),
    message: z.string().openapi({ description: "The next question (after the greeting at the start), the AI candidate's reply, or the closing summary." }),
    current_step: z.number().int(),
    max_steps: z.number().int(),
    role: z.enum(ROLES),
    engine: z.enum(["offline", "gemini", "openai"]),
    phase: z.string().optional(),
    greeting: z.string().optional().openapi({ description: "At the start: the greeting alone (message holds greeting and first question)." }),
    question: QuestionSchema.optional(),
    feedback: FeedbackSchema.optional().openapi({ description: "Evaluation of the answer just given." }),
    decision: DecisionSchema.optional().openapi({ description: "What the interviewer decided after the answer just given, and why." }),
    transcript: z.string().optional().openapi({ description: "A spoken answer as it was understood." }),
    audio_url: z.string().optional().openapi({ description: "The reply as speech (tts=true, with text-to-speech configured)." }),
    access_token: z.string().optional().openapi({ description: "At the start: this interview's own token (Authorization: Bearer), which opens only this interview." }),
    feedback_list: z
      .array(FeedbackSchema.extend({ question: z.string(), answer: z.string() }))
      .optional()
      .openapi({ description: "At completion, with final_evaluation: every question, answer and evaluation. Absent for a candidate whose hiring team keeps the results, and in role reversal." }),
    final_evaluation: FinalEvaluationSchema.optional(),
    coaching: CoachingSchema.optional().openapi({ description: "Role reversal, at completion: the coaching on your interviewing." }),
    results_shared: RESULTS_SHARED,
  })
  .openapi("TurnResponse");

export const InterviewRecord = z
  .object({
    thread_id: z.string(),
    status: z.enum(STATUSES),
    role: z.enum(ROLES),
    current_step: z.number().int(),
    max_steps: z.number().int(),
    job_title: z.string(),
    job_id: z.string().optional(),
    question_type: z.string(),
    question_style: z.string(),
    company_name: z.string().optional(),
    candidate_name: z.string().optional(),
    language: z.string(),
    persona: z.object({ strength: z.enum(PERSONAS), seniority: z.enum(SENIORITIES), generated_cv: z.boolean() }).optional(),
    has_cv: z.boolean(),
    engine: z.enum(["offline", "gemini", "openai"]),
    phase: z.string(),
    difficulty: z.number(),
    ended_early: z.boolean(),
    greeting: z.string().optional(),
    question: QuestionSchema.optional().openapi({ description: "The current question, while the interview runs." }),
    questions: z.array(QuestionSchema),
    answers: z.array(z.object({ question_id: z.string(), text: z.string(), channel: z.enum(["text", "audio", "voice"]) })),
    evaluations: z.array(FeedbackSchema),
    messages: z.array(z.object({ role: z.enum(["interviewer", "candidate"]), text: z.string(), question_id: z.string().optional() })),
    retrieval: z.object({ topic: z.string(), needs_retrieval: z.boolean(), similarity_score: z.number().nullable(), context_source: z.enum(["cv", "web", "none"]) }),
    final_evaluation: FinalEvaluationSchema.optional(),
    coaching: CoachingSchema.optional(),
    results_shared: RESULTS_SHARED,
  })
  .openapi("Interview");

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      job_id: z.string().optional().openapi({ description: "With `job_exists`: the job the posting already is." }),
    }),
  })
  .openapi("Error");

const ROOM_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** POST /join: the start fields (a new interview), or thread_id alone (resume one by voice). */
const joinFields = {
  ...startFields,
  thread_id: optionalString(LIMITS.threadId, "Resume this interview by voice, at its current question (404 if unknown, 409 if completed); the other fields are then ignored."),
  room_name: z
    .preprocess(emptyToUndefined, z.string().regex(ROOM_NAME, "room_name may only contain letters, digits, '_', '-', '.' and ':' (max 128)").optional())
    .openapi({ type: "string", description: "LiveKit room to join; a fresh room is created when absent (recommended, also when resuming)." }),
};

export const JoinJson = requestBody(joinFields).openapi("JoinJson");
export const JoinForm = requestBody({ ...joinFields, cv: cvUpload }).openapi("JoinForm");
export type JoinBody = z.infer<typeof JoinForm>;

export const JoinResponse = z
  .object({
    token: z.string().openapi({ description: "LiveKit access token for this room only; short-lived; dispatches the voice agent." }),
    url: z.string().openapi({ description: "LiveKit server URL to connect to with the token.", example: "ws://localhost:7880" }),
    room_name: z.string(),
    thread_id: z.string().openapi({ description: "The interview; continue it by voice (POST /join) or by text (POST /continue_interview)." }),
    role: z.enum(ROLES),
    access_token: z.string().optional().openapi({ description: "For a new interview: its own access token." }),
  })
  .openapi("JoinResponse");

/** OpenAPI entries for the error statuses a route can answer with. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { description: "Error", content: { "application/json": { schema: ErrorResponse } } }]));
