/**
Runs one read-only statement for `mcadvisor query` in its own process: better-sqlite3 can neither
interrupt a statement nor call back while one runs (no progress handler), and a worker thread stuck
in SQLite keeps the process from exiting, so a runaway statement (a recursive CTE without end) is
stopped by killing this process at --timeout (src/cli/commands/query.ts). It sits beside query.ts, which
finds it there both in dist/cli/commands/ and in the bundled CLI (dist/bundle/, where it is an entry).

Input: argv [database, format], the SQL on stdin. Output: the rendered rows on stdout, exit 0; or the
SQLite error message on stderr, exit 3.
*/

import { readFileSync } from "node:fs";
import { openDatabase } from "../../store/db.js";
import { renderTable } from "../../present/table.js";
import { renderCsv } from "../../present/csv.js";

const [database, format] = process.argv.slice(2);
const sql = readFileSync(0, "utf8");
const connection = openDatabase(database, { readonly: true });
try {
  const statement = connection.prepare(sql);
  const rows = statement.all() as Record<string, unknown>[];
  const columns = statement.columns().map((column) => column.name);
  process.stdout.write(format === "json" ? `${JSON.stringify(rows, null, 2)}\n` : format === "csv" ? renderCsv(rows, columns) : renderTable(rows, columns));
} catch (error) {
  process.stderr.write((error as Error).message);
  process.exitCode = 3;
} finally {
  connection.close();
}
