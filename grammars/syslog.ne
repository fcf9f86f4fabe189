# Syslog-style line headers: the lines of /var/adm/syslog/syslog.log (HP-UX), /var/log/messages
# (Linux), a `journalctl -o short-iso` export and the Continentalclusters event log. Three stamps:
#
#   BSD        Mmm dd hh:mm:ss host prog[pid]: message            (HP-UX syslogd, rsyslog's traditional format)
#   ISO 8601   2026-03-02T04:11:09.123456+01:00 host prog[pid]: message
#              rsyslog's RSYSLOG_FileFormat (RFC 3339: fraction optional, offset +hh:mm or Z) and
#              journalctl -o short-iso / short-iso-precise (offset +hhmm before systemd 255, +hh:mm since: systemd PR #29134)
#   date(1)    Thu Nov 20 16:31:05 EST 2026 message                (a line stamped by `date`; the form this
#              grammar assumes for /var/opt/resmon/log/cc/eventlog, whose line format is not published)
#              "Notification Time: Wed Mar  4 18:17:31 2026": an EMS notification block's stamp (EMS text logs,
#              the event log as some sites keep it); the block's other lines carry no time
#   RFC 5424   <30>1 2026-03-10T18:38:58.000+00:00 host app procid msgid [sd] message
#              (rsyslog's RSYSLOG_SyslogProtocol23Format and syslog-ng's syslog-protocol written to a file):
#              `-` is a field left empty, the structured data is dropped, a BOM before the message too
#
#   journalctl's other text modes (systemd's journalctl(1) --output):
#              short-precise   Mar 14 09:12:03.123456 host prog[pid]: message     (a BSD stamp with microseconds)
#              short-full      Fri 2026-03-14 09:12:03 CET host prog[pid]: message (weekday, date, time, the zone's
#              with-unit       abbreviation: read as the logs' wall clock, and placed by the zone's name with --tz as a
#                              `date` stamp is); with-unit writes the unit where the identifier stands
#              short-unix      1773475923.123456 host prog[pid]: message           (an epoch instant, UTC)
#              short-iso(-precise) as ISO 8601 above; short as BSD above
#   journal JSON   one entry a line as `journalctl -o json` writes it ({"__REALTIME_TIMESTAMP":"1773475923123456",
#              "_HOSTNAME":"host","SYSLOG_IDENTIFIER":"prog","_PID":"123","MESSAGE":"message",...}), or `-o json-sse`'s
#              "data: {...}": the time is an epoch instant (microseconds, UTC: _SOURCE_REALTIME_TIMESTAMP as journalctl
#              shows it, else __REALTIME_TIMESTAMP), a MESSAGE that is not UTF-8 comes as an array of bytes. A line
#              that is JSON but no journal entry is not a header.
#   Epoch instants (short-unix, JSON) say nothing of the node's zone: they are marked `instant` and placed on the
#   bundle's clock (`--tz`, else the offset its zoned lines set, else UTC), as a shell history's epoch seconds are.
#   -o verbose (its "Fri 2026-03-14 09:12:03.123456 CET [s=...;t=...]" record line and indented FIELD=value lines) is
#   read by the file parser (src/parse/journal-verbose.ts), each MESSAGE line as the JSON entry it is. Not read as
#   headers: short-monotonic (no wall time), cat (no header at all: its lines are read as text without a time), export
#   and json-pretty (one entry over several lines; discovery does not take them for syslog: export them with -o json).
#
# BSD and ISO lines carry a host and an optional program tag; date(1) lines have neither (the file's
# place names the node). A BSD line has no year (src/ingest/year.ts infers it); ISO and date(1) lines
# carry theirs, and an ISO line its UTC offset (src/parse/file.ts places it on the bundle's clock).
# journalctl's own marker lines ("-- Boot 5f2c... --", "-- Reboot --", "-- Logs begin at ... --",
# "-- No entries --") are recognised as headers without a time.
#
# The BSD day is space-padded ("Nov  4"), [pid] is optional (cmcld: and cmlvmd: log without it), and
# `syslogd -v` on 11i v3 adds a priority/facility code after the timestamp: a facility letter
# A-J or Q-X and a level digit 0-7 ("D6" = daemon.info; syslog(3C)). An RFC 3164 "<30>" is
# accepted there as well. Lines without a program tag ("last message repeated 3 times",
# "-- MARK --") keep the whole rest as the body.
#
# The lexer walks the fields with states, so every line has at most one tokenisation, and moo's
# "first rule wins" never has to choose between a host such as 10.0.0.1 and a number: inside the
# host state a host is simply the next run of non-blanks.

@preprocessor typescript

