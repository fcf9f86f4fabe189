import type { Command } from "commander";
import { openDatabase } from "../../store/db.js";
import { assertTerminal, leaveContinuousIntegrationMode } from "../../present/tui/terminal.js";
import { analyzeInto } from "../analysis.js";
import { acknowledgementWriter } from "./ack.js";
import { collect, databasePath, loadRulesOrFail, siteOptions, timeZoneOption, yearOption } from "../options.js";

interface TuiFlags {
  db?: string;
  year?: string;
  tz?: string;
  rules?: string[];
  site?: string[];
  sites?: string;
}

/** With PATHs: analyse them as `analyze` does (writer lock held only while writing), and return their bundles. */
async function analyzeFirst(paths: string[], databaseFile: string, flags: TuiFlags): Promise<string[]> {
  const rules = loadRulesOrFail(flags.rules);
  const sites = siteOptions(flags.site, flags.sites);
  const analysis = await analyzeInto({
    databaseFile, paths, rules, sites, timeZone: timeZoneOption(flags.tz), fixedYear: yearOption(flags.year), holder: "tui (analyzing)",
  });
  analysis.close();
  return [...analysis.result.bundles];
}

export function register(program: Command): void {
  program
    .command("tui")
    .description("browse findings, their steps and evidence, the pair-state timeline and the logs in a terminal UI (live while watch writes)")
    .argument("[paths...]", "log files or folders to analyse first (as analyze does); without, open the database as it is")
    .option("--db <file>", "SQLite database (default: $MCADVISOR_DB or ~/.local/state/mcadvisor/mcadvisor.db)")
    .option("--year <year>", "with PATHs: year of syslog lines (they carry none); default: from package-log banners, else file mtime")
    .option("--tz <zone>", "with PATHs: the logs' time zone (IANA name); default: this machine's")
    .option("--rules <dir>", "with PATHs: add a site's rule folder to the built-in rules (repeatable)", collect)
    .option("--site <name=nodes>", "with PATHs: name a site and its nodes, e.g. dc-east=nodeA1,nodeA2 (repeatable; over the sites file and the cluster ASCII file)", collect)
    .option("--sites <file>", "with PATHs: sites file, one NAME=node,node a line (default: $XDG_CONFIG_HOME/mcadvisor/sites, ~/.config/mcadvisor/sites, when present)")
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
