import { describe, expect, it } from "vitest";
import { describeError, STATUS } from "./http-errors.js";

const pgError = (code: string) => Object.assign(new Error("from the database"), { code });

describe("describeError", () => {
  it("answers a database out of connections or restarting with 503 and Retry-After, so clients retry instead of giving up", () => {
    for (const code of ["53300", "57P01", "57P03", "08006", "ECONNREFUSED"]) {
      const described = describeError(pgError(code));
      expect(described.code, code).toBe("not_ready");
      expect(STATUS[described.code]).toBe(503);
      expect(described.retryAfterSeconds).toBeGreaterThan(0);
      expect(described.message).not.toContain("from the database");
    }
  });

  it("keeps a database error that retrying cannot fix (a constraint, a bad value) a 500 with no details", () => {
    for (const code of ["23505", "22P02", "42P01"]) {
      const described = describeError(pgError(code));
      expect(described.code, code).toBe("internal_error");
      expect(described.message).not.toContain("from the database");
    }
  });
});
