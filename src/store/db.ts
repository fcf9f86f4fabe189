import { mkdirSync, existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { homedir } from "node:os";
import { StoreError } from "../errors.js";
import { migrations, schemaVersion } from "./schema.js";
import { isBusy } from "./sqlite-failure.js";
import { registerLineTable } from "./blocks.js";
import { registerSearchTable } from "./search.js";
import { createPrivateFile } from "./private-file.js";
import { Database, type SqliteDatabase } from "./sqlite.js";

export type { SqliteDatabase };

/**
Where the database lives when --db is not given: $MCADVISOR_DB, else the XDG state directory, so
`watch`, `tui` and `report` share one database without configuration. One file, no server.
*/
export function defaultDatabasePath(environment: NodeJS.ProcessEnv = process.env): string {
  if (environment.MCADVISOR_DB) return environment.MCADVISOR_DB;
  return stateDatabasePath(environment);
}

/** mcadvisor's folder in the XDG state directory: the one location mcadvisor creates itself. */
export function stateFolder(environment: NodeJS.ProcessEnv = process.env): string {
  const stateHome = environment.XDG_STATE_HOME || join(homedir(), ".local", "state");
  return join(stateHome, "mcadvisor");
}

/** The database in the XDG state directory. */
function stateDatabasePath(environment: NodeJS.ProcessEnv): string {
  return join(stateFolder(environment), "mcadvisor.db");
}

/**
Makes sure the database's folder is there before a writer creates the file: the default location's
folder is created (a fresh machine has none), but a path the user named (--db, $MCADVISOR_DB) must be in
an existing folder: a typo must not leave a tree of folders behind.
*/
export function prepareDatabaseFolder(path: string, environment: NodeJS.ProcessEnv = process.env): void {
  const folder = dirname(resolve(path));
  if (resolve(path) === resolve(stateDatabasePath(environment))) {
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new StoreError(`cannot create the database's folder ${folder}: ${(error as Error).message}`, { cause: error });
    }
    return;
  }
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) {
    throw new StoreError(`the folder ${folder} of the database ${path} does not exist`, {
      hint: "create it first, or point --db (or $MCADVISOR_DB) at a file in an existing folder; only the default location (~/.local/state/mcadvisor) is created for you",
    });
  }
}

export interface OpenOptions {
  /** Open for reading only (query, tui, report): the file must exist and is never changed. */
  readonly readonly?: boolean;
}

/** Opens (and for writers creates and migrates) the database, turning SQLite failures into StoreErrors a user can act on. */
/** The schema version of an existing database file, read without migrating or judging it. */
export function schemaVersionOf(path: string): number {
  let database: SqliteDatabase;
  try {
    database = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new StoreError(`cannot open database ${path}: ${(error as Error).message}`, {
      hint: "check that the path is readable and the file is an mcadvisor SQLite database",
      cause: error,
    });
  }
  try {
    database.pragma("busy_timeout = 5000");
    return database.pragma("user_version", { simple: true }) as number;
  } finally {
    database.close();
  }
}

export function openDatabase(path: string, options: OpenOptions = {}): SqliteDatabase {
  if (options.readonly && !existsSync(path)) {
    throw new StoreError(`no database at ${path}`, {
      hint: "run `mcadvisor analyze PATH...` or `mcadvisor watch` first, or point --db at an existing database",
    });
  }
  let database: SqliteDatabase;
  try {
    if (!options.readonly) {
      prepareDatabaseFolder(path);
      createPrivateFile(path);
    }
    database = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new StoreError(`cannot open database ${path}: ${(error as Error).message}`, {
      hint: "check that the path is a writable directory and the file is an mcadvisor SQLite database",
      cause: error,
    });
  }
  try {
    registerLineTable(database);
    registerSearchTable(database);
    database.pragma("busy_timeout = 5000");
    if (!options.readonly) {
      database.pragma("journal_mode = WAL");
      database.pragma("synchronous = NORMAL");
      migrate(database, path);
    } else {
      checkVersion(database, path);
    }
  } catch (error) {
    database.close();
    if (error instanceof StoreError) throw error;
    if (isBusy(error)) {
      throw new StoreError(`database ${path} is locked by another process`, {
        hint: "wait for the other mcadvisor command to finish, or use another --db",
        cause: error,
      });
    }
    throw new StoreError(`database ${path} is not usable: ${(error as Error).message}`, {
      hint: "if it is not an mcadvisor database, point --db elsewhere; if it is damaged, move it away and analyse again",
      cause: error,
    });
  }
  return database;
}

function currentVersion(database: SqliteDatabase): number {
  return database.pragma("user_version", { simple: true }) as number;
}

