/**
The reads behind the periodic review report (present/report/model.ts): what the lines and events of some
bundles say within a window. Times are naive wall-clock ms; windows are half-open, since <= ts < until.
Line questions are answered from the blocks the window touches (the block time index), event questions
in SQL over the event table.
*/
import type { SqliteDatabase } from "./db.js";
import { blockReader } from "./blocks.js";
import { MARKER_KINDS_SQL, UNREAD_LINE_KIND, type Scalar } from "../model/events.js";

function inList(column: string, values: readonly unknown[]): string {
  return `${column} IN (${values.map(() => "?").join(", ") || "NULL"})`;
}

function fileIdsOf(database: SqliteDatabase, bundles: readonly string[], kind?: string): number[] {
  return database
    .prepare(`SELECT id FROM file WHERE ${inList("bundle", bundles)}${kind ? " AND kind = ?" : ""} ORDER BY id`)
    .pluck()
    .all(...bundles, ...(kind ? [kind] : [])) as number[];
}

/** A stored line as the report shows it. */
export interface ReportLine {
  readonly file: string;
  readonly line: number;
  readonly ts: number | null;
  readonly host: string | null;
  readonly program: string | null;
  readonly format: string;
  readonly eventCount: number;
  readonly text: string;
}

export interface WindowLines {
  /** Timed lines in the window, and those no header grammar recognised. */
  readonly lines: number;
  readonly unparsed: number;
  /** Each host's newest line in the window, per bundle (hosts that logged in it; stale feeds). */
  readonly lastLines: ReadonlyArray<{ readonly bundle: string; readonly host: string; readonly last: number }>;
  /** Per bundle, its log files (configuration files left out) with lines in the window, those lines, and the unparsed ones. */
  readonly perBundle: ReadonlyArray<{ readonly bundle: string; readonly files: number; readonly lines: number; readonly unreadable: number }>;
}

/** Counts of the window's lines, from the columns of the blocks it touches (no text is decompressed). */
export function windowLines(database: SqliteDatabase, bundles: readonly string[], since: number, until: number): WindowLines {
  const reader = blockReader(database);
  const files = database.prepare(`SELECT id, bundle, kind FROM file WHERE ${inList("bundle", bundles)}`).all(...bundles) as {
    id: number;
    bundle: string;
    kind: string;
  }[];
  const bundleOf = new Map(files.map((row) => [row.id, row.bundle]));
  const logFiles = new Set(files.filter((row) => row.kind !== "config").map((row) => row.id));
  let lines = 0;
  let unparsed = 0;
  const last = new Map<string, { bundle: string; host: string; last: number }>();
  const perBundle = new Map<string, { bundle: string; fileIds: Set<number>; lines: number; unreadable: number }>();
  for (const ref of reader.blocks({ fileIds: [...bundleOf.keys()], since, until })) {
    const { columns } = reader.decode(ref);
    const bundle = bundleOf.get(ref.fileId) as string;
    const count = Math.min(columns.count, ref.lineCount);
    for (let index = 0; index < count; index++) {
      const ts = columns.ts[index];
      if (ts === null || ts < since || ts >= until) continue;
      lines++;
      const isUnparsed = columns.format[index] === "unknown";
      if (isUnparsed) unparsed++;
      if (logFiles.has(ref.fileId)) {
        let reading = perBundle.get(bundle);
        if (!reading) perBundle.set(bundle, (reading = { bundle, fileIds: new Set(), lines: 0, unreadable: 0 }));
        reading.fileIds.add(ref.fileId);
        reading.lines++;
        if (isUnparsed) reading.unreadable++;
      }
      const host = columns.host[index];
      if (host === null || host === "") continue;
      const key = `${bundle}\u0000${host}`;
      const seen = last.get(key);
      if (!seen) last.set(key, { bundle, host, last: ts });
      else if (ts > seen.last) seen.last = ts;
    }
  }
  return {
    lines,
    unparsed,
    lastLines: [...last.values()],
    perBundle: [...perBundle.values()].map((reading) => ({
      bundle: reading.bundle,
      files: reading.fileIds.size,
      lines: reading.lines,
      unreadable: reading.unreadable,
    })),
  };
}

