// Logs copied off failing nodes carry junk: NUL bytes, invalid UTF-8 (decoded as U+FFFD),
// megabyte lines, impossible timestamps. Parsing must never throw or hang, and must keep the line.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFileParser, parseText } from "../../src/parse/index.js";
import type { FileKind } from "../../src/parse/index.js";

const kinds: FileKind[] = ["syslog", "pkglog", "config"];
const parserFor = (kind: FileKind) => createFileParser({ path: `test.${kind}`, kind, hostHint: "n1", packageHint: "pkgA", yearFor: () => 2026 });

describe("bad input", () => {
  it.each(kinds)("parseLine is total on arbitrary strings (%s)", (kind) => {
    const parser = parserFor(kind);
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const parsed = parser.parseLine(text);
        expect(typeof parsed.body).toBe("string");
        expect(Array.isArray(parsed.events)).toBe(true);
        expect(parsed.ts === null || Number.isFinite(parsed.ts)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it.each(kinds)("parseLine is total on mutated real lines (%s)", (kind) => {
    const parser = parserFor(kind);
    const seeds = [
      "Nov 24 10:00:01 nodeA1 cmcld[2048]: Package pkgA run script exited with NO_RESTART.",
      '\t########### Node "nodeA1": Starting package at Mon Nov 24 10:00:00 EST 2014 ###########',
      'Nov 24 10:00:01 - Node "nodeA1": local state SVOL_PSUE, remote EX_ENORMT (242)',
      "\tERROR:  Function activate_volume_group",
      "AUTO_SVOLPSUE=0",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), fc.string({ unit: "binary", maxLength: 8 }), (seed, at, insert) => {
        const position = at % (seed.length + 1);
        parser.parseLine(seed.slice(0, position) + insert + seed.slice(position));
      }),
      { numRuns: 1500 },
    );
  });

  it("keeps NUL bytes and replacement characters in the body and still reads the event", () => {
    const [line] = parseText("Nov 24 10:00:01 nodeA1 cmcld[2048]: Started package pkg\u0000A on node nodeA1. \uFFFD", { kind: "syslog" });
    expect(line).toMatchObject({ format: "syslog", understood: true, body: "Started package pkg\u0000A on node nodeA1. \uFFFD" });
    expect(line.events).toEqual([{ kind: "pkg.started", package: "pkg\u0000A", node: "nodeA1" }]);
  });

  it("keeps a line of invalid UTF-8 as unknown text", () => {
    const [line] = parseText("\uFFFD\uFFFD\u0000\uFFFD", { kind: "syslog" });
    expect(line).toMatchObject({ format: "unknown", understood: false, events: [] });
  });

  it.each(kinds)("parses a 1 MB line without events from it, keeping all of it (%s)", (kind) => {
    const parser = parserFor(kind);
    const filler = "SVOL_PSUE EX_ENORMT pairresync ".repeat(Math.ceil(1_048_576 / 31)).slice(0, 1_048_576);
    for (const prefix of ["Nov 24 10:00:01 nodeA1 cmcld[2048]: ", 'Nov 24 10:00:01 - Node "nodeA1": ', '\t########### Node "n": ', "   ", ""]) {
      const parsed = parser.parseLine(prefix + filler);
      // No grammar reads it; a log line full of replication words is marked as unread (not in a configuration file).
      expect(parsed.events.map((event) => event.kind)).toEqual(kind === "config" ? [] : ["line.unread"]);
      if (parsed.understood && kind !== "config") expect(parsed.body.endsWith(filler.slice(-100))).toBe(true);
    }
  });

  it("gives impossible timestamps a null time", () => {
    const lines = parseText(
      [
        "Nov 99 99:99:99 nodeA1 cmcld[1]: Attempting to form a new cluster",
        "Feb 30 10:00:00 nodeA1 cmcld[1]: Attempting to form a new cluster",
        "Nov 24 24:00:00 nodeA1 cmcld[1]: Attempting to form a new cluster",
      ].join("\n"),
      { kind: "syslog", year: 2026 },
    );
    expect(lines.map((line) => line.ts)).toEqual([null, null, null]);
    expect(lines.every((line) => line.understood && line.events.length === 1)).toBe(true);
  });

  it("accepts CRLF text in parseText", () => {
    const [line] = parseText("Nov 24 10:00:01 n1 cmcld[1]: Attempting to form a new cluster\r\n", { kind: "syslog" });
    expect(line.body).toBe("Attempting to form a new cluster");
  });
});

describe("binary junk", () => {
  it.each(kinds.filter((kind) => kind !== "config"))(
    "gives no events from a headerless line with control bytes, even when it holds known words (%s)",
    (kind) => {
      const parser = parserFor(kind);
      // Bytes of /bin/ls: its dircolors table says "LINK 01", which a link-failure grammar would read.
      const junk = "\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000LINK 01\u0000ORPHAN 40;31;01\u0000pairresync -g oradg SVOL_PSUE \uFFFD";
      const parsed = parser.parseLine(junk);
      expect(parsed.events).toEqual([]);
      expect(parsed.body).toBe(junk);
      expect(parsed.understood).toBe(false);
    },
  );

  it("still reads a headerless line of command output (pairdisplay under a package-log step)", () => {
    const parser = parserFor("pkglog");
    parser.parseLine('Nov 24 10:00:01 - Node "nodeA1": pairdisplay -g oradg');
    const parsed = parser.parseLine("oradg   oradev1(L)   (CL1-A , 0,  1)  61114  1.P-VOL PSUE NEVER ,  61115  2 -");
    expect(parsed.understood).toBe(false);
    expect(parsed.events).toEqual([
      {
        kind: "pair.state",
        fields: { side: "local", role: "PVOL", state: "PSUE", percent: null, pairVolume: "oradev1", ldev: "1", deviceGroupFrom: "table" },
        deviceGroup: "oradg",
      },
      { kind: "fence", fields: { level: "NEVER", deviceGroupFrom: "table" }, deviceGroup: "oradg" },
    ]);
  });
});
