import { z } from "@hono/zod-openapi";
import { QUESTION_STYLES, QUESTION_TYPES, MAX_STEPS_LIMIT } from "@interview/graph";

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalString = (max: number, description: string) =>
  z.preprocess(emptyToUndefined, z.string().max(max).optional()).openapi({ type: "string", description });

const QUESTION_TYPE_NAMES = [...QUESTION_TYPES, ...QUESTION_STYLES.filter((s) => s !== "adaptive")] as const;

const startFields = {
  job_title: z.string().trim().min(1, "job_title is required").max(200).openapi({ example: "Backend Engineer" }),
  question_type: z.enum(QUESTION_TYPE_NAMES).openapi({
    description: "technical, behavioral, mixed or system_design. Older clients' style names (broad, narrow_up, follow_up) are accepted and mean a mixed interview in that style.",
  }),
  question_style: z.preprocess(emptyToUndefined, z.enum(QUESTION_STYLES).optional()).openapi({ type: "string", enum: [...QUESTION_STYLES], description: "How questions move (default adaptive)." }),
  max_step: z
    .preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(MAX_STEPS_LIMIT).optional())
    .openapi({ type: "integer", minimum: 1, maximum: MAX_STEPS_LIMIT, description: "Number of main questions (default 5)." }),
  company_name: optionalString(200, "Company the interview is for."),
  job_description: optionalString(20_000, "Job description; its key terms shape the questions."),
  username: optionalString(100, "Candidate's name, used in the greeting."),
  language: optionalString(40, "Language of the interview (LLM engine), e.g. en, de, pt-BR."),
  thread_id: optionalString(128, "Client-chosen id; generated when absent. 409 if it exists."),
  cv_text: optionalString(100_000, "CV as plain text, instead of a PDF."),
};

/** The optional CV file of a multipart request (checked as a PDF by the engine). */
const cvUpload = z.any().optional().openapi({ type: "string", format: "binary", description: "CV as a PDF file (≤ 5 MB, ≤ 30 pages)." });

export const StartInterviewJson = z.object(startFields).openapi("StartInterviewJson");
export const StartInterviewForm = z
  .object({
    ...startFields,
    cv: cvUpload,
  })
  .openapi("StartInterviewForm");
export type StartInterviewBody = z.infer<typeof StartInterviewForm>;

export const ContinueInterviewBody = z
  .object({
    thread_id: z.string().min(1).max(128),
    user_response: z.string().min(1, "user_response must not be empty"),
  })
  .openapi("ContinueInterviewBody");

export const ThreadParam = z.object({ thread_id: z.string().min(1).max(128).openapi({ param: { name: "thread_id", in: "path" } }) });

const Rubric = z.object({ relevance: z.number(), depth: z.number(), clarity: z.number(), evidence: z.number() }).openapi("Rubric");

export const QuestionSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    phase: z.string(),
    difficulty: z.number(),
    kind: z.enum(["main", "follow_up", "clarification"]),
    context_source: z.enum(["cv", "web", "none"]),
  })
  .openapi("Question");

export const FeedbackSchema = z
  .object({ question_id: z.string(), score: z.number(), rubric: Rubric, feedback: z.string() })
  .openapi("Feedback");

export const FinalEvaluationSchema = z
  .object({
    overall_score: z.number(),
    recommendation: z.enum(["strong_hire", "hire", "lean_hire", "lean_no_hire", "no_hire"]),
    strengths: z.array(z.string()),
    improvements: z.array(z.string()),
    per_question: z.array(z.object({ question_id: z.string(), question: z.string(), score: z.number(), feedback: z.string() })),
    summary: z.string(),
  })
  .openapi("FinalEvaluation");

export const TurnResponse = z
  .object({
    thread_id: z.string(),
    status: z.enum(["question", "completed"]),
    message: z.string().openapi({ description: "The next question (with the greeting at the start), or the closing summary." }),
    current_step: z.number().int(),
    max_steps: z.number().int(),
    engine: z.enum(["offline", "gemini"]),
    phase: z.string().optional(),
    question: QuestionSchema.optional(),
    feedback: FeedbackSchema.optional().openapi({ description: "Evaluation of the answer just given." }),
    feedback_list: z
      .array(FeedbackSchema.extend({ question: z.string(), answer: z.string() }))
      .optional()
      .openapi({ description: "At completion: every question, answer and evaluation." }),
    final_evaluation: FinalEvaluationSchema.optional(),
  })
  .openapi("TurnResponse");

export const InterviewRecord = z
  .object({
    thread_id: z.string(),
    status: z.enum(["question", "completed"]),
    current_step: z.number().int(),
    max_steps: z.number().int(),
    job_title: z.string(),
    question_type: z.string(),
    question_style: z.string(),
    company_name: z.string().optional(),
    engine: z.enum(["offline", "gemini"]),
    phase: z.string(),
    difficulty: z.number(),
    questions: z.array(QuestionSchema),
    answers: z.array(z.object({ question_id: z.string(), text: z.string(), channel: z.enum(["text", "voice"]) })),
    evaluations: z.array(FeedbackSchema),
    messages: z.array(z.object({ role: z.enum(["interviewer", "candidate"]), text: z.string(), question_id: z.string().optional() })),
    retrieval: z.object({ topic: z.string(), needs_retrieval: z.boolean(), similarity_score: z.number().nullable(), context_source: z.enum(["cv", "web", "none"]) }),
    final_evaluation: FinalEvaluationSchema.optional(),
  })
  .openapi("Interview");

export const ErrorResponse = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("Error");

const ROOM_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** POST /join: the start fields (a new interview), or thread_id alone (resume one by voice). */
const joinFields = {
  ...startFields,
  job_title: z.preprocess(emptyToUndefined, startFields.job_title.optional()).openapi({ type: "string", example: "Backend Engineer", description: "Required unless thread_id is given." }),
  question_type: z.preprocess(emptyToUndefined, startFields.question_type.optional()).openapi({
    type: "string",
    enum: [...QUESTION_TYPE_NAMES],
    description: "Required unless thread_id is given; same values as /start_interview.",
  }),
  thread_id: optionalString(128, "Resume this interview by voice, at its current question (404 if unknown, 409 if completed); the other fields are then ignored."),
  room_name: z
    .preprocess(emptyToUndefined, z.string().regex(ROOM_NAME, "room_name may only contain letters, digits, '_', '-', '.' and ':' (max 128)").optional())
    .openapi({ type: "string", description: "LiveKit room to join; a fresh room is created when absent (recommended, also when resuming)." }),
};

export const JoinJson = z.object(joinFields).openapi("JoinJson");
export const JoinForm = z
  .object({
    ...joinFields,
    cv: cvUpload,
  })
  .openapi("JoinForm");
export type JoinBody = z.infer<typeof JoinForm>;

export const JoinResponse = z
  .object({
    token: z.string().openapi({ description: "LiveKit access token for this room only; short-lived; dispatches the voice interviewer." }),
    url: z.string().openapi({ description: "LiveKit server URL to connect to with the token.", example: "ws://localhost:7880" }),
    room_name: z.string(),
    thread_id: z.string().openapi({ description: "The interview; continue it by voice (POST /join) or by text (POST /continue_interview)." }),
  })
  .openapi("JoinResponse");

/** OpenAPI entries for the error statuses a route can answer with. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { description: "Error", content: { "application/json": { schema: ErrorResponse } } }]));
