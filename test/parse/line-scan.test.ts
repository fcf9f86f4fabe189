// The file parser reads each line once for two questions (src/parse/body.ts scanLine): which body
// grammars may match the body, and may the line carry replication vocabulary (the unread check). The
// shortcut must change nothing: on real lines (every sample bundle) and random ones built from the
// grammars' and the vocabulary's words in any case, with non-ASCII and control characters, the events
// and the unread marker are those of the plain path (the body scanned alone, the vocabulary's prefilter
// run on every line that gave no event).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleLines as sampleLinesOf } from "../helpers/samples-files.js";
import { NOT_SCANNED, VOCABULARY_BIT, scanLine } from "../../src/parse/body.js";
import { parseBody, parseHeader, replicationVocabulary } from "../../src/parse/index.js";
import type { FileKind } from "../../src/parse/index.js";
import { withUnreadMarker } from "../../src/parse/unread.js";

const sampleLines = sampleLinesOf();

/** What the file parser gives a line through the scan, and through the plain path; and whether the scan kept its promise. */
function bothWays(text: string, kind: FileKind): { scanned: unknown; plain: unknown } | undefined {
  const place = { bodyStart: -1 };
  const header = parseHeader(text, kind, place);
  if (!header) return undefined;
  expect(place.bodyStart === -1 || text.slice(place.bodyStart) === header.body).toBe(true);
  const options = { strict: false };
  const bits = place.bodyStart >= 0 ? scanLine(header.format, text, place.bodyStart) : NOT_SCANNED;
  const fromScan = parseBody(header.format, header.body, options, text, bits);
  const plain = parseBody(header.format, header.body, options);
  // The vocabulary's prefilter matching implies the bit (a necessary condition), whatever the grammars gave.
  if (bits !== NOT_SCANNED && replicationVocabulary().prefilter.test(text)) expect({ text, bit: (bits & VOCABULARY_BIT) !== 0 }).toEqual({ text, bit: true });
  return {
    scanned: withUnreadMarker(fromScan, text, bits === NOT_SCANNED || (bits & VOCABULARY_BIT) !== 0),
    plain: withUnreadMarker(plain, text),
  };
}

describe("one scan of a line for the body grammars and the unread check", () => {
  it("gives the plain path's events and unread markers on every line of the sample bundles", () => {
    let compared = 0;
    for (const text of sampleLines) {
      for (const kind of ["syslog", "pkglog"] as const) {
        const both = bothWays(text, kind);
        if (!both) continue;
        compared++;
        expect({ text, kind, events: both.scanned }).toEqual({ text, kind, events: both.plain });
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  // Words of the grammars' prefilters and of the vocabulary, in odd cases and cut, beside noise.
  const words = [
    "PVOL_PAIR",
    "svol_psus",
    "P-VOL",
    "s-Vol",
    "pairdisplay",
    "PairDisplay",
    "HORCM_103",
    "horcmd_0",
    "Horcm",
    "EX_ENORMT",
    "ex_",
    "ew_CMDRJE",
    "AUTO_SVOLPSUE",
    "auto_run",
    "FORCEFLAG",
    "ForceFlag",
    "fence",
    "FENCE_LEVEL",
    "async",
    "ASYNC",
    "simplex",
    "SWAPPABLE",
    "Suspended",
    "raidscan",
    "RAIDQRY",
    "copy",
    "COPY",
    "rcpy",
    "psue",
    "PDUB",
    "pfus",
    "ssws",
    "SMPL",
    "vol",
    "Package",
    "cmcld",
    "cm",
    "dg",
    "local",
    "remote",
    "rejected",
    "Link",
    "LVM:",
    "vx_nospace",
    "TOC",
    "DEADMAN",
    "COMMAND=",
    "/UP",
    "Alert",
    "UNREACHABLE",
    "not responding",
    "é",
    "ÉX_",
    "\u212aorc",
    "\u0131",
    "\u0000",
    "\t",
    "[2011]:",
    "=",
    ":",
    "-",
    "_",
    "x",
  ];
  const body = fc
    .array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 }), fc.constantFrom(" ", "  ")), { maxLength: 12 })
    .map((parts) => parts.join(" "));
  const host = fc.constantFrom("nodeA1", "horcm-node", "VOLHOST", "pair01", "node_b2", "x");
  const program = fc.constantFrom("sshd[2011]", "cmcld", "horcmd_00[812]", "mcstat[77]", "erp_dgmon", "EMS [4410]", "CM-CMD[9]", "forceflag");
  const syslogLine = fc
    .tuple(fc.constantFrom("Nov 16 00:00:00", "Mar  2 04:11:09", "2026-03-02T04:11:09+01:00"), host, program, body)
    .map(([stamp, name, tag, message]) => `${stamp} ${name} ${tag}: ${message}`);
  const untaggedLine = fc.tuple(host, body).map(([name, message]) => `Nov 16 00:00:00 ${name} ${message}`);
  const pkglogLine = fc.tuple(fc.constantFrom("", 'Node "nodeA1": ', 'Node "horcm1": '), body).map(([node, message]) => `Nov 26 09:31:07 - ${node}${message}`);

  it("gives the plain path's events and unread markers on random lines (syslog, untagged, package log)", () => {
    fc.assert(
      fc.property(fc.oneof(syslogLine, untaggedLine), pkglogLine, (syslogText, pkglogText) => {
        for (const [text, kind] of [
          [syslogText, "syslog"],
          [pkglogText, "pkglog"],
        ] as const) {
          const both = bothWays(text, kind);
          if (both) expect({ text, events: both.scanned }).toEqual({ text, events: both.plain });
        }
      }),
      { numRuns: 3000 },
    );
  });
});
