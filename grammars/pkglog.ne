# Package log line header: the legacy control script's log (/etc/cmcluster/<pkg>/<pkg>.cntl.log)
# and the modular scripts' log ($SGRUN/log/<pkg>.log). Shapes (reference.md §2.3, §2.4):
#   banner        <TAB>########### Node "n": Starting package at Mon Nov 24 10:00:00 EST 2014 ###########
#                 ###### Node "n": Package start failed at ... ######   (6 '#', no TAB)
#   step          Nov 24 10:00:01 - Node "n": Activating volume group vg01 with exclusive option.
#                 Nov 24 10:00:01 - "n": ...        (template quirk: no 'Node')
#                 <TAB>Nov 24 11:00:03 - vgchange -a n vg01 failed, trying again.   (no host)
#   error/warning <TAB>ERROR:  Function activate_volume_group / <TAB>ERROR:  Failed to activate vg01
#                 <TAB>WARNING:  ... / <TAB>Function halt_services (test_return case 9)
#   continuation  any other indented line (LV names under "Checking filesystems:", service commands)
#   modular       Nov 24 10:00:00 root@nodeA1 master_control_script.sh[12345]: text
#   blank         an empty or blank line (banners are written after a newline)
# Unindented text of another shape is not a package-log header: the grammar does not parse it
# and the caller keeps the line as plain text.

@preprocessor typescript

@{%
import moo from "moo";
import { ENGLISH_MONTHS, LOCAL_DATE_OUTPUT, LOCAL_MONTH, monthNumber, readLocalDate } from "../../model/calendar.js";

const MONTHS = ENGLISH_MONTHS;
const MONTH = MONTHS.join("|");
// A step's month as the control script's `date` prints it in the node's locale too ("févr. 10 14:03:32", " 3月  7 13:02:06":
// src/model/calendar.ts; round 63 #02, #05, #16).
const STAMP = `(?:${MONTH}|${LOCAL_MONTH})[ \\t]+\\d{1,2}[ \\t]+\\d\\d:\\d\\d:\\d\\d`;
// " at <date output>": optional weekday and zone, then the year; or `date` in the node's locale ("at dim  4 jan 2026
// 06:12:02 MET").
const DATE = `at[ \\t]+(?:(?:[A-Z][a-z]{2}[ \\t]+)?(?:${MONTH})[ \\t]+\\d{1,2}[ \\t]+\\d\\d:\\d\\d:\\d\\d(?:[ \\t]+[A-Za-z][A-Za-z0-9+:-]*)?[ \\t]+\\d{4}|${LOCAL_DATE_OUTPUT})`;

const lexer = moo.states({
  main: {
    indent: /[ \t]+/,
    hashes: { match: /#{6,}/, next: "banner" },
    stamp: { match: new RegExp(`${STAMP}(?=[ \\t])`), next: "afterStamp" },
    error: { match: /(?:ERROR:|Function(?=[ \t]))[ \t]*/, next: "text" },
    warning: { match: /WARNING:[ \t]*/, next: "text" },
    text: { match: /[^]+/, lineBreaks: true },
  },
  banner: {
    blank: /[ \t]+/,
    node: /Node[ \t]+"[^"]*":/,
    date: new RegExp(`${DATE}(?=[ \\t]*(?:#|(?![^])))`),
    hashes: /#+/,
    word: /[^\s#]+/,
  },
  afterStamp: {
    blank: /[ \t]+/,
    dash: { match: /-(?=[ \t]|(?![^]))/, next: "step" },
    // A service of the package writing into its log with a stamp and its own tag but no host
    // ("Jun 13 14:00:00 dgmon[8812]: dg_sapdb state change ...", round 32 #05): the tag is not a host.
    hostlessTag: { match: /[^\s\[\]:@]+(?:\[\d+\])?:(?=[ \t]|(?![^]))/, next: "text" },
    host: { match: /\S+/, next: "modular" },
  },
  step: {
    blank: /[ \t]+/,
    node: { match: /(?:Node[ \t]+)?"[^"\s]*":/, next: "text" },
    text: { match: /[^]+/, lineBreaks: true },
  },
  modular: {
    blank: /[ \t]+/,
    tag: { match: /[^\s\[\]:]+(?:\[\d+\])?:(?=[ \t]|(?![^]))/, next: "text" },
  },
  text: {
    blank: /[ \t]+/,
    text: { match: /[^]+/, lineBreaks: true },
  },
});

type Shape = "banner" | "step" | "error" | "warning" | "continuation" | "modular" | "plain";

export interface PackageLogHeader {
  format: "pkglog";
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  host?: string;
  program?: string;
  pid?: number;
  body: string;
  shape: Shape;
  /**
  The zone a banner's date names ("Starting package at Tue Jun 10 12:57:55 UTC 2025": TZ=UTC exported in the control
  script): the step lines after it are written in that zone too, whatever zone the node's syslog uses.
  */
  zoneName?: string;
}

interface Token { text: string }

const STAMP_PARTS = new RegExp(`^(${MONTH}|${LOCAL_MONTH})[ \\t]+(\\d{1,2})[ \\t]+(\\d\\d):(\\d\\d):(\\d\\d)`);
/** An English month's number, else a localized one's (src/model/calendar.ts). */
const monthOf = (name: string): number => MONTHS.indexOf(name) + 1 || (monthNumber(name) ?? 0);
const DATE_PARTS = new RegExp(`(${MONTH})[ \\t]+(\\d{1,2})[ \\t]+(\\d\\d):(\\d\\d):(\\d\\d)(?:[ \\t]+([A-Za-z][A-Za-z0-9+:-]*))?[ \\t]+(\\d{4})$`);

function withStamp(header: PackageLogHeader, stamp: string): PackageLogHeader {
  const parts = STAMP_PARTS.exec(stamp);
  if (!parts) return header;
  header.month = monthOf(parts[1]);
  header.day = Number(parts[2]);
  header.hour = Number(parts[3]);
  header.minute = Number(parts[4]);
  header.second = Number(parts[5]);
  return header;
}

/** `Node "n":` or `"n":` to the host name. */
function nodeName(token: Token | null | undefined): string | undefined {
  if (!token) return undefined;
  const match = /"([^"]*)"/.exec(token.text);
  return match && match[1].length > 0 ? match[1] : undefined;
}

