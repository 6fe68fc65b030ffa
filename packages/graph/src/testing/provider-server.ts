import { createServer, type IncomingMessage, type Server } from "node:http";
import { HashedEmbeddings } from "../engines/hashed-embeddings.js";
import { VALID_ASSESSMENT, VALID_EVALUATION } from "./chat.js";

export interface RecordedRequest {
  path: string;
  apiKey: string | undefined;
  body: string;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => resolve(body));
  });

/**
 * A loopback server speaking the Gemini REST protocol (generateContent, streamGenerateContent with
 * SSE, embedContent, batchEmbedContents) and Tavily's /search, recording every request. The first
 * `failFirst` Gemini calls answer 503, like an outage.
 */
export async function startProviderServer(options: { failFirst?: number } = {}) {
  const requests: RecordedRequest[] = [];
  const embeddings = new HashedEmbeddings(768);
  let failures = options.failFirst ?? 0;
  let questionNumber = 0;

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? "";
    requests.push({ path, apiKey: (req.headers["x-goog-api-key"] as string) ?? req.headers.authorization, body });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    if (path === "/search") {
      return send(200, {
        query: JSON.parse(body).query,
        results: [{ title: "Acme engineering blog", url: "https://acme.example/blog", content: "Acme runs its logistics platform on Kafka and Kubernetes.", score: 0.9 }],
        response_time: 0.1,
      });
    }
    if (failures > 0 && /:(generateContent|streamGenerateContent)/.test(path)) {
      failures--;
      return send(503, { error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" } });
    }
    if (path.includes(":batchEmbedContents")) {
      const { requests: items } = JSON.parse(body) as { requests: { content: { parts: { text: string }[] } }[] };
      return send(200, { embeddings: items.map((r) => ({ values: embeddings.embedOne(r.content.parts.map((p) => p.text).join(" ")) })) });
    }
    if (path.includes(":embedContent")) {
      const { content } = JSON.parse(body) as { content: { parts: { text: string }[] } };
      return send(200, { embedding: { values: embeddings.embedOne(content.parts.map((p) => p.text).join(" ")) } });
    }
    if (/:(generateContent|streamGenerateContent)/.test(path)) {
      const text = body.includes("evaluate one interview answer")
        ? VALID_EVALUATION
        : body.includes("final assessment")
          ? VALID_ASSESSMENT
          : `Gemini question ${++questionNumber}: which trade-offs did you weigh?`;
      const candidate = (t: string) => ({ candidates: [{ content: { role: "model", parts: [{ text: t }] }, finishReason: "STOP", index: 0 }] });
      if (path.includes(":streamGenerateContent")) {
        res.writeHead(200, { "content-type": "text/event-stream" });
        for (const piece of text.match(/\S+\s*/g) ?? []) res.write(`data: ${JSON.stringify(candidate(piece))}\r\n\r\n`);
        return res.end();
      }
      return send(200, candidate(text));
    }
    send(404, { error: { message: `unknown path ${path}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