/** A line about replication from which no grammar read an event, as its `line.unread` marker holds it. */
export interface WindowUnreadLine {
  readonly bundle: string;
  readonly file: string;
  readonly line: number;
  readonly ts: number | null;
  readonly host: string | null;
  readonly package: string | null;
  readonly text: string;
  readonly terms: string;
}

/** The unread replication lines of the window, from the event table (the marker carries the line's text). */
export function windowUnreadLines(database: SqliteDatabase, bundles: readonly string[], since: number, until: number): WindowUnreadLine[] {
  const rows = database
    .prepare(
      `SELECT f.bundle, f.path, e.line_no, e.ts, e.host, e.package, e.fields FROM event e JOIN file f ON f.id = +e.file_id
      WHERE ${inList("f.bundle", bundles)} AND e.kind = '${UNREAD_LINE_KIND}' AND e.ts >= ? AND e.ts < ?
      ORDER BY e.ts, f.path, e.line_no`,
    )
    .all(...bundles, since, until) as Array<{
    bundle: string;
    path: string;
    line_no: number;
    ts: number | null;
    host: string | null;
    package: string | null;
    fields: string;
  }>;
  return rows.map((row) => {
    const fields = JSON.parse(row.fields) as { text?: string; terms?: string };
    return {
      bundle: row.bundle,
      file: row.path,
      line: row.line_no,
      ts: row.ts,
      host: row.host,
      package: row.package,
      text: fields.text ?? "",
      terms: fields.terms ?? "",
    };
  });
}

/** Oldest and newest timed line of the bundles (any time), from the block index. */
export function timedSpan(database: SqliteDatabase, bundles: readonly string[]): { first: number | null; last: number | null } {
  const row = database
    .prepare(`SELECT min(b.ts_min) AS first, max(b.ts_max) AS last FROM block b JOIN file f ON f.id = b.file_id WHERE ${inList("f.bundle", bundles)}`)
    .get(...bundles) as { first: number | null; last: number | null };
  return { first: row.first, last: row.last };
}

/** The host of each syslog file of the bundles that has a timed line before `since`: nodes that logged before the window. */
export function syslogHostsBefore(database: SqliteDatabase, bundles: readonly string[], since: number): string[] {
  const reader = blockReader(database);
  const hosts = new Set<string>();
  for (const fileId of fileIdsOf(database, bundles, "syslog")) {
    const blocks = reader.blocks({ fileIds: [fileId], until: since }).sort((left, right) => left.firstLine - right.firstLine);
    search: for (const ref of blocks) {
      const { columns } = reader.decode(ref);
      for (let index = 0; index < Math.min(columns.count, ref.lineCount); index++) {
        const ts = columns.ts[index];
        const host = columns.host[index];
        if (ts !== null && ts < since && host !== null) {
          hosts.add(host);
          break search;
        }
      }
    }
  }
  return [...hosts];
}

/**
The window's lines that `accept` keeps, ordered by time, file and line. Configuration files are left out
(they have no time). `accept` sees each line once its text is decoded.
*/
export function windowLinesWhere(
  database: SqliteDatabase,
  bundles: readonly string[],
  since: number,
  until: number,
  accept: (line: ReportLine) => boolean,
): ReportLine[] {
  const reader = blockReader(database);
  const kept: ReportLine[] = [];
  for (const ref of reader.blocks({ fileIds: fileIdsOf(database, bundles), since, until })) {
    const block = reader.decode(ref);
    const { columns } = block;
    const file = reader.pathOf(ref.fileId);
    for (let index = 0; index < Math.min(block.count, ref.lineCount); index++) {
      const ts = columns.ts[index];
      if (ts === null || ts < since || ts >= until || columns.format[index] === "config") continue;
      const line: ReportLine = {
        file,
        line: ref.firstLine + index,
        ts,
        host: columns.host[index],
        program: columns.program[index],
        format: columns.format[index],
        eventCount: columns.eventCount[index],
        text: block.texts()[index],
      };
      if (accept(line)) kept.push(line);
    }
  }
  return kept.sort(
    (left, right) => (left.ts as number) - (right.ts as number) || (left.file < right.file ? -1 : left.file > right.file ? 1 : 0) || left.line - right.line,
  );
}

