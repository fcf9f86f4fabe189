/**
The logs' clock: every time inside mcadvisor is naive wall-clock milliseconds (docs/architecture.md, Time).
Read by parse (zoned lines), the pipeline (year inference), and the presenters and CLI (printing, --tz).

BSD syslog lines carry no year. A line is placed in the year that puts it closest before the
reference time: the file's mtime (a log is not written after its mtime, so a December line in a
file modified in January belongs to the previous year), or, when the logs themselves carry a year
(package-log banners print the full `date`), the newest such date, which survives copying that
mtime does not. `--year` overrides both.
*/

import { ENGLISH_MONTHS, LOCAL_MONTH, monthNumber } from "./calendar.js";

const DAY = 24 * 60 * 60 * 1000;

/**
The years a log's own date may give, as `--year` accepts them (src/cli/options.ts): a banner reading "EST 0000" is
no year (Date.UTC reads 0-99 as 1900-1999), and no clock of these clusters ran before 1970.
*/
export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 9999;
export const isPlausibleYear = (year: number): boolean => Number.isInteger(year) && year >= EARLIEST_YEAR && year <= LATEST_YEAR;

export type YearResolver = (month: number, day: number) => number;

export interface YearReference {
  /** Naive wall-clock ms of the reference instant. */
  readonly reference: number;
  /** mtime: lines cannot be later (1 day of slack for zones); a logged date: lines may be later or earlier. */
  readonly source: "mtime" | "logged";
}

/** A year-less BSD syslog stamp ("Jan 22 13:03:01"): its month, day and time of day. */
export interface YearlessStamp {
  readonly month: number;
  readonly day: number;
  readonly msOfDay: number;
}

// Months in English, or in the node's locale (a journal exported with LANG=de_DE: "Mai 15 08:00:33"; src/model/calendar.ts).
// Behind an extract's prefix too (src/parse/extract.ts: grep's "syslog.log:1201:", a mail's "> "): a grep over a syslog and a
// package log ends with last year's package-log lines, its syslog's newest line is the extract's end (round 69 #14).
const YEARLESS_STAMP = new RegExp(
  `^(?:(?:[ \\t]*>)*[ \\t]*(?:[^\\s:]{1,200}[:-])?(?:\\d{1,9}[:-])?[ \\t]*)?(?:<\\d{1,3}>)?(${ENGLISH_MONTHS.join("|")}|${LOCAL_MONTH}) {1,2}(\\d{1,2}) (\\d\\d):(\\d\\d):(\\d\\d)(?!\\d)`,
);

/**
The newest year-less stamp among the lines of `text` (a file's tail), read in order: a line more than a day older
than the newest before it is a late arrival (a consolidated syslog's relay after a WAN outage) and is passed over,
unless it is a new year's line after December's (a wrap), or `writtenInOrder` (a package log: one writer, in order).
Null when no line starts with such a stamp.
*/
export function lastYearlessStamp(text: string, options: { writtenInOrder?: boolean } = {}): YearlessStamp | null {
  let newest: YearlessStamp | null = null;
  let newestAt = 0;
  let year = 2000; // a leap year: Feb 29 exists; only the order matters
  for (const line of text.split("\n")) {
    const match = YEARLESS_STAMP.exec(line.slice(0, 280));
    if (!match) continue;
    const day = Number(match[2]);
    const msOfDay = ((Number(match[3]) * 60 + Number(match[4])) * 60 + Number(match[5])) * 1000;
    if (day < 1 || day > 31 || msOfDay >= DAY) continue;
    const month = ENGLISH_MONTHS.indexOf(match[1]) + 1 || monthNumber(match[1]);
    if (month === undefined) continue;
    let at = Date.UTC(year, month - 1, day) + msOfDay;
    if (newest !== null && at < newestAt - DAY) {
      // Months back from the newest: December to January is a new year; anything else arrived late, except in a log one
      // script writes in order (a package log), where any step back is a new year: last October's DR test, then May's
      // failover (round 45 #17: the October lines were read as after May's, the run-script timeout of May as old).
      if (!options.writtenInOrder && (newest.month < 11 || month > 2)) continue;
      year += 1;
      at = Date.UTC(year, month - 1, day) + msOfDay;
    }
    // More than half a year after the newest: December's line arriving after January's, from the year before.
    if (newest !== null && at - newestAt > 183 * DAY && !options.writtenInOrder) continue;
    if (newest === null || at >= newestAt) {
      newest = { month, day, msOfDay };
      newestAt = at;
    }
  }
  return newest;
}

