import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { inputTotals, listFindings, type StoredFinding } from "../../store/read.js";
import { renderFindingsText } from "../../present/findings-text.js";
import { exitStatusFor, findingsDocument } from "../../present/findings-json.js";
import { findingChanges, openEmission } from "../../present/emit/index.js";
import { version } from "../../version.js";
import { analyzeInto } from "../analysis.js";
import { collect, databasePath, emitTargets, formatOption, loadRulesOrFail, timeZoneOption, yearOption } from "../options.js";

interface AnalyzeFlags {
  db?: string;
  format?: string;
  year?: string;
  tz?: string;
  rules?: string[];
  emit?: string[];
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
    .option("--emit <target>", "send each finding change on: syslog://HOST:PORT (UDP), syslog+tcp://HOST:PORT or jsonl:FILE (repeatable)", collect)
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      const format = formatOption(flags.format, ["text", "json"], "text");
      const timeZone = timeZoneOption(flags.tz);
      const fixedYear = yearOption(flags.year);
      const emitTo = emitTargets(flags.emit, format);
      if (paths.length === 0) throw new UsageError("analyze needs at least one file or folder");
      const rules = loadRulesOrFail(flags.rules);
      // Its sockets do not keep the process alive: if the analysis fails, nothing waits for them.
      const emission = emitTo.length > 0 ? openEmission(emitTo, { version, timeZone }) : null;
      let storedBefore: StoredFinding[] = [];
      const analysis = await analyzeInto({
        databaseFile: databasePath(flags.db), paths, rules, timeZone, fixedYear, holder: "analyze",
        beforeAnalysis: (store) => { if (emission) storedBefore = listFindings(store.database); },
      });
      try {
        const { store, result, problems } = analysis;
        const findings = listFindings(store.database, { bundles: result.bundles });
        const totals = inputTotals(store.database, result.fileIds);
        const output = format === "json"
          ? `${JSON.stringify(findingsDocument(findings, totals, problems, { version, timeZone }), null, 2)}\n`
          : renderFindingsText(findings, totals, [], { version, timeZone });
        process.stdout.write(output);
        process.exitCode = exitStatusFor(findings);
        const renamed = new Map(result.movedBundles.map((moved) => [moved.from, moved.to]));
        for (const change of emission ? findingChanges(storedBefore, findings, { bundles: result.bundles, renamed }) : []) emission?.emit(change);
      } finally {
        analysis.close();
      }
      // Delivery is waited for (bounded); what failed is said on stderr and never changes the exit status.
      await emission?.close();
    });
}
