import { describe, expect, it } from "vitest";
import { SseParser, readSse } from "./sse";

const streamOf = (...chunks: (string | Uint8Array)[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(typeof c === "string" ? new TextEncoder().encode(c) : c);
      controller.close();
    },
  });

async function collect(stream: ReadableStream<Uint8Array>) {
  const events = [];
  for await (const e of readSse(stream)) events.push(e);
  return events;
}

describe("SseParser", () => {
  it("parses the API's token and done events", () => {
    const parser = new SseParser();
    const events = parser.push('event: token\ndata: {"text":"Compare "}\n\nevent: done\ndata: {"status":"question"}\n\n');
    expect(events).toEqual([
      { event: "token", data: '{"text":"Compare "}' },
      { event: "done", data: '{"status":"question"}' },
    ]);
  });

  it("keeps a half-received event until its blank line arrives", () => {
    const parser = new SseParser();
    expect(parser.push("event: tok")).toEqual([]);
    expect(parser.push('en\ndata: {"text":"a"}\n')).toEqual([]);
    expect(parser.push("\n")).toEqual([{ event: "token", data: '{"text":"a"}' }]);
  });

  it("accepts CRLF and CR line ends, even when CRLF is split across chunks", () => {
    const parser = new SseParser();
    expect(parser.push("event: token\r\ndata: x\r")).toEqual([]);
    expect(parser.push("\n\r\n")).toEqual([{ event: "token", data: "x" }]);
    expect(parser.push("data: y\r\r")).toEqual([{ event: "message", data: "y" }]);
  });

  it("joins several data lines, ignores comments and other fields, drops events without data", () => {
    const parser = new SseParser();
    const events = parser.push(": keep-alive\n\nid: 7\nretry: 100\nevent: error\ndata: line 1\ndata:line 2\n\nevent: empty\n\n");
    expect(events).toEqual([{ event: "error", data: "line 1\nline 2" }]);
  });
});

describe("readSse", () => {
  it("decodes UTF-8 split inside a character and yields events in order", async () => {
    const bytes = new TextEncoder().encode('event: token\ndata: {"text":"café — ok"}\n\n');
    const cut = bytes.indexOf(0xc3) + 1; // in the middle of "é"
    const events = await collect(streamOf(bytes.slice(0, cut), bytes.slice(cut)));
    expect(events).toEqual([{ event: "token", data: '{"text":"café — ok"}' }]);
  });

  it("drops an event the stream cut off before its end", async () => {
    const events = await collect(streamOf("event: token\ndata: a\n\n", "event: done\ndata: {"));
    expect(events.map((e) => e.event)).toEqual(["token"]);
  });

  it("closes the connection when the reader stops early", async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode("event: done\ndata: 1\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const e of readSse(stream)) {
      expect(e.event).toBe("done");
      break;
    }
    expect(cancelled).toBe(true);
  });
});
