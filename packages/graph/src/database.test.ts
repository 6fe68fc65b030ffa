import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, runningEmbeddedServer } from "./database.js";

describe("embedded PostgreSQL", () => {
  it("starts from a data folder inside a folder only its owner may enter, keeps its data, and stops", async () => {
    const privateDir = mkdtempSync(path.join(tmpdir(), "interview-private-"));
    chmodSync(privateDir, 0o700);
    const dataDir = path.join(privateDir, "data");
    try {
      const first = await openDatabase({ dataDir, poolSize: 1 });
      await first.pool.query("create table kept (v int); insert into kept values (42)");
      const running = runningEmbeddedServer(dataDir);
      expect(running?.port).toBeGreaterThan(0);
      await first.close();
      expect(runningEmbeddedServer(dataDir)).toBeNull();

      const again = await openDatabase({ dataDir, poolSize: 1 });
      await expect(again.pool.query("select v from kept")).resolves.toMatchObject({ rows: [{ v: 42 }] });
      await again.close();
      if (process.getuid?.() === 0) {
        // As root the server runs as `postgres`, which cannot enter the private folder: its data lives where it can.
        expect(first.dataLocation).toMatch(/^\/var\/lib\/interview-engine\/data\//);
        rmSync(path.dirname(first.dataLocation!), { recursive: true, force: true });
      } else {
        expect(first.dataLocation).toBe(path.join(dataDir, "pg"));
      }
    } finally {
      rmSync(privateDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("says in one line what to do when it cannot connect", async () => {
    const error = await openDatabase({ url: "postgres://nobody:wrong@127.0.0.1:1/none", dataDir: "" }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Could not connect to the database at DATABASE_URL \(.+\)\.$/);
    expect((error as Error).message).not.toContain("\n");
    expect((error as Error).message).not.toContain("wrong");
  });
});
