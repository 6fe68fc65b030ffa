import { randomUUID } from "node:crypto";
import { afterEach, expect, it, vi } from "vitest";
import { BusEventError, type BusEvent, type BusEventBody, type InterviewEventBus } from "../event-bus.js";
import type { WarningContext, WarningHook } from "../warnings.js";

export interface BusHarness {
  /** A bus as one replica holds it: its own connections to the shared backend. */
  open(options: { onWarning?: WarningHook; onReconnect?: () => void }): Promise<InterviewEventBus>;
  /** Cuts the bus's listening connection from the server side; resolves to how many were cut. */
  dropListener?(bus: InterviewEventBus): Promise<number>;
  /** Sends a raw message on the bus's channel, as a broken or foreign publisher would. */
  publishRaw?(payload: string): Promise<void>;
}

export function collector() {
  const events: BusEvent[] = [];
  return { events, handler: (event: BusEvent) => void events.push(event) };
}

export function warnings() {
  const seen: { message: string; context: WarningContext }[] = [];
  return { seen, hook: ((error, context) => void seen.push({ message: error.message, context })) as WarningHook };
}

const thread = () => `thread-${randomUUID()}`;
const turn = (questionId: string): BusEventBody => ({ type: "turn_committed", questionId, status: "question" });
const arrived = (c: { events: unknown[] }, count: number) =>
  vi.waitFor(() => expect(c.events).toHaveLength(count), { timeout: 10_000, interval: 20 });

/**
 * What every bus must do. `twoReplicas` is false for the in-process bus, whose "other replica"
 * is itself; the raw-channel and dropped-connection cases apply where the harness offers them.
 */
