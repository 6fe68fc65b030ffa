/**
 * What the page keeps to call the API, and nothing else: the team's API key, and the access token
 * of each interview started from an invite link (it opens that interview only, so a candidate
 * needs no key) with that link, to take the interview back after it went on in another browser.
 * They live in this browser's localStorage, under names that say what they are; an interview's
 * token and link are forgotten when the interview is erased.
 */

const KEY = "interview.apiKey";
const TOKEN = (threadId: string) => `interview.accessToken.${threadId}`;
const INVITE = (threadId: string) => `interview.inviteLink.${threadId}`;

type Storage = Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem">;

function safe(storage: () => Storage | null) {
  return {
    get(name: string): string | null {
      try {
        return storage()?.getItem(name) ?? null;
      } catch {
        return null;
      }
    },
    set(name: string, value: string | null) {
      try {
        if (value) storage()?.setItem(name, value);
        else storage()?.removeItem(name);
      } catch {
        // storage disabled: the value lives for this page only
      }
    },
  };
}

export function createCredentials(storage: () => Storage | null = () => globalThis.localStorage ?? null) {
  const store = safe(storage);
  // When storage is disabled, what was saved still works until the page is left.
  const memory = new Map<string, string>();
  const get = (name: string) => store.get(name) ?? memory.get(name) ?? null;
  const set = (name: string, value: string | null) => {
    if (value) memory.set(name, value);
    else memory.delete(name);
    store.set(name, value);
  };
  return {
    apiKey: { get: () => get(KEY), set: (key: string | null) => set(KEY, key) },
    accessTokens: {
      get: (threadId: string) => get(TOKEN(threadId)),
      set: (threadId: string, token: string) => set(TOKEN(threadId), token),
      /** Also forgets the invite link the interview came from. */
      forget: (threadId: string) => {
        set(TOKEN(threadId), null);
        set(INVITE(threadId), null);
      },
    },
    /** The invite link's token an interview was started (or continued) from in this browser. */
    inviteLinks: {
      get: (threadId: string) => get(INVITE(threadId)),
      set: (threadId: string, inviteToken: string) => set(INVITE(threadId), inviteToken),
    },
  };
}

export const credentials = createCredentials();
