# BSD syslog line header, as HP-UX syslogd writes /var/adm/syslog/syslog.log:
#   Mmm dd hh:mm:ss host prog[pid]: message
# The day is space-padded ("Nov  4"), [pid] is optional (cmcld: and cmlvmd: log without it), and
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

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = MONTHS.join("|");
// HP-UX syslogd -v code, or an RFC 3164 PRI; only when a blank follows (else it is the host).
const PRIORITY = "(?:[A-JQ-X][0-7]|<\\d{1,3}>)";
// `prog[pid]:` then at most one blank; the colon must end the tag (blank or end of line). HP-UX
// EMS writes `EMS [2710]:`, with a blank before the pid.
const TAG = "[^\\s\\[\\]:]+(?: ?\\[\\d+\\])?:(?: |(?![^]))";

const lexer = moo.states({
  main: {
    month: { match: new RegExp(`(?:${MONTH})(?= )`), next: "day" },
  },
  day: {
    blank: / +/,
    day: { match: /\d{1,2}(?= )/, next: "time" },
  },
  time: {
    blank: / +/,
    time: { match: /\d\d:\d\d:\d\d(?= )/, next: "host" },
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
});

export interface SyslogHeader {
  format: "syslog";
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  host: string;
  program?: string;
  pid?: number;
  body: string;
  shape: "plain" | "repeated";
  repeated?: number;
}

// BSD wording; "above message repeats" is the Solaris/HP-style variant some syslogds write.
const REPEATED = /^(?:last message repeated|above message repeats) (\d+) times?$/;

/** One constructor for both paths, so the fast path and the grammar cannot drift apart. */
const MONTH_NUMBER: Record<string, number> = Object.fromEntries(MONTHS.map((name, index) => [name, index + 1]));

function makeHeader(monthName: string, day: string, time: string, host: string, tag: string | undefined, body: string): SyslogHeader {
  const header: SyslogHeader = {
    format: "syslog",
    month: MONTH_NUMBER[monthName],
    day: +day,
    hour: (time.charCodeAt(0) - 48) * 10 + time.charCodeAt(1) - 48,
    minute: (time.charCodeAt(3) - 48) * 10 + time.charCodeAt(4) - 48,
    second: (time.charCodeAt(6) - 48) * 10 + time.charCodeAt(7) - 48,
    host,
    body,
    shape: "plain",
  };
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

// The common shape in one regex: no priority code. Everything it accepts, the grammar accepts
// with the same result (test/parse/syslog-fast-path.test.ts checks this on generated lines).
const FAST = new RegExp(
  `^(${MONTH}) +(\\d{1,2}) +(\\d\\d:\\d\\d:\\d\\d) +(?!${PRIORITY} )(\\S+)(?: +(?:(${TAG})([^]*)|([^]*)))?$`,
);

/** Regex fast path for the common syslog line; undefined when the line needs the grammar. */
export function fastParse(line: string): SyslogHeader | undefined {
  const match = FAST.exec(line);
  if (!match) return undefined;
  const [, month, day, time, host, tag, tagged, untagged] = match;
  return makeHeader(month, day, time, host, tag, tag !== undefined ? tagged : (untagged ?? ""));
}

export const meta = {
  name: "syslog",
  role: "header",
  formats: ["syslog"],
  description: "BSD syslog header (HP-UX syslog.log): Mmm dd hh:mm:ss host prog[pid]: message",
};

export const samples: Array<{ text: string; expect: unknown }> = [
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
];
%}

@lexer lexer

line -> stamp %blank priority:? %host message:? {% ([stamp, , , host, message]) => makeHeader(stamp[0], stamp[1], stamp[2], host.text, message?.[0], message?.[1] ?? "") %}

priority -> %priority %blank

stamp -> %month %blank %day %blank %time {% ([month, , day, , time]) => [month.text, day.text, time.text] %}

message -> %blank                {% () => [undefined, ""] %}
         | %blank %tag %text:?   {% ([, tag, text]) => [tag.text, text ? text.text : ""] %}
         | %blank %text          {% ([, text]) => [undefined, text.text] %}
