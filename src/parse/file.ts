/**
Per-file parsing context. A line alone does not say everything: package-log step lines carry no
year (the last banner's `date` output does), ERROR/WARNING/continuation lines carry no time or
host (they belong to the step above), a file's place in the tree names its node and package, and
a Raid Manager command line names the device group (and side) of the output lines pasted after it.
*/

import { mayBeVerboseRecord, readVerboseLine, type JournalVerboseEntry } from "./journal-verbose.js";
import type { EventDraft, Header, LineFormat, Scalar } from "../model/events.js";
import { NODE_SEEN_INTERVAL_MS, NODE_SEEN_KIND, UNREAD_LINE_KIND } from "../model/events.js";
import { isPlausibleYear, nodeClock, zoneClock, zoneGoesBy, zoneNameOffset } from "../model/time.js";
import { MAX_BODY_INPUT, NOT_SCANNED, VOCABULARY_BIT, parseBody, parseConfigLine, scanLine } from "./body.js";
import type { ParseCounters } from "./body.js";
import { configGrammar, parseHeader, UNTIMED_PREFIX, untimedPrefixOf } from "./header.js";
import type { FileKind } from "./header.js";
import { grammars, TABLE_HEADER_KIND } from "./registry.js";
import type { TableRow } from "./registry.js";
import { extractedLine, extractSource, fileReadBy, mayHoldLogLine, numberedLine, type ExtractSource } from "./extract.js";
import { recordAsJson, tableHeader } from "./export-table.js";
import type { ExportTable } from "./export-table.js";
import { BINARY_JUNK, withUnreadMarker } from "./unread.js";
import { hasTerminalEditing, renderTerminal } from "./terminal.js";

// A modular package log's "user@node" where a syslog line has its host (root@mes-b1).
const PACKAGE_LOG_USER_HOST = /^[A-Za-z_][A-Za-z0-9_.-]*@[A-Za-z0-9][A-Za-z0-9_.-]*$/;
// A package log's lines with no stamp that grep -n's numbered prefix can stand before (extractHeader).
const UNSTAMPED_PACKAGE_LOG_SHAPES: ReadonlySet<string> = new Set(["banner", "error", "warning"]);

export interface ParsedLine {
  /** Which header grammar recognised the line ("unknown" when none did). */
  readonly format: LineFormat;
  /** Naive wall-clock ms (the log's local time read as UTC); null when unknown or impossible (`Nov 99 99:99:99`). */
  readonly ts: number | null;
  readonly host: string | null;
  readonly program: string | null;
  readonly package: string | null;
  /** The message text the body grammars read. */
  readonly body: string;
  readonly shape: NonNullable<Header["shape"]>;
  /** `last message repeated N times`: N (the repeated line's events are not emitted again). */
  readonly repeated?: number;
  /**
  Shared with other lines of the same text (frozen): do not modify. A line that gave no event but
  carries replication vocabulary has one `line.unread` marker instead (src/parse/unread.ts).
  */
  readonly events: readonly EventDraft[];
  /** A header or configuration grammar recognised the line. */
  readonly understood: boolean;
}

export interface FileParserOptions {
  readonly path: string;
  readonly kind: FileKind;
  /** The node the file came from (folder above var/adm or etc/cmcluster). */
  readonly hostHint?: string | null;
  /** The package folder under cmcluster. */
  readonly packageHint?: string | null;
  /** Year of a syslog-style (yearless) date. */
  readonly yearFor: (month: number, day: number) => number;
  /** Throw on an ambiguous grammar parse instead of counting it. Default: on under vitest. */
  readonly strict?: boolean;
  /** The time of the lines before any stamp, read from the start: saved output dated by its file's name (discover.ts). */
  readonly startTime?: number | null;
  /**
  Saved output with no time anywhere (discovery's undated Raid Manager output, InputFile.untimed): the events of its
  lines without a time take UNTIMED_PREFIX, as those of a format whose header grammar declares meta.untimedPrefix do.
  Without it, a command log's lines before its first stamp keep their events as they are.
  */
  readonly untimed?: boolean;
  /** Context of the lines before the resume point (from `FileParser.context()` when the file was last read). */
  readonly resume?: FileParserContext;
  /** `--tz`: lines that write their UTC offset are converted to this zone's wall clock. */
  readonly timeZone?: string;
  /** Without `--tz`: the offset the bundle's zoned lines are placed at, when an earlier file set it (src/model/time.ts). */
  readonly zoneOffset?: number | null;
  /** `--node-tz`: the zone each such node writes its year-less lines in, placed on the logs' clock (`timeZone`). */
  readonly nodeZones?: Readonly<Record<string, string>>;
  /**
  Mark a syslog's or package log's timed line with a node.seen event when its node had not been heard from for
  NODE_SEEN_INTERVAL_MS in this file (src/model/events.ts). The pipeline's parsers do; a parse of a text for a test
  or a tool does not unless asked, so what it shows is what the grammars read.
  */
  readonly markNodeSeen?: boolean;
}

/** What a file parser carries from one line to the next; store it with a checkpoint to resume mid-file. */
export interface FileParserContext {
  readonly ts: number | null;
  readonly host: string | null;
  /** The last package-log banner's time and year (the year of the step lines after it). */
  readonly bannerTs: number | null;
  readonly bannerYear: number | null;
  readonly package: string | null;
  /** The reference UTC offset (minutes) of zoned lines, once one was met; absent in contexts stored before it existed. */
  readonly zoneOffset?: number | null;
  /** The device group the last Raid Manager command line named, for the output lines after it. */
  readonly groupContext?: GroupContext | null;
  /** The `journalctl -o verbose` entry the lines are in (journal-verbose.ts); absent outside one. */
  readonly journalEntry?: JournalVerboseEntry | null;
  /** The table whose rows the lines are (its header's first column: GrammarEntry.tableRows); absent before it existed. */
  readonly table?: string | null;
  /** The fields of the last row of each table-row kind (a node row's cluster is the cluster row's); absent before it existed. */
  readonly rowsAbove?: Readonly<Record<string, Readonly<Record<string, Scalar>>>> | null;
  /** When each node was last marked seen in this file (markNodeSeen); absent in contexts stored before it existed. */
  readonly seen?: Readonly<Record<string, number>> | null;
  /** The offset of the zone the last package-log banner named (its step lines are in it too); absent before it existed. */
  readonly stepZoneOffset?: number | null;
  /** The host a saved session's last Raid Manager command ran on through ssh or remsh (its output is that host's); absent before it existed. */
  readonly commandHost?: string | null;
  /** A saved session's own last stamp or banner time (pasted log lines dated by themselves do not move it); absent before it existed. */
  readonly sessionClock?: number | null;
  /** What the file a saved session's last typed command read says of the lines under it (extract.ts fileReadBy); absent before it existed. */
  readonly commandSource?: ExtractSource | null;
  /** The file is an extract of logs (its first line was none, or a line stood behind a prefix): wrapped lines are joined. */
  readonly extract?: boolean;
  /** A log platform's export as a table: its columns, from its header row (src/parse/export-table.ts). */
  readonly exportTable?: { readonly separator: string; readonly columns: readonly string[] };
  /** A command log's last dated line was a script's own stamped line (not a banner): a prompt after it starts an untimed session. */
  readonly stampedRun?: boolean;
  /** A command log's lines since such a prompt have no time (their events are untimed facts). */
  readonly untimedSession?: boolean;
  /** The extract's last log line, long enough to have been wrapped: its next line may be the rest of it. */
  readonly wrapped?: {
    readonly length: number;
    readonly body: string;
    readonly format: LineFormat;
    readonly quote: string;
    readonly program: string | null;
    readonly pid: number | null;
    readonly given: readonly string[];
    /** Absent in contexts stored before they existed (the session's clock then dates the rest). */
    readonly ts?: number | null;
    readonly host?: string | null;
  };
}

