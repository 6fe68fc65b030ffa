import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { listenOnLoopback } from "@interview/graph/testing";

export interface WorkerConnection {
  path: string;
  /** The binary messages the worker sent (protobuf), in order. */
  messages: Buffer[];
}

/**
 * Just enough of a LiveKit server, on loopback, to see workers register: it accepts their
 * WebSocket (`/agent`) and records what they send, and answers nothing but a close. Agent names travel as plain
 * UTF-8 strings inside the protobuf registration, so tests can look for them.
 */
export async function startFakeLiveKit() {
  const connections: WorkerConnection[] = [];
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req: IncomingMessage, socket: Socket) => {
    socket.on("error", () => undefined);
    const accept = createHash("sha1").update(`${req.headers["sec-websocket-key"]}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    const connection: WorkerConnection = { path: req.url ?? "", messages: [] };
    connections.push(connection);
    let pending = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const frame = readFrame(pending);
        if (!frame) break;
        pending = pending.subarray(frame.length);
        if (frame.opcode === 0x2) connection.messages.push(frame.payload);
        // Answer a close at once, so a stopping worker is not left waiting for the handshake.
        if (frame.opcode === 0x8) socket.end(Buffer.from([0x88, 0x00]));
      }
    });
  });
  // The upgraded sockets are the server's connections, so closing the listener destroys them too.
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url.replace(/^http:/, "ws:"),
    connections,
    /** The agent names registered so far, among `names`. */
    registered: (names: readonly string[]) =>
      names.filter((name) => connections.some((c) => c.messages.some((m) => m.toString("utf8").includes(name)))),
    close: listening.close,
  };
}

/** One client frame (always masked), or null until it has fully arrived. */
function readFrame(data: Buffer): { opcode: number; payload: Buffer; length: number } | null {
  if (data.length < 2) return null;
  const opcode = data[0]! & 0x0f;
  let length = data[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return null;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return null;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  const masked = (data[1]! & 0x80) !== 0;
  const maskOffset = offset;
  if (masked) offset += 4;
  if (data.length < offset + length) return null;
  const payload = Buffer.from(data.subarray(offset, offset + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= data[maskOffset + (i % 4)]!;
  return { opcode, payload, length: offset + length };
}
