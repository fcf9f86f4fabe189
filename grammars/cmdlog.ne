# Command-output log: a file a site's own monitoring script writes by appending the output of Raid Manager
# commands (pairdisplay, raidvchkscan, pairvolchk) under a time stamp each run, e.g. an hourly cron job's
# /var/adm/ops/pairwatch.log or /var/log/ops/jnlwatch.log. Discovery reads such a file when its head holds
# Raid Manager output and a time stamp (src/ingest/discover.ts). Shapes:
#   stamp     a line starting (after a run of separators such as "====", "----", "#" or "[") with the
#             output of `date` (Wed Nov 18 08:30:00 MET 2026; weekday and zone optional) or an ISO 8601
#             time (2026-11-18 08:30:00, 2026-11-18T08:30:00+01:00), or POSIX `date '+%D %T'` (11/18/26 08:30:00,
#             milliseconds allowed); what follows is the body:
#               ==== Wed Nov 18 08:30:00 MET 2026  /opt/ops/bin/pairwatch.sh: pairdisplay -g erp_dg -fcx -CLI
#               ---- Sat Nov 21 13:00:00 CET 2026 jnlwatch (HORCMINST=60)
#               [2026-11-18 08:30:00] pairvolchk -g erp_dg -s
#             A stamp alone on its line or set off by a run of separators ("====", "----") is a run's banner
#             (shape "banner": the group the command before it named ends there); one a script puts before a
#             line of its own ("[2023-02-06 01:00:33] pairsplit rc=0") is shape "stamp", still in that run.
#   output    every other line: the output of the run above, at its time (the caller keeps the stamp's time)
# Every line is in this layout: a command's output is read, not "in no known layout".

@preprocessor typescript

