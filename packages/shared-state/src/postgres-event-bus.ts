import { randomUUID } from "node:crypto";
import type { Client, Notification, Pool, PoolConfig } from "pg";
import {
  BusEventError,
  DEFAULT_CHANNEL,
  encodeEvent,
  LocalSubscribers,
  validThreadId,
  type BusEventBody,
  type BusHandler,
  type EventBusOptions,
  type InterviewEventBus,
} from "./event-bus.js";
import { ThrottledReporter } from "./warnings.js";

export interface PostgresEventBusOptions extends EventBusOptions {
  /** Publishes through it (`pg_notify`); the caller owns it. */
  pool: Pool;
  /** Channel name (a plain lower-case identifier); {@link DEFAULT_CHANNEL} by default. */
  channel?: string | undefined;
  /**
   * Makes the dedicated listening connection. By default a client with the pool's own settings.
   * Give one when the pool goes through a transaction-pooling proxy, which cannot LISTEN.
   */
  createListener?: (() => Client) | undefined;
  /**
   * Called when listening again after the connection dropped. Events sent in the gap are lost:
   * re-read the state of every interview with an open socket.
   */
  onReconnect?: (() => void) | undefined;
  /** Reconnect delays: doubling from the first to the largest, with jitter. */
  reconnectDelayMs?: { initial?: number; max?: number } | undefined;
  /** False for a process that only publishes (no sockets of its own): it holds no listening connection. */
  listen?: boolean | undefined;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Interview events across replicas through PostgreSQL's LISTEN/NOTIFY: one listening connection
 * per process on one channel, the thread id inside the payload.
 */
export class PostgresEventBus implements InterviewEventBus {
  readonly origin: string;
  readonly #pool: Pool;
  readonly #channel: string;
  readonly #createListener: () => Client;
  readonly #onReconnect: (() => void) | undefined;
  readonly #initialDelay: number;
  readonly #maxDelay: number;
  readonly #reporter: ThrottledReporter;
  readonly #subscribers: LocalSubscribers;
  /** The last publish per thread: the next one for the thread waits for it, to keep order. */
  readonly #tails = new Map<string, Promise<void>>();
  #listener: Client | undefined;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #attempt = 0;
  #closed = false;
  #publishOnly = false;

  /** Connects the listening connection (unless `listen: false`); rejects when the database cannot be reached. */
  static async open(options: PostgresEventBusOptions): Promise<PostgresEventBus> {
    const bus = new PostgresEventBus(options);
    if (options.listen === false) {
      bus.#publishOnly = true;
      await options.pool.query("select 1");
    } else await bus.#listen();
    return bus;
  }

  private constructor(options: PostgresEventBusOptions) {
    const channel = options.channel ?? DEFAULT_CHANNEL;
    if (!IDENTIFIER.test(channel)) throw new Error(`Invalid event channel name "${channel}": use lower-case letters, digits and _.`);
    this.origin = options.origin ?? randomUUID();
    this.#pool = options.pool;
    this.#channel = channel;
    this.#onReconnect = options.onReconnect;
    this.#initialDelay = options.reconnectDelayMs?.initial ?? 100;
    this.#maxDelay = options.reconnectDelayMs?.max ?? 10_000;
    this.#reporter = new ThrottledReporter("event-bus:postgres", options.onWarning);
    this.#subscribers = new LocalSubscribers(this.#reporter);
    this.#createListener = options.createListener ?? (() => listenerLike(options.pool, this.origin));
  }

  async #listen(): Promise<void> {
    const client = this.#createListener();
    // Attached before connecting: an 'error' without a listener would crash the process.
    client.on("error", (error) => this.#dropped(client, error));
    client.on("end", () => this.#dropped(client, new Error("The interview event listener's connection ended.")));
    // Not checked against #listener: a notification can arrive in the same packet as LISTEN's
    // reply, before the client is recorded. Only one listening client is alive at a time.
    client.on("notification", (message: Notification) => {
      if (!this.#closed && message.channel === this.#channel) this.#subscribers.deliver(message.payload ?? "");
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.#channel}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#listener = client;
  }

  #dropped(client: Client, error: Error): void {
    if (client !== this.#listener) return;
    this.#listener = undefined;
    client.end().catch(() => undefined);
    if (this.#closed) return;
    this.#reporter.report("listen", error);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#reconnectTimer) return;
    const base = Math.min(this.#maxDelay, this.#initialDelay * 2 ** this.#attempt++);
    // Jitter: replicas that lost the database together do not all come back in the same instant.
    const delay = base / 2 + Math.random() * (base / 2);
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      this.#listen().then(
        () => {
          if (this.#closed) return;
          this.#attempt = 0;
          this.#onReconnect?.();
        },
        (error: unknown) => {
          this.#reporter.report("reconnect", error);
          this.#scheduleReconnect();
        },
      );
    }, delay);
  }

  async publish(threadId: string, event: BusEventBody): Promise<void> {
    if (this.#closed) throw new BusEventError("bus_closed", "The interview event bus is closed.");
    const payload = encodeEvent(threadId, this.origin, event);
    // Queued per thread: two publishes in flight could take two pool connections and commit
    // (and so be delivered) in either order.
    const previous = this.#tails.get(threadId) ?? Promise.resolve();
    const sent = previous.then(() => this.#pool.query("select pg_notify($1, $2)", [this.#channel, payload]));
    const tail = sent.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(threadId, tail);
    void tail.then(() => {
      if (this.#tails.get(threadId) === tail) this.#tails.delete(threadId);
    });
    await sent;
  }

  async subscribe(threadId: string, handler: BusHandler): Promise<() => Promise<void>> {
    if (this.#closed) throw new BusEventError("bus_closed", "The interview event bus is closed.");
    if (this.#publishOnly) throw new BusEventError("not_listening", "This interview event bus only publishes (opened with listen: false).");
    validThreadId(threadId);
    // The connection listens on the one channel for every thread: subscribing is local.
    return this.#subscribers.add(threadId, handler);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#reconnectTimer);
    this.#subscribers.clear();
    await Promise.all(this.#tails.values());
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => undefined);
  }
}

/**
 * A client made the way the pool makes its own (pg-pool: `new this.Client(this.options)`), so
 * it has the same server, credentials, TLS and type parsers, plus keep-alive (a half-open
 * listening connection would otherwise wait for events forever) and a name operators can find.
 */
function listenerLike(pool: Pool, origin: string): Client {
  const Ctor = (pool as unknown as { Client?: new (config: PoolConfig) => Client }).Client;
  if (typeof Ctor !== "function") throw new Error("This pool does not expose its client class; pass createListener.");
  // pg-pool keeps the password as a non-enumerable option, which a spread would drop.
  return new Ctor({ ...pool.options, password: pool.options.password, keepAlive: true, application_name: `interview-events ${origin}`.slice(0, 63) });
}
