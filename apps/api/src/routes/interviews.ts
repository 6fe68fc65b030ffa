import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { streamSSE } from "hono/streaming";
import { InterviewError, renderMarkdownReport, renderPdfReport, type StartRequest, type TurnOptions, type TurnView } from "@interview/graph";
import type { AppDeps, AppEnv } from "../app-types.js";
import {
  ContinueInterviewAudio, ContinueInterviewBody, errorResponses, IdempotencyHeaders, InterviewRecord, StartInterviewForm, StartInterviewJson, ThreadParam, TurnResponse,
  type StartInterviewBody,
} from "../schemas.js";
import { interviewRecord, turnResponse, type TurnExtras } from "../presenters.js";
import { logFailure, toErrorResponse } from "../http-errors.js";
import type { Logger } from "../logger.js";
import { authorizeInterview, interviewFor, newAccessToken, principalOf, RESULTS_WITHHELD, seesResults, turnFor } from "../access.js";
import { requestKeyOf } from "../idempotency.js";
import { closeRoom } from "../voice-rooms.js";

const startRoute = createRoute({
  method: "post",
  path: "/start_interview",
  tags: ["interview"],
  summary: "Start an interview (optionally with a CV) and get the first question",
  description:
    "`role=candidate` (default): the AI interviews you. `role=interviewer`: you interview an AI candidate built from the CV (or one generated for the job); " +
    "the reply's message is its greeting and the status `awaiting_question`. An `Idempotency-Key` header makes a retried start return the first reply.",
  request: {
    headers: IdempotencyHeaders,
    body: {
      content: {
        "multipart/form-data": { schema: StartInterviewForm },
        "application/json": { schema: StartInterviewJson },
      },
    },
  },
  responses: {
    200: { description: "First question", content: { "application/json": { schema: TurnResponse } } },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503, 504),
  },
});

