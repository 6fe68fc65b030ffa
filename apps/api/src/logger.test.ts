import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, errorFacts } from "./logger.js";

describe("errorFacts", () => {
  it("keeps an error's class and code, so an operator can tell a full database from a bug, but not its message", () => {
    const tooMany = Object.assign(new Error("sorry, too many clients already"), { code: "53300" });
    expect(errorFacts(tooMany)).toEqual({ name: "Error", code: "53300" });
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(errorFacts(refused)).toEqual({ name: "Error", code: "ECONNREFUSED" });
  });

  it("drops a code that could carry text from the request", () => {
    const quoting = Object.assign(new TypeError("bad"), { code: "jane.doe@example.com wrote this" });
    expect(errorFacts(quoting)).toEqual({ name: "TypeError" });
    expect(errorFacts("a thrown string")).toEqual({ name: "string" });
  });

  it("writes only those facts in a log line", () => {
    let line = "";
    const sink = new Writable({ write: (chunk, _encoding, done) => void ((line += String(chunk)), done()) });
    createLogger("info", sink).error({ err: errorFacts(Object.assign(new Error("Answer: my phone is 0612345678"), { code: "22P02" })) }, "request failed");
    expect(JSON.parse(line).err).toEqual({ name: "Error", code: "22P02" });
    expect(line).not.toContain("phone");
  });
});
