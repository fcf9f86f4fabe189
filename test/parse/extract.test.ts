import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractedLine, extractSource, fileReadBy, numberedLine } from "../../src/parse/extract.js";
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
    // A recovery package's log in a folder named after part of it (round 69 #14): the log's name is the package's.
    expect(extractSource("/etc/cmcluster/crm/rpkg_crm.log")).toEqual({ kind: "pkglog", packageName: "rpkg_crm" });
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

  it("reads a package log's steps and its unstamped ERROR lines and banners behind grep -n's prefix, in a file read as syslog", () => {
    const text = [
      '124:\t########### Node "dwhp02": Halting package at Thu Feb 12 19:00:14 CET 2026 ###########',
      "140-\tFeb 12 19:01:30 - Unmount /dev/vgdw01/lvol4 failed, trying again.",
      "141-\tERROR:  Function umount_fs",
      'Feb 12 19:01:33 - Node "dwhp02": Deactivating volume group vgdw01',
      "Feb 10 09:40:32 root@mes-b1 mcxpca.sh[11861]: Local device group state: SVOL_PSUE",
      "150-Device busy",
    ].join("\n");
    const lines = parseText(text, { kind: "syslog" });
    expect(lines.map((line) => [line.format, line.host])).toEqual([
      ["pkglog", "dwhp02"],
      ["pkglog", "dwhp02"],
      ["pkglog", "dwhp02"],
      ["pkglog", "dwhp02"],
      ["pkglog", "mes-b1"],
      ["unknown", "mes-b1"],
    ]);
    expect(lines[2].events.map((event) => event.kind)).toEqual(["pkg.error"]);
    expect(numberedLine("pkgA.log:78:\tERROR:  Failed")).toEqual({ text: "\tERROR:  Failed", path: "pkgA.log" });
    expect(numberedLine("ERROR:  Failed")).toBeNull();
  });
});

describe("an extract's lines as a mail client and a ticket leave them", () => {
  it("reads a log line a mail client wrapped at the wrap width from its whole message, on its last part", () => {
    const text = [
      "From: Aoife Kelly <aoife.kelly@example.ie>",
      "> > Feb  7 10:12:31 sapdr1 cmcld[2188]: Run script for package pkgsap timed",
      "> > out after 300 seconds, killing it.",
      "> > Feb  7 10:12:32 sapdr1 cmcld[2188]: Package pkgsap run script exited with",
      "> > TIMEOUT.",
    ].join("\n");
    const lines = parseText(text, { kind: "syslog" });
    expect(lines[2].events.map((event) => event.kind)).toContain("pkg.script.timeout");
    expect(lines[2].ts).toBe(lines[1].ts);
    // A line no mail client would have broken (short, or longer than any wrap width) is not joined with the next one.
    const unwrapped = parseText(["notes", "Feb  7 10:12:31 sapdr1 cmcld[2188]: Run script for package pkgsap timed", "ok", "--"].join("\n"), {
      kind: "syslog",
    });
    expect(unwrapped[2].events).toEqual([]);
    expect(unwrapped[3].format).toBe("unknown");
  });

  it("dates a syslog line pasted into a ticket by itself, and a session typed after a script's stamped lines by nothing", () => {
    const text = [
      "Mon Feb 23 08:00:01 SAST 2026 dgpay P-VOL PSUS NEVER (ALERT sent)",
      "Feb 14 04:18:40 fin-a1 CM-CMD[5723]: cmhaltpkg pkgfin",
      "Mon Feb 23 08:00:01 SAST 2026 dgpay P-VOL PSUS NEVER (ALERT sent)",
      "pay-dr01:/ # pairdisplay -g dgpay -fc",
      "dgpay   pay_d01(L)   (CL2-B-0, 0,   1)358841   301.S-VOL SSWS  NEVER ,   89   301 -",
    ].join("\n");
    const lines = parseText(text, { kind: "cmdlog", year: 2026 });
    expect(lines[1]).toMatchObject({ format: "syslog", host: "fin-a1", ts: Date.UTC(2026, 1, 14, 4, 18, 40) });
    expect(lines[4].ts).toBeNull();
    expect(lines[4].events.map((event) => event.kind)).toContain("untimed.pair.state");
    // Under a banner (script(1)'s start, `date` alone on its line) a prompt is dated by it.
    const session = parseText(["Script started on Mon Feb 23 09:00:01 2026", "pay-dr01:/ # pairdisplay -g dgpay -fc", lines[4].body].join("\n"), {
      kind: "cmdlog",
      year: 2026,
    });
    expect(session[2].ts).toBe(Date.UTC(2026, 1, 23, 9, 0, 1));
  });
});

describe("the file a typed command reads, whose output follows its prompt", () => {
  it("is grep's one file after its pattern, the first command's of a pipeline, in the prompt's directory", () => {
    expect(fileReadBy("grep -n -B 2 -A 30 'Halting package' pkgdw.cntl.log | tail -80", "/etc/cmcluster/pkgdw")).toEqual({
      kind: "pkglog",
      packageName: "pkgdw",
    });
    expect(fileReadBy("grep -n pkgdw /var/adm/syslog/syslog.log | tail -15", "/etc/cmcluster/pkgdw")).toEqual({ kind: "syslog", packageName: null });
    expect(fileReadBy("egrep -n -e 'PSUE|SSWS' /etc/cmcluster/oradg/oradg.log", null)).toEqual({ kind: "pkglog", packageName: "oradg" });
    expect(fileReadBy("sudo tail -n 200 oracle_pkg.log", "/etc/cmcluster/oracle_pkg")).toEqual({ kind: "pkglog", packageName: "oracle_pkg" });
    expect(fileReadBy("LANG=C less /var/adm/syslog/OLDsyslog.log", "~")).toEqual({ kind: "syslog", packageName: null });
  });

  it("is none when the command reads no file, several, a pattern of names, or a file that says nothing", () => {
    expect(fileReadBy("pairdisplay -g oradg -fcx", "/root")).toBeNull();
    expect(fileReadBy("grep -n halt /etc/cmcluster/*/*.log", "/")).toBeNull();
    expect(fileReadBy("grep -n halt a.cntl.log b.cntl.log", "/etc/cmcluster")).toBeNull();
    expect(fileReadBy("grep -n Halting", "/etc/cmcluster/pkgdw")).toBeNull();
    expect(fileReadBy("tail -50 /tmp/app.log", "/")).toBeNull();
    expect(fileReadBy("", null)).toBeNull();
  });
});
