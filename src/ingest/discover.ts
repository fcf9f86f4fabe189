import { decompressCommand, missingDecompressor } from "./compression.js";
import { textOf } from "./legacy-text.js";
import { nodesOfBundles, sitesOfOneIncident } from "./sites.js";
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { PAIR_STATES, pairStateClass } from "../catalogue/vocabulary.js";
import { InputError } from "../errors.js";
import { ENGLISH_MONTHS, LOCAL_MONTH, LOCAL_WEEKDAY } from "../model/calendar.js";
import type { FileKind } from "../model/events.js";
import { compressionOf, CONTROL_SCRIPT_LOG_NAME, packageHintOf, withoutCompressionSuffix } from "../model/file-names.js";
import { nameNamesNode } from "../model/node-names.js";
import { timeInPath } from "../model/time.js";
import { recordAsJson, tableHeader } from "../parse/export-table.js";
import { extractedLine, SYSLOG_NAME } from "../parse/extract.js";
import { parseHeader } from "../parse/header.js";
import { headIsJournalVerbose } from "../parse/journal-verbose.js";
import { replicationTerms } from "../parse/unread.js";
import { compareText } from "../util/compare.js";
import { errorInBrief } from "./source.js";

/** A log or configuration file found among the inputs, with what its place in the tree tells. */
export interface InputFile {
  readonly path: string;
  readonly kind: FileKind;
  readonly compressed: boolean;
  /** The node the file was copied from: the folder above `var/adm/...`, `var/log/...`, `etc/cmcluster/...`, `usr/local/cmcluster/...`. */
  readonly hostHint: string | null;
  /** The package's own folder under a `cmcluster` tree, or the log's base name in a `log` folder (`$SGRUN/log/<pkg>.log`). */
  readonly packageHint: string | null;
  /**
  The correlation scope: the folder holding the node folders of one incident. Events of one bundle
  are correlated together; two incidents analysed into one database never mix.
  */
  readonly bundle: string;
  /**
  Saved Raid Manager output whose only time is its name: that time (its lines are read at it). Two such files with the
  same content and different times are two readings, not one file copied: the time is part of the file's identity.
  */
  readonly namedTime?: number;
  /**
  Saved Raid Manager output with no time anywhere (no stamp in it, no day in its name or folder: discovery's undated
  output): its lines are read, and the events of those without a time are untimed facts (`untimed.pair.state`...), kept
  out of the timeline the rules replay, as a shell history without times gives (src/parse/file.ts).
  */
  readonly untimed?: true;
}

// A `journalctl -o short-iso` export saved as text: journal.txt, journalctl-nodeB1.log, nodeB1.journal.txt.
// Never the journal's own binary files (system.journal, user-1000.journal~), which end otherwise.
const JOURNAL_EXPORT_NAME = /(?:^journal|\.journal)[^/]*\.(?:txt|log)(?:\.gz)?$/i;
// Continentalclusters' event log (no extension): /var/opt/resmon/log/cc/eventlog, /var/adm/cmconcl/eventlog (2003).
const EVENT_LOG_NAME = /^eventlog(?:\.\d+|\.old)?$/;
const PACKAGE_LOG_NAME = /\.log(\.\d+)?(\.gz)?$/;
const CONFIG_NAME = /\.(config|conf|ascii|env)$/;
// A configuration saved with its date after the name (an audit job's `cmgetconf -p bookdb > bookdb.conf.20251212`,
// round 75 #20): read as the configuration when its head says it is a package's.
// A configuration attached to a ticket as text (cmgetconf's lgtpkg.conf sent as lgtpkg.conf.txt, round 78 #20): read the
// same way. Not a .bak, .old or .orig: those are the configuration before a change.
const DATED_CONFIG_NAME = /\.(config|conf|ascii)(?:[._-](?:\d{8}(?:[._-]?\d{4,6})?|\d{4}-\d{2}-\d{2})(?:\.txt)?|\.txt)$/i;
// A copy whose name says it is no current configuration (a proposal, the one before a change, a template).
const NOT_CURRENT_NAME = /(?:^|[._-])(?:old|orig|bak|backup|prev|previous|proposed|proposal|new|draft|before|test|sample|template|example)(?:[._-]|$)/i;

