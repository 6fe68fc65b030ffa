import { createServer, type Server, type Socket } from "node:net";

/**
 * A small Redis stand-in on loopback, speaking RESP2 for exactly what the shared stores and
 * buses (and ioredis on connect) send, so their tests need no Redis on the machine. Replies
 * follow Redis 7's, checked against a real server: ioredis connects with CLIENT SETINFO
 * (Redis 7.0 refuses it; ioredis ignores that) and INFO as its ready check.
 */

type Reply = { kind: "simple" | "error" | "frames"; text: string } | { kind: "int"; value: number } | { kind: "bulk"; value: string | null } | { kind: "array"; items: Reply[] | null };

const simple = (text: string): Reply => ({ kind: "simple", text });
const error = (text: string): Reply => ({ kind: "error", text });
const int = (value: number): Reply => ({ kind: "int", value });
const bulk = (value: string | null): Reply => ({ kind: "bulk", value });
const array = (items: Reply[] | null): Reply => ({ kind: "array", items });
const OK = simple("OK");

function encode(reply: Reply): string {
  switch (reply.kind) {
    case "simple":
      return `+${reply.text}\r\n`;
    case "error":
      return `-${reply.text}\r\n`;
    case "frames":
      return reply.text;
    case "int":
      return `:${reply.value}\r\n`;
    case "bulk":
      return reply.value === null ? "$-1\r\n" : `$${Buffer.byteLength(reply.value)}\r\n${reply.value}\r\n`;
    case "array":
      return reply.items === null ? "*-1\r\n" : `*${reply.items.length}\r\n${reply.items.map(encode).join("")}`;
  }
}

/** Parses complete commands (arrays of bulk strings) off the front of the buffer. */
function parseCommands(buffer: Buffer): { commands: string[][]; rest: Buffer } {
  const commands: string[][] = [];
  let offset = 0;
  const line = (from: number) => {
    const end = buffer.indexOf("\r\n", from);
    return end < 0 ? undefined : { text: buffer.toString("utf8", from, end), next: end + 2 };
  };
  outer: while (offset < buffer.length) {
    const header = line(offset);
    if (!header) break;
    if (!header.text.startsWith("*")) throw new Error("Protocol error: expected '*'");
    const count = Number(header.text.slice(1));
    let at = header.next;
    const args: string[] = [];
    for (let i = 0; i < count; i++) {
      const size = line(at);
      if (!size) break outer;
      if (!size.text.startsWith("$")) throw new Error("Protocol error: expected '$'");
      const length = Number(size.text.slice(1));
      if (buffer.length < size.next + length + 2) break outer;
      args.push(buffer.toString("utf8", size.next, size.next + length));
      at = size.next + length + 2;
    }
    commands.push(args);
    offset = at;
  }
  return { commands, rest: buffer.subarray(offset) };
}

interface Connection {
  id: number;
  socket: Socket;
  buffer: Buffer;
  queued: string[][] | undefined;
  transactionFailed: boolean;
  channels: Set<string>;
}

/** Commands that can sit in a MULTI (and their smallest argument count, name included). */
const ARITY: Record<string, number> = { get: 2, incr: 2, decr: 2, del: 2, pexpire: 3, pttl: 2, publish: 3, ping: 1, keys: 2 };
const SUBSCRIBED_OK = new Set(["subscribe", "unsubscribe", "ping", "quit", "reset"]);

export class RespServer {
  readonly #server: Server;
  readonly #connections = new Set<Connection>();
  readonly #data = new Map<string, { value: string; expiresAt: number | undefined }>();
  #nextId = 1;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<RespServer> {
    const server = createServer();
    const resp = new RespServer(server);
    server.on("connection", (socket) => resp.#accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    return resp;
  }

  get url(): string {
    const { port } = this.#server.address() as { port: number };
    return `redis://127.0.0.1:${port}`;
  }

