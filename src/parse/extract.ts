/**
A log line as it reaches support inside an extract rather than in its own file: behind a mail reply's quote marks
("> ", ">> "), a paste's indent, grep's prefixes (GNU grep(1): "FILE:" before a matching line and "FILE-" before a
context line when it searched several files or was given -H, "NUM:" / "NUM-" with -n, "--" between context groups,
which stays a line of text), or a parallel shell's "host: " (pdsh, clush, dsh). The file parser tries what follows the
prefix as a syslog or package-log line only when the whole line is neither: the prefix is framing then, never text.
*/

import { ENGLISH_MONTHS, LOCAL_MONTH } from "../model/calendar.js";
import type { FileKind } from "../model/events.js";
import { packageHintOf } from "../model/file-names.js";

export interface ExtractedLine {
  /** The line without its prefix: a syslog or package-log line when a header grammar reads it. */
  readonly text: string;
  /** The file grep named before the line ("/var/adm/syslog/syslog.log", "pkgA.log"), or null. */
  readonly path: string | null;
}

// Where a log line starts: a BSD stamp (a package log's steps too, weekday optional), in English or the node's locale,
// an ISO 8601 / RFC 5424 one, or a legacy package log's banner ("#### Node "n": Starting package at <date> ####").
// Only looked for near the start: a prefix is one token.
const STAMP_START = new RegExp(
  `(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +)?(?:${ENGLISH_MONTHS.join("|")}|${LOCAL_MONTH}) +\\d{1,2} \\d\\d:\\d\\d:\\d\\d|(?:<\\d{1,3}>\\d{1,3} )?\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d|#{5,}[ \\t]+Node "`,
  "g",
);
// What may stand before the stamp: quote marks and blanks, then at most one token ending with ':' or '-' (grep's file,
// a host) and a line number ending with ':' or '-'. A word and a blank before a stamp is prose, not a prefix.
const PREFIX = /^(?:[ \t]*>)*[ \t]*(?:(\S*?)[:-])??(?:(\d+)[:-])?[ \t]*$/;
const PREFIX_SEARCH_CHARS = 1024;

const STAMP_ANYWHERE = new RegExp(STAMP_START.source);

/** Whether a log line's stamp may stand near the start of `line` (at its start or behind a prefix): a cheap test first. */
export function mayHoldLogLine(line: string): boolean {
  return STAMP_ANYWHERE.test(line.length > PREFIX_SEARCH_CHARS ? line.slice(0, PREFIX_SEARCH_CHARS) : line);
}

/** The line behind its extract prefix, or null when it has none a stamp follows. */
export function extractedLine(line: string): ExtractedLine | null {
  const head = line.length > PREFIX_SEARCH_CHARS ? line.slice(0, PREFIX_SEARCH_CHARS) : line;
  STAMP_START.lastIndex = 1;
  for (let match = STAMP_START.exec(head); match !== null; match = STAMP_START.exec(head)) {
    const prefix = PREFIX.exec(head.slice(0, match.index));
    if (prefix !== null) {
      const named = prefix[1];
      return { text: line.slice(match.index), path: named !== undefined && named.length > 0 && !/^\d+$/.test(named) ? named : null };
    }
    STAMP_START.lastIndex = match.index + 1;
  }
  return null;
}

// grep's prefix with a line number ("141-", "pkgA.log:78:", "> 141-"), the same framing PREFIX reads, before a line with
// no stamp of its own: a package log's banner or ERROR/WARNING line, read behind it as a stamped line is.
const NUMBERED_PREFIX = /^(?:[ \t]*>)*[ \t]*(?:(\S*?)[:-])??\d+[:-]/;

/**
The line behind grep's numbered prefix ("141-<TAB>ERROR:  Function umount_fs"), or null when it has none. Only a line
number makes a prefix here: without a stamp after it, a file name alone or a quote mark may as well start prose.
*/
export function numberedLine(line: string): ExtractedLine | null {
  const prefix = NUMBERED_PREFIX.exec(line.length > PREFIX_SEARCH_CHARS ? line.slice(0, PREFIX_SEARCH_CHARS) : line);
  if (prefix === null) return null;
  const named = prefix[1];
  return { text: line.slice(prefix[0].length), path: named !== undefined && named.length > 0 && !/^\d+$/.test(named) ? named : null };
}

/**
A syslog by its file's name: HP-UX syslog.log, OLDsyslog.log and syslog.log.N; Debian's syslog; Linux /var/log/messages,
rotated by logrotate as messages.N or, with `dateext` (Red Hat, SUSE), messages-YYYYMMDD; any of them gzipped. A rotated
or partly copied log keeps its kind: messages.old, messages.partial (a .bak or .copy is a duplicate). Discovery
(src/ingest/discover.ts) and a file grep named both go by it.
*/
export const SYSLOG_NAME = /^(?:(?:OLD)?syslog\.log(?:\.\d+)?|syslog(?:\.\d+|-\d{8})?|messages(?:\.\d+|-\d{8})?)(?:\.(?:old|partial|part))?(?:\.gz)?$/;
const PACKAGE_LOG_FILE = /^(.+?)(?:\.cntl)?\.log(?:\.\d+)?(?:\.gz)?$/;
const CONTROL_SCRIPT_LOG = /\.cntl\.log(?:\.\d+)?(?:\.gz)?$/;

