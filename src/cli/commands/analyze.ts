import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { openDatabase } from "../../store/db.js";
import { acquireWriterLock } from "../../store/lock.js";
import { Store } from "../../store/store.js";
import { inputTotals, listFindings } from "../../store/read.js";
import { analyzePaths } from "../../pipeline/analyze.js";
import { createProgress } from "../../present/progress.js";
import { renderFindingsText } from "../../present/findings-text.js";
import { exitStatusFor, findingsDocument } from "../../present/findings-json.js";
import { version } from "../../version.js";
import { collect, databasePath, formatOption, loadRulesOrFail, timeZoneOption, yearOption } from "../options.js";

interface AnalyzeFlags {
  db?: string;
  format?: string;
  year?: string;
  tz?: string;
  rules?: string[];
}

export function register(program: Command): void {
  program
    .command("analyze")
    .description("read saved syslog and package logs (files or folders, .gz too), store them and print what to do")
    .argument("<paths...>", "log files or folders (one folder per node is fine)")
    .option("--db <file>", "SQLite database to store into (default: $MCADVISOR_DB or ~/.local/state/mcadvisor/mcadvisor.db)")
    .option("--format <format>", "text (default) or json")
    .option("--year <year>", "year of syslog lines (they carry none); default: from package-log banners, else file mtime")
    .option("--tz <zone>", "the logs' time zone (IANA name); default: this machine's")
    .option("--rules <dir>", "add a site's rule folder to the built-in rules (repeatable)", collect)
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      const format = formatOption(flags.format, ["text", "json"], "text");
      const timeZone = timeZoneOption(flags.tz);
      const fixedYear = yearOption(flags.year);
      if (paths.length === 0) throw new UsageError("analyze needs at least one file or folder");
      const rules = loadRulesOrFail(flags.rules);
      const path = databasePath(flags.db);
      const lock = acquireWriterLock(path, "analyze");
      const store = new Store(openDatabase(path));
      const progress = createProgress();
      try {
        const result = await analyzePaths(store, {
          paths, rules, timeZone, fixedYear, onProgress: (state) => progress.update(state),
        });
        progress.done();
        const problems = result.problems.map((problem) => problem.hint ? `${problem.message} (${problem.hint})` : problem.message);
        for (const problem of problems) process.stderr.write(`mcadvisor: ${problem}\n`);
        if (result.inputs.length === 0) {
          throw new UsageError(`no syslog or package logs found in ${paths.join(", ")}`, {
            hint: "name syslog.log / OLDsyslog.log files, package logs under a cmcluster folder, or folders holding them",
          });
        }
        const findings = listFindings(store.database, { bundles: result.bundles });
        const totals = inputTotals(store.database, result.fileIds);
        const output = format === "json"
          ? `${JSON.stringify(findingsDocument(findings, totals, problems, { version, timeZone }), null, 2)}\n`
          : renderFindingsText(findings, totals, [], { version, timeZone });
        process.stdout.write(output);
        process.exitCode = exitStatusFor(findings);
      } finally {
        progress.done();
        store.close();
        lock.release();
      }
    });
}