/**
A configuration saved beside the live one (dated, or attached as text): read after every other configuration file of
its bundle, so what a node's own file says wins where both say something (a setting's first value is kept), and the
copy fills in what no live file says (review: a proposal sorted before the node's folder hid a short run script
timeout).
*/
export function isSavedConfigCopy(name: string): boolean {
  // A configuration known by its content only (headIsPackageConfig: cmgetconf's output under any name) is such a copy too
  // (review: /root/oracle_pkg.cfg, an unapplied NO_TIMEOUT, sorted before usr/local/cmcluster/ and hid a short timeout).
  return DATED_CONFIG_NAME.test(name) || !CONFIG_NAME.test(name.toLowerCase());
}
// A package's ASCII file or a Metrocluster environment file outside a cmcluster folder: by a PACKAGE_NAME line or a
// DEVICE_GROUP setting in its head (a horcm.conf or another product's .conf has neither).
const PACKAGE_CONFIG_LINE = /^[ \t]*(?:PACKAGE_NAME[ \t]+\S|package_name[ \t]+\S|(?:export[ \t]+)?DEVICE_GROUP[ \t]*=)/m;
/** The first line that is no comment (a shell prompt's `cmgetconf` line is one) names a package: a package's configuration. */
function headIsPackageConfig(text: string): boolean {
  for (const line of text.split("\n", 200)) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    return /^(?:PACKAGE_NAME|package_name)[ \t]+[A-Za-z0-9_.-]+$/.test(trimmed);
  }
  return false;
}
// Raid Manager's command error log, /HORCM/log<N>/horcc_<host>.log (moved to .oldlog when full; CCI-HIT p.374).
// Its instance log, /HORCM/log<N>/curlog/horcm_<host>.log (tmplog/ keeps the previous run's): the startup banners and
// horcmgr's start and shutdown lines, read by the same grammar (grammars/cmdlog.ne).
const HORCC_LOG_NAME = /^horc[cm]_[^/]+\.(?:log|oldlog)(?:\.gz)?$/;
// A folder with a log's name (syslog.log, pkg.log): the syslog folder itself (var/adm/syslog) is not one.
const LOG_FOLDER_NAME = /\.log(\.\d+)?$/;
// Folders whose contents are never logs of the cluster.
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(["node_modules", ".git", ".mcadvisor"]);
// The file a shell keeps its history in, in its user's home (ksh's .sh_history, bash's .bash_history, zsh's).
const SHELL_HOME_HISTORY_FILE = /^\.(?:ba|k|z)?sh_history$/;
// Path markers below which the node's own filesystem starts in a copied tree. HP-UX: $SGCONF is
// /etc/cmcluster, $SGRUN /var/adm/cmcluster. Serviceguard for Linux: $SGCONF/$SGRUN are
// /usr/local/cmcluster/{conf,run} on Red Hat and /opt/cmcluster/{conf,run} on SUSE (cmcluster.conf).
// /var/log is a marker only when the file sits in it or one folder below (var/log/journal.txt,
// var/log/cluster/messages): an archive of bundles kept under /var/log is not a node's tree.
// A home folder (root's, or /home/<user>) holds an operator's shell history (.bash_history): it marks a node's tree only
// inside what was given to read (`insideInput`: logs/nodeB1/root/.bash_history), never the reader's own home.
const NODE_ROOT_MARKERS: readonly {
  readonly path: readonly string[];
  readonly maxFolders?: number;
  readonly insideInput?: boolean;
  /** Only for a file of this name (the marker is then the file itself, at the node's root). */
  readonly name?: RegExp;
  /** Not when the folder above it is this one (`tmp` under `var` is /var/tmp, a marker of its own). */
  readonly notUnder?: string;
  /** Only right under a node folder: not in a home or root folder's own tmp (root/tmp, home/oper/tmp), nor in opt/x/tmp. */
  readonly directlyInNode?: boolean;
}[] = [
  { path: ["var", "adm", "syslog"] },
  { path: ["etc", "cmcluster"] },
  { path: ["var", "adm", "cmcluster"] },
  { path: ["var", "opt", "resmon"] },
  { path: ["var", "opt", "cmconcl"] },
  { path: ["var", "adm", "cmconcl"] },
  { path: ["var", "log"], maxFolders: 1 },
  // HP-UX's /var/adm holds more than syslog and cmcluster: a site's own logs (var/adm/ops/pairwatch.log).
  { path: ["var", "adm"], maxFolders: 1 },
  // Where operators keep what they saved (pairdisplay pastes, collections, typescripts): /var/tmp, /var/opt/<site tool>,
  // /tmp. Their files are the node's, not the incident's at large (round 41 #12: a paste of "local S-VOL SSWS, remote
  // SMPL" from rtmpos2/var/tmp read as no node's).
  { path: ["var", "tmp"], maxFolders: 2, insideInput: true },
  { path: ["var", "opt"], maxFolders: 3, insideInput: true },
  { path: ["tmp"], maxFolders: 2, insideInput: true, notUnder: "var", directlyInNode: true },
  { path: ["usr", "local", "cmcluster"] },
  { path: ["opt", "cmcluster"] },
  // Raid Manager's logs: /HORCM/log<N>/horcc_<host>.log, /HORCM/log<N>/curlog/...
  { path: ["HORCM"], maxFolders: 2 },
  { path: ["root"], maxFolders: 2, insideInput: true },
  { path: ["home"], maxFolders: 3, insideInput: true },
  // HP-UX root's home is / : its .sh_history sits at the top of the node's tree (logs/nodeB1/.sh_history).
  { path: [], maxFolders: 0, insideInput: true, name: SHELL_HOME_HISTORY_FILE },
];
// A file no name above claims, outside a cluster folder, is syslog when its first line is a syslog line (ISO 8601:
// an rsyslog or `journalctl -o short-iso` export; BSD with a program tag), whatever its name (fra1.short-iso,
// nodeB1-syslog.txt). Never archives, binaries or databases, which are not text.
// Logs a node keeps beside syslog that never hold the cluster's messages (mail, cron, boot, audit, logins).
// Not the authentication log (Red Hat's /var/log/secure, Debian's auth.log, rotated and gzipped as syslog is): sudo
// logs there (authpriv) what an operator ran as root, a horctakeover or a pairresync by hand (round 28 #20).
const AUTH_LOG_NAME = /^(?:secure|auth\.log)(?:[.-]\d+)*(?:\.gz)?$/;
const OTHER_SYSTEM_LOG = /^(?:maillog|mail\.(?:log|err|info|warn)|cron|audit\.log|boot\.log|dmesg|lastlog|wtmp|btmp|faillog)(?:[.-]\d+)*$/;
// Archives, binaries and databases by name; compressed logs by compression.ts's own table of suffixes.
const NOT_TEXT = /\.(?:zip|tar|tgz|journal~?|core|so|o|a|bin|exe|png|jpe?g|gif|pdf|db|sqlite3?|db-wal|db-shm|wal|shm|pyc|class|jar)$/i;
const neverSniffed = (name: string): boolean => NOT_TEXT.test(name) || compressionOf(name) !== null || compressionOf(name.toLowerCase()) !== null;
const SNIFF_BYTES = 4096;
// A log compressed otherwise than with gzip (SUSE rotates to .xz, some sites to .bz2 or .zst) is read through its own
// program (compression.ts), classified by its name without the suffix. Where that program is missing, or the log is
// gzip'd and numbered after (syslog.log.gz.1), its lines cannot be read and it may hold the incident: it is said as
// unreadable and the bundle is never all clear (review 4: a rotated .xz syslog with the failure in it gave exit 0).
const NUMBERED_GZIP = /\.gz\.\d+$/;
// A cluster ASCII file (`cmgetconf -c`, `cmquerycl -C` output, named as the operator chose) outside a
// cmcluster folder is recognised by a CLUSTER_NAME line in its head; a .conf or .txt without one is not ours.
const CLUSTER_ASCII_CANDIDATE = /\.(?:ascii|conf|config|txt)$/i;
const CLUSTER_NAME_LINE = /^[ \t]*CLUSTER_NAME[ \t]+\S/m;
// A site's own log of Raid Manager command output (a cron job appending pairdisplay or raidvchkscan runs under
// a time stamp: /var/adm/ops/pairwatch.log): read when its head holds both (grammars/cmdlog.ne reads it).
// A shell's history copied beside the logs: root's .bash_history, .zsh_history, or saved as bash_history-nodeA1.txt,
// root_history.txt. Read when it keeps times (shellHistoryHead), or when its name is a shell's own (ksh's .sh_history,
// bash's .bash_history): a history without times says what ran, never when, and its commands are read as untimed facts
// (grammars/history.ne), out of the timeline.
const SHELL_HISTORY_NAME = /history/i;
// That file, or a copy named after it (bash_history-nodeA1.txt, root.sh_history).
const SHELL_OWN_HISTORY_NAME = /(?:^|[._-])(?:ba|k|z)?sh_history(?:$|[._-])|^\.history$/i;
// A script that saves or rotates histories (save_sh_history.sh) is not one.
const SCRIPT_NAME = /\.(?:sh|ksh|bash|zsh|csh|py|pl|rb)$/i;
// bash with HISTTIMEFORMAT ("#1707218538" before each command), zsh's extended history (": 1707218538:0;cmd"), or
// `history` printed with HISTTIMEFORMAT="%F %T " ("  512  2024-02-06 16:52:18 cmd").
const SHELL_HISTORY_STAMP = /^(?:#[ \t]*\d{10}[ \t]*\r?$|: ?\d{10}:\d+;|[ \t]*\d+\*?[ \t]+\d{4}-\d\d-\d\d[ \t]\d\d:\d\d:\d\d[ \t])/m;
// script(1)'s typescript too (its default name, or CHG0041877_failback.typescript: round 52 #04).
// A mailbox or a saved mail (.mbox, .eml, mbox) of a cron job's hourly pairdisplay: each mail dated by its Date header.
const COMMAND_LOG_CANDIDATE = /\.(?:log|txt|out|typescript|mbox|eml)(?:\.\d+)?$|^(?:typescript|mbox)$/i;
// A cron job's copies named after the command with the time they were taken (cmviewcl.202603090700,
// pairdisplay.wmsdg.202603090700): with no stamp inside, their name dates them (round 64 #01). Stamped output under any
// name, a mailbox in the mail spool among them, is read further down (a dated head decides).
const TIME_SUFFIXED_OUTPUT = /^[A-Za-z][\w.-]*\.\d{4,14}$/;
const isCommandLogCandidate = (name: string): boolean => COMMAND_LOG_CANDIDATE.test(name) || TIME_SUFFIXED_OUTPUT.test(name);
// Raid Manager output, or a script's own lines running its pair commands on a group ("pairsplit -g core_bc0 -IM20 rc=0",
// round 33 #07: a Business Copy snapshot script's log held the nightly resyncs and was not read).
// Continentalclusters' recovery command typed at a prompt and saved with script(1) or tee ("phxdr01# /usr/sbin/cmrecovercl",
// then "Processing the recovery group rg_edi ..."): its lines say which groups it recovered or skipped (round 54 #07).
// Serviceguard's package table (`cmviewcl`, grammars/cmviewcl.ne): where a package ran when it was saved (round 63 #18: the
// only proof that the package still ran at the site that kept the quorum, while the other site forced it up).
// A session where a Raid Manager instance is restarted or its horcm<N>.conf edited at a prompt ("fra2db02:/root # vi
// /etc/horcm20.conf", "# horcmshutdown.sh 20"): what was typed is the evidence of a change (round 72 #02).
const SAVED_OUTPUT =
  /^[^\n#$>%]*[#$>%][ \t]*(?:sudo[ \t]+)?(?:(?:\S*\/)?horcm(?:start|shutdown)\.sh\b|(?:vi|vim|view|ed|nano|emacs|cp|mv|sed[ \t]+-i\S*)[ \t][^\n]*\bhorcm\d+\.conf\b)|^[ \t]*PACKAGE[ \t]+STATUS[ \t]+STATE[ \t]+(?:AUTO_RUN|PKG_SWITCH)[ \t]+NODE\b|^[ \t]*Group[ \t]+PairVol|^[ \t]*JID[ \t]+MU[ \t]+CTG|Volstat is [PS]-VOL|Volstat is SMPL|\[EX_[A-Z]+\]|\b(?:pairsplit|pairresync|paircreate|pairevtwait|horctakeover)[ \t]+(?:-[A-Za-z]+[ \t]+)*-g[ \t]+\S|^\S*[#$>%][ \t]*(?:\/\S*\/)?cmrecovercl\b|^Processing the recovery group[ \t]+\S/m;
// A pairdisplay row with no header above it (a watch loop's `pairdisplay ... | grep card_`, round 79 #08: three hours of a
// swap resync copying, not read): a group, a volume with its side, the port tuple, the serial, LDEV and role.
const PAIRDISPLAY_ROW = /^[ \t]*\S+[ \t]+[^\s(),]+\([LR]\)[ \t]+\([^)\n]*\)[ \t]*\d+[ \t]+[0-9A-Fa-f:]+\.(?:[PS]-VOL|SMPL)\b/;
/**
Such rows from the file's first line on, or under a stamp there (the loop's `date`): its own output. Not rows quoted
further down a mail or a ticket ("how the pairs looked on Monday"): read at the mail's date, they closed a suspension
(review).
*/
function rowsFromTheStart(text: string): boolean {
  const first = text.split("\n").find((line) => line.trim() !== "");
  if (first === undefined) return false;
  const line = first.replace(/\r$/, "");
  return PAIRDISPLAY_ROW.test(line) || (headHasStamp(line) && text.split("\n").some((row) => PAIRDISPLAY_ROW.test(row)));
}
/**
Whether the head (its first few KiB) holds a line the command-output grammar (grammars/cmdlog.ne) reads as a dated stamp or banner: the
shapes that say when the output under them was saved are stated there once ("==== <date> pairwatch", "Script started
on <date>", "[2023-02-06 01:00:33] pairsplit ..."), never "Last login: <date>".
*/
function headHasStamp(text: string): boolean {
  return text.split("\n").some((line) => {
    const header = parseHeader(line.replace(/\r$/, ""), "cmdlog");
    return header !== undefined && header.year !== undefined && (header.shape === "banner" || header.shape === "stamp");
  });
}
// A package log's step or modular line ("Nov 24 10:00:01 - Node ...", "Nov 24 10:00:00 root@node script[1]: ..."): dated by itself.
// Months in English or in the node's locale ("févr. 10 14:03:32 root@lyv-n1 ...": src/model/calendar.ts).
const STAMP_MONTH = `(?:${ENGLISH_MONTHS.join("|")}|${LOCAL_MONTH})`;
const PACKAGE_LOG_STAMP = new RegExp(`^${STAMP_MONTH} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d +(?:- |\\S+@\\S+ )`);
// rsyslog RFC 3339 and journalctl short-iso, or RFC 5424 (`<30>1 2026-03-10T18:38:58.000+00:00 host app ...`).
const ISO_SYSLOG_LINE = /^(?:<\d{1,3}>\d{1,3} )?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)? +\S+ +\S/;
// `Nov 19 13:02:40 hpa1 cmcld[2140]: ...` (a package log's `Nov 19 13:02:40 - Node ...` step has no host and tag), and
// journalctl -o short-precise's `Nov 19 13:02:40.123456 hpa1 cmcld[2140]: ...`.
const BSD_SYSLOG_LINE = new RegExp(
  `^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +)?${STAMP_MONTH} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})? +[A-Za-z0-9][\\w.-]* +[\\w./-]+(?:\\[\\d+\\])?: `,
);
// journalctl -o short-full / with-unit (`Fri 2026-03-14 09:12:03 CET host prog[pid]: ...`) and -o short-unix
// (`1773475923.123456 host prog[pid]: ...`).
const JOURNAL_TEXT_LINE = new RegExp(
  `^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|${LOCAL_WEEKDAY}) \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [A-Za-z+-][\\w+:/-]*|[1-9]\\d{8,9}\\.\\d{1,9}) +[A-Za-z0-9][\\w.-]* +[\\w.@/-]+(?:\\[\\d+\\])?: `,
);
// A journal entry as `journalctl -o json` (or json-sse's `data: `) writes it: one JSON object a line, with the journal's
// own fields. -o json-pretty and -o export spread an entry over several lines and are not read (grammars/syslog.ne).
const JOURNAL_JSON_LINE = /^(?:data: )?\{.*"(?:__REALTIME_TIMESTAMP|__CURSOR|MESSAGE)" ?:/;

function segmentsOf(path: string): string[] {
  return resolve(path)
    .split(sep)
    .filter((segment) => segment.length > 0);
}

/**
The last layout marker of a file's path (segments end with the file name); `inputDepth`: the segments of the folder
given to read (a marker that counts only inside it needs its node folder at or below that folder).
*/
function findMarker(segments: readonly string[], inputDepth: number): number {
  for (let index = segments.length - 1; index >= 0; index--) {
    for (const marker of NODE_ROOT_MARKERS) {
      if (marker.insideInput === true && (index < 1 || index - 1 < inputDepth - 1)) continue;
      // A history named as the file itself, not under root/ or home/<user>/ (those markers place it).
      if (marker.name !== undefined && (!marker.name.test(segments[segments.length - 1]) || segments[index - 1] === "root" || segments[index - 2] === "home"))
        continue;
      if (!marker.path.every((part, offset) => segments[index + offset] === part)) continue;
      if (marker.notUnder !== undefined && segments[index - 1] === marker.notUnder) continue;
      if (marker.directlyInNode === true && (["root", "opt", "usr", "var", "etc", "home"].includes(segments[index - 1]) || segments[index - 2] === "home"))
        continue;
      const foldersBelow = segments.length - 1 - (index + marker.path.length);
      if (foldersBelow >= 0 && (marker.maxFolders === undefined || foldersBelow <= marker.maxFolders)) return index;
    }
  }
  return -1;
}

/** Syslog-style by name: syslog.log and its rotations, messages*, journal exports. */
export function isSyslogName(name: string): boolean {
  return SYSLOG_NAME.test(name) || JOURNAL_EXPORT_NAME.test(name);
}

/**
Whether `path` is Continentalclusters' event log: its notifications span several lines, of which only the time line
has a stamp, so most of its lines are unparsed by design (not a layout mcadvisor does not know).
*/
export function isContinentalEventLog(path: string): boolean {
  const segments = path.split(/[\\/]/);
  return isEventLog(segments[segments.length - 1] ?? "", segments.slice(0, -1));
}

/** The Continentalclusters event log, by name and place (`.../resmon/log/cc/eventlog`, `.../cmconcl/eventlog`). */
function isEventLog(name: string, folders: readonly string[]): boolean {
  if (!EVENT_LOG_NAME.test(name)) return false;
  const parent = folders[folders.length - 1];
  return parent === "cmconcl" || (parent === "cc" && folders[folders.length - 2] === "log");
}

/**
The first stamped line of a file's head carries its year: an ISO 8601 syslog line (rsyslog RFC 3339, journalctl
short-iso), journalctl's short-full or short-unix, a journal JSON entry. Blank lines and journalctl's `-- ... --`
markers are skipped.
*/
export function headIsIsoSyslog(head: Buffer): boolean {
  for (const line of textOf(head).split("\n").slice(0, 20)) {
    const text = line.replace(/\r$/, "");
    if (text.trim() === "" || text.startsWith("-- ")) continue;
    return ISO_SYSLOG_LINE.test(text) || JOURNAL_TEXT_LINE.test(text) || JOURNAL_JSON_LINE.test(text);
  }
  return false;
}

/**
The first bytes of a file found in a walk; null when unreadable (not one of ours; an explicit path would report it when read).
`regular`: the walk's directory entry (or a stat made already) says it is a regular file.
*/
function headOf(path: string, regular: boolean): Buffer | null {
  let descriptor: number | undefined;
  try {
    // Only a regular file is sniffed: opening a FIFO to read waits for a writer, forever.
    if (!regular && !statSync(path).isFile()) return null;
    descriptor = openSync(path, "r");
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const length = readSync(descriptor, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, length);
  } catch {
    return null;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
What a file that no layout took holds, by its head (a file under a cmcluster folder, a script, or one never sniffed by
its name is not asked):
- `undated-output`: Raid Manager's own output (a pairdisplay table, pairvolchk's "Volstat is", an [EX_...] error), or
  a cmviewcl status table (which nodes are one cluster's: a fact with no time), with
  no time anywhere, neither a stamp in it nor a day in its name or folder: it cannot be placed among the logs (pair
  states read at no time would be taken as the oldest or the newest), so it is read as a command log whose events are
  untimed facts (`untimed.pair.state`, `untimed.raid.error`...: InputFile.untimed), out of the timeline; a rule asks
  whether the timed logs show its groups out of PAIR (undated-output-state-not-in-logs: round 59 #05, where it was the
  only sign of an S-VOL takeover). `trouble`: it shows a pair out of PAIR or an error, and is named with a warning of
  its own. Never said unreadable: operators' change notes and tickets quote a pairdisplay of the incident they
  repaired (22 incidents of the kept field rounds, repaired, would have been UNKNOWN);
- `replication`: replication words (P-VOL, PSUE, pairdisplay, horcm, fence...; grammars/replication-vocabulary.yaml):
  a ticket, a monitor's export, a mail; named as not read wherever it sits, never dropped in silence.
*/
/** A file's head once read by the classification, so the sniff of an unclassified file does not read it again. */
interface SniffedHead {
  head?: Buffer | null;
}

function unclassifiedContent(
  path: string,
  name: string,
  folders: readonly string[],
  regular: boolean,
  sniffed: SniffedHead,
): { readonly kind: "undated-output"; readonly trouble: boolean; readonly packageTable: boolean } | { readonly kind: "replication" } | null {
  if (neverSniffed(name) || SCRIPT_NAME.test(name) || DOCUMENT_NAME.test(name) || folders.some((segment) => segment === "cmcluster" || segment === "cmconcl"))
    return null;
  const head = sniffed.head !== undefined ? sniffed.head : headOf(path, regular);
  if (head === null || head.includes(0)) return null;
  const text = textOf(head);
  if (text.startsWith("#!")) return null;
  if (undatedOutputHead(text)) return { kind: "undated-output", trouble: showsTrouble(text), packageTable: PACKAGE_TABLE.test(text) };
  return replicationTerms(text).length > 0 ? { kind: "replication" } : null;
}

/**
Whether a head is Raid Manager's own output (RAID_MANAGER_OWN_OUTPUT) with no stamp the command-output grammar dates its
lines by: saved output read as untimed facts (InputFile.untimed) when nothing else dates it (its name, its folder).
*/
export function undatedOutputHead(head: Buffer | string): boolean {
  const text = typeof head === "string" ? head : textOf(head);
  return (RAID_MANAGER_OWN_OUTPUT.test(text) || rowsFromTheStart(text) || STATUS_TABLE.test(text)) && !headHasStamp(text);
}

// A document or data of the case (a README, an expected-answer file, a report), not a node's saved output or a relayed message.
const DOCUMENT_NAME = /\.(?:json|md|markdown|rst|ya?ml|html?|xml|csv)$/i;
// Raid Manager's own printing (a pairdisplay or raidvchkscan table, pairvolchk's answer, an error it printed), not a pair
// command named in a ticket's or a chat's prose ("09:02 pairresync -g erp_dg from lilsg01": round 59 #02).
const RAID_MANAGER_OWN_OUTPUT = /^[ \t]*Group[ \t]+PairVol|^[ \t]*JID[ \t]+MU[ \t]+CTG|Volstat is [PS]-VOL|Volstat is SMPL|\[EX_[A-Z]+\]/m;
// Serviceguard's status table (cmviewcl, grammars/cmviewcl.ne) with no time: its cluster and node rows still say which
// nodes are one cluster's (round 74 #15: the only sign that two of six nodes were another cluster, reusing a group name).
// Its package table: where each package ran, at a time nothing gives.
const PACKAGE_TABLE = /^[ \t]*PACKAGE[ \t]+STATUS[ \t]+STATE[ \t]+(?:AUTO_RUN|PKG_SWITCH)[ \t]+NODE\b/m;
const STATUS_TABLE =
  /^[ \t]*(?:CLUSTER[ \t]+STATUS[ \t]*$|NODE[ \t]+STATUS[ \t]+STATE[ \t]*$|PACKAGE[ \t]+STATUS[ \t]+STATE[ \t]+(?:AUTO_RUN|PKG_SWITCH)[ \t]+NODE\b)/m;
const STATE_WORD = /(?:\b|(?<=_))([A-Z]{4})\b/g;
const ERROR_CODE = /\bEX_[A-Z]{4,}\b/;

/** Whether Raid Manager output names a pair state other than a synchronized one (PAIR, PFUL), or an EX_ error code. */
function showsTrouble(text: string): boolean {
  if (ERROR_CODE.test(text)) return true;
  for (const [, word] of text.matchAll(STATE_WORD)) {
    if (PAIR_STATES[word] !== undefined && pairStateClass(word) !== "synced") return true;
  }
  return false;
}

/** A syslog line: ISO 8601, BSD (short-precise too) with a program tag, journalctl's other text stamps, a journal JSON entry. */
function isSyslogLine(text: string): boolean {
  return ISO_SYSLOG_LINE.test(text) || BSD_SYSLOG_LINE.test(text) || JOURNAL_TEXT_LINE.test(text) || JOURNAL_JSON_LINE.test(text);
}

/**
The first stamped line of a file's head is a syslog line (isSyslogLine): whatever the file's name, a journal exported with
-o json (wms-a1.journal.json, export.ndjson) is found by its first entry.
*/
export function headIsSyslog(head: Buffer): boolean {
  for (const line of textOf(head).split("\n").slice(0, 20)) {
    const text = line.replace(/\r$/, "");
    if (text.trim() === "" || text.startsWith("-- ")) continue;
    return isSyslogLine(text);
  }
  return false;
}

/**
A log platform's export (Splunk, Elastic, Graylog, a SIEM): a table whose header row names its columns and whose first
record is a log event (the original line, or a message with its time: grammars/syslog.ne), or one JSON event a line.
*/
export function headIsLogExport(head: Buffer | string): boolean {
  const lines = (typeof head === "string" ? head : textOf(head))
    .split("\n")
    .map((line) => line.replace(/\r$/, ""))
    .filter((line) => line.trim() !== "");
  if (lines.length === 0) return false;
  const timed = (line: string): boolean => parseHeader(line, "syslog")?.month !== undefined;
  if (lines[0].startsWith("{")) return timed(lines[0]);
  const table = tableHeader(lines[0]);
  const record = table !== null && lines.length > 1 ? recordAsJson(table, lines[1]) : null;
  return record !== null && timed(record);
}

// Log lines an extract must hold in its head to be read as one: a single quoted line is a ticket's prose quoting it.
const EXTRACT_MIN_LINES = 2;
const EXTRACT_HEAD_LINES = 80;

/**
A head with log lines that are not its first: syslog or package-log lines under a ticket's or a mail's prose, or behind
grep's, a mail's or a parallel shell's prefixes (extractedLine), at least EXTRACT_MIN_LINES of them.
*/
export function headIsExtract(head: Buffer | string): boolean {
  const text = typeof head === "string" ? head : textOf(head);
  let logLines = 0;
  for (const line of text.split("\n").slice(0, EXTRACT_HEAD_LINES)) {
    const whole = line.replace(/\r$/, "");
    const shown = extractedLine(whole)?.text ?? whole;
    if (isSyslogLine(shown) || PACKAGE_LOG_STAMP.test(shown)) logLines++;
    if (logLines >= EXTRACT_MIN_LINES) return true;
  }
  return false;
}

// A legacy package log's banner ('<TAB>########### Node "n": Starting package at <date> ...'): not dated by itself.
const PACKAGE_LOG_BANNER = /^[ \t]*#{5,}[ \t]+Node "[^"]+": (?:Starting|Halting) package at /;

/**
The first line of a file's head is a package log's (a step or modular line, PACKAGE_LOG_STAMP, or a banner): a package
log copied out of its tree, into a flat collection (logs/lisa1/pkg_bill.log: round 57 #19, where it was the only line
that showed the pairs suspended).
*/
export function headIsPackageLog(head: Buffer): boolean {
  for (const line of textOf(head).split("\n").slice(0, 20)) {
    const text = line.replace(/\r$/, "");
    if (text.trim() === "") continue;
    return PACKAGE_LOG_STAMP.test(text) || PACKAGE_LOG_BANNER.test(text);
  }
  return false;
}

/** A cluster ASCII file by content: a `CLUSTER_NAME name` line in its head. */
export function headIsClusterAscii(head: Buffer): boolean {
  return CLUSTER_NAME_LINE.test(textOf(head));
}

/**
Whether a head is a command log's, and what dates its lines: Raid Manager or cmviewcl output (or a script's pair commands) under
time stamps (`namedTime` null), or saved Raid Manager output with no stamp whose name (`path`) says when it was saved
(pgbill_takeover_20220721_1058.txt: `namedTime`, the time its lines are read at). Not a head of stamped syslog or
package-log lines: a syslog copy named syslog-2026-11-17_0900.log dates its lines itself (review of round 29 #12's
change). Null when the head is no command log's.
*/
export function commandLogHead(
  head: Buffer | string,
  path?: string,
  firstDatedFolder = Number.POSITIVE_INFINITY,
): { readonly namedTime: number | null } | null {
  const text = typeof head === "string" ? head : textOf(head);
  if (!SAVED_OUTPUT.test(text) && !rowsFromTheStart(text)) return null;
  if (headHasStamp(text)) return { namedTime: null };
  const namedTime = path === undefined ? null : timeInPath(path, firstDatedFolder);
  if (namedTime === null || text.split("\n").some((line) => isSyslogLine(line) || PACKAGE_LOG_STAMP.test(line))) return null;
  return { namedTime };
}

/**
Whether a file is a shell history (grammars/history.ne): named as one, its head text, with times, or without them when
the name is a shell's own history file.
*/
export function shellHistoryHead(name: string, head: Buffer | string): boolean {
  if (!SHELL_HISTORY_NAME.test(name)) return false;
  const text = typeof head === "string" ? head : textOf(head);
  // ksh's own history file is binary (0x81 0x01, then commands each ending with a newline and a NUL): read as one.
  if (text.startsWith("\uFFFD\u0001") || text.startsWith("\u0081\u0001")) return true;
  if (text.includes("\0")) return false;
  return SHELL_HISTORY_STAMP.test(text) || (SHELL_OWN_HISTORY_NAME.test(name) && !SCRIPT_NAME.test(name));
}

/** Node, package and bundle from where a file sits. */
export function placeOf(path: string, inputRoot: string): { hostHint: string | null; packageHint: string | null; bundle: string } {
  return placeAt(segmentsOf(path), inputRoot);
}

/** placeOf of a path given as its segments (segmentsOf), the file name last. */
function placeAt(segments: readonly string[], inputRoot: string): { hostHint: string | null; packageHint: string | null; bundle: string } {
  const markerIndex = findMarker(segments, segmentsOf(inputRoot).length);
  let hostHint: string | null = null;
  let bundle: string;
  if (markerIndex >= 0) {
    // A node's collection unpacked inside its own folder (zrh-sg1/zrh-sg1_collect_20211007/var/adm/...,
    // nodeA1/nodeA1/etc/...): the node is the folder named alone, and the bundle the one above it; else the bundle
    // split in two and the package's start there was never seen beside its halt at the other site (round 44 #17).
    const nested = markerIndex >= 2 && markerIndex - 2 >= segmentsOf(inputRoot).length && namesItsParent(segments[markerIndex - 1], segments[markerIndex - 2]);
    const nodeAt = nested ? markerIndex - 2 : markerIndex - 1;
    hostHint = nodeAt >= 0 ? segments[nodeAt] : null;
    bundle = sep + segments.slice(0, Math.max(nodeAt, 0)).join(sep);
  } else {
    bundle = resolve(inputRoot);
  }
  return { hostHint, packageHint: packageHintOf(segments), bundle };
}

/**
A folder named after the one above it as a collection of it (zrh-sg1_collect_20211007 in zrh-sg1), or the same (a tar's
own folder). Not a node named after its incident's folder (zrh-sg1 in zrh): the rest of the name must say collection
or carry a date.
*/
function namesItsParent(folder: string, parent: string): boolean {
  if (parent.length < 3) return false;
  if (folder === parent) return true;
  const rest = folder.slice(parent.length);
  return folder.startsWith(parent) && /^[_.-]/.test(rest) && COLLECTION_SUFFIX.test(rest);
}
const COLLECTION_SUFFIX = /collect|bundle|logs?\b|sosreport|snap|dump|backup|copy|extract|tar|\d{6,}/i;

/** What a file is by its name and place, or null when it is neither a log nor a configuration file we read. */
export function classify(path: string, explicit: boolean): FileKind | null {
  return classifyFile(path, explicit)?.kind ?? null;
}

/** classify, with the time a saved output's name gives it (commandLogHead). */
export function classifyFile(path: string, explicit: boolean): Classified | null {
  return classifyAt(path, basename(path), segmentsOf(dirname(path)), explicit, false);
}

/** A file's kind, and for saved output dated only by its name, that time (commandLogHead). */
export interface Classified {
  readonly kind: FileKind;
  readonly namedTime: number | null;
}

/**
classify with the file's name and its folders' segments already known; `regular`: the caller knows it is a
regular file (a walk's directory entry), so sniffing its head needs no stat first.
*/
function classifyAt(path: string, name: string, folders: readonly string[], explicit: boolean, regular: boolean, sniffed: SniffedHead = {}): Classified | null {
  const kind = (fileKind: FileKind): Classified => ({ kind: fileKind, namedTime: null });
  // The head is read once, when a test by content first needs it (a file may be tried as a history, a command log,
  // a cluster ASCII file and a syslog in turn).
  const head = (): Buffer | null => (sniffed.head === undefined ? (sniffed.head = headOf(path, regular)) : sniffed.head);
  if (SYSLOG_NAME.test(name)) return kind("syslog");
  if (isEventLog(name, folders)) return kind("syslog");
  const underCluster = folders.some((segment) => segment === "cmcluster" || segment === "cmconcl");
  if (CONFIG_NAME.test(name) && (underCluster || explicit)) return kind("config");
  if (!underCluster && (JOURNAL_EXPORT_NAME.test(name) || AUTH_LOG_NAME.test(name))) return kind("syslog");
  if (HORCC_LOG_NAME.test(name)) return kind("cmdlog");
  // Before the command-log sniff: a start's horctakeover line must not make a package log saved output.
  if (CONTROL_SCRIPT_LOG_NAME.test(name)) return kind("pkglog");
  if (!underCluster && SHELL_HISTORY_NAME.test(name) && !neverSniffed(name)) {
    const text = head();
    if (text !== null && shellHistoryHead(name, text)) return kind("history");
  }
  if (!underCluster && isCommandLogCandidate(name)) {
    const text = head();
    // A folder's day dates saved output only inside a node's own tree (root/failback/20180515/), never the case's folder
    // the bundle was unpacked into (case_20241021/nodeA1/pd_0930.txt taken days before, review of round 41-44's changes).
    const absolute = resolve(path);
    const marker = findMarker(segmentsOf(absolute), 0);
    const commandLog = text === null ? null : commandLogHead(text, absolute, marker >= 0 ? marker : Number.POSITIVE_INFINITY);
    if (commandLog !== null) return { kind: "cmdlog", namedTime: commandLog.namedTime };
  }
  if (PACKAGE_LOG_NAME.test(name) && (underCluster || explicit)) {
    // A session an operator kept beside the cluster's files (cmconcl/rehearsal/ordb_rg_20260509.log: dated prompts and
    // what they printed) is saved output, not a package's log: read as one, none of its lines had a time (round 73 #06).
    const text = underCluster ? head() : null;
    if (text !== null && !text.includes(0) && !headIsPackageLog(text) && commandLogHead(text)?.namedTime === null) return kind("cmdlog");
    return kind("pkglog");
  }
  if ((!underCluster && CONFIG_NAME.test(name)) || (DATED_CONFIG_NAME.test(name) && !NOT_CURRENT_NAME.test(name))) {
    const text = head();
    if (text !== null && PACKAGE_CONFIG_LINE.test(textOf(text))) return kind("config");
  }
  // A package's configuration saved under any name (cmgetconf -p pkg > /tmp/pkg.cfg, round 80 #14): its first line that
  // is no comment names the package, as cmgetconf and cmmakepkg write it.
  // Not a proposal or an old copy (NOT_CURRENT_NAME): those are not the configuration the cluster runs.
  if (!underCluster && !neverSniffed(name) && !SCRIPT_NAME.test(name) && !DOCUMENT_NAME.test(name) && !NOT_CURRENT_NAME.test(name)) {
    const text = head();
    if (text !== null && !text.includes(0) && headIsPackageConfig(textOf(text))) return kind("config");
  }
  if (!underCluster && CLUSTER_ASCII_CANDIDATE.test(name)) {
    const text = head();
    if (text !== null && headIsClusterAscii(text)) return kind("config");
  }
  if (!underCluster && !neverSniffed(name) && !OTHER_SYSTEM_LOG.test(name)) {
    const text = head();
    if (text !== null && headIsSyslog(text)) return kind("syslog");
    if (text !== null && headIsPackageLog(text)) return kind("pkglog");
    if (text !== null && headIsLogExport(text)) return kind("syslog");
    if (text !== null && !text.includes(0) && headIsJournalVerbose(textOf(text))) return kind("syslog");
  }
  // Saved output under a stamp or banner that dates it (script(1)'s "Script started on <date>", a cron job's
  // "==== <date> ===="), whatever the file is called: the name matters only to output that is dated by its name alone.
  // script(1) writes where it is told (typescript.sindg-swaps.20260318, swaps_0318, no suffix at all): read by the
  // names above only, the swap resync it held was never seen and asked for again (round 65 #05). Not a script, a
  // document of the case or a node's other system logs.
  if (!underCluster && !neverSniffed(name) && !SCRIPT_NAME.test(name) && !DOCUMENT_NAME.test(name) && !OTHER_SYSTEM_LOG.test(name)) {
    const text = head();
    if (text !== null && !text.includes(0) && commandLogHead(text)?.namedTime === null) return kind("cmdlog");
    // An extract of logs (a ticket, a mail, grep's output over several files): read as syslog, whose parser reads each
    // line behind its prefix as the log it came from (src/parse/extract.ts).
    if (text !== null && !text.includes(0) && headIsExtract(text)) return kind("syslog");
  }
  return explicit ? kind("syslog") : null;
}

/** What a path that is not a regular file is, in words ("a FIFO (named pipe)"), or null for a file or folder. */
export function specialFileKind(stats: Stats): string | null {
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  return null;
}

export interface Discovery {
  readonly files: InputFile[];
  /** Inputs that could not be read at all (missing, unreadable): each one clear message; the rest go on. */
  readonly problems: InputError[];
  /**
  Regular files found in a node's tree in the folders given (under var/, etc/, HORCM/, a home folder...) that are in no
  layout mcadvisor reads (scripts, binaries, output it does not know): not read, and said so, so that a file the operator
  collected is never dropped in silence.
  */
  readonly notRead: string[];
  /**
  Files named like logs in the folders given, or named on the command line, that are there and could not be read at
  all (a dangling link, a symbolic link loop, a link out of the folder given, a FIFO): each has its problem above
  too; a log among them leaves its bundle UNKNOWN. A path named on the command line that does not exist is not
  among them: it is a wrong argument, said above, not a part of a bundle that could not be read.
  */
  readonly unreadable: UnreadableInput[];
}

/** A file that could not be read: its kind by its name, the bundle it sits in, why in a few words. */
export interface UnreadableInput {
  /** Absolute. */
  readonly path: string;
  readonly kind: FileKind;
  /** Null for a path named on the command line: it is of the bundle of the run that holds it, if one does. */
  readonly bundle: string | null;
  readonly reason: string;
}

/** Finds the logs in the given files and directories (recursively), in a stable order. */
export function discoverInputs(paths: readonly string[]): Discovery {
  const files: InputFile[] = [];
  const problems: InputError[] = [];
  const notRead: string[] = [];
  const notReadSeen = new Set<string>();
  // Files outside a node's tree not read: named when a log in their folder is read (`at`: their place in walk order).
  const besideLogs: { path: string; folder: string; at: number }[] = [];
  const seen = new Set<string>();
  const unreadable: UnreadableInput[] = [];
  const cannotRead = (path: string, root: string, kind: FileKind, reason: string, problem: InputError): void => {
    problems.push(problem);
    unreadable.push({ path: resolve(path), kind, bundle: placeOf(path, root).bundle, reason });
  };
  const cannotReadNamed = (path: string, reason: string, problem: InputError): void => {
    problems.push(problem);
    const kind = classify(path, true);
    if (kind !== null) unreadable.push({ path: resolve(path), kind, bundle: null, reason });
  };
  // The real path of each folder given, for the links inside it (a folder given through a link is still itself).
  const realFolders = new Map<string, string>();
  const realFolder = (root: string): string => {
    let real = realFolders.get(root);
    if (real === undefined) {
      real = realpathSync(root);
      realFolders.set(root, real);
    }
    return real;
  };

  // A file's absolute path and its segments are worked out once, for its kind and its place.
  const add = (path: string, root: string, explicit: boolean, regular: boolean): void => {
    const absolute = resolve(path);
    if (seen.has(absolute)) return;
    const segments = segmentsOf(absolute);
    const sniffed: SniffedHead = {};
    const classified = classifyAt(absolute, segments[segments.length - 1] ?? "", segments.slice(0, -1), explicit, regular, sniffed);
    if (classified === null) {
      // Inside a node's tree only (var/, etc/, HORCM/, a home folder): what sits beside the nodes (a case's README, its
      // ticket export) was never a node's file. Not marked seen: the same file named on the command line is read (review).
      // The node's other system logs (mail, cron, audit, login records) are known and left on purpose: not named.
      const name = segments[segments.length - 1] ?? "";
      const numbered = NUMBERED_GZIP.exec(name);
      const compression = numbered ? null : compressionOf(name);
      if (!explicit && (numbered !== null || (compression !== null && compression !== "gzip")) && !notReadSeen.has(absolute)) {
        const kind = classify(withoutCompressionSuffix(absolute.slice(0, absolute.length - (numbered?.[0].length ?? 0))), false);
        if (kind !== null) {
          notReadSeen.add(absolute);
          const missing = compression === null ? null : missingDecompressor(compression);
          if (compression !== null && missing === null) {
            // A rotation compressed with xz, bzip2, zstd, lz4 or compress: read through its own program (compression.ts).
            seen.add(absolute);
            files.push({ path, kind, compressed: true, ...placeAt(segments, root) });
            return;
          }
          cannotRead(
            path,
            root,
            kind,
            compression === null
              ? "gzip'd and numbered after .gz: not read under that name"
              : `compressed with ${compression}, and ${missing?.program} is not installed`,
            new InputError(
              compression === null
                ? `${path} is a log gzip'd and numbered after .gz: mcadvisor reads a .gz by its name, so its lines were not read`
                : `${path} is a log compressed with ${compression}: ${missing?.program}, which decompresses it, is not installed here, so its lines were not read`,
              {
                hint:
                  compression === null
                    ? `decompress it beside the others (${decompressCommand("gzip", path)} > <its name without .gz.N>) and analyze again`
                    : `install ${missing?.package} and analyze again, or decompress it beside the others (${decompressCommand(compression, path)} > <its name without the suffix>)`,
              },
            ),
          );
          return;
        }
      }
      if (!explicit && !notReadSeen.has(absolute) && !OTHER_SYSTEM_LOG.test(name)) {
        const content = unclassifiedContent(absolute, name, segments.slice(0, -1), regular, sniffed);
        if (content?.kind === "undated-output") {
          // Read as untimed facts (InputFile.untimed); said when it shows trouble, for the reader to place it in time.
          seen.add(absolute);
          files.push({ path, kind: "cmdlog", compressed: false, untimed: true, ...placeAt(segments, root) });
          if (content.packageTable && !content.trouble) {
            // Its package rows say where each package ran, at no time the rules can place (review of round 74 #15's change).
            problems.push(
              new InputError(
                `${path} holds a cmviewcl package table with no date or time: its cluster and node rows are read (which nodes are one cluster's), but where its packages ran cannot be placed among the logs`,
                {
                  hint: "read it yourself: a package shown running on a node the logs never saw it halted on, or started elsewhere since, may be running twice; to have it placed in time, put the time it was saved in its name (cmviewcl_20260610_1635.txt) or a `date` line above the output, then analyze again",
                },
              ),
            );
          }
          if (content.trouble) {
            problems.push(
              new InputError(
                `${path} holds Raid Manager output that shows pairs out of PAIR or an error, with no date or time: read as facts at no time, it cannot be placed among the logs`,
                {
                  hint: "read it yourself: if it is newer than the logs, the findings may not show what it says; to have it placed in time, put the time it was saved in its name (pd_fin_dg_20260610_1635.txt) or a `date` line above the output, then analyze again",
                },
              ),
            );
          }
          return;
        }
        if (content?.kind === "replication") {
          notReadSeen.add(absolute);
          notRead.push(path);
          return;
        }
        // A flat collection has no such tree (logs/lisa1/messages, logs/lisa1/pkg_bill.log): a file beside a log that is
        // read is that node's too, said once the walk knows which files are read (round 57 #19).
        notReadSeen.add(absolute);
        if (findMarker(segments, segmentsOf(root).length) >= 0) notRead.push(path);
        else besideLogs.push({ path, folder: dirname(absolute), at: notRead.length });
      }
      return;
    }
    seen.add(absolute);
    const named = classified.namedTime === null ? {} : { namedTime: classified.namedTime };
    files.push({ path, kind: classified.kind, compressed: compressionOf(absolute) === "gzip", ...named, ...placeAt(segments, root) });
  };

  const walk = (directory: string, root: string): void => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      problems.push(
        new InputError(`cannot read directory ${directory}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
          hint: "check the path and its permissions; the other inputs are analysed",
        }),
      );
      return;
    }
    entries.sort((left, right) => compareText(left.name, right.name));
    for (const entry of entries) {
      const child = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        // Said by name: a folder where a log should be is what a broken copy (cp -r of a mount point) leaves.
        if (LOG_FOLDER_NAME.test(entry.name) && classify(child, false) !== null) {
          problems.push(
            new InputError(`${child} is a folder, not a log file; the logs inside it, if any, are read`, {
              hint: "a log copied as a folder is often a failed copy; check the node's original file",
            }),
          );
        }
        walk(child, root);
      } else if (entry.isFile()) {
        add(child, root, false, true);
      } else {
        const kind = classify(child, false);
        if (kind !== null) addSpecial(child, root, kind);
      }
    }
  };

  /**
  A name like a log that is not a directory entry of a regular file: a symbolic link to a file inside the folder given
  is read, anything else is said by name. A link out of it is not followed: a bundle copied from elsewhere may hold
  links to files the person running mcadvisor may read and its author may not (/etc/shadow, another case's logs),
  and what is read is stored.
  */
  const addSpecial = (path: string, root: string, kind: FileKind): void => {
    let stats: Stats;
    let target: string;
    try {
      stats = statSync(path);
      target = realpathSync(path);
    } catch (error) {
      const reason = errorInBrief(error);
      cannotRead(
        path,
        root,
        kind,
        reason,
        new InputError(`cannot read ${path}: ${reason}`, { hint: "copy the log itself into the bundle; the other inputs are analysed" }),
      );
      return;
    }
    if (stats.isDirectory()) return;
    if (!stats.isFile()) {
      cannotRead(path, root, kind, specialFileKind(stats) ?? "not a regular file", specialProblem(path, stats));
      return;
    }
    const folder = realFolder(root);
    if (target !== folder && !target.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`)) {
      cannotRead(
        path,
        root,
        kind,
        `a link to ${target}, out of the bundle`,
        new InputError(`${path} is a symbolic link to ${target}, outside ${root}: not read`, {
          hint: "links outside the bundle are not followed: copy the file itself into the bundle, or give it on the command line",
        }),
      );
      return;
    }
    add(path, root, false, true);
  };

  const specialProblem = (path: string, stats: Stats): InputError =>
    new InputError(`${path} is ${specialFileKind(stats) ?? "not a regular file"}, not a log file: skipped`, {
      hint: "copy the log itself (reading a FIFO or a socket would wait for a writer forever); the other inputs are analysed",
    });

  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const problem = new InputError(code === "ENOENT" ? `no such file or directory: ${path}` : `cannot read ${path}: ${errorInBrief(error)}`, {
        hint: "check the path; the other inputs are analysed",
      });
      if (code === "ENOENT") problems.push(problem);
      else cannotReadNamed(path, errorInBrief(error), problem);
      continue;
    }
    if (stats.isDirectory()) walk(path, path);
    else if (stats.isFile()) add(path, dirname(path), true, true);
    else cannotReadNamed(path, specialFileKind(stats) ?? "not a regular file", specialProblem(path, stats));
  }
  const logFolders = new Set(files.filter((file) => file.kind !== "config").map((file) => dirname(resolve(file.path))));
  for (const { path, at } of besideLogs.filter((file) => logFolders.has(file.folder)).reverse()) notRead.splice(at, 0, path);
  const placed = namedForTheirNode(withLooseFilesInTheirBundle(inTheirNodesFolder(files)));
  const incidentOf = sitesOfOneIncident(placed);
  const joined = <T extends { readonly bundle: string | null }>(item: T): T => {
    const bundle = item.bundle === null ? undefined : incidentOf.get(item.bundle);
    return bundle === undefined ? item : { ...item, bundle };
  };
  return {
    files: incidentOf.size === 0 ? placed : placed.map(joined),
    problems,
    notRead: notRead.filter((path) => !seen.has(resolve(path))),
    unreadable: incidentOf.size === 0 ? unreadable : unreadable.map(joined),
  };
}