function banner(node: Token | null, words: Token[], date: Token | null): PackageLogHeader {
  const phrase = words.map((word) => word.text).join(" ");
  const header: PackageLogHeader = { format: "pkglog", body: date ? `${phrase} ${date.text.replace(/[ \t]+/g, " ")}` : phrase, shape: "banner" };
  const host = nodeName(node);
  if (host !== undefined) header.host = host;
  if (date) {
    const parts = DATE_PARTS.exec(date.text);
    const local = parts ? null : readLocalDate(date.text.replace(/^at[ \t]+/, ""));
    if (local !== null) {
      Object.assign(header, { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second });
      if (local.zoneName !== undefined) header.zoneName = local.zoneName;
    } else if (parts) {
      header.year = Number(parts[7]);
      if (parts[6] !== undefined) header.zoneName = parts[6];
      header.month = MONTHS.indexOf(parts[1]) + 1;
      header.day = Number(parts[2]);
      header.hour = Number(parts[3]);
      header.minute = Number(parts[4]);
      header.second = Number(parts[5]);
    }
  }
  return header;
}

function step(stamp: Token, node: Token | null, text: Token | null): PackageLogHeader {
  const header: PackageLogHeader = { format: "pkglog", body: text ? text.text : "", shape: "step" };
  withStamp(header, stamp.text);
  const host = nodeName(node);
  if (host !== undefined) header.host = host;
  return header;
}

function modular(stamp: Token, hostToken: Token | null, tag: Token, text: Token | null): PackageLogHeader {
  const header: PackageLogHeader = { format: "pkglog", body: text ? text.text : "", shape: "modular" };
  withStamp(header, stamp.text);
  if (hostToken !== null) {
    const at = hostToken.text.lastIndexOf("@");
    header.host = at >= 0 ? hostToken.text.slice(at + 1) : hostToken.text;
  }
  const name = tag.text.slice(0, -1);
  const bracket = name.indexOf("[");
  if (bracket >= 0) {
    header.program = name.slice(0, bracket);
    header.pid = Number(name.slice(bracket + 1, -1));
  } else {
    header.program = name;
  }
  return header;
}

