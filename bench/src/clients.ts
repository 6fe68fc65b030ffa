import { randomUUID } from "node:crypto";
import http from "node:http";
import { type InterviewService } from "@interview/graph";
import { INTERVIEW, type InterviewClient, type Turn } from "./workload.js";

/** The framework floor: the service called directly, no HTTP. */
export class ServiceClient implements InterviewClient {
  constructor(private readonly service: InterviewService) {}

  async start(): Promise<Turn> {
    const view = await this.service.start({ ...INTERVIEW });
    return { threadId: view.threadId, done: view.status === "completed" };
  }

  async answer(threadId: string, text: string): Promise<Turn> {
    const view = await this.service.answer(threadId, { text });
    return { threadId, done: view.status === "completed" };
  }
}

export interface HttpReply {
  status: number;
  text: string;
  /** performance.now() when the first body chunk holding `firstMarker` arrived (NaN if none). */
  firstMarkerAt: number;
}

/**
 * The driver for every HTTP contender: node:http on one keep-alive agent per base URL. Node 20's
 * `fetch` (undici, web streams) costs ~0.5 ms of CPU per request on each side on its own, which
 * would count as server latency and, at 50 concurrent interviews, take CPU from the contenders.
 */
export class HttpDriver {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  constructor(readonly baseUrl: string) {}

  send(path: string, body: Buffer | string, headers: Record<string, string>, firstMarker?: string, retried = false): Promise<HttpReply> {
    return new Promise((resolve, reject) => {
      let firstMarkerAt = NaN;
      const request = http.request(
        `${this.baseUrl}${path}`,
        { method: "POST", agent: this.agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => {
            if (firstMarker && Number.isNaN(firstMarkerAt) && chunk.includes(firstMarker)) firstMarkerAt = performance.now();
            chunks.push(chunk);
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), firstMarkerAt }));
          response.on("error", reject);
        },
      );
      request.on("error", (error: NodeJS.ErrnoException) => {
        // The server closed an idle keep-alive socket as this request went out on it, so it never
        // read the request: send it once more on a new socket (Node's documented remedy).
        if (!retried && request.reusedSocket && error.code === "ECONNRESET") resolve(this.send(path, body, headers, firstMarker, true));
        else reject(error);
      });
      request.end(body);
    });
  }

  post(path: string, body: unknown): Promise<HttpReply> {
    return this.send(path, JSON.stringify(body), { "content-type": "application/json" });
  }

  async json(path: string, body: unknown): Promise<Record<string, unknown>> {
    return checked(await this.post(path, body));
  }
}

function checked(response: HttpReply): Record<string, unknown> {
  if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}: ${response.text.slice(0, 200)}`);
  return JSON.parse(response.text) as Record<string, unknown>;
}

/** A multipart/form-data body, as a browser builds it. */
export function multipart(fields: Record<string, string | { filename: string; type: string; bytes: Uint8Array }>): { body: Buffer; contentType: string } {
  const boundary = `----bench${randomUUID().replace(/-/g, "")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") {
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    } else {
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"; filename="${value.filename}"\r\ncontent-type: ${value.type}\r\n\r\n`));
      parts.push(Buffer.from(value.bytes), Buffer.from("\r\n"));
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const START_BODY = {
  job_title: INTERVIEW.jobTitle,
  question_type: INTERVIEW.questionType,
  max_step: INTERVIEW.maxSteps,
  company_name: INTERVIEW.company,
  cv_text: INTERVIEW.cvText,
};

/**
 * Our HTTP API, exactly as a client of the reference contract calls it. Given several base URLs
 * (replicas behind a load balancer that keeps no affinity), each request goes to the next one in
 * turn, so an interview's turns alternate between the processes.
 */
export class ApiClient implements InterviewClient {
  private readonly drivers: HttpDriver[];
  private next = 0;

  constructor(baseUrls: string | string[]) {
    this.drivers = (Array.isArray(baseUrls) ? baseUrls : [baseUrls]).map((url) => new HttpDriver(url));
  }

  private get http(): HttpDriver {
    return this.drivers[this.next++ % this.drivers.length]!;
  }

  async start(): Promise<Turn> {
    const body = await this.http.json("/start_interview", START_BODY);
    return { threadId: String(body.thread_id), done: body.status === "completed" };
  }

  async answer(threadId: string, text: string): Promise<Turn> {
    const body = await this.http.json("/continue_interview", { thread_id: threadId, user_response: text });
    return { threadId, done: body.status === "completed" };
  }

  /** An answer streamed as Server-Sent Events: when the first `token` event arrived, and the final reply. */
  async answerStreamed(threadId: string, text: string): Promise<{ reply: Record<string, unknown>; firstTokenAt: number }> {
    const response = await this.http.send("/continue_interview", JSON.stringify({ thread_id: threadId, user_response: text }), {
      "content-type": "application/json",
      accept: "text/event-stream",
    }, "event: token");
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.text.slice(0, 200)}`);
    const done = /event: done\ndata: (.*)\n/.exec(response.text);
    if (!done) throw new Error(`stream ended without a done event: ${response.text.slice(-200)}`);
    return { reply: JSON.parse(done[1]!) as Record<string, unknown>, firstTokenAt: response.firstMarkerAt };
  }

  /** A recorded answer: multipart with an `audio` file. */
  async answerAudio(threadId: string, audio: { filename: string; type: string; bytes: Uint8Array }): Promise<Record<string, unknown>> {
    const { body, contentType } = multipart({ thread_id: threadId, audio });
    return checked(await this.http.send("/continue_interview", body, { "content-type": contentType }));
  }
}

/**
 * The same graph on LangGraph's own server (createEmbedServer): POST /threads, then
 * POST /threads/{id}/runs/stream with the input, or with `command: { resume }` for an answer.
 * The CV now lives outside the graph state (a CV store keyed by interview), which LangGraph's
 * server knows nothing of: its process ingests the CV into the same in-memory CV store the floor
 * uses at `POST /bench/cv` (one more loopback request per start), and the run gets the CV's id
 * and typed profile as input, as our service gives them to the graph.
 */
export class LangGraphServerClient implements InterviewClient {
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
    const { input } = await this.http.json("/bench/cv", { threadId });
    await this.http.json("/threads", { thread_id: threadId });
    return this.run(threadId, { input });
  }

  answer(threadId: string, text: string): Promise<Turn> {
    return this.run(threadId, { command: { resume: { kind: "answer", text, channel: "text" } } });
  }
}
