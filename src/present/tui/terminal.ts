/**
The TUI's preconditions, kept apart from ink so that checking them loads no UI code.
*/
import { UsageError } from "../../errors.js";

/** ink needs raw keyboard input and a screen; a pipe or cron has neither. */
export function assertTerminal(stdin: { isTTY?: boolean } = process.stdin, stdout: { isTTY?: boolean } = process.stdout): void {
  if (!stdin.isTTY || !stdout.isTTY) {
    const which =
      !stdin.isTTY && !stdout.isTTY
        ? "standard input and output are not a terminal"
        : !stdin.isTTY
          ? "standard input is not a terminal"
          : "standard output is not a terminal";
    throw new UsageError(`the TUI needs a terminal: ${which}`, {
      hint: "run it in a terminal (ssh -t for a remote one); for a report in a pipe or a script use `mcadvisor analyze PATH...` (add --format json) or `mcadvisor query`",
    });
  }
}

/**
ink decides at import time (is-in-ci) that with CI or CONTINUOUS_INTEGRATION set it draws only the
last frame, on exit. The TUI always runs on a terminal (assertTerminal), so that mode would leave
an operator whose shell exports CI=true looking at a blank screen: clear it before ink is loaded.
*/
export function leaveContinuousIntegrationMode(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of ["CI", "CONTINUOUS_INTEGRATION"]) if (name in env) env[name] = "false";
}
