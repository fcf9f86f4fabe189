import type { Command } from "commander";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { McAdvisorError, UsageError } from "../../errors.js";
import { openDatabase } from "../../store/db.js";
import { buildSearchIndex } from "../../store/search.js";
import { describeViews, viewsHelp } from "../../store/views.js";
import { databaseFlag, databasePath, formatOption } from "../options.js";

// Beside this module both in dist/cli/commands/ and in dist/bundle/ (the bundled CLI, where it is an entry of its own).
const RUNNER = fileURLToPath(new URL("./query-runner.js", import.meta.url));
const DEFAULT_TIMEOUT_SECONDS = 30;

function timeoutOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`--timeout takes a number of seconds, not '${value}'`, { hint: `e.g. --timeout 120; the default is ${DEFAULT_TIMEOUT_SECONDS}` });
  }
  return seconds;
}

export function register(program: Command): void {
  program
    .command("query")
    .description("run a read-only SQL query over the views log_lines, events, findings and unread_lines")
    .argument("<sql>", 'one SELECT statement, e.g. "SELECT host, count(*) FROM log_lines GROUP BY host"')
    .addOption(databaseFlag("read"))
    .option("--format <format>", "table (default), csv (RFC 4180, with a header row) or json")
    .option("--timeout <seconds>", `stop a statement that runs longer than this (default: ${DEFAULT_TIMEOUT_SECONDS})`)
    // Built when help is shown, from the schema itself (src/store/views.ts).
    .addHelpText("after", () => `\n${viewsHelp()}\n\nExample: mcadvisor query --format csv "SELECT host, count(*) AS n FROM log_lines GROUP BY host"`)
    .action((sql: string, flags: { db?: string; format?: string; timeout?: string }) => {
      const format = formatOption(flags.format, ["table", "csv", "json"], "table");
      const timeout = timeoutOption(flags.timeout);
      const path = databasePath(flags.db);
      const readOnly = new UsageError("query is read-only: only statements that read (SELECT, WITH ... SELECT) are allowed", {
        hint: "mcadvisor changes the database itself (analyze, watch); to experiment, copy the file and use sqlite3",
      });
      // Checked here, without running it: SQL errors and writes are refused with their own message.
      const database = openDatabase(path, { readonly: true });
      try {
        let statement;
        try {
          statement = database.prepare(sql);
        } catch (error) {
          // SQLite rejects a write to a view while preparing it, before it could be seen as a write.
          if (/cannot modify \S+ because it is a view/.test((error as Error).message)) throw readOnly;
          throw new UsageError(`SQL error: ${(error as Error).message}`, {
            hint: `the views are ${describeViews()
              .map((view) => `${view.name}(${view.columns.join(", ")})`)
              .join("; ")}; log_search('words') searches the lines; mcadvisor query --help lists them`,
          });
        }
        if (!statement.readonly || !statement.reader) throw readOnly;
      } finally {
        database.close();
      }

      // Run in a process of its own, killed at the time limit (src/cli/commands/query-runner.ts says why).
      const run = spawnSync(process.execPath, [RUNNER, path, format], {
        input: sql,
        timeout: timeout * 1000,
        killSignal: "SIGKILL",
        maxBuffer: 1 << 30,
        stdio: ["pipe", "pipe", "pipe"],
      });
      if ((run.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT" || run.signal === "SIGKILL") {
        throw new UsageError(`query stopped after ${timeout} s (--timeout ${flags.timeout ?? DEFAULT_TIMEOUT_SECONDS}): the statement was still running`, {
          hint: "a recursive CTE without a LIMIT or a join without a condition runs forever; add a LIMIT, or give a longer --timeout",
        });
      }
      if (run.error) throw new McAdvisorError(`query failed: ${run.error.message}`);
      if (run.status !== 0) {
        const message = run.stderr.toString("utf8").trim();
        // Loading an extension is code, not a read: SQLite refuses it as "not authorized".
        if (/not authorized/.test(message)) throw readOnly;
        throw new McAdvisorError(`query failed: ${message}`);
      }
      process.stdout.write(run.stdout);
      // The first search of a database was answered by scanning its blocks; the index the next ones use is
      // built now, after the answer is out (a file beside the database; the database is not changed).
      if (/\blog_search\s*\(/i.test(sql)) {
        const reader = openDatabase(path, { readonly: true });
        try {
          buildSearchIndex(reader);
        } finally {
          reader.close();
        }
      }
    });
}
