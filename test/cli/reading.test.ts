/**
Reading a long answer (issue 16 item 5), through the real CLI: colour on request and never from a log,
filters on analyze, several bundles summarised first, report's window over the logs given and its
stale-feed warning, query's help from the schema and its CSV.
*/
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";
import { samplesDirectory } from "../helpers/samples-files.js";

const sample = (name: string): string => join(samplesDirectory, name);
const OUR_CODES = /\u001b\[(?:0|1|2|32|36|1;31|1;33|1;36)m/g;

/** Three incidents side by side: critical + info, a warning, nothing. */
function threeIncidents(): string {
  const root = tempDir();
  for (const name of ["healthy-day", "member-timeout", "site-failover-svol-takeover"]) cpSync(sample(name), join(root, "incidents", name), { recursive: true });
  return root;
}

describe("analyze: colour", () => {
  it("colours severities, commands and evidence paths with --color always, and never lets a log line colour the terminal", () => {
    const root = tempDir();
    const bundle = join(root, "incident");
    cpSync(sample("site-failover-svol-takeover"), bundle, { recursive: true });
    // A forged evidence line carrying a title change and a colour of its own.
    const log = join(bundle, "nodeB1", "etc", "cmcluster", "oracle_pkg", "oracle_pkg.log");
    const lines = readFileSync(log, "utf8").split("\n");
    lines[7] = `${lines[7]} \u001b]0;owned\u0007\u001b[31mred`;
    writeFileSync(log, lines.join("\n"));
    const result = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "--color", "always", "incident"], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("\u001b[1;31mCRITICAL\u001b[0m open [swap-resync]");
    expect(result.stdout).toContain("         \u001b[32mpairresync -g oradg -c 15 -swaps\u001b[0m");
    expect(result.stdout).toMatch(/ {4}\u001b\[36mincident\/nodeB1\/etc\/cmcluster\/oracle_pkg\/oracle_pkg\.log:8\u001b\[0m {2}/);
    // The log's own escape sequences are shown inert; every ESC left is one of ours.
    expect(result.stdout).toContain("^[]0;owned^G^[[31mred");
    expect(result.stdout.replace(OUR_CODES, "")).not.toContain("\u001b");
    // An info finding (the failback, set aside while the replaced array's pairs are to be recreated): cyan.
    const info = runMcadvisor(["analyze", "--db", join(root, "info.sqlite"), "--color", "always", sample("partner-array-replaced-smpl")]);
    expect(info.stdout).toContain("\u001b[1;36mINFO\u001b[0m superseded [failback]");
  });

  it("prints no colour without a terminal, under NO_COLOR or with --color never; --color always wins over NO_COLOR", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const bundle = sample("member-timeout");
    expect(runMcadvisor(["analyze", "--db", database, bundle], { env: { NO_COLOR: "" } }).stdout).not.toContain("\u001b");
    expect(runMcadvisor(["analyze", "--db", database, "--color", "auto", bundle]).stdout).not.toContain("\u001b");
    expect(runMcadvisor(["analyze", "--db", database, "--color", "never", bundle], { env: { NO_COLOR: "" } }).stdout).not.toContain("\u001b");
    expect(runMcadvisor(["analyze", "--db", database, "--color", "always", bundle], { env: { NO_COLOR: "1" } }).stdout).toContain("\u001b[1;33mWARNING");
    const bad = runMcadvisor(["analyze", "--db", database, "--color", "sometimes", bundle]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain("--color must be auto, always or never, not 'sometimes'");
  });
});

describe("analyze: several bundles and filters", () => {
  it("summarises each bundle on one line, worst first, before the details", () => {
    const root = threeIncidents();
    const result = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "incidents"], { cwd: root });
    expect(result.code).toBe(2);
    const summary = result.stdout.slice(result.stdout.indexOf("3 incident bundles"), result.stdout.indexOf("\n== "));
    expect(summary.trimEnd().split("\n")).toEqual([
      "3 incident bundles, worst first (details below):",
      "  CRITICAL  incidents/site-failover-svol-takeover  1 critical, 0 warning, 0 info open; 0 resolved; 1 set aside",
      "  WARNING   incidents/member-timeout               0 critical, 1 warning, 0 info open; 0 resolved",
      "  OK        incidents/healthy-day                  no findings",
    ]);
    // One bundle: no summary block.
    expect(runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "incidents/member-timeout"], { cwd: root }).stdout).not.toContain("incident bundles");
  });

  it("--severity and --open-only hide findings from the details only; the counts and the exit status cover all", () => {
    const root = threeIncidents();
    cpSync(sample("resolved-after-resync"), join(root, "incidents", "resolved-after-resync"), { recursive: true });
    const database = join(root, "db.sqlite");
    const warning = runMcadvisor(["analyze", "--db", database, "--severity", "warning", "incidents"], { cwd: root });
    expect(warning.code).toBe(2);
    // The failback waits for the swap resync: set aside, not open.
    expect(warning.stdout).toContain("findings: 1 critical, 1 warning, 0 info open; 1 resolved; 1 set aside");
    expect(warning.stdout).toContain("showing 3 of 4 findings (--severity warning); the counts above cover all");
    expect(warning.stdout).not.toContain("INFO open [failback]");
    expect(warning.stdout).toContain("WARNING open [raise-member-timeout]");
    const openOnly = runMcadvisor(["analyze", "--db", database, "--open-only", "--format", "json", "incidents"], { cwd: root });
    expect(openOnly.code).toBe(2);
    const statuses = (JSON.parse(openOnly.stdout) as { findings: Array<{ status: string }> }).findings.map((finding) => finding.status);
    expect(statuses.length).toBe(2);
    expect(new Set(statuses)).toEqual(new Set(["open"]));
    const critical = runMcadvisor(["analyze", "--db", database, "--severity", "CRITICAL", "--open-only", "incidents"], { cwd: root });
    expect(critical.stdout).toContain("showing 1 of 4 findings (--open-only, --severity critical)");
    expect(runMcadvisor(["analyze", "--db", database, "--severity", "high", "incidents"], { cwd: root }).code).toBe(3);
  });

  it("--bundle narrows output and exit status to the bundles named; an unknown one is an error listing them", () => {
    const root = threeIncidents();
    const database = join(root, "db.sqlite");
    const one = runMcadvisor(["analyze", "--db", database, "--bundle", "member-timeout", "incidents"], { cwd: root });
    expect(one.code).toBe(1);
    expect(one.stdout).toContain("== incidents/member-timeout ==");
    expect(one.stdout).not.toContain("site-failover");
    const byPath = runMcadvisor(["analyze", "--db", database, "--bundle", "incidents/healthy-day/", "--format", "json", "incidents"], { cwd: root });
    expect(byPath.code).toBe(0);
    expect((JSON.parse(byPath.stdout) as { findings: unknown[] }).findings).toEqual([]);
    const unknown = runMcadvisor(["analyze", "--db", database, "--bundle", "nope", "incidents"], { cwd: root });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("--bundle nope names none of the bundles analysed");
    expect(unknown.stderr).toContain("healthy-day, member-timeout, site-failover-svol-takeover");
  });
});

