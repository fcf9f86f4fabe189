/**
The vocabulary shared by every stage: a framed log line, its parsed header, and the typed events
that body grammars (grammars/*.ne) produce. Kinds are strings on purpose: a new grammar rule can
emit a new kind without a change in src/ (docs/events.md lists the kinds the shipped rules use).
*/

/** A scalar value an event field may hold. */
export type Scalar = string | number | boolean | null;

/**
What a file holds, by its name and place: which header grammars read its lines. `cmdlog`: a site's own
log of Raid Manager command output (a monitoring script's stamped pairdisplay runs, grammars/cmdlog.ne).
`history`: a shell's history of the commands an operator typed, with their times (grammars/history.ne).
*/
export type FileKind = "syslog" | "pkglog" | "cmdlog" | "history" | "config";

/** Which header grammar recognised a line. */
export type LineFormat = "syslog" | "pkglog" | "cmdlog" | "history" | "config" | "unknown";

/** What the header grammars (grammars/syslog.ne, grammars/pkglog.ne) return for one line. */
export interface Header {
  readonly format: LineFormat;
  /** Month 1-12, day, and time of day, when the line has a timestamp. */
  readonly month?: number;
  readonly day?: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  /** A full year, when the line carries one (package-log banners with the `date` output, ISO 8601 stamps). */
  readonly year?: number;
  /** Milliseconds, when the stamp has a fraction of a second (RFC 3339). */
  readonly millisecond?: number;
  /** The stamp's UTC offset in minutes east of UTC, when it writes one (RFC 3339 `+01:00`, journalctl `+0100`, `Z`). */
  readonly utcOffset?: number;
  /**
  The stamp is an instant that says nothing of the writer's zone (a shell history's epoch second, written with
  `utcOffset` 0): placed on the bundle's clock (`--tz`, or the offset its zoned lines set), never setting it.
  */
  readonly instant?: boolean;
  readonly host?: string;
  /** The log line a log platform's export carried (Splunk's `_raw`), when the header was read from it. */
  readonly line?: string;
  /** The file a log platform's export says the line came from (Splunk's `source`, Elastic's `log.file.path`). */
  readonly source?: string;
  /** A shell prompt's working directory (`dwhp02:/etc/cmcluster/pkgdw # `): where the files its command names are. */
  readonly directory?: string;
  readonly program?: string;
  readonly pid?: number;
  /** The message text after the header; for lines without a header, the whole line. */
  readonly body: string;
  /** Line-shape markers the body grammars and the file context use. */
  readonly shape?: "banner" | "stamp" | "step" | "error" | "warning" | "continuation" | "repeated" | "modular" | "plain";
  /** `last message repeated N times`. */
  readonly repeated?: number;
  /**
  The zone name a `date` output printed ("JST", "UTC", "CDT"): a package-log banner's (its step lines follow it), a
  saved output's stamp. Read only where the name is one zone's (src/model/time.ts zoneNameOffset) and --tz is given.
  */
  readonly zoneName?: string;
}

/** One event as a body grammar emits it, before the pipeline adds time and provenance. */
export interface EventDraft {
  /** Dotted kind, e.g. `pair.state`, `pkg.start.failed`, `raid.error`. */
  readonly kind: string;
  readonly package?: string;
  readonly deviceGroup?: string;
  /** The node the event is about (a node timed out, a package started on node X); defaults to the line's host. */
  readonly node?: string;
  /** Anything else, flat: `{ side: "remote", role: "SVOL", state: "PSUS" }`. */
  readonly fields?: Readonly<Record<string, Scalar>>;
}

/**
The kind the parse stage gives a log line that carries replication vocabulary (grammars/
replication-vocabulary.yaml) and from which no grammar read an event: mcadvisor saw that it matters
and could not read it. It is not a fact about the cluster: it is not counted as an event of its line
(`event_count`), and the engine only shows it as evidence.
*/
export const UNREAD_LINE_KIND = "line.unread";

/**
The kind the parse stage adds to a line of a syslog or package log when its node had not been heard from for
NODE_SEEN_INTERVAL_MS (by that file): the node was up and logging then. Lines that are only noise (an
application's own monitor, sshd, cron) are no grammar's business, yet they are how a post-mortem knows a
site kept running, and a package on it kept writing, while its pairs were suspended (rounds 24 and 39: a
Continentalclusters recovery forced while the primary site lived on). Like the unread marker it is not a
fact read by a grammar: not counted as an event of its line, nor in what a bundle's readability is judged by.
*/
export const NODE_SEEN_KIND = "node.seen";

/**
At most one node.seen per node and file in this much log time. Markers grow with nodes times minutes, not lines: at one
a minute a week of a central loghost's 40 hosts gave 404,000 of them (review); a quiet node's sparse lines are each
one (samples/: 47,566 at five minutes beside 7,479 events, analyze's CPU 1.24x; 23,468 at fifteen). The bench syslog
(four hosts, forty hours) gives about a thousand.
*/
export const NODE_SEEN_INTERVAL_MS = 15 * 60_000;

/** Kinds the parse stage adds about a line itself, not read from it by a grammar: never counted as its events. */
export const MARKER_KINDS: readonly string[] = [UNREAD_LINE_KIND, NODE_SEEN_KIND];

/** MARKER_KINDS as an SQL list, for `kind NOT IN (...)` (the kinds are constants: nothing from a log). */
export const MARKER_KINDS_SQL = MARKER_KINDS.map((kind) => `'${kind}'`).join(", ");

/** Whether an event of this kind is a fact a grammar read (not a marker: MARKER_KINDS). */
export function isReadFact(kind: string): boolean {
  return kind !== UNREAD_LINE_KIND && kind !== NODE_SEEN_KIND;
}

/** The events of a line that are facts read by a grammar (not the unread-line or node-seen markers). */
export function readEventCount(events: readonly EventDraft[]): number {
  let count = 0;
  for (const event of events) if (isReadFact(event.kind)) count++;
  return count;
}

/** Where a line came from. `file` is the path as the user gave or discovered it. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

/** A stored, time-placed event: what the rules engine consumes. */
export interface LogEvent {
  /** Row id in the store (0 before it is stored). */
  readonly id: number;
  readonly kind: string;
  /**
  Event time: the log's own wall-clock time as milliseconds of a UTC-based epoch ("naive" local
  time: 2026-11-20 16:31:05 in the logs is Date.UTC(2026, 10, 20, 16, 31, 5)). null when unknown
  (configuration facts): such events apply from the start.
  */
  readonly ts: number | null;
  readonly host: string | null;
  readonly package: string | null;
  readonly deviceGroup: string | null;
  readonly node: string | null;
  readonly fields: Readonly<Record<string, Scalar>>;
  readonly source: SourceRef;
  /** The raw line text (decoded, not sanitised: sanitise at output). */
  readonly raw: string;
}

/** The node an event is about: the one its line names (a remote check names the other side's), else the host that logged it. */
export function nodeOf(event: LogEvent): string | null {
  return event.node ?? event.host ?? null;
}
