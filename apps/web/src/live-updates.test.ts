import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api";
import { followInterview, interviewSocket, type SocketLike } from "./live-updates";

/** A socket the test speaks for: what the server would send, and how it closes. */
class FakeSocket implements SocketLike {
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  closedWith: number | undefined;
  close(code?: number) {
    this.closedWith = code;
  }
  send(message: object) {
    this.receive(JSON.stringify(message));
  }
  receive(data: string) {
    this.onmessage?.call(this as never, new MessageEvent("message", { data }));
  }
  drop(code: number) {
    // Node 20 has no CloseEvent; the code is all that is read.
    this.onclose?.call(this as never, { code } as CloseEvent);
  }
}

function follow(connect: () => Promise<SocketLike>) {
  const onTurn = vi.fn();
  const liveChanges: boolean[] = [];
  const follower = followInterview({ connect, onTurn, onLive: (live) => liveChanges.push(live) });
  return { follower, onTurn, liveChanges };
}

describe("following an interview on its socket", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("refreshes on each committed turn and on resume, not on streamed tokens, and is live once connected", async () => {
    const socket = new FakeSocket();
    const { follower, onTurn, liveChanges } = follow(async () => socket);
    await vi.advanceTimersByTimeAsync(0);
    expect(follower.live).toBe(false);
    socket.send({ type: "connected", thread_id: "t1", connection_id: "c1" });
    socket.send({ type: "resume", status: "question", text: "First?" });
    expect(follower.live).toBe(true);
    expect(onTurn).toHaveBeenCalledTimes(1);
    socket.send({ type: "token", text: "Wh" });
    socket.send({ type: "token", text: "y?" });
    expect(onTurn).toHaveBeenCalledTimes(1);
    socket.send({ type: "evaluation", question_id: "q1", score: 7 });
    socket.send({ type: "decision", action: "new_question" });
    socket.send({ type: "question", question_id: "q2", text: "Why?" });
    expect(onTurn).toHaveBeenCalledTimes(3);
    socket.receive("not json");
    expect(onTurn).toHaveBeenCalledTimes(3);
    expect(liveChanges).toEqual([true]);
    follower.stop();
    expect(socket.closedWith).toBe(1000);
  });

  it("opens a new socket after a dropped connection, waiting longer after each failure and starting over once connected", async () => {
    const sockets: FakeSocket[] = [];
    let refuse = 0;
    const connect = vi.fn(async () => {
      if (refuse > 0) {
        refuse--;
        throw new ApiError(503, "not_ready", "restarting");
      }
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    });
    const { follower, liveChanges } = follow(connect);
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.send({ type: "connected" });
    refuse = 2;
    sockets[0]!.drop(1006);
    expect(liveChanges).toEqual([true, false]);
    // 1 s, then 2 s, then 4 s after each failed attempt.
    await vi.advanceTimersByTimeAsync(999);
    expect(connect).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(connect).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(connect).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(3999);
    expect(connect).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(connect).toHaveBeenCalledTimes(4);
    sockets[1]!.send({ type: "connected" });
    expect(follower.live).toBe(true);
    sockets[1]!.drop(4001);
    await vi.advanceTimersByTimeAsync(1000);
    expect(connect).toHaveBeenCalledTimes(5);
    follower.stop();
  });

  it.each([
    [1000, "the interview is over"],
    [4000, "another tab follows it"],
    [4003, "the interview went on in another browser"],
    [4004, "the interview was erased"],
  ])("stops for good on close %i (%s)", async (code) => {
    const socket = new FakeSocket();
    const connect = vi.fn(async () => socket);
    const { follower, liveChanges } = follow(connect);
    await vi.advanceTimersByTimeAsync(0);
    socket.send({ type: "connected" });
    socket.drop(code);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(connect).toHaveBeenCalledTimes(1);
    expect(liveChanges).toEqual([true, false]);
    expect(follower.live).toBe(false);
  });

  it("gives up when the ticket is refused for good (erased interview, credentials that may not see it)", async () => {
    const connect = vi.fn(async (): Promise<SocketLike> => {
      throw new ApiError(404, "not_found", "No interview t1.");
    });
    follow(connect);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it("after stop: no reconnect, and a socket that opens late is closed at once", async () => {
    let deliver: (socket: SocketLike) => void = () => {};
    const connect = vi.fn(() => new Promise<SocketLike>((resolve) => (deliver = resolve)));
    const { follower, onTurn } = follow(connect);
    follower.stop();
    const late = new FakeSocket();
    deliver(late);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(late.closedWith).toBe(1000);
    late.send({ type: "question" });
    expect(onTurn).not.toHaveBeenCalled();
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it("opens the socket with the ticket's subprotocols, a new ticket for every connection", async () => {
    let n = 0;
    const api = {
      socketTicket: vi.fn(async () => ({ ticket: `wst_${++n}`, expires_in: 30, protocols: ["interview.v1", `ticket.wst_${n}`] })),
      socketUrl: (id: string) => `ws://api.test/ws/interview/${id}`,
    };
    const opened: [string, string[]][] = [];
    const connect = interviewSocket(api, "t 1", (url, protocols) => (opened.push([url, protocols]), new FakeSocket()));
    await connect();
    await connect();
    expect(opened).toEqual([
      ["ws://api.test/ws/interview/t 1", ["interview.v1", "ticket.wst_1"]],
      ["ws://api.test/ws/interview/t 1", ["interview.v1", "ticket.wst_2"]],
    ]);
    expect(api.socketTicket).toHaveBeenCalledWith("t 1");
  });
});