const continueRoute = createRoute({
  method: "post",
  path: "/continue_interview",
  tags: ["interview"],
  summary: "Answer the current question (text or a recording); get feedback and the next question, or the final evaluation",
  description:
    "JSON `{thread_id, user_response, question_id?}`, or multipart/form-data with an `audio` recording (the reply adds `transcript`, and `audio_url` with `tts=true`). " +
    "With `Accept: text/event-stream` the reply is streamed: `token` events carry the next question as it is written, then a `done` event carries the same JSON as the plain reply (or an `error` event). " +
    "An `Idempotency-Key` header makes a retried answer return the first reply instead of answering the next question.",
  request: {
    headers: IdempotencyHeaders,
    body: {
      content: { "application/json": { schema: ContinueInterviewBody }, "multipart/form-data": { schema: ContinueInterviewAudio } },
    },
  },
  responses: {
    200: {
      description: "Next question or final evaluation",
      content: { "application/json": { schema: TurnResponse }, "text/event-stream": { schema: { type: "string" } } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503, 504),
  },
});

const endRoute = createRoute({
  method: "post",
  path: "/interviews/{thread_id}/end",
  tags: ["interview"],
  summary: "End the interview now: the final assessment covers the questions answered so far (idempotent)",
  request: { params: ThreadParam, headers: IdempotencyHeaders },
  responses: { 200: { description: "Completed interview", content: { "application/json": { schema: TurnResponse } } }, ...errorResponses(401, 403, 404, 409, 503, 504) },
});

const getRoute = createRoute({
  method: "get",
  path: "/interviews/{thread_id}",
  tags: ["interview"],
  summary: "The whole interview: questions, answers, evaluations, decisions, retrieval, final evaluation",
  request: { params: ThreadParam },
  responses: { 200: { description: "Interview", content: { "application/json": { schema: InterviewRecord } } }, ...errorResponses(401, 403, 404) },
});

const reportRoute = createRoute({
  method: "get",
  path: "/interviews/{thread_id}/report",
  tags: ["interview"],
  summary: "The report as JSON, Markdown (Accept: text/markdown) or PDF (Accept: application/pdf)",
  request: { params: ThreadParam },
  responses: {
    200: {
      description: "Report",
      content: {
        "application/json": { schema: InterviewRecord },
        "text/markdown": { schema: { type: "string" } },
        "application/pdf": { schema: { type: "string", format: "binary" } },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

const audioRoute = createRoute({
  method: "get",
  path: "/interviews/{thread_id}/audio/{message_id}",
  tags: ["interview"],
  summary: "A message of the interview as speech (made with tts=true)",
  request: { params: ThreadParam.extend({ message_id: z.string().min(1).max(64).openapi({ param: { name: "message_id", in: "path" } }) }) },
  responses: { 200: { description: "Audio", content: { "audio/mpeg": { schema: { type: "string", format: "binary" } } } }, ...errorResponses(401, 403, 404) },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/interviews/{thread_id}",
  tags: ["interview"],
  summary: "Erase the interview and its CV, audio and keys",
  description:
    "Erases everything stored for the interview in one transaction, and closes its voice room, if it is in one, so the people and the voice agent there leave. " +
    "A candidate's access token cannot erase an interview for a job (403): the hiring team erases those.",
  request: { params: ThreadParam },
  responses: { 204: { description: "Erased" }, ...errorResponses(401, 403, 404, 409) },
});

export type StartFields = Omit<StartRequest, "cvPdf" | "accessTokenHash">;

function toStartFields(body: StartInterviewBody): StartFields {
  return {
    threadId: body.thread_id,
    role: body.role,
    jobTitle: body.job_title ?? "",
    questionType: body.question_type ?? "",
    questionStyle: body.question_style,
    maxSteps: body.max_step,
    company: body.company_name,
    jobDescription: body.job_description,
    jobId: body.job_id,
    candidateName: body.username,
    language: body.language,
    cvText: body.cv_text,
    persona: body.persona,
    seniority: body.seniority,
  };
}

/** The uploaded file, if any; anything that is not a file is an error, not silently ignored. */
export async function uploadedFile(value: unknown, field: string): Promise<Uint8Array | undefined> {
  if (value === undefined || value === "") return undefined;
  if (Array.isArray(value)) throw new InterviewError("invalid_input", `Send one ${field} file, not ${value.length}.`);
  if (!(value instanceof File)) throw new InterviewError("invalid_input", `${field} must be a file upload.`);
  if (value.size === 0) return undefined;
  return new Uint8Array(await value.arrayBuffer());
}

const isForm = (c: Context) => /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(c.req.header("content-type") ?? "");

/** Reads a start request from either body type, validated by the same schemas the docs show. */
export async function readStartRequest(c: { req: { header(name: string): string | undefined; valid(target: "form" | "json"): unknown } }): Promise<{ fields: StartFields; cvPdf?: Uint8Array | undefined }> {
  const form = isForm(c as Context);
  const body = (form ? c.req.valid("form") : c.req.valid("json")) as StartInterviewBody;
  const fields = toStartFields(body);
  if (!fields.jobId && !fields.jobTitle) throw new InterviewError("invalid_input", "job_title: required unless job_id is given.");
  if (!fields.jobId && !fields.questionType) throw new InterviewError("invalid_input", "question_type: required unless job_id is given.");
  return { fields, cvPdf: form ? await uploadedFile(body.cv, "cv") : undefined };
}

/** Fills a start request's gaps from its job (its fields are defaults; explicit fields win). */
export async function withJobDefaults(deps: AppDeps, fields: StartFields): Promise<StartFields> {
  if (!fields.jobId) return fields;
  const job = await deps.jobs?.defaultsFor(fields.jobId);
  if (!job) throw new InterviewError("not_found", "No job with this job_id.");
  return {
    ...fields,
    jobTitle: fields.jobTitle || job.jobTitle,
    questionType: fields.questionType || job.questionType || "mixed",
    questionStyle: fields.questionStyle ?? job.questionStyle,
    maxSteps: fields.maxSteps ?? job.maxSteps,
    company: fields.company ?? job.company,
    jobDescription: fields.jobDescription ?? job.jobDescription,
    language: fields.language ?? job.language,
    resultsShared: job.resultsShared,
  };
}

/**
 * Starts an interview for the caller, with its own access token; replays a retried start. A
 * `/join` that names its room passes it as `joining`, so a retry does not close the room it enters.
 */
export async function startInterview(c: Context<AppEnv>, deps: AppDeps, fields: StartFields, cvPdf: Uint8Array | undefined, options: TurnOptions = {}, joining?: string) {
  const request = await withJobDefaults(deps, fields);
  const requestKey = requestKeyOf(c, { ...request, cvPdf });
  const access = newAccessToken();
  const view = await deps.service.start({ ...request, cvPdf, accessTokenHash: access.digest }, { ...options, requestKey });
  c.set("threadId", view.threadId);
  // Only a token's digest is kept, so a replayed start cannot return the first token: it gets a
  // new one, which replaces it (the client that lost the first reply never saw the first token),
  // and the voice room entered with the first one closes with it.
  if ((await deps.service.info(view.threadId))?.accessTokenHash !== access.digest) {
    const { voiceRoom } = await deps.service.replaceAccessToken(view.threadId, access.digest);
    if (voiceRoom && voiceRoom !== joining && deps.voiceRooms) closeRoom(deps, deps.voiceRooms, view.threadId, voiceRoom);
  }
  return { view, accessToken: access.token };
}

/**
 * Streams a turn as Server-Sent Events. It opens at the first token, so a turn that fails before
 * it gets a plain JSON error with its status. A slow model would leave the connection silent long
 * enough for a proxy to close it, so after `keepAliveMs` without a token the stream opens anyway,
 * and every `keepAliveMs` of silence it sends an SSE comment, which clients ignore; a failure
 * after that arrives as an `error` event with the same body.
 */
export function streamTurn(
  c: Context<AppEnv>,
  logger: Logger,
  keepAliveMs: number,
  run: (onToken: (t: string) => void) => Promise<{ view: TurnView; extras?: TurnExtras }>,
) {
  const buffered: string[] = [];
  let push: ((token: string) => void) | null = null;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const turn = run((token) => {
    if (push) push(token);
    else buffered.push(token);
    open();
  });
  const slow = setTimeout(open, keepAliveMs);
  return Promise.race([opened, turn])
    .finally(() => clearTimeout(slow))
    .then(
      () =>
        streamSSE(c, async (stream) => {
          let quiet = true;
          const send = (token: string) => {
            quiet = false;
            void stream.writeSSE({ event: "token", data: JSON.stringify({ text: token }) });
          };
          const keepAlive = async () => {
            if (quiet) await stream.write(": waiting for the model\n\n");
            quiet = true;
          };
          if (!buffered.length) await keepAlive();
          buffered.splice(0).forEach(send);
          push = send;
          const beat = setInterval(() => void keepAlive(), keepAliveMs);
          try {
            const { view, extras } = await turn;
            await stream.writeSSE({ event: "done", data: JSON.stringify(turnResponse(turnFor(principalOf(c), view), extras)) });
          } catch (error) {
            logFailure(logger, c, error);
            const response = toErrorResponse(c, error);
            await stream.writeSSE({ event: "error", data: await response.text() });
          } finally {
            clearInterval(beat);
          }
        }),
      // Before the stream opens nothing is sent yet: the app's error handler logs it and replies.
    );
}

const wantsStream = (c: Context) => (c.req.header("accept") ?? "").includes("text/event-stream");

/** Bodies of any other media type than `types` are refused (415 with `hint`) before any validator reads them. */
export const requireBodyOf =
  (types: string[], hint: string): MiddlewareHandler =>
  async (c, next) => {
    const type = (c.req.header("content-type") ?? "").toLowerCase();
    if (!types.some((t) => type.startsWith(t))) throw new InterviewError("unsupported_media_type", hint);
    await next();
  };

export const requireFormOrJson = requireBodyOf(
  ["multipart/form-data", "application/x-www-form-urlencoded", "application/json"],
  "Send multipart/form-data or application/json.",
);

/** A recorded answer, transcribed: 503 naming the settings when speech-to-text is not configured. */
export async function transcribed(deps: AppDeps, threadId: string, audio: Uint8Array, mimeType: string, filename: string | undefined) {
  if (!deps.speech) throw new InterviewError("speech_not_configured", "Spoken answers are not set up on this server: set STT_PROVIDER and its key (see README, Spoken answers).");
  const interview = await deps.service.get(threadId);
  if (interview.status === "completed") throw new InterviewError("interview_completed", "This interview is already completed and takes no more answers.");
  const text = await deps.speech.transcribe({ data: audio, mimeType, ...(filename ? { filename } : {}) }, interview.setup.language);
  return { text, language: interview.setup.language };
}

/** The reply spoken, when asked for and text-to-speech is configured; a failure only loses the audio. */
async function spoken(deps: AppDeps, view: TurnView, language: string): Promise<string | undefined> {
  if (!deps.speech?.tts) return undefined;
  const messageId = view.question?.id ?? (view.status === "completed" ? "closing" : `reply-${view.currentStep}`);
  try {
    return (await deps.speech.speak(view.threadId, messageId, view.message, language)) ?? undefined;
  } catch (error) {
    deps.logger.warn({ threadId: view.threadId, code: (error as { code?: string }).code }, "text-to-speech failed; the reply has no audio");
    return undefined;
  }
}

export function registerInterviewRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const { service } = deps;
  app.use("/start_interview", requireFormOrJson);
  app.use("/continue_interview", requireFormOrJson);

  app.openapi(startRoute, async (c) => {
    if (principalOf(c).kind === "candidate") throw new InterviewError("forbidden", "An interview's access token cannot start another interview.");
    const { fields, cvPdf } = await readStartRequest(c);
    const { view, accessToken } = await startInterview(c, deps, fields, cvPdf);
    return c.json(turnResponse(turnFor(principalOf(c), view), { accessToken }), 200);
  });

  app.openapi(continueRoute, async (c) => {
    let threadId: string;
    let run: (options: TurnOptions) => Promise<{ view: TurnView; extras?: TurnExtras }>;
    if (isForm(c)) {
      const body = c.req.valid("form") as z.infer<typeof ContinueInterviewAudio>;
      threadId = body.thread_id;
      c.set("threadId", threadId);
      await authorizeInterview(c, service, threadId);
      const audio = await uploadedFile(body.audio, "audio");
      if (!audio) throw new InterviewError("invalid_input", "audio: send the recorded answer as a file.");
      const file = body.audio as File;
      const requestKey = requestKeyOf(c, { threadId, audio, questionId: body.question_id, tts: body.tts });
      run = async (options) => {
        const { text, language } = await transcribed(deps, threadId, audio, file.type, file.name);
        const view = await service.answer(threadId, { text, channel: "audio", questionId: body.question_id }, { ...options, requestKey });
        const audioUrl = body.tts || c.req.query("tts") === "true" ? await spoken(deps, view, language) : undefined;
        return { view, extras: { transcript: text, audioUrl } };
      };
    } else {
      const { thread_id, user_response, question_id } = c.req.valid("json") as z.infer<typeof ContinueInterviewBody>;
      threadId = thread_id;
      c.set("threadId", threadId);
      await authorizeInterview(c, service, threadId);
      const requestKey = requestKeyOf(c, { threadId, text: user_response, questionId: question_id });
      run = async (options) => ({ view: await service.answer(threadId, { text: user_response, channel: "text", questionId: question_id }, { ...options, requestKey }) });
    }
    if (wantsStream(c)) return streamTurn(c, deps.logger, deps.settings.streamKeepAliveMs, (onToken) => run({ onToken })) as never;
    const { view, extras } = await run({});
    return c.json(turnResponse(turnFor(principalOf(c), view), extras), 200);
  });

  app.openapi(endRoute, async (c) => {
    const { thread_id } = c.req.valid("param");
    c.set("threadId", thread_id);
    await authorizeInterview(c, service, thread_id);
    return c.json(turnResponse(turnFor(principalOf(c), await service.end(thread_id, { requestKey: requestKeyOf(c, { end: thread_id }) }))), 200);
  });

  app.openapi(getRoute, async (c) => {
    const { thread_id } = c.req.valid("param");
    c.set("threadId", thread_id);
    await authorizeInterview(c, service, thread_id);
    return c.json(interviewRecord(interviewFor(principalOf(c), await service.get(thread_id))), 200);
  });

  app.openapi(reportRoute, async (c) => {
    const { thread_id } = c.req.valid("param");
    c.set("threadId", thread_id);
    await authorizeInterview(c, service, thread_id);
    const view = await service.get(thread_id);
    if (!seesResults(principalOf(c), view)) throw new InterviewError("forbidden", RESULTS_WITHHELD);
    const accept = c.req.header("accept") ?? "";
    if (accept.includes("application/pdf")) {
      const pdf = await renderPdfReport(await service.report(thread_id));
      return c.body(pdf as unknown as ArrayBuffer, 200, {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="interview-${thread_id}.pdf"`,
      }) as never;
    }
    if (accept.includes("text/markdown")) {
      return c.body(renderMarkdownReport(await service.report(thread_id)), 200, {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `inline; filename="interview-${thread_id}.md"`,
      }) as never;
    }
    return c.json(interviewRecord(view), 200);
  });

  app.openapi(audioRoute, async (c) => {
    const { thread_id, message_id } = c.req.valid("param");
    c.set("threadId", thread_id);
    await authorizeInterview(c, service, thread_id);
    const audio = await deps.speech?.audio.load(thread_id, message_id);
    if (!audio) throw new InterviewError("not_found", "No audio for this message of the interview.");
    return c.body(audio.data as unknown as ArrayBuffer, 200, { "content-type": audio.mimeType, "cache-control": "private, max-age=3600" }) as never;
  });

  app.openapi(deleteRoute, async (c) => {
    const { thread_id } = c.req.valid("param");
    c.set("threadId", thread_id);
    const candidatesRow = await authorizeInterview(c, service, thread_id);
    // A job's interview is the hiring team's record: its candidate asks the team to erase it.
    if (candidatesRow?.jobId) {
      throw new InterviewError("forbidden", "This interview belongs to a hiring team's job: ask the team to erase it.");
    }
    const { voiceRoom } = await service.erase(thread_id);
    // The candidate and the voice agent leave the room with the interview.
    if (voiceRoom && deps.voiceRooms) closeRoom(deps, deps.voiceRooms, thread_id, voiceRoom);
    return c.body(null, 204);
  });
}