// What a command typed at a prompt says by its words alone (typedAtPrompt): an instance's file edited, the instance started
// or stopped, a takeover asked for (what it did is read from the output under it, if any: round 71 #11, a typescript
// ending on `horctakeover -g cad_dg -S` when the VPN dropped).
const TYPED_KINDS: ReadonlySet<string> = new Set(["horcm.config.changed", "horcm.started", "horcm.stopped", "takeover.requested"]);

// root's bare prompt before a command (not "# # a comment" typed after it).
const BARE_ROOT_PROMPT = /^# (?!#)\S/;

// A shell prompt's mark, followed by a space or the line's end: a cheap test before the prompt grammar is tried.
const PROMPT_MARK = /[#$%>](?:[ \t]|$)/;

/**
What a command line ("pairvolchk -g oradg -c -s") tells about the lines that follow it: their group,
the side the command looked at, the instance. It holds for the same host and program (a syslog tag), at
most CONTEXT_LINES lines and CONTEXT_MS of log time (pairevtwait -t 3600 answers an hour later), until the
next command line or package-log banner.
*/
export interface GroupContext {
  readonly deviceGroup: string;
  readonly side: Scalar;
  readonly instance: Scalar;
  /** pairevtwait's `-s` status: what its "Wait status done." on a later line says was reached. */
  readonly waitFor?: Scalar;
  /**
  The label before the command line when it is not the group ("bc_cycle: pairevtwait -g ps_bc ..."): the script's
  tag, so "bc_cycle: pairevtwait : Wait status done." after it is ps_bc's, not a group called bc_cycle's.
  */
  readonly tag?: string;
  /**
  Opened by a saved output's pairdisplay rows rather than a command line: the run's one group, for its other lines
  (a pairvolchk answer under the table, its command line not saved); `ambiguous` once the run named a second group.
  */
  readonly fromTable?: boolean;
  readonly ambiguous?: boolean;
  /** The command ran as Business Copy (-IM, HORCC_MRCF=1): what its later lines say is of the Business Copy pairs. */
  readonly replication?: "local";
  readonly host: string | null;
  readonly program: string | null;
  /** The writer's process id: a syslog interleaves other writers' lines between one run's command and its result. */
  readonly pid?: number;
  readonly ts: number | null;
  readonly lineNo: number;
}

/** A log line of an extract that a mail client may have wrapped (wrappable), and what its parts gave so far. */
interface WrappedLine {
  /** The last part's length, quote marks included. */
  readonly length: number;
  readonly body: string;
  readonly format: LineFormat;
  readonly quote: string;
  readonly program: string | null;
  readonly pid: number | undefined;
  readonly given: ReadonlySet<string>;
  /** The wrapped line's own time and host: its rest is dated by them, not by the session's clock (a pasted line's). */
  readonly ts?: number | null;
  readonly host?: string | null;
}
/** Mail clients wrap at 72-80 columns (RFC 3676 recommends 72, most write up to 78), quote marks included or added after. */
const WRAP_WIDTH = 72;
const WRAP_MAX_WIDTH = 80;
/** A mail reply's quote marks ("> > "), blanks between them. */
const QUOTE_MARKS = /^(?:[ \t]*>)*/;
/** A line a mail client may have wrapped: as long as the wrap width allows, not longer (a log line was not wrapped). */
const wrappable = (line: string): boolean => line.length - QUOTE_MARKS.exec(line)![0].length <= WRAP_MAX_WIDTH && line.length > WRAP_WIDTH / 2;

const CONTEXT_LINES = 500;
/** A word and a colon before a line's text ("bc_cycle: pairsplit -g ps_bc"): a script's tag or a group's label. */
const LEADING_LABEL = /^[ \t]*([A-Za-z_][\w.-]*):[ \t]/;
/** The fields of an event that has none, read only (a spread of it copies nothing). */
const NO_FIELDS: Readonly<Record<string, Scalar>> = Object.freeze({});
const CONTEXT_MS = 60 * 60 * 1000;
/** The node.seen marker (the line's node and time are its own), shared by every line it marks. */
const NODE_SEEN_EVENT: EventDraft = Object.freeze({ kind: NODE_SEEN_KIND });
const NODE_SEEN_ONLY: readonly EventDraft[] = Object.freeze([NODE_SEEN_EVENT]);

interface ContextKinds {
  readonly groupScoped: ReadonlySet<string>;
  readonly opensContext: ReadonlySet<string>;
  readonly tableRows: ReadonlyMap<string, TableRow>;
}

let contextKinds: ContextKinds | undefined;

/** The kinds the body grammars declare as group-scoped and as opening a context (grammar data, not code). */
function kindsOfContext(): ContextKinds {
  if (!contextKinds) {
    const groupScoped = new Set<string>();
    const opensContext = new Set<string>();
    const tableRows = new Map<string, TableRow>();
    for (const entry of grammars()) {
      for (const kind of entry.groupScoped) groupScoped.add(kind);
      for (const kind of entry.opensContext) opensContext.add(kind);
      for (const [kind, row] of Object.entries(entry.tableRows)) tableRows.set(kind, row);
    }
    contextKinds = { groupScoped, opensContext, tableRows };
  }
  return contextKinds;
}

/**
What `FileParser.readLine` gives: a ParsedLine's fields in one object the parser reuses for every line
(`repeated` undefined when the line is not a repeat notice). A batch of a million lines allocated a
ParsedLine, then a store row copied from it, per line; the copy alone is kept now.
*/
export interface LineFields {
  format: LineFormat;
  ts: number | null;
  host: string | null;
  program: string | null;
  package: string | null;
  body: string;
  shape: NonNullable<Header["shape"]>;
  repeated: number | undefined;
  events: readonly EventDraft[];
  understood: boolean;
}

export interface FileParser {
  parseLine(text: string): ParsedLine;
  /** Parses the next line like parseLine into the parser's one LineFields object: read it before the next call. */
  readLine(text: string): Readonly<LineFields>;
  /** The context after the last line parsed (plain data, JSON-safe). */
  context(): FileParserContext;
  /** Grammar problems met so far in this file. */
  readonly counters: Readonly<ParseCounters>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HALF_YEAR_MS = 183 * DAY_MS;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
// Date.UTC per line is a measurable share of parsing; a file's lines fall on few days.
const dayStarts = new Map<number, number>();

/**
The events of a line with no time (none on it, none before it in its file) of a format whose header grammar says so
(meta.untimedPrefix): they say what happened, never when, so they leave the timeline the rules replay, where an event
without a time is a fact true from the start. The unread marker keeps its kind: it is about the line.
*/
function untimed(events: readonly EventDraft[], prefix: string): readonly EventDraft[] {
  return events.map((event) => (event.kind === UNREAD_LINE_KIND ? event : { ...event, kind: `${prefix}${event.kind}` }));
}

/** Naive UTC ms, or null when the date or time cannot exist. */
export function naiveTime(year: number, month: number, day: number, hour: number, minute: number, second: number): number | null {
  if (!Number.isInteger(year) || !(month >= 1 && month <= 12) || !(day >= 1) || !(hour <= 23) || !(minute <= 59) || !(second <= 59)) return null;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1])) return null;
  const key = (year * 100 + month) * 100 + day;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = Date.UTC(year, month - 1, day);
    if (dayStarts.size > 4096) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return start + ((hour * 60 + minute) * 60 + second) * 1000;
}

