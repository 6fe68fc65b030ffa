import { describe, expect, it } from "vitest";
import { stem } from "../text/words.js";
import { StemVocabulary, sameStem } from "./stems.js";

const WORDS = (
  "deploy deployment deployed deploys cache caching cached temper temperature lamination laminated laminate api apis " +
  "go gone scale scaling scalability server servers serve service services bug bugs debugging run runs runtime " +
  "migration migrate migrated sql query queries queue queues index indexes indexing it its"
).split(" ").map(stem);

describe("StemVocabulary", () => {
  it("holds a stem exactly when one of its stems is sameStem to it", () => {
    const vocabulary = new StemVocabulary(WORDS.filter((_, i) => i % 3 === 0));
    for (const word of [...WORDS, "deploym", "temp", "cach", "a", "zz"]) {
      expect(vocabulary.has(word), word).toBe(WORDS.filter((_, i) => i % 3 === 0).some((s) => sameStem(word, s)));
    }
  });

  it("matches derived forms and keeps short words exact", () => {
    const vocabulary = new StemVocabulary(["deploy", "go"]);
    expect(vocabulary.has("deployment")).toBe(true);
    expect(vocabulary.has("go")).toBe(true);
    expect(vocabulary.has("gone")).toBe(false);
  });
});
