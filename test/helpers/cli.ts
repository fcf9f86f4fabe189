import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
export const binary = join(repositoryRoot, "bin", "mcadvisor.js");

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (npm test builds dist/ first) as a user would, with no TTY. */
export function runMcadvisor(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [binary, ...args], {
    cwd: options.cwd ?? repositoryRoot,
    // No sites file of the machine's user (~/.config/mcadvisor/sites) changes the advice under test.
    env: { ...process.env, NO_COLOR: "1", TZ: "UTC", XDG_CONFIG_HOME: join(repositoryRoot, "test", "fixtures", "no-config"), ...options.env },
    input: options.input ?? "",
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
