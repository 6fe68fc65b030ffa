import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { streamSSE } from "hono/streaming";
import { InterviewError, renderMarkdownReport, type StartRequest, type TurnView } from "@interview/graph";
import type { AppDeps, AppEnv } from "../app-types.js";
import { ContinueInterviewBody, errorResponses, InterviewRecord, StartInterviewForm, StartInterviewJson, ThreadParam, TurnResponse, type StartInterviewBody } from "../schemas.js";
import { interviewRecord, turnResponse } from "../presenters.js";
import { toErrorResponse } from "../http-errors.js";

const startRoute = createRoute({
  method: "post",
  path: "/start_interview",
  tags: ["interview"],
  summary: "Start an interview (optionally with a CV) and get the first question",
  request: {
    body: {
      content: {
        "multipart/form-data": { schema: StartInterviewForm },
        "application/json": { schema: StartInterviewJson },
      },
    },
  },
  responses: {
    200: { description: "First question", content: { "application/json": { schema: TurnResponse } } },
    ...errorResponses(400, 401, 409, 413, 415, 422, 429, 503),
  },
});

const continueRoute = createRoute({
  method: "post",
  path: "/continue_interview",
  tags: ["interview"],
  summary: "Answer the current question; get feedback and the next question, or the final evaluation",
  description:
    "With `Accept: text/event-stream` the reply is streamed: `token` events carry the next question as it is written, then a `done` event carries the same JSON as the plain reply (or an `error` event).",
  request: { body: { required: true, content: { "application/json": { schema: ContinueInterviewBody } } } },
  responses: {
    200: {
      description: "Next question or final evaluation",
      content: { "application/json": { schema: TurnResponse }, "text/event-stream": { schema: { type: "string" } } },
    },
    ...errorResponses(400, 401, 404, 409, 413, 429, 503),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/interviews/{thread_id}",
  tags: ["interview"],
  summary: "The whole interview: questions, answers, evaluations, retrieval decision, final evaluation",
  request: { params: ThreadParam },
  responses: { 200: { description: "Interview", content: { "application/json": { schema: InterviewRecord } } }, ...errorResponses(401, 404) },
});

const reportRoute = createRoute({
  method: "get",
  path: "/interviews/{thread_id}/report",
  tags: ["interview"],
  summary: "The report as JSON, or Markdown with Accept: text/markdown",
  request: { params: ThreadParam },
  responses: {
    200: {
      description: "Report",
      content: { "application/json": { schema: InterviewRecord }, "text/markdown": { schema: { type: "string" } } },
    },
    ...errorResponses(401, 404),
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/interviews/{thread_id}",
  tags: ["interview"],
  summary: "Erase the interview and its CV data",
  request: { params: ThreadParam },
  responses: { 204: { description: "Erased" }, ...errorResponses(401, 404, 409) },
});

function toStartRequest(body: StartInterviewBody, cvPdf?: Uint8Array): StartRequest {
  return {
    threadId: body.thread_id,
    jobTitle: body.job_title,
    questionType: body.question_type,
    questionStyle: body.question_style,
    maxSteps: body.max_step,
    company: body.company_name,
    jobDescription: body.job_description,
    candidateName: body.username,
    language: body.language,
    cvText: body.cv_text,
    cvPdf,
  };
}

/** The uploaded CV, if any; anything that is not a file is an error, not silently ignored. */
export async function uploadedCv(value: unknown): Promise<Uint8Array | undefined> {
  if (value === undefined || value === "") return undefined;
  if (!(value instanceof File)) throw new InterviewError("invalid_input", "cv must be a file upload.");
  if (value.size === 0) return undefined;
  return new Uint8Array(await value.arrayBuffer());
}

/** Reads a start request from either body type, validated by the same schemas the docs show. */
export async function readStartRequest(c: { req: { header(name: string): string | undefined; valid(target: "form" | "json"): unknown } }): Promise<StartRequest> {
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
    const body = c.req.valid("form") as StartInterviewBody;
    return toStartRequest(body, await uploadedCv(body.cv));
  }
  return toStartRequest(c.req.valid("json") as StartInterviewBody);
}

/**
 * Streams the next question as Server-Sent Events. The turn starts first; if it fails before the
 * first token the client gets a normal JSON error with its status.
 */
function streamTurn(c: Parameters<typeof streamSSE>[0], run: (onToken: (t: string) => void) => Promise<TurnView>) {
  const buffered: string[] = [];
  let push: ((token: string) => void) | null = null;
  let firstToken!: () => void;
  const started = new Promise<void>((resolve) => (firstToken = resolve));
  const turn = run((token) => {
    if (push) push(token);
    else buffered.push(token);
    firstToken();
  });
  return Promise.race([started, turn]).then(
    () =>
      streamSSE(c, async (stream) => {
        const send = (token: string) => void stream.writeSSE({ event: "token", data: JSON.stringify({ text: token }) });
        buffered.splice(0).forEach(send);
        push = send;
        try {
          const view = await turn;
          await stream.writeSSE({ event: "done", data: JSON.stringify(turnResponse(view)) });
        } catch (error) {
          const response = toErrorResponse(c, error);
          await stream.writeSSE({ event: "error", data: await response.text() });
        }
      }),
    (error: unknown) => toErrorResponse(c, error),
  );
}

/** Bodies other than form data or JSON are refused before any validator reads them. */
export const requireFormOrJson: MiddlewareHandler = async (c, next) => {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded|application\/json)/.test(type)) {
    throw new InterviewError("unsupported_media_type", "Send multipart/form-data or application/json.");
  }
  await next();
};

export function registerInterviewRoutes(app: OpenAPIHono<AppEnv>, { service }: AppDeps) {
  app.use("/start_interview", requireFormOrJson);
  app.use("/continue_interview", requireFormOrJson);

  app.openapi(startRoute, async (c) => {
    const view = await service.start(await readStartRequest(c));
    c.set("threadId", view.threadId);
    return c.json(turnResponse(view), 200);
  });

  app.openapi(continueRoute, async (c) => {
    const { thread_id, user_response } = c.req.valid("json");
    c.set("threadId", thread_id);
    if ((c.req.header("accept") ?? "").includes("text/event-stream")) {
      return streamTurn(c, (onToken) => service.answer(thread_id, user_response, "text", { onToken })) as never;
    }
    return c.json(turnResponse(await service.answer(thread_id, user_response, "text")), 200);
  });

  app.openapi(getRoute, async (c) => {
    const { thread_id } = c.req.valid("param");
    c.set("threadId", thread_id);
    return c.json(interviewRecord(await service.get(thread_id)), 200);
  });

  app.openapi(reportRoute, async (c) => {
    const { thread_id } = c.req.valid("param");
    const view = await service.get(thread_id);
    if ((c.req.header("accept") ?? "").includes("text/markdown")) {
      return c.body(renderMarkdownReport(thread_id, view.state), 200, {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `inline; filename="interview-${thread_id}.md"`,
      }) as never;
    }
    return c.json(interviewRecord(view), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    await service.delete(c.req.valid("param").thread_id);
    return c.body(null, 204);
  });
}
