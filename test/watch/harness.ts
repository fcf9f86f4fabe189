import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, vi } from "vitest";
import { registerLineTable } from "../../src/store/blocks.js";

export const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
const binary = join(repositoryRoot, "bin", "mcadvisor.js");
// The safety sweep is off: a lost wake-up must show as a line never read, whatever the deadline (a loaded
// machine needs generous ones: these tests assert what is stored, never how fast).
const environment = { ...process.env, NO_COLOR: "1", TZ: "UTC", MCADVISOR_WATCH_SWEEP_SECONDS: "0" };

/** Deadlines that a loaded 2-core machine meets (two CPU burners and other test runs beside it). */
export const STORED_DEADLINE_MS = 30_000;
const READY_DEADLINE_MS = 60_000;
// A test makes several such waits in turn (each returns as soon as its lines are there).
vi.setConfig({ testTimeout: 300_000 });

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) (cleanups.pop() as () => void)();
});

/** A node tree under a fresh temp folder: ROOT/var/adm/syslog and ROOT/etc/cmcluster exist. */
export function nodeTree(): { root: string; syslogDir: string; syslog: string; cmcluster: string; db: string } {
  const base = mkdtempSync(join(tmpdir(), "mcadvisor-watch-"));
  cleanups.push(() => rmSync(base, { recursive: true, force: true }));
  const root = join(base, "nodeB1");
  const syslogDir = join(root, "var", "adm", "syslog");
  const cmcluster = join(root, "etc", "cmcluster");
  mkdirSync(syslogDir, { recursive: true });
  mkdirSync(cmcluster, { recursive: true });
  return { root, syslogDir, syslog: join(syslogDir, "syslog.log"), cmcluster, db: join(base, "watch.db") };
}

/** A syslog line stamped now (UTC), so the engine's wall-clock watermark and analyze agree. */
export function syslogLine(message: string, host = "nodeB1"): string {
  const now = new Date();
  const month = now.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
  const clock = now.toISOString().slice(11, 19);
  return `${month} ${String(now.getUTCDate()).padStart(2, " ")} ${clock} ${host} ${message}`;
}

export interface Watcher {
  readonly process: ChildProcess;
  readonly stdout: string[];
  stderr(): string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  waitForStdout(predicate: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  stop(): Promise<number | null>;
}

export async function startWatch(args: readonly string[]): Promise<Watcher> {
  const child = spawn(process.execPath, [binary, "watch", ...args], { cwd: repositoryRoot, env: environment, stdio: ["ignore", "pipe", "pipe"] });
  const stdout: string[] = [];
  let stderr = "";
  let partial = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    stdout.push(...parts);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  const watcher: Watcher = {
    process: child,
    stdout,
    stderr: () => stderr,
    exited,
    waitForStdout: (predicate, timeoutMs = STORED_DEADLINE_MS) =>
      waitUntil(() => stdout.find(predicate), `stdout line (stdout: ${stdout.join("\n")}; stderr: ${stderr})`, timeoutMs),
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
  await Promise.race([
    waitUntil(() => (stderr.includes("watching ") ? true : undefined), "the watcher to be ready", READY_DEADLINE_MS),
    exited.then((code) => {
      throw new Error(`watch exited with ${code} before it was ready: ${stderr}`);
    }),
  ]);
  return watcher;
}

/** Polls `probe` until it returns a value (not undefined), or fails after the deadline. */
export async function waitUntil<T>(probe: () => T | undefined, what: string, timeoutMs = STORED_DEADLINE_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveLater) => setTimeout(resolveLater, 25));
  }
}

/** A read-only WAL reader beside the writer, able to read log_lines (it decodes blocks with block_lines). */
function reader(db: string): Database.Database {
  const database = new Database(db, { readonly: true, fileMustExist: true });
  registerLineTable(database);
  return database;
}

/** Texts stored for lines, by file and line. */
export function storedTexts(db: string): string[] {
  if (!existsSync(db)) return [];
  const database = reader(db);
  try {
    return (database.prepare("SELECT text FROM log_lines ORDER BY line_id").all() as { text: string }[]).map((row) => row.text);
  } finally {
    database.close();
  }
}

export function query<T>(db: string, sql: string, ...parameters: unknown[]): T[] {
  const database = reader(db);
  try {
    return database.prepare(sql).all(...parameters) as T[];
  } finally {
    database.close();
  }
}

/** Waits until the stored texts are exactly `expected` (as a multiset). With the safety sweep off, a lost wake-up never gets there. */
export async function waitForExactly(db: string, expected: readonly string[], timeoutMs = STORED_DEADLINE_MS): Promise<string[]> {
  const wanted = [...expected].sort();
  let last: string[] = [];
  try {
    return await waitUntil(
      () => {
        last = storedTexts(db).sort();
        return last.length >= wanted.length && JSON.stringify(last) === JSON.stringify(wanted) ? last : undefined;
      },
      "stored lines",
      timeoutMs,
    );
  } catch {
    const missing = wanted.filter((text) => !last.includes(text));
    const counts = new Map<string, number>();
    for (const text of last) counts.set(text, (counts.get(text) ?? 0) + 1);
    const duplicated = [...counts].filter(([, count]) => count > 1).map(([text]) => text);
    const extra = last.filter((text) => !wanted.includes(text));
    throw new Error(
      `stored lines differ: ${missing.length} missing (${missing.slice(0, 5).join(" | ")}), duplicated: ${duplicated.slice(0, 5).join(" | ")}, unexpected: ${extra.slice(0, 5).join(" | ")}; ${last.length} stored, ${wanted.length} expected`,
    );
  }
}

export function runAnalyze(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [binary, "analyze", ...args], { cwd: repositoryRoot, env: environment, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function lines(prefix: string, from: number, to: number): string[] {
  const result: string[] = [];
  for (let index = from; index <= to; index++) result.push(syslogLine(`app[1]: ${prefix}${index}`));
  return result;
}
