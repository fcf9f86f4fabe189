/**
The read side shared by the presenters (text/JSON output, TUI, reports). Presenters never parse
logs; they read what analyze or watch stored.
*/
import { hostname } from "node:os";
import { processAlive } from "./lock.js";
import type { SqliteDatabase } from "./db.js";
import type { Evidence, Finding, FindingStatus, Severity, SiteInfo, Step } from "../model/findings.js";
import type { BundleReading, UnfinishedAnalysis } from "../model/readability.js";
import type { FindingAcknowledgement } from "../model/acknowledgement.js";

export interface StoredFinding extends Finding {
  /** The incident bundle (correlation scope) the finding belongs to. */
  readonly bundle: string;
  readonly updatedAt: string;
  /** An operator's acknowledgement, when withAcknowledgements (store/acknowledgements.ts) attached one. */
  readonly acknowledgement?: FindingAcknowledgement;
}

interface FindingRow {
  id: string;
  bundle: string;
  rule: string;
  action: string;
  severity: Severity;
  status: FindingStatus;
  title: string;
  summary: string;
  package: string | null;
  device_group: string | null;
  node: string | null;
  site: string | null;
  first_seen: number;
  last_seen: number;
  resolved_at: number | null;
  check_first: string;
  steps: string;
  evidence: string;
  updated_at: string;
  site_info: string | null;
  superseded_by?: string | null;
  cluster?: string | null;
}

function toFinding(row: FindingRow): StoredFinding {
  return {
    id: row.id,
    bundle: row.bundle,
    rule: row.rule,
    action: row.action,
    severity: row.severity,
    status: row.status,
    title: row.title,
    summary: row.summary,
    package: row.package,
    deviceGroup: row.device_group,
    node: row.node,
    site: row.site,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    resolvedAt: row.resolved_at,
    checkFirst: JSON.parse(row.check_first) as string[],
    steps: JSON.parse(row.steps) as Step[],
    evidence: JSON.parse(row.evidence) as Evidence[],
    updatedAt: row.updated_at,
    siteInfo: row.site_info === null ? null : (JSON.parse(row.site_info) as SiteInfo),
    ...(row.superseded_by ? { supersededBy: row.superseded_by } : {}),
    ...(row.cluster ? { cluster: row.cluster } : {}),
  };
}

export interface FindingFilter {
  /** Only these bundles (all when absent). */
  readonly bundles?: readonly string[];
  readonly status?: FindingStatus;
}

/** Most severe first, open before resolved, then oldest first: what needs attention longest comes first. */
export const findingOrder = `CASE status WHEN 'open' THEN 0 ELSE 1 END,
  CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, first_seen, id`;

