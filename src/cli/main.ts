import type { Command } from "commander";
import { formatError, McAdvisorError, UsageError } from "../errors.js";
import { version } from "../version.js";
import { describeSqliteFailure } from "../store/sqlite-failure.js";
import { guardStandardOutput } from "./output.js";
import { sanitizeForTerminal } from "../present/sanitize.js";

/** Exit status 3: the analysis itself failed (usage, unreadable database ...), as a monitoring plugin's UNKNOWN. */
export const EXIT_FAILURE = 3;

type CommandModule = { register(program: Command): void };

/** Each command's module, loaded only when that command runs (start-up: the others' dependencies are never read). */
const commandModules: Readonly<Record<string, () => Promise<CommandModule>>> = {
  analyze: () => import("./commands/analyze.js"),
  query: () => import("./commands/query.js"),
  rules: () => import("./commands/rules.js"),
  watch: () => import("./commands/watch.js"),
  tui: () => import("./commands/tui.js"),
  report: () => import("./commands/report.js"),
  ack: () => import("./commands/ack.js"),
};

/**
The commands `argv` needs: the one it names; none for a bare --version; all of them otherwise (help
lists them, and an unknown name is answered with the closest one). Commands take no options before
their name, so the first word that is not an option is the command.
*/
function commandsFor(argv: readonly string[]): string[] {
  const named = argv.find((arg) => !arg.startsWith("-"));
  if (named !== undefined && named in commandModules) return [named];
  if (named === undefined && argv.length > 0 && argv.every((arg) => arg === "--version" || arg === "-V")) return [];
  return Object.keys(commandModules);
}

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const { Command } = await import("commander");
  const program = new Command("mcadvisor")
    .description("Reads Serviceguard Metrocluster / Continentalclusters logs and says which procedure applies now.")
    .version(version)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  // Registered in the order help lists them, whichever are loaded.
  for (const name of Object.keys(commandModules)) {
    if (commandsFor(argv).includes(name)) (await commandModules[name]()).register(program);
  }
  return program;
}

/** The only place that turns errors into messages and exit codes. */
export async function runCli(argv: readonly string[]): Promise<number> {
  guardStandardOutput();
  // A bare --version answers as commander would (the version, a newline, exit 0) without loading it (start-up).
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const { CommanderError } = await import("commander");
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv as string[], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : EXIT_FAILURE;
    }
    const described = describeSqliteFailure(error);
    // An error's message may quote a path or a log's words: shown inert, as everything else from the logs' world.
    process.stderr.write(
      `${formatError(described instanceof McAdvisorError || described instanceof Error ? described : new UsageError(String(described)))
        .split("\n")
        .map(sanitizeForTerminal)
        .join("\n")}\n`,
    );
    return EXIT_FAILURE;
  }
}
