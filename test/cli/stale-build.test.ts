import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp.js";

// A copy of the launcher in a checkout of its own: touching the real sources would disturb other tests.
function checkout(): string {
  const root = tempDir();
  for (const folder of ["bin", "src/cli", "grammars", "dist/cli"]) mkdirSync(join(root, folder), { recursive: true });
  copyFileSync(join(import.meta.dirname, "../../bin/mcadvisor.js"), join(root, "bin/mcadvisor.js"));
  writeFileSync(join(root, "dist/cli/main.js"), "export async function runCli() { process.stdout.write('ran\\n'); return 0; }\n");
  writeFileSync(join(root, "src/cli/main.ts"), "");
  writeFileSync(join(root, "grammars/metrocluster.ne"), "");
  writeFileSync(join(root, "dist/.build-stamp"), "");
  const past = new Date(Date.now() - 60_000);
  const built = new Date(Date.now() - 30_000);
  for (const file of ["src/cli/main.ts", "grammars/metrocluster.ne"]) utimesSync(join(root, file), past, past);
  utimesSync(join(root, "dist/.build-stamp"), built, built);
  return root;
}

describe("the launcher in a source checkout", () => {
  it("runs the build when it is newer than every source", () => {
    const root = checkout();
    const run = spawnSync(process.execPath, [join(root, "bin/mcadvisor.js")], { encoding: "utf8" });
    expect(run.stdout).toBe("ran\n");
    expect(run.status).toBe(0);
  });

  it("refuses a build older than a source or grammar (a git pull without npm run build) with exit 3 and the command to run", () => {
    const root = checkout();
    writeFileSync(join(root, "grammars/metrocluster.ne"), "# changed\n");
    const run = spawnSync(process.execPath, [join(root, "bin/mcadvisor.js")], { encoding: "utf8" });
    expect(run.status).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("grammars/metrocluster.ne");
    expect(run.stderr).toContain("npm run build");
  });
});
