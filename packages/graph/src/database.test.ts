import { describe, expect, inject, it } from "vitest";
import { openDatabase, parseByteaArray } from "./database.js";

const preparedOnOneConnection = async (prepareStatements: boolean) => {
  const database = await openDatabase({ url: inject("databaseUrl"), dataDir: "", poolSize: 1, prepareStatements });
  try {
    const sql = "select $1::int + 1 as next";
    const first = await database.pool.query(sql, [41]);
    const second = await database.pool.query(sql, [1]);
    const { rows } = await database.pool.query<{ count: string }>("select count(*) from pg_prepared_statements where statement = $1", [sql]);
    return { results: [first.rows[0].next, second.rows[0].next], prepared: Number(rows[0]!.count) };
  } finally {
    await database.close();
  }
};

describe("database pool", () => {
  it("prepares each parameterized statement once per connection, and can be told not to", async () => {
    await expect(preparedOnOneConnection(true)).resolves.toEqual({ results: [42, 2], prepared: 1 });
    await expect(preparedOnOneConnection(false)).resolves.toEqual({ results: [42, 2], prepared: 0 });
  });

  it("parses bytea arrays, nested and with NULLs, into buffers", () => {
    expect(parseByteaArray('{"\\\\x6869",NULL,{"\\\\x"}}')).toEqual([Buffer.from("hi"), null, [Buffer.alloc(0)]]);
  });
});
