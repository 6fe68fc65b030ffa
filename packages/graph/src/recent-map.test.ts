import { describe, expect, it } from "vitest";
import { RecentMap } from "./recent-map.js";

describe("recent map", () => {
  it("drops the least recently used beyond its budget, and what is larger than the budget", () => {
    const map = new RecentMap<string>({ maxSize: 10, maxIdleMs: 60_000, sizeOf: (v) => v.length });
    map.set("a", "aaaa");
    map.set("b", "bbbb");
    expect(map.get("a")).toBe("aaaa");
    map.set("c", "cccc");
    expect([map.get("a"), map.get("b"), map.get("c")]).toEqual(["aaaa", undefined, "cccc"]);
    map.set("d", "d".repeat(11));
    expect(map.get("d")).toBeUndefined();
    expect(map.size).toBe(2);
  });

  it("forgets what was not used for longer than maxIdleMs", () => {
    let now = 0;
    const map = new RecentMap<number>({ maxSize: 100, maxIdleMs: 1_000, now: () => now });
    map.set("old", 1);
    map.set("used", 2);
    now = 900;
    expect(map.get("used")).toBe(2);
    now = 1_500;
    map.sweep();
    expect([map.get("old"), map.get("used")]).toEqual([undefined, 2]);
    now = 10_000;
    expect(map.get("used")).toBeUndefined();
    expect(map.size).toBe(0);
  });
});
