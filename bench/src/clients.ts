import { randomUUID } from "node:crypto";
import http from "node:http";
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

/**
 * The driver for every HTTP contender: node:http on one keep-alive agent per base URL. Node 20's
 * `fetch` (undici, web streams) costs ~0.5 ms of CPU per request on each side on its own, which
 * would count as server latency and, at 50 concurrent interviews, take CPU from the contenders.
 */
class HttpDriver {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  constructor(private readonly baseUrl: string) {}

  post(path: string, body: unknown): Promise<{ status: number; text: string }> {
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${this.baseUrl}${path}`,
        { method: "POST", agent: this.agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
  }

  async json(path: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await this.post(path, body);
    if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}: ${response.text.slice(0, 200)}`);
    return JSON.parse(response.text) as Record<string, unknown>;
  }
}

/** Our HTTP API, exactly as a client of the reference contract calls it. */
export class ApiClient implements InterviewClient {
  private readonly http: HttpDriver;

  constructor(baseUrl: string) {
    this.http = new HttpDriver(baseUrl);
  }

  async start(): Promise<Turn> {
    const body = await this.http.json("/start_interview", {
      job_title: INTERVIEW.jobTitle,
      question_type: INTERVIEW.questionType,
      max_step: INTERVIEW.maxSteps,
      company_name: INTERVIEW.company,
      cv_text: INTERVIEW.cvText,
    });
    return { threadId: String(body.thread_id), done: body.status === "completed" };
  }

  async answer(threadId: string, text: string): Promise<Turn> {
    const body = await this.http.json("/continue_interview", { thread_id: threadId, user_response: text });
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
  private readonly http: HttpDriver;

  constructor(
    baseUrl: string,
    private readonly streamMode?: "values" | "updates",
  ) {
    this.http = new HttpDriver(baseUrl);
  }

  private async run(threadId: string, payload: Record<string, unknown>): Promise<Turn> {
    const { status, text } = await this.http.post(`/threads/${threadId}/runs/stream`, {
      assistant_id: "interview",
      ...(this.streamMode ? { stream_mode: this.streamMode } : {}),
      ...payload,
    });
    if (status < 200 || status > 299) throw new Error(`HTTP ${status}: ${text.slice(0, 200)}`);
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
    await this.http.json("/threads", { thread_id: threadId });
    return this.run(threadId, { input });
  }

  answer(threadId: string, text: string): Promise<Turn> {
    return this.run(threadId, { command: { resume: { text, channel: "text" } } });
  }
}