export function eventBusContract(harness: () => BusHarness, { twoReplicas = true, rawChannel = false, droppable = false } = {}): void {
  const open: InterviewEventBus[] = [];
  const openBus = async (options: Parameters<BusHarness["open"]>[0] = {}) => {
    const bus = await harness().open(options);
    open.push(bus);
    return bus;
  };
  const replicas = async () => {
    const a = await openBus();
    return [a, twoReplicas ? await openBus() : a] as const;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((bus) => bus.close()));
  });

  it("delivers an event to the thread's subscribers on every replica, with its origin, and to no other thread", async () => {
    const [a, b] = await replicas();
    const [t1, t2] = [thread(), thread()];
    const onB = collector();
    const onA = collector();
    const otherThread = collector();
    await b.subscribe(t1, onB.handler);
    await a.subscribe(t1, onA.handler);
    await b.subscribe(t2, otherThread.handler);

    await a.publish(t1, { type: "socket_opened", connectionId: "conn-1" });
    // Published after, so once it arrives the first has been delivered wherever it went.
    await a.publish(t2, { type: "interview_deleted" });
    await arrived(otherThread, 1);
    await arrived(onB, 1);

    expect(onB.events).toEqual([{ type: "socket_opened", connectionId: "conn-1", origin: a.origin }]);
    // The publisher hears its own event too, and can tell it is its own.
    await arrived(onA, 1);
    expect(onA.events[0]?.origin).toBe(a.origin);
    expect(otherThread.events).toEqual([{ type: "interview_deleted", origin: a.origin }]);
    if (twoReplicas) expect(b.origin).not.toBe(a.origin);
  });

  it("keeps the order of a thread's events, even when published without waiting", async () => {
    const [a, b] = await replicas();
    const t = thread();
    const received = collector();
    await b.subscribe(t, received.handler);

    const ids = Array.from({ length: 20 }, (_, i) => `q${i}`);
    await Promise.all(ids.map((id) => a.publish(t, turn(id))));
    await arrived(received, 20);

    expect(received.events.map((e) => (e.type === "turn_committed" ? e.questionId : e.type))).toEqual(ids);
  });

  it("stops delivering to a handler once it unsubscribes, and only to that one", async () => {
    const [a, b] = await replicas();
    const t = thread();
    const leaving = collector();
    const staying = collector();
    const unsubscribe = await b.subscribe(t, leaving.handler);
    await b.subscribe(t, staying.handler);

    await a.publish(t, turn("q1"));
    await arrived(leaving, 1);
    await unsubscribe();
    await a.publish(t, turn("q2"));
    await arrived(staying, 2);

    expect(leaving.events.map((e) => e.type === "turn_committed" && e.questionId)).toEqual(["q1"]);
  });

  it("refuses an event of 8000 bytes or more with a clear error, and sends nothing", async () => {
    const [a, b] = await replicas();
    const t = thread();
    const received = collector();
    await b.subscribe(t, received.handler);

    const huge = { type: "socket_opened", connectionId: "x".repeat(8000) } as const;
    const refusal = await a.publish(t, huge).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BusEventError);
    expect((refusal as BusEventError).code).toBe("payload_too_large");
    expect((refusal as Error).message).toMatch(/8000 bytes/);

    await a.publish(t, { type: "interview_ended" });
    await arrived(received, 1);
    expect(received.events[0]?.type).toBe("interview_ended");
  });

  it("refuses fields an event does not declare, so answers and tokens cannot travel on it", async () => {
    const [a] = await replicas();
    const leaky = { type: "turn_committed", status: "question", answer: "I led the migration..." } as unknown as BusEventBody;
    await expect(a.publish(thread(), leaky)).rejects.toMatchObject({ code: "invalid_event" });
    await expect(a.publish(thread(), { type: "token_issued" } as unknown as BusEventBody)).rejects.toMatchObject({ code: "invalid_event" });
  });

  it("keeps delivering to other subscribers when one handler throws, and reports it", async () => {
    const reported = warnings();
    const a = await openBus({ onWarning: reported.hook });
    const t = thread();
    const received = collector();
    await a.subscribe(t, () => {
      throw new Error("socket already closed");
    });
    await a.subscribe(t, received.handler);

    await a.publish(t, { type: "interview_ended" });
    await arrived(received, 1);
    expect(reported.seen).toEqual([{ message: "socket already closed", context: expect.objectContaining({ operation: "handler" }) }]);
  });

  it("refuses to publish or subscribe once closed", async () => {
    const bus = await harness().open({});
    await bus.close();
    await expect(bus.publish(thread(), { type: "interview_ended" })).rejects.toMatchObject({ code: "bus_closed" });
    await expect(bus.subscribe(thread(), () => undefined)).rejects.toMatchObject({ code: "bus_closed" });
  });

  if (rawChannel) it("ignores a malformed message on the channel, reports it, and keeps delivering", async () => {
    const reported = warnings();
    const b = await openBus({ onWarning: reported.hook });
    const t = thread();
    const received = collector();
    await b.subscribe(t, received.handler);

    await harness().publishRaw!("not json");
    await harness().publishRaw!(JSON.stringify({ threadId: t, origin: "elsewhere", event: { type: "turn_committed", status: "question", answer: "leak" } }));
    const a = await openBus();
    await a.publish(t, { type: "interview_ended" });
    await arrived(received, 1);

    expect(received.events).toEqual([{ type: "interview_ended", origin: a.origin }]);
    // One warning: the second bad message came within the throttle interval.
    expect(reported.seen.map((w) => w.context.operation)).toEqual(["receive"]);
  });

  if (droppable) it("listens again after its connection is cut, and delivery resumes", async () => {
    const h = harness();
    const reported = warnings();
    let reconnects = 0;
    const b = await openBus({ onWarning: reported.hook, onReconnect: () => void reconnects++ });
    const a = await openBus();
    const t = thread();
    const received = collector();
    await b.subscribe(t, received.handler);

    expect(await h.dropListener!(b)).toBeGreaterThan(0);
    await vi.waitFor(() => expect(reconnects).toBe(1), { timeout: 15_000, interval: 20 });
    expect(reported.seen.some((w) => w.context.operation === "listen")).toBe(true);

    await a.publish(t, turn("after-reconnect"));
    await arrived(received, 1);
    expect(received.events[0]).toMatchObject({ type: "turn_committed", questionId: "after-reconnect" });
  });
}