@{%
import moo from "moo";
import { ENGLISH_MONTHS, LOCAL_MONTH, LOCAL_WEEKDAY, monthNumber } from "../../model/calendar.js";

const MONTHS = ENGLISH_MONTHS;
const MONTH = MONTHS.join("|");
const WEEKDAY = "Mon|Tue|Wed|Thu|Fri|Sat|Sun";
// HP-UX syslogd -v code, or an RFC 3164 PRI; only when a blank follows (else it is the host).
const PRIORITY = "(?:[A-JQ-X][0-7]|<\\d{1,3}>)";
// `prog[pid]:` then at most one blank; the colon must end the tag (blank or end of line). HP-UX
// EMS writes `EMS [2710]:`, with a blank before the pid.
const TAG = "[^\\s\\[\\]:]+(?: ?\\[\\d+\\])?:(?: |(?![^]))";
// RFC 3339 date-time (T separator, fraction optional) and journalctl's short-iso offset without the
// colon. No offset at all is read as the logs' own wall clock. Offsets beyond +-23:59 are not times.
const ISO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?(?:Z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?";
// journalctl -o short-full / with-unit: weekday, ISO date, time, the zone's abbreviation ("CET", "+03" for a zone
// without one, "UTC"). Never followed by "[": that is -o verbose's record line, whose cursor is no host.
const FULL = `(?:${WEEKDAY}|${LOCAL_WEEKDAY}) \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})? [A-Za-z+-][A-Za-z0-9+:_/-]*`;
// journalctl -o short-unix: epoch seconds (2001-09-09 to 2286) and always a fraction (journalctl writes microseconds).
const UNIX = "[1-9]\\d{8,9}\\.\\d{1,9}";
// date(1) output: weekday, month, day, time, an optional zone name, year.
const CTIME = `(?:${WEEKDAY}) +(?:${MONTH}) +\\d{1,2} +\\d\\d:\\d\\d:\\d\\d(?: +[A-Za-z][A-Za-z0-9+:-]*)? +\\d{4}`;

// RFC 5424 up to its structured data: PRI VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD (section 6). An SD
// element's quoted values may hold spaces and an escaped quote or bracket.
const RFC5424 = `<\\d{1,3}>[1-9]\\d{0,2} (?:${ISO}|-) \\S+ \\S+ \\S+ \\S+ (?:-|(?:\\[(?:[^\\]"\\\\]|\\\\.|"(?:[^"\\\\]|\\\\.)*")*\\])+)`;
const RFC5424_FIELDS = new RegExp(`^<\\d{1,3}>\\d+ (\\S+) (\\S+) (\\S+) (\\S+) `);

const lexer = moo.states({
  main: {
    rfc5424: { match: new RegExp(`${RFC5424}(?= |(?![^]))`), next: "dated" },
    // Before the month: a weekday in the node's locale may be spelled as a month elsewhere (es, it "mar").
    full: { match: new RegExp(`${FULL}(?= +[^ [])`), next: "host" },
    // A journal exported in the node's locale names its months so ("Mai 15", "abr 25", " 3月 07": src/model/calendar.ts).
    month: { match: new RegExp(`(?:${MONTH}|${LOCAL_MONTH})(?= )`), next: "day" },
    iso: { match: new RegExp(`${ISO}(?= )`), next: "host" },
    unix: { match: new RegExp(`${UNIX}(?= )`), next: "host" },
    // A journal entry as JSON (journalJsonHeader decides whether it is one).
    json: { match: /(?:data: )?\{[^]*/, lineBreaks: true },
    // An EMS notification block's stamp ("Notification Time: Wed Mar  4 18:17:31 2026"): the Continentalclusters
    // event log and EMS text logs write each notice as such a block; the lines under it are at its time.
    notificationTime: new RegExp(`Notification Time: +(?=${CTIME}(?![^]))`),
    ctime: { match: new RegExp(`${CTIME}(?= |(?![^]))`), next: "dated" },
    marker: { match: /-- [^]*? --(?![^])/, lineBreaks: true },
  },
  day: {
    blank: / +/,
    day: { match: /\d{1,2}(?= )/, next: "time" },
  },
  time: {
    blank: / +/,
    // short-precise adds the microseconds.
    time: { match: /\d\d:\d\d:\d\d(?:\.\d{1,9})?(?= )/, next: "host" },
  },
  host: {
    blank: / +/,
    priority: new RegExp(`${PRIORITY}(?= )`),
    host: { match: /\S+/, next: "afterHost" },
  },
  afterHost: {
    blank: { match: / +/, next: "message" },
  },
  message: {
    tag: { match: new RegExp(TAG), next: "rest" },
    text: { match: /[^]+/, lineBreaks: true },
  },
  rest: {
    text: { match: /[^]+/, lineBreaks: true },
  },
  dated: {
    blank: { match: / +/, next: "rest" },
  },
});

/** When a line was written, as far as its stamp says. */
interface Stamp {
  year?: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
  /** Minutes east of UTC (`Z` is 0). */
  utcOffset?: number;
  /** An epoch instant (short-unix, JSON): UTC fields that say nothing of the node's zone. */
  instant?: boolean;
  /** The zone's abbreviation a short-full stamp prints ("CET"). */
  zoneName?: string;
}

export interface SyslogHeader {
  format: "syslog";
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  utcOffset?: number;
  instant?: boolean;
  zoneName?: string;
  host?: string;
  program?: string;
  pid?: number;
  body: string;
  shape: "plain" | "repeated";
  repeated?: number;
  line?: string;
  source?: string;
}

// BSD wording; "above message repeats" is the Solaris/HP-style variant some syslogds write.
const REPEATED = /^(?:last message repeated|above message repeats) (\d+) times?$/;

const MONTH_NUMBER: Record<string, number> = Object.fromEntries(MONTHS.map((name, index) => [name, index + 1]));
const digits2 = (text: string, at: number): number => (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;

function bsdStamp(monthName: string, day: string, time: string): Stamp {
  const stamp: Stamp = { month: MONTH_NUMBER[monthName] ?? monthNumber(monthName), day: +day, hour: digits2(time, 0), minute: digits2(time, 3), second: digits2(time, 6) };
  // short-precise: "09:12:03.123456".
  if (time.length > 8) stamp.millisecond = fractionMilliseconds(time, 9);
  return stamp;
}

/** The milliseconds of a fraction's digits from `at` (the first three, padded: ".5" is 500 ms). */
function fractionMilliseconds(text: string, at: number): number {
  let millisecond = 0;
  let scale = 100;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 48 || code > 57) break;
    millisecond += (code - 48) * scale;
    scale = scale >= 10 ? scale / 10 : 0;
  }
  return millisecond;
}

/** An epoch instant in milliseconds as UTC fields, marked an instant; undefined out of Date's range. */
function instantStamp(milliseconds: number): Stamp | undefined {
  const time = new Date(milliseconds);
  if (Number.isNaN(time.getTime())) return undefined;
  return {
    year: time.getUTCFullYear(), month: time.getUTCMonth() + 1, day: time.getUTCDate(),
    hour: time.getUTCHours(), minute: time.getUTCMinutes(), second: time.getUTCSeconds(), millisecond: time.getUTCMilliseconds(),
    utcOffset: 0, instant: true,
  };
}

/** short-unix: `1773475923.123456` (the regex has checked the shape). */
function unixStamp(text: string): Stamp {
  const dot = text.indexOf(".");
  return instantStamp(Number(text.slice(0, dot)) * 1000 + fractionMilliseconds(text, dot + 1)) as Stamp;
}

/**
short-full: `Fri 2026-03-14 09:12:03 CET` (weekday, ISO date and time, the zone's abbreviation kept as its name); the
weekday in the node's locale is of any length ("sáb", "jeu.", "Do").
*/
function fullStamp(text: string): Stamp {
  const date = text.indexOf(" ") + 1;
  const stamp: Stamp = {
    year: digits2(text, date) * 100 + digits2(text, date + 2), month: digits2(text, date + 5), day: digits2(text, date + 8),
    hour: digits2(text, date + 11), minute: digits2(text, date + 14), second: digits2(text, date + 17),
  };
  let at = date + 19;
  if (text.charCodeAt(at) === 46 /* . */) {
    stamp.millisecond = fractionMilliseconds(text, at + 1);
    at = text.indexOf(" ", at);
  }
  stamp.zoneName = text.slice(at + 1);
  return stamp;
}

/** A journal field's value as text: a string, an array of bytes (not UTF-8), or the first of several values. */
function journalText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.length > 0) {
    if (typeof value[0] === "number") return Buffer.from(value as number[]).toString("utf8");
    return journalText(value[0]);
  }
  return undefined;
}

/** Microseconds since the epoch, as journal fields write them ("1773475923123456"). */
function journalMicroseconds(value: unknown): number | undefined {
  const text = journalText(value);
  return text !== undefined && /^\d{1,17}$/.test(text) ? Math.floor(Number(text) / 1000) : undefined;
}