@{%
import moo from "moo";
import { ENGLISH_MONTHS, LOCAL_DATE_OUTPUT, LOCAL_WEEKDAY, readLocalDate } from "../../model/calendar.js";

const MONTHS = ENGLISH_MONTHS;
const MONTH = MONTHS.join("|");
// `date` output: [weekday] month day hh:mm:ss [zone] year.
// The zone may be numeric (`date` with TZ=<+03>-3, "Tue Jun 14 05:55:12 +03 2022"; round 49 #19).
// Or `date` in the operator's locale (src/model/calendar.ts): "Do 12. Mär 07:45:02 CET 2026", "jeu. 12 mars 2026 04:20:30
// CET", "2026年  3月 12日 木曜日 04:20:30 JST", "2026. 04. 03. (금) 00:58:40 KST" (round 63 #01, #08, #14: saved outputs
// under such a header were read as undated).
const C_DATE_OUTPUT = `(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[ \\t]+)?(?:${MONTH})[ \\t]+\\d{1,2}[ \\t]+\\d\\d:\\d\\d:\\d\\d(?:[ \\t]+(?:[A-Za-z][A-Za-z0-9+:-]*|[+-]\\d\\d(?::?\\d\\d)?))?[ \\t]+\\d{4}`;
const DATE_OUTPUT = `(?:${C_DATE_OUTPUT}|${LOCAL_DATE_OUTPUT})`;
// Seconds are optional: an operator's own note is stamped "# 2026-11-23 10:40 pairresync -swaps ...".
// Scripts stamping with `date '+%Y/%m/%d %H:%M:%S'` write the same time with slashes: "2014/05/13 01:30:55 pairsplit ...".
const ISO_TIME = `\\d{4}(?:-\\d\\d-|\\/\\d\\d\\/)\\d\\d[T \\t]\\d\\d:\\d\\d(?::\\d\\d(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d\\d:?\\d\\d)?`;
// A European script's day/month/year stamp ("[14/10/2023 01:00:04]", "15.12.2024 00:13"). Read day first unless the
// second number cannot be a month (a site script's; Raid Manager's own COMMAND ERROR lines are month/day, below).
// A ticket writes the weekday before it: "Opened: Mon 02.03.2026 09:24".
const DMY_TIME = `(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),?[ \\t]+)?\\d{1,2}[./]\\d{1,2}[./]\\d{4}[T \\t]+\\d\\d:\\d\\d(?::\\d\\d)?`;
// POSIX `date '+%D %T'` (month/day/two-digit year), what HP-UX scripts and daemons stamp lines with: "03/10/26 14:31:52",
// with milliseconds "03/10/26 14:31:52.118 [03917] horcmgr: ..." (round 57 #03: a HORCM log's every line time-less, its
// command-device errors never dated). Day first when the first number cannot be a month.
const MDY_SHORT_TIME = `\\d{1,2}\\/\\d{1,2}\\/\\d\\d[ \\t]+\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,6})?`;
// A mail's own date header (RFC 5322 section 3.3: "Date: Mon, 16 Feb 2026 07:00:04 +0100", weekday and seconds
// optional, an obsolete zone name or a comment after the offset): a cron job that mails pairdisplay or cmviewcl every
// hour, saved as an mbox or a .eml, dates the output of each mail by it (round 59 #03, #16: both mailboxes unread).
const MAIL_DATE = `Date:[ \\t]+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),[ \\t]*)?\\d{1,2}[ \\t]+(?:${MONTH})[ \\t]+\\d{4}[ \\t]+\\d\\d:\\d\\d(?::\\d\\d)?(?:[ \\t]+(?:[+-]\\d{4}|[A-Za-z]{1,5}))?(?:[ \\t]*\\([^)\\n]*\\))?[ \\t]*$`;
// A mail's sender header ("From: root@hamha1.ham.example.de", "From: Cron Daemon <root@wroa1>"): a cron job mails what it
// ran on its own host, so the output under it is that host's, until the next mail. The host is the address's first
// label, only when the address names a host: one label (root@wroa1) or three and more (root@hamha1.ham.example.de);
// a masqueraded sender (root@example.de) names the domain, not the node.
const MAIL_FROM = /From:[ \t]+(?:[^<\n]*<)?[A-Za-z0-9._%+-]+@(?:[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+){2,}|[A-Za-z][A-Za-z0-9-]*)>?[ \t]*$/;
// What a script writes before its stamp.
const LEAD = /[=#*~+<>|\[( \t-]+/;

// Raid Manager's own command error log, /HORCM/log<N>/horcc_<host>.log (CCI-HIT p.373-374): each failed command
// opens with "COMMAND ERROR : EUserId for HORC[0] : root (0) 02/09/2014 09:14:37" (month/day/year), then CMDLINE, the
// exit line and the [EX_...] error under it.
// Some versions stamp it with `date` output instead: "COMMAND ERROR : EUserId for HORC : root (0) Tue Jun 14 09:14:52 2022".
// Raid Manager's own instance log, /HORCM/log<N>/curlog/horcm_<host>.log (the previous one in tmplog/): each start opens
// with "- HORCM STARTUP LOG - Tue Oct  2 14:40:11 2018" between lines of asterisks, then "hh:mm:ss-xxxxx-pid- horcmgr ..."
// lines (HORCM_CONF, HORCM_DEV, "HORCM has been started", "HORCM Shutdown (by horcmshutdown.sh)").
const COMMAND_ERROR = new RegExp(
  `(?:COMMAND ERROR[ \\t]*:[^\\n]*?|-?[ \\t]*HORCM STARTUP LOG[ \\t]*-?[ \\t]*)(?:\\d\\d\\/\\d\\d\\/\\d{4}[ \\t]+\\d\\d:\\d\\d:\\d\\d|${DATE_OUTPUT})[ \\t]*$`,
);

// A script's name between a banner's separators and its stamp ("---- ca_check 23/10/2009 06:00:02 ----").
// Or a few words before the stamp: "Script started on <date>" (script(1)), "daily <date>", "daily CA report hpx-a1 <date>"
// (a banner when set off by separators, or when its words are a saving tool's or a report's own: BANNER_WORDS).
// A word may name where the script ran, "@ host" or "script@host", and a ':' may stand alone before the stamp:
// "---- pairmon.sh @ trd-s1 : Mon Mar 23 20:30:01 MET 2026" (round 64 #09: every run of a cron table read as undated).
const LABEL_WORD = `(?:[A-Za-z_][\\w.-]*(?:@[A-Za-z0-9][\\w.-]*)?\\]?:?|@[ \\t]*[A-Za-z0-9][\\w.-]*:?|:)[ \\t]+`;
const LABEL = new RegExp(
  `(?:${LABEL_WORD}(?=(?:${DATE_OUTPUT}|${ISO_TIME}|${DMY_TIME})(?![0-9A-Za-z]))|(?:(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[ \\t]|${LOCAL_WEEKDAY},?[ \\t]+\\d)${LABEL_WORD}){1,5}(?=(?:${DATE_OUTPUT}|${ISO_TIME})(?![0-9A-Za-z])))`,
);
// The words before a stamp that say the output under it was saved then, with no separators around them.
// A ticket's or case note's own date is one too ("Opened: Mon 02.03.2026 09:24", "Created: 2026-03-02 09:24"): what is pasted
// under it was seen by then, as under a mail's Date header (round 69 #10: a case note whose pastes ended two days before
// it was opened read as if the logs ended with them, a weekend's forgotten split under a day old).
const BANNER_WORDS = /^(?:Script started on|(?:collected|saved|taken|captured|run|snapshot|output|daily|hourly|weekly|nightly|opened|created|reported|submitted|raised)(?:[ \t]+(?:on|at))?:?)$/i;
// A report's title line as a script writes it, `echo "<title> $(hostname) $(date)"`: a few words, then `date`'s whole
// output with its zone (or, without one, a title that starts by saying how often it runs: "Daily health check bom-ux2
// <date>"), ending the line ("DR readiness check  off2n1  Thu Feb  5 06:00:03 CET 2026", a weekly check's title in the
// operator's language: round 66 #03, #16, #20, every table under it read as undated). Not when the words end
// with one that ties the date to another event ("PAIR again at <date>", "split since <date>") or hold a colon ("Last
// login: <date>"): a sentence about another time.
const TITLE_LAST_WORD = /^(?:at|on|since|until|till|from|before|after|by|of|to|in|is|was|were|again|last|next|ago)$/i;
// Anywhere among the words, one that dates something else: "last full resync <date>", "next split <date>".
// A title's first word saying how often its report runs: a dated title even when `date` printed no zone.
const REPORT_FREQUENCY = /^(?:daily|hourly|weekly|nightly|monthly)$/i;
const TITLE_OTHER_TIME = /^(?:last|next|previous|prev|since|until|till|ago|due|expires?|expired)$/i;

// A shell prompt before a typed command, in a session saved with script(1), tee or a paste: the node the command ran on
// (the output under it is that node's, until another prompt). Only prompts that name their host: "nodeB1:/root# ",
// "acc-n1:~ # " (a host and a path, HP-UX and SUSE), "[root@nodeB1 ~]# ", "root@nodeB1:~# ", "oracle@nodeB1:/u01$ " (a user
// at a host). A bare "# " or "nodeB1# " names no host surely ("MU# 0", "Note: # of pairs").
const PROMPT_HOST = `[A-Za-z][A-Za-z0-9-]*(?:\\.[A-Za-z0-9-]+)*`;
const PROMPT = new RegExp(
  `[ \t]*(?:\\[?[A-Za-z_][\\w.-]*@${PROMPT_HOST}(?:(?::|[ \t]+)[~/]?[\\w./~-]*)?\\]?|${PROMPT_HOST}:[~/][^ \t#$>]*)[ \t]*[#$%>](?=[ \t]|$)[ \t]*`,
);

const lexer = moo.states({
  main: {
    prompt: PROMPT,
    commandError: COMMAND_ERROR,
    mailDate: new RegExp(MAIL_DATE),
    mailFrom: MAIL_FROM,
    lead: LEAD,
    dateOutput: { match: new RegExp(`${DATE_OUTPUT}(?![0-9A-Za-z])`), next: "afterStamp" },
    isoTime: { match: new RegExp(`${ISO_TIME}(?![0-9A-Za-z])`), next: "afterStamp" },
    dmyTime: { match: new RegExp(`${DMY_TIME}(?![0-9A-Za-z])`), next: "afterStamp" },
    mdyShortTime: { match: new RegExp(`${MDY_SHORT_TIME}(?![0-9A-Za-z])`), next: "afterStamp" },
    // After the stamps: a weekday before a `date` output is the stamp's own.
    label: LABEL,
    text: { match: /[^]+/, lineBreaks: true },
  },
  afterStamp: {
    separator: /[\])>:|=#*~ \t-]+/,
    text: { match: /[^]+/, lineBreaks: true },
  },
});

type Token = moo.Token;

interface Header {
  format: "cmdlog";
  body: string;
  host?: string;
  directory?: string;
  shape: "banner" | "stamp" | "plain";
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  utcOffset?: number;
  zoneName?: string;
}

function plain(text: Token | null): Header {
  return { format: "cmdlog", body: text ? text.text : "", shape: "plain" };
}

/**
A stamped line: a run's banner when it stands alone or is set off by a run of separators ("==== <date> pairwatch",
"---- <date> jnlwatch"), which starts a new run (the command before it names nothing after it); otherwise a line a
script stamped by itself ("[2023-02-06 01:00:33] pairsplit rc=0"), still in the run of the command before it.
*/
function stamped(time: Omit<Header, "format" | "body" | "shape">, text: Token | null, lead: Token | null, label: Token | null = null): Header {
  const body = text ? text.text : "";
  const banner = body.trim() === "" || /[=#*~+<>|-]{2,}/.test(lead?.text ?? "");
  return { format: "cmdlog", ...time, body: label === null ? body : `${label.text.trim()} ${body}`.trimEnd(), shape: banner ? "banner" : "stamp" };
}

/**
A script's name before the stamp in a banner ("---- ca_check <stamp> ----"); without the separators, a few words before a
`date` output on a line that ends with it, or a few words after it, are a banner too: script(1)'s "Script started on <date>",
a report's "daily <date>" or "collected <date> on nodeA1" (round 48 #12, round 49 #18). Elsewhere the line is text.
*/
function labelled(time: Omit<Header, "format" | "body" | "shape"> | null, tokens: readonly (Token | null)[]): Header {
  const [lead, label, , separator, text] = tokens;
  const separated = lead !== null && /[=#*~+<>|-]{2,}/.test(lead.text);
  // "[nightly_split 2021-02-28 01:00:02] pairsplit -g LEDGER.split -rw ... rc=0": a script's name and stamp in one bracket,
  // its own line after it (the bracketed "[2023-02-06 01:00:33] pairsplit ..." with the script's name; round 53 #15).
  const bracketed = time !== null && lead !== null && /\[[ \t]*$/.test(lead.text) && separator !== null && /^[ \t]*\]/.test(separator.text)
    && /^[A-Za-z_][\w.-]*$/.test((label?.text ?? "").trim());
  if (bracketed) return { ...stamped(time, text, lead), shape: "stamp" };
  // "[stgcci01] Thu Apr  9 14:03:11 EDT 2026  pairdisplay -g LAB_TC -fcx": a host's or a script's name in its own brackets,
  // then the stamp and the command (a prompt or a wrapper that puts `date` before each command it runs; round 61 #12).
  const ownBrackets = time !== null && lead !== null && /\[[ \t]*$/.test(lead.text) && /^[A-Za-z_][\w.-]*\][ \t]*$/.test(label?.text ?? "");
  if (ownBrackets) return { ...stamped(time, text, lead), shape: "stamp" };
  // util-linux script(1) since 2.35 ends its banner with the terminal it ran in: [TERM="xterm-256color" TTY="/dev/pts/2" ...].
  const wordsAfter = (text?.text ?? "")
    .replace(/[=#*~+<>|-]{2,}[ \t]*$/, "")
    .replace(/\[(?:[ \t]*[A-Z_]+="[^"]*")+[ \t]*\][ \t]*$/, "")
    .trim();
  // Without separators, only a saving tool's or a report's own words before the date: "Last login: <date>", "last full
  // resync <date>" or "PAIR again at <date>" name another time than the one the output was saved at (review).
  const ended = BANNER_WORDS.test((label?.text ?? "").trim()) && (wordsAfter === "" || wordsAfter.split(/[ \t]+/).length <= 3) && !/[:;]/.test(wordsAfter);
  const labelWords = (label?.text ?? "").trim().split(/[ \t]+/);
  const titled =
    time !== null &&
    lead === null &&
    tokens[2]?.type === "dateOutput" &&
    (time.zoneName !== undefined || time.utcOffset !== undefined || REPORT_FREQUENCY.test(labelWords[0] ?? "")) &&
    (text?.text ?? "").trim() === "" &&
    !/[:;,.!?]/.test(label?.text ?? "") &&
    !TITLE_LAST_WORD.test(labelWords[labelWords.length - 1] ?? "") &&
    !labelWords.some((word) => TITLE_OTHER_TIME.test(word));
  if (time === null || (!separated && !ended && !titled)) {
    return { format: "cmdlog", body: tokens.slice(1).map((token) => token?.text ?? "").join(""), shape: "plain" };
  }
  if (!separated) return { ...stamped(time, null, lead, label), body: `${(label?.text ?? "").trim()} ${wordsAfter}`.trimEnd(), shape: "banner" };
  return stamped(time, text, lead, label);
}

/** The host a shell prompt names: after "user@", else before ":" (a domain after the first dot is kept as written). */
function promptHost(token: Token): string {
  const text = token.text.trim().replace(/^\[/, "");
  const at = text.indexOf("@");
  return at >= 0 ? /^[A-Za-z0-9.-]+/.exec(text.slice(at + 1))![0].replace(/\.$/, "") : text.slice(0, text.indexOf(":"));
}

/** The working directory a prompt shows ("dwhp02:/etc/cmcluster/pkgdw # ", "[root@nodeB1 ~]# "): where the files its command names are. */
function promptDirectory(token: Token): { directory?: string } {
  const shown = /^[ \t]*\[?(?:[A-Za-z_][\w.-]*@)?[A-Za-z0-9.-]+(?::|[ \t]+)([~/][^ \t\]#$%>]*)/.exec(token.text);
  return shown === null ? {} : { directory: shown[1] };
}

function fromDateOutput(token: Token): Omit<Header, "format" | "body" | "shape"> {
  const words = token.text.split(/[ \t]+/);
  if (!MONTHS.includes(words[0])) words.shift();
  if (!MONTHS.includes(words[0])) {
    // The operator's locale (LOCAL_DATE_OUTPUT).
    const local = readLocalDate(token.text);
    if (local !== null) return { ...local };
    // Shaped like a localized date but naming no weekday or month the table knows (calendar.ts NAME_SHAPE): no time.
    return {};
  }
  const [hour, minute, second] = words[2].split(":").map(Number);
  const time: Omit<Header, "format" | "body" | "shape"> = { year: Number(words[words.length - 1]), month: MONTHS.indexOf(words[0]) + 1, day: Number(words[1]), hour, minute, second };
  // A numeric zone says the offset itself; a zone's name is kept for the file parser (read with --tz only).
  const zone = /^([+-])(\d\d):?(\d\d)?$/.exec(words.length === 5 ? words[3] : "");
  if (words.length === 5 && /^[A-Za-z]/.test(words[3])) time.zoneName = words[3];
  if (zone && Number(zone[2]) <= 14 && Number(zone[3] ?? 0) < 60) time.utcOffset = (zone[1] === "-" ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3] ?? 0));
  return time;
}

function fromIsoTime(token: Token): Omit<Header, "format" | "body" | "shape"> {
  const match = /^(\d{4})[-/](\d\d)[-/](\d\d)[T \t](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?(Z|([+-])(\d\d):?(\d\d))?$/.exec(token.text)!;
  const time: Omit<Header, "format" | "body" | "shape"> = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: match[6] === undefined ? 0 : Number(match[6]),
  };
  if (match[7] !== undefined) time.millisecond = Math.floor(Number(`0.${match[7]}`) * 1000);
  if (match[8] !== undefined) time.utcOffset = match[8] === "Z" ? 0 : (match[9] === "-" ? -1 : 1) * (Number(match[10]) * 60 + Number(match[11]));
  return time;
}

function fromDmyTime(token: Token): Omit<Header, "format" | "body" | "shape"> | null {
  const match = /(\d{1,2})[./](\d{1,2})[./](\d{4})[T \t]+(\d\d):(\d\d)(?::(\d\d))?$/.exec(token.text)!;
  const [first, second] = [Number(match[1]), Number(match[2])];
  const [day, month] = second > 12 ? [second, first] : [first, second];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year: Number(match[3]), month, day, hour: Number(match[4]), minute: Number(match[5]), second: match[6] === undefined ? 0 : Number(match[6]) };
}

function fromMdyShortTime(token: Token): Omit<Header, "format" | "body" | "shape"> | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d\d)[ \t]+(\d\d):(\d\d):(\d\d)(?:[.,](\d{1,6}))?$/.exec(token.text)!;
  const [first, second] = [Number(match[1]), Number(match[2])];
  const [month, day] = first > 12 ? [second, first] : [first, second];
  const [hour, minute, secondOfMinute] = [Number(match[4]), Number(match[5]), Number(match[6])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || secondOfMinute > 59) return null;
  const shortYear = Number(match[3]);
  // POSIX %y: 69-99 are the 1900s, 00-68 the 2000s.
  const time: Omit<Header, "format" | "body" | "shape"> = { year: shortYear >= 69 ? 1900 + shortYear : 2000 + shortYear, month, day, hour, minute, second: secondOfMinute };
  if (match[7] !== undefined) time.millisecond = Math.floor(Number(`0.${match[7]}`) * 1000);
  return time;
}

/** A mail's Date header: a banner (each mail is a run of its own) at the offset it names; a zone's name is kept as `date`'s is. */
function fromMailDate(token: Token): Omit<Header, "format" | "body" | "shape"> | null {
  const match = /(\d{1,2})[ \t]+([A-Z][a-z]{2})[ \t]+(\d{4})[ \t]+(\d\d):(\d\d)(?::(\d\d))?(?:[ \t]+(?:([+-])(\d\d)(\d\d)|([A-Za-z]{1,5})))?/.exec(token.text)!;
  const [day, month, hour, minute, second] = [Number(match[1]), MONTHS.indexOf(match[2]) + 1, Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const time: Omit<Header, "format" | "body" | "shape"> = { year: Number(match[3]), month, day, hour, minute, second };
  if (match[7] !== undefined && Number(match[8]) <= 14 && Number(match[9]) < 60) time.utcOffset = (match[7] === "-" ? -1 : 1) * (Number(match[8]) * 60 + Number(match[9]));
  else if (match[10] !== undefined) {
    if (/^(?:UT|GMT|Z)$/i.test(match[10])) time.utcOffset = 0;
    else time.zoneName = match[10];
  }
  return time;
}

function fromCommandError(token: Token): { time: Omit<Header, "format" | "body" | "shape">; body: string } {
  const dated = new RegExp(`^([^]*?)[ \\t]*(${DATE_OUTPUT})[ \\t]*$`).exec(token.text);
  if (dated) return { time: fromDateOutput({ ...token, text: dated[2] }), body: dated[1] };
  const match = /^([^]*?)[ \t]*(\d\d)\/(\d\d)\/(\d{4})[ \t]+(\d\d):(\d\d):(\d\d)[ \t]*$/.exec(token.text)!;
  return {
    time: { year: Number(match[4]), month: Number(match[2]), day: Number(match[3]), hour: Number(match[5]), minute: Number(match[6]), second: Number(match[7]) },
    body: match[1],
  };
}

export const meta = {
  name: "cmdlog",
  role: "header",
  formats: ["cmdlog"],
  description: "A site's own log of Raid Manager command output (a monitoring script's pairdisplay/raidvchkscan runs): stamp lines, and the output under them",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  // `date` in the operator's locale (src/model/calendar.ts; round 63): the saved output under it is dated by it.
  {
    text: "Do 12. Mär 07:45:02 CET 2026",
    expect: { format: "cmdlog", year: 2026, month: 3, day: 12, hour: 7, minute: 45, second: 2, zoneName: "CET", body: "", shape: "banner" },
  },
  {
    text: "jeu. 12 mars 2026 04:20:30 CET",
    expect: { format: "cmdlog", year: 2026, month: 3, day: 12, hour: 4, minute: 20, second: 30, zoneName: "CET", body: "", shape: "banner" },
  },
  {
    text: "lun 27 apr 2026, 08:15:10, CEST",
    expect: { format: "cmdlog", year: 2026, month: 4, day: 27, hour: 8, minute: 15, second: 10, zoneName: "CEST", body: "", shape: "banner" },
  },
  {
    text: "dom 26 abr 2026 06:25:38 -03",
    expect: { format: "cmdlog", year: 2026, month: 4, day: 26, hour: 6, minute: 25, second: 38, utcOffset: -180, body: "", shape: "banner" },
  },
  {
    text: "wto, 3 mar 2026, 07:58:05 CET",
    expect: { format: "cmdlog", year: 2026, month: 3, day: 3, hour: 7, minute: 58, second: 5, zoneName: "CET", body: "", shape: "banner" },
  },
  {
    text: "dimarts, 24 de març de 2026, 11:19:38 CET",
    expect: { format: "cmdlog", year: 2026, month: 3, day: 24, hour: 11, minute: 19, second: 38, zoneName: "CET", body: "", shape: "banner" },
  },
  {
    text: "2026年  3月 12日 木曜日 04:20:30 JST",
    expect: { format: "cmdlog", year: 2026, month: 3, day: 12, hour: 4, minute: 20, second: 30, zoneName: "JST", body: "", shape: "banner" },
  },
  {
    text: "2026. 04. 03. (금) 00:58:40 KST",
    expect: { format: "cmdlog", year: 2026, month: 4, day: 3, hour: 0, minute: 58, second: 40, zoneName: "KST", body: "", shape: "banner" },
  },
  {
    text: "==== Mi 4. Mär 14:21:02 CET 2026 pairwatch ====",
    expect: { format: "cmdlog", year: 2026, month: 3, day: 4, hour: 14, minute: 21, second: 2, zoneName: "CET", body: "pairwatch ====", shape: "banner" },
  },
  // A weekday word alone is no date: the line is text.
  { text: "mar 19 pairs still PSUE", expect: { format: "cmdlog", body: "mar 19 pairs still PSUE", shape: "plain" } },
  {
    text: "[nightly_split 2021-02-28 01:00:06] pairsplit -g LEDGER.split -rw -IH10 ... rc=0",
    expect: { format: "cmdlog", year: 2021, month: 2, day: 28, hour: 1, minute: 0, second: 6, body: "pairsplit -g LEDGER.split -rw -IH10 ... rc=0", shape: "stamp" },
  },
  // A host's or a script's name in its own brackets before the stamp: the command after it ran then.
  {
    text: "[stgcci01] Thu Apr  9 14:03:11 EDT 2026  pairdisplay -g LAB_TC -fcx -IH90",
    expect: { format: "cmdlog", year: 2026, month: 4, day: 9, hour: 14, minute: 3, second: 11, zoneName: "EDT", body: "pairdisplay -g LAB_TC -fcx -IH90", shape: "stamp" },
  },
  {
    text: "[ca_watch] 2026-11-18 08:30:00 pairvolchk -g erp_dg -s",
    expect: { format: "cmdlog", year: 2026, month: 11, day: 18, hour: 8, minute: 30, second: 0, body: "pairvolchk -g erp_dg -s", shape: "stamp" },
  },
  {
    text: "==== Wed Nov 18 08:30:00 MET 2026  /opt/ops/bin/pairwatch.sh: pairdisplay -g erp_dg -fcx -CLI -I12",
    expect: { format: "cmdlog", year: 2026, month: 11, day: 18, hour: 8, minute: 30, second: 0, zoneName: "MET", body: "/opt/ops/bin/pairwatch.sh: pairdisplay -g erp_dg -fcx -CLI -I12", shape: "banner" },
  },
  {
    text: "---- Sat Nov 21 13:00:00 CET 2026 jnlwatch (HORCMINST=60)",
    expect: { format: "cmdlog", year: 2026, month: 11, day: 21, hour: 13, minute: 0, second: 0, zoneName: "CET", body: "jnlwatch (HORCMINST=60)", shape: "banner" },
  },
  {
    text: "Thu Mar  5 02:00:01 2026",
    expect: { format: "cmdlog", year: 2026, month: 3, day: 5, hour: 2, minute: 0, second: 1, body: "", shape: "banner" },
  },
  // A European script's stamp, day first; month first only when the second number cannot be a month.
  {
    text: "[14/10/2023 01:00:04] ==== bcsnap start: group core_bc0 (MU#0), HORCMINST=20 ====",
    expect: { format: "cmdlog", year: 2023, month: 10, day: 14, hour: 1, minute: 0, second: 4, body: "bcsnap start: group core_bc0 (MU#0), HORCMINST=20 ====", shape: "stamp" },
  },
  // A script's name between the separators and the stamp: still its run's banner.
  {
    text: "---- ca_check 23/10/2009 06:00:02 ----",
    expect: { format: "cmdlog", year: 2009, month: 10, day: 23, hour: 6, minute: 0, second: 2, body: "ca_check", shape: "banner" },
  },
  // Where the script ran, "@ host" or "script@host", and a ':' alone before the stamp: still its run's banner (round 64 #09).
  {
    text: "---- pairmon.sh @ trd-s1 : Mon Mar 23 20:30:01 MET 2026 ",
    expect: { format: "cmdlog", year: 2026, month: 3, day: 23, hour: 20, minute: 30, second: 1, zoneName: "MET", body: "pairmon.sh @ trd-s1 :", shape: "banner" },
  },
  {
    text: "---- pairmon.sh @ trd-s1 : Mon Mar 23 21:30:01 MET 2026 (CA link maintenance CHG-0412 in progress)",
    expect: { format: "cmdlog", year: 2026, month: 3, day: 23, hour: 21, minute: 30, second: 1, zoneName: "MET", body: "pairmon.sh @ trd-s1 : (CA link maintenance CHG-0412 in progress)", shape: "banner" },
  },
  {
    text: "==== cawatch@lis-n2 : 2026-05-04 06:00:01 ====",
    expect: { format: "cmdlog", year: 2026, month: 5, day: 4, hour: 6, minute: 0, second: 1, body: "cawatch@lis-n2 :", shape: "banner" },
  },
  // Without separators, the same words are a sentence about another time, not a banner.
  {
    text: "mailed to ops@lis-n2 : Tue Apr  6 14:19:44 2021",
    expect: { format: "cmdlog", body: "mailed to ops@lis-n2 : Tue Apr  6 14:19:44 2021", shape: "plain" },
  },
  {
    text: "==== pairwatch: Wed Nov 18 08:30:00 MET 2026 ====",
    expect: { format: "cmdlog", year: 2026, month: 11, day: 18, hour: 8, minute: 30, second: 0, zoneName: "MET", body: "pairwatch:", shape: "banner" },
  },
  // A few words before a `date` output, the line ending with it or a few words later: a banner without separators.
  {
    text: 'Script started on 2026-11-27 09:14:02+01:00 [TERM="xterm-256color" TTY="/dev/pts/2" COLUMNS="160" LINES="50"]',
    expect: { format: "cmdlog", year: 2026, month: 11, day: 27, hour: 9, minute: 14, second: 2, utcOffset: 60, body: "Script started on", shape: "banner" },
  },
  {
    text: "Script started on Tue Apr  6 14:19:44 2021",
    expect: { format: "cmdlog", year: 2021, month: 4, day: 6, hour: 14, minute: 19, second: 44, body: "Script started on", shape: "banner" },
  },
  // A ticket's own date: the pastes under it were seen by then.
  {
    text: "Opened: Mon 02.03.2026 09:24",
    expect: { format: "cmdlog", year: 2026, month: 3, day: 2, hour: 9, minute: 24, second: 0, body: "Opened:", shape: "banner" },
  },
  {
    text: "Created on: 2026-03-02 09:24:11",
    expect: { format: "cmdlog", year: 2026, month: 3, day: 2, hour: 9, minute: 24, second: 11, body: "Created on:", shape: "banner" },
  },
  // Another word before the date is a sentence about that time, not the ticket's.
  { text: "Closed: 02.03.2026 09:24", expect: { format: "cmdlog", body: "Closed: 02.03.2026 09:24", shape: "plain" } },
  {
    text: "Daily health check  bom-ux2  Tue Oct 20 08:00:02 IST 2026",
    expect: { format: "cmdlog", year: 2026, month: 10, day: 20, hour: 8, minute: 0, second: 2, zoneName: "IST", body: "Daily health check  bom-ux2", shape: "banner" },
  },
  {
    text: "Daily health check  bom-ux2  Tue Oct 20 08:00:02 2026",
    expect: { format: "cmdlog", year: 2026, month: 10, day: 20, hour: 8, minute: 0, second: 2, body: "Daily health check  bom-ux2", shape: "banner" },
  },
  // A sentence about another time stays text: "last" dates something else than the saving.
  {
    text: "last full resync Tue Oct 20 08:00:02 IST 2026",
    expect: { format: "cmdlog", body: "last full resync Tue Oct 20 08:00:02 IST 2026", shape: "plain" },
  },
  {
    text: "daily Mon Nov 10 07:00:00 NZDT 2025",
    expect: { format: "cmdlog", year: 2025, month: 11, day: 10, hour: 7, minute: 0, second: 0, zoneName: "NZDT", body: "daily", shape: "banner" },
  },
  {
    text: "==== daily CA report hpx-a1 Wed Feb 21 09:05:00 +03 2024 ====",
    expect: { format: "cmdlog", year: 2024, month: 2, day: 21, hour: 9, minute: 5, second: 0, utcOffset: 180, body: "daily CA report hpx-a1", shape: "banner" },
  },
  {
    text: "== Tue Jun 14 05:55:12 +03 2022 ==",
    expect: { format: "cmdlog", year: 2022, month: 6, day: 14, hour: 5, minute: 55, second: 12, utcOffset: 180, body: "", shape: "banner" },
  },
  // A mail's Date header: each mail of a mailbox is a run of its own, at the offset it names.
  { text: "Date: Mon, 16 Feb 2026 07:00:04 +0100", expect: { format: "cmdlog", year: 2026, month: 2, day: 16, hour: 7, minute: 0, second: 4, utcOffset: 60, body: "", shape: "banner" } },
  { text: "Date: 27 Mar 2026 20:00 -0500 (EST)", expect: { format: "cmdlog", year: 2026, month: 3, day: 27, hour: 20, minute: 0, second: 0, utcOffset: -300, body: "", shape: "banner" } },
  { text: "Date: Fri, 27 Mar 2026 20:00:00 GMT", expect: { format: "cmdlog", year: 2026, month: 3, day: 27, hour: 20, minute: 0, second: 0, utcOffset: 0, body: "", shape: "banner" } },
  { text: "Date: Fri, 27 Mar 2026 20:00:00 MET", expect: { format: "cmdlog", year: 2026, month: 3, day: 27, hour: 20, minute: 0, second: 0, zoneName: "MET", body: "", shape: "banner" } },
  { text: "Date: see the ticket", expect: { format: "cmdlog", body: "Date: see the ticket", shape: "plain" } },
  // A mail's sender names the host whose output it mails, when the address names a host (not a masqueraded domain).
  { text: "From: root@hamha1.ham.example.de", expect: { format: "cmdlog", body: "", shape: "plain", host: "hamha1" } },
  { text: "From: Cron Daemon <root@wroa1>", expect: { format: "cmdlog", body: "", shape: "plain", host: "wroa1" } },
  { text: "From: root@example.de", expect: { format: "cmdlog", body: "From: root@example.de", shape: "plain" } },
  // A report's title: a few words and `date`'s whole output, zone included, ending the line (round 66 #03, #16).
  {
    text: "DR readiness check  off2n1  Thu Feb  5 06:00:03 CET 2026",
    expect: { format: "cmdlog", year: 2026, month: 2, day: 5, hour: 6, minute: 0, second: 3, zoneName: "CET", body: "DR readiness check  off2n1", shape: "banner" },
  },
  {
    text: "Tygodniowa kontrola replikacji  wawb1  Mon Sep 21 07:00:02 CEST 2026",
    expect: { format: "cmdlog", year: 2026, month: 9, day: 21, hour: 7, minute: 0, second: 2, zoneName: "CEST", body: "Tygodniowa kontrola replikacji  wawb1", shape: "banner" },
  },
  // The same words tying the date to another event, or words after it: a sentence, not a title.
  { text: "dg_ks PAIR again at Mon Sep 21 07:00:02 CEST 2026", expect: { format: "cmdlog", body: "dg_ks PAIR again at Mon Sep 21 07:00:02 CEST 2026", shape: "plain" } },
  { text: "pairs split since Mon Sep 21 07:00:02 CEST 2026", expect: { format: "cmdlog", body: "pairs split since Mon Sep 21 07:00:02 CEST 2026", shape: "plain" } },
  { text: "check wawb1 Mon Sep 21 07:00:02 CEST 2026 failed", expect: { format: "cmdlog", body: "check wawb1 Mon Sep 21 07:00:02 CEST 2026 failed", shape: "plain" } },
  // Another time than the one the output was saved at: the last login, a past resync (review).
  { text: "Last login: Mon Mar 29 09:12:03 2021 from jump01", expect: { format: "cmdlog", body: "Last login: Mon Mar 29 09:12:03 2021 from jump01", shape: "plain" } },
  { text: "last full resync Thu Apr  1 10:00:00 2021", expect: { format: "cmdlog", body: "last full resync Thu Apr  1 10:00:00 2021", shape: "plain" } },
  {
    text: "Script started on 2021-04-06 16:40:00+02:00 [TERM=\"xterm\" TTY=\"/dev/pts/1\"]",
    expect: { format: "cmdlog", year: 2021, month: 4, day: 6, hour: 16, minute: 40, second: 0, utcOffset: 120, body: "Script started on", shape: "banner" },
  },
  // Words on after the date make it a sentence, not a stamp.
  {
    text: "the link was cut Tue Apr  6 14:19:44 2021, then the pairs went PSUE on both sides",
    expect: { format: "cmdlog", body: "the link was cut Tue Apr  6 14:19:44 2021, then the pairs went PSUE on both sides", shape: "plain" },
  },
  {
    text: "erp_dg 2026-11-18 08:30 split by hand",
    expect: { format: "cmdlog", body: "erp_dg 2026-11-18 08:30 split by hand", shape: "plain" },
  },
  {
    text: "15.12.2024 00:13 pairdisplay -g dgtms -I4 -fc",
    expect: { format: "cmdlog", year: 2024, month: 12, day: 15, hour: 0, minute: 13, second: 0, body: "pairdisplay -g dgtms -I4 -fc", shape: "stamp" },
  },
  {
    text: "10/25/2023 08:00:00 pairvolchk -g erp_dg -s",
    expect: { format: "cmdlog", year: 2023, month: 10, day: 25, hour: 8, minute: 0, second: 0, body: "pairvolchk -g erp_dg -s", shape: "stamp" },
  },
  {
    text: "[2026-11-18 08:30:00] pairvolchk -g erp_dg -s",
    expect: { format: "cmdlog", year: 2026, month: 11, day: 18, hour: 8, minute: 30, second: 0, body: "pairvolchk -g erp_dg -s", shape: "stamp" },
  },
  {
    text: "2014/05/13 01:30:55 pairsplit -g fmsdb_bc -IM1",
    expect: { format: "cmdlog", year: 2014, month: 5, day: 13, hour: 1, minute: 30, second: 55, body: "pairsplit -g fmsdb_bc -IM1", shape: "stamp" },
  },
  {
    text: "2026-11-18T08:30:00.250+01:00 run 14",
    expect: { format: "cmdlog", year: 2026, month: 11, day: 18, hour: 8, minute: 30, second: 0, millisecond: 250, utcOffset: 60, body: "run 14", shape: "stamp" },
  },
  {
    text: "# 2026-11-23 10:40 pairresync -swaps from DC2 (after DC1 array back)",
    expect: { format: "cmdlog", year: 2026, month: 11, day: 23, hour: 10, minute: 40, second: 0, body: "pairresync -swaps from DC2 (after DC1 array back)", shape: "stamp" },
  },
  {
    text: "erp_dg  erp_d00  L   CL3-A    0 12 85011  2e0 P-VOL PSUE   NEVER  99 1c0   -",
    expect: { format: "cmdlog", body: "erp_dg  erp_d00  L   CL3-A    0 12 85011  2e0 P-VOL PSUE   NEVER  99 1c0   -", shape: "plain" },
  },
  {
    text: "# raidvchkscan -v jnl 0",
    expect: { format: "cmdlog", body: "raidvchkscan -v jnl 0", shape: "plain" },
  },
  {
    text: "---- end of run",
    expect: { format: "cmdlog", body: "end of run", shape: "plain" },
  },
  {
    text: "",
    expect: { format: "cmdlog", body: "", shape: "plain" },
  },
  // A shell prompt that names its host: the command under it, and the output after it, are that node's.
  { text: "mcx-b1:/root# pairresync -g gescodg -swaps -c 15", expect: { format: "cmdlog", body: "pairresync -g gescodg -swaps -c 15", shape: "plain", host: "mcx-b1", directory: "/root" } },
  { text: "acc-n1:~ # date; pairdisplay -g acctdg -fc", expect: { format: "cmdlog", body: "date; pairdisplay -g acctdg -fc", shape: "plain", host: "acc-n1", directory: "~" } },
  { text: "[root@nodeB1 ~]# pairdisplay -g oradg -fcx", expect: { format: "cmdlog", body: "pairdisplay -g oradg -fcx", shape: "plain", host: "nodeB1", directory: "~" } },
  { text: "root@dr-sg2:/var/tmp# pairvolchk -g hr_dg -s", expect: { format: "cmdlog", body: "pairvolchk -g hr_dg -s", shape: "plain", host: "dr-sg2", directory: "/var/tmp" } },
  { text: "mcx-a1:/root# ", expect: { format: "cmdlog", body: "", shape: "plain", host: "mcx-a1", directory: "/root" } },
  {
    text: "dwhp02:/etc/cmcluster/pkgdw # grep -n -B 2 -A 30 'Halting package' pkgdw.cntl.log | tail -80",
    expect: { format: "cmdlog", body: "grep -n -B 2 -A 30 'Halting package' pkgdw.cntl.log | tail -80", shape: "plain", host: "dwhp02", directory: "/etc/cmcluster/pkgdw" },
  },
  // Not prompts: a note's "# of", a MU number.
  { text: "Note: # of pairs checked 4", expect: { format: "cmdlog", body: "Note: # of pairs checked 4", shape: "plain" } },
  { text: "oradg   ora01(L)  (CL1-A-0, 0, 1)61114 1a0.P-VOL PAIR NEVER, 100 1b0 -", expect: { format: "cmdlog", body: "oradg   ora01(L)  (CL1-A-0, 0, 1)61114 1a0.P-VOL PAIR NEVER, 100 1b0 -", shape: "plain" } },
  {
    text: "COMMAND ERROR : EUserId for HORC : root (0) Tue Jun 14 09:14:52 2022",
    expect: { format: "cmdlog", year: 2022, month: 6, day: 14, hour: 9, minute: 14, second: 52, body: "COMMAND ERROR : EUserId for HORC : root (0)", shape: "banner" },
  },
  {
    text: "- HORCM STARTUP LOG - Tue Oct  2 14:40:11 2018",
    expect: { format: "cmdlog", year: 2018, month: 10, day: 2, hour: 14, minute: 40, second: 11, body: "- HORCM STARTUP LOG -", shape: "banner" },
  },
  {
    text: "03/10/26 14:31:52.118 [03917] horcmgr: HORCM_CMD /dev/sdh : read error on the command device (errno = 5)",
    expect: { format: "cmdlog", year: 2026, month: 3, day: 10, hour: 14, minute: 31, second: 52, millisecond: 118, body: "[03917] horcmgr: HORCM_CMD /dev/sdh : read error on the command device (errno = 5)", shape: "stamp" },
  },
  {
    text: "25/10/26 02:10:00 nightly split done",
    expect: { format: "cmdlog", year: 2026, month: 10, day: 25, hour: 2, minute: 10, second: 0, body: "nightly split done", shape: "stamp" },
  },
  {
    text: "13/13/26 02:10:00 not a date",
    expect: { format: "cmdlog", body: "not a date", shape: "plain" },
  },
  {
    text: "COMMAND ERROR : EUserId for HORC[2] : root (0) 02/09/2014 09:14:37",
    expect: { format: "cmdlog", year: 2014, month: 2, day: 9, hour: 9, minute: 14, second: 37, body: "COMMAND ERROR : EUserId for HORC[2] : root (0)", shape: "banner" },
  },
];
%}

@lexer lexer

line -> %prompt %text:?                           {% ([prompt, text]) => ({ ...plain(text), host: promptHost(prompt), ...promptDirectory(prompt) }) %}
      | %mailFrom                                 {% ([token]) => ({ ...plain(null), host: /@([A-Za-z0-9-]+)/.exec(token.text)![1] }) %}
      | %mailDate                                 {% ([token]) => { const time = fromMailDate(token); return time ? { format: "cmdlog", ...time, body: "", shape: "banner" } : plain(token); } %}
      | %commandError                             {% ([token]) => { const { time, body } = fromCommandError(token); return { format: "cmdlog", ...time, body, shape: "banner" }; } %}
      | %lead:?                                   {% () => plain(null) %}
      | %lead:? %text                             {% ([, text]) => plain(text) %}
      | %lead:? %dateOutput %separator:? %text:?  {% ([lead, stamp, , text]) => stamped(fromDateOutput(stamp), text, lead) %}
      | %lead:? %isoTime %separator:? %text:?     {% ([lead, stamp, , text]) => stamped(fromIsoTime(stamp), text, lead) %}
      | %lead:? %dmyTime %separator:? %text:?     {% ([lead, stamp, , text]) => { const time = fromDmyTime(stamp); return time ? stamped(time, text, lead) : plain(text); } %}
      | %lead:? %mdyShortTime %separator:? %text:?  {% ([lead, stamp, , text]) => { const time = fromMdyShortTime(stamp); return time ? stamped(time, text, lead) : plain(text); } %}
      | %lead:? %label %dateOutput %separator:? %text:?  {% (tokens) => labelled(fromDateOutput(tokens[2]), tokens) %}
      | %lead:? %label %isoTime %separator:? %text:?     {% (tokens) => labelled(fromIsoTime(tokens[2]), tokens) %}
      | %lead:? %label %dmyTime %separator:? %text:?     {% (tokens) => labelled(fromDmyTime(tokens[2]), tokens) %}
