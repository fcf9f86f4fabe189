// Properties of the Raid Manager layouts (grammars/raidmanager.ne) and sudo lines (grammars/operator.ne):
// no line makes them throw or parse two ways, and a pairdisplay/raidvchkscan row reads the same whatever
// blanks separate its columns (operators paste tables re-spaced by terminals, mail and wrappers).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFileParser, grammarNamed, parseBody, runGrammar } from "../../src/parse/index.js";

const rows: string[][] = [
  ["pkgB", "pkgD-disk0", "L", "CL1-C", "0", "3", "35422", "463", "P-VOL", "PAIR", "ASYNC", "35", "3", "-"],
  ["oradg", "oradg_d1(R)", "(CL1-F-0, 0,   3)35663", "3.S-VOL", "SSWS", "NEVER", ",", "100", "1cf", "-"],
  ["oradb", "oradb1(L)", "(CL1-B , 1, 0)", "30053", "18..P-VOL", "PSUE", "DATA", ",30054", "19", "-"],
  ["oradg", "oradg_d2(L)", "(CL1-C , 0, 4)", "35422", "465..SMPL", "----", "------,-----", "----", "-"],
  ["oradg", "oradg_d1", "R", "CL1-F", "0", "3", "35663", "3", "SMPL", "-", "-", "-", "-", "-"],
  ["vg_test", "9000", "L", "sdb", "541783", "36864", "S-VOL", "SSUS", "NEVER", "100", "36864", "-"],
  ["oradb", "30053", "64", "PVOL", "PFUL", "Async,", "82", "C8", "-", "1", "0", "2"],
  ["002", "1", "2", "PJNF", "4", "95", "3459fd43", "52000", "512345", "62500", "3", "270"],
];
const blanks = fc.array(fc.constantFrom(" ", "\t"), { minLength: 1, maxLength: 8 }).map((chars) => chars.join(""));
const eventsOf = (text: string) => parseBody("pkglog", text, { strict: true });

describe("pairdisplay and raidvchkscan rows", () => {
  it.each(rows.map((row) => [row.join(" "), row] as const))("%s reads the same with any column spacing", (_label, row) => {
    const single = eventsOf(row.join(" "));
    expect(single.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.array(blanks, { minLength: row.length - 1, maxLength: row.length - 1 }), blanks, (gaps, lead) => {
        const text = lead + row.map((cell, index) => (index === 0 ? cell : gaps[index - 1] + cell)).join("");
        expect(eventsOf(text.trim())).toEqual(single);
      }),
      { numRuns: 200 },
    );
  });

  it("reads a row pasted bare into a package log, after a step line, with the step's time and node", () => {
    const parser = createFileParser({
      path: "nodeB1/etc/cmcluster/oracle_pkg/oracle_pkg.log",
      kind: "pkglog",
      hostHint: "nodeB1",
      packageHint: "oracle_pkg",
      yearFor: () => 2026,
      strict: true,
    });
    const step = parser.parseLine('Nov 20 10:00:01 - Node "nodeB1": pairdisplay -g oradg -fcx');
    parser.parseLine("Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M");
    const row = parser.parseLine("oradg   oradg_d1(L)  (CL1-C-0, 0,   3)35422   1cf.P-VOL PSUE NEVER ,  100   1d0 -");
    expect(row.ts).toBe(step.ts);
    expect(row.host).toBe("nodeB1");
    expect(row.package).toBe("oracle_pkg");
    expect(row.events[0]).toMatchObject({
      kind: "pair.state",
      deviceGroup: "oradg",
      fields: { side: "local", role: "PVOL", state: "PSUE", percent: 100, deviceGroupFrom: "table" },
    });
  });
});

describe("any line", () => {
  const tableWords = [
    "oradg",
    "oradg_d1(L)",
    "(CL1-C , 0, 3)",
    "35422",
    "1cf.P-VOL",
    "465..SMPL",
    "P-VOL",
    "S-VOL",
    "PVOL",
    "PAIR",
    "PSUE",
    "SSUS",
    "SMPL",
    "NEVER",
    "ASYNC",
    "Never,",
    ",",
    "-",
    "----",
    "100",
    "L",
    "R",
    "pairvolchk",
    ":",
    "Volstat",
    "is",
    ".[status",
    "=",
    "fence",
    "]",
    "[EX_ENORMT]",
    "pairdisplay:",
    "-g",
    "-c",
    "HORCM",
    "inst",
    "0",
    "starts",
    "successfully.",
    "Wait",
    "status",
    "done.",
    "PJNF",
    "001",
    "Group",
    "PairVol",
    "JID",
    "MU",
    "COMMAND=/usr/bin/vi",
    "/etc/horcm0.conf",
    "root",
    "TTY=pts/1",
    ";",
    "USER=root",
    "Refer",
    "to",
    "the",
    "command",
    "log(/HORCM/log0/x.log)",
    "for",
    "details.",
  ];
  const line = fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...tableWords) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 16 })
    .chain((words) =>
      fc.array(blanks, { minLength: words.length, maxLength: words.length }).map((gaps) => words.map((word, index) => gaps[index] + word).join("")),
    );

  it.each(["raidmanager", "operator"])("%s never throws and never parses a line two ways", (name) => {
    const entry = grammarNamed(name);
    fc.assert(
      fc.property(fc.oneof(line, fc.string({ maxLength: 120 }), fc.string({ unit: "grapheme", maxLength: 80 })), (text) => {
        expect(runGrammar(entry, text).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 3000 },
    );
  });

  it("every body grammar together: any line gives a list of events", () => {
    fc.assert(
      fc.property(fc.oneof(line, fc.string({ maxLength: 120 })), (text) => {
        for (const format of ["syslog", "pkglog"]) expect(Array.isArray(parseBody(format, text, { strict: true }))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