/**
Places year-less lines in the year that puts them closest before the file's last line (`lastStamp`), whose own
year comes from `--year` or the reference: a log that runs from November into January keeps its November lines
in the year before, whatever the copy's mtime or `--year` (the year of its newest lines). Without a last stamp
(a compressed file, no stamped line at its end), as yearResolver.
*/
export function fileYearResolver(options: {
  fixedYear?: number;
  reference?: YearReference;
  lastStamp?: YearlessStamp | null;
  /**
  With `fixedYear`: the newest last stamp of the bundle's logs (newestStamp), which `--year` dates. A log that ends
  before it in the calendar ends in that year, one that ends after it in the year before: a package log last written
  on Dec 8 beside syslogs running to Jan 22 of `--year` (round 50 #11: its start was read eleven months later, "while
  the package ran elsewhere").
  */
  bundleNewest?: YearlessStamp | null;
  /** A followed file (watch): lines will come after its last one, so the year nearest that line, not the one before it. */
  following?: boolean;
}): YearResolver {
  const { lastStamp, bundleNewest, fixedYear } = options;
  if (!lastStamp) return yearResolver(options);
  const lastYear =
    fixedYear !== undefined && bundleNewest
      ? yearResolver({ reference: { reference: Date.UTC(fixedYear, bundleNewest.month - 1, bundleNewest.day) + bundleNewest.msOfDay, source: "mtime" } })(
          lastStamp.month,
          lastStamp.day,
        )
      : yearResolver(options)(lastStamp.month, lastStamp.day);
  const end = Date.UTC(lastYear, lastStamp.month - 1, lastStamp.day) + lastStamp.msOfDay;
  return yearResolver({ reference: { reference: end, source: options.following ? "logged" : "mtime" } });
}

/**
The newest of several logs' last stamps (a bundle's), read around the calendar: the one every other falls within half
a year before, so logs ending on Dec 30 and Jan 2 end in a new year, on Jan 2. Null when none has a stamp, or when they
spread over more than half a year (no newest can be told: each log is then dated by its own last line).
*/
export function newestStamp(stamps: readonly (YearlessStamp | null | undefined)[]): YearlessStamp | null {
  const known = stamps.filter((stamp): stamp is YearlessStamp => stamp !== null && stamp !== undefined);
  const at = (stamp: YearlessStamp): number => Date.UTC(2000, stamp.month - 1, stamp.day) + stamp.msOfDay;
  const year = Date.UTC(2001, 0, 1) - Date.UTC(2000, 0, 1);
  for (const candidate of known) {
    const end = at(candidate);
    if (known.every((other) => (end - at(other) + year) % year <= 183 * DAY)) return candidate;
  }
  return null;
}

export function yearResolver(options: { fixedYear?: number; reference?: YearReference }): YearResolver {
  if (options.fixedYear !== undefined) {
    const year = options.fixedYear;
    return () => year;
  }
  // A reference out of the years a log may give (a package-log time stored from a banner of year 0) dates nothing.
  const given = options.reference;
  const reference =
    given !== undefined && isPlausibleYear(new Date(given.reference).getUTCFullYear()) ? given : { reference: Date.now(), source: "mtime" as const };
  const referenceYear = new Date(reference.reference).getUTCFullYear();
  const yearOf = (month: number, day: number): number => {
    const candidate = Date.UTC(referenceYear, month - 1, day);
    if (reference.source === "mtime") {
      return candidate > reference.reference + DAY ? referenceYear - 1 : referenceYear;
    }
    // A logged date is a point inside the logs' span: pick the year that lands nearest to it.
    const half = 183 * DAY;
    if (candidate - reference.reference > half) return referenceYear - 1;
    if (reference.reference - candidate > half) return referenceYear + 1;
    return referenceYear;
  };
  // Date.UTC for every line was a measurable share of parsing; the answer depends only on the month and day.
  const known = new Int32Array(13 * 100);
  return (month, day) => {
    if (!(Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 0 && day < 100)) return yearOf(month, day);
    const key = month * 100 + day;
    return known[key] !== 0 ? known[key] : (known[key] = yearOf(month, day));
  };
}

/** One formatter per zone: building an Intl.DateTimeFormat costs ~0.1 ms, and some callers convert every line's time. */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** Year 10000: the UTC shortcut of toWallClock stays where the formatter's four-digit years are plain dates. */
const UTC_SHORTCUT_END = Date.UTC(10000, 0, 1);