export function listFindings(database: SqliteDatabase, filter: FindingFilter = {}): StoredFinding[] {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  if (filter.bundles) {
    conditions.push(`bundle IN (${filter.bundles.map(() => "?").join(", ") || "NULL"})`);
    parameters.push(...filter.bundles);
  }
  if (filter.status) {
    conditions.push("status = ?");
    parameters.push(filter.status);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
  const rows = database.prepare(`SELECT * FROM finding ${where} ORDER BY ${findingOrder}`).all(...parameters) as FindingRow[];
  return rows.map(toFinding);
}

export function getFinding(database: SqliteDatabase, id: string): StoredFinding | undefined {
  const row = database.prepare("SELECT * FROM finding WHERE id = ?").get(id) as FindingRow | undefined;
  return row ? toFinding(row) : undefined;
}

export interface InputTotals {
  readonly files: number;
  readonly lines: number;
  readonly events: number;
  /** Lines no header or configuration grammar recognised (stored all the same). */
  readonly unparsed: number;
  /** Lines about replication from which no event was read (`line.unread`, the view `unread_lines`). */
  readonly unread: number;
}

/** Totals over the given files (by id), or over the whole database: kept per file as lines are stored, no line is read. */
export function inputTotals(database: SqliteDatabase, fileIds?: readonly number[]): InputTotals {
  const ids = fileIds ? fileIds.map((id) => String(Math.trunc(id))).join(",") || "NULL" : null;
  const row = database
    .prepare(
      `SELECT count(*) AS files, coalesce(sum(line_count), 0) AS lines, coalesce(sum(event_count), 0) AS events,
            coalesce(sum(unparsed_count), 0) AS unparsed, coalesce(sum(unread_count), 0) AS unread FROM file ${ids ? `WHERE id IN (${ids})` : ""}`,
    )
    .get() as { files: number; lines: number; events: number; unparsed: number; unread: number };
  return { files: fileIds ? fileIds.length : row.files, lines: row.lines, events: row.events, unparsed: row.unparsed, unread: row.unread };
}

/**
What was read of each bundle's log files among the given files (configuration files do not count):
lines, lines no header grammar recognised, and unread replication lines. A bundle none of whose files
was read (a FIFO, a damaged .gz) is listed with zeros.
*/
export function bundleReadings(database: SqliteDatabase, bundles: readonly string[], fileIds: readonly number[]): BundleReading[] {
  const ids = fileIds.map((id) => String(Math.trunc(id))).join(",") || "NULL";
  const counts = new Map<string, { files: number; lines: number; unreadable: number; unread: number; events: number }>();
  for (const bundle of bundles) counts.set(bundle, { files: 0, lines: 0, unreadable: 0, unread: 0, events: 0 });
  const entry = (bundle: string) => {
    let found = counts.get(bundle);
    if (!found) {
      found = { files: 0, lines: 0, unreadable: 0, unread: 0, events: 0 };
      counts.set(bundle, found);
    }
    return found;
  };
  // The per-file totals kept as lines are stored: no block is decoded, and no event is counted again (inputTotals' events).
  const files = database
    .prepare(
      `SELECT bundle, count(*) AS n, coalesce(sum(line_count), 0) AS lines, coalesce(sum(unparsed_count), 0) AS unreadable
       FROM file WHERE id IN (${ids}) AND kind <> 'config' GROUP BY bundle`,
    )
    .all() as Array<{ bundle: string; n: number; lines: number; unreadable: number }>;
  for (const row of files) Object.assign(entry(row.bundle), { files: row.n, lines: row.lines, unreadable: row.unreadable });
  const totals = database
    .prepare(`SELECT bundle, coalesce(sum(event_count), 0) AS events, coalesce(sum(unread_count), 0) AS unread FROM file WHERE id IN (${ids}) GROUP BY bundle`)
    .all() as Array<{ bundle: string; events: number; unread: number }>;
  for (const row of totals) Object.assign(entry(row.bundle), { events: row.events, unread: row.unread });
  return [...counts]
    .map(([bundle, count]) => ({ bundle, ...count }))
    .sort((left, right) => (left.bundle < right.bundle ? -1 : left.bundle > right.bundle ? 1 : 0));
}

/**
Syslogs of these files (at least MOSTLY_UNPARSED_MIN_LINES lines) more than half of whose lines no header grammar
read and from which no event was read: a layout mcadvisor does not know (a localized stamp, another product's
export), whose lines may hold the incident. Their bundle cannot be called OK (src/model/readability.ts "files
unreadable"). Package logs are left out, and logs that gave events (Continentalclusters' event log, whose
notifications span many lines): their continuation lines have no header of their own.
*/
export function mostlyUnparsedSyslogs(
  database: SqliteDatabase,
  fileIds: readonly number[],
): Array<{ bundle: string; path: string; lines: number; unparsed: number }> {
  const ids = fileIds.map((id) => String(Math.trunc(id))).join(",") || "NULL";
  return database
    .prepare(
      `SELECT bundle, path, line_count AS lines, unparsed_count AS unparsed FROM file
       WHERE id IN (${ids}) AND kind = 'syslog' AND line_count >= ? AND unparsed_count * 2 > line_count AND event_count = 0 ORDER BY path`,
    )
    .all(MOSTLY_UNPARSED_MIN_LINES) as Array<{ bundle: string; path: string; lines: number; unparsed: number }>;
}

/** Below this many lines a syslog's unread lines are too few to say its layout is unknown (a note named messages). */
const MOSTLY_UNPARSED_MIN_LINES = 10;

/**
The bundles among these whose last analysis began and did not finish: still running (a writer on this machine with
its pid alive), or stopped part way (killed, a full disk, a crash). Their stored findings are what the lines read
before then say.
*/
export function unfinishedAnalyses(database: SqliteDatabase, bundles: readonly string[]): Map<string, UnfinishedAnalysis> {
  const unfinished = new Map<string, UnfinishedAnalysis>();
  if (bundles.length === 0) return unfinished;
  const rows = database
    .prepare(
      `SELECT bundle, started_at, stopped_at, pid, host, command FROM analysis
       WHERE finished_at IS NULL AND bundle IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(bundles)) as Array<{ bundle: string; started_at: number; stopped_at: number | null; pid: number; host: string; command: string }>;
  for (const row of rows) {
    // A run killed (or of another machine sharing the file) left no stop: its pid tells, where it can be asked.
    const running = row.stopped_at !== null ? false : row.host === hostname() ? processAlive(row.pid) : null;
    unfinished.set(row.bundle, { startedAt: row.started_at, command: row.command, pid: row.pid, host: row.host, running });
  }
  return unfinished;
}

/** The bundles that hold stored files (a new database: none). */
export function storedBundles(database: SqliteDatabase): string[] {
  return (database.prepare("SELECT DISTINCT bundle FROM file").all() as { bundle: string }[]).map((row) => row.bundle);
}
