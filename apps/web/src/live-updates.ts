/**
 * Follows an interview on its WebSocket while something else drives it (the voice interviewer,
 * another device): each committed turn, and where the interview stands on every (re)connection,
 * calls `onTurn`, so the page shows it at once instead of on its next poll. A dropped connection
 * is opened again with a new ticket, waiting longer after each failure; the interview being
 * over (1000), erased (4004), followed in another tab (4000) or continued in another browser
 * (4003) ends it for good. DOM-free.
 */
import { isApiError, type ApiClient } from "./api";

/** The part of a browser WebSocket this uses. */
export type SocketLike = Pick<WebSocket, "onmessage" | "onclose" | "close">;

export interface FollowOptions {
  /** Opens the interview's socket (asking for a ticket first). */
  connect: () => Promise<SocketLike>;
  /** A turn was committed, or the socket (re)connected: time to refresh. */
  onTurn: () => void;
  /** The socket is live (true) or not (false): polling can pause or must resume. */
  onLive: (live: boolean) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface Follower {
  readonly live: boolean;
  stop(): void;
}

/** Server messages that mean the interview moved (or may have, while the socket was away). */
const TURN_MESSAGES = new Set(["resume", "evaluation", "question", "reply", "completed"]);
/** Close codes after which a new socket would not help (docs/realtime.md). */
const FINAL_CLOSES = new Set([1000, 4000, 4003, 4004]);
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

const typeOf = (data: unknown): string | undefined => {
  if (typeof data !== "string") return undefined;
  try {
    const message = JSON.parse(data) as { type?: unknown };
    return typeof message.type === "string" ? message.type : undefined;
  } catch {
    return undefined;
  }
};

/** Refusals a new ticket cannot change: the interview is gone, or these credentials may not see it. */
const hopeless = (error: unknown) => isApiError(error) && [401, 403, 404].includes(error.status);

export function followInterview({ connect, onTurn, onLive, setTimer = setTimeout, clearTimer = (h) => clearTimeout(h as number) }: FollowOptions): Follower {
  let stopped = false;
  let live = false;
  let socket: SocketLike | null = null;
  let timer: unknown = null;
  let failures = 0;

  const setLive = (on: boolean) => {
    if (live === on) return;
    live = on;
    onLive(on);
  };

  function retry() {
    if (stopped) return;
    timer = setTimer(() => void open(), Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures));
    failures++;
  }

  async function open() {
    timer = null;
    let next: SocketLike;
    try {
      next = await connect();
    } catch (error) {
      if (!hopeless(error)) retry();
      return;
    }
    if (stopped) return next.close(1000);
    socket = next;
    next.onmessage = (event) => {
      const type = typeOf(event.data);
      if (type === "connected") {
        failures = 0;
        setLive(true);
      }
      if (type && TURN_MESSAGES.has(type)) onTurn();
    };
    next.onclose = (event) => {
      if (socket === next) socket = null;
      setLive(false);
      if (!FINAL_CLOSES.has(event.code)) retry();
    };
  }

  void open();
  return {
    get live() {
      return live;
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
      const open = socket;
      socket = null;
      if (open) {
        open.onclose = null;
        open.onmessage = null;
        open.close(1000);
      }
      live = false;
    },
  };
}

/** Opens `threadId`'s socket on the API's server with a fresh single-use ticket. */
export const interviewSocket =
  (api: Pick<ApiClient, "socketTicket" | "socketUrl">, threadId: string, createSocket = (url: string, protocols: string[]): SocketLike => new WebSocket(url, protocols)) =>
  async (): Promise<SocketLike> => {
    const { protocols } = await api.socketTicket(threadId);
    return createSocket(api.socketUrl(threadId), protocols);
  };
