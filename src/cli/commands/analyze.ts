import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { inputTotals, listFindings, type StoredFinding } from "../../store/read.js";
import { withAcknowledgements } from "../../store/acknowledgements.js";
import { exitStatusFor, findingsDocument } from "../../present/findings-json.js";
import { runExitStatus } from "../../model/readability.js";
import { COLORED, PLAIN, useColor } from "../../present/color.js";
import { severityRank } from "../../model/findings.js";
import { version } from "../../version.js";
import { analyzeInto } from "../analysis.js";
import {
  bundleFilter,
  collect,
  colorOption,
  databaseFlag,
  databasePath,
  emitTargets,
  formatOption,
  loadRulesOrFail,
  rulesFlag,
  severityOption,
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

interface AnalyzeFlags extends SharedFlags {
  format?: string;
  emit?: string[];
  color?: string;
  openOnly?: boolean;
  severity?: string;
  bundle?: string[];
}

export function register(program: Command): void {
  program
    .command("analyze")
    .description("read saved syslog and package logs (files or folders, compressed rotations too), store them and print what to do")
    .argument("<paths...>", "log files or folders (one folder per node is fine)")
    .addOption(databaseFlag("store"))
    .option("--format <format>", "text (default) or json")
    .addOption(yearFlag())
    .addOption(timeZoneFlag())
    .addOption(nodeTimeZoneFlag())
    .addOption(rulesFlag())
    .option("--emit <target>", "send each finding change on: syslog://HOST:PORT (UDP), syslog+tcp://HOST:PORT or jsonl:FILE (repeatable)", collect)
    .addOption(siteFlag())
    .addOption(sitesFlag())
    .option("--color <when>", "colour severities, commands and evidence paths: auto (default: on a terminal, unless NO_COLOR is set), always or never")
    .option("--open-only", "show only open findings (the counts and the exit status still cover all)")
    .option("--severity <level>", "show only findings of this severity or worse: critical, warning or info")
    .option("--bundle <path>", "only this incident bundle (its folder, or the folder's name; repeatable): output and exit status", collect)
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      const format = formatOption(flags.format, ["text", "json"], "text");
      const timeZone = timeZoneOption(flags.tz);
      const nodeZones = nodeTimeZoneOption(flags.nodeTz);
      const fixedYear = yearOption(flags.year);
      const emitTo = emitTargets(flags.emit, format);
      const colorMode = colorOption(flags.color);
      const minimumSeverity = severityOption(flags.severity);
      const sites = siteOptions(flags.site, flags.sites);
      if (paths.length === 0) throw new UsageError("analyze needs at least one file or folder");
      const rules = loadRulesOrFail(flags.rules);
      // Loaded only for --emit (start-up). Its sockets do not keep the process alive: if the analysis fails, nothing waits for them.
      const emit = emitTo.length > 0 ? await import("../../present/emit/index.js") : null;
      const emission = emit ? emit.openEmission(emitTo, { version, timeZone }) : null;
      let storedBefore: StoredFinding[] = [];
      const analysis = await analyzeInto({
        databaseFile: databasePath(flags.db),
        paths,
        rules,
        sites,
        timeZone,
        nodeZones,
        fixedYear,
        holder: "analyze",
        beforeAnalysis: (store) => {
          if (emission) storedBefore = listFindings(store.database);
        },
      });
      try {
        const { store, result, problems } = analysis;
        // --bundle narrows the scope (what is judged); --open-only and --severity only what is shown in detail.
        const bundles = bundleFilter(flags.bundle, result.bundles);
        const findings = withAcknowledgements(store.database, listFindings(store.database, { bundles }));
        const show = (finding: StoredFinding): boolean =>
          (!flags.openOnly || finding.status === "open") && (minimumSeverity === null || severityRank[finding.severity] >= severityRank[minimumSeverity]);
        const filterNote = [flags.openOnly ? "--open-only" : "", minimumSeverity ? `--severity ${minimumSeverity}` : ""].filter(Boolean).join(", ");
        const totals = inputTotals(store.database, result.fileIds);
        const readings = result.readings.filter((reading) => bundles.includes(reading.bundle));
        const output =
          format === "json"
            ? `${JSON.stringify(findingsDocument(findings.filter(show), totals, problems, { version, timeZone, readings, notRead: result.notRead }), null, 2)}\n`
            : // Loaded for text only (start-up of --format json).
              (await import("../../present/findings-text.js")).renderFindingsText(findings, totals, [], {
                version,
                timeZone,
                bundles,
                show,
                filterNote: filterNote || undefined,
                readings,
                palette: useColor(colorMode, process.stdout) ? COLORED : PLAIN,
              });
        process.stdout.write(output);
        // Input that could not be read is no all-clear: UNKNOWN (3) unless a critical finding needs action anyway.
        process.exitCode = runExitStatus(exitStatusFor(findings), readings);
        const renamed = new Map(result.movedBundles.map((moved) => [moved.from, moved.to]));
        // Changes are sent for every bundle analysed, whatever --bundle shows.
        const emitted = emit
          ? emit.findingChanges(storedBefore, listFindings(store.database, { bundles: result.bundles }), { bundles: result.bundles, renamed })
          : [];
        for (const change of emitted) emission?.emit(change);
      } finally {
        analysis.close();
      }
      // Delivery is waited for (bounded); what failed is said on stderr and never changes the exit status.
      await emission?.close();
    });
}
