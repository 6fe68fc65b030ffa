import { MemoryStore, type Store } from "hono-rate-limiter";
import { Redis } from "ioredis";
import type { Pool } from "pg";
import { InProcessEventBus, type InterviewEventBus } from "./event-bus.js";
import { PostgresEventBus } from "./postgres-event-bus.js";
import { PostgresRateLimitStore } from "./postgres-rate-limit-store.js";
import { RedisEventBus } from "./redis-event-bus.js";
import { RedisRateLimitStore } from "./redis-rate-limit-store.js";
import { ThrottledReporter, type WarningHook } from "./warnings.js";

export * from "./event-bus.js";
export { interviewEventsToBus } from "./service-events.js";
export { PostgresEventBus, type PostgresEventBusOptions } from "./postgres-event-bus.js";
export { RedisEventBus, type RedisEventBusOptions } from "./redis-event-bus.js";
export { PostgresRateLimitStore, type PostgresRateLimitStoreOptions } from "./postgres-rate-limit-store.js";
export { RedisRateLimitStore, type RedisRateLimitStoreOptions } from "./redis-rate-limit-store.js";
export { hashKey, StoreTimeoutError, type RateLimitStoreOptions } from "./rate-limit-common.js";
export { createUnloggedTable } from "./unlogged-table.js";
export type { WarningContext, WarningHook } from "./warnings.js";

export interface SharedStateOptions {
  /** Redis for the rate limit and the event bus (REDIS_URL). Wins over `pool`. */
  redisUrl?: string | undefined;
  /** The shared PostgreSQL, when several processes serve the API and there is no Redis. */
  pool?: Pool | undefined;
  /** Told about survived failures (log them as warnings). */
  onWarning?: WarningHook | undefined;
  /** Called when the bus listens again after a drop: events in the gap are lost. */
  onReconnect?: (() => void) | undefined;
  /** This process's id on the bus; random by default. */
  origin?: string | undefined;
}

/** What replicas share: the rate-limit counts and the interview event bus. */
export interface SharedState {
  kind: "redis" | "postgres" | "in-process";
  /** Give it to `rateLimiter({ store })`; the middleware sets its window. */
  rateLimitStore: Store;
  eventBus: InterviewEventBus;
  close(): Promise<void>;
}

/**
 * Opens the shared state: on Redis when a URL is given, else on the PostgreSQL pool when given,
 * else in this process only (right for one process: nothing to share, no round trip per request).
 * Rejects when the chosen backend cannot be reached at start.
 */
export async function openSharedState(options: SharedStateOptions): Promise<SharedState> {
  const { onWarning, onReconnect, origin } = options;
  if (options.redisUrl) {
    const redis = await connectRedis(options.redisUrl, onWarning);
    try {
      const eventBus = await RedisEventBus.open({ redis, onWarning, onReconnect, origin });
      return {
        kind: "redis",
        rateLimitStore: new RedisRateLimitStore({ redis, onWarning }),
        eventBus,
        close: async () => {
          await eventBus.close();
          await quit(redis);
        },
      };
    } catch (error) {
      redis.disconnect();
      throw error;
    }
  }
  if (options.pool) {
    const rateLimitStore = await PostgresRateLimitStore.open({ pool: options.pool, onWarning });
    const eventBus = await PostgresEventBus.open({ pool: options.pool, onWarning, onReconnect, origin });
    return { kind: "postgres", rateLimitStore, eventBus, close: () => eventBus.close() };
  }
  const rateLimitStore = new MemoryStore();
  const eventBus = new InProcessEventBus({ onWarning, origin });
  return {
    kind: "in-process",
    rateLimitStore,
    eventBus,
    close: async () => {
      rateLimitStore.shutdown();
      await eventBus.close();
    },
  };
}

/**
 * The bus for a process that drives interviews but serves no sockets (the voice worker): it
 * publishes where the API's replicas listen, Redis when a URL is given (as the API does), else
 * PostgreSQL, and holds no listening connection. Rejects when the backend cannot be reached.
 */
export async function openEventPublisher(options: { redisUrl?: string | undefined; pool: Pool; onWarning?: WarningHook | undefined }): Promise<InterviewEventBus> {
  const { onWarning } = options;
  if (!options.redisUrl) return PostgresEventBus.open({ pool: options.pool, onWarning, listen: false });
  const redis = await connectRedis(options.redisUrl, onWarning);
  const bus = await RedisEventBus.open({ redis, onWarning, listen: false });
  return {
    origin: bus.origin,
    publish: (threadId, event) => bus.publish(threadId, event),
    subscribe: (threadId, handler) => bus.subscribe(threadId, handler),
    close: async () => {
      await bus.close();
      await quit(redis);
    },
  };
}

/**
 * Commands fail at once while disconnected (the rate-limit store then fails open) instead of
 * queueing behind reconnects; the bus's subscriber, a separate connection, queues its own.
 */
async function connectRedis(url: string, onWarning: WarningHook | undefined): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const reporter = new ThrottledReporter("redis", onWarning);
  redis.on("error", (error: Error) => reporter.report("connection", error));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  return redis;
}

const quit = (redis: Redis) => redis.quit().then(
  () => undefined,
  () => redis.disconnect(),
);
