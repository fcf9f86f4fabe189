// Lines that write their year and UTC offset (RFC 3339, journalctl) through the real file parser: the
// written wall clock at the reference offset, the real instant at any other, --tz's wall clock when given,
// milliseconds kept, and the reference carried in the parser context across files and resumptions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFileParser } from "../../src/parse/index.js";
import { toWallClock } from "../../src/model/time.js";

const MINUTE = 60_000;
const pad = (value: number, length = 2): string => String(Math.abs(value)).padStart(length, "0");
const offsetText = (minutes: number, colon: boolean): string =>
  `${minutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(minutes) / 60))}${colon ? ":" : ""}${pad(Math.abs(minutes) % 60)}`;
/** A line as rsyslog (colon) or journalctl short-iso (no colon) writes the instant at that offset. */
function line(instant: number, offset: number, colon: boolean, text = "cmcld[3021]: x"): string {
  const wall = new Date(instant + offset * MINUTE);
  const stamp = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}.${pad(wall.getUTCMilliseconds(), 3)}000`;
  return `${stamp}${offset === 0 && colon ? "Z" : offsetText(offset, colon)} nodeB1 ${text}`;
}
const parser = (options: { timeZone?: string; zoneOffset?: number | null } = {}) =>
  createFileParser({ path: "messages", kind: "syslog", yearFor: () => 1999, ...options });

const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) });
const offset = fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }).map((minutes) => minutes - (minutes % 15));

describe("zoned lines", () => {
  it("keep the written wall clock at the reference offset and the real instant at any other", () => {
    fc.assert(
      fc.property(instant, offset, instant, offset, fc.boolean(), (first, reference, second, other, colon) => {
        const file = parser();
        expect(file.parseLine(line(first, reference, colon)).ts).toBe(first + reference * MINUTE);
        expect(file.parseLine(line(second, other, !colon)).ts).toBe(second + reference * MINUTE);
        expect(file.context().zoneOffset).toBe(reference);
      }),
      { numRuns: 500 },
    );
  });

  it("take the reference an earlier file or a stored context set", () => {
    fc.assert(
      fc.property(instant, offset, offset, (at, reference, other) => {
        expect(parser({ zoneOffset: reference }).parseLine(line(at, other, true)).ts).toBe(at + reference * MINUTE);
        const resumed = createFileParser({
          path: "messages",
          kind: "syslog",
          yearFor: () => 1999,
          zoneOffset: other,
          resume: { ts: null, host: null, bannerTs: null, bannerYear: null, package: null, zoneOffset: reference },
        });
        expect(resumed.parseLine(line(at, other, false)).ts).toBe(at + reference * MINUTE);
      }),
      { numRuns: 300 },
    );
  });

  it("are converted exactly to --tz's wall clock, daylight saving included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        offset,
        fc.constantFrom("Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"),
        (at, written, zone) => {
          const file = parser({ timeZone: zone });
          const fraction = at % 1000;
          expect(file.parseLine(line(at, written, true)).ts).toBe(toWallClock(at - fraction, zone) + fraction);
          expect(file.context().zoneOffset).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never take the year the year-less inference would give", () => {
    const parsed = parser().parseLine("2026-03-02T04:11:09.123456+01:00 nodeB1 cmcld[3021]: Started package pkgA on node nodeB1.");
    expect(parsed.ts).toBe(Date.UTC(2026, 2, 2, 4, 11, 9, 123));
    expect(parsed.host).toBe("nodeB1");
    expect(parsed.events.map((event) => event.kind)).toEqual(["pkg.started"]);
  });

  it("leave BSD lines and date(1) lines, which write no offset, at their written time", () => {
    const file = parser({ zoneOffset: 60 });
    expect(file.parseLine("Mar  2 04:11:09 nodeA1 cmcld[2048]: x").ts).toBe(Date.UTC(1999, 2, 2, 4, 11, 9));
    expect(file.parseLine("Mon Mar  2 04:11:10 EST 2026 CLUSTER_ALERT primary_cluster/UNREACHABLE 5 MINUTES").ts).toBe(Date.UTC(2026, 2, 2, 4, 11, 10));
    expect(file.parseLine("-- Reboot --").ts).toBe(Date.UTC(2026, 2, 2, 4, 11, 10));
  });
});

describe("--node-tz: a node whose year-less lines are written in another zone", () => {
  const nodeB1 = (options: { timeZone?: string } = {}) =>
    createFileParser({
      path: "nodeB1/var/adm/syslog/syslog.log",
      kind: "syslog",
      hostHint: "nodeB1",
      yearFor: () => 2026,
      nodeZones: { nodeB1: "UTC" },
      ...options,
    });

  it("places its lines on the logs' clock, daylight saving included", () => {
    // 09:00 UTC is 10:00 in Paris in November (CET) and 11:00 in July (CEST).
    expect(nodeB1({ timeZone: "Europe/Paris" }).parseLine("Nov 20 09:00:30 nodeB1 cmcld[3021]: x").ts).toBe(Date.UTC(2026, 10, 20, 10, 0, 30));
    expect(nodeB1({ timeZone: "Europe/Paris" }).parseLine("Jul 20 09:00:30 nodeB1 cmcld[3021]: x").ts).toBe(Date.UTC(2026, 6, 20, 11, 0, 30));
    // Lines that follow without a stamp (command output) keep the placed time.
    const file = nodeB1({ timeZone: "America/New_York" });
    file.parseLine("Nov 20 15:00:00 nodeB1 root: pairdisplay -g oradg");
    expect(file.parseLine("oradg  ora_00(L) (CL1-A-0, 0, 1)61114  10.P-VOL PAIR NEVER ,  100  20 -").ts).toBe(Date.UTC(2026, 10, 20, 10, 0, 0));
  });

  it("leaves other nodes' lines, and lines that write their own offset, as they are", () => {
    const file = nodeB1({ timeZone: "Europe/Paris" });
    expect(file.parseLine("Nov 20 09:00:30 nodeA1 cmcld[3021]: x").ts).toBe(Date.UTC(2026, 10, 20, 9, 0, 30));
    expect(file.parseLine("2026-11-20T09:00:30+00:00 nodeB1 cmcld[3021]: x").ts).toBe(Date.UTC(2026, 10, 20, 10, 0, 30));
  });
});

describe("lines that name their zone (a package log's banner, a saved output's `date`)", () => {
  const packageLog = [
    '\t########### Node "mdw2ora1": Starting package at Tue Jun 10 12:57:55 UTC 2025 ###########',
    'Jun 10 12:58:10 - Node "mdw2ora1": Activating volume group vgclaims with exclusive option.',
    '\t########### Node "mdw2ora1": Starting package at Wed Jun 11 09:00:00 CDT 2025 ###########',
    'Jun 11 09:00:05 - Node "mdw2ora1": Activating volume group vgclaims with exclusive option.',
  ];
  const times = (timeZone?: string): (number | null)[] => {
    const file = createFileParser({ path: "claims_db.cntl.log", kind: "pkglog", yearFor: () => 2025, timeZone });
    return packageLog.map((text) => file.parseLine(text).ts);
  };

  it("are put on the logs' clock when --tz names it: a UTC banner and its step lines five hours back in CDT, a CDT banner as written", () => {
    expect(times("America/Chicago")).toEqual([
      Date.UTC(2025, 5, 10, 7, 57, 55),
      Date.UTC(2025, 5, 10, 7, 58, 10),
      Date.UTC(2025, 5, 11, 9, 0, 0),
      Date.UTC(2025, 5, 11, 9, 0, 5),
    ]);
  });

  it("are left as written without --tz, and for a name several zones share (CST, IST)", () => {
    expect(times()).toEqual([
      Date.UTC(2025, 5, 10, 12, 57, 55),
      Date.UTC(2025, 5, 10, 12, 58, 10),
      Date.UTC(2025, 5, 11, 9, 0, 0),
      Date.UTC(2025, 5, 11, 9, 0, 5),
    ]);
    const file = createFileParser({ path: "pd.txt", kind: "cmdlog", yearFor: () => 2025, timeZone: "UTC" });
    expect(file.parseLine("Wed Mar  4 10:12:40 IST 2026").ts).toBe(Date.UTC(2026, 2, 4, 10, 12, 40));
    expect(file.parseLine("Wed Mar  4 10:12:40 JST 2026").ts).toBe(Date.UTC(2026, 2, 4, 1, 12, 40));
  });

  it("stay on the logs' clock when the zone goes by that name at another offset (HP-UX TZ=EET-3 in Turkey prints EET at +3)", () => {
    const banners = (timeZone: string, nodeZones?: Record<string, string>): (number | null)[] => {
      const file = createFileParser({ path: "rezerv.cntl.log", kind: "pkglog", yearFor: () => 2026, timeZone, nodeZones });
      return [
        '\t########### Node "ank-r1": Starting package at Wed Apr  1 10:02:31 EET 2026 ###########',
        'Apr  1 10:02:40 - Node "ank-r1": Activating volume group vgrez with exclusive option.',
        '\t########### Node "ank-r1": Starting package at Wed Apr  1 11:00:00 UTC 2026 ###########',
      ].map((text) => file.parseLine(text).ts);
    };
    // Istanbul (+3 since 2016) went by EET and EEST: the line is at its written time on the logs' clock; UTC stays UTC.
    expect(banners("Europe/Istanbul")).toEqual([Date.UTC(2026, 3, 1, 10, 2, 31), Date.UTC(2026, 3, 1, 10, 2, 40), Date.UTC(2026, 3, 1, 14, 0, 0)]);
    // A node on its own clock (--node-tz) is judged by its zone: Istanbul's node in a bundle read on Paris's clock.
    expect(banners("Europe/Paris", { "ank-r1": "Europe/Istanbul" })[0]).toBe(Date.UTC(2026, 3, 1, 9, 2, 31));
    // Another zone's name keeps its offset: EET read on Paris's clock (CEST, +2) is the same wall clock.
    expect(banners("Europe/Paris")[0]).toBe(Date.UTC(2026, 3, 1, 10, 2, 31));
  });
});