export interface WindowEvents {
  readonly events: number;
  readonly packages: readonly string[];
  readonly deviceGroups: readonly string[];
  /** Cluster names stated by configuration files (any time) and Continentalclusters notices in the window. */
  readonly clusters: readonly string[];
}

export function windowEvents(database: SqliteDatabase, bundles: readonly string[], since: number, until: number): WindowEvents {
  // `+e.file_id` keeps SQLite on the time index: a day out of years of watch data is narrowed far better by time than by file.
  const inScope = inList("f.bundle", bundles);
  const windowed = "e.ts >= ? AND e.ts < ?";
  const values = (sql: string, parameters: unknown[]): string[] =>
    (
      database
        .prepare(sql)
        .pluck()
        .all(...parameters) as (string | null)[]
    ).filter((value): value is string => value !== null && value !== "");
  // A marker (unread line, node seen) is not an event a line gave: the report counts unread lines in their own section.
  const events = database
    .prepare(`SELECT count(*) FROM event e JOIN file f ON f.id = +e.file_id WHERE ${inScope} AND ${windowed} AND e.kind NOT IN (${MARKER_KINDS_SQL})`)
    .pluck()
    .get(...bundles, since, until) as number;
  // An event's package is its own or, when it names none, its line's (both kept in event.package at ingest).
  const packages = values(`SELECT DISTINCT e.package FROM event e JOIN file f ON f.id = +e.file_id WHERE ${inScope} AND ${windowed}`, [
    ...bundles,
    since,
    until,
  ]);
  const deviceGroups = values(`SELECT DISTINCT e.device_group FROM event e JOIN file f ON f.id = +e.file_id WHERE ${inScope} AND ${windowed}`, [
    ...bundles,
    since,
    until,
  ]);
  const clusters = values(
    `SELECT DISTINCT CASE WHEN e.kind = 'config.setting' THEN json_extract(e.fields, '$.value') ELSE json_extract(e.fields, '$.cluster') END
       FROM event e JOIN file f ON f.id = e.file_id
      WHERE ${inScope} AND ((e.kind = 'config.setting' AND json_extract(e.fields, '$.name') = 'CLUSTER_NAME')
            OR e.kind IN ('cluster.status', 'untimed.cluster.status')
            OR (e.kind IN ('cc.alert', 'cc.alarm', 'cc.recover') AND ${windowed}))`,
    [...bundles, since, until],
  );
  return { events, packages, deviceGroups, clusters };
}

