import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runMcadvisor } from "../../helpers/cli.js";
import { tempDir } from "../../helpers/temp.js";
import { openDatabase } from "../../../src/store/db.js";
import { gatherReport, lineShape, packageLogLayout } from "../../../src/present/report/model.js";

function write(root: string, relative: string, lines: readonly string[]): void {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${lines.join("\n")}\n`);
}

const window = { since: Date.UTC(2026, 10, 16), until: Date.UTC(2026, 10, 17), sinceSource: "option" as const, untilSource: "option" as const };

/** Site A's node logs only before the window; site B takes the package over inside it, and logs an unknown error twice. */
function analyzedBundle(): { database: string; bundle: string } {
  const root = tempDir();
  const bundle = join(root, "incident");
  write(bundle, "nodeA1/var/adm/syslog/syslog.log", ["Nov 15 10:00:00 nodeA1 cmcld[2048]: Started package oracle_pkg on node nodeA1."]);
  write(bundle, "nodeB1/var/adm/syslog/syslog.log", [
    "Nov 16 03:12:00 nodeB1 cmcld[2048]: Timed out node nodeA1. It may have failed.",
    "Nov 16 03:13:00 nodeB1 cmcld[2048]: Started package oracle_pkg on node nodeB1.",
    "Nov 16 04:00:00 nodeB1 diskmon[77]: cannot open /dev/rdsk/c1t2d3 (errno 5)",
    "Nov 16 05:30:00 nodeB1 diskmon[78]: cannot open /dev/rdsk/c4t0d1 (errno 6)",
    "Nov 16 06:00:00 nodeB1 backup[9]: nightly job finished",
  ]);
  // The same start as nodeB2's cmcld logs it: one fact, shown once.
  write(bundle, "nodeB2/var/adm/syslog/syslog.log", ["Nov 16 03:13:00 nodeB2 cmcld[2048]: Started package oracle_pkg on node nodeB1."]);
  const database = join(root, "db.sqlite");
  const result = runMcadvisor(["analyze", "--db", database, "--year", "2026", "--tz", "UTC", bundle]);
  expect(result.code, result.stderr).not.toBe(3);
  return { database, bundle };
}

describe("report model", () => {
  it("gathers nodes, silent nodes, package moves, unexplained lines and missing package logs for the window", () => {
    const { database: path, bundle } = analyzedBundle();
    const database = openDatabase(path, { readonly: true });
    try {
      const model = gatherReport(database, { window, version: "test" });
      expect(model.summary.bundles).toEqual([bundle]);
      expect(model.summary.nodes).toEqual(["nodeB1", "nodeB2"]);
      expect(model.summary.silentNodes).toEqual(["nodeA1"]);
      expect(model.summary.packages).toEqual(["oracle_pkg"]);
      expect(model.summary.lines).toBe(6);

      expect(model.packageActivity.map((entry) => [entry.package, entry.node, entry.activity])).toEqual([["oracle_pkg", "nodeB1", "started"]]);
      expect(model.packages).toEqual([
        {
          bundle,
          package: "oracle_pkg",
          startedOn: ["nodeB1"],
          failures: 0,
          halts: 0,
          moves: [{ from: "nodeA1", to: "nodeB1", ts: Date.UTC(2026, 10, 16, 3, 13) }],
        },
      ]);

      expect(model.suspiciousLines).toBe(2);
      expect(model.suspicious).toHaveLength(1);
      expect(model.suspicious[0]).toMatchObject({
        shape: "diskmon[#]: cannot open /dev/rdsk/c#t#d# (errno #)",
        count: 2,
        hosts: ["nodeB1"],
        first: Date.UTC(2026, 10, 16, 4),
        last: Date.UTC(2026, 10, 16, 5, 30),
        sample: { line: 3, text: "Nov 16 04:00:00 nodeB1 diskmon[77]: cannot open /dev/rdsk/c1t2d3 (errno 5)" },
      });

      expect(model.missingLogs).toHaveLength(1);
      expect(model.missingLogs[0]).toMatchObject({ bundle, package: "oracle_pkg", nodes: ["nodeA1", "nodeB1"] });
      expect(model.missingLogs[0].seenAt.text).toContain("Started package oracle_pkg on node nodeA1.");
      expect(model.missingLogs[0].expectedPath).toBe("/etc/cmcluster/oracle_pkg/oracle_pkg.log");
    } finally {
      database.close();
    }
  });

  it("names the missing package log in the bundle's own layout (HP-UX, Red Hat, SUSE)", () => {
    expect(packageLogLayout(["b/nodeA1/var/adm/syslog/syslog.log"])("sap_pkg")).toBe("/etc/cmcluster/sap_pkg/sap_pkg.log");
    expect(packageLogLayout(["b/nodeB1/var/log/messages", "b/nodeB1/usr/local/cmcluster/conf/sap_pkg/sap_pkg.conf"])("sap_pkg")).toBe(
      "/usr/local/cmcluster/run/log/sap_pkg.log",
    );
    expect(packageLogLayout(["b/nodeB1/var/log/messages"])("sap_pkg")).toBe("/usr/local/cmcluster/run/log/sap_pkg.log");
    expect(packageLogLayout(["b/nodeB1/var/log/messages", "b/nodeB1/opt/cmcluster/conf/sap_pkg/sap_pkg.conf"])("sap_pkg")).toBe(
      "/opt/cmcluster/run/log/sap_pkg.log",
    );
  });

  it("a window before the data holds nothing but still knows where the data lies", () => {
    const { database: path } = analyzedBundle();
    const database = openDatabase(path, { readonly: true });
    try {
      const model = gatherReport(database, { window: { ...window, since: Date.UTC(2026, 9, 1), until: Date.UTC(2026, 9, 2) }, version: "test" });
      expect(model.summary.lines).toBe(0);
      expect(model.summary.nodes).toEqual([]);
      expect(model.summary.silentNodes).toEqual([]);
      expect(model.summary.dataStart).toBe(Date.UTC(2026, 10, 15, 10));
      expect(model.summary.dataEnd).toBe(Date.UTC(2026, 10, 16, 6));
      expect(model.packageActivity).toEqual([]);
      expect(model.missingLogs).toEqual([]); // nothing named it yet at the window's end
    } finally {
      database.close();
    }
  });

  it("shapes: time and host go, numbers, hex values and clock times are replaced", () => {
    expect(lineShape("Nov 16 04:00:00 nodeB1 vmunix: SCSI: Read error -- dev: b 31 0x000200, errno: 126", "nodeB1")).toBe(
      "vmunix: SCSI: Read error -- dev: b # <hex>, errno: #",
    );
    expect(lineShape('Nov 13 11:05:12 - Node "nodeA1": Remote array 35663 cannot be reached at 11:05', "nodeA1")).toBe(
      'Node "<host>": Remote array # cannot be reached at <time>',
    );
  });
});
