import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { TurnView } from "@interview/graph";
import { ThrottledReporter, type WarningHook } from "./warnings.js";

/**
 * What replicas tell each other about an interview. Ids and short fields only: a receiver
 * re-reads the interview for anything else, so CV text, answers and tokens never travel here.
 */
export type BusEventBody =
  /** A socket opened for the interview on the sender: other replicas close theirs. */
  | { type: "socket_opened"; connectionId: string }
  /** A turn was saved: replicas with a socket open re-read the interview and push it. */
  | { type: "turn_committed"; questionId?: string; status: TurnView["status"] }
  | { type: "interview_ended" }
  | { type: "interview_deleted" }
  /** The interview's access token was replaced: sockets opened with the old one close. */
  | { type: "access_changed" };

/** An event as delivered: with the process that published it, so a replica can skip its own. */
export type BusEvent = BusEventBody & { origin: string };

export type BusHandler = (event: BusEvent) => void;

export interface InterviewEventBus {
  /** This process's id, stamped on everything it publishes. */
  readonly origin: string;
  /**
   * Sends the event to every subscriber of the thread on every replica, this one included. Events
   * from one process for one thread arrive in the order published. Rejects on an invalid or
   * oversized event ({@link BusEventError}) and when the backend cannot take it.
   */
  publish(threadId: string, event: BusEventBody): Promise<void>;
  /** Resolves once events published from then on reach the handler; resolves to unsubscribe. */
  subscribe(threadId: string, handler: BusHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Options every bus takes. */
export interface EventBusOptions {
  /** Process id stamped on published events; a random UUID by default. */
  origin?: string | undefined;
  /** Told about survived failures: malformed messages, throwing handlers, dropped connections. */
  onWarning?: WarningHook | undefined;
}

/**
 * The largest message, in UTF-8 bytes, any bus accepts: PostgreSQL's NOTIFY refuses payloads of
 * 8000 bytes or more. The same limit on every bus keeps what works on one working on all.
 */
export const MAX_EVENT_BYTES = 7999;

/** The one channel all interviews share (a channel per interview would mean a LISTEN per socket). */
export const DEFAULT_CHANNEL = "interview_events";

export class BusEventError extends Error {
  constructor(
    readonly code: "invalid_event" | "payload_too_large" | "bus_closed" | "not_listening",
    message: string,
  ) {
    super(message);
    this.name = "BusEventError";
  }
}

// Strict objects: a field nobody declared (an answer, a token) is refused, not forwarded.
const BodySchema: z.ZodType<BusEventBody> = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("socket_opened"), connectionId: z.string().min(1) }),
  z.strictObject({ type: z.literal("turn_committed"), questionId: z.string().min(1).optional(), status: z.enum(["question", "awaiting_question", "completed"]) }),
  z.strictObject({ type: z.literal("interview_ended") }),
  z.strictObject({ type: z.literal("interview_deleted") }),
  z.strictObject({ type: z.literal("access_changed") }),
]);
// The service's thread ids are at most 128 characters.
const ThreadIdSchema = z.string().min(1).max(128);
const EnvelopeSchema = z.strictObject({ threadId: ThreadIdSchema, origin: z.string().min(1), event: BodySchema });

/** Validates an event and serialises it with its thread and origin, as sent on every bus. */
export function encodeEvent(threadId: string, origin: string, event: BusEventBody): string {
  if (!ThreadIdSchema.safeParse(threadId).success) throw new BusEventError("invalid_event", "Invalid thread id for an interview event.");
  // The bus's own origin wins over one a caller may have copied from a received event.
  const { origin: _ignored, ...body } = event as BusEventBody & { origin?: unknown };
  const parsed = BodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BusEventError("invalid_event", `Invalid interview event: ${issue?.path.join(".") || "event"}: ${issue?.message ?? "invalid"}.`);
  }
  const payload = JSON.stringify({ threadId, origin, event: parsed.data });
  const bytes = Buffer.byteLength(payload, "utf8");
  if (bytes > MAX_EVENT_BYTES) {
    throw new BusEventError(
      "payload_too_large",
      `Interview event "${parsed.data.type}" is ${bytes} bytes; events must stay under 8000 bytes. Send ids, and let receivers re-read the interview.`,
    );
  }
  return payload;
}

/** Parses a received message; undefined for anything that is not a valid event. */
export function decodeEvent(payload: string): { threadId: string; event: BusEvent } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const parsed = EnvelopeSchema.safeParse(value);
  if (!parsed.success) return undefined;
  return { threadId: parsed.data.threadId, event: { ...parsed.data.event, origin: parsed.data.origin } };
}

export function validThreadId(threadId: string): void {
  if (!ThreadIdSchema.safeParse(threadId).success) throw new BusEventError("invalid_event", "Invalid thread id for an interview subscription.");
}

/** This process's subscriptions, by thread: what every bus delivers received messages to. */
export class LocalSubscribers {
  readonly #byThread = new Map<string, Set<{ handler: BusHandler }>>();

  constructor(private readonly reporter: ThrottledReporter) {}

  add(threadId: string, handler: BusHandler): () => Promise<void> {
    const entry = { handler };
    let set = this.#byThread.get(threadId);
    if (!set) this.#byThread.set(threadId, (set = new Set()));
    set.add(entry);
    return async () => {
      const current = this.#byThread.get(threadId);
      if (!current?.delete(entry)) return;
      if (current.size === 0) this.#byThread.delete(threadId);
    };
  }

  /** Delivers a received message; a malformed one is reported and dropped. */
  deliver(payload: string): void {
    const message = decodeEvent(payload);
    if (!message) {
      this.reporter.report("receive", new Error(`Ignored a malformed interview event (${Buffer.byteLength(payload)} bytes).`));
      return;
    }
    const entries = this.#byThread.get(message.threadId);
    if (!entries) return;
    for (const { handler } of [...entries]) {
      try {
        handler(message.event);
      } catch (error) {
        // One failing socket must not stop the others hearing about the interview.
        this.reporter.report("handler", error);
      }
    }
  }

  clear(): void {
    this.#byThread.clear();
  }
}

/** The bus for a single process: no other replica to tell. Same rules as the shared buses. */
export class InProcessEventBus implements InterviewEventBus {
  readonly origin: string;
  readonly #subscribers: LocalSubscribers;
  #closed = false;

  constructor(options: EventBusOptions = {}) {
    this.origin = options.origin ?? randomUUID();
    this.#subscribers = new LocalSubscribers(new ThrottledReporter("event-bus:in-process", options.onWarning));
  }

  async publish(threadId: string, event: BusEventBody): Promise<void> {
    if (this.#closed) throw new BusEventError("bus_closed", "The interview event bus is closed.");
    const payload = encodeEvent(threadId, this.origin, event);
    // Delivered after publish returns, as on the shared buses, and as a copy: a handler cannot
    // change what the publisher holds. Microtasks run in order, so order is kept.
    queueMicrotask(() => {
      if (!this.#closed) this.#subscribers.deliver(payload);
    });
  }

  async subscribe(threadId: string, handler: BusHandler): Promise<() => Promise<void>> {
    if (this.#closed) throw new BusEventError("bus_closed", "The interview event bus is closed.");
    validThreadId(threadId);
    return this.#subscribers.add(threadId, handler);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#subscribers.clear();
  }
}
