import type { Context } from "hono";
import { InterviewError } from "@interview/graph";
import type { AppDeps, AppEnv } from "../app-types.js";
import { ACCESS_TOKEN_PREFIX, authorizeInterview, digest, identify, principalOf, UNKNOWN_ACCESS_TOKEN, type Principal } from "../access.js";
import { offeredProtocols, SUBPROTOCOL, TICKET_PROTOCOL_PREFIX, TOKEN_PROTOCOL_PREFIX } from "./protocol.js";
import type { TicketStore } from "./tickets.js";

const protocolValue = (offered: string[], prefix: string) => offered.find((p) => p.startsWith(prefix))?.slice(prefix.length);

/**
 * Who opens the socket. Browsers cannot set Authorization on a WebSocket, so the credential may
 * ride in `Sec-WebSocket-Protocol` beside `interview.v1`: a ticket (preferred: single use, a few
 * seconds) or the interview's access token. Node clients may send Authorization as on HTTP.
 * Nothing here goes in the URL, which reaches access logs.
 */
export async function authenticateSocket(c: Context<AppEnv>, deps: AppDeps, tickets: TicketStore, threadId: string): Promise<Principal> {
  const offered = offeredProtocols(c.req.header("sec-websocket-protocol"));
  if (offered.length > 0 && !offered.includes(SUBPROTOCOL)) {
    throw new InterviewError("invalid_input", `Offer the "${SUBPROTOCOL}" subprotocol in Sec-WebSocket-Protocol.`);
  }
  const { apiKeys } = deps.settings;
  // An open server (no API_KEYS) is open to everyone, as on HTTP: credentials restrict nothing.
  if (apiKeys.length === 0) return { kind: "open" };

  const ticket = protocolValue(offered, TICKET_PROTOCOL_PREFIX);
  if (ticket !== undefined) {
    const grant = await tickets.redeem(ticket);
    if (!grant) throw new InterviewError("unauthorized", "Unknown, used or expired ticket; ask for a new one with POST /interviews/{thread_id}/ws-ticket.");
    // Used up all the same: a ticket sent to the wrong interview is not tried again.
    if (grant.threadId !== threadId) throw new InterviewError("forbidden", "This ticket is for another interview.");
    // Checked again below: the candidate's token may have been replaced since the ticket was issued.
    c.set("principal", grant.principal);
  } else {
    await credentialsOf(c, apiKeys, offered);
  }
  await authorizeInterview(c, deps.service, threadId);
  return principalOf(c);
}

/** The access token in the subprotocol header, or the API key in Authorization, as the request's principal. */
async function credentialsOf(c: Context<AppEnv>, apiKeys: string[], offered: string[]): Promise<void> {
  const token = protocolValue(offered, TOKEN_PROTOCOL_PREFIX);
  if (token !== undefined) {
    if (!token.startsWith(ACCESS_TOKEN_PREFIX)) throw new InterviewError("unauthorized", UNKNOWN_ACCESS_TOKEN);
    c.set("principal", { kind: "candidate", tokenDigest: digest(token) });
  } else if (c.req.header("authorization")) {
    await identify(apiKeys)(c, async () => undefined);
  } else {
    throw new InterviewError(
      "unauthorized",
      `Send a ticket from POST /interviews/{thread_id}/ws-ticket in Sec-WebSocket-Protocol ("${SUBPROTOCOL}, ${TICKET_PROTOCOL_PREFIX}<ticket>"), or Authorization: Bearer <API key>.`,
    );
  }
}
