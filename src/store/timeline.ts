/**
The pair-state timeline the TUI and the reports draw: per device group and reporting node, which state
each side was in and from when, plus the package, node and replication events that explain the changes.
Read from stored events only; the rules engine is not involved, so what is drawn is what the logs said.
*/
import type { SqliteDatabase } from "./db.js";
import type { SourceRef } from "../model/events.js";
import { continuesTable, EVENT_DISPLAY, oneReportState, type EventDisplay } from "../catalogue/vocabulary.js";

export interface TimelineOptions {
  /** Only these bundles (all when absent). */
  readonly bundles?: readonly string[];
  /** Window in naive wall-clock ms (docs/architecture.md "Time"); open ends when absent. */
  readonly since?: number;
  readonly until?: number;
}

/** A state held from `from` until the next change. `from` may precede the window: the state held when it opened. */
export interface StateSpan {
  readonly state: string;
  readonly role: string | null;
  readonly from: number;
  /** null: still so at the end of the data. */
  readonly to: number | null;
  /** The line that reported the state first. */
  readonly source: SourceRef;
}

/** One node's view of one side of a device group: `local` is the array attached to the node, `remote` the other. */
export interface TimelineRow {
  readonly deviceGroup: string;
  readonly node: string;
  readonly side: "local" | "remote";
  readonly spans: readonly StateSpan[];
}

/** A point event drawn on the axis: package starts and halts, node and cluster changes, takeovers, resyncs, links, alarms. */
export interface TimelineMark {
  readonly ts: number;
  readonly kind: string;
  readonly node: string | null;
  readonly package: string | null;
  readonly deviceGroup: string | null;
  readonly label: string;
  readonly source: SourceRef;
}

export interface Timeline {
  /** First and last time drawn: the window's ends when given, else the data's. null when nothing is in scope. */
  readonly start: number | null;
  readonly end: number | null;
  readonly rows: readonly TimelineRow[];
  readonly marks: readonly TimelineMark[];
}

type Fields = Record<string, string | number | boolean | null>;

/** The kinds drawn as marks: those the vocabulary gives a label (src/catalogue/vocabulary.ts); the others stay in the Logs view. */
export const markedKinds: readonly string[] = Object.keys(EVENT_DISPLAY).filter((kind) => EVENT_DISPLAY[kind].label !== undefined);

interface EventRow {
  ts: number;
  kind: string;
  node: string | null;
  package: string | null;
  device_group: string | null;
  fields: string;
  path: string;
  line_no: number;
}

export function readTimeline(database: SqliteDatabase, options: TimelineOptions = {}): Timeline {
  const conditions = ["e.ts IS NOT NULL"];
  const parameters: unknown[] = [];
  if (options.bundles) {
    conditions.push(`f.bundle IN (${options.bundles.map(() => "?").join(", ") || "NULL"})`);
    parameters.push(...options.bundles);
  }
  const select = (extra: string, extraParameters: unknown[]): EventRow[] =>
    database
      .prepare(
        `SELECT e.ts, e.kind, e.node, e.package, e.device_group, e.fields, f.path, e.line_no
       FROM event e JOIN file f ON f.id = e.file_id
      WHERE ${[...conditions, extra].join(" AND ")}
      ORDER BY e.ts, e.id`,
      )
      .all(...parameters, ...extraParameters) as EventRow[];

  // States before the window matter (the state held when it opened), so pair states are read up to `until` only.
  const untilCondition = options.until !== undefined ? "e.ts <= ?" : "1";
  const untilParameters = options.until !== undefined ? [options.until] : [];
  const stateRows = select(`e.kind = 'pair.state' AND e.device_group IS NOT NULL AND ${untilCondition}`, untilParameters);
  const markRows = select(`e.kind IN (${markedKinds.map(() => "?").join(", ")}) AND ${untilCondition}${options.since !== undefined ? " AND e.ts >= ?" : ""}`, [
    ...markedKinds,
    ...untilParameters,
    ...(options.since !== undefined ? [options.since] : []),
  ]);

  const rows = statesToRows(stateRows, options.since);
  const marks = marksOf(markRows);
  let first: number | null = null;
  let last: number | null = null;
  const see = (time: number): void => {
    if (first === null || time < first) first = time;
    if (last === null || time > last) last = time;
  };
  for (const row of rows)
    for (const span of row.spans) {
      see(span.from);
      if (span.to !== null) see(span.to);
    }
  for (const mark of marks) see(mark.ts);
  return { start: options.since ?? first, end: options.until ?? last, rows, marks };
}