interface ReportDocument {
  window: { since: string; until: string; sinceSource: string; untilSource: string };
  summary: { lines: number; staleNodes: Array<{ node: string; lastSeen: string; bundleLast: string }> };
}

describe("report over the logs given", () => {
  it("without --since or --until covers the span of the PATHs' logs and is not remembered as a periodic report", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const result = runMcadvisor(["report", "--db", database, "--format", "json", "--tz", "UTC", sample("site-failover-svol-takeover")]);
    expect(result.code, result.stderr).toBe(2);
    const document = JSON.parse(result.stdout) as ReportDocument;
    expect(document.window).toEqual(
      expect.objectContaining({
        since: "2026-11-15T22:00:00+00:00",
        until: "2026-11-17T15:00:41+00:00",
        sinceSource: "logs",
        untilSource: "logs",
      }),
    );
    expect(document.summary.lines).toBeGreaterThan(1000);
    const markdown = runMcadvisor(["report", "--db", database, "--tz", "UTC", sample("site-failover-svol-takeover")]);
    expect(markdown.stdout).toContain("(the first line of the logs given) to 2026-11-17T15:00:41+00:00 (the last line of the logs given)");
    // A cron job without PATHs keeps its periodic window: nothing was remembered by the two reports above.
    const cron = JSON.parse(runMcadvisor(["report", "--db", database, "--format", "json", "--until", "2026-11-18"]).stdout) as ReportDocument;
    expect(cron.window).toMatchObject({ since: "2026-11-17T00:00:00", sinceSource: "default" });
  });

  it("warns when a node that was logging fell silent while the others went on (a stale feed), and not on a healthy day", () => {
    const root = tempDir();
    const bundle = join(root, "day");
    cpSync(sample("healthy-day"), bundle, { recursive: true });
    const healthy = runMcadvisor(["report", "--db", join(root, "healthy.db"), "--format", "json", bundle]);
    expect(healthy.code, healthy.stderr).toBe(0);
    expect((JSON.parse(healthy.stdout) as ReportDocument).summary.staleNodes).toEqual([]);
    expect(healthy.stderr).toBe("");

    // nodeB1's feed stops at noon on the 10th; the others log until midnight.
    const log = join(bundle, "nodeB1", "var", "adm", "syslog", "syslog.log");
    const kept = readFileSync(log, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("Nov  9") || (line.startsWith("Nov 10") && line.slice(7, 9) < "12"));
    writeFileSync(log, `${kept.join("\n")}\n`);
    const lastKept = kept[kept.length - 1].slice(0, 15);
    const stale = runMcadvisor(["report", "--db", join(root, "stale.db"), "--format", "json", "--tz", "UTC", bundle]);
    expect(stale.code, stale.stderr).toBe(0);
    const [node] = (JSON.parse(stale.stdout) as ReportDocument).summary.staleNodes;
    expect(node.node).toBe("nodeB1");
    expect(node.lastSeen).toContain(`T${lastKept.slice(7)}`);
    expect(stale.stderr).toMatch(
      /^mcadvisor: warning: nodeB1 \(.*day\) logged last at 2026-11-10T1\d:\d\d:\d\d\+00:00, 1\d h( \d+ min)? before its bundle's other nodes .*a stale feed\?/,
    );
    const markdown = runMcadvisor(["report", "--db", join(root, "stale.db"), "--tz", "UTC", bundle]);
    expect(markdown.stdout).toContain("> **Warning: a node fell silent.** nodeB1 logged last at");
    expect(markdown.stdout).toMatch(/\| Nodes that fell silent in this window \| nodeB1 \(last line 2026-11-10T/);
    const html = runMcadvisor(["report", "--db", join(root, "stale.db"), "--tz", "UTC", "--format", "html", bundle]);
    expect(html.stdout).toContain("<b>Warning: a node fell silent.</b> nodeB1 logged last at");
  });
});

