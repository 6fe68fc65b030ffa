/** Where the interview lives in the URL, so a reload or a shared link returns to it. */

const PATH = /^\/interview\/([^/]+)\/?$/;

/** The thread id in `/interview/<id>` or `?thread=<id>`, or null on the set-up page. */
export function threadFromLocation(pathname: string, search: string): string | null {
  const match = PATH.exec(pathname);
  if (match?.[1]) {
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return null;
    }
  }
  const fromQuery = new URLSearchParams(search).get("thread")?.trim();
  return fromQuery || null;
}

export const interviewPath = (threadId: string) => `/interview/${encodeURIComponent(threadId)}`;