/**
A journal entry as `journalctl -o json` writes it (or json-sse's `data: ` line): undefined when the text is no JSON object
or no journal entry (neither a MESSAGE nor a __REALTIME_TIMESTAMP).
*/
function journalJsonHeader(text: string): SyslogHeader | undefined {
  const json = text.startsWith("data: ") ? text.slice(6) : text;
  if (json.charCodeAt(0) !== 123 /* { */) return undefined;
  let entry: unknown;
  try {
    entry = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return undefined;
  return journalEntryHeader(entry as Record<string, unknown>) ?? platformEventHeader(entry as Record<string, unknown>);
}

// A log platform's event, exported one a line as JSON (Splunk's _raw and _time; Elastic's ECS, Graylog, Vector and
// Fluentd's @timestamp, message, host.name, log.original, process.name), or a CSV record of such an export (src/parse/
// export-table.ts makes it an object of its columns). The original line, when the export kept it, is read as itself:
// its own stamp and host, as the node wrote them. Else the message is placed by the export's time (an ISO 8601 time
// with its offset, or epoch seconds or milliseconds), on the host and program of its columns.
// Names are compared without case, blanks, dots, dashes and underscores ("Device Host Name", "host.name", "HOSTNAME").
// Splunk's _raw, Elastic's event.original, QRadar's Payload, Graylog's full_message: the line as the node wrote it.
const RAW_LINE_FIELDS = ["_raw", "event.original", "log.original", "raw", "rawmessage", "rawevent", "payload", "utf8payload", "fullmessage", "originalmessage"];
const MESSAGE_FIELDS = ["message", "msg", "_message", "syslogmessage", "log", "text", "line", "eventmessage"];
const TIME_FIELDS = ["_time", "@timestamp", "timestamp", "time", "date", "datetime", "eventtime", "receivedat", "generatedtime", "ts",
  "devicereceipttime", "receipttime", "starttime", "devicetime", "logtime"];
const HOST_FIELDS = ["host", "host.name", "host.hostname", "hostname", "sourcehost", "agent.hostname", "computer", "device", "logsource",
  "fromhost", "devicehostname", "devicehost", "sourcehostname"];
const PROGRAM_FIELDS = ["program", "process.name", "syslog.appname", "appname", "application", "ident", "syslogtag", "tag", "deviceprocessname",
  "processname"];
const PID_FIELDS = ["process.pid", "pid", "procid", "deviceprocessid", "processid"];
// The file the collector read the event from (Splunk's source, Elastic's log.file.path, Fluentd's path): a package's log
// names its package by it, as a file grep named does (src/parse/extract.ts). Graylog's "source" is a host: no file.
const SOURCE_FIELDS = ["source", "log.file.path", "file.path", "filename", "path", "logfile"];
// Wrappers an export puts around each event: elasticdump's and Elasticsearch's {"_source":{...}}, Splunk's REST export
// {"result":{...}}.
const WRAPPERS = ["_source", "result"];

const normalName = (name: string): string => name.toLowerCase().replace(/[\s._-]+/g, "");

/** A field by any of its names, flat ("host.name", "Device Host Name") or nested ({"host":{"name":...}}). */
function platformField(fields: Record<string, unknown>, names: readonly string[]): string | undefined {
  const byName = new Map<string, unknown>();
  for (const [key, value] of Object.entries(fields)) if (!byName.has(normalName(key))) byName.set(normalName(key), value);
  for (const name of names) {
    let value: unknown = byName.get(normalName(name));
    if (value === undefined && name.includes(".")) {
      value = name.split(".").reduce<unknown>((object, key) => (typeof object === "object" && object !== null ? (object as Record<string, unknown>)[key] : undefined), fields);
    }
    if (typeof value === "object" && value !== null && !Array.isArray(value) && "name" in value) value = (value as Record<string, unknown>).name;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    // QRadar's "HP-UX @ bcn-ora2" log source names its host after the @.
    if (typeof value === "string" && value.trim() !== "") return value.includes(" @ ") ? value.slice(value.lastIndexOf(" @ ") + 3).trim() : value;
  }
  return undefined;
}

const EXPORT_ISO_TIME = /^(\d{4})[-/](\d\d)[-/](\d\d)[T ](\d\d:\d\d:\d\d)(\.\d+)?\s*(Z|[+-]\d\d:?\d\d|[A-Z]{3,5})?$/;

/**
An export's time: ISO 8601 (a space for the T, slashes in the date; Z, an offset, or a zone's name such as CET placed as
`date` stamps are), or epoch seconds or milliseconds.
*/
function exportStamp(text: string): Stamp | undefined {
  const trimmed = text.trim();
  if (/^\d{10}(?:\.\d+)?$/.test(trimmed)) return instantStamp(Math.round(Number(trimmed) * 1000));
  if (/^\d{13}$/.test(trimmed)) return instantStamp(Number(trimmed));
  const match = EXPORT_ISO_TIME.exec(trimmed);
  if (match === null) return undefined;
  const [, year, month, day, time, fraction, zone] = match;
  const named = zone !== undefined && /^[A-Z]{3,5}$/.test(zone) && zone !== "UTC" && zone !== "GMT";
  const offset = zone === undefined || named ? "" : zone === "UTC" || zone === "GMT" ? "Z" : zone;
  const stamp = isoStamp(`${year}-${month}-${day}T${time}${fraction ?? ""}${offset}`);
  if (named) stamp.zoneName = zone;
  return stamp;
}

function platformEventHeader(outer: Record<string, unknown>): SyslogHeader | undefined {
  let fields = outer;
  for (const wrapper of WRAPPERS) {
    const inner = fields[wrapper];
    if (typeof inner === "object" && inner !== null && !Array.isArray(inner)) fields = inner as Record<string, unknown>;
  }
  const raw = platformField(fields, RAW_LINE_FIELDS);
  const message = platformField(fields, MESSAGE_FIELDS);
  // The original line as the node wrote it, kept whole by the export (an RFC 3164 "<PRI>" before it, as relayed).
  for (const line of [raw, message]) {
    if (line === undefined || line.charCodeAt(0) === 123 /* { */) continue;
    const original = line.replace(/^<\d{1,3}>/, "").replace(/[\r\n]+$/, "");
    const own = fastParse(original);
    if (own !== undefined && own.month !== undefined) {
      // The line itself, for the file parser to read as the log its source names (a package log's "- Node" step).
      own.line = original;
      const source = platformField(fields, SOURCE_FIELDS);
      if (source !== undefined && source.includes("/")) own.source = source;
      // A modular package log's "root@node" where a syslog line has its host (a package log shipped by the platform too).
      if (own.host !== undefined && /^[A-Za-z_][\w.-]*@[A-Za-z0-9][\w.-]*$/.test(own.host)) own.host = own.host.slice(own.host.indexOf("@") + 1);
      if (own.host === undefined) {
        const host = platformField(fields, HOST_FIELDS);
        if (host !== undefined) own.host = host;
      }
      return own;
    }
  }
  const time = platformField(fields, TIME_FIELDS);
  const stamp = time === undefined ? undefined : exportStamp(time);
  if (stamp === undefined || (raw ?? message) === undefined) return undefined;
  let body = (raw ?? message)!;
  let program = platformField(fields, PROGRAM_FIELDS);
  // A message that still starts with its tag ("cmcld[2140]: Package ... halted"): the tag is the program's.
  const tag = /^([\w./-]+)(?:\[(\d+)\])?: /.exec(body);
  let pid = platformField(fields, PID_FIELDS);
  if (tag !== null && (program === undefined || program === tag[1])) {
    program = tag[1];
    pid ??= tag[2];
    body = body.slice(tag[0].length);
  }
  const header = makeHeader(stamp, platformField(fields, HOST_FIELDS), undefined, body);
  const source = platformField(fields, SOURCE_FIELDS);
  if (source !== undefined && source.includes("/")) header.source = source;
  if (program !== undefined) header.program = program;
  if (pid !== undefined && /^\d{1,9}$/.test(pid)) header.pid = Number(pid);
  return header;
}

/** A journal entry's fields (JSON values) as a header; undefined when it is none. */
function journalEntryHeader(fields: Record<string, unknown>): SyslogHeader | undefined {
  if (!("MESSAGE" in fields) && !("__REALTIME_TIMESTAMP" in fields)) return undefined;
  // journalctl's text modes show the time the program logged (_SOURCE_REALTIME_TIMESTAMP) when the entry has it.
  const microseconds = journalMicroseconds(fields._SOURCE_REALTIME_TIMESTAMP) ?? journalMicroseconds(fields.__REALTIME_TIMESTAMP);
  const stamp = microseconds === undefined ? undefined : instantStamp(microseconds);
  const host = journalText(fields._HOSTNAME);
  const header = makeHeader(stamp, host === "" ? undefined : host, undefined, journalText(fields.MESSAGE) ?? "");
  const program = journalText(fields.SYSLOG_IDENTIFIER) ?? journalText(fields._COMM);
  if (program !== undefined && program !== "") header.program = program;
  const pid = journalText(fields._PID) ?? journalText(fields.SYSLOG_PID);
  if (pid !== undefined && /^\d{1,9}$/.test(pid)) header.pid = Number(pid);
  return header;
}

/** `2026-03-02T04:11:09.123456+01:00`, `...+0100`, `...Z` (the regex above has checked the shape). */
function isoStamp(text: string): Stamp {
  const stamp: Stamp = {
    year: digits2(text, 0) * 100 + digits2(text, 2), month: digits2(text, 5), day: digits2(text, 8),
    hour: digits2(text, 11), minute: digits2(text, 14), second: digits2(text, 17),
  };
  let at = 19;
  if (text.charCodeAt(at) === 46 /* . */) {
    // Milliseconds: the first three digits of the fraction, padded (".5" is 500 ms).
    stamp.millisecond = fractionMilliseconds(text, at + 1);
    at = skipDigits(text, at + 1);
  }
  if (at < text.length) {
    if (text.charCodeAt(at) === 90 /* Z */) {
      stamp.utcOffset = 0;
    } else {
      const sign = text.charCodeAt(at) === 45 /* - */ ? -1 : 1;
      const minutes = text.length - at === 6 ? digits2(text, at + 4) : digits2(text, at + 3);
      stamp.utcOffset = sign * (digits2(text, at + 1) * 60 + minutes);
    }
  }
  return stamp;
}

/** `Thu Nov 20 16:31:05 EST 2026`: the zone name is not a reliable offset (EST, CET, IST...) and is dropped. */
/** An RFC 5424 header token and its message: `-` is an empty field; the message's BOM is not text. */
function rfc5424Header(token: string, message: string): SyslogHeader {
  const [, stamp, host, app, procid] = RFC5424_FIELDS.exec(token) as RegExpExecArray;
  const header = makeHeader(stamp === "-" ? undefined : isoStamp(stamp), host === "-" ? undefined : host, undefined, message.replace(/^\uFEFF/, ""));
  if (app !== "-") header.program = app;
  if (/^\d+$/.test(procid)) header.pid = Number(procid);
  return header;
}

function ctimeStamp(text: string): Stamp {
  const words = text.split(/ +/);
  const time = words[3];
  return { year: +words[words.length - 1], ...bsdStamp(words[1], words[2], time) };
}

/** One constructor for both paths, so the fast path and the grammar cannot drift apart. */
// A host is never `name:` or `name[pid]:`: that is a tag on a line its writer stamped without a host (a package's
// monitor service writing "Jun 13 14:00:00 dgmon[8812]: dg_sapdb state change ..." into the package log, round 32 #05).
const TAG_AS_HOST = /^([^\s\[\]:]+)(?:\[(\d+)\])?:$/;

function makeHeader(stamp: Stamp | undefined, host: string | undefined, tag: string | undefined, body: string): SyslogHeader {
  const hostTag = host !== undefined ? TAG_AS_HOST.exec(host) : null;
  if (hostTag !== null) {
    // What the grammar read as the tag and body is the body.
    const header = makeHeader(stamp, undefined, undefined, (tag ?? "") + body);
    header.program = hostTag[1];
    if (hostTag[2] !== undefined) header.pid = +hostTag[2];
    return header;
  }
  const header: SyslogHeader = stamp === undefined
    ? { format: "syslog", body, shape: "plain" }
    : { format: "syslog", month: stamp.month, day: stamp.day, hour: stamp.hour, minute: stamp.minute, second: stamp.second, body, shape: "plain" };
  if (stamp !== undefined) {
    if (stamp.year !== undefined) header.year = stamp.year;
    if (stamp.millisecond !== undefined) header.millisecond = stamp.millisecond;
    if (stamp.utcOffset !== undefined) header.utcOffset = stamp.utcOffset;
    if (stamp.instant === true) header.instant = true;
    if (stamp.zoneName !== undefined) header.zoneName = stamp.zoneName;
  }
  if (host !== undefined) header.host = host;
  if (tag !== undefined) {
    // `prog[pid]: ` or `prog: `: the name ends at '[' or at the colon.
    const bracket = tag.indexOf("[");
    if (bracket >= 0) {
      header.program = tag.slice(0, tag.charCodeAt(bracket - 1) === 32 ? bracket - 1 : bracket);
      header.pid = +tag.slice(bracket + 1, tag.indexOf("]", bracket));
    } else {
      header.program = tag.slice(0, tag.lastIndexOf(":"));
    }
  }
  const repeated = body.startsWith("last message repeated") || body.startsWith("above message repeats") ? REPEATED.exec(body) : null;
  if (repeated) {
    header.shape = "repeated";
    header.repeated = Number(repeated[1]);
  }
  return header;
}

// The common shapes (no priority code). Everything they accept, the grammar accepts with the same result
// (test/parse/syslog-fast-path.test.ts checks this on generated lines). An ISO stamp is read by a regex;
// a BSD stamp, most lines of an HP-UX syslog, by a scanner over the characters (scanBsd): the regex's
// match array, its substrings and the stamp object were a tenth of parsing a line.
const REST = `(?!${PRIORITY} )(\\S+)(?: +(?:(${TAG})([^]*)|([^]*)))?$`;
const FAST_ISO = new RegExp(`^(${ISO}) +${REST}`);
const FAST_UNIX = new RegExp(`^(${UNIX}) +${REST}`);
const FAST_FULL = new RegExp(`^(${FULL}) +(?!\\[)${REST}`);

/** Regex fast path for the common syslog line; undefined when the line needs the grammar. */
export function fastParse(line: string): SyslogHeader | undefined {
  const first = line.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    // "12月 07 08:03:06 host ...": a month in Chinese script (LOCAL_MONTH).
    if (!isDigit(line.charCodeAt(1)) || !isDigit(line.charCodeAt(2))) return scanBsd(line);
    // ISO 8601 has its '-' at the fifth character, short-unix a digit.
    const unix = line.charCodeAt(4) !== 45;
    const match = (unix ? FAST_UNIX : FAST_ISO).exec(line);
    if (!match) return undefined;
    const [, stamp, host, tag, tagged, untagged] = match;
    return makeHeader(unix ? unixStamp(stamp) : isoStamp(stamp), host, tag, tag !== undefined ? tagged : (untagged ?? ""));
  }
  // A journal entry as JSON (-o json, json-sse).
  if (first === 123 /* { */ || (first === 100 /* d */ && line.startsWith("data: {"))) return journalJsonHeader(line);
  // short-full / with-unit: a weekday, then the date ("Fri 2026-03-14": a BSD "Mar 14 09:..." has no '-' there); a weekday
  // in the node's locale has another length ("Do", "jeu.", "sáb").
  const weekdayEnd = line.charCodeAt(3) === SPACE ? 3 : line.indexOf(" ");
  if (weekdayEnd > 0 && line.charCodeAt(weekdayEnd + 5) === 45 /* - */) {
    const match = FAST_FULL.exec(line);
    if (!match) return undefined;
    const [, stamp, host, tag, tagged, untagged] = match;
    return makeHeader(fullStamp(stamp), host, tag, tag !== undefined ? tagged : (untagged ?? ""));
  }
  return scanBsd(line);
}

