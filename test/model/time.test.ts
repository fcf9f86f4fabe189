import { describe, expect, it } from "vitest";
import {
  fileYearResolver,
  formatIso,
  isPlausibleYear,
  lastYearlessStamp,
  newestStamp,
  offsetMinutesAt,
  timeInFileName,
  timeInPath,
  toWallClock,
  wallClockAfter,
  yearResolver,
} from "../../src/model/time.js";

describe("year inference", () => {
  it("puts December lines of a file modified in January in the previous year", () => {
    const yearFor = yearResolver({ reference: { reference: Date.UTC(2027, 0, 2, 3), source: "mtime" } });
    expect(yearFor(12, 31)).toBe(2026);
    expect(yearFor(1, 2)).toBe(2027);
  });

  it("allows a day of slack after mtime for zone differences", () => {
    const yearFor = yearResolver({ reference: { reference: Date.UTC(2026, 10, 20, 12), source: "mtime" } });
    expect(yearFor(11, 21)).toBe(2026);
    expect(yearFor(11, 23)).toBe(2025);
  });

  it("with a logged date, picks the year nearest to it in both directions", () => {
    const yearFor = yearResolver({ reference: { reference: Date.UTC(2026, 11, 30), source: "logged" } });
    expect(yearFor(1, 3)).toBe(2027);
    expect(yearFor(11, 20)).toBe(2026);
  });

  it("--year wins", () => {
    expect(yearResolver({ fixedYear: 2014 })(11, 24)).toBe(2014);
  });

  // Review (attack/year0000): a package log's time stored from a banner of year 0 was read as 1900 and dated the
  // bundle's year-less syslogs. A reference outside the years --year accepts dates nothing: the clock's year instead.
  it("ignores a reference outside 1970-9999, as --year would refuse it", () => {
    const now = new Date().getUTCFullYear();
    const yearOf1900 = yearResolver({ reference: { reference: Date.UTC(1900, 10, 12), source: "logged" } })(1, 1);
    expect([now - 1, now]).toContain(yearOf1900);
    const year0 = new Date(0);
    year0.setUTCFullYear(0, 10, 12);
    expect([now - 1, now]).toContain(yearResolver({ reference: { reference: year0.getTime(), source: "logged" } })(1, 1));
    expect(yearResolver({ reference: { reference: Date.UTC(1970, 5, 1), source: "logged" } })(6, 1)).toBe(1970);
    expect([0, 99, 1969, 10000, 275760, 2026.5].map(isPlausibleYear)).toEqual([false, false, false, false, false, false]);
    expect([1970, 2026, 9999].map(isPlausibleYear)).toEqual([true, true, true]);
  });
});

