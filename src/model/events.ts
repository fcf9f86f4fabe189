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
  readonly program?: string;
  readonly pid?: number;
  /** The message text after the header; for lines without a header, the whole line. */
  readonly body: string;
  /** Line-shape markers the body grammars and the file context use. */
  readonly shape?: "banner" | "stamp" | "step" | "error" | "warning" | "continuation" | "repeated" | "modular" | "plain";
  /** `last message repeated N times`. */
  readonly repeated?: number;
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

/** The events of a line that are facts read by a grammar (not the unread-line marker). */
export function readEventCount(events: readonly EventDraft[]): number {
  let count = 0;
  for (const event of events) if (event.kind !== UNREAD_LINE_KIND) count++;
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
