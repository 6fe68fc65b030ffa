import { describe, expect, it } from "vitest";
import { createCredentials } from "./credentials";

const memoryStorage = () => {
  const map = new Map<string, string>();
  return { map, storage: { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) } };
};

describe("credentials kept in the browser", () => {
  it("keeps each interview's access token under its own name, and forgets it", () => {
    const { map, storage } = memoryStorage();
    const c = createCredentials(() => storage);
    c.accessTokens.set("t1", "itk_one");
    c.accessTokens.set("t2", "itk_two");
    expect(c.accessTokens.get("t1")).toBe("itk_one");
    expect([...map.keys()].sort()).toEqual(["interview.accessToken.t1", "interview.accessToken.t2"]);
    c.accessTokens.forget("t1");
    expect(c.accessTokens.get("t1")).toBeNull();
    expect(createCredentials(() => storage).accessTokens.get("t2")).toBe("itk_two");
  });

  it("remembers the invite link an interview came from until the interview is forgotten", () => {
    const { map, storage } = memoryStorage();
    const c = createCredentials(() => storage);
    c.accessTokens.set("t1", "itk_one");
    c.inviteLinks.set("t1", "inv_link");
    expect(createCredentials(() => storage).inviteLinks.get("t1")).toBe("inv_link");
    expect(c.inviteLinks.get("t2")).toBeNull();
    c.accessTokens.forget("t1");
    expect(c.inviteLinks.get("t1")).toBeNull();
    expect(map.size).toBe(0);
  });

  it("keeps the team's key apart from interview tokens", () => {
    const { map, storage } = memoryStorage();
    const c = createCredentials(() => storage);
    c.apiKey.set("team-key");
    expect(c.apiKey.get()).toBe("team-key");
    expect(c.accessTokens.get("team-key")).toBeNull();
    c.apiKey.set(null);
    expect(map.size).toBe(0);
  });

  it("still works for this page when storage is disabled", () => {
    const broken = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("denied"); }, removeItem: () => { throw new Error("denied"); } };
    const c = createCredentials(() => broken);
    c.accessTokens.set("t1", "itk_one");
    expect(c.accessTokens.get("t1")).toBe("itk_one");
  });
});