/** Naive wall-clock ms ("the logs' local time read as UTC") of an absolute instant in a zone (this machine's when absent). */
export function toWallClock(epochMs: number, timeZone?: string): number {
  // This machine's zone needs no Intl formatter: its first use loads ICU's locale data (30-100 ms of every
  // analyze's start-up). Whole seconds, as the formatter gives.
  if (timeZone === undefined) return Math.floor((epochMs - new Date(epochMs).getTimezoneOffset() * 60_000) / 1000) * 1000;
  // UTC's wall clock is the instant itself (`--tz UTC`, what scripts and the bench pass): no formatter, no ICU data.
  if (timeZone === "UTC" && epochMs >= 0 && epochMs < UTC_SHORTCUT_END) return Math.floor(epochMs / 1000) * 1000;
  const parts = wallClockFormat(timeZone).formatToParts(new Date(epochMs));
  const value = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(value("year"), value("month") - 1, value("day"), value("hour"), value("minute"), value("second"));
}

/** The zone's offset at a naive wall-clock time, in minutes east of UTC (for printing ISO times with --tz). */
export function offsetMinutesAt(wallClockMs: number, timeZone: string): number {
  // The wall clock is close to the instant; two iterations settle DST edges.
  let instant = wallClockMs;
  for (let step = 0; step < 2; step++) instant = wallClockMs - (toWallClock(instant, timeZone) - instant);
  return Math.round((toWallClock(instant, timeZone) - instant) / 60000);
}

/**
Offsets (minutes east of UTC) of the zone names `date` prints that name one zone only: EST/CST/IST/BST and the like name
several (US or Australian Eastern, US Central or China, India or Ireland or Israel) and are not read.
*/
const ZONE_NAME_OFFSETS: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  UCT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  METDST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  GST: 240,
  PKT: 300,
  ICT: 420,
  WIB: 420,
  HKT: 480,
  SGT: 480,
  AWST: 480,
  PHT: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  HST: -600,
  AKST: -540,
  AKDT: -480,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CDT: -300,
  EDT: -240,
  BRT: -180,
  ART: -180,
};

/** The offset of a zone name `date` printed, when the name is one zone's; undefined otherwise. */
export function zoneNameOffset(name: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(ZONE_NAME_OFFSETS, name) ? ZONE_NAME_OFFSETS[name] : undefined;
}

/** Names that always mean UTC: a control script exporting TZ=UTC prints them whatever the node's zone. */
const UNIVERSAL_NAMES = new Set(["UTC", "GMT", "UCT", "Z"]);
/** Per zone, the short names it went by (see zoneGoesBy). */
const namesOfZone = new Map<string, ReadonlySet<string>>();

/**
Whether `name` is one the logs' zone `timeZone` itself went by (its winter or summer name in any year since 1990): a
line naming it is on that zone's clock, placed by the zone's own rules rather than by the name's fixed offset. HP-UX
nodes in Turkey keep TZ=EET-3 since Turkey stayed at +3 in 2016: `date` prints "EET" for +3, which the table reads +2
(round 64 #18: a package log an hour off its syslog). UTC and GMT are never the zone's own: they are what an exported
TZ=UTC prints.
*/
export function zoneGoesBy(timeZone: string, name: string): boolean {
  if (UNIVERSAL_NAMES.has(name)) return false;
  let names = namesOfZone.get(timeZone);
  if (names === undefined) {
    const collected = new Set<string>();
    try {
      // en-GB gives the abbreviations `date` prints (CET, EEST, BST) where ICU has them; en-US only GMT+n for most of Europe.
      for (const locale of ["en-GB", "en-US"]) {
        const format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" });
        for (let year = 1990; year <= new Date().getUTCFullYear() + 1; year++) {
          for (const month of [0, 6]) {
            const part = format.formatToParts(Date.UTC(year, month, 15)).find((entry) => entry.type === "timeZoneName");
            if (part !== undefined && !/^(?:GMT|UTC)[+-]/.test(part.value)) collected.add(part.value);
          }
        }
      }
    } catch (error) {
      // A zone Intl does not know was refused when the options were read; here it only means no name is its own.
      if (!(error instanceof RangeError)) throw error;
    }
    names = collected;
    namesOfZone.set(timeZone, names);
  }
  return names.has(name);
}

/**
The wall-clock time `durationMs` of real time after `wallClockMs`, on the logs' clock in `timeZone`: across the change
to winter time, 24 hours after 22:10 of the evening before is 21:10 (the hour between 01:00 and 02:00 was lived
twice). Without a zone (the logs' clock unknown) or in UTC, the wall clock itself: `wallClockMs + durationMs`.
*/
export function wallClockAfter(wallClockMs: number, durationMs: number, timeZone: string | undefined): number {
  if (timeZone === undefined || timeZone === "UTC") return wallClockMs + durationMs;
  const instant = wallClockMs - offsetMinutesAt(wallClockMs, timeZone) * 60_000;
  return toWallClock(instant + durationMs, timeZone) + ((wallClockMs + durationMs) % 1000);
}