describe("a log that runs into a new year", () => {
  const tail = [
    "Nov 16 11:30:15 root@lnxmc03 master_control_script.sh[58244]: ###### Package billing halted successfully ######",
    "Jan 22 13:03:01 root@lnxmc03 mcxpca.sh[36151]: ERROR: Metrocluster start check failed (exit 1)",
    "   /dev/vgbill/lv_app",
    "Jan 22 13:03:0", // cut mid-stamp: not a stamp
  ].join("\n");

  it("reads the stamp of the last line that has one", () => {
    expect(lastYearlessStamp(tail)).toEqual({ month: 1, day: 22, msOfDay: (13 * 3600 + 3 * 60 + 1) * 1000 });
    expect(lastYearlessStamp("<13>Dec  9 08:00:00 host x: y")).toEqual({ month: 12, day: 9, msOfDay: 8 * 3600 * 1000 });
    expect(lastYearlessStamp("2026-01-22T13:03:01+01:00 host x: y\nno stamp here")).toBeNull();
    expect(lastYearlessStamp("")).toBeNull();
  });

  it("passes over a line that arrived late at the end of a consolidated syslog, and follows a wrap into January", () => {
    const consolidated = [
      "Nov 27 09:00:00 nodeA1 x: y",
      "Nov 27 10:00:00 nodeB1 x: y",
      "Nov  2 10:00:00 nodeB2 syslog: relayed late",
      "Nov 26 09:00:00 nodeB2 x: y",
    ].join("\n");
    expect(lastYearlessStamp(consolidated)).toEqual({ month: 11, day: 27, msOfDay: 10 * 3600 * 1000 });
    const wrap = ["Dec 31 23:59:00 nodeA1 x: y", "Jan  1 00:01:00 nodeA1 x: y", "Dec 20 10:00:00 nodeB2 syslog: relayed late"].join("\n");
    expect(lastYearlessStamp(wrap)).toEqual({ month: 1, day: 1, msOfDay: 60_000 });
  });

  it("--year is the year of the newest lines: the November before them is the year before", () => {
    const yearFor = fileYearResolver({ fixedYear: 2025, lastStamp: lastYearlessStamp(tail) });
    expect(yearFor(1, 22)).toBe(2025);
    expect(yearFor(11, 16)).toBe(2024);
  });

  it("a copy modified months later still keeps the lines in order", () => {
    const reference = { reference: Date.UTC(2026, 11, 5), source: "mtime" as const };
    const yearFor = fileYearResolver({ reference, lastStamp: { month: 1, day: 22, msOfDay: 0 } });
    expect(yearFor(1, 22)).toBe(2026);
    expect(yearFor(11, 16)).toBe(2025);
    // Without the last line's stamp the mtime alone put both in 2026, November after January.
    expect(yearResolver({ reference })(11, 16)).toBe(2026);
  });

  it("--year dates the bundle's newest lines: a log that ended in December beside logs running to January ended the year before", () => {
    const bundleNewest = { month: 1, day: 22, msOfDay: 16 * 3600_000 };
    const packageLog = fileYearResolver({ fixedYear: 2025, lastStamp: { month: 12, day: 8, msOfDay: 0 }, bundleNewest });
    expect(packageLog(12, 8)).toBe(2024);
    const syslog = fileYearResolver({ fixedYear: 2025, lastStamp: bundleNewest, bundleNewest });
    expect([syslog(1, 22), syslog(12, 30)]).toEqual([2025, 2024]);
    // A log that ended earlier in the same year, or on the newest day, keeps it.
    expect(fileYearResolver({ fixedYear: 2025, lastStamp: { month: 1, day: 3, msOfDay: 0 }, bundleNewest })(1, 3)).toBe(2025);
    expect(fileYearResolver({ fixedYear: 2025, lastStamp: { month: 1, day: 22, msOfDay: 23 * 3600_000 }, bundleNewest })(1, 22)).toBe(2025);
  });

  it("the newest of a bundle's last stamps is read around New Year, and unknown when they spread over half a year", () => {
    const dec30 = { month: 12, day: 30, msOfDay: 0 };
    const jan2 = { month: 1, day: 2, msOfDay: 0 };
    const mar1 = { month: 3, day: 1, msOfDay: 0 };
    expect(newestStamp([dec30, null, jan2])).toEqual(jan2);
    expect(newestStamp([jan2, dec30])).toEqual(jan2);
    expect(newestStamp([jan2, mar1])).toEqual(mar1);
    expect(
      newestStamp([
        { month: 1, day: 1, msOfDay: 0 },
        { month: 5, day: 1, msOfDay: 0 },
        { month: 9, day: 1, msOfDay: 0 },
      ]),
    ).toBeNull();
    expect(newestStamp([null, undefined])).toBeNull();
  });

  it("a log inside one year is unchanged", () => {
    const reference = { reference: Date.UTC(2026, 11, 5), source: "mtime" as const };
    const yearFor = fileYearResolver({ reference, lastStamp: { month: 11, day: 30, msOfDay: 0 } });
    expect(yearFor(11, 2)).toBe(2026);
    expect(yearFor(11, 30)).toBe(2026);
    expect(fileYearResolver({ fixedYear: 2014, lastStamp: null })(11, 24)).toBe(2014);
  });
});

