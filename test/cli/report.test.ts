import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { repositoryRoot, runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const sample = (name: string): string => join(repositoryRoot, "samples", name);
const goldenPath = fileURLToPath(new URL("../present/report/golden/site-failover-svol-takeover.md", import.meta.url));

function write(root: string, relative: string, content: string): string {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** A one-node bundle with a line each day from Nov 15 to Nov 18, 2026. */
function smallBundle(root: string): string {
  const days = [15, 16, 17, 18].map((day) => `Nov ${day} 12:00:00 nodeA1 cmcld[2048]: Started package oracle_pkg on node nodeA1.`);
  write(root, "bundle/nodeA1/var/adm/syslog/syslog.log", `${days.join("\n")}\n`);
  return join(root, "bundle");
}

interface WindowDocument {
  window: { since: string; until: string; sinceSource: string; untilSource: string; dataOutside: string | null };
  summary: { lines: number };
  exitStatus: number;
}

function reportJson(args: readonly string[]): WindowDocument {
  const result = runMcadvisor(["report", "--format", "json", "--tz", "UTC", ...args]);
  expect(result.code, result.stderr).not.toBe(3);
  return JSON.parse(result.stdout) as WindowDocument;
}

describe("mcadvisor report", () => {
  it("HTML: a resolved finding says which package and device group it was about", () => {
    const result = runMcadvisor([
      "report",
      "--db",
      join(tempDir(), "r.db"),
      "--since",
      "2026-11-01",
      "--until",
      "2026-12-01",
      "--tz",
      "UTC",
      "--format",
      "html",
      sample("resolved-after-resync"),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const resolved = result.stdout.slice(result.stdout.indexOf('<section id="resolved">'));
    expect(resolved).toMatch(/\[full-resync\]<\/span><\/td><td>oracle_pkg \/ oradg<\/td>/);
  });

  it("exit status like analyze: 0 nothing open above info, 1 warning, 2 critical", () => {
    const root = tempDir();
    const window = ["--since", "2026-11-01", "--until", "2026-12-01", "--tz", "UTC"];
    expect(runMcadvisor(["report", "--db", join(root, "a.db"), ...window, sample("healthy-day")]).code).toBe(0);
    expect(runMcadvisor(["report", "--db", join(root, "b.db"), ...window, sample("member-timeout")]).code).toBe(1);
    expect(runMcadvisor(["report", "--db", join(root, "c.db"), ...window, sample("site-failover-svol-takeover")]).code).toBe(2);
    // The same from the stored database alone (the watch case), and in every format.
    for (const format of ["markdown", "html", "json"]) {
      expect(runMcadvisor(["report", "--db", join(root, "c.db"), ...window, "--format", format]).code).toBe(2);
    }
  });

  it("exit status 3 for usage and store errors, with a message saying what to do", () => {
    const root = tempDir();
    const missing = runMcadvisor(["report", "--db", join(root, "none.db")]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/no database at .*\n {2}hint: /);
    expect(existsSync(join(root, "none.db"))).toBe(false);
    const badSince = runMcadvisor(["report", "--db", join(root, "x.db"), "--since", "yesterday", sample("healthy-day")]);
    expect(badSince.code).toBe(3);
    expect(badSince.stderr).toContain("--since takes a duration");
    expect(existsSync(join(root, "x.db"))).toBe(false); // refused before any analysis
    expect(runMcadvisor(["report", "--db", join(root, "x.db"), "--format", "pdf"]).code).toBe(3);
    expect(runMcadvisor(["report", "--db", join(root, "x.db"), join(root, "no-such-folder")]).code).toBe(3);
  });

  it("remembers the window: the next report starts where the previous one ended; an ad hoc --since report is not remembered", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const bundle = smallBundle(root);
    const first = reportJson(["--db", database, "--year", "2026", "--until", "2026-11-16T12:00", bundle]);
    expect(first.window).toMatchObject({ since: "2026-11-15T12:00:00+00:00", until: "2026-11-16T12:00:00+00:00", sinceSource: "default" });
    expect(first.summary.lines).toBe(1); // half-open: the line at 12:00 on Nov 16 belongs to the next window

    const second = reportJson(["--db", database, "--until", "2026-11-18"]);
    expect(second.window).toMatchObject({ since: "2026-11-16T12:00:00+00:00", until: "2026-11-18T00:00:00+00:00", sinceSource: "previous-report" });
    expect(second.summary.lines).toBe(2);

    const adHoc = reportJson(["--db", database, "--since", "1w", "--until", "2026-11-19"]);
    expect(adHoc.window).toMatchObject({ since: "2026-11-12T00:00:00+00:00", sinceSource: "option" });
    expect(adHoc.summary.lines).toBe(4);

    const third = reportJson(["--db", database, "--until", "2026-11-19"]);
    expect(third.window).toMatchObject({ since: "2026-11-18T00:00:00+00:00", sinceSource: "previous-report" });

    // A post-mortem with an old --until continues from the latest report before it, not from the newest one.
    const old = reportJson(["--db", database, "--until", "2026-11-17"]);
    expect(old.window).toMatchObject({ since: "2026-11-16T12:00:00+00:00", sinceSource: "previous-report" });
  });

  it("without --until the window ends now and continues from the remembered report", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    reportJson(["--db", database, "--year", "2026", "--since", "7d", "--until", "2026-11-19", smallBundle(root)]);
    const stored = new Database(database);
    stored
      .prepare("INSERT INTO report (created_at, since, until, format) VALUES ('2026-11-19T00:00:00Z', ?, ?, 'markdown')")
      .run(Date.UTC(2026, 10, 18), Date.UTC(2026, 10, 19));
    stored.close();
    const next = reportJson(["--db", database]);
    expect(next.window).toMatchObject({ since: "2026-11-19T00:00:00+00:00", sinceSource: "previous-report", untilSource: "now" });
    expect(Date.parse(next.window.until)).toBeGreaterThan(Date.UTC(2026, 10, 19));
  });

  it("without a previous report the window is the 24 h before --until", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const document = reportJson(["--db", database, "--year", "2026", "--until", "2026-11-17T18:00", smallBundle(root)]);
    expect(document.window).toMatchObject({
      since: "2026-11-16T18:00:00+00:00",
      until: "2026-11-17T18:00:00+00:00",
      sinceSource: "default",
      untilSource: "option",
    });
    expect(document.summary.lines).toBe(1);
  });

  it("a report that could not be written is not remembered", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const bundle = smallBundle(root);
    reportJson(["--db", database, "--year", "2026", "--until", "2026-11-16", bundle]);
    const failed = runMcadvisor(["report", "--db", database, "--until", "2026-11-17", "--out", join(root, "missing-folder", "report.md")]);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain("cannot write");
    const next = reportJson(["--db", database, "--until", "2026-11-18"]);
    expect(next.window).toMatchObject({ since: "2026-11-16T00:00:00+00:00", sinceSource: "previous-report" });
  });

  it("old copied logs and a window at now: says the window is empty and where the data lies", () => {
    const root = tempDir();
    // --until now: with PATHs and no window at all the report would cover the logs' own span instead.
    const result = runMcadvisor(["report", "--db", join(root, "db.sqlite"), "--tz", "UTC", "--until", "now", sample("healthy-day")]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("This window holds no log lines.");
    expect(result.stdout).toMatch(/The stored logs run from 2026-11-0\d.* before the window/);
    expect(result.stdout).toMatch(/`mcadvisor report --since 2026-11-\d\dT\d\d:\d\d --until 2026-11-\d\dT\d\d:\d\d`/);
  });

  it("reads a database a writer (watch) holds without taking its lock; analyzing PATHs needs the lock", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const bundle = smallBundle(root);
    expect(runMcadvisor(["report", "--db", database, "--year", "2026", "--since", "7d", "--until", "2026-11-19", bundle]).code).toBe(0);
    // This test process stands in for a running watch: its pid is alive.
    writeFileSync(`${database}.lock`, `${process.pid} watch\n`);
    const reading = runMcadvisor(["report", "--db", database, "--until", "2026-11-20"]);
    expect(reading.code, reading.stderr).toBe(0);
    const analyzing = runMcadvisor(["report", "--db", database, bundle]);
    expect(analyzing.code).toBe(3);
    expect(analyzing.stderr).toContain("is being written by mcadvisor watch");
  });

  it("writes the report to --out, and one Nagios-style status line to stdout", () => {
    const root = tempDir();
    const out = join(root, "report.html");
    const result = runMcadvisor([
      "report",
      "--db",
      join(root, "db.sqlite"),
      "--year",
      "2026",
      "--since",
      "7d",
      "--until",
      "2026-11-19",
      "--format",
      "html",
      "--out",
      out,
      smallBundle(root),
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^MCADVISOR OK - 0 critical, 0 warning, 0 info open; 0 resolved in the window \| critical=0 warning=0 info=0 lines=4 unparsed=0 suspicious=0 unread=0\n$/,
    );
    expect(readFileSync(out, "utf8")).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    const critical = runMcadvisor([
      "report",
      "--db",
      join(root, "c.db"),
      "--since",
      "2026-11-16",
      "--until",
      "2026-11-18",
      "--out",
      join(root, "r.md"),
      sample("site-failover-svol-takeover"),
    ]);
    expect(critical.code).toBe(2);
    expect(critical.stdout).toMatch(
      /^MCADVISOR CRITICAL - 1 critical, 0 warning, 0 info open; 0 resolved in the window; first: Package runs at the failover site [^|]+ \| critical=1 /,
    );
  });

  it("JSON: the findings have analyze's shape, plus the window and the report's sections", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const analyze = runMcadvisor(["analyze", "--db", database, "--format", "json", "--tz", "UTC", sample("site-failover-svol-takeover")]);
    const analyzed = JSON.parse(analyze.stdout) as { findings: Array<Record<string, unknown>> };
    const result = runMcadvisor(["report", "--db", database, "--format", "json", "--tz", "UTC", "--since", "2026-11-16", "--until", "2026-11-18"]);
    expect(result.code).toBe(2);
    const document = JSON.parse(result.stdout) as Record<string, unknown> & { openFindings: Array<Record<string, unknown>> };
    expect(Object.keys(document)).toEqual([
      "tool",
      "version",
      "report",
      "window",
      "summary",
      "openFindings",
      "resolvedFindings",
      "supersededFindings",
      "timelines",
      "packages",
      "packageActivity",
      "suspicious",
      "missingLogs",
      "bundles",
      "unreadLines",
      "exitStatus",
    ]);
    expect(document.exitStatus).toBe(2);
    expect(document.openFindings.map((finding) => finding.id).sort()).toEqual(
      analyzed.findings
        .filter((finding) => finding.status === "open")
        .map((finding) => finding.id)
        .sort(),
    );
    for (const finding of document.openFindings) {
      const { isNew, ...rest } = finding;
      expect(typeof isNew).toBe("boolean");
      expect(rest).toEqual(analyzed.findings.find((candidate) => candidate.id === finding.id));
    }
    const timelines = document.timelines as Array<{
      rows: Array<{ deviceGroup: string; spans: Array<{ state: string; from: string; source: { file: string; line: number } }> }>;
    }>;
    expect(timelines[0].rows.map((row) => row.deviceGroup)).toContain("oradg");
    expect(timelines[0].rows.flatMap((row) => row.spans.map((span) => span.state))).toContain("SSWS");
    expect(document.summary).toMatchObject({
      nodes: ["nodeA1", "nodeA2", "nodeB1", "nodeB2"],
      packages: ["oracle_pkg"],
      deviceGroups: ["oradg"],
      worstSeverity: "critical",
    });
  });

  it("golden Markdown for the site failover sample (UPDATE_GOLDEN=1 rewrites it)", () => {
    const root = tempDir();
    const result = runMcadvisor([
      "report",
      "--db",
      join(root, "db.sqlite"),
      "--since",
      "2026-11-16",
      "--until",
      "2026-11-18",
      "--tz",
      "UTC",
      "--year",
      "2026",
      "samples/site-failover-svol-takeover",
    ]);
    expect(result.code, result.stderr).toBe(2);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(goldenPath, result.stdout);
    expect(result.stdout).toBe(readFileSync(goldenPath, "utf8"));
  });
});
