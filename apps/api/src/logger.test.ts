import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, errorFacts, pathForLog } from "./logger.js";

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

describe("identifiers in logs", () => {
  const logLine = (fields: Record<string, unknown>) => {
    let line = "";
    const sink = new Writable({ write: (chunk, _encoding, done) => void ((line += String(chunk)), done()) });
    createLogger("info", sink).info(fields);
    return JSON.parse(line) as Record<string, unknown>;
  };

  it("keeps a numeric thread id, so an applicant-tracking number can be searched for", () => {
    expect(logLine({ threadId: "2024001234567", path: "/interviews/2024001234567/report.pdf" })).toMatchObject({
      threadId: "2024001234567",
      path: "/interviews/2024001234567/report.pdf",
    });
    expect(logLine({ threadId: "00000000-0000-0000-0000-000000000000" }).threadId).toBe("00000000-0000-0000-0000-000000000000");
  });

  it("still takes out a thread id written as an e-mail address or a phone number", () => {
    const line = logLine({ threadId: "ana.lima@example.com", path: "/interviews/+44 7700 900123" });
    expect(line).toMatchObject({ threadId: "[email]", path: "/interviews/[phone]" });
  });

  it("never writes an invite link's token", () => {
    expect(pathForLog("/invite/Mhzl_HWa9x")).toBe("/invite/{token}");
    expect(pathForLog("/invites/Mhzl_HWa9x/start")).toBe("/invites/{token}/start");
    expect(pathForLog("/interviews/abc")).toBe("/interviews/abc");
  });
});
