import type { Command } from "commander";
import { openDatabase } from "../../store/db.js";
import { assertTerminal, leaveContinuousIntegrationMode } from "../../present/tui/terminal.js";
import { analyzeInto } from "../analysis.js";
import { acknowledgementWriter } from "./ack.js";
import {
  databaseFlag,
  databasePath,
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

type TuiFlags = SharedFlags;

/** With PATHs: analyse them as `analyze` does (writer lock held only while writing), and return their bundles. */
async function analyzeFirst(paths: string[], databaseFile: string, flags: TuiFlags): Promise<string[]> {
  const rules = loadRulesOrFail(flags.rules);
  const sites = siteOptions(flags.site, flags.sites);
  const analysis = await analyzeInto({
    databaseFile,
    paths,
    rules,
    sites,
    timeZone: timeZoneOption(flags.tz),
    nodeZones: nodeTimeZoneOption(flags.nodeTz),
    fixedYear: yearOption(flags.year),
    holder: "tui (analyzing)",
  });
  analysis.close();
  return [...analysis.result.bundles];
}

export function register(program: Command): void {
  program
    .command("tui")
    .description("browse findings, their steps and evidence, the pair-state timeline and the logs in a terminal UI (live while watch writes)")
    .argument("[paths...]", "log files or folders to analyse first (as analyze does); without, open the database as it is")
    .addOption(databaseFlag("read"))
    .addOption(yearFlag({ withPaths: true }))
    .addOption(timeZoneFlag({ withPaths: true }))
    .addOption(nodeTimeZoneFlag({ withPaths: true }))
    .addOption(rulesFlag({ withPaths: true }))
    .addOption(siteFlag({ withPaths: true }))
    .addOption(sitesFlag({ withPaths: true }))
    .action(async (paths: string[], flags: TuiFlags) => {
      // Before any work: without a terminal there is nothing to draw on.
      assertTerminal();
      const path = databasePath(flags.db);
      const bundles = paths.length > 0 ? await analyzeFirst(paths, path, flags) : undefined;
      const database = openDatabase(path, { readonly: true });
      try {
        leaveContinuousIntegrationMode();
        // Loaded here, not at start-up: ink and react are needed by this command only.
        const { runTui } = await import("../../present/tui/run.js");
        // The TUI reads; `a` writes acknowledgements through the same code as `mcadvisor ack`, on its own connection.
        await runTui({ database, bundles, acknowledgements: acknowledgementWriter(path) });
        process.exitCode = 0;
      } finally {
        database.close();
      }
    });
}
