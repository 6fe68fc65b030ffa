import { describe, expect, it } from "vitest";
import { AnswerAttempts, StartAttempts, uuid } from "./attempts";

const counter = () => {
  let n = 0;
  return () => `key-${++n}`;
};

describe("answer attempts", () => {
  it("reuses the key when the same answer to the same question is sent again after a failure", () => {
    const attempts = new AnswerAttempts(counter());
    const first = attempts.keyFor("t1", "q1", "I led the migration.");
    expect(attempts.keyFor("t1", "q1", "  I led the migration.  ")).toBe(first);
  });

  it("uses a new key for a different answer, another question, or once the answer got its reply", () => {
    const attempts = new AnswerAttempts(counter());
    const first = attempts.keyFor("t1", "q1", "Answer A");
    const edited = attempts.keyFor("t1", "q1", "Answer B");
    expect(edited).not.toBe(first);
    expect(attempts.keyFor("t1", "q2", "Answer B")).not.toBe(edited);
    const sent = attempts.keyFor("t1", "q2", "Answer B");
    attempts.settle();
    expect(attempts.keyFor("t1", "q2", "Answer B")).not.toBe(sent);
    expect(attempts.keyFor("t2", "q2", "Answer B")).not.toBe(attempts.keyFor("t1", "q2", "Answer B"));
  });

  it("tells recordings apart by the recording, not its bytes: the same recording retried keeps its key", () => {
    const attempts = new AnswerAttempts(counter());
    const recording = new Blob([new Uint8Array([1, 2, 3])], { type: "audio/webm" });
    const key = attempts.keyFor("t1", "q1", recording);
    expect(attempts.keyFor("t1", "q1", recording)).toBe(key);
    expect(attempts.keyFor("t1", "q1", new Blob([new Uint8Array([1, 2, 3])], { type: "audio/webm" }))).not.toBe(key);
  });

  it("makes version 4 UUIDs, also where crypto.randomUUID is missing (plain http pages)", () => {
    const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(uuid()).toMatch(pattern);
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 50 }, uuid));
      expect(keys.size).toBe(50);
      for (const k of keys) expect(k).toMatch(pattern);
    } finally {
      Object.defineProperty(crypto, "randomUUID", { value: original, configurable: true });
    }
  });
});

describe("start attempts", () => {
  it("keeps the key while the same form and CV are sent again, and changes it for another form or once answered", () => {
    const attempts = new StartAttempts(counter());
    const cv = new File([new Uint8Array([37, 80, 68, 70])], "cv.pdf", { type: "application/pdf" });
    const first = attempts.keyFor({ job_title: "Backend Engineer", question_type: "technical" }, cv);
    expect(attempts.keyFor({ job_title: "Backend Engineer", question_type: "technical" }, cv)).toBe(first);
    expect(attempts.keyFor({ job_title: "Backend Engineer", question_type: "mixed" }, cv)).not.toBe(first);
    const other = attempts.keyFor({ job_title: "Backend Engineer", question_type: "mixed" }, null);
    attempts.settle();
    expect(attempts.keyFor({ job_title: "Backend Engineer", question_type: "mixed" }, null)).not.toBe(other);
  });
});