/**
A finding's time when nothing it rests on has one and the run met no timed line (a bundle holding only a shell
history that keeps no times): stored as 0, shown as unknown, never as 1970.
*/
export const TIME_UNKNOWN = 0;

/** `ms`, or null when it is not known (null, or a finding's TIME_UNKNOWN). */
export function knownTime(ms: number | null): number | null {
  return ms === null || ms === TIME_UNKNOWN ? null : ms;
}

/** The words a reader sees for a finding's unknown time (TIME_UNKNOWN). */
export const UNKNOWN_TIME_TEXT = "time unknown";

/** A finding's time as formatIso writes it, or UNKNOWN_TIME_TEXT when nothing it rests on has one. */
export function formatFindingTime(ms: number, timeZone?: string): string {
  return knownTime(ms) === null ? UNKNOWN_TIME_TEXT : formatIso(ms, timeZone);
}

/** ISO 8601 of a naive time: `2026-11-20T16:31:05`, with `+01:00` when a zone is given. */
export function formatIso(wallClockMs: number, timeZone?: string): string {
  const base = new Date(wallClockMs).toISOString().slice(0, 19);
  if (!timeZone) return base;
  const offset = offsetMinutesAt(wallClockMs, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const absolute = Math.abs(offset);
  return `${base}${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}:${String(absolute % 60).padStart(2, "0")}`;
}

/**
`--node-tz NODE=ZONE`: a node whose year-less lines are written in another zone than the others' (a TZ left at UTC
after a patch, the other cluster of a Continentalclusters pair on another continent). Returns the naive time of
such a line on the logs' clock (`timeZone`, this machine's when absent); the offset is computed once per quarter
hour of the node's clock, as zone transitions fall on quarter hours.
*/
export function nodeClock(timeZone: string | undefined): (writtenMs: number, nodeZone: string) => number {
  const deltas = new Map<string, number>();
  return (writtenMs, nodeZone) => {
    const bucket = Math.floor(writtenMs / (15 * 60_000));
    const key = `${nodeZone}\u0000${bucket}`;
    let delta = deltas.get(key);
    if (delta === undefined) {
      const start = bucket * 15 * 60_000;
      const instant = start - offsetMinutesAt(start, nodeZone) * 60_000;
      delta = toWallClock(instant, timeZone) - start;
      deltas.set(key, delta);
    }
    return writtenMs + delta;
  };
}

/** Checks a --tz value early so a typo is a usage error, not a crash mid-analysis. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === "UTC") return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
Where a line that writes its UTC offset (an RFC 3339 or journalctl stamp) sits on the bundle's naive
wall clock. The project's times are the logs' local wall clock; yearless BSD lines can only be read
that way, so zoned lines are brought to the same clock:

- with `--tz ZONE`, a zoned line is converted exactly to ZONE's wall clock (daylight saving included);
- without it, the first zoned line of the bundle fixes the reference offset: lines written at that
  offset keep their written time, lines written at another offset (a node in UTC, a journal exported
  on another machine) are shifted to it, so every node is ordered by the real instant.

Without `--tz`, a bundle that spans a daylight-saving change shows the lines after the change at the
reference offset (one hour off their written time, still correctly ordered among zoned lines).
*/
export interface ZoneClock {
  /** The naive wall-clock ms of a line written at `writtenMs` (naive, as printed) with `utcOffset` minutes. */
  place(writtenMs: number, utcOffset: number): number;
  /**
  The naive wall-clock ms of an instant whose writer's zone is unknown (an epoch second): on `--tz`, or the reference
  offset the bundle's zoned lines set; on UTC while neither is known. It never sets the reference: an epoch's offset
  0 is not the node's zone, as an RFC 3339 line's offset is.
  */
  placeInstant(instantMs: number): number;
  /** The reference offset in effect (null until the first zoned line, or when `--tz` decides). */
  readonly referenceOffset: number | null;
}

const MINUTE = 60 * 1000;
// Zone transitions fall on quarter hours of UTC (every offset is a multiple of 15 minutes and changes
// happen on local quarter hours), so one Intl lookup per quarter hour is exact.
const QUARTER_HOUR = 15 * MINUTE;

export function zoneClock(options: { timeZone?: string; referenceOffset?: number | null }): ZoneClock {
  const timeZone = options.timeZone;
  let reference = options.referenceOffset ?? null;
  const offsets = new Map<number, number>();
  const offsetAt = (instant: number, zone: string): number => {
    const bucket = Math.floor(instant / QUARTER_HOUR) * QUARTER_HOUR;
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = toWallClock(bucket, zone) - bucket;
      if (offsets.size > 4096) offsets.clear();
      offsets.set(bucket, offset);
    }
    return offset;
  };
  return {
    place(writtenMs, utcOffset) {
      const instant = writtenMs - utcOffset * MINUTE;
      if (timeZone !== undefined) return instant + offsetAt(instant, timeZone);
      if (reference === null) reference = utcOffset;
      return instant + reference * MINUTE;
    },
    placeInstant(instantMs) {
      if (timeZone !== undefined) return instantMs + offsetAt(instantMs, timeZone);
      return instantMs + (reference ?? 0) * MINUTE;
    },
    get referenceOffset() {
      return timeZone !== undefined ? null : reference;
    },
  };
}

