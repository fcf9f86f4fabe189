import { StoreError } from "../errors.js";

/** Another connection holds the lock SQLite needs (after busy_timeout). */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/**
SQLite failures that can happen on any statement, after the database was opened (another program holds
a write transaction, the disk filled up, the file went read-only), as StoreErrors a user can act on;
anything else is returned unchanged.
*/
export function describeSqliteFailure(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return error;
  const detail = `${(error as Error).message} (${code})`;
  if (isBusy(error)) {
    return new StoreError(`the database is locked by another program: ${detail}`, {
      hint: "another program (a sqlite3 shell, a backup, a DB browser) holds a write transaction on it; close it and run the command again, or use another --db",
      cause: error,
    });
  }
  if (code.startsWith("SQLITE_FULL")) {
    return new StoreError(`the database's disk is full: ${detail}`, { hint: "free space where --db points, or use another --db", cause: error });
  }
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_PERM")) {
    return new StoreError(`the database cannot be written: ${detail}`, { hint: "check the permissions of the --db file and its folder", cause: error });
  }
  if (code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB")) {
    return new StoreError(`the database is damaged: ${detail}`, { hint: "move it away and analyse the logs again into a new --db", cause: error });
  }
  if (code.startsWith("SQLITE_IOERR")) {
    return new StoreError(`the database could not be read or written: ${detail}`, {
      hint: "check the disk and the filesystem where --db points",
      cause: error,
    });
  }
  return error;
}
