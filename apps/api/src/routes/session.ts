import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { InterviewError, isInterviewError, NEXT_ACTIONS, type Evaluation, type InterviewView, type NextAction, type TurnView } from "@interview/graph";
import type { AppDeps, AppEnv } from "../app-types.js";
import { authorizeInterview, interviewFor, principalOf, turnFor } from "../access.js";
import { requestKeyOf } from "../idempotency.js";
import { finalEvaluation } from "../presenters.js";
import { requestBody } from "../request-body.js";
import { errorResponses, FinalEvaluationSchema, IdempotencyHeaders, LIMITS, StartInterviewForm, StartInterviewJson, type StartInterviewBody } from "../schemas.js";
import { readStartRequest, requireBodyOf, startInterview, transcribed, uploadedFile } from "./interviews.js";

/**
 * Routes for clients written against the stateless-agent design: the session id in the path, and
 * one reply shape for every call (what the interviewer says, whether to go on, what was decided).
 * Thin adapters over the same service, credentials and Idempotency-Key as the interview routes.
 */

/** The job title of a session started without one. */
export const GENERAL_INTERVIEW = "General interview";

const SessionParam = z.object({
  id: z
    .string()
    .min(1)
    .max(LIMITS.threadId)
    .openapi({ param: { name: "id", in: "path" }, description: "The session id: the interview's thread_id.", example: "demo-session-1" }),
});

const SessionTurnJson = requestBody({
  text: z.string().min(1, "must not be empty").openapi({ description: "The candidate's answer." }),
  question_id: z.string().max(64).optional().openapi({ description: "The question answered; another current question means 409 stale_question." }),
}).openapi("SessionTurnJson");

const SessionTurnAudio = requestBody({
  audio: z.any().openapi({ type: "string", format: "binary", description: "The spoken answer: webm, ogg, wav, mp3 or m4a (≤ 10 MB, ≤ 5 min)." }),
  question_id: z.string().max(64).optional(),
}).openapi("SessionTurnAudio");

export const SessionResponse = z
  .object({
    interviewer_response: z.object({
      text: z.string().openapi({
        description: "What the interviewer says now: the greeting and first question at the start; a line of feedback and the next question after an answer; the closing summary at the end.",
      }),
      audio_url: z.string().nullable().openapi({ description: "`text` as speech, when text-to-speech is configured; else null." }),
      should_continue: z.boolean().openapi({ description: "false once the interview is completed." }),
      action: z.enum(NEXT_ACTIONS).openapi({ description: "What was decided after the last answer (new_question at the start, conclude at the end)." }),
    }),
    session_state: z.object({
      thread_id: z.string(),
      status: z.enum(["question", "awaiting_question", "completed"]),
      role: z.enum(["candidate", "interviewer"]),
      current_step: z.number().int(),
      max_steps: z.number().int(),
      phase: z.string(),
      question_id: z.string().nullable().openapi({ description: "The current question, while the interview runs." }),
      last_evaluation: z
        .object({ question_id: z.string(), score: z.number(), feedback: z.string(), insufficient_evidence: z.boolean() })
        .optional()
        .openapi({ description: "After an answer: its evaluation." }),
      final_evaluation: FinalEvaluationSchema.optional().openapi({ description: "Once completed." }),
    }),
    turn_number: z.number().int().openapi({ description: "Answered turns so far." }),
    transcript: z.string().optional().openapi({ description: "A spoken answer as it was understood." }),
    access_token: z.string().optional().openapi({ description: "When the start created the interview: its own token (Authorization: Bearer), which opens only it." }),
  })
  .openapi("SessionResponse");

type SessionBody = z.infer<typeof SessionResponse>;

const json = (description: string) => ({ description, content: { "application/json": { schema: SessionResponse } } });

const startRoute = createRoute({
  method: "post",
  path: "/session/start/{id}",
  tags: ["session"],
  summary: "Start the session with this id, or resume it where it stands",
  description:
    `An optional body (JSON or multipart with a \`cv\` PDF) carries the usual start fields; without \`job_title\` the session is a mixed interview for "${GENERAL_INTERVIEW}". ` +
    "When the session exists, the body is ignored and the reply says where it stands.",
  request: {
    params: SessionParam,
    headers: IdempotencyHeaders,
    body: { required: false, content: { "application/json": { schema: StartInterviewJson }, "multipart/form-data": { schema: StartInterviewForm } } },
  },
  responses: { 200: json("The interviewer's opening words"), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503, 504) },
});

