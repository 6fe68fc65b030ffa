import { EventEmitter } from "node:events";
import type { IncomingMessage, Server } from "node:http";
import type { Http2SecureServer, Http2Server } from "node:http2";
import type { Duplex } from "node:stream";
import { createNodeWebSocket, type NodeWebSocket } from "@hono/node-ws";
import { requestLimiter } from "../rate-limit.js";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import type { WebSocket } from "ws";
import { InterviewError, interviewNotFound } from "@interview/graph";
import type { AppDeps, AppEnv } from "../app-types.js";
import { authorizeInterview, principalOf } from "../access.js";
import { errorResponse, toErrorResponse } from "../http-errors.js";
import { errorFacts } from "../logger.js";
import { errorResponses, ThreadParam } from "../schemas.js";
import type { InterviewEventBus } from "@interview/shared-state";
import { authenticateSocket } from "./auth.js";
import { CLOSE_CODES, DEFAULT_HEARTBEAT_MS, DEFAULT_MAX_FRAME_BYTES, SUBPROTOCOL, TICKET_PROTOCOL_PREFIX } from "./protocol.js";
import { InterviewSocket, type SocketContext } from "./socket.js";
import { DEFAULT_TICKET_TTL_MS, MemoryTicketStore, type TicketStore } from "./tickets.js";

export { CLOSE_CODES, SUBPROTOCOL, DEFAULT_HEARTBEAT_MS, DEFAULT_MAX_FRAME_BYTES, type ClientMessage, type ServerMessage } from "./protocol.js";
export { MemoryTicketStore, PostgresTicketStore, DEFAULT_TICKET_TTL_MS, type TicketStore, type SocketGrant, type PostgresTicketStoreOptions } from "./tickets.js";

export interface RealtimeOptions {
  /** The bus the replicas share (`openSharedState().eventBus`); the service's events must publish to it. */
  bus: InterviewEventBus;
  /** Where tickets are kept; shared by replicas (PostgresTicketStore) when there are several. In memory by default. */
  tickets?: TicketStore | undefined;
  /** Server pings every interval; a socket that answered nothing for a whole interval is closed (4001). */
  heartbeatMs?: number | undefined;
  /** Largest frame a client may send; a larger one closes the socket (1009). */
  maxFrameBytes?: number | undefined;
  ticketTtlMs?: number | undefined;
}

type UpgradeServer = Server | Http2Server | Http2SecureServer;

export interface Realtime {
  /** For `createApp({ routes: [realtime.routes] })`: the ticket route, the socket's OpenAPI entry. */
  readonly routes: (app: OpenAPIHono<AppEnv>, deps: AppDeps) => void;
  /** Attach to the HTTP server (after `serve()`): upgrades under /ws/ become interview sockets. */
  injectWebSocket(server: UpgradeServer): void;
  /** Sockets open on this process. */
  readonly connections: number;
  /** Closes every socket with 1001 (clients reconnect, to another replica), for a graceful stop. */
  close(): Promise<void>;
}

const TicketResponse = z
  .object({
    ticket: z.string().openapi({ description: "Opens one socket on this interview, once." }),
    expires_in: z.number().int().openapi({ description: "Seconds the ticket stays valid." }),
    protocols: z.array(z.string()).openapi({ description: "What to pass as the WebSocket's subprotocols: `new WebSocket(url, protocols)`.", example: [SUBPROTOCOL, "ticket.wst_…"] }),
  })
  .openapi("SocketTicket");

const ticketRoute = createRoute({
  method: "post",
  path: "/interviews/{thread_id}/ws-ticket",
  tags: ["realtime"],
  summary: "A single-use ticket that opens the interview's WebSocket",
  description:
    "Same credentials as the interview's other routes. Open `GET /ws/interview/{thread_id}` within `expires_in` seconds with the subprotocols " +
    "`interview.v1, ticket.<ticket>` (the `Sec-WebSocket-Protocol` header): browsers cannot send Authorization on a WebSocket, and credentials in a URL reach logs.",
  request: { params: ThreadParam },
  responses: {
    200: { description: "Ticket", content: { "application/json": { schema: TicketResponse } } },
    ...errorResponses(401, 403, 404, 429, 503),
  },
});