function statesToRows(events: readonly EventRow[], since: number | undefined): TimelineRow[] {
  const byRow = new Map<
    string,
    {
      deviceGroup: string;
      node: string;
      side: "local" | "remote";
      spans: Array<{ -readonly [K in keyof StateSpan]: StateSpan[K] }>;
      /** The last pairdisplay table row read for this row (its line), while a table is being read. */
      tableLine: number | null;
    }
  >();
  for (const event of events) {
    const fields = JSON.parse(event.fields) as Fields;
    const state = typeof fields.state === "string" ? fields.state : null;
    if (state === null) continue;
    const side = fields.side === "remote" ? "remote" : "local";
    const node = event.node ?? "?";
    const key = `${event.device_group as string}\u0000${node}\u0000${side}`;
    let row = byRow.get(key);
    if (!row) {
      row = { deviceGroup: event.device_group as string, node, side, spans: [], tableLine: null };
      byRow.set(key, row);
    }
    const role = typeof fields.role === "string" ? fields.role : null;
    const last = row.spans[row.spans.length - 1];
    // One report naming several states for this side (one line, or the rows of one pairdisplay table, at one
    // time): a PSUE volume among PAIR ones is drawn PSUE whichever row comes last, as the pair model reads it.
    const table = fields.deviceGroupFrom === "table";
    if (
      last &&
      last.from === event.ts &&
      last.source.file === event.path &&
      (last.source.line === event.line_no || (table && row.tableLine !== null && continuesTable(row.tableLine, event.line_no)))
    ) {
      if (table) row.tableLine = event.line_no;
      const merged = oneReportState(last.state, state).state;
      if (merged === last.state) continue;
      last.state = merged;
      last.role = role;
      last.source = { file: event.path, line: event.line_no };
      // The report turned out to repeat the state before it: one span, as a repeated report is.
      const before = row.spans[row.spans.length - 2];
      if (before && before.state === last.state && before.role === last.role) {
        row.spans.pop();
        before.to = null;
      }
      continue;
    }
    row.tableLine = table ? event.line_no : null;
    // A repeated report of the same state extends the span; a role change (after a takeover) starts a new one.
    if (last && last.state === state && last.role === role) continue;
    if (last) last.to = event.ts;
    row.spans.push({ state, role, from: event.ts, to: null, source: { file: event.path, line: event.line_no } });
  }
  const rows: TimelineRow[] = [];
  for (const row of byRow.values()) {
    const spans = since === undefined ? row.spans : row.spans.filter((span) => span.to === null || span.to > since);
    if (spans.length > 0) rows.push({ deviceGroup: row.deviceGroup, node: row.node, side: row.side, spans });
  }
  return rows.sort(
    (left, right) =>
      left.deviceGroup.localeCompare(right.deviceGroup, "en") || left.node.localeCompare(right.node, "en") || left.side.localeCompare(right.side, "en"),
  );
}

function marksOf(events: readonly EventRow[]): TimelineMark[] {
  const seen = new Set<string>();
  const marks: TimelineMark[] = [];
  for (const event of events) {
    const label = (EVENT_DISPLAY[event.kind].label as NonNullable<EventDisplay["label"]>)({
      node: event.node,
      package: event.package,
      deviceGroup: event.device_group,
      fields: JSON.parse(event.fields) as Fields,
    });
    // The same fact logged by several nodes (or in syslog and a package log) is drawn once.
    const key = `${event.ts}\u0000${label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    marks.push({
      ts: event.ts,
      kind: event.kind,
      node: event.node,
      package: event.package,
      deviceGroup: event.device_group,
      label,
      source: { file: event.path, line: event.line_no },
    });
  }
  return marks;
}