/**
A file no layout marker places (a package's folder a site keeps outside cmcluster: logs/dr/sg/pkgs/split/split.cntl.log)
is its node's when it sits inside a folder the other files place a node in (logs/dr/var/adm/syslog/syslog.log): that
node, that bundle.
*/
function inTheirNodesFolder(files: InputFile[]): InputFile[] {
  const nodeFolders = new Map<string, { hostHint: string; bundle: string }>();
  for (const file of files) {
    if (file.hostHint === null) continue;
    for (let folder = dirname(resolve(file.path)); folder !== dirname(folder); folder = dirname(folder)) {
      if (basename(folder) !== file.hostHint) continue;
      if (!nodeFolders.has(folder)) nodeFolders.set(folder, { hostHint: file.hostHint, bundle: file.bundle });
      break;
    }
  }
  if (nodeFolders.size === 0) return files;
  return files.map((file) => {
    if (file.hostHint !== null) return file;
    for (let folder = dirname(resolve(file.path)); folder !== dirname(folder); folder = dirname(folder)) {
      const node = nodeFolders.get(folder);
      if (node !== undefined) return { ...file, hostHint: node.hostHint, bundle: node.bundle };
    }
    return file;
  });
}

/**
A file no folder places whose name names one node of its bundle, as a word of it (a handover's
status/clm1_pairdisplay_20150608_0833.txt, pd-ins1.txt): that node's output. Without it, one cluster's PAIR read at
no node closed another cluster's split of a group of the same name (round 76 #14). A name naming two nodes names none.
*/
function namedForTheirNode(files: InputFile[]): InputFile[] {
  const nodesOfBundle = nodesOfBundles(files);
  // A ticket's flattened files place no node by folder, but a syslog's lines name their host (messages.kra1's "kra1"):
  // a Raid Manager log beside it named for that node (horcc_krb2.log) is that node's (round 78 #08: its EX_ENOGRP at no
  // node was closed by no node's restart). Only for the other files: a syslog's lines carry their own host.
  if (files.some((file) => file.hostHint === null && file.kind !== "syslog")) {
    for (const file of files) {
      if (file.hostHint !== null || file.kind !== "syslog" || file.compressed) continue;
      const host = loggedHostOf(file.path);
      if (host === null) continue;
      const nodes = nodesOfBundle.get(file.bundle) ?? new Set<string>();
      nodes.add(host);
      nodesOfBundle.set(file.bundle, nodes);
    }
  }
  if (nodesOfBundle.size === 0) return files;
  return files.map((file) => {
    if (file.hostHint !== null) return file;
    const name = basename(file.path);
    const named = [...(nodesOfBundle.get(file.bundle) ?? [])].filter((node) => nameNamesNode(name, node));
    return named.length === 1 && (file.kind !== "syslog" || hostHinted(files, file, named[0])) ? { ...file, hostHint: named[0] } : file;
  });
}

