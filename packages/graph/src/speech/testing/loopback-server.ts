/**
 * The shared machinery of the loopback provider servers: listens on 127.0.0.1 only, parses
 * bodies with fetch's own Request (multipart included), records every request without its
 * credentials, and can be told to fail the next requests the ways real providers do.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenOnLoopback } from "../../testing/loopback.js";

export type Fault =
  /**
   * An HTTP error with the provider's error body. `retryAfter` (seconds) becomes the Retry-After
   * header, and like a real rate limiter the server refuses every request until it has passed.
   */
  | { status: number; retryAfter?: string }
  /** Takes the request and never answers. */
  | "hang"
  /** Drops the connection without a reply. */
  | "reset"
  /** Answers 200 with a body that is not what the protocol promises. */
  | "malformed"
  /** Answers 307 to another address. */
  | { redirectTo: string };

export interface RecordedFile {
  filename: string;
  type: string;
  bytes: Uint8Array;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The request's headers, less those that carry credentials. */
  headers: Record<string, string>;
  /** Which of the server's keys the request carried (0-based); "none" or "wrong" otherwise. */
  key: number | "none" | "wrong";
  /** Text fields of a multipart body. */
  fields: Record<string, string>;
  files: Record<string, RecordedFile>;
  /** A JSON body, parsed. */
  json: unknown;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: string | Uint8Array;
}

export const jsonReply = (status: number, payload: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(payload),
});

export interface Protocol {
  /** Keys the server accepts; undefined when it needs none, like a local server. */
  keys: readonly string[] | undefined;
  /** Header names that carry a key, dropped from the record. */
  credentialHeaders: readonly string[];
  presentedKey(headers: Headers): string | undefined;
  /** The provider's error reply for a status. */
  error(status: number, message: string): Reply;
  /** A 200 reply that breaks the protocol for this path. */
  malformed(path: string): Reply;
  /** The protocol itself, once the request is authenticated and no fault is due. */
  handle(request: RecordedRequest): Reply;
}

export interface LoopbackServer {
  url: string;
  requests: RecordedRequest[];
  /** The next requests, one fault each, in order. */
  failNext(...faults: Fault[]): void;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

async function record(req: IncomingMessage, protocol: Protocol): Promise<RecordedRequest> {
  const body = await readBody(req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const method = req.method ?? "GET";
  const request = new Request(url, { method, headers, ...(body.length && method !== "GET" ? { body: new Uint8Array(body) } : {}) });
  const presented = protocol.presentedKey(headers);
  const index = presented === undefined ? -1 : (protocol.keys ?? []).indexOf(presented);
  const recorded: RecordedRequest = {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: Object.fromEntries([...headers].filter(([name]) => !protocol.credentialHeaders.includes(name))),
    key: presented === undefined ? "none" : index >= 0 ? index : "wrong",
    fields: {},
    files: {},
    json: undefined,
  };
  const type = headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    for (const [name, value] of await request.formData()) {
      if (typeof value === "string") recorded.fields[name] = value;
      else recorded.files[name] = { filename: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
    }
  } else if (type.startsWith("application/json")) {
    recorded.json = JSON.parse(body.toString("utf8"));
  }
  return recorded;
}

function send(res: ServerResponse, reply: Reply) {
  res.writeHead(reply.status, reply.headers ?? {});
  res.end(reply.body);
}

export async function startLoopbackServer(protocol: Protocol): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  let closedUntil = 0;

  const server = createServer(async (req, res) => {
    let request: RecordedRequest;
    try {
      request = await record(req, protocol);
    } catch {
      return send(res, protocol.error(400, "The request body could not be parsed."));
    }
    requests.push(request);
    const fault = faults.shift();
    if (fault === "hang") return;
    if (fault === "reset") return req.socket.destroy();
    if (fault === "malformed") return send(res, protocol.malformed(request.path));
    if (fault && "redirectTo" in fault) return send(res, { status: 307, headers: { location: fault.redirectTo }, body: "" });
    const waitMs = closedUntil - Date.now();
    if (!fault && waitMs > 0) {
      const reply = protocol.error(429, "Too many requests.");
      return send(res, { ...reply, headers: { ...reply.headers, "retry-after": String(Math.ceil(waitMs / 1000)) } });
    }
    if (fault) {
      const reply = protocol.error(fault.status, `Injected failure ${fault.status}.`);
      const seconds = Number(fault.retryAfter);
      if (Number.isFinite(seconds)) closedUntil = Date.now() + seconds * 1000;
      return send(res, { ...reply, headers: { ...reply.headers, ...(fault.retryAfter ? { "retry-after": fault.retryAfter } : {}) } });
    }
    if (protocol.keys && typeof request.key !== "number") return send(res, protocol.error(401, "Invalid API key."));
    send(res, protocol.handle(request));
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    requests,
    failNext: (...next) => void faults.push(...next),
    close: listening.close,
  };
}
