import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
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

export interface RedisEventBusOptions extends EventBusOptions {
  /** Publishes through it; the caller owns it. The bus opens its own subscriber from it. */
  redis: Redis;
  channel?: string | undefined;
  /** Called when subscribed again after the connection dropped; events in the gap are lost. */
  onReconnect?: (() => void) | undefined;
  /** False for a process that only publishes (no sockets of its own): it opens no subscriber connection. */
  listen?: boolean | undefined;
}

/**
 * Interview events across replicas through Redis pub/sub: one subscriber connection per process
 * (a subscribed connection can do nothing else) on one channel, the thread id in the message.
 * One publishing connection sends in order, and Redis delivers in order.
 */
export class RedisEventBus implements InterviewEventBus {
  readonly origin: string;
  readonly #redis: Redis;
  /** Absent on a bus that only publishes. */
  readonly #subscriber: Redis | undefined;
  readonly #channel: string;
  readonly #reporter: ThrottledReporter;
  readonly #subscribers: LocalSubscribers;
  #subscribed = false;
  #closed = false;

  /** Subscribes (unless `listen: false`); rejects when Redis cannot be reached. */
  static async open(options: RedisEventBusOptions): Promise<RedisEventBus> {
    const bus = new RedisEventBus(options);
    const subscriber = bus.#subscriber;
    if (!subscriber) return bus;
    try {
      await subscriber.subscribe(bus.#channel);
    } catch (error) {
      subscriber.disconnect();
      throw error;
    }
    bus.#subscribed = true;
    return bus;
  }

  private constructor(options: RedisEventBusOptions) {
    this.origin = options.origin ?? randomUUID();
    this.#redis = options.redis;
    this.#channel = options.channel ?? DEFAULT_CHANNEL;
    this.#reporter = new ThrottledReporter("event-bus:redis", options.onWarning);
    this.#subscribers = new LocalSubscribers(this.#reporter);
    this.#subscriber = options.listen === false ? undefined : this.#subscribe(options);
  }

  #subscribe(options: RedisEventBusOptions): Redis {
    // Resubscribed by hand on reconnect rather than by ioredis, to know when it is done (and
    // so when onReconnect may tell the app to re-read). Queued until connected the first time.
    const subscriber = options.redis.duplicate({ autoResubscribe: false, enableOfflineQueue: true });
    subscriber.on("message", (channel: string, message: string) => {
      if (!this.#closed && channel === this.#channel) this.#subscribers.deliver(message);
    });
    subscriber.on("error", (error: Error) => this.#reporter.report("listen", error));
    // A connection the server closed cleanly (a restart, CLIENT KILL) brings no 'error'.
    subscriber.on("close", () => {
      if (this.#subscribed && !this.#closed) this.#reporter.report("listen", new Error("The interview event subscriber lost its connection; reconnecting."));
    });
    subscriber.on("ready", () => {
      if (!this.#subscribed || this.#closed) return;
      subscriber.subscribe(this.#channel).then(
        () => options.onReconnect?.(),
        (error: unknown) => this.#reporter.report("reconnect", error),
      );
    });
    return subscriber;
  }

  async publish(threadId: string, event: BusEventBody): Promise<void> {
    if (this.#closed) throw new BusEventError("bus_closed", "The interview event bus is closed.");
    await this.#redis.publish(this.#channel, encodeEvent(threadId, this.origin, event));
  }

  async subscribe(threadId: string, handler: BusHandler): Promise<() => Promise<void>> {
    if (this.#closed) throw new BusEventError("bus_closed", "The interview event bus is closed.");
    if (!this.#subscriber) throw new BusEventError("not_listening", "This interview event bus only publishes (opened with listen: false).");
    validThreadId(threadId);
    return this.#subscribers.add(threadId, handler);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#subscribers.clear();
    if (!this.#subscriber) return;
    try {
      await this.#subscriber.quit();
    } catch {
      this.#subscriber.disconnect();
    }
  }
}
