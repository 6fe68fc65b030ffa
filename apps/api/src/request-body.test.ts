import { describe, expect, it } from "vitest";
import { unknownFieldsMessage } from "./request-body.js";

const KNOWN = ["job_title", "question_type", "max_step", "cv_text", "thread_id"];

describe("unknown request fields", () => {
  it("offers the field a typo was meant to be: a plural, other casing, dashes", () => {
    expect(unknownFieldsMessage(["max_steps"], KNOWN)).toBe("Unknown field: max_steps (did you mean max_step?). This request takes job_title, question_type, max_step, cv_text, thread_id.");
    expect(unknownFieldsMessage(["jobTitle", "question-type"], KNOWN)).toMatch(/^Unknown fields: jobTitle \(did you mean job_title\?\), question-type \(did you mean question_type\?\)\. /);
  });

  it("offers the fields a shortened name is a word of", () => {
    expect(unknownFieldsMessage(["thread"], KNOWN)).toMatch(/^Unknown field: thread \(did you mean thread_id\?\)\. /);
    expect(unknownFieldsMessage(["title"], KNOWN)).toMatch(/^Unknown field: title \(did you mean job_title\?\)\. /);
    expect(unknownFieldsMessage(["job"], [...KNOWN, "job_id"])).toMatch(/^Unknown field: job \(did you mean job_title or job_id\?\)\. /);
  });

  it("offers nothing for a field that is like none of them", () => {
    expect(unknownFieldsMessage(["colour"], KNOWN)).toMatch(/^Unknown field: colour\. This request takes /);
    expect(unknownFieldsMessage(["cv"], ["tts", "audio"])).toBe("Unknown field: cv. This request takes tts, audio.");
  });
});