/** An event with the line it came from. */
export interface EventWithLine {
  readonly ts: number | null;
  readonly kind: string;
  readonly bundle: string;
  readonly package: string | null;
  readonly node: string | null;
  /** The host its line names (the event's node may differ: a message about another node). */
  readonly host: string | null;
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

interface EventRow {
  ts: number | null;
  kind: string;
  bundle: string;
  package: string | null;
  node: string | null;
  file_id: number;
  path: string;
  line_no: number;
  raw: string;
}

function withLines(database: SqliteDatabase, rows: readonly EventRow[]): EventWithLine[] {
  const reader = blockReader(database);
  return rows.map((row) => ({
    ts: row.ts,
    kind: row.kind,
    bundle: row.bundle,
    package: row.package,
    node: row.node,
    host: reader.line(row.file_id, row.line_no)?.host ?? null,
    file: row.path,
    line: row.line_no,
    text: row.raw,
  }));
}

/** Events of these kinds in the window, in time order. */
export function windowEventsOfKinds(
  database: SqliteDatabase,
  bundles: readonly string[],
  kinds: readonly string[],
  since: number,
  until: number,
): EventWithLine[] {
  return withLines(
    database,
    database
      .prepare(
        `SELECT e.ts, e.kind, f.bundle, e.package, e.node, e.file_id, f.path, e.line_no, e.raw
       FROM event e JOIN file f ON f.id = +e.file_id
      WHERE ${inList("f.bundle", bundles)} AND ${inList("e.kind", kinds)} AND e.ts >= ? AND e.ts < ?
      ORDER BY e.ts, e.id`,
      )
      .all(...bundles, ...kinds, since, until) as EventRow[],
  );
}

/** The node a package last started on before `before` (a restart elsewhere right after the window opens is a move). */
export function lastStartBefore(database: SqliteDatabase, bundle: string, packageName: string, before: number): string | null | undefined {
  const row = database
    .prepare(
      `SELECT e.node FROM event e JOIN file f ON f.id = e.file_id
      WHERE f.bundle = ? AND e.kind = 'pkg.started' AND e.package = ? AND e.ts < ? ORDER BY e.ts DESC, e.id DESC LIMIT 1`,
    )
    .get(bundle, packageName, before) as { node: string | null } | undefined;
  return row ? row.node : undefined;
}

/** The paths of a bundle's files (for its layout: HP-UX /etc/cmcluster, Linux /usr/local or /opt/cmcluster). */
export function bundlePaths(database: SqliteDatabase, bundle: string): string[] {
  return database.prepare("SELECT DISTINCT path FROM file WHERE bundle = ?").pluck().all(bundle) as string[];
}

/** Syslog events naming a package (before `until`) for which the bundle holds no package log. */
export function packagesWithoutLog(database: SqliteDatabase, bundles: readonly string[], until: number): EventWithLine[] {
  return withLines(
    database,
    database
      .prepare(
        `SELECT e.ts, e.kind, f.bundle, e.package, e.node, e.file_id, f.path, e.line_no, e.raw
       FROM event e JOIN file f ON f.id = e.file_id
      WHERE ${inList("f.bundle", bundles)} AND f.kind = 'syslog' AND e.package IS NOT NULL AND e.ts < ? AND e.kind NOT IN (${MARKER_KINDS_SQL})
        AND NOT EXISTS (SELECT 1 FROM file p WHERE p.bundle = f.bundle AND p.kind = 'pkglog' AND p.package_hint = e.package)
      ORDER BY e.ts, e.id`,
      )
      .all(...bundles, until) as EventRow[],
  );
}

/**
Where the previous periodic report on this database ended: the latest end before this window's end, so a
post-mortem made with an old --until never pulls the next daily report back in time.
*/
export function previousReportUntil(database: SqliteDatabase, until: number): number | null {
  return database.prepare("SELECT max(until) FROM report WHERE until < ?").pluck().get(until) as number | null;
}

/** Remembers a periodic report's window (one statement: it waits on busy_timeout beside a running watch). */
export function recordReport(database: SqliteDatabase, since: number, until: number, format: string): void {
  database.prepare("INSERT INTO report (created_at, since, until, format) VALUES (?, ?, ?, ?)").run(new Date().toISOString(), since, until, format);
}

/** The lines several nodes of a bundle write at one moment (memberships, monitor notices): what its clocks are read from. */
export function clockAnchors(database: SqliteDatabase, bundle: string): Array<{ ts: number; kind: string; host: string; fields: Record<string, Scalar> }> {
  const rows = database
    .prepare(
      `SELECT e.ts AS ts, e.kind AS kind, e.host AS host, e.fields AS fields FROM event e JOIN file f ON f.id = e.file_id
        WHERE f.bundle = ? AND e.kind IN ('cluster.membership', 'cc.alert', 'cc.alarm') AND e.ts IS NOT NULL AND e.host IS NOT NULL
        ORDER BY e.ts`,
    )
    .all(bundle) as Array<{ ts: number; kind: string; host: string; fields: string }>;
  return rows.map((row) => ({ ts: row.ts, kind: row.kind, host: row.host, fields: JSON.parse(row.fields) as Record<string, Scalar> }));
}
