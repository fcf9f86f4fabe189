import type { Command } from "commander";
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, basename, join, resolve } from "node:path";
import { StoreError, UsageError } from "../../errors.js";
import { openDatabase, type SqliteDatabase } from "../../store/db.js";
import { previousReportUntil, recordReport } from "../../store/report.js";
import { toWallClock } from "../../model/time.js";
import { dataSpan, gatherReport, reportTime, staleWarning, type ReportModel } from "../../present/report/model.js";
import { sanitizeForTerminal } from "../../present/sanitize.js";
import { resolveWindow, validateWindowOptions } from "../../present/report/window.js";
import { renderReportMarkdown } from "../../present/report/markdown.js";
import { renderReportHtml } from "../../present/report/html.js";
import { renderReportJson } from "../../present/report/json.js";
import { renderStatusLine } from "../../present/report/status.js";
import { version } from "../../version.js";
import { analyzeInto, type Analysis } from "../analysis.js";
import {
  databaseFlag,
  databasePath,
  formatOption,
  loadRulesOrFail,
  rulesFlag,
  type SharedFlags,
  siteFlag,
  siteOptions,
  sitesFlag,
  timeZoneFlag,
  timeZoneOption,
  nodeTimeZoneFlag,
  nodeTimeZoneOption,
  yearFlag,
  yearOption,
} from "../options.js";

interface ReportFlags extends SharedFlags {
  since?: string;
  until?: string;
  format?: string;
  out?: string;
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
    .description(
      "the periodic log review as a report (Markdown, HTML or JSON): open findings, pair states, packages, suspicious lines; exit 0/1/2 like a monitoring plugin",
    )
    .argument("[paths...]", "log files or folders to analyze first (without them: report on the database, e.g. the one watch keeps)")
    .addOption(databaseFlag("read"))
    .option(
      "--since <when>",
      "start of the window: a duration before --until (30m, 24h, 7d, 1w) or a date (2026-11-19, 2026-11-19T04:00); default: with PATHs and no --until, the first line of those logs; else the end of the previous report on this database, else 24h (a report given --since, or on PATHs without a window, is ad hoc and not remembered)",
    )
    .option("--until <date>", "end of the window (a date in the logs' wall clock); default: with PATHs and no --since, the last line of those logs; else now")
    .option("--format <format>", "markdown (default), html or json")
    .option("--out <file>", "write the report to this file (default: stdout); stdout then gets one status line, as monitoring plugins print")
    .addOption(yearFlag({ withPaths: true }))
    .addOption(timeZoneFlag({ alsoFor: "what 'now' is in the logs' wall clock" }))
    .addOption(nodeTimeZoneFlag({ withPaths: true }))
    .addOption(rulesFlag({ withPaths: true }))
    .addOption(siteFlag({ withPaths: true }))
    .addOption(sitesFlag({ withPaths: true }))
    .action(async (paths: string[], flags: ReportFlags) => {
      const format = formatOption(flags.format, ["markdown", "html", "json"], "markdown");
      const timeZone = timeZoneOption(flags.tz);
      const nodeZones = nodeTimeZoneOption(flags.nodeTz);
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
        const sites = siteOptions(flags.site, flags.sites);
        analysis = await analyzeInto({ databaseFile: path, paths, rules, sites, timeZone, nodeZones, fixedYear, holder: "report" });
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
        // PATHs without --since/--until: the span of those logs (a post-mortem); without PATHs: the periodic window.
        const span = bundles ? dataSpan(database, bundles) : null;
        const logSpan = span && span.first !== null && span.last !== null ? { first: span.first, last: span.last } : null;
        const until = resolveWindow({ since: flags.since, until: flags.until, now }).until;
        const window = resolveWindow({ since: flags.since, until: flags.until, now, previousUntil: previousReportUntil(database, until), logSpan });
        const readings = analysis?.result.readings;
        const model = database.transaction(() => gatherReport(database, { window, bundles, version, timeZone, readings }))();
        const text = render(model, format);
        // A stale feed is said where a cron job's owner reads it too (cron mails stderr), whatever the format.
        for (const stale of model.summary.staleNodes) {
          process.stderr.write(`mcadvisor: warning: ${sanitizeForTerminal(staleWarning(stale, (ms) => reportTime(ms, timeZone), stale.bundle))}\n`);
        }
        if (flags.out) {
          writeOutput(flags.out, text);
          // stdout is free: one status line, as a Nagios/Icinga plugin prints it.
          process.stdout.write(renderStatusLine(model));
        } else {
          process.stdout.write(text);
        }
        // Remembered only once the report is out, so a failed run does not skip a window. A report with an
        // explicit --since is ad hoc (a monitoring check, a look at last week): it does not move the periodic
        // review's window, or an hourly Nagios check would leave the daily report only its last hour. Nor
        // does a post-mortem over the span of the logs it was given.
        if (window.sinceSource !== "option" && window.sinceSource !== "logs") {
          recordReport(database, window.since, window.until, format);
        }
        process.exitCode = model.exitStatus;
      } finally {
        if (analysis) analysis.close();
        else database.close();
      }
    });
}
