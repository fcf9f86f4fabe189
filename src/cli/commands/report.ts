import type { Command } from "commander";
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, basename, join, resolve } from "node:path";
import { StoreError, UsageError } from "../../errors.js";
import { openDatabase, type SqliteDatabase } from "../../store/db.js";
import { toWallClock } from "../../ingest/year.js";
import { gatherReport, type ReportModel } from "../../present/report/model.js";
import { resolveWindow, validateWindowOptions } from "../../present/report/window.js";
import { renderReportMarkdown } from "../../present/report/markdown.js";
import { renderReportHtml } from "../../present/report/html.js";
import { renderReportJson } from "../../present/report/json.js";
import { renderStatusLine } from "../../present/report/status.js";
import { version } from "../../version.js";
import { analyzeInto, type Analysis } from "../analysis.js";
import { collect, databasePath, formatOption, loadRulesOrFail, timeZoneOption, yearOption } from "../options.js";

interface ReportFlags {
  db?: string;
  since?: string;
  until?: string;
  format?: string;
  out?: string;
  year?: string;
  tz?: string;
  rules?: string[];
}

/**
Where the previous periodic report on this database ended: the latest end before this window's end, so a
post-mortem made with an old --until never pulls the next daily report back in time.
*/
function previousReportUntil(database: SqliteDatabase, until: number): number | null {
  const row = database.prepare("SELECT max(until) AS until FROM report WHERE until < ?").get(until) as { until: number | null };
  return row.until;
}

function render(model: ReportModel, format: string): string {
  if (format === "json") return renderReportJson(model);
  if (format === "html") return renderReportHtml(model);
  return renderReportMarkdown(model);
}

/** --out must name a file in an existing folder: checked before any work, so a cron typo costs nothing. */
function checkOutput(path: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    if (!existsSync(dirname(path))) {
      throw new UsageError(`cannot write ${path}: its folder ${dirname(path)} does not exist`, { hint: "create the folder first, or give another --out FILE" });
    }
    return;
  }
  if (stats.isDirectory()) {
    throw new UsageError(`--out is a folder: ${path}`, { hint: `give a file name, e.g. --out ${join(path, "mcadvisor-report.md")}` });
  }
}

/** Writes beside the target and renames, so a cron job never leaves (or a web server never serves) half a report. */
function writeOutput(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`cannot write ${path}: ${(error as Error).message}`, { hint: "check that --out names a file in a writable folder", cause: error });
  }
}

export function register(program: Command): void {
  program
    .command("report")
    .description("the periodic log review as a report (Markdown, HTML or JSON): open findings, pair states, packages, suspicious lines; exit 0/1/2 like a monitoring plugin")
    .argument("[paths...]", "log files or folders to analyze first (without them: report on the database, e.g. the one watch keeps)")
    .option("--db <file>", "SQLite database (default: $MCADVISOR_DB or ~/.local/state/mcadvisor/mcadvisor.db)")
    .option("--since <when>", "start of the window: a duration before --until (30m, 24h, 7d, 1w) or a date (2026-11-19, 2026-11-19T04:00); default: the end of the previous report on this database, else 24h (a report given --since is ad hoc and not remembered)")
    .option("--until <date>", "end of the window (a date in the logs' wall clock); default: now")
    .option("--format <format>", "markdown (default), html or json")
    .option("--out <file>", "write the report to this file (default: stdout); stdout then gets one status line, as monitoring plugins print")
    .option("--year <year>", "year of syslog lines when analyzing PATHs (they carry none)")
    .option("--tz <zone>", "the logs' time zone (IANA name): what 'now' is in the logs' wall clock; default: this machine's")
    .option("--rules <dir>", "add a site's rule folder to the built-in rules when analyzing PATHs (repeatable)", collect)
    .action(async (paths: string[], flags: ReportFlags) => {
      const format = formatOption(flags.format, ["markdown", "html", "json"], "markdown");
      const timeZone = timeZoneOption(flags.tz);
      const fixedYear = yearOption(flags.year);
      const path = databasePath(flags.db);
      // Checked before any work so a typo in --since does not cost an analysis.
      validateWindowOptions(flags.since, flags.until);
      if (flags.out) checkOutput(resolve(flags.out));

      let analysis: Analysis | undefined;
      let database: SqliteDatabase;
      let bundles: readonly string[] | undefined;
      if (paths.length > 0) {
        const rules = loadRulesOrFail(flags.rules);
        analysis = await analyzeInto({ databaseFile: path, paths, rules, timeZone, fixedYear, holder: "report" });
        database = analysis.store.database;
        bundles = analysis.result.bundles;
      } else {
        // A running watch holds the writer lock and keeps writing: read alongside it (WAL) and write only the
        // one report row, in a single statement that waits on busy_timeout.
        if (!existsSync(path)) {
          throw new StoreError(`no database at ${path}`, {
            hint: "give log folders to analyze (mcadvisor report PATH...), run `mcadvisor watch`, or point --db at an existing database",
          });
        }
        // An ad hoc report (explicit --since) writes nothing, so it opens the database read-only: a monitoring
        // check can never change it.
        database = openDatabase(path, { readonly: flags.since !== undefined });
      }

      try {
        const now = toWallClock(Date.now(), timeZone);
        const until = resolveWindow({ since: flags.since, until: flags.until, now }).until;
        const window = resolveWindow({ since: flags.since, until: flags.until, now, previousUntil: previousReportUntil(database, until) });
        const model = database.transaction(() => gatherReport(database, { window, bundles, version, timeZone }))();
        const text = render(model, format);
        if (flags.out) {
          writeOutput(flags.out, text);
          // stdout is free: one status line, as a Nagios/Icinga plugin prints it.
          process.stdout.write(renderStatusLine(model));
        } else {
          process.stdout.write(text);
        }
        // Remembered only once the report is out, so a failed run does not skip a window. A report with an
        // explicit --since is ad hoc (a monitoring check, a look at last week): it does not move the periodic
        // review's window, or an hourly Nagios check would leave the daily report only its last hour.
        if (window.sinceSource !== "option") {
          database.prepare("INSERT INTO report (created_at, since, until, format) VALUES (?, ?, ?, ?)")
            .run(new Date().toISOString(), window.since, window.until, format);
        }
        process.exitCode = model.exitStatus;
      } finally {
        if (analysis) analysis.close();
        else database.close();
      }
    });
}
