/**
Never a false all-clear, through the real CLI: a bundle holding a failed or refused start, a failed halt or
takeover, a node lost with its package, or nothing readable never gets "No findings" with exit 0. The
bundles are written here in words and layouts the samples do not use (other wrappers, modular package logs,
syslog only), as an operator's incident would be.
*/
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

function write(root: string, relative: string, content: string | Buffer): void {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

interface Finding {
  rule: string;
  action: string;
  severity: string;
  status: string;
  package: string | null;
  deviceGroup: string | null;
  steps: Array<{ command: string }>;
  evidence: Array<{ text: string }>;
}
interface Document {
  inputs: { unread: number };
  bundles: Array<{
    bundle: string;
    readable: boolean;
    unread: number;
    verdict: string | null;
    message: string | null;
    unreadableFiles: Array<{ path: string; why: string }>;
  }>;
  findings: Finding[];
}

const analysed = new Map<string, ReturnType<typeof analyzeNow>>();

function analyzeNow(root: string, bundle: string) {
  const database = join(root, `${bundle}.db`);
  const text = runMcadvisor(["analyze", "--db", database, "--year", "2026", join(root, bundle)]);
  const json = runMcadvisor(["analyze", "--db", database, "--year", "2026", "--format", "json", join(root, bundle)]);
  return { text, json, document: JSON.parse(json.stdout) as Document };
}

/** Text and JSON output of one analysis (each bundle is analysed once per run of this file). */
function analyze(root: string, bundle: string): ReturnType<typeof analyzeNow> {
  const key = join(root, bundle);
  if (!analysed.has(key)) analysed.set(key, analyzeNow(root, bundle));
  return analysed.get(key)!;
}

/** Incidents in other words: each is a bundle folder of `root`. */
function failureBundles(root: string): Record<string, { rule: string; exit: number }> {
  // A modular package (master_control_script.sh layout): the Metrocluster module says both sides are PAIR in its own words, the start fails.
  write(
    root,
    "modular/nodeA1/var/adm/cmcluster/log/app_pkg.log",
    [
      "Dec  1 10:00:00 root@nodeA1 master_control_script.sh[12345]: ###### Starting package app_pkg ######",
      "Dec  1 10:00:02 root@nodeA1 dts_pre_script.sh[12347]: appdg: replica consistency not confirmed (S-VOL PAIR, P-VOL PAIR), journal check returned PJNF",
      "Dec  1 10:00:03 root@nodeA1 master_control_script.sh[12345]: ###### Failed to start package app_pkg, rollback steps. ######",
      "",
    ].join("\n"),
  );
  // Syslog only: a wrapper script refuses the start in its own words, cmcld says NO_RESTART.
  write(
    root,
    "wrapper-refusal/nodeB2/var/adm/syslog/syslog.log",
    [
      "Dec  2 06:00:00 nodeB2 cmcld[2048]: Executing '/etc/cmcluster/app_pkg/app_pkg.cntl start' for package app_pkg.",
      "Dec  2 06:00:04 nodeB2 xpcawrap[2]: device group appdg: local S-VOL PAIR, remote P-VOL PAIR",
      "Dec  2 06:00:05 nodeB2 xpcawrap[2]: app_pkg refused on nodeB2: Metrocluster says the device group appdg must not be started (exit 1)",
      "Dec  2 06:00:06 nodeB2 cmcld[2048]: Package app_pkg run script exited with NO_RESTART.",
      "",
    ].join("\n"),
  );
  write(root, "wrapper-refusal/nodeB2/etc/cmcluster/app_pkg/app_pkg_xpca.env", "DEVICE_GROUP=appdg\nAUTO_NONCURDATA=0\n");
  // A takeover the array rejects, logged by a wrapper in syslog; the package is mapped to the group by its env file.
  write(
    root,
    "rejected-takeover/nodeB1/var/adm/syslog/syslog.log",
    [
      "Dec  4 02:10:01 nodeB1 cmcld[2048]: Executing '/etc/cmcluster/app_pkg/app_pkg.cntl start' for package app_pkg.",
      "Dec  4 02:10:05 nodeB1 mcwrap[311]: horctakeover -g appdg -S: [EX_CMDRJE] Command rejected by the array",
      "Dec  4 02:10:06 nodeB1 cmcld[2048]: Package app_pkg run script exited with NO_RESTART.",
      "",
    ].join("\n"),
  );
  write(root, "rejected-takeover/nodeB1/etc/cmcluster/app_pkg/app_pkg_xpca.env", "DEVICE_GROUP=appdg\n");
  // A package log whose only failure line is the short (6 #) banner of the control script's fatal path.
  write(
    root,
    "short-banner/nodeA2/etc/cmcluster/db_pkg/db_pkg.cntl.log",
    [
      '\t########### Node "nodeA2": Starting package at Sat Dec  5 09:00:00 EST 2026 ###########',
      'Dec  5 09:00:03 - Node "nodeA2": checking replication of dbdg ... 3 of 8 S-VOLs answered in a way this check does not accept',
      '###### Node "nodeA2": Package start failed at Sat Dec  5 09:00:09 EST 2026 ######',
      "",
    ].join("\n"),
  );
  // A node fails with the package on it; switching was off; nobody restarts it.
  write(
    root,
    "node-lost/nodeB2/var/adm/syslog/syslog.log",
    [
      "Dec  6 01:00:00 nodeB2 cmcld[2048]: Started package web_pkg on node nodeB1.",
      "Dec  6 04:00:24 nodeB2 cmcld[2048]: Member nodeB1 seems unhealthy, not receiving heartbeats from it.",
      "Dec  6 04:00:30 nodeB2 cmcld[2048]: Timed out node nodeB1. It may have failed.",
      "Dec  6 04:00:34 nodeB2 cmcld[2048]: 1 node has re-formed the cluster",
      "Dec  6 04:40:00 nodeB2 sshd[811]: Accepted publickey for root from 10.20.9.21 port 51514 ssh2",
      "",
    ].join("\n"),
  );
  // A halt that failed, syslog only.
  write(
    root,
    "halt-failed/nodeA1/var/adm/syslog/syslog.log",
    [
      "Dec  3 22:00:05 nodeA1 cmcld[2048]: Executing '/etc/cmcluster/sap_pkg/sap_pkg.cntl stop' for package sap_pkg.",
      "Dec  3 22:00:52 nodeA1 cmcld[2048]: Package sap_pkg halt script exited with NO_RESTART.",
      "",
    ].join("\n"),
  );
  // A takeover while the S-VOL is still copying, in pairvolchk-like words.
  write(
    root,
    "copying/nodeA1/etc/cmcluster/ora_pkg/ora_pkg.log",
    [
      '\t########### Node "nodeA1": Starting package at Mon Dec  7 03:20:01 EST 2026 ###########',
      'Dec  7 03:20:04 - Node "nodeA1": pairvolchk: device group oradg local S-VOL COPY',
      'Dec  7 03:20:09 - Node "nodeA1": horctakeover -g oradg returned EX_VOLCUR (225)',
      '\t########### Node "nodeA1": Package start failed at Mon Dec  7 03:20:10 EST 2026 ###########',
      "",
    ].join("\n"),
  );
  return {
    modular: { rule: "package-start-failed-unexplained", exit: 2 },
    "wrapper-refusal": { rule: "start-refused-unexplained", exit: 2 },
    "rejected-takeover": { rule: "takeover-failed-unexplained", exit: 2 },
    "short-banner": { rule: "package-start-failed-unexplained", exit: 2 },
    "node-lost": { rule: "package-lost-with-node", exit: 2 },
    "halt-failed": { rule: "package-halt-failed-unexplained", exit: 1 },
    copying: { rule: "failure-during-copy", exit: 2 },
  };
}

describe("analyze is never silent when something failed", () => {
  // Shared by the cases below (tempDir() folders are removed after each test).
  const root = mkdtempSync(join(tmpdir(), "mcadvisor-never-silent-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const cases = failureBundles(root);

  it.each(Object.entries(cases))("%s: a finding, never 'No findings' with exit 0", (bundle, expected) => {
    const { text, json, document } = analyze(root, bundle);
    expect(text.code, text.stderr).toBe(expected.exit);
    expect(json.code).toBe(expected.exit);
    expect(text.stdout).not.toContain("No findings");
    expect(document.findings.map((finding) => finding.rule)).toContain(expected.rule);
  });

  it("a refusal it cannot explain never advises FORCEFLAG when both sides were read PAIR", () => {
    const { document } = analyze(root, "wrapper-refusal");
    const finding = document.findings.find((candidate) => candidate.rule === "start-refused-unexplained")!;
    expect(finding).toMatchObject({ action: "investigate", severity: "critical", package: "app_pkg", deviceGroup: "appdg" });
    expect(finding.steps.map((step) => step.command).join("\n")).not.toContain("FORCEFLAG");
  });

  it("one takeover failure is one finding: the failed start after it is part of it", () => {
    const { document } = analyze(root, "rejected-takeover");
    expect(document.findings.map((finding) => [finding.rule, finding.action, finding.package, finding.deviceGroup])).toEqual([
      ["takeover-failed-unexplained", "investigate", "app_pkg", "appdg"],
    ]);
  });

  it("the unread replication lines of a bundle are counted, are the failed package's evidence, and query selects them", () => {
    const { text, document } = analyze(root, "short-banner");
    expect(document.inputs.unread).toBe(1);
    expect(document.bundles).toEqual([expect.objectContaining({ readable: true, unread: 1 })]);
    expect(text.stdout).toMatch(/1 replication line mcadvisor could not read/);
    const finding = document.findings.find((candidate) => candidate.rule === "package-start-failed-unexplained")!;
    expect(finding.evidence.map((evidence) => evidence.text)).toContainEqual(expect.stringContaining("answered in a way this check does not accept"));
    const query = runMcadvisor(["query", "--db", join(root, "short-banner.db"), "--format", "json", "SELECT package, line_no, terms, text FROM unread_lines"]);
    expect(query.code, query.stderr).toBe(0);
    expect(JSON.parse(query.stdout)).toEqual([
      { package: "db_pkg", line_no: 2, terms: "S-VOLs", text: expect.stringContaining("checking replication of dbdg") },
    ]);
  });
});

describe("input it could not read is never OK", () => {
  const junk = (bytes: number): Buffer => Buffer.from(Array.from({ length: bytes }, (_, index) => (index * 7919 + 13) % 256));

  it.each([
    ["random bytes named syslog.log", (root: string) => write(root, "b/nodeA1/var/adm/syslog/syslog.log", junk(64 * 1024))],
    ["only a damaged .gz", (root: string) => write(root, "b/nodeA1/var/adm/syslog/OLDsyslog.log.gz", gzipSync(junk(20_000)).subarray(0, 300))],
    [
      "text that is not a log, under a package folder",
      (root: string) => write(root, "b/nodeA1/etc/cmcluster/pkg/notes.log", "TODO: rotate logs\nask storage about the LUNs\n"),
    ],
    ["an empty syslog", (root: string) => write(root, "b/nodeA1/var/adm/syslog/syslog.log", "")],
    ["only configuration files", (root: string) => write(root, "b/nodeA1/etc/cmcluster/pkg/pkg_xpca.env", "DEVICE_GROUP=dg\n")],
  ])("%s: exit 3 and it says what it could not read", (_name, make) => {
    const root = tempDir();
    make(root);
    const text = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "--year", "2026", join(root, "b")]);
    expect(text.code, text.stderr).toBe(3);
    expect(text.stdout).not.toContain("No findings: nothing in these logs needs a manual procedure");
    expect(text.stdout).toContain("UNKNOWN: mcadvisor could not read this bundle");
  });

  it("a bundle whose only log is a truncated .gz is cut short: UNKNOWN, not OK; beside a whole log it is judged", () => {
    const root = tempDir();
    const lines = Array.from(
      { length: 3000 },
      (_, index) =>
        `Nov 15 12:${String(Math.floor(index / 60) % 60).padStart(2, "0")}:${String(index % 60).padStart(2, "0")} nodeA1 app[1]: line ${index} ${"x".repeat(index % 97)}`,
    );
    const archive = gzipSync(`${lines.join("\n")}\n`);
    write(root, "b/nodeA1/var/adm/syslog/syslog.log.gz", archive.subarray(0, Math.floor(archive.length / 3)));
    const json = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "--year", "2026", "--format", "json", join(root, "b")]);
    expect(json.code, json.stderr).toBe(3);
    expect((JSON.parse(json.stdout) as Document).bundles).toEqual([
      expect.objectContaining({
        bundle: join(root, "b"),
        readable: false,
        verdict: "cut-short",
        message: expect.stringMatching(/^its one log file was cut short \(\d+ lines read before the cut\)/),
      }),
    ]);
    const text = runMcadvisor(["analyze", "--db", join(root, "db2.sqlite"), "--year", "2026", join(root, "b")]);
    expect(text.code).toBe(3);
    expect(text.stdout).not.toContain("No findings: nothing in these logs needs a manual procedure");
    // The same archive beside the node's whole current log: what was cut is older history, the bundle is judged.
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", "Nov 15 13:00:00 nodeA1 cmcld[2048]: The new active cluster membership is: nodeA1(id=1), nodeA2(id=2)\n");
    expect(runMcadvisor(["analyze", "--db", join(root, "db3.sqlite"), "--year", "2026", join(root, "b")]).code).toBe(0);
  });

  it("a bundle whose lines say nothing about the cluster is UNKNOWN, not OK (an emptied syslog.log beside an old OLDsyslog.log)", () => {
    const root = tempDir();
    write(root, "b/bkr-a2/var/adm/syslog/syslog.log", "");
    write(
      root,
      "b/bkr-a2/var/adm/syslog/OLDsyslog.log",
      [
        "Jul  2 05:11:02 bkr-a2 syslogd: restart",
        "Jul  2 05:14:31 bkr-a2 sendmail[24476]: 4SX3Q4SL3K: from=root, size=1278",
        "Jul  2 06:00:00 bkr-a2 cron[811]: (root) CMD (/usr/sbin/lpsched)",
      ].join("\n") + "\n",
    );
    const json = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "--year", "2026", "--format", "json", join(root, "b")]);
    expect(json.code, json.stderr).toBe(3);
    expect((JSON.parse(json.stdout) as Document).bundles).toEqual([
      expect.objectContaining({ readable: false, verdict: "nothing-about-cluster", message: expect.stringContaining("these logs do not show the cluster") }),
    ]);
    const text = runMcadvisor(["analyze", "--db", join(root, "db2.sqlite"), "--year", "2026", join(root, "b")]);
    expect(text.code).toBe(3);
    expect(text.stdout).not.toContain("No findings: nothing in these logs needs a manual procedure");
  });

  it("JSON says which bundle could not be read and why", () => {
    const root = tempDir();
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", junk(16 * 1024));
    const json = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "--year", "2026", "--format", "json", join(root, "b")]);
    expect(json.code).toBe(3);
    expect((JSON.parse(json.stdout) as Document).bundles).toEqual([
      expect.objectContaining({
        bundle: join(root, "b"),
        readable: false,
        verdict: "nothing-readable",
        message: expect.stringMatching(/^\d+ of its \d+ log lines are in no layout mcadvisor knows/),
      }),
    ]);
  });

  it("a FIFO named like a log: exit 3", () => {
    const root = tempDir();
    mkdirSync(join(root, "b/nodeA1/var/adm/syslog"), { recursive: true });
    execFileSync("mkfifo", [join(root, "b/nodeA1/var/adm/syslog/syslog.log")]);
    const result = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), join(root, "b")]);
    expect(result.code).toBe(3);
    expect(result.stdout).not.toContain("No findings");
  });

  it("mostly unreadable (more than half of the log lines) is UNKNOWN; half is judged; a critical finding still gives 2", () => {
    const good = (count: number) =>
      Array.from({ length: count }, (_, index) =>
        index === 0
          ? "Dec  1 10:00:00 nodeA1 cmcld[2048]: The new active cluster membership is: nodeA1(id=1), nodeA2(id=2)"
          : `Dec  1 10:${String(index).padStart(2, "0")}:00 nodeA1 sshd[811]: Accepted publickey for root from 10.0.0.5 port ${51000 + index} ssh2`,
      );
    const binary = (count: number) => Array.from({ length: count }, () => "\u0001\u0002\u0003\ufffd\ufffd binary");
    const run = (lines: string[]) => {
      const root = tempDir();
      write(root, "b/nodeA1/var/adm/syslog/syslog.log", `${lines.join("\n")}\n`);
      return runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "--year", "2026", join(root, "b")]);
    };
    const mostly = run([...good(10), ...binary(11)]);
    expect(mostly.code).toBe(3);
    expect(mostly.stdout).toContain("11 of its 21 log lines are in no layout mcadvisor knows");
    expect(run([...good(10), ...binary(10)]).code).toBe(0);
    const critical = run([...good(2), "Dec  1 11:00:00 nodeA1 cmcld[2048]: Package sap_pkg run script exited with NO_RESTART.", ...binary(10)]);
    expect(critical.code).toBe(2);
    expect(critical.stdout).toContain("UNKNOWN: mcadvisor could not read this bundle");
  });

  it("a syslog whose lines are mostly in a layout it does not read is UNKNOWN, though the bundle's other logs are read (round 63 #11)", () => {
    const root = tempDir();
    const quiet = Array.from(
      { length: 30 },
      (_, index) =>
        `May 15 ${String(8 + Math.floor(index / 4)).padStart(2, "0")}:${String((index % 4) * 15).padStart(2, "0")}:00 hh1 sshd[811]: Accepted publickey for root`,
    );
    write(
      root,
      "b/hh1/var/log/messages",
      `May 15 07:00:00 hh1 cmcld[2048]: The new active cluster membership is: hh1(id=1), nds1(id=2)\n${quiet.join("\n")}\n`,
    );
    const foreign = Array.from({ length: 20 }, (_, index) => `<20260515T1${String(index).padStart(3, "0")}00> nds1/sudo: jp : COMMAND=/usr/bin/df -h`);
    foreign.push("<20260515T201142> nds1/sudo: jp : COMMAND=/HORCM/usr/bin/horctakeover -g dg_zoll -I6");
    write(root, "b/nds1/var/log/messages", `${foreign.join("\n")}\n`);
    const result = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "--year", "2026", join(root, "b")]);
    expect(result.code).toBe(3);
    expect(result.stdout).not.toContain("No findings: nothing in these logs needs a manual procedure");
    expect(result.stdout).toContain("nds1/var/log/messages (21 of its 21 lines have a stamp or layout mcadvisor does not read)");
  });

  it("report and its Nagios status line say UNKNOWN (exit 3) alike", () => {
    const root = tempDir();
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", junk(32 * 1024));
    const window = ["--since", "2026-11-01", "--until", "2026-12-01", "--year", "2026"];
    const status = runMcadvisor(["report", "--db", join(root, "r.db"), ...window, "--out", join(root, "r.html"), "--format", "html", join(root, "b")]);
    expect(status.code, status.stderr).toBe(3);
    expect(status.stdout).toMatch(
      /^MCADVISOR UNKNOWN - 0 critical, 0 warning, 0 info open; 0 resolved in the window; could not read one bundle \(see the report\) \| .* unread=0\n$/,
    );
    for (const format of ["markdown", "json"]) {
      const report = runMcadvisor(["report", "--db", join(root, `${format}.db`), ...window, "--format", format, join(root, "b")]);
      expect(report.code).toBe(3);
      expect(report.stdout).toContain(format === "json" ? '"verdict": "nothing-readable"' : "**Status: UNKNOWN** (exit status 3)");
    }
  });
});

