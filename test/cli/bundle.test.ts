import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot, runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

// The launcher runs the bundled CLI (scripts/bundle.mjs, part of npm run build), so every CLI test runs it; these
// check what the bundle must locate by path, beside its own chunks: the parse worker and the query runner.
describe("the bundled CLI", () => {
  it("is built with its entries side by side", () => {
    for (const entry of ["main.js", "parse-worker.js", "query-runner.js"]) expect(existsSync(join(repositoryRoot, "dist", "bundle", entry)), entry).toBe(true);
  });

  it("parses in its bundled worker what it parses on the main thread", () => {
    const root = tempDir();
    const scenario = join(repositoryRoot, "samples", "site-failover-svol-takeover");
    const run = (thread: string) =>
      runMcadvisor(["analyze", "--format", "json", "--tz", "UTC", "--db", join(root, `${thread}.db`), scenario], { env: { MCADVISOR_PARSE_THREAD: thread } });
    const worker = run("worker");
    const main = run("main");
    expect(worker.stderr).toBe(main.stderr);
    expect(worker.code).toBe(main.code);
    expect(JSON.parse(worker.stdout)).toEqual(JSON.parse(main.stdout));
    expect((JSON.parse(main.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    const count = runMcadvisor(["query", "--db", join(root, "worker.db"), "--format", "json", "SELECT count(*) AS n FROM log_lines"]);
    expect(count.code).toBe(0);
    expect((JSON.parse(count.stdout) as { n: number }[])[0].n).toBeGreaterThan(0);
  });
});
