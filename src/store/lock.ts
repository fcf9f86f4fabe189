import { openSync, writeSync, closeSync, readFileSync, unlinkSync } from "node:fs";
import { StoreError } from "../errors.js";
import { prepareDatabaseFolder } from "./db.js";

/**
One writer per database: SQLite would serialise two writers, but two engines feeding one findings
table would contradict each other. A lock file beside the database holds the writer's pid; a stale
one (its process is gone, e.g. after kill -9) is taken over.
*/
export interface WriterLock {
  release(): void;
}

/** Whether a process of this machine with this pid exists (one of another user's counts). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireWriterLock(databasePath: string, purpose: string): WriterLock {
  const lockPath = `${databasePath}.lock`;
  // The lock is taken before the database is opened, so on a fresh machine its folder may not exist yet.
  prepareDatabaseFolder(databasePath);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const descriptor = openSync(lockPath, "wx");
      writeSync(descriptor, `${process.pid} ${purpose}\n`);
      closeSync(descriptor);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        }
      };
      process.once("exit", release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new StoreError(`cannot create lock file ${lockPath}: ${(error as Error).message}`, { cause: error });
      }
      const [pidText, ...holder] = readFileSync(lockPath, "utf8").trim().split(" ");
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new StoreError(`database ${databasePath} is being written by mcadvisor ${holder.join(" ") || "?"} (pid ${pid})`, {
          hint: "only one analyze or watch may write a database at a time: stop the other one, or use another --db (readers such as tui, report and query may run alongside)",
        });
      }
      unlinkSync(lockPath); // stale: its writer died without cleaning up
    }
  }
  throw new StoreError(`could not take the writer lock ${lockPath}`, { hint: "remove the lock file if no mcadvisor is running" });
}