const socketRoute = createRoute({
  method: "get",
  path: "/ws/interview/{thread_id}",
  tags: ["realtime"],
  summary: "The interview's realtime channel (WebSocket; messages and close codes in docs/realtime.md)",
  description:
    "Subprotocol `interview.v1`. With API_KEYS set, also offer `ticket.<ticket>` (from POST /interviews/{thread_id}/ws-ticket) or `token.<access token>`, " +
    "or send Authorization: Bearer <API key> (Node clients). One socket per interview: a newer one closes the older with 4000.",
  request: { params: ThreadParam },
  responses: {
    101: { description: "Switching Protocols: the socket is open" },
    ...errorResponses(400, 401, 403, 404, 426, 503),
  },
});

/**
 * Interview sockets for this process. Upgrades are served by a small app of their own: the main
 * app's authentication reads Authorization only, which a browser cannot send on a WebSocket.
 */
export function createRealtime(options: RealtimeOptions): Realtime {
  const { bus } = options;
  const tickets = options.tickets ?? new MemoryTicketStore();
  const ticketTtlMs = options.ticketTtlMs ?? DEFAULT_TICKET_TTL_MS;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;

  const byThread = new Map<string, InterviewSocket>();
  const all = new Set<InterviewSocket>();
  const running = new Map<string, Promise<unknown>>();
  let nodeWs: NodeWebSocket | undefined;

  function socketContext(deps: AppDeps): SocketContext {
    return {
      service: deps.service,
      speech: deps.speech,
      logger: deps.logger,
      audioMaxBytes: deps.settings.audioMaxBytes,
      heartbeatMs,
      async attach(socket) {
        all.add(socket);
        const previous = byThread.get(socket.threadId);
        byThread.set(socket.threadId, socket);
        if (previous && previous !== socket) previous.close(CLOSE_CODES.replaced, "replaced");
        const unsubscribe = await bus.subscribe(socket.threadId, (event) => socket.onBusEvent(event));
        if (socket.closed) return void (await unsubscribe().catch(() => undefined));
        socket.unsubscribe = unsubscribe;
        try {
          // Other replicas close their socket for this interview when they hear of this one.
          await bus.publish(socket.threadId, { type: "socket_opened", connectionId: socket.id });
        } catch (error) {
          socket.confirm();
          deps.logger.warn({ threadId: socket.threadId, connectionId: socket.id, err: errorFacts(error) }, "could not tell other replicas about a new socket");
        }
      },
      detach(socket) {
        all.delete(socket);
        if (byThread.get(socket.threadId) === socket) byThread.delete(socket.threadId);
        void socket.unsubscribe?.().catch(() => undefined);
      },
      runningTurn: (threadId) => running.get(threadId),
      trackTurn(threadId, turn) {
        running.set(threadId, turn);
        void turn.finally(() => {
          if (running.get(threadId) === turn) running.delete(threadId);
        });
      },
    };
  }

  function socketApp(deps: AppDeps): Hono<AppEnv> {
    const app = new Hono<AppEnv>();
    const ctx = socketContext(deps);
    app.use(requestId());
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      // As the main app: path and status only; the credentials in Sec-WebSocket-Protocol never.
      const status = c.res.status === 200 ? 101 : c.res.status;
      deps.logger.info({ requestId: c.get("requestId"), threadId: c.get("threadId"), method: c.req.method, path: c.req.path, status, ms: Math.round(performance.now() - started) });
    });
    // Upgrades count against the client's request budget like its HTTP requests.
    const limiter = requestLimiter(deps);
    if (limiter) app.use(limiter);
    app.get("/ws/interview/:thread_id", async (c) => {
      const threadId = c.req.param("thread_id");
      c.set("threadId", threadId);
      if (deps.readiness?.draining) throw new InterviewError("not_ready", "This server is restarting; connect again in a moment.", { retryAfterSeconds: 2 });
      const principal = await authenticateSocket(c, deps, tickets, threadId);
      if (!(await deps.service.info(threadId))?.head) throw interviewNotFound();
      let socket: InterviewSocket | undefined;
      return nodeWs!.upgradeWebSocket(c, {
        onOpen: (_event, ws) => {
          socket = new InterviewSocket(threadId, principal, ws.raw as WebSocket, ctx);
          socket.open();
        },
        onMessage: (event) => socket?.receive(event.data),
        onClose: (event) => socket?.onClosed(event.code),
        // Oversized frames and broken connections: ws closes the socket itself (1009, 1006).
        onError: () => undefined,
      }, {
        onError: (error: unknown) => {
          // node-ws builds an ErrorEvent for socket errors, which Node 20 lacks; the socket closes all the same.
          if (error instanceof ReferenceError && error.message.includes("ErrorEvent")) return;
          deps.logger.error({ threadId, err: errorFacts(error) }, "socket handler failed");
        },
      });
    });
    app.notFound((c) => errorResponse(c, "not_found", `No socket route for ${c.req.path}.`));
    app.onError((error, c) => toErrorResponse(c, error));
    return app;
  }

  let registered = false;
  const routes = (app: OpenAPIHono<AppEnv>, deps: AppDeps) => {
    if (registered) throw new Error("A Realtime serves one app; create another for another app.");
    registered = true;
    nodeWs = createNodeWebSocket({ app: socketApp(deps) });
    // ws closes a socket with 1009 when a frame is larger than this.
    nodeWs.wss.options.maxPayload = maxFrameBytes;
    // Echo only the protocol's name: the ticket or token offered beside it is never sent back.
    nodeWs.wss.options.handleProtocols = (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false);

    app.openapi(ticketRoute, async (c) => {
      const { thread_id } = c.req.valid("param");
      c.set("threadId", thread_id);
      await authorizeInterview(c, deps.service, thread_id);
      if (!(await deps.service.info(thread_id))?.head) throw interviewNotFound();
      const ticket = await tickets.issue({ threadId: thread_id, principal: principalOf(c) }, ticketTtlMs);
      c.header("cache-control", "no-store");
      return c.json({ ticket, expires_in: Math.ceil(ticketTtlMs / 1000), protocols: [SUBPROTOCOL, `${TICKET_PROTOCOL_PREFIX}${ticket}`] }, 200);
    });
    // Reached only by a plain GET (injectWebSocket takes the upgrades): say how to connect.
    app.openapi(socketRoute, (c) => c.json({ error: { code: "invalid_input" as const, message: "This is a WebSocket endpoint: connect with the subprotocol interview.v1 (see docs/realtime.md)." } }, 426));
  };

  return {
    routes,
    get connections() {
      return all.size;
    },
    injectWebSocket(server) {
      if (!nodeWs) throw new Error("Register realtime.routes with createApp before injecting the WebSocket server.");
      // node-ws answers every upgrade it hears; it hears only ours, so other upgrade handlers keep theirs.
      const relay = new EventEmitter();
      nodeWs.injectWebSocket(relay as unknown as Server);
      const http = server as Server;
      http.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        const path = (request.url ?? "/").split("?")[0] ?? "/";
        if (path.startsWith("/ws/")) {
          // A client gone while the upgrade is checked must not raise an unhandled error.
          socket.on("error", () => socket.destroy());
          relay.emit("upgrade", request, socket, head);
        } else if (http.listenerCount("upgrade") === 1) {
          socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        }
      });
    },
    async close() {
      const open = [...all];
      for (const socket of open) socket.close(CLOSE_CODES.goingAway, "server restarting");
      const deadline = Date.now() + 2_000;
      while (all.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}
