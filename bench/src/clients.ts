import { randomUUID } from "node:crypto";
import { CvIngestor, HashedEmbeddings, validateStart, type InterviewService } from "@interview/graph";
import { INTERVIEW, type InterviewClient, type Turn } from "./workload.js";

/** The framework floor: the service called directly, no HTTP. */
export class ServiceClient implements InterviewClient {
  constructor(private readonly service: InterviewService) {}

  async start(): Promise<Turn> {
    const view = await this.service.start({ ...INTERVIEW });
    return { threadId: view.threadId, done: view.status === "completed" };
  }

  async answer(threadId: string, text: string): Promise<Turn> {
    const view = await this.service.answer(threadId, text);
    return { threadId, done: view.status === "completed" };
  }
}

async function json(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
  return body;
}

/** Our HTTP API, exactly as a client of the reference contract calls it. */
export class ApiClient implements InterviewClient {
  constructor(private readonly baseUrl: string) {}

  async start(): Promise<Turn> {
    const body = await json(
      await fetch(`${this.baseUrl}/start_interview`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          job_title: INTERVIEW.jobTitle,
          question_type: INTERVIEW.questionType,
          max_step: INTERVIEW.maxSteps,
          company_name: INTERVIEW.company,
          cv_text: INTERVIEW.cvText,
        }),
      }),
    );
    return { threadId: String(body.thread_id), done: body.status === "completed" };
  }

  async answer(threadId: string, text: string): Promise<Turn> {
    const body = await json(
      await fetch(`${this.baseUrl}/continue_interview`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ thread_id: threadId, user_response: text }),
      }),
    );
    return { threadId, done: body.status === "completed" };
  }
}

/**
 * The same graph on LangGraph's own server (createEmbedServer): POST /threads, then
 * POST /threads/{id}/runs/stream with the input, or with `command: { resume }` for an answer.
 * The CV is ingested here, per interview, the same work our API does server-side on start.
 */
export class LangGraphServerClient implements InterviewClient {
  private readonly ingestor = new CvIngestor(new HashedEmbeddings());

  constructor(
    private readonly baseUrl: string,
    private readonly streamMode?: "values" | "updates",
  ) {}

  private async run(threadId: string, payload: Record<string, unknown>): Promise<Turn> {
    const response = await fetch(`${this.baseUrl}/threads/${threadId}/runs/stream`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ assistant_id: "interview", ...(this.streamMode ? { stream_mode: this.streamMode } : {}), ...payload }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    if (/^event: error$/m.test(text)) throw new Error(`run failed: ${text.slice(text.indexOf("event: error"), 300)}`);
    return { threadId, done: /"status":\s*"completed"/.test(text) };
  }

  async start(): Promise<Turn> {
    const threadId = randomUUID();
    const cv = await this.ingestor.fromText(INTERVIEW.cvText);
    const input = {
      ...validateStart({ ...INTERVIEW }),
      seed: threadId,
      engine: "offline",
      cv: cv.chunks,
      cvProfile: cv.profile,
    };
    await json(
      await fetch(`${this.baseUrl}/threads`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ thread_id: threadId }),
      }),
    );
    return this.run(threadId, { input });
  }

  answer(threadId: string, text: string): Promise<Turn> {
    return this.run(threadId, { command: { resume: { text, channel: "text" } } });
  }
}
