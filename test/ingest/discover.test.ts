import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { classify, discoverInputs, placeOf } from "../../src/ingest/discover.js";
import { tempDir } from "../helpers/temp.js";

function touch(root: string, relative: string, text = "x\n"): string {
  const path = join(root, relative);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe("discoverInputs", () => {
  it("finds syslog, rotated and compressed syslogs, package logs and configuration under a node tree", () => {
    const root = tempDir();
    touch(root, "incident/nodeA1/var/adm/syslog/syslog.log");
    touch(root, "incident/nodeA1/var/adm/syslog/OLDsyslog.log.gz");
    touch(root, "incident/nodeA1/var/adm/syslog/syslog.log.1");
    touch(root, "incident/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg.cntl.log");
    touch(root, "incident/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg_xpca.env");
    touch(root, "incident/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg.config");
    touch(root, "incident/nodeB1/var/adm/syslog/mail.log");
    touch(root, "incident/README.md");
    const { files, problems } = discoverInputs([join(root, "incident")]);
    expect(problems).toEqual([]);
    const found = files.map((file) => [file.path.slice(root.length + 1), file.kind, file.hostHint, file.packageHint, file.compressed]);
    expect(found).toEqual([
      ["incident/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg.cntl.log", "pkglog", "nodeA1", "oracle_pkg", false],
      ["incident/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg.config", "config", "nodeA1", "oracle_pkg", false],
      ["incident/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg_xpca.env", "config", "nodeA1", "oracle_pkg", false],
      ["incident/nodeA1/var/adm/syslog/OLDsyslog.log.gz", "syslog", "nodeA1", null, true],
      ["incident/nodeA1/var/adm/syslog/syslog.log", "syslog", "nodeA1", null, false],
      ["incident/nodeA1/var/adm/syslog/syslog.log.1", "syslog", "nodeA1", null, false],
    ]);
    expect(new Set(files.map((file) => file.bundle))).toEqual(new Set([join(root, "incident")]));
  });

  it("reports a missing input by name and goes on with the others", () => {
    const root = tempDir();
    const present = touch(root, "syslog.log");
    const { files, problems } = discoverInputs([join(root, "nope.log"), present]);
    expect(files.map((file) => file.path)).toEqual([present]);
    expect(problems.map((problem) => problem.message)).toEqual([`no such file or directory: ${join(root, "nope.log")}`]);
  });

  it("keeps incidents apart: each folder of node folders is its own bundle", () => {
    expect(placeOf("/x/samples/both-smpl/nodeA1/var/adm/syslog/syslog.log", "/x/samples").bundle).toBe("/x/samples/both-smpl");
    expect(placeOf("/var/adm/syslog/syslog.log", "/var/adm/syslog")).toEqual({ hostHint: null, packageHint: null, bundle: "/" });
  });

  it("reads a file named explicitly whatever its name", () => {
    expect(classify("/tmp/copied-from-nodeA1.txt", true)).toBe("syslog");
    expect(classify("/tmp/copied-from-nodeA1.txt", false)).toBeNull();
  });
});