describe("query", () => {
  it("--help lists every view with the columns a query really sees", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    runMcadvisor(["analyze", "--db", database, sample("member-timeout")]);
    const help = runMcadvisor(["query", "--help"]);
    expect(help.code).toBe(0);
    const views = runMcadvisor(["query", "--db", database, "--format", "json", "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name"]);
    for (const { name } of JSON.parse(views.stdout) as Array<{ name: string }>) {
      const columns = (
        JSON.parse(runMcadvisor(["query", "--db", database, "--format", "json", `SELECT name FROM pragma_table_info('${name}')`]).stdout) as Array<{
          name: string;
        }>
      ).map((row) => row.name);
      const listed = help.stdout
        .slice(help.stdout.indexOf(`\n  ${name} `))
        .split("\n")
        .slice(1, 4)
        .join(" ")
        .replace(/\s+/g, " ");
      expect(listed, name).toContain(columns.join(", "));
    }
    expect(help.stdout).toMatch(/\n {2}findings +id, rule, action, severity/);
  });

  it("--format csv writes RFC 4180 with a header row, quoting, and no formula a spreadsheet would run", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    runMcadvisor(["analyze", "--db", database, sample("member-timeout")]);
    const result = runMcadvisor([
      "query",
      "--db",
      database,
      "--format",
      "csv",
      "SELECT 'a,b' AS comma, 'say \"hi\"' AS quote, '=HYPERLINK(1)' AS formula, -3 AS number, NULL AS empty, char(27) || '[2J' AS control",
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('comma,quote,formula,number,empty,control\r\n"a,b","say ""hi""",\'=HYPERLINK(1),-3,,^[[2J\r\n');
    const rows = runMcadvisor(["query", "--db", database, "--format", "csv", "SELECT host, count(*) AS n FROM log_lines GROUP BY host ORDER BY host"]);
    expect(rows.stdout.split("\r\n")[0]).toBe("host,n");
    expect(rows.stdout.split("\r\n").length).toBeGreaterThan(2);
    expect(runMcadvisor(["query", "--db", database, "--format", "xml", "SELECT 1"]).code).toBe(3);
  });
});
