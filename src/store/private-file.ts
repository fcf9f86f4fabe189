import { closeSync, openSync } from "node:fs";

/**
Creates the file of a new database (or of its search index) empty, readable and writable by its owner only: it will
hold log lines, which may be private (a bundle's logs are often root's). SQLite makes the -wal and -shm files with the
mode of the database file, so they follow it. A file that is already there keeps its mode: mcadvisor does not change
what a user set. In-memory and temporary databases (":memory:", "") have no file.
*/
export function createPrivateFile(path: string): void {
  if (path === ":memory:" || path === "") return;
  try {
    closeSync(openSync(path, "wx", 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}