const SPACE = 32;
const COLON = 58;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const LOCAL_MONTH_AT_START = new RegExp(`^(?:${LOCAL_MONTH})(?= )`);
/** Whether a line may start with LOCAL_MONTH: a letter, a blank before a digit, or a digit before 月/월 (ISO and epoch lines never). */
function mayStartLocalMonth(line: string): boolean {
  const first = line.charCodeAt(0);
  if (isDigit(first)) return /^\d{1,2}[月월]/.test(line);
  if (first === SPACE) return isDigit(line.charCodeAt(1));
  return (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first >= 0xc0;
}

/** A month's three letters as one number (see monthKey), to its number 1-12. */
const MONTH_BY_KEY = new Map(MONTHS.map((name, index) => [monthKey(name, 0), index + 1]));
function monthKey(text: string, at: number): number {
  return (text.charCodeAt(at) << 16) | (text.charCodeAt(at + 1) << 8) | text.charCodeAt(at + 2);
}

/** What `\s` matches in a JavaScript regular expression. */
function isBlank(code: number): boolean {
  if (code === SPACE || (code >= 9 && code <= 13)) return true;
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** The first index at or after `at` that is not a space (U+0020). */
function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === SPACE) at++;
  return at;
}

/** Where a run of `[0-9]` starting at `at` ends. */
function skipDigits(text: string, at: number): number {
  while (isDigit(text.charCodeAt(at))) at++;
  return at;
}