const turnRoute = createRoute({
  method: "post",
  path: "/session/turn/{id}",
  tags: ["session"],
  summary: "Answer the current question (JSON text or a multipart recording)",
  request: {
    params: SessionParam,
    headers: IdempotencyHeaders,
    body: { content: { "application/json": { schema: SessionTurnJson }, "multipart/form-data": { schema: SessionTurnAudio } } },
  },
  responses: { 200: json("Feedback and the next question, or the closing summary"), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503, 504) },
});

const stateRoute = createRoute({
  method: "get",
  path: "/session/state/{id}",
  tags: ["session"],
  summary: "Where the session stands",
  request: { params: SessionParam },
  responses: { 200: json("The current question, or the closing summary"), ...errorResponses(401, 403, 404) },
});

const endRoute = createRoute({
  method: "delete",
  path: "/session/state/{id}",
  tags: ["session"],
  summary: "End the session now and evaluate it (the interview is kept; DELETE /interviews/{thread_id} erases it)",
  request: { params: SessionParam, headers: IdempotencyHeaders },
  responses: { 200: json("The closing summary and the final evaluation"), ...errorResponses(401, 403, 404, 409, 503, 504) },
});

/** The first sentence of a text: the line of feedback said before the next question. */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  return (/^.+?[.!?](?=\s|$)/s.exec(trimmed)?.[0] ?? trimmed).trim();
}

const joined = (...parts: (string | null | undefined)[]) => parts.filter((p, i) => p && parts.indexOf(p) === i).join(" ");

/** The decision after the last answer, as the design names it. */
function lastAction(view: InterviewView): NextAction {
  if (view.status === "completed") return "conclude";
  const last = view.answers.at(-1);
  return (last && view.questions.find((q) => q.id === last.questionId)?.decision?.action) || "new_question";
}

/** What the interviewer says when the session is looked at, or opened again. */
function standingWords(view: InterviewView, welcome: boolean): string {
  if (view.status !== "question" || view.answers.length === 0) return view.status === "completed" ? view.message : joined(view.greeting, view.message);
  return welcome ? `Welcome back. We're at question ${view.currentStep} of ${view.maxSteps}. ${view.message}` : view.message;
}

interface Extras {
  action?: NextAction | undefined;
  evaluation?: Evaluation | null | undefined;
  transcript?: string | undefined;
  accessToken?: string | undefined;
}

