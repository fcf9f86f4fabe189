/**
analyze stores a bundle's findings as they change while its files are read (issue 14), so a run that stops part
way (killed, a full disk) leaves findings of the lines read so far. Readers (report, tui) must say the analysis did
not finish and never call such a bundle OK; running the command again finishes it.
*/
import { spawn, spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { generateBundle } from "../../bench/lib/generate.mjs";
import { loadRules } from "../../src/catalogue/load.js";
import { describeReadability, readabilityVerdict } from "../../src/model/readability.js";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { openDatabase } from "../../src/store/db.js";
import { unfinishedAnalyses } from "../../src/store/read.js";
import { Store } from "../../src/store/store.js";
import { binary, repositoryRoot, runMcadvisor } from "../helpers/cli.js";
import { samplesDirectory } from "../helpers/samples-files.js";
import { tempDir } from "../helpers/temp.js";

const { rules } = loadRules([], { collectErrors: true });
const WHOLE_WINDOW = ["--since", "2000-01-01T00:00", "--until", "2100-01-01T00:00"];

function healthyBundle(): string {
  const bundle = join(tempDir("mcadvisor-unfinished-"), "healthy-day");
  cpSync(join(samplesDirectory, "healthy-day"), bundle, { recursive: true });
  return bundle;
}

function reportJson(database: string): { exitStatus: number; bundles: Array<{ verdict: string | null; unfinished?: { running: boolean | null } }> } {
  const result = runMcadvisor(["report", "--db", database, "--format", "json", ...WHOLE_WINDOW]);
  return JSON.parse(result.stdout);
}

describe("an analysis stopped by an error part way", () => {
  it("leaves its bundle UNKNOWN in the report, said under the status, and the same command again finishes it", async () => {
    const bundle = healthyBundle();
    const database = join(tempDir(), "stopped.db");
    const store = new Store(openDatabase(database));
    const append = store.appendLines.bind(store);
    let calls = 0;
    store.appendLines = (...args: Parameters<Store["appendLines"]>) => {
      if (++calls === 3) throw new Error("database or disk is full");
      append(...args);
    };
    await expect(analyzePaths(store, { paths: [bundle], rules, timeZone: "UTC", fixedYear: 2026 })).rejects.toThrow("database or disk is full");
    store.close();

    // Before, the findings of what was read (none, a healthy day) made this an all-clear: exit 0.
    const report = runMcadvisor(["report", "--db", database, ...WHOLE_WINDOW]);
    expect(report.code, report.stderr).toBe(3);
    expect(report.stdout).toContain("**Status: UNKNOWN**");
    expect(report.stdout).toContain("Nothing open so far: an analysis has not finished (above), so this is no all-clear.");
    expect(report.stdout).toMatch(
      /> \*\*Not finished:\*\* `[^`]*healthy-day`: its analysis \(mcadvisor analyze, pid \d+ on [^,]+, started [^)]+\) stopped before its end/,
    );
    const json = reportJson(database);
    expect(json.exitStatus).toBe(3);
    expect(json.bundles).toEqual([expect.objectContaining({ verdict: "analysis-unfinished", unfinished: expect.objectContaining({ running: false }) })]);
    const html = runMcadvisor(["report", "--db", database, "--format", "html", ...WHOLE_WINDOW]);
    expect(html.stdout).toContain("<b>Not finished:</b>");
    // The monitoring line of `report --out`: UNKNOWN, and why.
    const check = runMcadvisor(["report", "--db", database, "--out", join(tempDir(), "r.html"), "--format", "html", ...WHOLE_WINDOW]);
    expect(check.code).toBe(3);
    expect(check.stdout).toMatch(/^MCADVISOR UNKNOWN - .*; analysis of one bundle not finished \(see the report\)/);

    const again = new Store(openDatabase(database));
    await analyzePaths(again, { paths: [bundle], rules, timeZone: "UTC", fixedYear: 2026 });
    again.close();
    const finished = runMcadvisor(["report", "--db", database, ...WHOLE_WINDOW]);
    expect(finished.code, finished.stdout).toBe(0);
    expect(finished.stdout).not.toContain("Not finished");
    expect(finished.stdout).toContain("Nothing open: no manual procedure is pending.");
  }, 120_000);
});

describe("an analyze killed while it reads", () => {
  it("is told as stopped part way (its pid is gone) until it is run again", async () => {
    const bundle = join(tempDir("mcadvisor-killed-"), "incident");
    generateBundle({ directory: bundle, samplesDirectory, lines: 48_000, seed: "killed" });
    const database = join(tempDir(), "killed.db");
    const args = ["analyze", "--db", database, "--tz", "UTC", "--year", "2026", bundle];
    const child = spawn(process.execPath, [binary, ...args], { cwd: repositoryRoot, env: { ...process.env, NO_COLOR: "1", TZ: "UTC" }, stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let running = true;
    void exited.then(() => (running = false));
    // Killed once some lines are stored and before the bundle is concluded (a loaded machine only makes this wider).
    let caught = false;
    while (running && !caught) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      try {
        const reader = new Database(database, { readonly: true, fileMustExist: true });
        try {
          caught = reader.prepare("SELECT EXISTS (SELECT 1 FROM block) AND EXISTS (SELECT 1 FROM analysis WHERE finished_at IS NULL)").pluck().get() === 1;
        } finally {
          reader.close();
        }
      } catch {
        // not created yet, or its schema not yet committed: look again
      }
      if (caught) child.kill("SIGKILL");
    }
    await exited;
    expect(caught, "the analyze finished before any line was seen stored").toBe(true);

    const report = runMcadvisor(["report", "--db", database, ...WHOLE_WINDOW]);
    expect(report.code, report.stderr).toBe(3);
    expect(report.stdout).toMatch(/Not finished:.*stopped before its end/);

    const rerun = runMcadvisor(args);
    expect(rerun.code, rerun.stderr).not.toBe(3);
    const after = runMcadvisor(["report", "--db", database, ...WHOLE_WINDOW]);
    expect(after.stdout).not.toContain("Not finished");
    expect(after.code).toBe(rerun.code);
  }, 180_000);
});

describe("whether an analysis not finished still runs", () => {
  it("is its process alive here; gone: stopped; begun on another machine: not known", () => {
    const store = new Store(openDatabase(join(tempDir(), "running.db")));
    store.beginAnalysis("/b", "analyze");
    const analysis = () => unfinishedAnalyses(store.database, ["/b", "/other"]).get("/b")!;
    expect(analysis()).toMatchObject({ command: "analyze", pid: process.pid, host: hostname(), running: true });
    const reading = { bundle: "/b", files: 1, lines: 10, unreadable: 0, unread: 0, unfinished: analysis() };
    expect(readabilityVerdict(reading)).toBe("analysis-unfinished");
    expect(describeReadability(reading)).toContain("is still running");

    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    store.database.prepare("UPDATE analysis SET pid = ?").run(gone);
    expect(analysis().running).toBe(false);
    expect(describeReadability({ ...reading, unfinished: analysis() })).toContain("stopped before its end");

    store.database.prepare("UPDATE analysis SET host = 'another-machine'").run();
    expect(analysis().running).toBe(null);
    expect(describeReadability({ ...reading, unfinished: analysis() })).toContain("cannot be told from this machine");

    store.finishAnalysis("/b");
    expect(unfinishedAnalyses(store.database, ["/b"]).size).toBe(0);
    // A bundle renamed (its folder moved) keeps its record.
    store.beginAnalysis("/b", "report");
    store.renameBundle("/b", "/c");
    expect(unfinishedAnalyses(store.database, ["/c"]).get("/c")?.command).toBe("report");
    store.close();
  });
});