// A date and a time in a file's name, as operators save command output: pgbill_takeover_20220721_1058.txt,
// pairdisplay-2024-03-02_14.05.txt, check.20231104T0230.out. A date alone (cmviewcl_20241209.txt) says too little.
const NAME_TIME = [
  /(?<![0-9])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[_T.-]?([01]\d|2[0-3])([0-5]\d)([0-5]\d)?(?![0-9])/,
  /(?<![0-9])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[_T. -]([01]\d|2[0-3])[:.h-]?([0-5]\d)(?:[:.m-]?([0-5]\d))?(?![0-9])/,
];

/**
The wall-clock time (naive ms, as the logs' lines) a file's name says, or null: the time of saved output whose lines
carry none. A name without seconds stands for the last second of its minute: the commands the file holds ran in that
minute (`| tee out_$(date +%Y%m%d_%H%M).txt` names it when they start), so their output comes after anything logged
earlier in the minute (sudo's line for the same command, round 29 #12).
*/
// A day alone in a folder's name (incidencia_20241021/, failback/2018-05-15/) and a time of day as the last word of
// the file's name before its extension (pd_PRD_DG_1509.txt, pairdisplay_2051.out, status_00.09.txt).
const FOLDER_DAY = /(?<![0-9])((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?![0-9])/;
const NAME_TIME_OF_DAY = /(?:^|[_.-])([01]\d|2[0-3])[:.h]?([0-5]\d)(?:\.[A-Za-z0-9]{1,10})?$/;

/**
timeInFileName, else the time a saved output's place says: a day in its folder's name (the nearest folder naming
one, of the two above the file) and a time of day ending the file's name (failback/20180515/pairdisplay_2051.out),
or a folder named with a day and a time for output collected in it (collect_20220721_1058/pairdisplay.txt). A time
of day with no day anywhere (pd_2245.txt), or a day with no time (cmviewcl_20241209.txt), names none.
*/
export function timeInPath(path: string, firstDatedFolder = 0): number | null {
  const named = timeInFileName(path);
  if (named !== null) return named;
  const parts = path.split(/[\\/]/).filter((part) => part.length > 0);
  const base = parts[parts.length - 1] ?? "";
  // Only folders from `firstDatedFolder` on (discovery: below the node's own tree, never an incident's or case's folder).
  const folders = parts.slice(Math.max(parts.length - 3, firstDatedFolder), -1).reverse();
  if (FOLDER_DAY.test(base)) return null;
  const timeOfDay = NAME_TIME_OF_DAY.exec(base);
  for (const folder of folders) {
    const day = FOLDER_DAY.exec(folder);
    if (day === null) continue;
    if (timeOfDay === null) return timeInFileName(folder);
    const [year, month, date] = day.slice(1, 4).map(Number);
    const time = Date.UTC(year, month - 1, date, Number(timeOfDay[1]), Number(timeOfDay[2]), 59);
    return new Date(time).getUTCDate() === date ? time : null;
  }
  return null;
}

export function timeInFileName(name: string): number | null {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  for (const pattern of NAME_TIME) {
    const match = pattern.exec(base);
    if (!match) continue;
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => (part === undefined ? 0 : Number(part)));
    const time = Date.UTC(year, month - 1, day, hour, minute, match[6] === undefined ? 59 : second);
    // Date.UTC rolls 31 Feb into March: such a name names no time.
    if (new Date(time).getUTCDate() !== day) return null;
    return time;
  }
  return null;
}