/** A priority code followed by a blank at `at` (PRIORITY then a space): the grammar reads that line. */
function priorityAt(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  if (first === 60 /* < */) {
    const end = skipDigits(text, at + 1);
    return end > at + 1 && end <= at + 4 && text.charCodeAt(end) === 62 /* > */ && text.charCodeAt(end + 1) === SPACE;
  }
  const level = text.charCodeAt(at + 1);
  return ((first >= 65 && first <= 74) || (first >= 81 && first <= 88)) && level >= 48 && level <= 55 && text.charCodeAt(at + 2) === SPACE;
}

/**
`Mmm dd hh:mm:ss host prog[pid]: message`, read as the regex
`^(MONTH) +(\d{1,2}) +(\d\d:\d\d:\d\d) +(?!PRIORITY )(\S+)(?: +(?:(TAG)([^]*)|([^]*)))?$` reads it:
a host ends at the first blank, and one other than a space there means no match; a tag is
`name[pid]: ` or `name: ` (a blank before `[pid]` allowed, the colon ending the line or followed by
one space), else the whole rest after the host's spaces is the body.
*/
function scanBsd(line: string): SyslogHeader | undefined {
  let month = MONTH_BY_KEY.get(monthKey(line, 0));
  let monthEnd = 3;
  if (month === undefined || line.charCodeAt(3) !== SPACE) {
    // A month in the node's locale (the month token's LOCAL_MONTH): "Mai 15", "févr. 10", " 3月 07".
    const local = mayStartLocalMonth(line) ? LOCAL_MONTH_AT_START.exec(line) : null;
    month = local === null ? undefined : monthNumber(local[0]);
    if (local === null || month === undefined) return undefined;
    monthEnd = local[0].length;
  }
  const dayStart = skipSpaces(line, monthEnd + 1);
  const dayEnd = skipDigits(line, dayStart);
  if (dayEnd === dayStart || dayEnd > dayStart + 2 || line.charCodeAt(dayEnd) !== SPACE) return undefined;
  const time = skipSpaces(line, dayEnd);
  for (let at = time; at < time + 8; at++) {
    const code = line.charCodeAt(at);
    if ((at - time) % 3 === 2 ? code !== COLON : !isDigit(code)) return undefined;
  }
  // short-precise: a fraction of 1 to 9 digits.
  let timeEnd = time + 8;
  if (line.charCodeAt(timeEnd) === 46 /* . */) {
    timeEnd = skipDigits(line, time + 9);
    if (timeEnd === time + 9 || timeEnd > time + 18) return undefined;
  }
  if (line.charCodeAt(timeEnd) !== SPACE) return undefined;
  const hostStart = skipSpaces(line, timeEnd);
  if (hostStart >= line.length || priorityAt(line, hostStart)) return undefined;
  let hostEnd = hostStart;
  while (hostEnd < line.length && !isBlank(line.charCodeAt(hostEnd))) hostEnd++;
  if (hostEnd === hostStart) return undefined;
  const day = dayEnd - dayStart === 1 ? line.charCodeAt(dayStart) - 48 : digits2(line, dayStart);
  const hour = digits2(line, time);
  const minute = digits2(line, time + 3);
  const second = digits2(line, time + 6);
  const host = line.slice(hostStart, hostEnd);
  if (timeEnd !== time + 8) {
    // short-precise: the rarer shape, built by the grammar's own constructor.
    return scanRest({ month, day, hour, minute, second, millisecond: fractionMilliseconds(line, time + 9) }, line, host, hostEnd);
  }
  // `prog[pid]:` where the host stands: a line stamped without a host (TAG_AS_HOST).
  if (line.charCodeAt(hostEnd - 1) === COLON && TAG_AS_HOST.test(host) && (hostEnd === line.length || line.charCodeAt(hostEnd) === SPACE)) {
    return makeHeader({ month, day, hour, minute, second }, host, undefined, hostEnd === line.length ? "" : line.slice(skipSpaces(line, hostEnd)));
  }
  // The header is built in one literal with the keys it will have (host, then program and pid when the
  // line has a tag): keys added afterwards cost a property store allocated per line.
  let header: SyslogHeader;
  if (hostEnd === line.length) return { format: "syslog", month, day, hour, minute, second, body: "", shape: "plain", host };
  if (line.charCodeAt(hostEnd) !== SPACE) return undefined;
  const tagStart = skipSpaces(line, hostEnd);
  const bodyStart = scanTag(line, tagStart);
  if (bodyStart === -1) {
    header = { format: "syslog", month, day, hour, minute, second, body: line.slice(tagStart), shape: "plain", host };
  } else if (tagPid === undefined) {
    header = { format: "syslog", month, day, hour, minute, second, body: line.slice(bodyStart), shape: "plain", host, program: line.slice(tagStart, tagNameEnd) };
  } else {
    header = {
      format: "syslog", month, day, hour, minute, second, body: line.slice(bodyStart), shape: "plain", host,
      program: line.slice(tagStart, tagNameEnd), pid: tagPid,
    };
  }
  const { body } = header;
  const repeated = body.startsWith("last message repeated") || body.startsWith("above message repeats") ? REPEATED.exec(body) : null;
  if (repeated) {
    header.shape = "repeated";
    header.repeated = Number(repeated[1]);
  }
  return header;
}

/** What follows a host that ends at `hostEnd` (scanBsd's rules), through makeHeader. */
function scanRest(stamp: Stamp, line: string, host: string, hostEnd: number): SyslogHeader | undefined {
  if (hostEnd === line.length) return makeHeader(stamp, host, undefined, "");
  if (line.charCodeAt(hostEnd) !== SPACE) return undefined;
  const tagStart = skipSpaces(line, hostEnd);
  const bodyStart = scanTag(line, tagStart);
  if (bodyStart === -1) return makeHeader(stamp, host, undefined, line.slice(tagStart));
  return makeHeader(stamp, host, line.slice(tagStart, bodyStart), line.slice(bodyStart));
}

/** The value of the decimal digits from `start` to `end` (at most 9: exact in a small integer). */
function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let at = start; at < end; at++) value = value * 10 + (text.charCodeAt(at) - 48);
  return value;
}

/** What scanTag read: where the program name ends, and the pid (undefined without one). */
let tagNameEnd = 0;
let tagPid: number | undefined;

/** TAG at `at`: where the body starts, or -1 when there is no tag; the name's end and the pid are left in tagNameEnd and tagPid. */
function scanTag(line: string, at: number): number {
  let nameEnd = at;
  for (; nameEnd < line.length; nameEnd++) {
    const code = line.charCodeAt(nameEnd);
    if (code === OPEN_BRACKET || code === CLOSE_BRACKET || code === COLON || isBlank(code)) break;
  }
  if (nameEnd === at) return -1;
  let colon = nameEnd;
  let pid: number | undefined;
  const bracket = line.charCodeAt(nameEnd) === SPACE && line.charCodeAt(nameEnd + 1) === OPEN_BRACKET ? nameEnd + 1 : nameEnd;
  if (line.charCodeAt(bracket) === OPEN_BRACKET) {
    const digitsEnd = skipDigits(line, bracket + 1);
    if (digitsEnd === bracket + 1 || line.charCodeAt(digitsEnd) !== CLOSE_BRACKET) return -1;
    pid = digitsEnd - bracket - 1 <= 9 ? digitsValue(line, bracket + 1, digitsEnd) : +line.slice(bracket + 1, digitsEnd);
    colon = digitsEnd + 1;
  }
  if (line.charCodeAt(colon) !== COLON) return -1;
  const bodyStart = colon + 1 === line.length ? colon + 1 : line.charCodeAt(colon + 1) === SPACE ? colon + 2 : -1;
  if (bodyStart === -1) return -1;
  tagNameEnd = nameEnd;
  tagPid = pid;
  return bodyStart;
}

