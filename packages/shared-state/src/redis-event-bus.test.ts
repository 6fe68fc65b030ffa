import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe } from "vitest";
import { RedisEventBus } from "./redis-event-bus.js";
import { eventBusContract } from "./testing/event-bus-contract.js";
import { REDIS_TARGETS, RedisConnections, uniqueName, type RedisTarget } from "./testing/targets.js";

describe.each(REDIS_TARGETS)("RedisEventBus on $name", (target) => {
  let server: RedisTarget;
  let operator: Redis;
  const connections = new RedisConnections();
  const channel = uniqueName("interview_events");

  beforeAll(async () => {
    server = await target.start();
    operator = await connections.open(server.url);
  });
  afterAll(async () => {
    await connections.closeAll();
    await server.close();
  });

  eventBusContract(
    () => ({
      open: async (options) => RedisEventBus.open({ redis: await connections.open(server.url), channel, ...options }),
      // Cuts every subscriber connection on the server: on TEST_REDIS_URL, use a Redis for tests.
      dropListener: async () => Number(await operator.call("client", "kill", "type", "pubsub")),
      publishRaw: async (payload) => void (await operator.publish(channel, payload)),
    }),
    { rawChannel: true, droppable: true },
  );
});
