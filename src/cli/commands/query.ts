import type { Command } from "commander";
import { McAdvisorError, UsageError } from "../../errors.js";
import { openDatabase } from "../../store/db.js";
import { describeViews, viewsHelp } from "../../store/views.js";
import { renderTable } from "../../present/table.js";
import { renderCsv } from "../../present/csv.js";
import { databasePath, formatOption } from "../options.js";

export function register(program: Command): void {
  program
    .command("query")
    .description("run a read-only SQL query over the views log_lines, events and findings")
    .argument("<sql>", "one SELECT statement, e.g. \"SELECT host, count(*) FROM log_lines GROUP BY host\"")
    .option("--db <file>", "SQLite database (default: $MCADVISOR_DB or ~/.local/state/mcadvisor/mcadvisor.db)")
    .option("--format <format>", "table (default), csv (RFC 4180, with a header row) or json")
    // Built when help is shown, from the schema itself (src/store/views.ts).
    .addHelpText("after", () => `\n${viewsHelp()}\n\nExample: mcadvisor query --format csv "SELECT host, count(*) AS n FROM log_lines GROUP BY host"`)
    .action((sql: string, flags: { db?: string; format?: string }) => {
      const format = formatOption(flags.format, ["table", "csv", "json"], "table");
      const database = openDatabase(databasePath(flags.db), { readonly: true });
      try {
        const readOnly = new UsageError("query is read-only: only statements that read (SELECT, WITH ... SELECT) are allowed", {
          hint: "mcadvisor changes the database itself (analyze, watch); to experiment, copy the file and use sqlite3",
        });
        let statement;
        try {
          statement = database.prepare(sql);
        } catch (error) {
          // SQLite rejects a write to a view while preparing it, before it could be seen as a write.
          if (/cannot modify \S+ because it is a view/.test((error as Error).message)) throw readOnly;
          throw new UsageError(`SQL error: ${(error as Error).message}`, {
            hint: `the views are ${describeViews().map((view) => `${view.name}(${view.columns.join(", ")})`).join("; ")}; mcadvisor query --help lists them`,
          });
        }
        if (!statement.readonly || !statement.reader) throw readOnly;
        let rows: Record<string, unknown>[];
        try {
          rows = statement.all() as Record<string, unknown>[];
        } catch (error) {
          throw new McAdvisorError(`query failed: ${(error as Error).message}`);
        }
        const columns = statement.columns().map((column) => column.name);
        process.stdout.write(format === "json" ? `${JSON.stringify(rows, null, 2)}\n` : format === "csv" ? renderCsv(rows, columns) : renderTable(rows, columns));
      } finally {
        database.close();
      }
    });
}
