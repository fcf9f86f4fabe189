// Whole files from test/fixtures/parse: which lines give which events (line number: kinds).
// The Metrocluster wording in pkgA.cntl.log is RECONSTRUCTED (reference.md §1.4): only its tokens are real.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse/index.js";
import type { FileKind, ParsedLine } from "../../src/parse/index.js";

const read = (name: string): string => readFileSync(new URL(`../fixtures/parse/${name}`, import.meta.url), "utf8");
const kindsByLine = (lines: ParsedLine[]): Record<number, string[]> =>
  Object.fromEntries(lines.map((line, index) => [index + 1, line.events.map((event) => event.kind)] as const).filter(([, kinds]) => kinds.length > 0));
const parseFixture = (name: string, kind: FileKind) =>
  parseText(read(name), { kind, hostHint: "nodeB1", packageHint: kind === "syslog" ? null : "pkgA", year: 2026 });

describe("pkgA.cntl.log: a refused start, then a forced start", () => {
  const lines = parseFixture("pkgA.cntl.log", "pkglog");

  it("finds the events of each line", () => {
    expect(kindsByLine(lines)).toEqual({
      2: ["pkg.start.begin"],
      3: ["pkg.replication.configured"],
      4: ["pair.state", "pair.unreachable"],
      5: ["auto.setting", "forceflag"],
      6: ["mc.start.refused"],
      7: ["pkg.error"],
      8: ["pkg.error.detail"],
      9: ["pkg.start.failed"],
      11: ["pkg.start.begin"],
      12: ["forceflag"],
      13: ["takeover", "pair.state"],
      14: ["mc.noncurrent"],
      15: ["pkg.vg.activate"],
      16: ["pkg.fs.check"],
      18: ["pkg.fs.mount"],
      19: ["pkg.ip.add"],
      20: ["pkg.service.start"],
      22: ["pkg.start.completed"],
    });
  });

  it("reads the facts Metrocluster rules need", () => {
    expect(lines[3].events).toEqual([
      { kind: "pair.state", deviceGroup: "pkgA_dg", fields: { side: "local", role: "SVOL", state: "PAIR", deviceGroupFrom: "line" } },
      { kind: "pair.unreachable", deviceGroup: "pkgA_dg", fields: { side: "remote", code: "EX_ENORMT", number: 242, deviceGroupFrom: "line" } },
    ]);
    expect(lines[4].events).toEqual([
      { kind: "auto.setting", fields: { name: "AUTO_NONCURDATA", value: 0 } },
      { kind: "forceflag", fields: { present: false } },
    ]);
    expect(lines[5].events).toEqual([{ kind: "mc.start.refused", fields: { exitCode: 1 } }]);
    expect(lines[12].events).toEqual([
      { kind: "takeover", deviceGroup: "pkgA_dg", fields: { ok: true, result: 2, resultName: "svol", code: null, number: null, deviceGroupFrom: "line" } },
      { kind: "pair.state", deviceGroup: "pkgA_dg", fields: { side: "local", role: "SVOL", state: "SSWS", deviceGroupFrom: "line" } },
    ]);
  });

  it("dates every line from the banners and keeps the node", () => {
    expect(lines[7].ts).toBe(Date.UTC(2014, 10, 24, 10, 0, 2));
    expect(lines[16].ts).toBe(Date.UTC(2014, 10, 24, 10, 30, 42));
    expect(new Set(lines.slice(1).map((line) => line.host))).toEqual(new Set(["nodeB1"]));
    expect(lines.every((line) => line.understood)).toBe(true);
  });
});

describe("syslog.log: node failure and failover", () => {
  const lines = parseFixture("syslog.log", "syslog");

  it("finds the events of each line", () => {
    expect(kindsByLine(lines)).toEqual({
      2: ["node.timeout"],
      3: ["cluster.forming"],
      4: ["cluster.formed"],
      5: ["cluster.membership"],
      6: ["pkg.script.executing"],
      7: ["pkg.script.exit"],
      11: ["admin.command"],
      12: ["pkg.start.requested"],
      13: ["pkg.started"],
    });
    expect(lines[8]).toMatchObject({ shape: "repeated", repeated: 2 });
    expect(lines.map((line) => line.package)).toEqual([null, null, null, null, null, "pkgA", "pkgA", null, null, null, "pkgA", "pkgA", "pkgA"]);
  });
});

describe("pkgA.env: Metrocluster environment file", () => {
  it("reads every setting", () => {
    const settings = parseFixture("pkgA.env", "config").flatMap((line) => line.events.map((event) => [event.fields?.name, event.fields?.value]));
    expect(settings).toEqual([
      ["PKGDIR", "/etc/cmcluster/pkgA"],
      ["FENCE", "NEVER"],
      ["HORCTIMEOUT", "360"],
      ["AUTO_FENCEDATA_SPLIT", "1"],
      ["AUTO_NONCURDATA", "0"],
      ["AUTO_SVOLPSUE", "0"],
      ["DEVICE_GROUP", "pkgA_dg"],
      ["HORCMINST", "0"],
      ["CLUSTER_TYPE", "metro"],
    ]);
  });
});
