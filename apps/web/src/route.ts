/** Where the page is, from its URL, so a reload or a shared link returns to it. */

const INTERVIEW = /^\/interview\/([^/]+)\/?$/;
const INVITE = /^\/invite\/([^/]+)\/?$/;
const TEAM = /^\/team\/?$/;
const REVIEW = /^\/team\/interview\/([^/]+)\/?$/;

export type Route =
  | { view: "setup" }
  | { view: "interview"; threadId: string }
  | { view: "team" }
  | { view: "review"; threadId: string }
  | { view: "invite"; token: string };

const decode = (part: string | undefined) => {
  if (!part) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
};

export function routeFromLocation(pathname: string, search: string): Route {
  const thread = threadFromLocation(pathname, search);
  if (thread) return { view: "interview", threadId: thread };
  const reviewed = decode(REVIEW.exec(pathname)?.[1]);
  if (reviewed) return { view: "review", threadId: reviewed };
  const token = decode(INVITE.exec(pathname)?.[1]);
  if (token) return { view: "invite", token };
  if (TEAM.test(pathname)) return { view: "team" };
  return { view: "setup" };
}

/** The thread id in `/interview/<id>` or `?thread=<id>`, or null elsewhere. */
export function threadFromLocation(pathname: string, search: string): string | null {
  const match = INTERVIEW.exec(pathname);
  if (match) return decode(match[1]);
  const fromQuery = new URLSearchParams(search).get("thread")?.trim();
  return fromQuery || null;
}

export const interviewPath = (threadId: string) => `/interview/${encodeURIComponent(threadId)}`;
export const invitePath = (token: string) => `/invite/${encodeURIComponent(token)}`;
export const TEAM_PATH = "/team";
/** The hiring team's read-only view of an interview: it follows the candidate, it cannot answer. */
export const reviewPath = (threadId: string) => `${TEAM_PATH}/interview/${encodeURIComponent(threadId)}`;
