import { createServer } from "node:net";
import pg from "pg";
import { EMBEDDED_PASSWORD, EMBEDDED_USER, EmbeddedDatabaseError, runningEmbeddedServer, startEmbeddedPostgres } from "./embedded-postgres.js";

export { runningEmbeddedServer, EmbeddedDatabaseError } from "./embedded-postgres.js";

export interface Database {
  pool: pg.Pool;
  /** "external" when DATABASE_URL was given, "embedded" when this process uses the embedded PostgreSQL. */
  kind: "external" | "embedded";
  /** Where the embedded server keeps its data (it may differ from DATA_DIR, see embedded-postgres.ts). */
  dataLocation?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** An external PostgreSQL; when absent, an embedded one is started under `dataDir`. */
  url?: string | undefined;
  dataDir: string;
  /** Port for the embedded server; a free one is picked when absent. */
  port?: number | undefined;
  poolSize?: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A pool whose idle connections may be dropped by the server (restart, failover) without
 * crashing the process; the next query reconnects or reports the error to its caller.
 */
function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on("error", () => undefined);
  return pool;
}

async function connected(pool: pg.Pool, what: string): Promise<pg.Pool> {
  try {
    await pool.query("select 1");
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new EmbeddedDatabaseError(`Could not connect to ${what} (${(error as Error).message}).`);
  }
}

/** Opens the external database, or starts (or shares, or re-adopts) the embedded one. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const max = options.poolSize ?? 20;
  if (options.url) {
    const pool = await connected(createPool({ connectionString: options.url, max }), "the database at DATABASE_URL");
    return { pool, kind: "external", close: () => pool.end() };
  }
  const embedded = (port: number) =>
    createPool({ host: "127.0.0.1", port, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD, database: "postgres", max });
  const running = runningEmbeddedServer(options.dataDir);
  if (running) {
    // Another live process (the API, say) runs it: share it. Left over by a killed process: adopt it.
    const pool = await connected(embedded(running.port), "the embedded PostgreSQL");
    const server = running.ownedByLiveProcess ? null : { stop: () => import("./embedded-postgres.js").then((m) => m.stopEmbeddedPostgres(options.dataDir)) };
    return {
      pool,
      kind: "embedded",
      close: async () => {
        await pool.end();
        await server?.stop();
      },
    };
  }
  const server = await startEmbeddedPostgres(options.dataDir, options.port ?? (await freePort()));
  const pool = await connected(embedded(server.port), "the embedded PostgreSQL");
  return {
    pool,
    kind: "embedded",
    dataLocation: server.dataDir,
    close: async () => {
      await pool.end();
      await server.stop();
    },
  };
}
