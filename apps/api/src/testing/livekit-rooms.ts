import { createServer } from "node:http";
import { jwtVerify } from "jose";
import { listenOnLoopback } from "@interview/graph/testing";

export interface LiveKitRoomServer {
  /** ws://127.0.0.1:port, as LIVEKIT_URL is set. */
  url: string;
  /** Rooms asked to be deleted, in order, by requests signed with the secret and allowed to create rooms. */
  requested: string[];
  /** Rooms with someone in them (tests add them, as a browser joining would); deleting one removes it. */
  live: Set<string>;
  /** Rooms whose deletion fails with a server error, as an overloaded LiveKit would answer. */
  failing: Set<string>;
  /** Rooms whose DeleteRoom has been answered (after `requested`, once the reply is sent). */
  answered: string[];
  /** Requests refused for a bad signature or grant. */
  refused: number;
  close(): Promise<void>;
}

/**
 * LiveKit's RoomService on loopback, as far as DeleteRoom goes: Twirp JSON over HTTP
 * (`POST /twirp/livekit.RoomService/DeleteRoom`, body `{"room": …}`), authorised by a JWT signed
 * with the API secret whose `video.roomCreate` grant is set. An unknown room is a Twirp `not_found`.
 */
export async function startLiveKitRoomServer(apiKey: string, secret: string): Promise<LiveKitRoomServer> {
  const requested: string[] = [];
  const answered: string[] = [];
  const live = new Set<string>();
  const failing = new Set<string>();
  let refused = 0;
  const twirpError = (status: number, code: string, msg: string) => ({ status, body: { code, msg } });
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      void (async () => {
        let room: string | undefined;
        try {
          room = (JSON.parse(raw || "{}") as { room?: string }).room;
        } catch {
          room = undefined;
        }
        const reply = await (async () => {
          if (req.method !== "POST" || req.url !== "/twirp/livekit.RoomService/DeleteRoom") return twirpError(404, "bad_route", "no such method");
          try {
            const { payload } = await jwtVerify((req.headers.authorization ?? "").replace(/^Bearer /, ""), new TextEncoder().encode(secret), { issuer: apiKey });
            if (!(payload as { video?: { roomCreate?: boolean } }).video?.roomCreate) throw new Error("no roomCreate grant");
          } catch {
            refused += 1;
            return twirpError(401, "unauthenticated", "invalid token");
          }
          if (room) requested.push(room);
          if (room && failing.has(room)) return twirpError(503, "unavailable", "try again later");
          if (!room || !live.delete(room)) return twirpError(404, "not_found", "requested room does not exist");
          return { status: 200, body: {} };
        })();
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(JSON.stringify(reply.body), () => room && answered.push(room));
      })();
    });
  });
  const { url, close } = await listenOnLoopback(server);
  return {
    url: url.replace(/^http/, "ws"),
    requested,
    live,
    failing,
    answered,
    get refused() {
      return refused;
    },
    close,
  };
}
