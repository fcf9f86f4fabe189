import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractedLine, extractSource } from "../../src/parse/extract.js";
import { parseText } from "../../src/parse/file.js";

const SYSLOG_LINE = "Mar  3 14:19:02 nodeA1 cmcld[2311]: Package oracle_pkg halted";
const STEP_LINE = 'Mar  3 14:19:45 - Node "nodeB1": Halting package oracle_pkg';

describe("a log line behind an extract's prefix", () => {
  it("takes grep's prefixes off (file and line number, matching and context lines) and keeps the file it named", () => {
    expect(extractedLine(`/var/adm/syslog/syslog.log:1201:${SYSLOG_LINE}`)).toEqual({ text: SYSLOG_LINE, path: "/var/adm/syslog/syslog.log" });
    expect(extractedLine(`syslog.log-1300-${SYSLOG_LINE}`)).toEqual({ text: SYSLOG_LINE, path: "syslog.log" });
    expect(extractedLine(`nodeA1-syslog.log-7-${SYSLOG_LINE}`)).toEqual({ text: SYSLOG_LINE, path: "nodeA1-syslog.log" });
    expect(extractedLine(`1202:${SYSLOG_LINE}`)).toEqual({ text: SYSLOG_LINE, path: null });
    expect(extractedLine(`messages:2026-03-03T14:19:02+01:00 nodeA1 cmcld[1]: x`)).toEqual({
      text: "2026-03-03T14:19:02+01:00 nodeA1 cmcld[1]: x",
      path: "messages",
    });
  });

  it("takes a mail's quote marks, a paste's indent and a parallel shell's host label off", () => {
    expect(extractedLine(`> ${SYSLOG_LINE}`)?.text).toBe(SYSLOG_LINE);
    expect(extractedLine(`>> > ${SYSLOG_LINE}`)?.text).toBe(SYSLOG_LINE);
    expect(extractedLine(`    ${SYSLOG_LINE}`)?.text).toBe(SYSLOG_LINE);
    expect(extractedLine(`nodeA1: ${SYSLOG_LINE}`)).toEqual({ text: SYSLOG_LINE, path: "nodeA1" });
  });

  it("leaves prose before a stamp alone: a prefix is one token", () => {
    expect(extractedLine(`The package halted at ${SYSLOG_LINE}`)).toBeNull();
    expect(extractedLine(`seen on nodeA1: ${SYSLOG_LINE}`)).toBeNull();
    expect(extractedLine("--")).toBeNull();
    expect(extractedLine(SYSLOG_LINE)).toBeNull();
  });

  it("says which log a file grep named is, and a package log's package", () => {
    expect(extractSource("/var/adm/syslog/OLDsyslog.log")).toEqual({ kind: "syslog", packageName: null });
    expect(extractSource("/etc/cmcluster/oracle_pkg/oracle_pkg.log")).toEqual({ kind: "pkglog", packageName: "oracle_pkg" });
    expect(extractSource("/etc/cmcluster/pkgs/sap/sap.cntl.log")).toEqual({ kind: "pkglog", packageName: "sap" });
    expect(extractSource("/sg/billing/billing.cntl.log")).toEqual({ kind: "pkglog", packageName: "billing" });
    expect(extractSource("billing.log")).toBeNull();
    expect(extractSource("nodeA1")).toBeNull();
  });

  it("reads the line as the log grep named says: a package log's step with that package, in a file read as syslog", () => {
    const text = [
      "# grep -n halt /etc/cmcluster/*/*.log /var/adm/syslog/syslog.log",
      `/etc/cmcluster/oracle_pkg/oracle_pkg.log:97:${STEP_LINE}`,
      `/var/adm/syslog/syslog.log:1201:${SYSLOG_LINE}`,
      "--",
    ].join("\n");
    const lines = parseText(text, { kind: "syslog" });
    expect(lines.map((line) => [line.format, line.host, line.package])).toEqual([
      ["unknown", null, null],
      ["pkglog", "nodeB1", "oracle_pkg"],
      ["syslog", "nodeA1", "oracle_pkg"],
      ["unknown", "nodeA1", null],
    ]);
    expect(lines[1].events.map((event) => event.kind)).toContain("pkg.halt.begin");
  });

  it("reads any prefixed syslog line as the bare line (property)", () => {
    const prefixes = fc.constantFrom(
      "",
      "> ",
      ">> ",
      "  ",
      "\t",
      "syslog.log:",
      "syslog.log-",
      "/var/adm/syslog/syslog.log:1201:",
      "x-y.log-42-",
      "88:",
      "nodeB2: ",
    );
    const hosts = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[0-9]$/);
    fc.assert(
      fc.property(prefixes, hosts, fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 86_399 }), (prefix, host, day, seconds) => {
        const time = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((part) => String(part).padStart(2, "0")).join(":");
        const bare = `Nov ${String(day).padStart(2, " ")} ${time} ${host} cmcld[2140]: Node ${host} has halted`;
        const [plain] = parseText(bare, { kind: "syslog" });
        const [prefixed] = parseText(prefix + bare, { kind: "syslog" });
        expect([prefixed.format, prefixed.ts, prefixed.host, prefixed.program, prefixed.events]).toEqual([
          plain.format,
          plain.ts,
          plain.host,
          plain.program,
          plain.events,
        ]);
      }),
    );
  });
});