  /** The keys held now, expired ones left out. */
  keys(): string[] {
    return [...this.#data.keys()].filter((key) => this.#entry(key));
  }

  /** Clients connected now. */
  get clientCount(): number {
    return this.#connections.size;
  }

  /** Cuts every client off, as a Redis restart would. */
  dropClients(): void {
    for (const connection of this.#connections) connection.socket.destroy();
  }

  async close(): Promise<void> {
    this.dropClients();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: Socket): void {
    const connection: Connection = { id: this.#nextId++, socket, buffer: Buffer.alloc(0), queued: undefined, transactionFailed: false, channels: new Set() };
    this.#connections.add(connection);
    socket.on("close", () => this.#connections.delete(connection));
    socket.on("error", () => undefined);
    socket.on("data", (chunk: Buffer) => {
      connection.buffer = Buffer.concat([connection.buffer, chunk]);
      let parsed;
      try {
        parsed = parseCommands(connection.buffer);
      } catch (protocolError) {
        socket.end(encode(error(`ERR ${(protocolError as Error).message}`)));
        return;
      }
      connection.buffer = parsed.rest;
      const out: string[] = [];
      for (const args of parsed.commands) {
        out.push(encode(this.#command(connection, args)));
        if (args[0]?.toLowerCase() === "quit") {
          socket.end(out.join(""));
          return;
        }
      }
      if (out.length) socket.write(out.join(""));
    });
  }

  #entry(key: string) {
    const entry = this.#data.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.#data.delete(key);
      return undefined;
    }
    return entry;
  }

  #command(connection: Connection, args: string[]): Reply {
    const name = (args[0] ?? "").toLowerCase();
    if (connection.channels.size && !SUBSCRIBED_OK.has(name)) {
      return error(`ERR Can't execute '${name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`);
    }
    if (connection.queued && !["exec", "discard", "multi"].includes(name)) {
      const arity = ARITY[name];
      if (arity === undefined || args.length < arity) {
        connection.transactionFailed = true;
        return error(arity === undefined ? `ERR unknown command '${args[0]}'` : `ERR wrong number of arguments for '${name}' command`);
      }
      connection.queued.push(args);
      return simple("QUEUED");
    }
    switch (name) {
      case "multi":
        if (connection.queued) return error("ERR MULTI calls can not be nested");
        connection.queued = [];
        connection.transactionFailed = false;
        return OK;
      case "exec": {
        const queued = connection.queued;
        if (!queued) return error("ERR EXEC without MULTI");
        connection.queued = undefined;
        if (connection.transactionFailed) return error("EXECABORT Transaction discarded because of previous errors.");
        return array(queued.map((queuedArgs) => this.#command(connection, queuedArgs)));
      }
      case "discard":
        if (!connection.queued) return error("ERR DISCARD without MULTI");
        connection.queued = undefined;
        return OK;
      case "subscribe":
        return this.#subscribe(connection, args.slice(1));
      case "unsubscribe":
        return this.#unsubscribe(connection, args.slice(1));
      default:
        return this.#plain(connection, name, args);
    }
  }

  #plain(connection: Connection, name: string, args: string[]): Reply {
    const [, key = "", arg2] = args;
    switch (name) {
      case "ping":
        if (connection.channels.size) return array([bulk("pong"), bulk(args[1] ?? "")]);
        return args[1] === undefined ? simple("PONG") : bulk(args[1]);
      case "quit":
        return OK;
      case "info":
        return bulk("# Server\r\nredis_version:7.0.0\r\nredis_mode:standalone\r\n\r\n# Persistence\r\nloading:0\r\n");
      case "select":
        return key === "0" ? OK : error("ERR DB index is out of range");
      case "client":
        return this.#client(connection, args.slice(1));
      case "get":
        return bulk(this.#entry(key)?.value ?? null);
      case "incr":
      case "decr": {
        const entry = this.#entry(key);
        const current = entry ? Number(entry.value) : 0;
        if (!Number.isSafeInteger(current) || (entry && !/^-?\d+$/.test(entry.value))) return error("ERR value is not an integer or out of range");
        const next = current + (name === "incr" ? 1 : -1);
        // Like Redis, a write to the value keeps the key's expiry.
        this.#data.set(key, { value: String(next), expiresAt: entry?.expiresAt });
        return int(next);
      }
      case "del":
        return int(args.slice(1).filter((k) => this.#entry(k) && this.#data.delete(k)).length);
      case "pexpire": {
        const ms = Number(arg2);
        if (!Number.isInteger(ms)) return error("ERR value is not an integer or out of range");
        const flag = args[3]?.toUpperCase();
        if (flag !== undefined && !["NX", "XX", "GT", "LT"].includes(flag)) return error(`ERR Unsupported option ${args[3]}`);
        const entry = this.#entry(key);
        if (!entry) return int(0);
        const at = Date.now() + ms;
        const has = entry.expiresAt !== undefined;
        // GT and LT count "no expiry" as an infinite one, as Redis does.
        const allowed =
          flag === undefined ||
          (flag === "NX" && !has) ||
          (flag === "XX" && has) ||
          (flag === "GT" && has && at > entry.expiresAt!) ||
          (flag === "LT" && (!has || at < entry.expiresAt!));
        if (!allowed) return int(0);
        if (ms <= 0) this.#data.delete(key);
        else entry.expiresAt = at;
        return int(1);
      }
      case "pttl": {
        const entry = this.#entry(key);
        if (!entry) return int(-2);
        return int(entry.expiresAt === undefined ? -1 : Math.max(0, entry.expiresAt - Date.now()));
      }
      case "keys": {
        // Glob with * and ? only: all the tests need.
        const pattern = new RegExp(`^${key.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
        return array(this.keys().filter((k) => pattern.test(k)).map(bulk));
      }
      case "publish": {
        let receivers = 0;
        for (const other of this.#connections) {
          if (!other.channels.has(key)) continue;
          other.socket.write(encode(array([bulk("message"), bulk(key), bulk(arg2 ?? "")])));
          receivers++;
        }
        return int(receivers);
      }
      default:
        return error(`ERR unknown command '${args[0]}', with args beginning with: ${args.slice(1, 3).map((a) => `'${a}' `).join("")}`);
    }
  }

  #client(connection: Connection, args: string[]): Reply {
    const sub = args[0]?.toLowerCase();
    if (sub === "setname") return OK;
    if (sub === "id") return int(connection.id);
    if (sub === "kill" && args[1]?.toLowerCase() === "type" && args[2]?.toLowerCase() === "pubsub") {
      const victims = [...this.#connections].filter((c) => c.channels.size > 0);
      for (const victim of victims) victim.socket.destroy();
      return int(victims.length);
    }
    // What Redis 7.0 answers to CLIENT SETINFO, which ioredis sends on connect and ignores.
    return error(`ERR unknown subcommand '${args[0]}'. Try CLIENT HELP.`);
  }

  #subscribe(connection: Connection, channels: string[]): Reply {
    if (!channels.length) return error("ERR wrong number of arguments for 'subscribe' command");
    // One reply per channel, as Redis sends them.
    const frames = channels.map((channel) => {
      connection.channels.add(channel);
      return encode(array([bulk("subscribe"), bulk(channel), int(connection.channels.size)]));
    });
    return { kind: "frames", text: frames.join("") };
  }

  #unsubscribe(connection: Connection, channels: string[]): Reply {
    const targets = channels.length ? channels : [...connection.channels];
    if (!targets.length) return array([bulk("unsubscribe"), bulk(null), int(0)]);
    const frames = targets.map((channel) => {
      connection.channels.delete(channel);
      return encode(array([bulk("unsubscribe"), bulk(channel), int(connection.channels.size)]));
    });
    return { kind: "frames", text: frames.join("") };
  }
}