export const meta = {
  name: "syslog",
  role: "header",
  formats: ["syslog"],
  description: "Syslog line header: BSD (Mmm dd hh:mm:ss host prog[pid]: message), RFC 3339 / journalctl short-iso (2026-03-02T04:11:09+01:00 host prog[pid]: message), journalctl short-precise, short-full, short-unix and json, RFC 5424, or a date(1) stamp",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  // A journal exported in the node's locale (journalctl -o short / short-precise / short-full; src/model/calendar.ts, round 63).
  {
    text: "Mai 15 08:00:33 nds-zoll01 sudo[17914]: jpetersen : TTY=pts/4 ; COMMAND=/usr/sbin/cmviewcl",
    expect: { format: "syslog", month: 5, day: 15, hour: 8, minute: 0, second: 33, host: "nds-zoll01", program: "sudo", pid: 17914, body: "jpetersen : TTY=pts/4 ; COMMAND=/usr/sbin/cmviewcl", shape: "plain" },
  },
  {
    text: "may 19 08:01:49.796052 sev-tb01 snmpd[1154]: Connection from UDP: [10.37.8.22]:59687->[sev-tb01]:161",
    expect: { format: "syslog", month: 5, day: 19, hour: 8, minute: 1, second: 49, millisecond: 796, host: "sev-tb01", program: "snmpd", pid: 1154, body: "Connection from UDP: [10.37.8.22]:59687->[sev-tb01]:161", shape: "plain" },
  },
  {
    text: " 3月 07 08:03:06 tyt-ss01 systemd[1]: Started Session 6090 of user ito.",
    expect: { format: "syslog", month: 3, day: 7, hour: 8, minute: 3, second: 6, host: "tyt-ss01", program: "systemd", pid: 1, body: "Started Session 6090 of user ito.", shape: "plain" },
  },
  {
    text: "mar 2026-05-19 08:01:49 CEST sev-tb01 cmcld[2210]: Started package pkg_tributos on node sev-tb01.",
    expect: { format: "syslog", year: 2026, month: 5, day: 19, hour: 8, minute: 1, second: 49, zoneName: "CEST", host: "sev-tb01", program: "cmcld", pid: 2210, body: "Started package pkg_tributos on node sev-tb01.", shape: "plain" },
  },
  {
    text: "Dec 14 14:34:45 star04 cmcld[2048]: Package pkg5 run script exited with NO_RESTART.",
    expect: { format: "syslog", month: 12, day: 14, hour: 14, minute: 34, second: 45, host: "star04", program: "cmcld", pid: 2048, body: "Package pkg5 run script exited with NO_RESTART.", shape: "plain" },
  },
  {
    text: "Mar 13 13:44:09 localhost cmcld: Interrupted system call.  This may be caused by a very high system load.",
    expect: { format: "syslog", month: 3, day: 13, hour: 13, minute: 44, second: 9, host: "localhost", program: "cmcld", body: "Interrupted system call.  This may be caused by a very high system load.", shape: "plain" },
  },
  {
    text: "Nov  4 09:05:01 nodeA1 CM-CMD[2054]: cmrunpkg -v pkg5",
    expect: { format: "syslog", month: 11, day: 4, hour: 9, minute: 5, second: 1, host: "nodeA1", program: "CM-CMD", pid: 2054, body: "cmrunpkg -v pkg5", shape: "plain" },
  },
  {
    text: "Nov 24 10:00:01 10.0.0.12 /usr/sbin/cron[811]: (root) CMD (/usr/lbin/sa/sa1)",
    expect: { format: "syslog", month: 11, day: 24, hour: 10, minute: 0, second: 1, host: "10.0.0.12", program: "/usr/sbin/cron", pid: 811, body: "(root) CMD (/usr/lbin/sa/sa1)", shape: "plain" },
  },
  {
    text: "Nov 24 10:00:02 nodeA1 vmunix: LVM: VG 64 0x010000: Lost quorum.",
    expect: { format: "syslog", month: 11, day: 24, hour: 10, minute: 0, second: 2, host: "nodeA1", program: "vmunix", body: "LVM: VG 64 0x010000: Lost quorum.", shape: "plain" },
  },
  {
    text: "Nov 24 10:00:03 D6 nodeA1 cmcld[2048]: Started package pkgA on node nodeA1.",
    expect: { format: "syslog", month: 11, day: 24, hour: 10, minute: 0, second: 3, host: "nodeA1", program: "cmcld", pid: 2048, body: "Started package pkgA on node nodeA1.", shape: "plain" },
  },
  {
    text: "Nov 24 10:01:00 nodeA1 EMS [2710]: ------ EMS Event Notification ------",
    expect: { format: "syslog", month: 11, day: 24, hour: 10, minute: 1, second: 0, host: "nodeA1", program: "EMS", pid: 2710, body: "------ EMS Event Notification ------", shape: "plain" },
  },
  {
    text: "Nov 24 10:00:04 nodeA1 last message repeated 3 times",
    expect: { format: "syslog", month: 11, day: 24, hour: 10, minute: 0, second: 4, host: "nodeA1", body: "last message repeated 3 times", shape: "repeated", repeated: 3 },
  },
  {
    text: "Nov 24 10:20:00 nodeA1 -- MARK --",
    expect: { format: "syslog", month: 11, day: 24, hour: 10, minute: 20, second: 0, host: "nodeA1", body: "-- MARK --", shape: "plain" },
  },
  // rsyslog RSYSLOG_FileFormat: RFC 3339 with microseconds and the offset.
  {
    text: "2026-03-02T04:11:09.123456+01:00 nodeB1 cmcld[3021]: Started package oracle_pkg on node nodeB1.",
    expect: { format: "syslog", year: 2026, month: 3, day: 2, hour: 4, minute: 11, second: 9, millisecond: 123, utcOffset: 60, host: "nodeB1", program: "cmcld", pid: 3021, body: "Started package oracle_pkg on node nodeB1.", shape: "plain" },
  },
  // RFC 3339 without a fraction, in UTC.
  {
    text: "2026-03-02T03:11:09Z nodeB1 kernel: sd 2:0:0:1: [sdc] Synchronizing SCSI cache",
    expect: { format: "syslog", year: 2026, month: 3, day: 2, hour: 3, minute: 11, second: 9, utcOffset: 0, host: "nodeB1", program: "kernel", body: "sd 2:0:0:1: [sdc] Synchronizing SCSI cache", shape: "plain" },
  },
  // journalctl -o short-iso before systemd 255: the offset without its colon; west of UTC.
  {
    text: "2026-03-02T04:11:09-0500 nodeB2 systemd[1]: Started Serviceguard cluster daemon.",
    expect: { format: "syslog", year: 2026, month: 3, day: 2, hour: 4, minute: 11, second: 9, utcOffset: -300, host: "nodeB2", program: "systemd", pid: 1, body: "Started Serviceguard cluster daemon.", shape: "plain" },
  },
  // journalctl -o short-iso-precise.
  {
    text: "2026-03-02T04:11:09.500000+0530 nodeB2 cmclconfd[2210]: Updated file /usr/local/cmcluster/conf/cmclconfig",
    expect: { format: "syslog", year: 2026, month: 3, day: 2, hour: 4, minute: 11, second: 9, millisecond: 500, utcOffset: 330, host: "nodeB2", program: "cmclconfd", pid: 2210, body: "Updated file /usr/local/cmcluster/conf/cmclconfig", shape: "plain" },
  },
  // An ISO stamp without an offset: the logs' own wall clock.
  {
    text: "2026-03-02T04:11:09 nodeB1 logger: mcstat: pairdisplay -g oradg -fc",
    expect: { format: "syslog", year: 2026, month: 3, day: 2, hour: 4, minute: 11, second: 9, host: "nodeB1", program: "logger", body: "mcstat: pairdisplay -g oradg -fc", shape: "plain" },
  },
  // A date(1)-stamped line: the Continentalclusters event log as assumed (the zone name is dropped).
  {
    text: "Thu Nov 20 16:31:05 EST 2026 CLUSTER_ALARM primary_cluster/UNREACHABLE 15 MINUTES",
    expect: { format: "syslog", year: 2026, month: 11, day: 20, hour: 16, minute: 31, second: 5, body: "CLUSTER_ALARM primary_cluster/UNREACHABLE 15 MINUTES", shape: "plain" },
  },
  {
    text: "Fri Nov  6 09:00:00 2026",
    expect: { format: "syslog", year: 2026, month: 11, day: 6, hour: 9, minute: 0, second: 0, body: "", shape: "plain" },
  },
  // A line stamped without a host: the tag stands where the host would.
  {
    text: "Jun 13 14:00:00 dgmon[8812]: dg_sapdb: local PVOL_PSUE, remote SVOL_PSUE (unchanged)",
    expect: { format: "syslog", month: 6, day: 13, hour: 14, minute: 0, second: 0, body: "dg_sapdb: local PVOL_PSUE, remote SVOL_PSUE (unchanged)", shape: "plain", program: "dgmon", pid: 8812 },
  },
  // An EMS notification block's stamp (the lines of the block have none).
  {
    text: "Notification Time: Wed Mar  4 18:17:31 2026",
    expect: { format: "syslog", year: 2026, month: 3, day: 4, hour: 18, minute: 17, second: 31, body: "", shape: "plain" },
  },
  // RFC 5424 (rsyslog RSYSLOG_SyslogProtocol23Format): nil fields, structured data with a quoted bracket, a BOM.
  {
    text: "<30>1 2026-03-10T18:38:58.000+00:00 sgl-a1 CROND 28150 - - (root) CMD (/usr/lib64/sa/sa1 1 1)",
    expect: { format: "syslog", year: 2026, month: 3, day: 10, hour: 18, minute: 38, second: 58, millisecond: 0, utcOffset: 0, host: "sgl-a1", program: "CROND", pid: 28150, body: "(root) CMD (/usr/lib64/sa/sa1 1 1)", shape: "plain" },
  },
  {
    text: "<30>1 2026-03-10T18:20:00.000+00:00 sgl-a1 rsyslogd - - - -- MARK --",
    expect: { format: "syslog", year: 2026, month: 3, day: 10, hour: 18, minute: 20, second: 0, millisecond: 0, utcOffset: 0, host: "sgl-a1", program: "rsyslogd", body: "-- MARK --", shape: "plain" },
  },
  {
    text: '<29>1 2026-03-10T22:15:03.120-05:00 sgl-b1 cmcld 2020 PKG [origin ip="10.9.1.2" note="a ] b \\"x\\""][meta seq="7"] \uFEFFStarted package pay_pkg on node sgl-b1.',
    expect: { format: "syslog", year: 2026, month: 3, day: 10, hour: 22, minute: 15, second: 3, millisecond: 120, utcOffset: -300, host: "sgl-b1", program: "cmcld", pid: 2020, body: "Started package pay_pkg on node sgl-b1.", shape: "plain" },
  },
  {
    text: "<13>1 - - - - - -",
    expect: { format: "syslog", body: "", shape: "plain" },
  },
  // journalctl -o short-precise: a BSD stamp with microseconds.
  {
    text: "Apr 21 12:01:20.028292 ora-a1 CROND[41244]: (oracle) CMD (/usr/local/bin/cmviewcl_snapshot.sh)",
    expect: { format: "syslog", month: 4, day: 21, hour: 12, minute: 1, second: 20, millisecond: 28, host: "ora-a1", program: "CROND", pid: 41244, body: "(oracle) CMD (/usr/local/bin/cmviewcl_snapshot.sh)", shape: "plain" },
  },
  {
    text: "Apr  2 07:00:05.900000 ora-b1 cmcld[3120]: Request from node ora-b1 to start package ora_pkg on node ora-b1.",
    expect: { format: "syslog", month: 4, day: 2, hour: 7, minute: 0, second: 5, millisecond: 900, host: "ora-b1", program: "cmcld", pid: 3120, body: "Request from node ora-b1 to start package ora_pkg on node ora-b1.", shape: "plain" },
  },
  // journalctl -o short-full: the zone's abbreviation is kept as its name (placed by it only with --tz).
  {
    text: "Sat 2023-04-22 07:00:11 CEST ora-b1 master_control_script.sh[5120]: SVOL_PAIR, remote EX_ENORMT",
    expect: { format: "syslog", year: 2023, month: 4, day: 22, hour: 7, minute: 0, second: 11, zoneName: "CEST", host: "ora-b1", program: "master_control_script.sh", pid: 5120, body: "SVOL_PAIR, remote EX_ENORMT", shape: "plain" },
  },
  // journalctl -o with-unit: the unit where the identifier stands; a zone without an abbreviation prints its offset.
  {
    text: "Tue 2026-03-10 18:38:58 +03 sgl-a1 cmcluster.service[2020]: Cluster daemon started",
    expect: { format: "syslog", year: 2026, month: 3, day: 10, hour: 18, minute: 38, second: 58, zoneName: "+03", host: "sgl-a1", program: "cmcluster.service", pid: 2020, body: "Cluster daemon started", shape: "plain" },
  },
  // journalctl -o short-unix: an epoch instant (UTC fields, placed on the bundle's clock).
  {
    text: "1682139611.250000 ora-b1 cmcld[3120]: Started package ora_pkg on node ora-b1.",
    expect: { format: "syslog", year: 2023, month: 4, day: 22, hour: 5, minute: 0, second: 11, millisecond: 250, utcOffset: 0, instant: true, host: "ora-b1", program: "cmcld", pid: 3120, body: "Started package ora_pkg on node ora-b1.", shape: "plain" },
  },
  // journalctl -o json: one entry a line; _SOURCE_REALTIME_TIMESTAMP before __REALTIME_TIMESTAMP, _PID before SYSLOG_PID.
  {
    text: '{"__CURSOR":"s=4be0;i=1a2b33","__REALTIME_TIMESTAMP":"1709046102067821","_SOURCE_REALTIME_TIMESTAMP":"1709046102066000","_HOSTNAME":"wms-a1","PRIORITY":"3","SYSLOG_IDENTIFIER":"mcxpca_dgmon","MESSAGE":"dg_wms: device group state: local PVOL_PSUE, remote SVOL_PSUE","_PID":"5544","SYSLOG_PID":"5545"}',
    expect: { format: "syslog", year: 2024, month: 2, day: 27, hour: 15, minute: 1, second: 42, millisecond: 66, utcOffset: 0, instant: true, host: "wms-a1", program: "mcxpca_dgmon", pid: 5544, body: "dg_wms: device group state: local PVOL_PSUE, remote SVOL_PSUE", shape: "plain" },
  },
  // A MESSAGE that is not UTF-8 comes as an array of bytes; no SYSLOG_IDENTIFIER: the command's name.
  {
    text: '{"__REALTIME_TIMESTAMP":"1709046102067821","_HOSTNAME":"wms-b1","_COMM":"kernel","MESSAGE":[113,108,97,50,120,120,120,58,32,76,79,79,80,32,68,79,87,78,32,255]}',
    expect: { format: "syslog", year: 2024, month: 2, day: 27, hour: 15, minute: 1, second: 42, millisecond: 67, utcOffset: 0, instant: true, host: "wms-b1", program: "kernel", body: "qla2xxx: LOOP DOWN \uFFFD", shape: "plain" },
  },
  // A log platform's export, one event a line: the original line kept whole (Splunk's _raw) is read as itself.
  {
    text: '{"_time":"2026-03-03T14:19:03.000+01:00","host":"nodeA1","source":"/var/adm/syslog/syslog.log","_raw":"Mar  3 14:19:03 nodeA1 cmcld[2311]: Package oracle_pkg halted"}',
    expect: { format: "syslog", month: 3, day: 3, hour: 14, minute: 19, second: 3, host: "nodeA1", program: "cmcld", pid: 2311, body: "Package oracle_pkg halted", shape: "plain",
      line: "Mar  3 14:19:03 nodeA1 cmcld[2311]: Package oracle_pkg halted", source: "/var/adm/syslog/syslog.log" },
  },
  // A package log's step shipped by the platform: the line itself and the file it came from, for the file parser.
  {
    text: '{"_time":"2026-07-22T13:33:02.000+00:00","host":"npv-db1","source":"/etc/cmcluster/ord_app/ord_app.cntl.log","_raw":"Jul 22 08:33:02 - Node \\"npv-db1\\": local device group ord_dg is SVOL_COPY"}',
    expect: { format: "syslog", month: 7, day: 22, hour: 8, minute: 33, second: 2, host: "-", body: "Node \"npv-db1\": local device group ord_dg is SVOL_COPY", shape: "plain",
      line: 'Jul 22 08:33:02 - Node "npv-db1": local device group ord_dg is SVOL_COPY', source: "/etc/cmcluster/ord_app/ord_app.cntl.log" },
  },
  // A modular package log's line shipped by the platform: its "root@node" names the node.
  {
    text: '{"_time":"2026-02-18T21:37:06.000+01:00","host":"fra-pay2","_raw":"Feb 18 21:37:06 root@fra-pay2 master_control_script.sh[3051]: ###### Starting package ora_pay ######"}',
    expect: { format: "syslog", month: 2, day: 18, hour: 21, minute: 37, second: 6, host: "fra-pay2", program: "master_control_script.sh", pid: 3051, body: "###### Starting package ora_pay ######", shape: "plain",
      line: "Feb 18 21:37:06 root@fra-pay2 master_control_script.sh[3051]: ###### Starting package ora_pay ######" },
  },
  // Only the message (Elastic's ECS, nested or dotted): placed by the export's time with its offset, on its host and program.
  {
    text: '{"@timestamp":"2026-03-03T13:19:03.512Z","host":{"name":"nodeA1"},"process":{"name":"cmcld","pid":2311},"message":"Package oracle_pkg halted"}',
    expect: { format: "syslog", year: 2026, month: 3, day: 3, hour: 13, minute: 19, second: 3, millisecond: 512, utcOffset: 0, host: "nodeA1", program: "cmcld", pid: 2311, body: "Package oracle_pkg halted", shape: "plain" },
  },
  // A message that kept its tag gives the program; a time with a blank for the T and no offset is the logs' wall clock.
  {
    text: '{"timestamp":"2026-03-03 14:19:03","host.name":"nodeB1","message":"pairmon[555]: [oradg] pair state changed PAIR -> PSUE"}',
    expect: { format: "syslog", year: 2026, month: 3, day: 3, hour: 14, minute: 19, second: 3, host: "nodeB1", program: "pairmon", pid: 555, body: "[oradg] pair state changed PAIR -> PSUE", shape: "plain" },
  },
  // elasticdump's and Elasticsearch's documents wrap the event in _source; Splunk's REST export in result.
  {
    text: '{"_index":"logs-hpux","_id":"Ad7h","_source":{"@timestamp":"2026-05-31T22:01:08.000Z","host":{"name":"bgc-app2"},"process":{"name":"cmcld"},"message":"Started package ora_mes on node bgc-app2."}}',
    expect: { format: "syslog", year: 2026, month: 5, day: 31, hour: 22, minute: 1, second: 8, millisecond: 0, utcOffset: 0, host: "bgc-app2", program: "cmcld", body: "Started package ora_mes on node bgc-app2.", shape: "plain" },
  },
  // Column names as a SIEM writes them (ArcSight's "Device Host Name"), a time with slashes and a zone's name; QRadar's
  // Payload keeps the relayed line with its "<PRI>", its log source names the host after " @ ".
  {
    text: '{"Device Receipt Time":"2026/10/27 08:54:40 CET","Device Host Name":"lnz-sap2","Device Process Name":"cmclsentryd","Message":"Recovery group rg_sap is in maintenance mode"}',
    expect: { format: "syslog", year: 2026, month: 10, day: 27, hour: 8, minute: 54, second: 40, zoneName: "CET", host: "lnz-sap2", program: "cmclsentryd", body: "Recovery group rg_sap is in maintenance mode", shape: "plain" },
  },
  {
    text: '{"Log Source":"HP-UX @ bcn-ora1","Start Time":"Oct 21, 2026, 4:52:02 PM","Payload":"<14>Oct 21 16:52:02 bcn-ora1 ccxp_check[1329]: sales_dg: local=SVOL_PAIR remote=EX_ENORMT"}',
    expect: { format: "syslog", month: 10, day: 21, hour: 16, minute: 52, second: 2, host: "bcn-ora1", program: "ccxp_check", pid: 1329, body: "sales_dg: local=SVOL_PAIR remote=EX_ENORMT", shape: "plain",
      line: "Oct 21 16:52:02 bcn-ora1 ccxp_check[1329]: sales_dg: local=SVOL_PAIR remote=EX_ENORMT" },
  },
  // journalctl -o json-sse (the gateway's event stream): the same entry after "data: ".
  {
    text: 'data: {"__REALTIME_TIMESTAMP":"1709046102067821","_HOSTNAME":"wms-a1","SYSLOG_IDENTIFIER":"cmcld","MESSAGE":"last message repeated 2 times"}',
    expect: { format: "syslog", year: 2024, month: 2, day: 27, hour: 15, minute: 1, second: 42, millisecond: 67, utcOffset: 0, instant: true, host: "wms-a1", program: "cmcld", body: "last message repeated 2 times", shape: "repeated", repeated: 2 },
  },
  // journalctl's marker lines: no time (they belong where they stand).
  {
    text: "-- Boot 5f2c0a61d2b14e3c9d1f2b7a8e6c4d10 --",
    expect: { format: "syslog", body: "-- Boot 5f2c0a61d2b14e3c9d1f2b7a8e6c4d10 --", shape: "plain" },
  },
  {
    text: "-- Logs begin at Mon 2026-03-02 00:00:01 CET, end at Mon 2026-03-02 18:00:00 CET. --",
    expect: { format: "syslog", body: "-- Logs begin at Mon 2026-03-02 00:00:01 CET, end at Mon 2026-03-02 18:00:00 CET. --", shape: "plain" },
  },
];
%}