function tagged(shape: Shape, tag: Token, text: Token | null): PackageLogHeader {
  return { format: "pkglog", body: tag.text + (text ? text.text : ""), shape };
}

// The step line, most of a package log ("Nov 24 10:00:01 - Node \"n\": text"), read by a scanner over
// the characters: the lexer and parser above cost tens of microseconds a line. Everything it accepts, the
// grammar accepts with the same result (test/parse/pkglog-fast-path.test.ts checks this on generated
// lines); any other shape, and a node name with other than ASCII in it, is left to the grammar.
const TAB = 9;
const SPACE = 32;
const QUOTE = 34;
const MONTH_BY_NAME = new Map(MONTHS.map((name, index) => [name, index + 1]));
const LOCAL_MONTH_AT = new RegExp(`(?:${LOCAL_MONTH})(?=[ \\t])`, "y");
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const twoDigits = (text: string, at: number): number => (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;

/** The first index at or after `at` that is not a space or a tab. */
function skipBlanks(text: string, at: number): number {
  let code = text.charCodeAt(at);
  while (code === SPACE || code === TAB) code = text.charCodeAt(++at);
  return at;
}

const isBlankAt = (text: string, at: number): boolean => text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB;

/** A step line's header, or undefined when the line needs the grammar. */
export function fastParse(line: string): PackageLogHeader | undefined {
  const monthAt = skipBlanks(line, 0);
  let month = MONTH_BY_NAME.get(line.slice(monthAt, monthAt + 3));
  let monthEnd = monthAt + 3;
  if (month === undefined || !isBlankAt(line, monthEnd)) {
    // A month in the node's locale (STAMP's LOCAL_MONTH): "févr. 10", "3月  7".
    LOCAL_MONTH_AT.lastIndex = monthAt;
    const local = line.charCodeAt(monthAt) > 32 ? LOCAL_MONTH_AT.exec(line) : null;
    month = local === null ? undefined : monthNumber(local[0]);
    if (local === null || month === undefined) return undefined;
    monthEnd = monthAt + local[0].length;
  }
  const dayAt = skipBlanks(line, monthEnd);
  let dayEnd = dayAt;
  while (isDigit(line.charCodeAt(dayEnd))) dayEnd++;
  if (dayEnd === dayAt || dayEnd > dayAt + 2 || !isBlankAt(line, dayEnd)) return undefined;
  const timeAt = skipBlanks(line, dayEnd);
  for (let at = timeAt; at < timeAt + 8; at++) {
    const code = line.charCodeAt(at);
    if ((at - timeAt) % 3 === 2 ? code !== 58 /* : */ : !isDigit(code)) return undefined;
  }
  if (!isBlankAt(line, timeAt + 8)) return undefined;
  const dashAt = skipBlanks(line, timeAt + 8);
  if (line.charCodeAt(dashAt) !== 45 /* - */ || !(dashAt + 1 === line.length || isBlankAt(line, dashAt + 1))) return undefined;
  const header: PackageLogHeader = { format: "pkglog", body: "", shape: "step" };
  header.month = month;
  header.day = dayEnd - dayAt === 1 ? line.charCodeAt(dayAt) - 48 : twoDigits(line, dayAt);
  header.hour = twoDigits(line, timeAt);
  header.minute = twoDigits(line, timeAt + 3);
  header.second = twoDigits(line, timeAt + 6);
  const tailAt = skipBlanks(line, dashAt + 1);
  // `Node "n":` or `"n":`, as the step state's node token reads it; else the rest is the text.
  let quoteAt = tailAt;
  if (line.startsWith("Node", tailAt) && isBlankAt(line, tailAt + 4) && line.charCodeAt(skipBlanks(line, tailAt + 4)) === QUOTE) quoteAt = skipBlanks(line, tailAt + 4);
  if (line.charCodeAt(quoteAt) !== QUOTE) {
    header.body = line.slice(tailAt);
    return header;
  }
  let nameEnd = quoteAt + 1;
  let code = line.charCodeAt(nameEnd);
  // The name is `[^"\s]*`: at a blank or the end the node token cannot match; past ASCII, `\s` is left to the regex.
  while (code !== QUOTE && !(Number.isNaN(code) || code === SPACE || (code >= 9 && code <= 13))) {
    if (code >= 127) return undefined;
    code = line.charCodeAt(++nameEnd);
  }
  if (code !== QUOTE || line.charCodeAt(nameEnd + 1) !== 58 /* : */) {
    header.body = line.slice(tailAt);
    return header;
  }
  header.body = line.slice(skipBlanks(line, nameEnd + 2));
  if (nameEnd > quoteAt + 1) header.host = line.slice(quoteAt + 1, nameEnd);
  return header;
}

export const meta = {
  name: "pkglog",
  role: "header",
  formats: ["pkglog"],
  description: "Serviceguard package log lines: banners, step lines, ERROR/WARNING pairs, continuation lines, modular script lines",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  // The node's locale (src/model/calendar.ts; round 63): banners and steps with its month names.
  {
    text: "\t########### Node \"bla-pc01\": Starting package at dim  4 jan 2026 06:12:02 MET ###########",
    expect: { format: "pkglog", year: 2026, month: 1, day: 4, hour: 6, minute: 12, second: 2, host: "bla-pc01", body: "Starting package at dim 4 jan 2026 06:12:02 MET", shape: "banner", zoneName: "MET" },
  },
  {
    text: "jan  4 06:12:04 - Node \"bla-pc01\": Device group dg_pieces: local PVOL_PAIR, remote SVOL_PAIR - start allowed.",
    expect: { format: "pkglog", month: 1, day: 4, hour: 6, minute: 12, second: 4, host: "bla-pc01", body: "Device group dg_pieces: local PVOL_PAIR, remote SVOL_PAIR - start allowed.", shape: "step" },
  },
  {
    text: "févr. 10 14:03:32 root@lyv-n1 master_control_script.sh[28411]: ###### Starting package pkg-compta ######",
    expect: { format: "pkglog", month: 2, day: 10, hour: 14, minute: 3, second: 32, host: "lyv-n1", program: "master_control_script.sh", pid: 28411, body: "###### Starting package pkg-compta ######", shape: "modular" },
  },
  {
    text: " 3月  7 13:02:06 root@tyt-ss01 master_control_script.sh[22011]: ###### Starting package pkg_seisan ######",
    expect: { format: "pkglog", month: 3, day: 7, hour: 13, minute: 2, second: 6, host: "tyt-ss01", program: "master_control_script.sh", pid: 22011, body: "###### Starting package pkg_seisan ######", shape: "modular" },
  },
  {
    text: "\t########### Node \"nodeA1\": Starting package at Mon Nov 24 10:00:00 EST 2014 ###########",
    expect: { format: "pkglog", year: 2014, month: 11, day: 24, hour: 10, minute: 0, second: 0, host: "nodeA1", body: "Starting package at Mon Nov 24 10:00:00 EST 2014", shape: "banner", zoneName: "EST" },
  },
  {
    text: "\t########### Node \"nodeA1\": Package halt completed at Mon Nov  3 11:00:05 EST 2014 ###########",
    expect: { format: "pkglog", year: 2014, month: 11, day: 3, hour: 11, minute: 0, second: 5, host: "nodeA1", body: "Package halt completed at Mon Nov 3 11:00:05 EST 2014", shape: "banner", zoneName: "EST" },
  },
  {
    text: "###### Node \"nodeA1\": Package start failed at Mon Nov 24 10:00:09 EST 2014 ######",
    expect: { format: "pkglog", year: 2014, month: 11, day: 24, hour: 10, minute: 0, second: 9, host: "nodeA1", body: "Package start failed at Mon Nov 24 10:00:09 EST 2014", shape: "banner", zoneName: "EST" },
  },
  {
    text: "###### Starting package pkg1 ######",
    expect: { format: "pkglog", body: "Starting package pkg1", shape: "banner" },
  },
  {
    text: "Nov 24 10:00:01 - Node \"nodeA1\": Activating volume group vg01 with exclusive option.",
    expect: { format: "pkglog", month: 11, day: 24, hour: 10, minute: 0, second: 1, host: "nodeA1", body: "Activating volume group vg01 with exclusive option.", shape: "step" },
  },
  {
    text: "Nov  4 10:00:01 - \"nodeA1\": Activating volume group vg01 with non-exclusive option.",
    expect: { format: "pkglog", month: 11, day: 4, hour: 10, minute: 0, second: 1, host: "nodeA1", body: "Activating volume group vg01 with non-exclusive option.", shape: "step" },
  },
  {
    text: "\tNov 24 11:00:03 - vgchange -a n vg01 failed, trying again.",
    expect: { format: "pkglog", month: 11, day: 24, hour: 11, minute: 0, second: 3, body: "vgchange -a n vg01 failed, trying again.", shape: "step" },
  },
  {
    text: "\tERROR:  Function activate_volume_group",
    expect: { format: "pkglog", body: "ERROR:  Function activate_volume_group", shape: "error" },
  },
  {
    text: "\tERROR:  Failed to activate vg01",
    expect: { format: "pkglog", body: "ERROR:  Failed to activate vg01", shape: "error" },
  },
  {
    text: "\tFunction halt_services",
    expect: { format: "pkglog", body: "Function halt_services", shape: "error" },
  },
  {
    text: "\tWARNING:   Running fuser to remove anyone using the file system directly.",
    expect: { format: "pkglog", body: "WARNING:   Running fuser to remove anyone using the file system directly.", shape: "warning" },
  },
  {
    text: "   /dev/vg01/lvol1",
    expect: { format: "pkglog", body: "/dev/vg01/lvol1", shape: "continuation" },
  },
  {
    text: "   \"/etc/cmcluster/pkg_eq/mon_pkg_eq.sh monitor\"",
    expect: { format: "pkglog", body: "\"/etc/cmcluster/pkg_eq/mon_pkg_eq.sh monitor\"", shape: "continuation" },
  },
  {
    text: "Jun 13 14:00:00 dgmon[8812]: dg_sapdb: local PVOL_PSUE, remote SVOL_PSUE (unchanged)",
    expect: { format: "pkglog", month: 6, day: 13, hour: 14, minute: 0, second: 0, program: "dgmon", pid: 8812, body: "dg_sapdb: local PVOL_PSUE, remote SVOL_PSUE (unchanged)", shape: "modular" },
  },
  {
    text: "Nov 24 10:00:00 root@nodeA1 master_control_script.sh[12345]: ###### Starting package pkg1 ######",
    expect: { format: "pkglog", month: 11, day: 24, hour: 10, minute: 0, second: 0, host: "nodeA1", program: "master_control_script.sh", pid: 12345, body: "###### Starting package pkg1 ######", shape: "modular" },
  },
  {
    text: "",
    expect: { format: "pkglog", body: "", shape: "plain" },
  },
];
%}

