/**
Serviceguard for Linux through the real CLI: every layout is discovered (node from the folder above the
layout root, package from its own folder or log name, never `run`, `conf` or `log`), every timestamp form
is read with its year and offset, a bundle mixing HP-UX and Linux nodes in several zones is ordered by
the real instant, and Continentalclusters' event log is read on both systems.
*/
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

function write(root: string, relative: string, lines: readonly string[] | Buffer): void {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.isBuffer(lines) ? lines : lines.map((line) => `${line}\n`).join(""));
}

function analyze(db: string, args: readonly string[]): { findings: Array<Record<string, unknown>> } {
  const result = runMcadvisor(["analyze", "--db", db, "--format", "json", ...args]);
  expect(result.stderr).toBe("");
  const document = JSON.parse(result.stdout) as { findings: Array<Record<string, unknown>>; bundles: Array<{ verdict: string | null }> };
  // 3 says the analysis could not run, unless it ran and its bundles showed nothing about the cluster (these
  // fixtures' lines are about time stamps, not the cluster; README "Exit status").
  if (result.code === 3) expect(document.bundles.every((bundle) => bundle.verdict === "nothing-about-cluster")).toBe(true);
  return document;
}

function query<Row>(db: string, sql: string): Row[] {
  const result = runMcadvisor(["query", "--db", db, "--format", "json", sql]);
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as Row[];
}

interface FileRow {
  file: string;
  host: string | null;
  package: string | null;
  format: string;
  lines: number;
}

