import { spawn } from "node:child_process";
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { binary, repositoryRoot, runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";
import { nodeTree, startWatch, syslogLine } from "../watch/harness.js";
import { waitFor } from "../helpers/wait.js";

const environment = { ...process.env, NO_COLOR: "1", TZ: "UTC", XDG_CONFIG_HOME: join(repositoryRoot, "test", "fixtures", "no-config") };

/** Runs the CLI with its standard output closed by the reader before anything is written (`| head -0`). */
function runWithClosedOutput(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [binary, ...args], { cwd: repositoryRoot, env: environment, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.once("close", (code) => resolveRun({ code, stderr }));
  });
}

describe("a reader that closes standard output early", () => {
  const sample = join(repositoryRoot, "samples", "links-fence-never-primary-restart");

  it("analyze keeps the analysis's exit status (not 1) and prints no stack trace", async () => {
    const db = join(tempDir(), "a.db");
    const whole = runMcadvisor(["analyze", "--db", join(tempDir(), "b.db"), sample]);
    expect(whole.code).toBe(2);
    for (const format of ["text", "json"]) {
      const closed = await runWithClosedOutput(["analyze", "--db", db, "--format", format, sample]);
      expect(closed.stderr).not.toMatch(/EPIPE|Unhandled|at .*\(node:/);
      expect(closed.code).toBe(whole.code);
    }
  });

  it("watch stops as on Ctrl-C when nobody reads its changes", async () => {
    const tree = nodeTree();
    writeFileSync(tree.syslog, `${syslogLine("syslogd: restart")}\n`);
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root, "--tz", "UTC"]);
    watcher.process.stdout?.destroy();
    appendFileSync(tree.syslog, `${syslogLine("root: pairdisplay -g dbdg: EX_COMERR (255) can't communicate with HORCM instance 1")}\n`);
    const code = await watcher.exited;
    expect(code).toBe(0);
    await waitFor(() => (watcher.stderr().includes("stopped") ? true : undefined), "watch to say it stopped");
    expect(watcher.stderr()).not.toMatch(/EPIPE|Unhandled/);
  });
});