describe("time zones", () => {
  it("converts an instant to the zone's wall clock", () => {
    expect(toWallClock(Date.UTC(2026, 10, 20, 15, 31, 5), "Europe/Paris")).toBe(Date.UTC(2026, 10, 20, 16, 31, 5));
  });

  it("prints ISO 8601 without offset by default and with the zone's offset under --tz", () => {
    const wall = Date.UTC(2026, 10, 20, 16, 31, 5);
    expect(formatIso(wall)).toBe("2026-11-20T16:31:05");
    expect(formatIso(wall, "America/New_York")).toBe("2026-11-20T16:31:05-05:00");
    expect(offsetMinutesAt(Date.UTC(2026, 6, 1, 12), "Europe/Paris")).toBe(120);
  });
});

describe("toWallClock in this machine's zone", () => {
  it("gives what the zone's formatter gives, across daylight-saving changes, in whole seconds", () => {
    const before = process.env.TZ;
    try {
      for (const zone of ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"]) {
        process.env.TZ = zone;
        for (const instant of [
          Date.UTC(2026, 2, 29, 0, 59, 59, 999),
          Date.UTC(2026, 2, 29, 1, 0, 0),
          Date.UTC(2026, 9, 25, 0, 30, 0, 500),
          Date.UTC(2026, 10, 20, 15, 31, 5, 250),
          Date.UTC(2026, 2, 8, 7, 0, 0),
          Date.UTC(2026, 3, 5, 15, 0, 0),
          Date.UTC(2027, 0, 1, 0, 0, 0),
        ]) {
          expect(toWallClock(instant), `${zone} ${new Date(instant).toISOString()}`).toBe(toWallClock(instant, zone));
        }
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe("the time in a saved file's name", () => {
  it("reads a date and a time in the layouts operators name files with; without seconds, the minute's last second", () => {
    expect(timeInFileName("/b/mel-db1/home/nwong/pgbill_takeover_20220721_1058.txt")).toBe(Date.UTC(2022, 6, 21, 10, 58, 59));
    expect(timeInFileName("pairdisplay-2024-03-02_14.05.31.txt")).toBe(Date.UTC(2024, 2, 2, 14, 5, 31));
    expect(timeInFileName("check.20231104T023015.out")).toBe(Date.UTC(2023, 10, 4, 2, 30, 15));
    expect(timeInFileName("2024-03-02 14:05 pairdisplay.txt")).toBe(Date.UTC(2024, 2, 2, 14, 5, 59));
  });

  it("reads nothing from a date alone, a run of digits that is no date, or a day the month lacks", () => {
    expect(timeInFileName("cmviewcl_20241209.txt")).toBeNull();
    expect(timeInFileName("dump_1202207211058.txt")).toBeNull();
    expect(timeInFileName("out_20230231_1200.txt")).toBeNull();
    expect(timeInFileName("/b/20220721_1058/notes.txt")).toBeNull();
  });
});

describe("the time in a saved file's place", () => {
  it("a day in its folder and a time of day ending its name; a folder named with a day and a time for output saved in it", () => {
    expect(timeInPath("/b/vie-sap1/root/failback/20180515/pairdisplay_2051.out")).toBe(Date.UTC(2018, 4, 15, 20, 51, 59));
    expect(timeInPath("/b/mad1/root/incidencia_20241021/pd_PRD_DG_1509.txt")).toBe(Date.UTC(2024, 9, 21, 15, 9, 59));
    expect(timeInPath("/b/n1/home/plantao/2015-09-10/status_0009.txt")).toBe(Date.UTC(2015, 8, 10, 0, 9, 59));
    expect(timeInPath("/b/n1/root/20230101/checks/pd_1200.txt")).toBe(Date.UTC(2023, 0, 1, 12, 0, 59));
    expect(timeInPath("/b/n1/tmp/collect_20220721_1058/pairdisplay.txt")).toBe(Date.UTC(2022, 6, 21, 10, 58, 59));
    // The file's own name wins over its folder's.
    expect(timeInPath("/b/20230101/pd_20230102_1300.txt")).toBe(Date.UTC(2023, 0, 2, 13, 0, 59));
  });

  it("nothing from a time of day with no day, a day with no time, a time that is none, or a day too far up", () => {
    expect(timeInPath("/b/fradb1/tmp/pd_ord_2245.txt")).toBeNull();
    expect(timeInPath("/b/n1/var/tmp/dr_20190216/pairstate.txt")).toBeNull();
    expect(timeInPath("/b/n1/20180515/ablauf.txt")).toBeNull();
    expect(timeInPath("/b/n1/20180515/pd_2460.txt")).toBeNull();
    expect(timeInPath("/b/n1/inc_20180515/a/b/pd_1200.txt")).toBeNull();
    expect(timeInPath("/b/n1/20180515/cmviewcl_20180516.txt")).toBeNull();
  });
});

describe("a package log's tail across a year", () => {
  it("written in order by one script, any step back is a new year (last October's test, then May's failover)", () => {
    const tail = "Oct 20 17:40:19 root@n1 master_control_script.sh[1]: halted\nMay 14 09:41:26 root@n1 master_control_script.sh[2]: Starting package p\n";
    expect(lastYearlessStamp(tail, { writtenInOrder: true })).toEqual({ month: 5, day: 14, msOfDay: (9 * 3600 + 41 * 60 + 26) * 1000 });
    // A syslog's: the May line is a late arrival (a relay), October stays the newest.
    expect(lastYearlessStamp(tail)).toMatchObject({ month: 10, day: 20 });
  });
});

describe("wallClockAfter", () => {
  it("adds real time on the logs' clock: an hour less across the change to winter time, an hour more across summer time", () => {
    const day = 24 * 3_600_000;
    expect(wallClockAfter(Date.UTC(2025, 9, 25, 22, 10, 9), day, "Europe/Lisbon")).toBe(Date.UTC(2025, 9, 26, 21, 10, 9));
    expect(wallClockAfter(Date.UTC(2025, 2, 29, 22, 0, 0, 500), day, "Europe/Lisbon")).toBe(Date.UTC(2025, 2, 30, 23, 0, 0, 500));
    expect(wallClockAfter(Date.UTC(2025, 6, 1, 12), day, "Europe/Lisbon")).toBe(Date.UTC(2025, 6, 2, 12));
  });

  it("is the wall clock itself without a zone or in UTC", () => {
    const at = Date.UTC(2025, 9, 25, 22, 10, 9);
    expect(wallClockAfter(at, 3_600_000, undefined)).toBe(at + 3_600_000);
    expect(wallClockAfter(at, 3_600_000, "UTC")).toBe(at + 3_600_000);
  });
});

describe("the last stamp of an extract", () => {
  it("reads stamps behind grep's and a mail's prefixes: the syslog's newest line ends a grep over it and last year's package log", () => {
    const text = [
      "/var/adm/syslog/syslog.log:2767:Feb 16 23:40:12 bcnux1 root: dg_crm PAIR",
      "/etc/cmcluster/crm/rpkg_crm.log:1:Nov 22 08:30:12 root@bcnux1 master_control_script.sh[9102]: ###### Starting package rpkg_crm ######",
      "/etc/cmcluster/crm/rpkg_crm.log:12:Feb  2 11:04:09 root@bcnux1 master_control_script.sh[7402]: ###### Starting package rpkg_crm ######",
      "> Feb  2 11:06:31 bcnux1 cmcld[1544]: Started package rpkg_crm on node bcnux1.",
    ].join("\n");
    expect(lastYearlessStamp(text)).toEqual({ month: 2, day: 16, msOfDay: ((23 * 60 + 40) * 60 + 12) * 1000 });
    // Prose before a stamp is no prefix.
    expect(lastYearlessStamp("The package halted at Mar  3 14:19:02 nodeA1 cmcld[1]: x")).toBeNull();
  });
});
