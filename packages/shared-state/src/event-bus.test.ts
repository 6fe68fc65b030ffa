import { describe, expect, it } from "vitest";
import { decodeEvent, encodeEvent, InProcessEventBus } from "./event-bus.js";
import { eventBusContract } from "./testing/event-bus-contract.js";

describe("InProcessEventBus", () => {
  eventBusContract(() => ({ open: async (options) => new InProcessEventBus(options) }), { twoReplicas: false });
});

describe("interview event encoding", () => {
  it("stamps the publishing bus's origin, whatever origin the event came with", () => {
    const relayed = { type: "interview_ended", origin: "another-replica" } as const;
    expect(decodeEvent(encodeEvent("thread-1", "this-replica", relayed))).toEqual({
      threadId: "thread-1",
      event: { type: "interview_ended", origin: "this-replica" },
    });
  });

  it("refuses a thread id the service would never issue", () => {
    expect(() => encodeEvent("", "me", { type: "interview_ended" })).toThrow(/Invalid thread id/);
    expect(() => encodeEvent("t".repeat(129), "me", { type: "interview_ended" })).toThrow(/Invalid thread id/);
  });
});
