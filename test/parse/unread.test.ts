// Unread replication lines: the parse stage marks a line that carries replication vocabulary and gave
// no event (grammars/replication-vocabulary.yaml), and nothing else.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { discoverInputs } from "../../src/ingest/discover.js";
import { compileVocabulary, createFileParser, parseText, replicationTerms, unreadReplicationLine } from "../../src/parse/index.js";
import type { FileKind } from "../../src/parse/index.js";

const markersOf = (kind: FileKind, text: string) =>
  parseText(text, { kind, year: 2026 }).flatMap((line) => line.events.filter((event) => event.kind === "line.unread"));

describe("unread replication lines", () => {
  // The words that make a line count, whatever the grammars read (they read more every release).
  it.each([
    ["a state said in another layout", "oradg: secondary volume still COPYING, S-VOL not usable", "S-VOL"],
    ["a pairdisplay-like row", "oradg oradisk1(R) 35663 463.S-VOL COPY NEVER", "S-VOL, COPY"],
    ["a Raid Manager instance message", "horcmd_0[812]: [HORCM_103] Detected a horcm.conf syntax problem", "horcmd_0, HORCM_103, horcm"],
    ["a Raid Manager command", "ran raidvchkscan on the journal, looks odd", "raidvchkscan"],
    ["a state in words", "the group is simplex on both arrays", "simplex"],
    ["an EX_ code and an AUTO_ variable", "EX_ENORMT again; AUTO_SVOLPSUE=0 so no start", "EX_ENORMT, AUTO_SVOLPSUE"],
  ])("%s", (_name, text, terms) => {
    expect(unreadReplicationLine(text)).toEqual({ kind: "line.unread", fields: { text, terms } });
  });

  it("the parse stage marks a log line whose replication words no grammar read, with its whole text", () => {
    const line = "Nov 26 09:31:08 nodeB1 dbwrap[4711]: the S-VOLs answered in a way this check does not accept";
    expect(markersOf("syslog", line)).toEqual([{ kind: "line.unread", fields: { text: line, terms: "S-VOLs" } }]);
    const text = [
      '\t########### Node "nodeB1": Starting package at Thu Nov 26 09:31:01 EST 2026 ###########',
      'Nov 26 09:31:07 - Node "nodeB1": the S-VOLs answered in a way this check does not accept',
      "see the horcm log above for the details",
    ].join("\n");
    expect(markersOf("pkglog", text).map((event) => event.fields?.terms)).toEqual(["S-VOLs", "horcm"]);
  });

  it("does not mark the column headers of Raid Manager tables (known to hold no fact)", () => {
    expect(unreadReplicationLine("Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M")).toBeUndefined();
    expect(markersOf("syslog", "Nov 29 11:31:45 nodeA2 mcwrap[3412]: Group PairVol L/R Device_File Seq# LDEV# P/S Status Fence % P-LDEV# M")).toEqual([]);
  });

  it("marks nothing on a line a grammar read, on noise, on binary junk, on AUTO_RUN or in a configuration file", () => {
    expect(markersOf("syslog", "Nov 20 16:31:02 nodeA1 cmcld[2048]: Package oracle_pkg run script exited with NO_RESTART.")).toEqual([]);
    expect(markersOf("syslog", "Nov 20 16:31:02 nodeA1 pkg.cntl[42]: The local device group oradg is in PVOL_PAIR state; remote state is SVOL_PAIR.")).toEqual(
      [],
    );
    expect(markersOf("syslog", "Nov 20 16:31:02 nodeA1 sendmail[811]: copy of the pair of files done, stat=Sent")).toEqual([]);
    expect(markersOf("syslog", "Nov 20 16:31:02 nodeA1 cmcld[2048]: AUTO_RUN disabled for package sap_pkg by the operator")).toEqual([]);
    expect(markersOf("syslog", "\u0001\u0002PSUE\ufffd SVOL")).toEqual([]);
    expect(markersOf("config", "# AUTO_SVOLPSUE: 0 = do not start when the S-VOL is PSUE")).toEqual([]);
  });

  it("keeps the head of a very long line and names at most eight words", () => {
    const line = `Nov 20 16:31:02 nodeA1 dbwrap[1]: ${"PSUE PSUS SSWS SMPL COPY PAIR PFUL PFUS PDUB RCPY ".repeat(200)}`;
    const [marker] = markersOf("syslog", line);
    expect(String(marker.fields?.text).length).toBeLessThan(1100);
    expect(String(marker.fields?.terms).split(", ")).toHaveLength(8);
  });

  it("marks no line of the healthy days, and the lines the sample stories wrote in words no grammar reads", () => {
    const samples = new URL("../../samples/", import.meta.url).pathname;
    const { files } = discoverInputs([samples]);
    const marked = new Map<string, number>();
    for (const file of files) {
      const parser = createFileParser({
        path: file.path,
        kind: file.kind,
        hostHint: file.hostHint,
        packageHint: file.packageHint,
        yearFor: () => 2026,
        strict: false,
      });
      const bytes = readFileSync(file.path);
      for (const line of (file.path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8").split("\n")) {
        if (!parser.parseLine(line).events.some((event) => event.kind === "line.unread")) continue;
        const scenario = file.path.slice(samples.length).split("/")[0];
        marked.set(scenario, (marked.get(scenario) ?? 0) + 1);
      }
    }
    // The noise of a healthy day (sshd, inetd, EMS, cmcld's package messages, Raid Manager's own output) is read or is no replication.
    expect(marked.get("healthy-day") ?? 0).toBe(0);
    expect(marked.get("linux-healthy-day") ?? 0).toBe(0);
    // Written to be unread (grammars may read more one day: then these stories need new words).
    expect(marked.get("start-failed-unread-wording")).toBe(2);
    expect(marked.get("start-refused-unexplained")).toBe(1);
  });

  it("rejects a broken vocabulary with a message naming the file", () => {
    const file = (terms: string, prefilter = "vol") => `prefilter: '${prefilter}'\nterms:\n${terms}`;
    expect(() => compileVocabulary("terms: []")).toThrowError(/replication-vocabulary\.yaml: 'prefilter' must be a regular expression/);
    expect(() => compileVocabulary(file(""))).toThrowError(/'terms' must be a non-empty list/);
    expect(() => compileVocabulary(file("  - { name: x, pattern: '(', caseSensitive: true, examples: [a] }"))).toThrowError(
      /term 'x': invalid regular expression/,
    );
    expect(() => compileVocabulary(file("  - { name: x }"))).toThrowError(/term 1 is incomplete/);
    expect(() => compileVocabulary(file("  - { name: x, pattern: 'PAIR', caseSensitive: true, examples: [COPY] }"))).toThrowError(
      /term 'x' does not find its example 'COPY'/,
    );
    expect(() => compileVocabulary(file("  - { name: x, pattern: 'PAIR', caseSensitive: true, examples: [PAIR] }"))).toThrowError(
      /the prefilter rejects 'PAIR'/,
    );
    expect(() =>
      compileVocabulary(
        `${file("  - { name: x, pattern: 'vol', caseSensitive: true, examples: [vol] }")}\nignore:\n  - { name: h, pattern: 'Group', examples: [x] }`,
      ),
    ).toThrowError(/ignore entry 'h' does not match its example 'x'/);
    const roles = compileVocabulary(file("  - { name: role, pattern: '\\b[PS]-?VOL(?:\\b|(?=_))', caseSensitive: true, examples: [PVOL] }"));
    expect(replicationTerms("PVOL_PSUE and P-VOL", roles)).toEqual(["PVOL", "P-VOL"]);
  });
});
