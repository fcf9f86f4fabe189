/**
Where the Logs view is (a key, not an offset: the first line shown) and how keys move it. Each move
reads at most a page or two from that key, so it costs the same anywhere in a million lines.
*/
import type { SqliteDatabase } from "../../store/db.js";
import { readLogLinesBefore, readLogPage, type LogFilter, type LogLine, type LogPosition } from "../../store/logs.js";
import type { LogsFilter } from "./logs-filter.js";

export interface LogsState {
  readonly filter: LogsFilter;
  readonly search: string | null;
  /** The first line shown; undefined: the first line of all. */
  readonly top: LogPosition | undefined;
  readonly cursor: number;
  /** Columns scrolled sideways. */
  readonly shift: number;
  readonly message: string | null;
  /** The serial of the last jump shown, so coming back to the view does not repeat it. */
  readonly jumpShown: number;
  /** A search was just typed: find its first match once the view is shown. */
  readonly pendingSearch: boolean;
  /** At the end (G): new lines written by `watch` scroll in, as with tail -f. */
  readonly follow: boolean;
  /** Every incident in the Logs (I), not only the one on screen: for what the incident does not hold. */
  readonly allIncidents: boolean;
}

export const initialLogsState: LogsState = {
  filter: { level: "all" },
  search: null,
  top: undefined,
  cursor: 0,
  shift: 0,
  message: null,
  jumpShown: 0,
  pendingSearch: false,
  follow: false,
  allIncidents: false,
};

export const positionOf = (line: LogLine): LogPosition => ({ ts: line.ts, id: line.id });

/** What a move needs: the store, the filter in force and the page on screen. */
export interface Pager {
  readonly database: SqliteDatabase;
  readonly filter: LogFilter;
  readonly page: readonly LogLine[];
  readonly pageHeight: number;
}

export type LogsUpdate = (state: LogsState) => LogsState;

/** Shows `line` with some context above it, the cursor on it (`lineFilter`: when the filter changes with it). */
export function centreOn(pager: Pager, line: LogLine, message: string | null, lineFilter: LogFilter = pager.filter): LogsUpdate {
  const inPage = pager.page.findIndex((shown) => shown.id === line.id);
  if (inPage >= 0 && lineFilter === pager.filter) return (previous) => ({ ...previous, cursor: inPage, message, follow: false });
  const before = readLogLinesBefore(pager.database, lineFilter, positionOf(line), Math.floor(pager.pageHeight / 3));
  return (previous) => ({ ...previous, top: before.length > 0 ? positionOf(before[0]) : positionOf(line), cursor: before.length, message, follow: false });
}

/** The last page, cursor on the last line, following what is written next. */
export function showEnd(pager: Pager): LogsUpdate {
  const last = readLogLinesBefore(pager.database, pager.filter, undefined, pager.pageHeight);
  return (previous) => ({
    ...previous,
    top: last.length > 0 ? positionOf(last[0]) : undefined,
    cursor: Math.max(last.length - 1, 0),
    message: null,
    follow: true,
  });
}

/** Moves the cursor `by` rows; past either edge the page slides by as many lines as exist. */
export function scrollBy(pager: Pager, cursor: number, by: number): LogsUpdate | null {
  const { database, filter, page, pageHeight } = pager;
  const target = cursor + by;
  if (target >= 0 && target < page.length) return (previous) => ({ ...previous, cursor: target, message: null });
  if (page.length === 0) return null;
  if (target >= page.length) {
    // Read on from the page's first line and slide so the cursor row is the last one.
    const window = readLogPage(database, filter, { from: positionOf(page[0]), limit: target + 1 });
    const reached = Math.min(target, window.length - 1);
    const first = Math.max(0, reached - (pageHeight - 1));
    return (previous) => ({ ...previous, top: positionOf(window[first]), cursor: reached - first, message: null });
  }
  const before = readLogLinesBefore(database, filter, positionOf(page[0]), -target);
  return (previous) => ({ ...previous, top: before.length > 0 ? positionOf(before[0]) : previous.top, cursor: 0, message: null });
}
