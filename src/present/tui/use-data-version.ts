import { useEffect, useState } from "react";
import { dataVersion, type SqliteDatabase } from "../../store/db.js";

/** How often the TUI asks SQLite whether another process (watch, analyze) committed. */
export const defaultPollMs = 1000;

/**
A counter that grows whenever another connection commits to the database. `PRAGMA data_version`
costs no I/O beyond the WAL header, so polling it every second is free; views re-read on change.
*/
export function useDataVersion(database: SqliteDatabase, pollMs: number = defaultPollMs): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let last = dataVersion(database);
    const timer = setInterval(() => {
      if (!database.open) return;
      const now = dataVersion(database);
      if (now !== last) {
        last = now;
        setVersion((previous) => previous + 1);
      }
    }, pollMs);
    return () => clearInterval(timer);
  }, [database, pollMs]);
  return version;
}