/** Whether `node` was a node of the file's bundle by a folder or a name before any syslog's head was read. */
function hostHinted(files: readonly InputFile[], file: InputFile, node: string): boolean {
  return files.some((other) => other.bundle === file.bundle && other.hostHint === node);
}

/** The host a syslog's first lines name, when they name one only (null: none, several, or no line read as syslog). */
function loggedHostOf(path: string): string | null {
  const head = headOf(path, true);
  if (head === null) return null;
  const lines = head.toString("latin1").split("\n");
  if (head.length === SNIFF_BYTES) lines.pop(); // cut by the sniff
  let host: string | null = null;
  for (const line of lines.slice(0, LOGGED_HOST_LINES)) {
    const header = parseHeader(line.endsWith("\r") ? line.slice(0, -1) : line, "syslog");
    if (header?.format !== "syslog" || header.host === undefined || header.host === "-" || header.host.includes("@")) continue;
    if (host !== null && header.host !== host) return null;
    host = header.host;
  }
  return host;
}

/** How many of a syslog's first lines say its host. */
const LOGGED_HOST_LINES = 20;

/**
A file outside any node tree (a cluster ASCII file saved beside the node folders, a status/ folder of saved cmviewcl
and pairdisplay outputs, a ticket) belongs to the incident it sits in: the innermost bundle of the node files that
holds its folder, not the folder given on the command line (`analyze samples` must not make `samples` a bundle of its
own; round 76 #14: a handover's status/ outputs, read as a bundle of their own, were checked against no node's logs).
*/
function withLooseFilesInTheirBundle(files: InputFile[]): InputFile[] {
  const bundles = [...new Set(files.filter((file) => file.hostHint !== null).map((file) => file.bundle))];
  return files.map((file) => {
    if (file.hostHint !== null) return file;
    const folder = dirname(resolve(file.path));
    const holding = bundles.filter((bundle) => folder === bundle || folder.startsWith(bundle.endsWith(sep) ? bundle : `${bundle}${sep}`));
    if (holding.length === 0) return file;
    const innermost = holding.reduce((longest, bundle) => (bundle.length > longest.length ? bundle : longest));
    return { ...file, bundle: innermost };
  });
}
