import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateBundle, generateSyslog } from "../../bench/lib/generate.mjs";
import { formatMarkdown, judgeGoals, judgeTargets } from "../../bench/lib/results.mjs";

const folder = mkdtempSync(join(tmpdir(), "mcadvisor-bench-test-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("bench input generator", () => {
  it("writes the same bytes for the same seed, other bytes for another seed", () => {
    const options = { lines: 3000, startMs: Date.UTC(2026, 10, 16) };
    const first = generateSyslog({ ...options, path: join(folder, "a", "syslog.log"), seed: "test" });
    const again = generateSyslog({ ...options, path: join(folder, "b", "syslog.log"), seed: "test" });
    const other = generateSyslog({ ...options, path: join(folder, "c", "syslog.log"), seed: "other" });
    expect(first.lines).toBe(3000);
    expect(again).toEqual(first);
    expect(readFileSync(join(folder, "b", "syslog.log"))).toEqual(readFileSync(join(folder, "a", "syslog.log")));
    expect(other.sha256).not.toBe(first.sha256);
  });

  it("writes HP-UX syslog lines, about a tenth of them Serviceguard ones", () => {
    const written = generateSyslog({ path: join(folder, "d", "syslog.log"), lines: 5000, seed: "share", startMs: Date.UTC(2026, 10, 16) });
    const lines = readFileSync(join(folder, "d", "syslog.log"), "utf8")
      .trimEnd()
      .split("\n");
    expect(lines).toHaveLength(5000);
    for (const line of lines) expect(line).toMatch(/^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d node[AB][12] \S/);
    expect(written.serviceguardLines / written.lines).toBeGreaterThan(0.05);
    expect(written.serviceguardLines / written.lines).toBeLessThan(0.15);
  });

  it("builds the same 4-node incident bundle from the sample each time", () => {
    const options = { samplesDirectory: join(import.meta.dirname, "..", "..", "samples"), lines: 2000, seed: "bundle" };
    const first = generateBundle({ ...options, directory: join(folder, "bundle-1") });
    const again = generateBundle({ ...options, directory: join(folder, "bundle-2") });
    expect(again.sha256).toBe(first.sha256);
    expect(readFileSync(join(folder, "bundle-1", "nodeA2", "etc", "cmcluster", "oracle_pkg", "oracle_pkg.log"), "utf8")).toContain("PVOL_PSUE");
    expect(readFileSync(join(folder, "bundle-1", "nodeB2", "var", "adm", "syslog", "syslog.log"), "utf8").length).toBeGreaterThan(0);
  });
});

describe("bench results", () => {
  it("judges each goal and writes a Markdown table with the baselines", () => {
    const results: Record<string, unknown> = {
      date: "2026-11-25T00:00:00.000Z",
      machine: { cpuModel: "Test CPU", cores: 2, memoryBytes: 2 ** 34, node: "v20", sqlite: "3", lnav: "lnav 0.11.1" },
      analyze: {
        "1m": {
          wallMs: 10_000,
          lines: 1_000_000,
          linesStored: 1_000_000,
          linesPerSecond: 100_000,
          mbPerSecond: 10,
          peakRssBytes: 200 * 2 ** 20,
          inputBytes: 1e8,
          database: { bytes: 2e8, bytesPerMillionLines: 2e8 },
        },
      },
      baselines: {
        lnav: { installed: true, wallMs: 1000, linesPerSecond: 1e6, mbPerSecond: 100, peakRssBytes: 100 * 2 ** 20 },
        readline: { wallMs: 500, linesPerSecond: 2e6, mbPerSecond: 200, peakRssBytes: 2 ** 27 },
      },
      firstFinding: { lines: 200_000, incident: "x", analyze: { firstFindingMs: 800, wallMs: 900, action: "full-resync" } },
      watch: { latencyMs: { p50: 10, p99: 40, max: 45, samples: 100 }, idleCpuPercent: 0.1, throughput: { lines: 1, linesPerSecond: 1 } },
    };
    const goals = judgeGoals(results);
    expect(goals.find((goal) => goal.id === "speed-vs-lnav")?.verdict).toBe("MISS");
    expect(goals.find((goal) => goal.id === "rss-1m")?.verdict).toBe("PASS");
    expect(goals.find((goal) => goal.id === "rss-flat")?.verdict).toBe("n/a");
    expect(goals.find((goal) => goal.id === "first-finding-analyze")?.verdict).toBe("PASS");
    const markdown = formatMarkdown({ ...results, goals });
    expect(markdown).toContain("| goal | measured | verdict |");
    expect(markdown).toContain("| lnav headless `SELECT count(*) FROM syslog_log`, 1M | 1.00 s |");
    expect(markdown).toContain("**MISS**");
  });

  it("puts each issue-14 target beside lnav's figure from the same run", () => {
    const results: Record<string, unknown> = {
      analyze: {
        "1m": {
          wallMs: 900,
          runs: 3,
          ratioVsLnav: 0.9,
          peakRssBytes: 150 * 2 ** 20,
          lnav: { wallMs: 1000, peakRssBytes: 100 * 2 ** 20 },
          database: { bytesPerMillionLines: 50 * 2 ** 20, withSearchIndexPerMillionLines: 80 * 2 ** 20 },
        },
        samples: { wallMs: 500, runs: 3, ratioVsLnav: 1.5, lnav: { wallMs: 333 } },
      },
      search: {
        before: { tuiFirstMatch: { word: "w", ms: 50 }, tuiNoMatch: { word: "z", ms: 250 }, queryAllMatches: { ms: 60 }, queryNoMatch: { ms: 260 } },
        after: { tuiFirstMatch: { word: "w", ms: 2 }, tuiNoMatch: { word: "z", ms: 1 }, queryAllMatches: { ms: 3 }, queryNoMatch: { ms: 1 } },
        build: { ms: 2000, indexBytes: 2 ** 25 },
        hour: { since: "2026-11-17T00:00:00", storeApi: { ms: 5 }, sql: { ms: 400 } },
        oneFile: { ms: 300 },
        everyLine: { ms: 400 },
      },
    };
    const targets = judgeTargets(results);
    expect(targets.find((row) => row.id === "1m-vs-lnav")).toMatchObject({
      verdict: "PASS",
      measured: expect.stringContaining("0.90×** (0.90 s vs lnav 1.00 s"),
    });
    expect(targets.find((row) => row.id === "samples-vs-lnav")?.verdict).toBe("MISS");
    expect(targets.find((row) => row.id === "10m-vs-lnav")?.verdict).toBe("n/a");
    expect(targets.find((row) => row.id === "database")?.verdict).toBe("PASS");
    expect(targets.find((row) => row.id === "search")?.verdict).toBe("PASS");
    const markdown = formatMarkdown({ ...results, targets, goals: [] });
    expect(markdown).toContain("| figure | before | target | measured | verdict |");
    expect(markdown).toContain("Building the search index: 2.00 s, 32.0 MiB.");
  });
});