@lexer lexer

line -> %indent:?                        {% () => ({ format: "pkglog", body: "", shape: "plain" }) %}
      | %indent:? bannerLine             {% ([, header]) => header %}
      | %indent:? stepLine               {% ([, header]) => header %}
      | %indent:? modularLine            {% ([, header]) => header %}
      | %indent:? %error %text:?         {% ([, tag, text]) => tagged("error", tag, text) %}
      | %indent:? %warning %text:?       {% ([, tag, text]) => tagged("warning", tag, text) %}
      | %indent %text                    {% ([, text]) => ({ format: "pkglog", body: text.text, shape: "continuation" }) %}

bannerLine -> %hashes %blank:? bannerNode:? words bannerDate:? bannerEnd
  {% ([, , node, words, date]) => banner(node, words, date) %}

bannerEnd -> null | %blank | %blank:? %hashes %blank:?

bannerNode -> %node %blank {% ([node]) => node %}
bannerDate -> %blank %date {% ([, date]) => date %}

words -> %word                 {% ([word]) => [word] %}
       | words %blank %word    {% ([words, , word]) => [...words, word] %}

stepLine -> %stamp %blank %dash stepTail {% ([stamp, , , tail]) => step(stamp, tail[0], tail[1]) %}

stepTail -> %blank:?                          {% () => [null, null] %}
          | %blank:? %text                    {% ([, text]) => [null, text] %}
          | %blank:? %node textTail           {% ([, node, text]) => [node, text] %}

textTail -> %blank:?          {% () => null %}
          | %blank:? %text    {% ([, text]) => text %}

modularLine -> %stamp %blank %host %blank %tag textTail {% ([stamp, , host, , tag, text]) => modular(stamp, host, tag, text) %}
             | %stamp %blank %hostlessTag textTail     {% ([stamp, , tag, text]) => modular(stamp, null, tag, text) %}
