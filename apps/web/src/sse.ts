/** A Server-Sent Events parser for streams read with fetch (EventSource cannot POST). */

export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Incremental parser: feed it text as it arrives, get back the events completed so far.
 * Follows the WHATWG rules that matter here: CRLF, LF or CR line ends, `:` comments,
 * several `data:` lines joined with "\n", one optional space after the colon, and an
 * event without data is not dispatched.
 */
export class SseParser {
  private buffer = "";
  private eventName = "";
  private data: string[] = [];
  private pendingCr = false;

  push(chunk: string): SseEvent[] {
    const events: SseEvent[] = [];
    let text = chunk;
    // A CR at the end of the previous chunk may be the first half of a CRLF.
    if (this.pendingCr && text.startsWith("\n")) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer[i];
      if (ch !== "\n" && ch !== "\r") continue;
      this.line(this.buffer.slice(start, i), events);
      if (ch === "\r") {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === "\n") i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  /** The end of the stream: an unterminated last event is dropped, as the spec says. */
  end(): SseEvent[] {
    this.buffer = "";
    this.eventName = "";
    this.data = [];
    return [];
  }

  private line(line: string, events: SseEvent[]) {
    if (line === "") {
      if (this.data.length) events.push({ event: this.eventName || "message", data: this.data.join("\n") });
      this.eventName = "";
      this.data = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.eventName = value;
    else if (field === "data") this.data.push(value);
  }
}

/** Reads a byte stream as SSE events, decoding UTF-8 across chunk boundaries. */
export async function* readSse(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  let finished = false;
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new DOMException("Aborted", "AbortError");
      const { value, done } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    finished = true;
    yield* parser.push(decoder.decode());
    yield* parser.end();
  } finally {
    // A consumer that stops early (or an abort) closes the connection instead of leaving it open.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
