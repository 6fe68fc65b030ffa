import { describe, expect, it } from "vitest";
import { append, upsertBy } from "./state.js";

type Item = { id: string; v: number };
const upsert = upsertBy<Item>("id");

describe("reducers", () => {
  it.each([
    { name: "appends new items", current: [{ id: "a", v: 1 }], update: [{ id: "b", v: 2 }], expected: [{ id: "a", v: 1 }, { id: "b", v: 2 }] },
    { name: "replaces an item with the same key in place", current: [{ id: "a", v: 1 }, { id: "b", v: 2 }], update: { id: "a", v: 9 }, expected: [{ id: "a", v: 9 }, { id: "b", v: 2 }] },
    { name: "accepts a single item", current: [], update: { id: "a", v: 1 }, expected: [{ id: "a", v: 1 }] },
    { name: "is idempotent when the same update is applied twice", current: [{ id: "a", v: 1 }], update: [{ id: "a", v: 1 }], expected: [{ id: "a", v: 1 }] },
  ])("upsertBy $name", ({ current, update, expected }) => {
    expect(upsert(current, update)).toEqual(expected);
  });

  it.each([
    { current: [1], update: [2, 3], expected: [1, 2, 3] },
    { current: [], update: 4, expected: [4] },
  ])("append $current + $update", ({ current, update, expected }) => {
    expect(append<number>(current, update)).toEqual(expected);
  });
});
