/**
Starting and stopping the TUI on a real terminal: the alternate screen (the shell's screen comes
back untouched on exit), and a clear refusal when there is no terminal to draw on.
*/
import { render } from "ink";
import { assertTerminal } from "./terminal.js";
import type { SqliteDatabase } from "../../store/db.js";
import { App } from "./app.js";
import type { AcknowledgementWriter } from "./acknowledge.js";

export { assertTerminal };

export interface TuiOptions {
  readonly database: SqliteDatabase;
  readonly bundles?: readonly string[];
  readonly pollMs?: number;
  readonly acknowledgements?: AcknowledgementWriter;
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
}

const enterAlternateScreen = "\u001b[?1049h\u001b[H";
const leaveAlternateScreen = "\u001b[?1049l";

/** Runs until the operator presses q (or Ctrl-C); the terminal is restored even when drawing fails. */
export async function runTui(options: TuiOptions): Promise<void> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  assertTerminal(stdin, stdout);
  stdout.write(enterAlternateScreen);
  // kill or a closed ssh session: leave like q does, so the terminal is not left in raw mode on the alternate screen.
  // (`on`, not `once`: ink's signal-exit re-raises the signal when it finds itself the only listener left.)
  let instance: ReturnType<typeof render> | undefined;
  const stop = (): void => instance?.unmount();
  process.on("SIGTERM", stop);
  process.on("SIGHUP", stop);
  try {
    instance = render(<App database={options.database} bundles={options.bundles} pollMs={options.pollMs} acknowledgements={options.acknowledgements} />, {
      stdout,
      stdin,
      exitOnCtrlC: true,
      patchConsole: true,
    });
    await instance.waitUntilExit();
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGHUP", stop);
    stdout.write(leaveAlternateScreen);
  }
}