export function registerSessionRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { service } = deps;

  /** `text` as speech, kept under one id per kind of reply and turn so a repeated read costs nothing. */
  async function audioUrl(view: InterviewView, messageId: string, text: string): Promise<string | null> {
    const speech = deps.speech;
    if (!speech?.tts || !text.trim()) return null;
    try {
      if (await speech.audio.load(view.threadId, messageId)) return `/interviews/${encodeURIComponent(view.threadId)}/audio/${encodeURIComponent(messageId)}`;
      return await speech.speak(view.threadId, messageId, text, view.setup.language);
    } catch (error) {
      deps.logger.warn({ threadId: view.threadId, code: (error as { code?: string }).code }, "text-to-speech failed; the reply has no audio");
      return null;
    }
  }

  async function reply(view: InterviewView, kind: string, text: string, extras: Extras = {}): Promise<SessionBody> {
    const completed = view.status === "completed";
    const e = extras.evaluation;
    return {
      interviewer_response: {
        text,
        audio_url: await audioUrl(view, `session-${kind}-${view.answers.length}`, text),
        should_continue: !completed,
        action: completed ? "conclude" : (extras.action ?? lastAction(view)),
      },
      session_state: {
        thread_id: view.threadId,
        status: view.status,
        role: view.role,
        current_step: view.currentStep,
        max_steps: view.maxSteps,
        phase: view.phase,
        question_id: view.question?.id ?? null,
        ...(e ? { last_evaluation: { question_id: e.questionId, score: e.score, feedback: e.feedback, insufficient_evidence: e.insufficientEvidence ?? false } } : {}),
        ...(completed && view.finalEvaluation ? { final_evaluation: finalEvaluation(view.finalEvaluation) } : {}),
      },
      turn_number: view.answers.length,
      ...(extras.transcript !== undefined ? { transcript: extras.transcript } : {}),
      ...(extras.accessToken ? { access_token: extras.accessToken } : {}),
    };
  }

  async function resume(c: Context<AppEnv>, id: string): Promise<SessionBody> {
    await authorizeInterview(c, service, id);
    const view = interviewFor(principalOf(c), await service.get(id));
    return reply(view, "resume", standingWords(view, true));
  }

  /** After a turn: its line of feedback, then what comes next. */
  async function afterTurn(c: Context<AppEnv>, finished: TurnView, kind: string, extras: Extras = {}): Promise<SessionBody> {
    const turn = turnFor(principalOf(c), finished);
    const view = interviewFor(principalOf(c), await service.get(turn.threadId));
    const feedback = turn.status !== "completed" && turn.role === "candidate" && turn.evaluation ? firstSentence(turn.evaluation.feedback) : "";
    return reply(view, kind, joined(feedback, turn.message), { ...extras, evaluation: turn.evaluation, action: turn.decision?.action ?? extras.action });
  }

  // The documented bodies only: a urlencoded form can carry neither the recording nor, here, the text.
  app.use("/session/turn/*", requireBodyOf(["application/json", "multipart/form-data"], "Send application/json with text, or multipart/form-data with audio."));

  app.openapi(startRoute, async (c) => {
    const { id } = c.req.valid("param");
    c.set("threadId", id);
    if ((await service.info(id))?.head) return c.json(await resume(c, id), 200);
    if (principalOf(c).kind === "candidate") throw new InterviewError("forbidden", "An interview's access token cannot start another interview.");
    // The design's sessions need no set-up: the usual start fields are optional defaults here.
    const withDefaults = (body: StartInterviewBody): StartInterviewBody => ({
      ...body,
      job_title: body.job_title ?? (body.job_id ? undefined : GENERAL_INTERVIEW),
      question_type: body.question_type ?? (body.job_id ? undefined : "mixed"),
      thread_id: id,
    });
    const { fields, cvPdf } = await readStartRequest({
      req: {
        header: (name) => c.req.header(name),
        valid: (target) => withDefaults((target === "form" ? c.req.valid("form") : c.req.valid("json")) as StartInterviewBody),
      },
    });
    try {
      const { view, accessToken } = await startInterview(c, deps, fields, cvPdf);
      const full = interviewFor(principalOf(c), await service.get(view.threadId));
      return c.json(await reply(full, "start", joined(view.greeting, view.message), { action: "new_question", accessToken }), 200);
    } catch (error) {
      // Started by someone else in the meantime: this call resumes it, as it would a moment later.
      if (isInterviewError(error) && error.code === "thread_exists" && (await service.info(id))?.head) return c.json(await resume(c, id), 200);
      throw error;
    }
  });

  app.openapi(turnRoute, async (c) => {
    const { id } = c.req.valid("param");
    c.set("threadId", id);
    await authorizeInterview(c, service, id);
    if (!/^multipart\/form-data/i.test(c.req.header("content-type") ?? "")) {
      const { text, question_id } = c.req.valid("json") as z.infer<typeof SessionTurnJson>;
      const requestKey = requestKeyOf(c, { threadId: id, text, questionId: question_id });
      const turn = await service.answer(id, { text, channel: "text", questionId: question_id }, { requestKey });
      return c.json(await afterTurn(c, turn, "turn"), 200);
    }
    const body = c.req.valid("form") as z.infer<typeof SessionTurnAudio>;
    const audio = await uploadedFile(body.audio, "audio");
    if (!audio) throw new InterviewError("invalid_input", "audio: send the recorded answer as a file.");
    const file = body.audio as File;
    const requestKey = requestKeyOf(c, { threadId: id, audio, questionId: body.question_id });
    const { text: transcript } = await transcribed(deps, id, audio, file.type, file.name || undefined);
    const turn = await service.answer(id, { text: transcript, channel: "audio", questionId: body.question_id }, { requestKey });
    return c.json(await afterTurn(c, turn, "turn", { transcript }), 200);
  });

  app.openapi(stateRoute, async (c) => {
    const { id } = c.req.valid("param");
    c.set("threadId", id);
    await authorizeInterview(c, service, id);
    const view = interviewFor(principalOf(c), await service.get(id));
    return c.json(await reply(view, "state", standingWords(view, false)), 200);
  });

  app.openapi(endRoute, async (c) => {
    const { id } = c.req.valid("param");
    c.set("threadId", id);
    await authorizeInterview(c, service, id);
    const turn = await service.end(id, { requestKey: requestKeyOf(c, { end: id }) });
    return c.json(await afterTurn(c, turn, "end"), 200);
  });
}
