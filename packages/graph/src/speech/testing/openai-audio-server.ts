/**
 * A loopback server speaking OpenAI's audio API, as OpenAI and self-hosted Whisper servers do:
 * POST /v1/audio/transcriptions (multipart `file` whose name's extension gives the format,
 * `model`, optional `language` and `response_format`) and POST /v1/audio/speech (JSON `model`,
 * `input`, `voice`), with `Authorization: Bearer` when it has keys and OpenAI's error bodies.
 */
import { mp3Clip } from "./audio-fixtures.js";
import { jsonReply, startLoopbackServer, type LoopbackServer, type RecordedRequest, type Reply } from "./loopback-server.js";

export interface OpenAiAudioServer extends LoopbackServer {
  transcript: string;
}

const error = (status: number, message: string): Reply => {
  const type = status === 401 ? "invalid_request_error" : status === 429 ? "rate_limit_exceeded" : status < 500 ? "invalid_request_error" : "server_error";
  return jsonReply(status, { error: { message, type, param: null, code: status === 401 ? "invalid_api_key" : null } });
};

/** The extensions OpenAI's transcription endpoint accepts. */
const FORMATS = ["flac", "m4a", "mp3", "mp4", "mpeg", "mpga", "oga", "ogg", "wav", "webm"];

export async function startOpenAiAudioServer(options: { keys?: readonly string[]; transcript?: string } = {}): Promise<OpenAiAudioServer> {
  const state = { transcript: options.transcript ?? "I would start by measuring where the latency comes from." };
  const handle = (request: RecordedRequest): Reply => {
    if (request.method === "POST" && request.path === "/v1/audio/transcriptions") {
      const file = request.files.file;
      if (!file) return error(400, "Missing required parameter: 'file'.");
      if (!request.fields.model) return error(400, "Missing required parameter: 'model'.");
      const extension = /\.([a-z0-9]+)$/i.exec(file.filename)?.[1]?.toLowerCase() ?? "";
      if (!FORMATS.includes(extension)) return error(400, `Invalid file format. Supported formats: ${JSON.stringify(FORMATS)}`);
      const format = request.fields.response_format ?? "json";
      if (format === "text") return { status: 200, headers: { "content-type": "text/plain" }, body: state.transcript };
      return jsonReply(200, { text: state.transcript, usage: { type: "duration", seconds: 3 } });
    }
    if (request.method === "POST" && request.path === "/v1/audio/speech") {
      const body = request.json as { model?: unknown; input?: unknown; voice?: unknown } | undefined;
      for (const field of ["model", "input", "voice"] as const) {
        if (typeof body?.[field] !== "string" || !body[field]) return error(400, `Missing required parameter: '${field}'.`);
      }
      return { status: 200, headers: { "content-type": "audio/mpeg" }, body: mp3Clip({ seconds: 1 }) };
    }
    return error(404, "Invalid URL.");
  };
  const server = await startLoopbackServer({
    keys: options.keys,
    credentialHeaders: ["authorization"],
    presentedKey: (headers) => /^Bearer (.+)$/.exec(headers.get("authorization") ?? "")?.[1],
    error,
    malformed: (path) =>
      path === "/v1/audio/transcriptions"
        ? { status: 200, headers: { "content-type": "application/json" }, body: '{"text": "I would sta' }
        : { status: 200, headers: { "content-type": "application/json" }, body: '{"error": null}' },
    handle,
  });
  return Object.defineProperty(server, "transcript", {
    get: () => state.transcript,
    set: (text: string) => void (state.transcript = text),
    enumerable: true,
  }) as OpenAiAudioServer;
}