describe("analyze on Serviceguard for Linux layouts", () => {
  it("discovers messages*, journal exports, $SGCONF and $SGRUN package logs on both distributions, and the event log", () => {
    const root = tempDir();
    const bundle = join(root, "incident");
    const rfc = (time: string, host: string, text: string): string => `2026-03-02T${time}.120000+01:00 ${host} cmcld[3021]: ${text}`;
    // Red Hat: $SGCONF=/usr/local/cmcluster/conf, $SGRUN=/usr/local/cmcluster/run
    write(bundle, "nodeB1/var/log/messages", [rfc("04:11:09", "nodeB1", "2 nodes have formed a new cluster")]);
    write(bundle, "nodeB1/var/log/messages.1", [rfc("03:00:00", "nodeB1", "Attempting to form a new cluster")]);
    write(bundle, "nodeB1/var/log/messages-20260301.gz", gzipSync(Buffer.from(`${rfc("02:00:00", "nodeB1", "Starting cluster management protocols.")}\n`)));
    write(bundle, "nodeB1/usr/local/cmcluster/run/log/pkgA.log", [
      "Mar  2 04:11:01 root@nodeB1 master_control_script.sh[21259]: ###### Starting package pkgA ######",
    ]);
    write(bundle, "nodeB1/usr/local/cmcluster/run/log/pkgA.log.1", [
      "Mar  1 04:11:01 root@nodeB1 master_control_script.sh[1259]: ###### Starting package pkgA ######",
    ]);
    write(bundle, "nodeB1/usr/local/cmcluster/conf/pkgB/pkgB.cntl.log", [
      'Mar  2 04:12:01 - Node "nodeB1": Activating volume group vg02 with exclusive option.',
    ]);
    write(bundle, "nodeB1/usr/local/cmcluster/conf/pkgB/pkgB.conf", ["package_name\t\tpkgB", "run_script_timeout\tno_timeout"]);
    write(bundle, "nodeB1/usr/local/cmcluster/conf/cluster.ascii", ["CLUSTER_NAME\t\tlnx_cl", "NODE_NAME\t\tnodeB1"]);
    // SUSE: $SGCONF=/opt/cmcluster/conf, $SGRUN=/opt/cmcluster/run
    write(bundle, "nodeB2/opt/cmcluster/run/log/pkgC.log", ["Mar  2 04:13:01 root@nodeB2 master_control_script.sh[3001]: ###### Starting package pkgC ######"]);
    write(bundle, "nodeB2/opt/cmcluster/conf/pkgD/pkgD.log", ['Mar  2 04:14:01 - Node "nodeB2": Activating volume group vg04 with exclusive option.']);
    // journalctl exports: by name, and a .txt recognised by its first stamped line
    write(bundle, "nodeB2/var/log/journal.txt", [
      "-- Logs begin at Mon 2026-03-02 00:00:01 CET, end at Mon 2026-03-02 18:00:00 CET. --",
      "2026-03-02T04:15:00+0100 nodeB2 cmcld[3021]: Timed out node nodeB1. It may have failed.",
    ]);
    write(bundle, "nodeB2/var/log/boot-export.txt", [
      "",
      "-- Boot 5f2c0a61d2b14e3c9d1f2b7a8e6c4d10 --",
      "2026-03-02T04:16:00+01:00 nodeB2 systemd[1]: Started cmcluster.service.",
    ]);
    // Continentalclusters' event log, no extension
    write(bundle, "nodeC1/var/opt/resmon/log/cc/eventlog", ["Mon Mar  2 04:17:00 CET 2026 CLUSTER_ALERT primary_cluster/UNREACHABLE 5 MINUTES"]);
    // sudo's log on Red Hat: what an operator ran as root (a horctakeover by hand)
    write(bundle, "nodeB1/var/log/secure", [
      "Mar  2 04:11:09 nodeB1 sshd[1]: Accepted publickey for root",
      "Mar  2 04:11:40 nodeB1 sudo:  oper : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/HORCM/usr/bin/pairdisplay -g dgB -fcx",
    ]);
    // not logs of the cluster: the journal's binary files, other /var/log files, a note
    write(bundle, "nodeB1/var/log/journal/0a1b2c3d/system.journal", Buffer.from([0x4c, 0x50, 0x4b, 0x53, 0x48, 0x48, 0x52, 0x48, 0, 1, 2]));
    write(bundle, "nodeB1/var/log/maillog", ["Mar  2 04:11:09 nodeB1 postfix/qmgr[1]: 4F1A2: removed"]);
    write(bundle, "nodeB1/notes.txt", ["site B was patched on Friday"]);

    const db = join(root, "linux.db");
    analyze(db, [bundle]);
    const files = query<FileRow>(db, "SELECT file, host, package, min(format) AS format, count(*) AS lines FROM log_lines GROUP BY file ORDER BY file");
    const relative = files.map((row) => ({ ...row, file: row.file.slice(bundle.length + 1) }));
    expect(relative.map((row) => [row.file, row.host, row.package])).toEqual([
      ["nodeB1/usr/local/cmcluster/conf/cluster.ascii", "nodeB1", null],
      ["nodeB1/usr/local/cmcluster/conf/pkgB/pkgB.cntl.log", "nodeB1", "pkgB"],
      ["nodeB1/usr/local/cmcluster/conf/pkgB/pkgB.conf", "nodeB1", "pkgB"],
      ["nodeB1/usr/local/cmcluster/run/log/pkgA.log", "nodeB1", "pkgA"],
      ["nodeB1/usr/local/cmcluster/run/log/pkgA.log.1", "nodeB1", "pkgA"],
      ["nodeB1/var/log/messages", "nodeB1", null],
      ["nodeB1/var/log/messages-20260301.gz", "nodeB1", null],
      ["nodeB1/var/log/messages.1", "nodeB1", null],
      ["nodeB1/var/log/secure", "nodeB1", null],
      ["nodeB2/opt/cmcluster/conf/pkgD/pkgD.log", "nodeB2", "pkgD"],
      ["nodeB2/opt/cmcluster/run/log/pkgC.log", "nodeB2", "pkgC"],
      ["nodeB2/var/log/boot-export.txt", "nodeB2", null],
      ["nodeB2/var/log/journal.txt", "nodeB2", null],
      ["nodeC1/var/opt/resmon/log/cc/eventlog", "nodeC1", null],
    ]);
    for (const row of files) expect(["run", "conf", "log", "logs"]).not.toContain(row.package);
    expect(relative.filter((row) => row.format === "unknown")).toEqual([]);
    // One incident: every node folder belongs to the same bundle.
    expect(query<{ bundle: string }>(db, "SELECT DISTINCT bundle FROM log_lines")).toEqual([{ bundle }]);
  });

  it("reads each timestamp form with its year, fraction and offset, and never infers a year for a dated line", () => {
    const root = tempDir();
    const bundle = join(root, "stamps");
    write(bundle, "nodeB1/var/log/messages", [
      "2026-03-02T04:11:09.123456+01:00 nodeB1 cmcld[3021]: rfc3339 with fraction",
      "2026-03-02T04:11:10+01:00 nodeB1 cmcld[3021]: rfc3339 without fraction",
      "2026-03-02T03:11:11Z nodeB1 cmcld[3021]: rfc3339 in UTC",
      "2026-03-02T04:11:12+0100 nodeB1 cmcld[3021]: journalctl short-iso",
      "2026-03-02T04:11:13.500000+0100 nodeB1 cmcld[3021]: journalctl short-iso-precise",
      "Mar  2 04:11:14 nodeB1 cmcld[3021]: traditional BSD",
      // A dated line of another year: read as written, whatever the year inference would say.
      "2019-12-31T23:59:59+01:00 nodeB1 cmcld[3021]: an old clock",
    ]);
    const db = join(root, "stamps.db");
    // --year would move year-less lines only.
    analyze(db, ["--year", "2030", bundle]);
    const rows = query<{ ts: string; text: string; format: string; host: string }>(db, "SELECT ts, text, format, host FROM log_lines ORDER BY line_no");
    expect(rows.map((row) => [row.ts, row.format, row.host])).toEqual([
      ["2026-03-02T04:11:09", "syslog", "nodeB1"],
      ["2026-03-02T04:11:10", "syslog", "nodeB1"],
      ["2026-03-02T04:11:11", "syslog", "nodeB1"],
      ["2026-03-02T04:11:12", "syslog", "nodeB1"],
      ["2026-03-02T04:11:13", "syslog", "nodeB1"],
      ["2030-03-02T04:11:14", "syslog", "nodeB1"],
      ["2019-12-31T23:59:59", "syslog", "nodeB1"],
    ]);
  });

  it("reads journalctl's other output modes: short-precise, short-full, short-unix and a json export found by its content", () => {
    const root = tempDir();
    const bundle = join(root, "journal-modes");
    // One sequence of instants from 2024-02-27T15:00:00Z (16:00 in Berlin), each node exporting its journal differently.
    write(bundle, "nodeA1/var/log/journal.txt", [
      "-- Journal begins at Mon 2024-02-26 09:12:44 CET, ends at Tue 2024-02-27 16:20:00 CET. --",
      "Feb 27 16:00:00.250000 nodeA1 cmcld[2048]: step-0 (short-precise)",
    ]);
    write(bundle, "nodeA2/var/log/nodeA2.short-full", ["Tue 2024-02-27 16:00:01 CET nodeA2 cmcld[2049]: step-1 (short-full)"]);
    write(bundle, "nodeB1/var/log/nodeB1.short-unix", ["1709046002.500000 nodeB1 cmcld[3021]: step-2 (short-unix)"]);
    const entry = (micros: string, message: unknown): string =>
      JSON.stringify({ __CURSOR: "s=1;i=2", __REALTIME_TIMESTAMP: micros, _HOSTNAME: "nodeB2", SYSLOG_IDENTIFIER: "cmcld", _PID: "3022", MESSAGE: message });
    write(bundle, "nodeB2/var/log/export.json", [
      entry("1709046003000000", "step-3 (json)"),
      entry("1709046004000000", [...Buffer.from("step-4 (json, bytes) \xff", "latin1")]),
    ]);
    const read = (db: string): Array<[string, string, string]> =>
      // The stored text is the line as written: the entry whose MESSAGE is bytes shows them as numbers.
      query<{ ts: string; text: string; host: string }>(db, "SELECT ts, text, host FROM log_lines WHERE ts IS NOT NULL ORDER BY ts, file, line_no").map(
        (row) => [row.ts, row.host, /step-\d/.exec(row.text)?.[0] ?? (row.text.includes("[115,116,101,112,45,52,") ? "step-4" : row.text)],
      );
    const zoned = join(root, "zoned.db");
    analyze(zoned, ["--tz", "Europe/Berlin", bundle]);
    expect(read(zoned)).toEqual([
      ["2024-02-27T16:00:00", "nodeA1", "step-0"],
      ["2024-02-27T16:00:01", "nodeA2", "step-1"],
      ["2024-02-27T16:00:02", "nodeB1", "step-2"],
      ["2024-02-27T16:00:03", "nodeB2", "step-3"],
      ["2024-02-27T16:00:04", "nodeB2", "step-4"],
    ]);
    // Without --tz: the wall-clock stamps as written; the epoch instants on UTC (no zoned line sets the clock).
    const plain = join(root, "plain.db");
    analyze(plain, ["--year", "2024", bundle]);
    expect(read(plain).map(([ts, , step]) => [ts, step])).toEqual([
      ["2024-02-27T15:00:02", "step-2"],
      ["2024-02-27T15:00:03", "step-3"],
      ["2024-02-27T15:00:04", "step-4"],
      ["2024-02-27T16:00:00", "step-0"],
      ["2024-02-27T16:00:01", "step-1"],
    ]);
  });

  it("finds pairs suspended at the end of a journal exported with -o json", () => {
    const root = tempDir();
    const bundle = join(root, "json-psue");
    let micros = 1709031600000000; // 2024-02-27T11:00:00Z
    const entry = (identifier: string, message: string, minutes: number): string => {
      micros += minutes * 60_000_000;
      return JSON.stringify({
        __REALTIME_TIMESTAMP: String(micros),
        _HOSTNAME: "wms-a1",
        PRIORITY: "6",
        SYSLOG_IDENTIFIER: identifier,
        _PID: "5544",
        MESSAGE: message,
        _TRANSPORT: "syslog",
      });
    };
    write(bundle, "wms-a1/wms-a1.journal.json", [
      entry("mcxpca_dgmon", "dg_wms: device group state: local PVOL_PAIR, remote SVOL_PAIR", 1),
      entry("sshd", "pam_unix(sshd:session): session closed for user oracle", 60),
      entry("mcxpca_dgmon", "dg_wms: device group state: local PVOL_PSUE, remote SVOL_PSUE", 180),
      entry("mcxpca_dgmon", "dg_wms: device group state: local PVOL_PSUE, remote SVOL_PSUE", 10),
      entry("sshd", "Accepted publickey for oracle from 10.88.3.11 port 46710 ssh2", 9),
    ]);
    const db = join(root, "json.db");
    const { findings } = analyze(db, ["--tz", "Europe/Berlin", bundle]);
    const open = findings.filter((finding) => finding.status === "open");
    expect(open.map((finding) => [finding.rule, finding.deviceGroup])).toContainEqual(["pairs-suspended-at-logs-end", "dg_wms"]);
    expect(open.filter((finding) => finding.action === "full-resync" || finding.action === "swap-resync")).toEqual([]);
    expect(query<{ host: string; n: number }>(db, "SELECT host, count(*) AS n FROM log_lines WHERE ts IS NOT NULL GROUP BY host")).toEqual([
      { host: "wms-a1", n: 5 },
    ]);
  });

  it("gives a modular package log (no year printed) the year of the bundle's dated syslog lines, not the file's mtime", () => {
    const root = tempDir();
    const bundle = join(root, "modular");
    write(bundle, "nodeB1/var/log/messages", ["2024-06-01T10:00:05.000000+02:00 nodeB1 cmcld[3021]: Started package pkgA on node nodeB1."]);
    write(bundle, "nodeB1/usr/local/cmcluster/run/log/pkgA.log", [
      "Jun  1 10:00:01 root@nodeB1 master_control_script.sh[21259]: ###### Starting package pkgA ######",
    ]);
    const db = join(root, "modular.db");
    analyze(db, [bundle]); // the files were written today: mtime alone would say this June
    expect(query<{ ts: string }>(db, "SELECT ts FROM log_lines WHERE file LIKE '%pkgA.log'")).toEqual([{ ts: "2024-06-01T10:00:01" }]);
  });

  it("orders a bundle of HP-UX and Linux nodes in several zones by the real instant, with and without --tz", () => {
    const root = tempDir();
    const bundle = join(root, "mixed");
    // One sequence of instants, 09:00:00Z to 09:00:06Z, logged by nodes that write it differently.
    write(bundle, "nodeA1/var/adm/syslog/syslog.log", [
      "Mar  2 04:00:00 nodeA1 cmcld[2048]: step-0 (HP-UX, local EST)",
      "Mar  2 04:00:04 nodeA1 cmcld[2048]: step-4 (HP-UX, local EST)",
    ]);
    write(bundle, "nodeB1/var/log/messages", [
      "2026-03-02T04:00:01.250000-05:00 nodeB1 cmcld[3021]: step-1 (rsyslog, -05:00)",
      "2026-03-02T04:00:06.000001-05:00 nodeB1 cmcld[3021]: step-6 (rsyslog, -05:00)",
    ]);
    write(bundle, "nodeB2/var/log/messages", ["2026-03-02T09:00:02Z nodeB2 cmcld[3021]: step-2 (rsyslog, a node kept in UTC)"]);
    write(bundle, "nodeB2/var/log/journal-nodeB2.txt", ["2026-03-02T09:00:05+00:00 nodeB2 cmcld[3021]: step-5 (journalctl --utc, systemd 255 or later)"]);
    write(bundle, "nodeB3/var/log/journal.txt", [
      "-- Logs begin at Mon 2026-03-02 00:00:00 EST, end at Mon 2026-03-02 04:00:03 EST. --",
      "2026-03-02T04:00:03-0500 nodeB3 cmcld[3021]: step-3 (journalctl short-iso)",
    ]);
    const order = (db: string): Array<[string, string]> =>
      query<{ ts: string; text: string }>(db, "SELECT ts, text FROM log_lines WHERE text LIKE '%step-%' ORDER BY ts, file, line_no").map((row) => [
        row.ts,
        /step-\d/.exec(row.text)?.[0] ?? "",
      ]);

    // Without --tz: the first zoned line (-05:00) fixes the clock; UTC lines are brought to it.
    const plain = join(root, "plain.db");
    analyze(plain, [bundle]);
    expect(order(plain)).toEqual([
      ["2026-03-02T04:00:00", "step-0"],
      ["2026-03-02T04:00:01", "step-1"],
      ["2026-03-02T04:00:02", "step-2"],
      ["2026-03-02T04:00:03", "step-3"],
      ["2026-03-02T04:00:04", "step-4"],
      ["2026-03-02T04:00:05", "step-5"],
      ["2026-03-02T04:00:06", "step-6"],
    ]);

    // With --tz: every zoned line is converted exactly to the zone's wall clock.
    const zoned = join(root, "zoned.db");
    analyze(zoned, ["--tz", "America/New_York", bundle]);
    expect(order(zoned).map(([, step]) => step)).toEqual(["step-0", "step-1", "step-2", "step-3", "step-4", "step-5", "step-6"]);
    const stamps = query<{ ts: string }>(zoned, "SELECT ts FROM log_lines WHERE text LIKE '%step-2%'");
    expect(stamps).toEqual([{ ts: "2026-03-02T04:00:02" }]);
  });

  it("converts to --tz across a daylight-saving change, where a fixed offset would be an hour off", () => {
    const root = tempDir();
    const bundle = join(root, "dst");
    // Europe/Paris moves from +01:00 to +02:00 at 2026-03-29 01:00 UTC.
    write(bundle, "nodeB1/var/log/messages", [
      "2026-03-29T01:59:00+01:00 nodeB1 cmcld[3021]: before the change",
      "2026-03-29T03:01:00+02:00 nodeB1 cmcld[3021]: after the change",
      "2026-03-29T01:02:00Z nodeB1 cmcld[3021]: a UTC line after the change",
    ]);
    const db = join(root, "dst.db");
    analyze(db, ["--tz", "Europe/Paris", bundle]);
    expect(query<{ ts: string }>(db, "SELECT ts FROM log_lines ORDER BY line_no").map((row) => row.ts)).toEqual([
      "2026-03-29T01:59:00",
      "2026-03-29T03:01:00",
      "2026-03-29T03:02:00",
    ]);
  });

  it("reads the Continentalclusters event log on HP-UX and Linux and raises the alarm it records", () => {
    const root = tempDir();
    const bundle = join(root, "cc");
    const alerts = (zone: string): string[] => [
      `Mon Mar  2 14:07:07 ${zone} 2026 CLUSTER_ALERT primary_cluster/UNREACHABLE 5 MINUTES`,
      `Mon Mar  2 14:12:07 ${zone} 2026 CLUSTER_ALERT primary_cluster/UNREACHABLE 10 MINUTES`,
      `Mon Mar  2 14:17:07 ${zone} 2026 CLUSTER_ALARM primary_cluster/UNREACHABLE 15 MINUTES`,
      "primary_cluster not responding: call the primary site before cmrecovercl",
    ];
    write(bundle, "nodeC1/var/opt/resmon/log/cc/eventlog", alerts("EST")); // HP-UX recovery cluster
    write(bundle, "nodeC1/var/adm/syslog/syslog.log", ["Mar  2 14:00:00 nodeC1 cmcld[2050]: Started package ccmonpkg on node nodeC1."]);
    write(bundle, "nodeL1/var/opt/resmon/log/cc/eventlog", alerts("CET")); // a Linux node of the recovery cluster
    write(bundle, "nodeL1/var/log/messages", ["2026-03-02T14:00:00.000000-05:00 nodeL1 cmcld[3021]: Started package ccmonpkg on node nodeL1."]);
    const db = join(root, "cc.db");
    const { findings } = analyze(db, [bundle]);
    const open = findings.filter((finding) => finding.status === "open");
    expect(open.map((finding) => [finding.action, finding.severity])).toEqual([["recover-continental-cluster", "critical"]]);
    const lines = query<{ file: string; ts: string; host: string; format: string }>(
      db,
      "SELECT file, ts, host, format FROM log_lines WHERE file LIKE '%eventlog' ORDER BY file, line_no",
    );
    expect(lines.map((row) => [row.file.slice(bundle.length + 1), row.ts, row.host, row.format])).toEqual([
      ["nodeC1/var/opt/resmon/log/cc/eventlog", "2026-03-02T14:07:07", "nodeC1", "syslog"],
      ["nodeC1/var/opt/resmon/log/cc/eventlog", "2026-03-02T14:12:07", "nodeC1", "syslog"],
      ["nodeC1/var/opt/resmon/log/cc/eventlog", "2026-03-02T14:17:07", "nodeC1", "syslog"],
      // a message without a stamp of its own belongs to the entry above it
      ["nodeC1/var/opt/resmon/log/cc/eventlog", "2026-03-02T14:17:07", "nodeC1", "unknown"],
      ["nodeL1/var/opt/resmon/log/cc/eventlog", "2026-03-02T14:07:07", "nodeL1", "syslog"],
      ["nodeL1/var/opt/resmon/log/cc/eventlog", "2026-03-02T14:12:07", "nodeL1", "syslog"],
      ["nodeL1/var/opt/resmon/log/cc/eventlog", "2026-03-02T14:17:07", "nodeL1", "syslog"],
      ["nodeL1/var/opt/resmon/log/cc/eventlog", "2026-03-02T14:17:07", "nodeL1", "unknown"],
    ]);
  });
});