describe("a log file of a bundle that could not be read, or looks binary, is never OK; what was cut is said", () => {
  const membership = "Dec  1 10:00:00 nodeA1 cmcld[2048]: The new active cluster membership is: nodeA1(id=1), nodeA2(id=2)";
  const goodSyslog = `${Array.from({ length: 30 }, (_, index) => (index === 0 ? membership : `Dec  1 10:${String(index).padStart(2, "0")}:00 nodeA1 sshd[811]: Accepted publickey for root`)).join("\n")}\n`;
  const critical = "Dec  1 11:00:00 nodeA1 cmcld[2048]: Package sap_pkg run script exited with NO_RESTART.";
  const syslogFolder = "b/nodeA1/var/adm/syslog";
  const damages: Array<[string, (root: string) => string, string]> = [
    [
      "a .gz that is not gzip",
      (root) => {
        write(root, `${syslogFolder}/OLDsyslog.log.gz`, "NOT GZIP");
        return `${syslogFolder}/OLDsyslog.log.gz`;
      },
      "not a valid gzip archive",
    ],
    [
      "a symbolic link loop",
      (root) => {
        symlinkSync("OLDsyslog.log", join(root, syslogFolder, "OLDsyslog.log"));
        return `${syslogFolder}/OLDsyslog.log`;
      },
      "a symbolic link loop",
    ],
  ];

  it.each(damages)("beside a good syslog, %s: analyze and report exit 3 and name the file", (_name, damage, why) => {
    const root = tempDir();
    write(root, `${syslogFolder}/syslog.log`, goodSyslog);
    expect(runMcadvisor(["analyze", "--db", join(root, "before.db"), "--year", "2026", join(root, "b")]).code).toBe(0);
    const damaged = damage(root);
    const named = `${damaged.slice("b/".length)} (${why})`;
    const text = runMcadvisor(["analyze", "--db", join(root, "text.db"), "--year", "2026", join(root, "b")]);
    expect(text.code, text.stderr).toBe(3);
    expect(text.stderr).toContain(join(root, damaged));
    expect(text.stdout).toContain(`UNKNOWN: mcadvisor could not read this bundle: one of its log files could not be read as logs: ${named}`);
    expect(text.stdout).not.toContain("No findings: nothing in these logs needs a manual procedure");
    const json = runMcadvisor(["analyze", "--db", join(root, "json.db"), "--year", "2026", "--format", "json", join(root, "b")]);
    expect(json.code).toBe(3);
    expect((JSON.parse(json.stdout) as Document).bundles).toEqual([
      expect.objectContaining({
        readable: false,
        verdict: "files-unreadable",
        unreadableFiles: [{ path: join(root, damaged), why }],
        message: expect.stringContaining(named),
      }),
    ]);
    const window = ["--since", "2026-11-01", "--until", "2027-01-01", "--year", "2026"];
    const status = runMcadvisor(["report", "--db", join(root, "r.db"), ...window, "--format", "html", "--out", join(root, "r.html"), join(root, "b")]);
    expect(status.code, status.stderr).toBe(3);
    expect(status.stdout).toMatch(/^MCADVISOR UNKNOWN - .*; could not read one bundle \(see the report\) \|/);
    expect(readFileSync(join(root, "r.html"), "utf8")).toContain(named);
    const markdown = runMcadvisor(["report", "--db", join(root, "md.db"), ...window, "--format", "markdown", join(root, "b")]);
    expect(markdown.code).toBe(3);
    expect(markdown.stdout).toContain("**Status: UNKNOWN** (exit status 3)");
    expect(markdown.stdout).toContain(named);
  });

  it("a critical finding beside such a file still gives 2, and the file is still named", () => {
    const root = tempDir();
    write(root, `${syslogFolder}/syslog.log`, `${goodSyslog}${critical}\n`);
    write(root, `${syslogFolder}/OLDsyslog.log.gz`, "NOT GZIP");
    const text = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "--year", "2026", join(root, "b")]);
    expect(text.code, text.stderr).toBe(2);
    expect(text.stdout).toContain("nodeA1/var/adm/syslog/OLDsyslog.log.gz (not a valid gzip archive)");
  });

  it("a log that looks binary is named on stderr and in JSON problems, and its bundle is UNKNOWN", () => {
    const root = tempDir();
    write(root, `${syslogFolder}/syslog.log`, goodSyslog);
    write(root, `${syslogFolder}/OLDsyslog.log`, randomBytes(3000));
    const json = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "--year", "2026", "--format", "json", join(root, "b")]);
    expect(json.code, json.stderr).toBe(3);
    const binary = new RegExp(
      `${join(root, syslogFolder, "OLDsyslog.log")} looks binary \\([\\d,]+ of its 3,000 bytes are not text\\): its lines are stored but no grammar reads them`,
    );
    expect(json.stderr).toMatch(binary);
    const document = JSON.parse(json.stdout) as Document & { problems: string[] };
    expect(document.problems).toEqual([expect.stringMatching(binary)]);
    expect(document.bundles).toEqual([expect.objectContaining({ verdict: "files-unreadable" })]);
  });

  it("a line over 4 MiB is named with its line and the bytes left out, on stderr and in JSON problems; the status is the findings'", () => {
    const root = tempDir();
    write(root, `${syslogFolder}/syslog.log`, `${goodSyslog}Dec  1 10:59:00 nodeA1 app: ${"x".repeat(4 * 1024 * 1024 + 500)}\n${membership}\n`);
    const json = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "--year", "2026", "--format", "json", join(root, "b")]);
    expect(json.code, json.stderr).toBe(0);
    const cut = `${join(root, syslogFolder, "syslog.log")}:31: a line longer than 4 MiB was cut: its last 528 bytes were not stored`;
    expect(json.stderr).toContain(cut);
    expect((JSON.parse(json.stdout) as { problems: string[] }).problems).toEqual([expect.stringContaining(cut)]);
  });

  it("a link out of the bundle is not followed: named with its target, its file not stored; the database is its owner's only", () => {
    const root = tempDir();
    write(root, `${syslogFolder}/syslog.log`, goodSyslog);
    write(root, "private/secret.log", `${membership}\nDec  1 10:30:00 nodeA1 secret: the root password is hunter2\n`);
    const link = join(root, syslogFolder, "OLDsyslog.log");
    symlinkSync(join(root, "private/secret.log"), link);
    const database = join(root, "db.sqlite");
    const result = runMcadvisor(["analyze", "--db", database, "--year", "2026", join(root, "b")]);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toContain(
      `${link} is a symbolic link to ${join(root, "private/secret.log")}, outside ${join(root, "b")}: not read (links outside the bundle are not followed: copy the file itself into the bundle, or give it on the command line)`,
    );
    const stored = runMcadvisor(["query", "--db", database, "--format", "csv", "SELECT count(*) AS n FROM log_lines WHERE text LIKE '%hunter2%'"]);
    expect(stored.stdout).toContain("\r\n0\r\n");
    expect(statSync(database).mode & 0o777).toBe(0o600);
    // Named on the command line, the link is read; a link inside the bundle to its own file is read.
    const named = runMcadvisor(["analyze", "--db", join(root, "named.db"), "--year", "2026", link]);
    expect(named.code, named.stderr).toBe(0);
    rmSync(link);
    symlinkSync("syslog.log", link);
    expect(runMcadvisor(["analyze", "--db", join(root, "inside.db"), "--year", "2026", join(root, "b")]).code).toBe(0);
  });
});