function hasTime(header: Header): header is Header & { month: number; day: number; hour: number; minute: number; second: number } {
  return header.month !== undefined && header.day !== undefined && header.hour !== undefined && header.minute !== undefined && header.second !== undefined;
}

/**
A Raid Manager instance number as a folder (/HORCM/log<N>/) or a daemon's tag (horcmd_0N) writes it: a number while it
can be one (an instance is at most 4 digits, src/catalogue/names.ts), else the digits as written, kept as text. A folder
log00099999999999999999999 made Number() print 100000000000000000000 into horcmstart.sh; as text it fails the
instance rule, and the advice shows <instance> with the digits quoted in the warning.
*/
function instanceNamed(digits: string): number | string {
  return digits.length <= 4 ? Number(digits) : digits;
}

// Our own switch (the test configuration sets it), not the test runner's variable: production code names no test tool.
const defaultStrict = (): boolean => typeof process !== "undefined" && process.env.MCADVISOR_STRICT_PARSE === "1";

export function createFileParser(options: FileParserOptions): FileParser {
  const counters: ParseCounters = { ambiguous: 0, tooLong: 0 };
  const strict = options.strict ?? defaultStrict();
  const hostHint = options.hostHint ?? null;
  const packageHint = options.packageHint ?? null;
  const config = options.kind === "config" ? configGrammar() : undefined;
  const bodyFormat: LineFormat = options.kind;
  const untimedPrefix = options.untimed === true && options.kind !== "config" ? UNTIMED_PREFIX : untimedPrefixOf(options.kind);
  let lineNo = 0;
  let previousTs: number | null = options.resume?.ts ?? options.startTime ?? null;
  let previousHost: string | null = options.resume?.host ?? hostHint;
  // The last package-log banner's date: the year of the step lines that follow it.
  let bannerTs: number | null = options.resume?.bannerTs ?? null;
  let bannerYear = options.resume?.bannerYear ?? 0;
  // A package log whose banners name a zone (TZ=UTC exported in its control script), or a saved output whose `date`
  // does (an operator's TZ=JST-9 login), while the operator named the logs' zone (--tz): their lines are put on the
  // logs' clock (round 50 #13: a package log in UTC beside syslogs in CDT, its start and halt read five hours late;
  // #14: a JST paste read eight hours after the resync). Without --tz the logs' zone is unknown: left as written.
  let stepZoneOffset = options.resume?.stepZoneOffset ?? null;
  // Lines that write their UTC offset (RFC 3339, journalctl) are placed on the bundle's one clock.
  const zone = zoneClock({ timeZone: options.timeZone, referenceOffset: options.resume?.zoneOffset ?? options.zoneOffset ?? null });
  const nodeZones = options.nodeZones !== undefined && Object.keys(options.nodeZones).length > 0 ? options.nodeZones : null;
  const onNodeClock = nodeZones !== null ? nodeClock(options.timeZone) : null;
  const yearNear = (month: number, day: number): number => {
    // A resumed state saved before banner years were checked may hold one no clock wrote (year 0): no banner then.
    if (bannerTs === null || !isPlausibleYear(bannerYear)) return options.yearFor(month, day);
    const candidate = Date.UTC(bannerYear, month - 1, Math.min(day, 28));
    if (candidate - bannerTs > HALF_YEAR_MS) return bannerYear - 1;
    if (bannerTs - candidate > HALF_YEAR_MS) return bannerYear + 1;
    return bannerYear;
  };

  // A package log belongs to one package: without a folder hint, the first package its lines name.
  let namedPackage: string | null = options.resume?.package ?? null;
  let groupContext: GroupContext | null = options.resume?.groupContext ?? null;
  let table: string | null = options.resume?.table ?? null;
  let journalEntry: JournalVerboseEntry | null = options.resume?.journalEntry ?? null;
  const rowsAbove = new Map<string, Readonly<Record<string, Scalar>>>(Object.entries(options.resume?.rowsAbove ?? {}));

  /**
  A table's rows read under their header (GrammarEntry.tableRows): a header line sets the table and gives no event; a
  row of another table than its own is no row (cmviewcl's `qs1 up running` under NAME STATUS STATE is the quorum
  server, not a node); a row takes the fields it fills from the last row above of the kind named. A line that is no row
  of the table ends it; one back at the margin (a prompt, a command, a comment, other text: the sub-tables of one
  output are indented under its first row) or a banner ends the rows above too, so another command's node table
  takes no cluster from this one (review: `cmviewcl -l node` of another cluster, typed after it).
  */
  const inTable = (events: readonly EventDraft[], shape: string, line: string): readonly EventDraft[] => {
    if (events.length === 0 && table === null && rowsAbove.size === 0) return events;
    if (shape === "banner") {
      table = null;
      rowsAbove.clear();
    }
    let ofTable = false;
    let anyRow = false;
    let kept: EventDraft[] | undefined;
    const { tableRows } = kindsOfContext();
    for (let index = 0; index < events.length; index++) {
      const event = events[index];
      if (event.kind === TABLE_HEADER_KIND) {
        table = typeof event.fields?.table === "string" ? event.fields.table : null;
        ofTable = true;
        kept ??= events.slice(0, index);
        continue;
      }
      const row = tableRows.get(event.kind);
      if (row === undefined) {
        kept?.push(event);
        continue;
      }
      if (row.table !== undefined && row.table !== table) {
        kept ??= events.slice(0, index);
        continue;
      }
      if (row.table !== undefined) ofTable = true;
      anyRow = true;
      let fields = event.fields ?? NO_FIELDS;
      for (const [field, kind] of Object.entries(row.fill ?? {})) {
        const above = rowsAbove.get(kind)?.[field];
        if (above !== undefined && fields[field] === undefined) fields = { ...fields, [field]: above };
      }
      rowsAbove.set(event.kind, fields);
      if (fields === (event.fields ?? NO_FIELDS)) kept?.push(event);
      else (kept ??= events.slice(0, index)).push({ ...event, fields });
    }
    // The whole line: its body is cut from its indentation.
    if (!ofTable && (table !== null || rowsAbove.size > 0) && line.trim() !== "") {
      table = null;
      if (!anyRow && !/^[ \t]/.test(line)) rowsAbove.clear();
    }
    return kept ?? events;
  };
  // When each node was last marked seen here: a file resumed mid-way marks where a whole read would.
  const markSeen = options.markNodeSeen === true && (options.kind === "syslog" || options.kind === "pkglog");
  const lastSeen = new Map<string, number>(Object.entries(options.resume?.seen ?? {}));
  // The last host looked up and its mark: a node's own log names one host, and a Map lookup per line showed.
  let seenHost: string | null = null;
  let seenAt: number | undefined;
  const seenMarked = (events: readonly EventDraft[], host: string, ts: number): readonly EventDraft[] => {
    const last = host === seenHost ? seenAt : lastSeen.get(host);
    seenHost = host;
    seenAt = last;
    if (last !== undefined && ts >= last && ts - last < NODE_SEEN_INTERVAL_MS) return events;
    lastSeen.set(host, ts);
    seenAt = ts;
    return events.length === 0 ? NODE_SEEN_ONLY : [...events, NODE_SEEN_EVENT];
  };

  /**
  The offset a zone name in a line places it at, or undefined to leave the line on its zone's clock: a name the line's
  own zone (the node's --node-tz, else --tz) goes by is that zone's clock, whatever fixed offset the name has elsewhere
  (TZ=EET-3 printing "EET" at +3: zoneGoesBy).
  */
  const ownClockName = (name: string, host: string | null): number | undefined => {
    const lineZone = (host !== null && nodeZones !== null ? nodeZones[host] : undefined) ?? options.timeZone;
    return lineZone !== undefined && zoneGoesBy(lineZone, name) ? undefined : zoneNameOffset(name);
  };

  /**
  A `name:` label names a device group only when it is not the node or the package itself
  ("nodeB1: local SVOL_PAIR" is about the node's own volume, not a group called nodeB1).
  */
  const labelNamesOther = (label: string, host: string | null): boolean => {
    const lower = label.toLowerCase();
    return ![host, hostHint, packageHint, namedPackage].some((name) => name !== null && name.toLowerCase() === lower);
  };

  /** Fill the group (and side, instance) of this line's group-scoped events from the context; open a new context. */
  const inContext = (
    events: readonly EventDraft[],
    host: string | null,
    program: string | null,
    pid: number | undefined,
    ts: number | null,
    shape: string,
    body: string,
  ): readonly EventDraft[] => {
    if (shape === "banner") groupContext = null;
    let sameWriter = true;
    if (groupContext !== null) {
      sameWriter =
        (groupContext.host === null || host === null || groupContext.host === host) &&
        (groupContext.program === null || program === null || groupContext.program === program) &&
        (groupContext.pid === undefined || pid === undefined || groupContext.pid === pid);
      const recent = lineNo - groupContext.lineNo <= CONTEXT_LINES && (groupContext.ts === null || ts === null || Math.abs(ts - groupContext.ts) <= CONTEXT_MS);
      // A run known by its process id goes on past other writers' lines (sshd, inetd, another run of the same script)
      // until its own next line; without one, any other writer's line ends it.
      if (!recent || (!sameWriter && groupContext.pid === undefined)) groupContext = null;
    }
    if (events.length === 0) return events;
    const { groupScoped, opensContext } = kindsOfContext();
    let result: EventDraft[] | undefined;
    // Index loops: a closure and iterators per line with events were most of this function's allocation.
    for (let index = 0; index < events.length; index++) {
      let event = events[index];
      let fields = event.fields ?? NO_FIELDS;
      if (event.deviceGroup !== undefined && fields.deviceGroupFrom === "label") {
        // Only a wait's result: a state or an error under the tag may name its own group (review of round 36's changes:
        // "erp_dg: local SVOL_PSUE" after "erp_dg: pairsplit -g erp_bc" is erp_dg's).
        const tagged = event.kind === "pair.wait" && groupContext?.tag !== undefined && groupContext.tag === event.deviceGroup.toLowerCase();
        if (tagged || !labelNamesOther(event.deviceGroup, host)) {
          const { deviceGroupFrom: _from, ...rest } = fields;
          const { deviceGroup: _group, ...withoutGroup } = event;
          event = (result ??= [...events])[index] = { ...withoutGroup, fields: rest };
          fields = rest;
          // A host's or package's own name says whose volume it is (no group); the script's tag is no group at all.
          if (!tagged) continue;
        }
      }
      if (groupContext === null || !sameWriter || groupContext.ambiguous === true || event.deviceGroup !== undefined || !groupScoped.has(event.kind)) continue;
      const filled: Record<string, Scalar> = { ...fields, deviceGroupFrom: "command" };
      if (groupContext.replication === "local" && fields.replication === undefined) filled.replication = "local";
      if ("side" in fields && fields.side === null && groupContext.side !== null) filled.side = groupContext.side;
      // The side the command asked: an error answering `pairvolchk -s` (this node's array only) is no remote's (round 71 #18).
      if (event.kind === "raid.error" && !("side" in fields) && groupContext.side !== null) filled.side = groupContext.side;
      if ("instance" in fields && fields.instance === null && groupContext.instance !== null) filled.instance = groupContext.instance;
      if (event.kind === "pair.wait" && fields.waitFor == null && groupContext.waitFor != null) filled.waitFor = groupContext.waitFor;
      (result ??= [...events])[index] = { ...event, deviceGroup: groupContext.deviceGroup, fields: filled };
    }
    // A command log's run whose pairdisplay rows name one group is that group's (round 35 #12: "pairvolchk : Volstat is
    // P-VOL.[status = PSUE ...]" under mes_dg's table, the command lines not saved); a second group makes it nobody's.
    if (options.kind === "cmdlog" && (groupContext === null || groupContext.fromTable === true)) {
      for (let index = 0; index < events.length; index++) {
        const event = events[index];
        // A Business Copy row's group is no CA answer's (review: a fence-carrying pairvolchk under it took its group).
        if (event.deviceGroup === undefined || event.fields?.deviceGroupFrom !== "table" || event.fields.replication === "local") continue;
        if (groupContext === null) {
          groupContext = { deviceGroup: event.deviceGroup, side: null, instance: null, fromTable: true, host, program, ts, lineNo };
        } else if (groupContext.deviceGroup !== event.deviceGroup) {
          groupContext = { ...groupContext, ambiguous: true, lineNo };
        } else {
          groupContext = { ...groupContext, lineNo };
        }
      }
    }
    // The events as filled: a split whose result line names no group keeps the context its command line opened, and
    // a command on a line that continued the context ("pairsplit rc=0") does not end it.
    const filledEvents = result ?? events;
    const continued = result !== undefined && result.some((event, index) => event !== events[index] && event.deviceGroup !== undefined);
    let label: string | null | undefined;
    for (let index = 0; index < filledEvents.length; index++) {
      const event = filledEvents[index];
      if (!opensContext.has(event.kind)) continue;
      if (continued && event.deviceGroup === undefined) continue;
      const fields = event.fields ?? {};
      label ??= LEADING_LABEL.exec(body)?.[1].toLowerCase() ?? null;
      groupContext =
        event.deviceGroup === undefined
          ? null
          : {
              deviceGroup: event.deviceGroup,
              side: fields.side ?? null,
              instance: fields.instance ?? null,
              ...(fields.waitFor != null ? { waitFor: fields.waitFor } : {}),
              ...(label !== null && label !== event.deviceGroup.toLowerCase() ? { tag: label } : {}),
              ...(fields.replication === "local" ? { replication: "local" as const } : {}),
              host,
              program,
              ...(pid !== undefined ? { pid } : {}),
              ts,
              lineNo,
            };
    }
    return result ?? events;
  };
  const packageOf = (events: readonly EventDraft[]): string | null => {
    if (packageHint !== null) return packageHint;
    // An index loop: a for-of allocated an iterator for every line, most of which have no event.
    for (let index = 0; index < events.length; index++) {
      const event = events[index];
      if (event.package !== undefined) {
        if (options.kind === "pkglog" && namedPackage === null) namedPackage = event.package;
        return event.package;
      }
    }
    return options.kind === "pkglog" ? namedPackage : null;
  };

  // A file names few hosts and programs, but each line's header slices its own copy of them, and a batch of
  // lines is kept until it is stored: one string per name instead of one per line leaves the collector less
  // to copy.
  const names = new Map<string, string>();
  const shared = (name: string): string => {
    const known = names.get(name);
    if (known !== undefined) return known;
    if (names.size >= 4096) names.clear();
    names.set(name, name);
    return name;
  };

  // One options object for every line (the line number is updated): no allocation per line.
  const location = { path: options.path, line: 0 };
  const bodyOptions = { strict, counters, location };

  // The fields of the line last read (readLine): one object for the whole file.
  const current: LineFields = {
    format: "unknown",
    ts: null,
    host: null,
    program: null,
    package: null,
    body: "",
    shape: "plain",
    repeated: undefined,
    events: [],
    understood: false,
  };
  // Raid Manager's own logs sit in the folder of their instance (/HORCM/log<N>/, curlog/ and tmplog/ below it): an instance
  // start or stop they log without naming one is that instance's (review: instance 1's start read as instance 0's).
  // The daemon of instance N logs to syslog as horcmd_0N (HP-UX): its lines that name no instance are that one's.
  const folderDigits = /(?:^|[\\/])HORCM[\\/]log(\d+)[\\/]/.exec(options.path)?.[1];
  const instanceOfFolder = folderDigits === undefined ? undefined : instanceNamed(folderDigits);
  const withKnownInstance = (events: readonly EventDraft[], instance: number | string | undefined): readonly EventDraft[] =>
    instance === undefined || !events.some((event) => event.kind.startsWith("horcm.") && (event.fields?.instance ?? null) === null)
      ? events
      : events.map((event) =>
          event.kind.startsWith("horcm.") && (event.fields?.instance ?? null) === null ? { ...event, fields: { ...event.fields, instance } } : event,
        );
  const withFolderInstance = (events: readonly EventDraft[]): readonly EventDraft[] => withKnownInstance(events, instanceOfFolder);
  const instanceOfDaemon = (program: string | null): number | string | undefined => {
    const digits = program !== null && program.startsWith("horcmd_") ? /^horcmd_0*(\d+)$/.exec(program)?.[1] : undefined;
    return digits === undefined ? undefined : instanceNamed(digits);
  };
  // "[root@amsb01 ~]# ssh amsb02 pairdisplay -g amsdg -I0" in a saved session: that command's events and those of the
  // output under it are amsb02's, until the next Raid Manager command or stamped run.
  let commandHost: string | null = options.resume?.commandHost ?? null;
  const onCommandHost = (events: readonly EventDraft[], shape: NonNullable<Header["shape"]>): readonly EventDraft[] => {
    if (shape !== "plain") commandHost = null;
    for (let index = 0; index < events.length; index++) {
      const event = events[index];
      if (event.kind === "raid.command") commandHost = typeof event.fields?.onHost === "string" ? event.fields.onHost : null;
    }
    if (commandHost === null || events.length === 0) return events;
    const host = commandHost;
    return events.map((event) => (event.node === undefined ? { ...event, node: host } : event));
  };
  const fill = (
    format: LineFormat,
    ts: number | null,
    host: string | null,
    program: string | null,
    packageName: string | null,
    body: string,
    shape: NonNullable<Header["shape"]>,
    repeated: number | undefined,
    events: readonly EventDraft[],
    understood: boolean,
  ): LineFields => {
    if (options.kind === "cmdlog") events = onCommandHost(withFolderInstance(events), shape);
    else if (events.length > 0 && program !== null) events = withKnownInstance(events, instanceOfDaemon(program));
    current.format = format;
    current.ts = ts;
    current.host = host;
    current.program = program;
    current.package = packageName;
    current.body = body;
    current.shape = shape;
    current.repeated = repeated;
    current.events = events;
    current.understood = understood;
    return current;
  };

  function readConfigLine(text: string): LineFields {
    let events: readonly EventDraft[] | undefined;
    if (config && text.length <= MAX_BODY_INPUT) {
      events = parseConfigLine(config, text, bodyOptions);
    } else if (config) {
      counters.tooLong++;
    }
    // A package's file kept outside a cmcluster folder has no folder to name its package: its PACKAGE_NAME line does.
    if (packageHint === null && namedPackage === null && events !== undefined) {
      for (const event of events) {
        const fields = event.fields ?? {};
        if (
          event.kind === "config.setting" &&
          typeof fields.name === "string" &&
          fields.name.toUpperCase() === "PACKAGE_NAME" &&
          typeof fields.value === "string"
        )
          namedPackage = fields.value;
      }
    }
    return fill(events ? "config" : "unknown", null, hostHint, null, packageHint ?? namedPackage, text, "plain", undefined, events ?? [], events !== undefined);
  }

  // Where the last header's body starts in its line (parseHeader's out-parameter).
  const place = { bodyStart: -1 };

  // A package log's step read as syslog names a host no syslog writes: "Feb 12 19:01:20 - Unmount ..." (a legacy step,
  // "-" where the host stands) or "Feb 10 09:40:31 root@mes-b1 mcxpca.sh[11861]: ..." (a modular package log's user@node).
  // Such a line in a file read as syslog (an extract holding both logs' lines, a paste of a package log under a prompt)
  // is the package log's, when its grammar reads it as a step or a modular line: its node, its body grammar.
  const headerOf = (text: string, kind: FileKind): Header | undefined => {
    const header = parseHeader(text, kind, place);
    if (kind !== "syslog" || header === undefined || header.format !== "syslog" || header.host === undefined) return header;
    // A log platform's event from a package log's file (its source, log.file.path) is that log's line whatever its host.
    const fromPackageLog = header.line !== undefined && header.source !== undefined && extractSource(header.source)?.kind === "pkglog";
    if (!fromPackageLog && header.host !== "-" && (!header.host.includes("@") || !PACKAGE_LOG_USER_HOST.test(header.host))) return header;
    // A log platform's export carries the line itself (Splunk's _raw): that line is what the package log wrote.
    const step = parseHeader(header.line ?? text, "pkglog", place);
    if (step !== undefined && (step.shape === "step" || step.shape === "modular")) {
      if (header.line !== undefined) place.bodyStart = -1;
      return header.source === undefined ? step : { ...step, source: header.source };
    }
    return parseHeader(text, kind, place);
  };

  // A daemon's log, or an extract of one (a ticket, grep's output): a line no header grammar reads whole may be a log
  // line behind grep's or a mail's prefix (extract.ts), read as the log it came from says.
  const readsExtracts = options.kind === "syslog" || options.kind === "pkglog";
  // A ticket or a saved session (a command log) holds pasted syslog and package-log lines too: each is dated by itself.
  const readsPastedLogLines = options.kind === "cmdlog";
  const daemonKinds: readonly FileKind[] = options.kind === "pkglog" ? ["pkglog", "syslog"] : ["syslog", "pkglog"];
  // The package the file grep named says for the line read last from behind a prefix (null: the line's own).
  let extractPackage: string | null = null;
  // The file the last typed command read (a prompt's `grep -n ... pkgdw.cntl.log`, `tail -50 /var/adm/syslog/syslog.log`):
  // what it printed stands behind bare line numbers, or bare, and is that file's (extract.ts fileReadBy).
  let commandSource: ExtractSource | null = options.resume?.commandSource ?? null;
  /** The header of a line behind an extract prefix (its text is then `extracted`), or undefined. */
  const extractHeader = (text: string): { header: Header; text: string } | undefined => {
    const stamped = extractedLine(text);
    // No stamp behind the prefix: grep -n's numbered line may still be a package log's banner or ERROR/WARNING line.
    const extracted = stamped ?? numberedLine(text);
    if (extracted === null) return undefined;
    const source = extracted.path === null ? commandSource : extractSource(extracted.path);
    const kinds: readonly FileKind[] = stamped === null ? ["pkglog"] : source !== null ? [source.kind] : daemonKinds;
    for (const kind of kinds) {
      const header = headerOf(extracted.text, kind);
      if (header === undefined) continue;
      if (stamped === null && !UNSTAMPED_PACKAGE_LOG_SHAPES.has(header.shape ?? "plain")) return undefined;
      if (stamped === null && source !== null && source.kind !== "pkglog") return undefined;
      // A line with no stamp before any time is known ("27:<TAB>ERROR:  Function start_services" first in a grep -n -i
      // error): it cannot be placed, so it is tied to no package's run (round 69 #16: September's errors read as today's).
      extractPackage = header.format === "pkglog" && (stamped !== null || previousTs !== null) ? (source?.packageName ?? null) : null;
      return { header, text: extracted.text };
    }
    return undefined;
  };

  // An extract (a file whose first line is no log line, or whose lines stand behind a prefix: a ticket, a mail) may have
  // its log lines wrapped by a mail client at 72-80 columns: a headerless line right after a long log line, behind the
  // same quote marks, is the rest of that line's message. Its events are read from the whole message, on its last part
  // (those the first part gave already are not given twice).
  let inExtract = options.resume?.extract ?? false;
  let firstLine = options.resume === undefined;
  const resumedWrap = options.resume?.wrapped;
  let wrapped: WrappedLine | null = resumedWrap === undefined ? null : { ...resumedWrap, pid: resumedWrap.pid ?? undefined, given: new Set(resumedWrap.given) };
  const continuation = (whole: string): LineFields | undefined => {
    const quote = QUOTE_MARKS.exec(whole)![0];
    const rest = whole.slice(quote.length).trim();
    const last = wrapped;
    wrapped = null;
    // Wrapped: the line before would have run past the wrap width with this line's first word (how mail clients and
    // format=flowed readers tell a soft break); grep's "--" between groups is never a continuation.
    const firstWord = /^\S+/.exec(rest)?.[0] ?? "";
    if (last === null || !inExtract || rest === "--" || quote !== last.quote || last.length + 1 + firstWord.length <= WRAP_WIDTH) return undefined;
    const message = `${last.body} ${rest}`;
    const ts = last.ts !== undefined ? last.ts : previousTs;
    const host = last.host !== undefined ? last.host : previousHost;
    const found = inContext(parseBody(last.format, message, bodyOptions), host, last.program, last.pid, ts, "plain", message);
    const events = withUnreadMarker(
      found.filter((event) => !last.given.has(JSON.stringify(event))),
      whole,
    );
    if (wrappable(whole))
      wrapped = { ...last, length: whole.length, body: message, given: new Set([...last.given, ...events.map((event) => JSON.stringify(event))]) };
    return fill(last.format, ts, host, last.program, packageOf(events), whole, "plain", undefined, events, true);
  };

  /** A log line pasted into a command log, bare or behind an extract prefix, with its own header; else undefined. */
  /** A log platform's event names the file it was read from: a package log's line is that package's (null: it says none). */
  const platformPackage = (header: Header): string | null => {
    if (header.source === undefined || header.format !== "pkglog") return null;
    const source = extractSource(header.source);
    return source?.kind === "pkglog" ? source.packageName : null;
  };

  const pastedLogLine = (whole: string): { header: Header; text: string } | undefined => {
    if (!mayHoldLogLine(whole)) return undefined;
    for (const kind of daemonKinds) {
      const header = headerOf(whole, kind);
      if (header !== undefined && hasTime(header)) return { header, text: whole };
    }
    const extracted = extractHeader(whole);
    return extracted !== undefined && hasTime(extracted.header) ? extracted : undefined;
  };

  // A saved session's prompt (or a mail's sender) after lines a script stamped one by one ("Mon Feb 23 08:00:01 SAST 2026
  // dgpay P-VOL PSUS", "2026-02-27 20:00:02 [bkp.sh] pairsplit ...") is somebody typing elsewhere, not that script's
  // output: what is typed and printed under it has no time until the next stamp or banner (round 69 #07, #10: a ticket's
  // pasted history and pairdisplay were read at the time of the cron check's last line above them). Its events are
  // untimed facts. A banner's time ("Script started on <date>", `date`'s output alone) covers the prompts under it.
  let stampedRun = options.resume?.stampedRun ?? false;
  // The saved session's own clock: its last banner or stamp, never a pasted log line's time.
  let sessionClock: number | null = options.resume?.sessionClock ?? null;
  let untimedSession = options.resume?.untimedSession ?? false;

  // A log platform's export as a table (export-table.ts): its header row, the first line of a file read as syslog, names
  // the columns; each record after it is read as the platform's event its columns make.
  let exportTable: ExportTable | null = options.resume?.exportTable ?? null;
  const exportHeader = (whole: string): Header | undefined => {
    const json = recordAsJson(exportTable!, whole);
    const header = json === null ? undefined : headerOf(json, "syslog");
    place.bodyStart = -1;
    return header;
  };

  function readLogLine(line: string): LineFields {
    extractPackage = null;
    let whole = line;
    // A `journalctl -o verbose` export: its record and MESSAGE lines are read as the journal entries they are.
    if (options.kind === "syslog" && (journalEntry !== null || mayBeVerboseRecord(whole))) {
      const verbose = readVerboseLine(whole, journalEntry, hostHint);
      if (verbose !== undefined) {
        journalEntry = verbose.entry;
        firstLine = false;
        if (verbose.asJson === undefined) return fill("unknown", previousTs, previousHost, null, null, whole, "plain", undefined, [], false);
        whole = verbose.asJson;
      } else if (journalEntry !== null && whole.trim() !== "") {
        journalEntry = null;
      }
    }
    if (firstLine && options.kind === "syslog" && whole.trim().length > 0 && exportTable === null) {
      exportTable = tableHeader(whole);
      if (exportTable !== null) firstLine = false;
    }
    if (exportTable !== null) {
      const exported = exportHeader(whole);
      if (exported !== undefined) {
        extractPackage = platformPackage(exported);
        return readHeaderedLine(whole, whole, exported);
      }
    }
    let own = headerOf(whole, options.kind);
    let pasted: { header: Header; text: string } | undefined;
    if (readsPastedLogLines && own !== undefined && own.shape === "plain" && own.host === undefined && !hasTime(own)) {
      pasted = pastedLogLine(whole);
      if (pasted === undefined) own = parseHeader(whole, options.kind, place);
    }
    if (readsExtracts && own === undefined && PROMPT_MARK.test(whole)) {
      // A prompt pasted among the extract's lines (a support session: `grep -n ... pkgdw.cntl.log | tail -80`, then
      // `grep -n pkgdw /var/adm/syslog/syslog.log`): the lines under it are the file its command read, and it is no
      // wrapped part of the line above it (round 69 #08).
      const prompt = parseHeader(whole, "cmdlog", place);
      if (prompt !== undefined && prompt.host !== undefined && prompt.directory !== undefined && !hasTime(prompt)) {
        commandSource = fileReadBy(prompt.body, prompt.directory);
        wrapped = null;
      }
    }
    const extracted = pasted ?? (own === undefined && readsExtracts ? extractHeader(whole) : undefined);
    const header = pasted?.header ?? own ?? extracted?.header;
    const text = extracted?.text ?? whole;
    if (readsPastedLogLines && header !== undefined && pasted === undefined) {
      if (hasTime(header)) {
        stampedRun = header.shape === "stamp";
        untimedSession = false;
        commandSource = null;
      } else if (header.host !== undefined && stampedRun) {
        untimedSession = true;
      }
      // A prompt (or a mail's sender): the output under it is its command's.
      if (!hasTime(header) && header.host !== undefined) commandSource = fileReadBy(header.body, header.directory ?? null);
    }
    if (pasted !== undefined && extractPackage === null && pasted.header.format === "pkglog" && commandSource?.kind === "pkglog") {
      extractPackage = commandSource.packageName;
    }
    if (header !== undefined) extractPackage = platformPackage(header) ?? extractPackage;
    if (readsExtracts && (extracted !== undefined || (firstLine && header === undefined && whole.trim().length > 0))) inExtract = true;
    if (firstLine && whole.trim().length > 0) firstLine = false;
    if (!header && readsExtracts) {
      const rest = continuation(whole);
      if (rest !== undefined) return rest;
    }
    if (!header) {
      // No header: wrapped text or raw command output under a step; it happened when the line above did.
      // Binary junk (a core file, a corrupted block) carries stray words such as "LINK 01": no events from it.
      const events = BINARY_JUNK.test(text)
        ? []
        : withUnreadMarker(inContext(parseBody(bodyFormat, text, bodyOptions), previousHost, null, undefined, previousTs, "plain", text), text);
      return fill("unknown", previousTs, previousHost, null, packageOf(events), text, "plain", undefined, events, false);
    }
    // A log line shown at a prompt (`tail -5 /var/log/messages`) is dated by itself, and what follows it unheaded (its
    // wrapped rest) by it too; but the next prompt was typed after the session's own last stamp, never before it (round
    // 71 #11, a horctakeover typed after a tail of older lines was read as before the states the session had printed).
    if (pasted === undefined && header.format === "cmdlog" && header.directory !== undefined && sessionClock !== null) {
      if (previousTs === null || previousTs < sessionClock) previousTs = sessionClock;
    }
    const read = readHeaderedLine(whole, text, header);
    if (readsPastedLogLines && pasted === undefined && hasTime(header) && read.ts !== null) sessionClock = read.ts;
    return read;
  }

  /**
  A command typed at a saved session's prompt is also what a shell history's line is (grammars/shell.ne): an edit of
  horcm<N>.conf, a Raid Manager instance started or stopped, a takeover asked for, which no output under it may say
  (round 72 #02: `vi /etc/horcm20.conf` in a typescript, the restart never typed, a week of EX_ENOENT after it). Only
  those facts (TYPED_KINDS), and only where the saved output's grammars gave none of that kind: a pair command's own
  events come from them.
  */
  function typedAtPrompt(header: Header, read: readonly EventDraft[], text: string): readonly EventDraft[] {
    // A prompt naming its directory, or root's bare "# " in a session its banner dated ("Script started on ..."): HP-UX's
    // default root prompt (round 85 #13: a horctakeover typed there, the typescript cut before its output).
    const prompted = header.directory !== undefined || (sessionClock !== null && BARE_ROOT_PROMPT.test(text));
    if (options.kind !== "cmdlog" || header.format !== "cmdlog" || !prompted || header.body.length === 0) return read;
    const kinds = new Set(read.map((event) => (event.kind.startsWith("takeover") ? "takeover.requested" : event.kind)));
    const typed = parseBody("history", header.body, bodyOptions).filter((event) => TYPED_KINDS.has(event.kind) && !kinds.has(event.kind));
    return typed.length === 0 ? read : [...read, ...typed];
  }

  /** A line with a header (its text `text`, behind any prefix of `whole`): its time, host, program and events. */
  function readHeaderedLine(whole: string, text: string, header: Header): LineFields {
    const shape = header.shape ?? "plain";
    let ts: number | null;
    let host: string | null;
    const timed = hasTime(header);
    if (timed) {
      // A year the line writes is a year source only inside what --year accepts: a banner's "EST 0000" read by Date.UTC
      // is 1900, and its time then dated other nodes' year-less lines (review). Outside, the line is dated as year-less.
      const written = header.year !== undefined && isPlausibleYear(header.year) ? header.year : undefined;
      const year = written ?? (header.format === "pkglog" ? yearNear(header.month, header.day) : options.yearFor(header.month, header.day));
      ts = naiveTime(year, header.month, header.day, header.hour, header.minute, header.second);
      if (ts !== null && header.millisecond !== undefined) ts += header.millisecond;
      if (ts !== null && header.instant === true) ts = zone.placeInstant(ts - (header.utcOffset ?? 0) * 60_000);
      else if (ts !== null && header.utcOffset !== undefined) ts = zone.place(ts, header.utcOffset);
      host = (header.host !== undefined ? shared(header.host) : undefined) ?? hostHint ?? previousHost;
      // Placed by the zone its line (or its banner) names: --node-tz then has nothing left to convert. A name the
      // line's own zone goes by (the node's, else the logs') leaves the line on that zone's clock (zoneGoesBy).
      let placedByName = false;
      if (options.timeZone !== undefined && ts !== null && header.utcOffset === undefined) {
        const named = header.zoneName !== undefined ? ownClockName(header.zoneName, host) : undefined;
        if (header.format === "pkglog" && shape === "banner" && header.year !== undefined) stepZoneOffset = named ?? null;
        const offset = named ?? (header.format === "pkglog" ? stepZoneOffset : null);
        if (offset !== null && offset !== undefined) {
          ts = zone.place(ts, offset);
          placedByName = true;
        }
      }
      if (written !== undefined && shape === "banner" && ts !== null) {
        bannerTs = ts;
        bannerYear = written;
      }
      if (onNodeClock !== null && ts !== null && header.utcOffset === undefined && !placedByName && host !== null) {
        const nodeZone = nodeZones![host];
        if (nodeZone !== undefined) ts = onNodeClock(ts, nodeZone);
      }
    } else {
      ts = untimedSession ? null : previousTs;
      host = (header.host !== undefined ? shared(header.host) : undefined) ?? previousHost ?? hostHint;
    }
    const program = header.program !== undefined ? shared(header.program) : null;
    let events: readonly EventDraft[] = [];
    if (shape !== "repeated") {
      // One pass over the line says which grammars may read the body and whether the line may carry replication vocabulary.
      const scanned = place.bodyStart >= 0 ? scanLine(header.format, text, place.bodyStart) : NOT_SCANNED;
      const read = parseBody(header.format, header.body, bodyOptions, text, scanned);
      const found = inContext(inTable(typedAtPrompt(header, read, text), shape, text), host, program, header.pid, ts, shape, header.body);
      events = withUnreadMarker(found, text, scanned === NOT_SCANNED || (scanned & VOCABULARY_BIT) !== 0);
      const untimedKinds = untimedPrefix ?? (untimedSession ? UNTIMED_PREFIX : undefined);
      if (ts === null && untimedKinds !== undefined && events.length > 0) events = untimed(events, untimedKinds);
    }
    if (markSeen && timed && ts !== null && host !== null) events = seenMarked(events, host, ts);
    previousTs = ts;
    previousHost = host;
    wrapped =
      inExtract && wrappable(whole) && shape !== "repeated"
        ? {
            length: whole.length,
            body: header.body,
            format: header.format,
            quote: QUOTE_MARKS.exec(whole)![0],
            program,
            pid: header.pid,
            given: new Set(events.map((event) => JSON.stringify(event))),
            ts,
            host,
          }
        : null;
    return fill(header.format, ts, host, program, extractPackage ?? packageOf(events), header.body, shape, header.repeated, events, true);
  }

  const terminalKind = options.kind === "cmdlog" || options.kind === "history";
  const readLine = (text: string): LineFields => {
    lineNo++;
    location.line = lineNo;
    // A line with terminal escapes or editing in what a terminal session leaves (a script(1) typescript or a paste of
    // one, a shell history) is read as the terminal showed it. Not a daemon's line (syslog, package log): no terminal
    // edited it, and an escape inside a name there is forged text to be shown as it is, never cleaned into a valid name.
    const shown = terminalKind && hasTerminalEditing(text) ? renderTerminal(text) : text;
    return options.kind === "config" ? readConfigLine(shown) : readLogLine(shown);
  };

  return {
    counters,
    context: () => ({
      ts: previousTs,
      host: previousHost,
      bannerTs,
      bannerYear: bannerTs === null ? null : bannerYear,
      ...(stepZoneOffset !== null ? { stepZoneOffset } : {}),
      ...(commandHost !== null ? { commandHost } : {}),
      ...(commandSource !== null ? { commandSource } : {}),
      ...(sessionClock !== null ? { sessionClock } : {}),
      package: namedPackage,
      zoneOffset: zone.referenceOffset,
      // Its line as a distance back from here: a resumed parser counts its lines from 0 again.
      groupContext: groupContext === null ? null : { ...groupContext, lineNo: groupContext.lineNo - lineNo },
      ...(table !== null ? { table } : {}),
      ...(journalEntry !== null ? { journalEntry } : {}),
      ...(rowsAbove.size > 0 ? { rowsAbove: Object.fromEntries(rowsAbove) } : {}),
      seen: lastSeen.size === 0 ? null : Object.fromEntries(lastSeen),
      ...(inExtract ? { extract: true } : {}),
      ...(exportTable !== null ? { exportTable } : {}),
      ...(stampedRun ? { stampedRun: true } : {}),
      ...(untimedSession ? { untimedSession: true } : {}),
      ...(wrapped !== null ? { wrapped: { ...wrapped, pid: wrapped.pid ?? null, given: [...wrapped.given] } } : {}),
    }),
    readLine,
    parseLine(text: string): ParsedLine {
      const line = readLine(text);
      const parsed: ParsedLine = {
        format: line.format,
        ts: line.ts,
        host: line.host,
        program: line.program,
        package: line.package,
        body: line.body,
        shape: line.shape,
        events: line.events,
        understood: line.understood,
      };
      return line.repeated !== undefined ? { ...parsed, repeated: line.repeated } : parsed;
    },
  };
}

export interface ParseTextOptions extends Omit<FileParserOptions, "path" | "yearFor"> {
  readonly path?: string;
  readonly yearFor?: (month: number, day: number) => number;
  /** Shortcut for a fixed year (default: 2026). */
  readonly year?: number;
}

/** Parse a whole text (split on LF, a trailing CR dropped): a convenience for tests and tools. */
export function parseText(text: string, options: ParseTextOptions): ParsedLine[] {
  const year = options.year ?? 2026;
  const parser = createFileParser({ ...options, path: options.path ?? "<text>", yearFor: options.yearFor ?? (() => year) });
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => parser.parseLine(line.endsWith("\r") ? line.slice(0, -1) : line));
}
