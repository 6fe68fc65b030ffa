/**
 * A loopback server speaking ElevenLabs' REST speech API: POST /v1/speech-to-text (multipart
 * `file`, `model_id`, optional `language_code`) and POST /v1/text-to-speech/{voice_id} (JSON
 * `text`, `model_id`), authenticated by `xi-api-key`, with ElevenLabs' error bodies.
 */
import { mp3Clip } from "./audio-fixtures.js";
import { jsonReply, startLoopbackServer, type LoopbackServer, type RecordedRequest, type Reply } from "./loopback-server.js";

export interface ElevenLabsServer extends LoopbackServer {
  /** What the next transcriptions hear ("" for silence). */
  transcript: string;
}

/** ElevenLabs reports errors as { detail: { status, message } }. */
const error = (status: number, message: string): Reply => {
  const kind = status === 401 ? "invalid_api_key" : status === 429 ? "too_many_concurrent_requests" : status === 422 ? "invalid_request" : "internal_server_error";
  return jsonReply(status, { detail: { status: kind, message } });
};

/** Scribe's word list: words and the spacing between them, each with its timing. */
function words(text: string) {
  const out: { text: string; start: number; end: number; type: "word" | "spacing"; speaker_id: string; logprob: number }[] = [];
  let at = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (out.length) out.push({ text: " ", start: at, end: at, type: "spacing", speaker_id: "speaker_0", logprob: 0 });
    out.push({ text: word, start: at, end: at + 0.4, type: "word", speaker_id: "speaker_0", logprob: -0.05 });
    at += 0.45;
  }
  return out;
}

/** Scribe answers with ISO 639-3 codes whatever it was given. */
const ISO_639_3: Record<string, string> = { en: "eng", pt: "por", de: "deu", es: "spa", fr: "fra" };

export async function startElevenLabsServer(options: { keys?: readonly string[]; transcript?: string } = {}): Promise<ElevenLabsServer> {
  const state = { transcript: options.transcript ?? "I would start by measuring where the latency comes from." };
  const handle = (request: RecordedRequest): Reply => {
    if (request.method === "POST" && request.path === "/v1/speech-to-text") {
      if (!request.fields.model_id) return error(422, "model_id: field required");
      if (!request.files.file?.bytes.length) return error(422, "file: field required");
      const language = request.fields.language_code ?? "en";
      return jsonReply(200, {
        language_code: ISO_639_3[language] ?? language,
        language_probability: 0.98,
        text: state.transcript,
        words: words(state.transcript),
      });
    }
    const voice = /^\/v1\/text-to-speech\/([^/]+)$/.exec(request.path);
    if (request.method === "POST" && voice) {
      const body = request.json as { text?: unknown; model_id?: unknown } | undefined;
      if (typeof body?.text !== "string" || !body.text) return error(422, "text: field required");
      return { status: 200, headers: { "content-type": "audio/mpeg" }, body: mp3Clip({ seconds: 1 }) };
    }
    return jsonReply(404, { detail: "Not Found" });
  };
  const server = await startLoopbackServer({
    keys: options.keys ?? ["eleven-test-key"],
    credentialHeaders: ["xi-api-key"],
    presentedKey: (headers) => headers.get("xi-api-key") ?? undefined,
    error,
    malformed: (path) =>
      path === "/v1/speech-to-text"
        ? { status: 200, headers: { "content-type": "application/json" }, body: '{"language_code":"eng","text":"I would sta' }
        : { status: 200, headers: { "content-type": "text/html" }, body: "<html><body>Service temporarily unavailable</body></html>" },
    handle,
  });
  return Object.defineProperty(server, "transcript", {
    get: () => state.transcript,
    set: (text: string) => void (state.transcript = text),
    enumerable: true,
  }) as ElevenLabsServer;
}