function checkVersion(database: SqliteDatabase, path: string): void {
  const version = currentVersion(database);
  if (version > schemaVersion) {
    throw new StoreError(`database ${path} was written by a newer mcadvisor (schema ${version}, this one knows ${schemaVersion})`, {
      hint: "upgrade mcadvisor, or analyse into a new --db",
    });
  }
  if (version === 0) {
    throw new StoreError(`${path} is not an mcadvisor database (it has no schema)`, { hint: "point --db at the database analyze or watch wrote" });
  }
  if (version < schemaVersion) {
    // Reading never changes the database, so an older layout is not upgraded here.
    throw new StoreError(`database ${path} was written by an older mcadvisor (schema ${version}, this one uses ${schemaVersion})`, {
      hint: `run \`mcadvisor analyze --db ${path}\` with any log (or \`mcadvisor watch\`) once: a writing command upgrades it in place, keeping every line`,
    });
  }
}

function migrate(database: SqliteDatabase, path: string): void {
  const version = currentVersion(database);
  if (version > schemaVersion) checkVersion(database, path);
  if (version === 0) {
    const tables = database.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) {
      throw new StoreError(`${path} is a SQLite database but not an mcadvisor one`, { hint: "use another --db path" });
    }
  }
  if (version === schemaVersion) return;
  // A migration may rebuild a table others reference (SQLite's documented procedure): foreign keys are
  // off while it runs (the pragma is ignored inside a transaction) and checked after each step. All the
  // steps a database needs run in one transaction: it is upgraded whole or left as it was, and no reader
  // ever sees it half way (a new database is created in one commit).
  const foreignKeys = database.pragma("foreign_keys", { simple: true }) as number;
  database.pragma("foreign_keys = OFF");
  try {
    database
      .transaction(() => {
        for (let step = version; step < schemaVersion; step++) {
          const migration = migrations[step];
          if (typeof migration === "string") database.exec(migration);
          else migration(database);
          const broken = database.pragma("foreign_key_check") as unknown[];
          if (broken.length > 0)
            throw new StoreError(`migration ${step + 1} of ${path} left ${broken.length} row(s) pointing nowhere`, {
              hint: "the database is unchanged; please report this with the file",
            });
        }
        database.pragma(`user_version = ${schemaVersion}`);
      })
      .immediate();
  } finally {
    database.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
  }
}

/** A counter SQLite raises whenever another connection commits (`PRAGMA data_version`: no I/O beyond the WAL header). */
export function dataVersion(database: SqliteDatabase): number {
  return database.pragma("data_version", { simple: true }) as number;
}

/** The WAL size (pages) at which a watching connection checkpoints inside a commit: a backstop, see WalCheckpoints. */
export const WATCH_CHECKPOINT_PAGES = 4096;
/** Under a stream of commits that never pauses for a tick, the WAL is checkpointed at least this often. */
const BUSY_CHECKPOINT_MS = 5000;

/**
When a watching connection checkpoints its WAL (docs/decisions.md): between commits, not inside one. SQLite's
automatic checkpoint runs in the commit that takes the WAL past 1000 pages, and copies the pages and syncs
the WAL and the database there: with the open last block rewritten on every append (~13 pages a line), one
append in ~80 paid it, a few ms, the appends' p99. Here the automatic checkpoint is only a backstop (at
WATCH_CHECKPOINT_PAGES, 16 MiB, for a stream that never pauses), and `tick()` (watch's one-second tick) runs
a PASSIVE checkpoint when something was committed and the writes paused for a tick, or every
BUSY_CHECKPOINT_MS under a stream that does not pause. PASSIVE never waits for a reader (the TUI): what a
reader still needs is copied at the next one. The WAL file is cut back to the backstop's size after a
checkpoint (journal_size_limit), so one large catch-up does not leave a large file behind.
*/
export class WalCheckpoints {
  private readonly totalChanges;
  private lastChanges: number;
  private pending = false;
  private lastCheckpoint = Date.now();

  constructor(
    private readonly database: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {
    database.pragma(`wal_autocheckpoint = ${WATCH_CHECKPOINT_PAGES}`);
    database.pragma(`journal_size_limit = ${WATCH_CHECKPOINT_PAGES * 4096}`);
    this.totalChanges = database.prepare("SELECT total_changes()").pluck();
    this.lastChanges = this.changes();
  }

  /** Each tick: a checkpoint when writes paused after some, or when the last one is BUSY_CHECKPOINT_MS old. */
  tick(): void {
    const changes = this.changes();
    const wrote = changes !== this.lastChanges;
    this.lastChanges = changes;
    if (wrote) this.pending = true;
    if (!this.pending) return;
    if (wrote && this.now() - this.lastCheckpoint < BUSY_CHECKPOINT_MS) return;
    this.checkpoint();
  }

  /** A PASSIVE checkpoint now (at stop: the WAL synced before watch exits). Still pending if a reader kept frames back. */
  checkpoint(): void {
    const [result] = this.database.pragma("wal_checkpoint(PASSIVE)") as { busy: number; log: number; checkpointed: number }[];
    this.lastCheckpoint = this.now();
    this.pending = result !== undefined && result.checkpointed < result.log;
  }

  /** Rows this connection changed since it opened (SQLite's total_changes()): whether it wrote since the last tick. */
  private changes(): number {
    return this.totalChanges.get() as number;
  }
}
