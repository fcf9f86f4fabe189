# Shell history: the commands an operator typed on a node, as the shell keeps them ($HOME/.bash_history,
# .zsh_history, ksh's .sh_history) or as `history` prints them, copied beside the logs. A history that keeps no
# times says what was run, never when: its lines have no time and their events are untimed (meta.untimedPrefix).
# Shapes:
#   stamp     #1707218538                          bash with HISTTIMEFORMAT set writes the epoch second of the
#                                                  command below it (bash(1), HISTTIMEFORMAT): a banner, an instant
#             : 1707218538:0;horctakeover -g dg    zsh's EXTENDED_HISTORY: epoch second, duration, command
#             512  2024-02-06 16:52:18 pairdisplay  `history` with HISTTIMEFORMAT="%F %T " (the node's own clock)
#   plain     512  pairvolchk -g dg -s             `history` without a time: the number is not kept
#             horctakeover -g dg                   any other line is a command typed at the last stamp's time
# The body is the command line (grammars/shell.ne reads it). Every line is in this layout.

@preprocessor typescript

@{%
import moo from "moo";

const lexer = moo.states({
  main: {
    // ksh's own history file is binary: it opens with the magic bytes 0x81 0x01 (read as U+FFFD U+0001 once decoded) and
    // ends each command with a NUL after its newline, so every command after the first starts with one.
    kshLead: /(?:\uFFFD\u0001|\u0081\u0001)\u0000*|\u0000+/,
    epoch: { match: /#[ \t]*\d{10}[ \t]*$/, next: "afterStamp" },
    zshStamp: { match: /: ?\d{10}:\d+;/, next: "afterStamp" },
    number: { match: /[ \t]*\d+\*?[ \t]+/, next: "numbered" },
    text: { match: /[^]+/, lineBreaks: true },
  },
  numbered: {
    isoTime: { match: /\d{4}-\d\d-\d\d[ \t]\d\d:\d\d:\d\d[ \t]+/, next: "afterStamp" },
    text: { match: /[^]+/, lineBreaks: true },
  },
  afterStamp: {
    text: { match: /[^]+/, lineBreaks: true },
  },
});

type Token = moo.Token;

interface Header {
  format: "history";
  instant?: boolean;
  body: string;
  shape: "banner" | "stamp" | "plain";
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  utcOffset?: number;
}

// Ten digits, as bash and zsh write a second from 2001-09-09 to 2286; one with a leading zero ("#0999999999") is a
// comment of digits, not a stamp.
const EARLIEST_EPOCH = 1_000_000_000;

/**
The UTC time of an epoch second, marked an instant: it says nothing of the node's zone, so the file parser places it on
the bundle's clock (`--tz`, or the offset the bundle's zoned lines set; UTC while neither is known).
*/
function fromEpoch(seconds: number): Omit<Header, "format" | "body" | "shape"> | null {
  if (seconds < EARLIEST_EPOCH) return null;
  const time = new Date(seconds * 1000);
  return {
    year: time.getUTCFullYear(),
    month: time.getUTCMonth() + 1,
    day: time.getUTCDate(),
    hour: time.getUTCHours(),
    minute: time.getUTCMinutes(),
    second: time.getUTCSeconds(),
    utcOffset: 0,
    instant: true,
  };
}

function epochLine(stamp: Token): Header | null {
  const time = fromEpoch(Number(stamp.text.replace(/[#\s]/g, "")));
  return time === null ? null : { format: "history", ...time, body: "", shape: "banner" };
}

function zshLine(stamp: Token, text: Token | null): Header | null {
  const time = fromEpoch(Number(/\d+/.exec(stamp.text)![0]));
  return time === null ? null : { format: "history", ...time, body: text ? text.text : "", shape: "stamp" };
}

function typed(text: Token | null): Header {
  return { format: "history", body: text ? text.text : "", shape: "plain" };
}

function numberedLine(stamp: Token | null, text: Token | null): Header {
  const body = text ? text.text : "";
  if (stamp === null) return { format: "history", body, shape: "plain" };
  const [date, clock] = stamp.text.trim().split(/[ \t]+/);
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute, second] = clock.split(":").map(Number);
  return { format: "history", year, month, day, hour, minute, second, body, shape: "stamp" };
}

export const meta = {
  name: "history",
  role: "header",
  formats: ["history"],
  // A history that keeps no times (ksh's .sh_history, bash's without HISTTIMEFORMAT) says what ran, never when: its
  // commands are untimed.operator.command, untimed.takeover.requested..., out of the timeline the rules replay.
  untimedPrefix: "untimed.",
  description: "A shell's history of the commands an operator typed (bash with HISTTIMEFORMAT, zsh extended history, `history` output): their times",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  // ksh93's binary history: the magic on the first command, a NUL before each later one.
  { text: "\uFFFD\u0001horctakeover -g oradg -S", expect: { format: "history", body: "horctakeover -g oradg -S", shape: "plain" } },
  { text: "\u0000pairdisplay -g oradg -fc", expect: { format: "history", body: "pairdisplay -g oradg -fc", shape: "plain" } },
  { text: "#1707218538", expect: { format: "history", year: 2024, month: 2, day: 6, hour: 11, minute: 22, second: 18, utcOffset: 0, instant: true, body: "", shape: "banner" } },
  { text: "# 1707218538 ", expect: { format: "history", year: 2024, month: 2, day: 6, hour: 11, minute: 22, second: 18, utcOffset: 0, instant: true, body: "", shape: "banner" } },
  {
    text: ": 1707218538:0;horctakeover -g loans_jdg",
    expect: { format: "history", year: 2024, month: 2, day: 6, hour: 11, minute: 22, second: 18, utcOffset: 0, instant: true, body: "horctakeover -g loans_jdg", shape: "stamp" },
  },
  {
    text: "  512  2024-02-06 16:52:18 pairresync -g loans_jdg -swaps",
    expect: { format: "history", year: 2024, month: 2, day: 6, hour: 16, minute: 52, second: 18, body: "pairresync -g loans_jdg -swaps", shape: "stamp" },
  },
  { text: "  513  pairvolchk -g loans_jdg -s", expect: { format: "history", body: "pairvolchk -g loans_jdg -s", shape: "plain" } },
  { text: "  514* cmviewcl -v", expect: { format: "history", body: "cmviewcl -v", shape: "plain" } },
  { text: "horctakeover -g loans_jdg", expect: { format: "history", body: "horctakeover -g loans_jdg", shape: "plain" } },
  // A comment of digits before 2001 is no stamp: a line typed.
  { text: "#12345", expect: { format: "history", body: "#12345", shape: "plain" } },
  { text: "#0999999999", expect: { format: "history", body: "#0999999999", shape: "plain" } },
];
%}

@lexer lexer

line -> null {% () => typed(null) %}
  | %text {% ([text]) => typed(text) %}
  | %kshLead %text:? {% ([, text]) => typed(text) %}
  | %epoch {% ([stamp]) => epochLine(stamp) ?? typed(stamp) %}
  | %zshStamp %text:? {% ([stamp, text]) => zshLine(stamp, text) ?? typed({ ...stamp, text: stamp.text + (text?.text ?? "") }) %}
  | %number %isoTime %text:? {% ([, stamp, text]) => numberedLine(stamp, text) %}
  | %number %text:? {% ([, text]) => numberedLine(null, text) %}
