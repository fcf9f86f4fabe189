/**
End to end: the real binary in a real terminal (tmux), as an operator runs it: analyse a sample
incident, open it, reach a finding's detail, quit with q, and find the shell's screen restored.
*/
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { binary, repositoryRoot, runMcadvisor } from "../../helpers/cli.js";
import { tempDir } from "../../helpers/temp.js";

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const isBuilt = existsSync(join(repositoryRoot, "dist", "cli", "main.js"));
// A private tmux server: the test never touches the user's sessions.
const socket = `mcadvisor-test-${process.pid}`;

function tmux(...args: string[]): string {
  const result = spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`tmux ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/** Polls `probe` until it returns a value (bounded); the terminal redraws asynchronously. */
async function until<T>(what: string, probe: () => T | undefined, limitMs = 20_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${tmux("capture-pane", "-p", "-t", "tui")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const screenWith = (text: string) => (): string | undefined => {
  const screen = tmux("capture-pane", "-p", "-t", "tui");
  return screen.includes(text) ? screen : undefined;
};

afterEach(() => {
  if (hasTmux) spawnSync("tmux", ["-L", socket, "kill-server"]);
});

describe.skipIf(!hasTmux || !isBuilt)(
  `tui in a real terminal${hasTmux ? "" : " (skipped: tmux is not installed)"}${isBuilt ? "" : " (skipped: run npm run build first)"}`,
  () => {
    // CI=true: ink would otherwise draw only the last frame (the first CI run saw a blank screen).
    it("analyses a sample, opens a finding's detail and quits with q, exit status 0", async () => {
      const directory = tempDir("mcadvisor-tmux-");
      const database = join(directory, "tui.db");
      const exitFile = join(directory, "exit");
      const command = `cd '${repositoryRoot}' && CI=true NO_COLOR=1 '${process.execPath}' '${binary}' tui --db '${database}' samples/site-failover-svol-takeover; echo $? > '${exitFile}'; sleep 60`;
      tmux("new-session", "-d", "-s", "tui", "-x", "120", "-y", "35", command);

      const list = await until("the findings list", screenWith("swap-resync"));
      expect(list).toContain("[1 Findings]");
      expect(list).toContain("CRIT open");
      tmux("send-keys", "-t", "tui", "Enter");
      const detail = await until("the finding's detail", screenWith("Steps, in order"));
      expect(detail).toContain("[2 Detail]");
      expect(detail).toContain("What happened");
      tmux("send-keys", "-t", "tui", "q");
      const status = await until("the exit status", () => (existsSync(exitFile) ? readFileSync(exitFile, "utf8").trim() : undefined));
      expect(status).toBe("0");
      // The alternate screen is gone: the shell's screen is back.
      expect(tmux("capture-pane", "-p", "-t", "tui")).not.toContain("[2 Detail]");
    });

    it("on SIGTERM (kill, a closed ssh session) leaves like q: the terminal back in cooked mode", async () => {
      const directory = tempDir("mcadvisor-tmux-");
      const database = join(directory, "tui.db");
      expect(runMcadvisor(["analyze", "--db", database, "samples/site-failover-svol-takeover"]).code).not.toBe(3);
      const pidFile = join(directory, "pid");
      const exitFile = join(directory, "exit");
      const sttyFile = join(directory, "stty");
      const tui = `echo \\$\\$ > '${pidFile}'; exec '${process.execPath}' '${binary}' tui --db '${database}'`;
      const command = `cd '${repositoryRoot}' && sh -c "${tui}"; echo $? > '${exitFile}.tmp'; stty -a > '${sttyFile}'; mv '${exitFile}.tmp' '${exitFile}'; sleep 60`;
      tmux("new-session", "-d", "-s", "tui", "-x", "80", "-y", "24", command);
      await until("the findings list", screenWith("swap-resync"));
      process.kill(Number(readFileSync(pidFile, "utf8").trim()), "SIGTERM");
      const status = await until("the exit status", () => (existsSync(exitFile) ? readFileSync(exitFile, "utf8").trim() : undefined));
      expect(status).toBe("0");
      // Raw mode is off again (icanon, echo), and the alternate screen is gone.
      expect(readFileSync(sttyFile, "utf8")).toMatch(/(^|\s)icanon(\s|$)/);
      expect(readFileSync(sttyFile, "utf8")).toMatch(/(^|\s)echo(\s|$)/);
      expect(tmux("capture-pane", "-p", "-t", "tui")).not.toContain("[1 Findings]");
    });
  },
);