export interface ExtractSource {
  readonly kind: FileKind;
  readonly packageName: string | null;
}

/**
What the file grep named says of its line: a syslog's (syslog.log, messages), or a package log's and which package
(`.../cmcluster/<pkg>/<file>.log`, a control script's `<pkg>.cntl.log` anywhere). Null when it says nothing
(a host's name from pdsh, an unknown file).
*/
export function extractSource(path: string): ExtractSource | null {
  const segments = path.split(/[\\/]/).filter((segment) => segment.length > 0);
  const name = segments[segments.length - 1] ?? "";
  if (SYSLOG_NAME.test(name)) return { kind: "syslog", packageName: null };
  const logOf = PACKAGE_LOG_FILE.exec(name)?.[1];
  const tree = segments.lastIndexOf("cmcluster");
  // Any other `.log` grep named (an application's, a site script's) says nothing of its lines.
  if (logOf === undefined || (tree < 0 && !CONTROL_SCRIPT_LOG.test(name))) return null;
  return { kind: "pkglog", packageName: packageHintOf(segments) ?? logOf };
}

// Commands whose output is a file's own lines (grep's matching lines, a tail, a pager): those lines are that file's.
const FILE_READERS = new Set(["grep", "egrep", "fgrep", "zgrep", "zegrep", "tail", "head", "cat", "zcat", "more", "less"]);
const GREP_FAMILY = new Set(["grep", "egrep", "fgrep", "zgrep", "zegrep"]);
// Options that take the next word as their argument (grep -A 30, tail -n 80), so it is no file.
const OPTIONS_WITH_ARGUMENT: Readonly<Record<string, ReadonlySet<string>>> = {
  grep: new Set(["-e", "-f", "-m", "-A", "-B", "-C", "-d", "-D", "--regexp", "--file", "--max-count", "--after-context", "--before-context", "--context"]),
  tail: new Set(["-n", "-c", "--lines", "--bytes"]),
  head: new Set(["-n", "-c", "--lines", "--bytes"]),
};

/**
What the file a typed command reads says of the lines printed under it, as `extractSource` says of grep's prefixes: a
prompt's `grep -n -A 30 'Halting package' pkgdw.cntl.log | tail -80` in /etc/cmcluster/pkgdw prints pkgdw's package-log
lines behind bare line numbers (round 69 #08). Only the first command of a pipeline reads a file, and only when it names
one file (no pattern of names): grep's pattern is no file, nor an option's argument. Null when the command reads none.
*/
export function fileReadBy(command: string, directory: string | null): ExtractSource | null {
  // Words up to the first unquoted pipe or list separator (a pattern 'PSUE|SSWS' is one word).
  const words: string[] = [];
  for (const [word] of command.matchAll(/'[^']*'|"[^"]*"|\|\||&&|[|;&]|(?:[^\s|;&'"]|'[^']*'|"[^"]*")+/g)) {
    if (/^(?:\|\||&&|[|;&])$/.test(word)) break;
    if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) continue;
    words.push(word);
  }
  while (words.length > 0 && /^(?:sudo|nohup|time|command|exec)$/.test(words[0]!)) words.shift();
  const program = (words.shift() ?? "").replace(/^.*\//, "");
  if (!FILE_READERS.has(program)) return null;
  const withArgument = OPTIONS_WITH_ARGUMENT[GREP_FAMILY.has(program) ? "grep" : program] ?? new Set<string>();
  const operands: string[] = [];
  let patternGiven = false;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (word === "--") {
      operands.push(...words.slice(index + 1));
      break;
    }
    if (/^[-+]./.test(word)) {
      const name = word.split("=")[0]!;
      // A cluster of letters takes its last letter's argument next (-ie PATTERN, -nA 30); -A30 carries its own.
      const last = /^-[A-Za-z]+$/.test(name) ? `-${name.slice(-1)}` : name;
      if (GREP_FAMILY.has(program) && ["-e", "-f", "--regexp", "--file"].includes(last)) patternGiven = true;
      if (withArgument.has(last) && !word.includes("=")) index++;
      continue;
    }
    operands.push(word.replace(/^(['"])(.*)\1$/, "$2"));
  }
  const files = GREP_FAMILY.has(program) && !patternGiven ? operands.slice(1) : operands;
  if (files.length !== 1 || /[*?[\]{}]/.test(files[0]!)) return null;
  const file = files[0]!;
  const path = file.startsWith("/") || directory === null || !directory.startsWith("/") ? file : `${directory.replace(/\/+$/, "")}/${file}`;
  return extractSource(path);
}
