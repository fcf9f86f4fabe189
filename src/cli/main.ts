import { Command, CommanderError } from "commander";
import { formatError, McAdvisorError, UsageError } from "../errors.js";
import { version } from "../version.js";
import { describeSqliteFailure } from "../store/sqlite-failure.js";
import { register as registerAnalyze } from "./commands/analyze.js";
import { register as registerQuery } from "./commands/query.js";
import { register as registerRules } from "./commands/rules.js";
import { register as registerWatch } from "./commands/watch.js";
import { register as registerTui } from "./commands/tui.js";
import { register as registerReport } from "./commands/report.js";
import { register as registerAck } from "./commands/ack.js";

/** Exit status 3: the analysis itself failed (usage, unreadable database ...), as a monitoring plugin's UNKNOWN. */
export const EXIT_FAILURE = 3;

export function buildProgram(): Command {
  const program = new Command("mcadvisor")
    .description("Reads Serviceguard Metrocluster / Continentalclusters logs and says which procedure applies now.")
    .version(version)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  for (const register of [registerAnalyze, registerQuery, registerRules, registerWatch, registerTui, registerReport, registerAck]) {
    register(program);
  }
  return program;
}

/** The only place that turns errors into messages and exit codes. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : EXIT_FAILURE;
    }
    const described = describeSqliteFailure(error);
    process.stderr.write(`${formatError(described instanceof McAdvisorError || described instanceof Error ? described : new UsageError(String(described)))}\n`);
    return EXIT_FAILURE;
  }
}