@lexer lexer

line -> stamp %blank priority:? %host message:? {% ([stamp, , , host, message]) => makeHeader(stamp, host.text, message?.[0], message?.[1] ?? "") %}
      | %ctime dated:?                          {% ([stamp, text]) => makeHeader(ctimeStamp(stamp.text), undefined, undefined, text ?? "") %}
      | %notificationTime %ctime                {% ([, stamp]) => makeHeader(ctimeStamp(stamp.text), undefined, undefined, "") %}
      | %rfc5424 dated:?                        {% ([token, text]) => rfc5424Header(token.text, text ?? "") %}
      | %json                                   {% ([token], _, reject) => journalJsonHeader(token.text) ?? reject %}
      | %marker                                 {% ([marker]) => makeHeader(undefined, undefined, undefined, marker.text) %}

priority -> %priority %blank

stamp -> %month %blank %day %blank %time {% ([month, , day, , time]) => bsdStamp(month.text, day.text, time.text) %}
       | %iso                            {% ([iso]) => isoStamp(iso.text) %}
       | %full                           {% ([full]) => fullStamp(full.text) %}
       | %unix                           {% ([unix]) => unixStamp(unix.text) %}

message -> %blank                {% () => [undefined, ""] %}
         | %blank %tag %text:?   {% ([, tag, text]) => [tag.text, text ? text.text : ""] %}
         | %blank %text          {% ([, text]) => [undefined, text.text] %}

dated -> %blank %text:?          {% ([, text]) => (text ? text.text : "") %}
