/**
View 4: every stored line merged by time across files and nodes. The view holds a key (the first line
shown) and a cursor row; each frame reads one page from that key, so scrolling costs the same on a
million lines as on a hundred.
*/
import { useEffect, useMemo, useRef } from "react";
import { useViewInput } from "./view-input.js";
import type { SqliteDatabase } from "../../store/db.js";
import {
  findLogLine, lineMatchesFilter, logFacets, logLevels, readLogLinesBefore, readLogPage, seekLogLine,
  type LogFilter, type LogLevel, type LogLine, type LogPosition,
} from "../../store/logs.js";
import { cell, displayPath, fit, formatShortTime, wrap } from "./text.js";
import { highlighted, plain, Rows, type Row } from "./rows.js";
import { movementOf } from "./movement.js";
import { tone, type Theme } from "./theme.js";
import type { LogJump } from "./navigation.js";

/** The operator's filters (the incident scope is added by the App). */
export interface LogsFilter {
  readonly host?: string;
  readonly package?: string;
  readonly program?: string;
  readonly level: LogLevel;
  readonly configuration?: boolean;
}

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
}

export const initialLogsState: LogsState = { filter: { level: "all" }, search: null, top: undefined, cursor: 0, shift: 0, message: null, jumpShown: 0, pendingSearch: false, follow: false };

const positionOf = (line: LogLine): LogPosition => ({ ts: line.ts, id: line.id });

/** `filter` as text, for the status row and the `f` prompt (which parses the same form back). */
export function describeFilter(filter: LogsFilter): string {
  return [filter.host && `host=${filter.host}`, filter.package && `package=${filter.package}`, filter.program && `program=${filter.program}`,
    filter.level !== "all" && `level=${filter.level}`, filter.configuration && "config=yes"].filter(Boolean).join(" ");
}

/** Parses `host=nodeA1 package=pkg program=cmcld level=error`; unknown words are reported, not guessed. */
export function parseFilter(text: string): { filter: LogsFilter } | { error: string } {
  const filter: { -readonly [K in keyof LogsFilter]: LogsFilter[K] } = { level: "all" };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const [name, ...rest] = word.split("=");
    const value = rest.join("=");
    if (value === "") return { error: `'${word}': write name=value (host, package, program, level)` };
    if (name === "host") filter.host = value;
    else if (name === "package" || name === "pkg") filter.package = value;
    else if (name === "program" || name === "prog") filter.program = value;
    else if (name === "config") filter.configuration = value === "yes";
    else if (name === "level" && (logLevels as readonly string[]).includes(value)) filter.level = value as LogLevel;
    else if (name === "level") return { error: `level is one of ${logLevels.join(", ")}` };
    else return { error: `unknown filter '${name}': use host, package, program or level` };
  }
  return { filter };
}

// A BSD syslog stamp and host (or a package log's `- Node "host":`) at the start of the text repeat the
// time and host columns: the list shows them once; the pane under the list shows the line as stored.
const syslogStamp = /^[A-Z][a-z]{2} [ 0-9]\d \d{2}:\d{2}:\d{2} (?:- Node "([^"]+)": |(\S+) )/;

function lineRow(line: LogLine, width: number, shift: number, hostWidth: number, theme: Theme, matched: boolean, isCursor: boolean): Row {
  const time = line.ts === null ? "" : formatShortTime(line.ts);
  const stamp = syslogStamp.exec(line.text);
  const body = stamp && (stamp[1] ?? stamp[2]) === line.host ? line.text.slice(stamp[0].length) : line.text;
  const mark = isCursor ? ">" : matched ? "+" : line.eventCount > 0 ? "*" : " ";
  const prefix = `${mark}${cell(time, 14)} ${cell(line.host ?? "", hostWidth)} `;
  return [
    { text: prefix.slice(0, 1), color: tone(theme, "cyan") },
    { text: prefix.slice(1), color: tone(theme, "gray") },
    { text: fit(body.slice(shift), Math.max(width - prefix.length, 0)) },
  ];
}

export interface LogsViewProps {
  readonly database: SqliteDatabase;
  /** The incident(s) in scope. */
  readonly bundles: readonly string[] | undefined;
  readonly state: LogsState;
  readonly setState: (update: (state: LogsState) => LogsState) => void;
  readonly jump: LogJump | null;
  /** Grows when the database changed: the page is read again. */
  readonly version: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
  readonly active: boolean;
}

export function LogsView({ database, bundles, state, setState, jump, version, width, height, theme, active }: LogsViewProps) {
  const paneHeight = height >= 12 ? 2 : 0;
  const pageHeight = Math.max(height - 2 - paneHeight, 1);
  const scope = bundles?.join("\u0000");
  const filter: LogFilter = useMemo(() => ({ ...state.filter, bundles }), [state.filter, scope]);
  const page = useMemo(() => readLogPage(database, filter, { from: state.top, limit: pageHeight }),
    [database, filter, state.top, pageHeight, version]);
  const facets = useMemo(() => logFacets(database, bundles), [database, scope, version]);
  const cursor = Math.min(state.cursor, Math.max(page.length - 1, 0));
  const current = page[cursor];

  /** Shows `line` with some context above it, the cursor on it. */
  const centreOn = (line: LogLine, message: string | null, lineFilter: LogFilter = filter): void => {
    const inPage = page.findIndex((shown) => shown.id === line.id);
    if (inPage >= 0 && lineFilter === filter) {
      setState((previous) => ({ ...previous, cursor: inPage, message }));
      return;
    }
    const before = readLogLinesBefore(database, lineFilter, positionOf(line), Math.floor(pageHeight / 3));
    setState((previous) => ({ ...previous, top: before.length > 0 ? positionOf(before[0]) : positionOf(line), cursor: before.length, message, follow: false }));
  };

  const showEnd = (): void => {
    const last = readLogLinesBefore(database, filter, undefined, pageHeight);
    setState((previous) => ({ ...previous, top: last.length > 0 ? positionOf(last[0]) : undefined, cursor: Math.max(last.length - 1, 0), message: null, follow: true }));
  };

  // Following: when the database changed, show its new end.
  const seenVersion = useRef(version);
  useEffect(() => {
    if (version === seenVersion.current) return;
    seenVersion.current = version;
    if (state.follow) showEnd();
  });

  // An evidence or timeline jump: show that line, clearing filters that would hide it.
  useEffect(() => {
    if (!jump || jump.serial === state.jumpShown) return;
    setState((previous) => ({ ...previous, jumpShown: jump.serial }));
    const line = findLogLine(database, jump.file, jump.line);
    if (!line) {
      setState((previous) => ({ ...previous, message: `line ${jump.line} of ${jump.file} is not in this database` }));
      return;
    }
    if (lineMatchesFilter(database, filter, line)) centreOn(line, null);
    else {
      const cleared: LogFilter = { bundles, configuration: line.format === "config" };
      setState((previous) => ({ ...previous, filter: { level: "all", configuration: line.format === "config" } }));
      centreOn(line, "filters cleared to show the line", cleared);
    }
  });

  useEffect(() => {
    if (!state.pendingSearch) return;
    setState((previous) => ({ ...previous, pendingSearch: false }));
    if (state.search === null) return;
    const search = state.search;
    const below = seekLogLine(database, filter, { from: current ? positionOf(current) : undefined, direction: "forward", search });
    const found = below ?? seekLogLine(database, filter, { from: undefined, direction: "forward", search });
    if (found) centreOn(found, below ? null : "search went on from the top");
    else setState((previous) => ({ ...previous, message: `no line matches "${search}"${describeFilter(state.filter) ? " with these filters" : ""}` }));
  });

  const seek = (direction: "forward" | "backward", kind: "search" | "error"): void => {
    if (kind === "search" && state.search === null) {
      setState((previous) => ({ ...previous, message: "no search yet: press / and type words to find" }));
      return;
    }
    const found = seekLogLine(database, filter, {
      from: current ? positionOf(current) : undefined, direction,
      ...(kind === "search" ? { search: state.search as string } : { level: "error" as const }),
    });
    const what = kind === "search" ? `"${state.search as string}"` : "error line";
    if (found) centreOn(found, null);
    else setState((previous) => ({ ...previous, message: `no ${what} ${direction === "forward" ? "below" : "above"} the cursor` }));
  };

  const cycle = <T,>(values: readonly T[], currentValue: T | undefined): T | undefined => {
    const index = currentValue === undefined ? -1 : values.indexOf(currentValue);
    return index + 1 < values.length ? values[index + 1] : undefined;
  };
  const setFilter = (next: LogsFilter): void => {
    // Keep the place: the new page starts at the line under the cursor (or the next one that passes).
    setState((previous) => ({ ...previous, filter: next, top: current ? positionOf(current) : previous.top, cursor: 0, message: null }));
  };

  useViewInput((input, key) => {
    const movement = movementOf(input, key, pageHeight);
    // Any key but G (which starts it) stops following the end.
    if (state.follow && !(movement && "to" in movement && movement.to === "last")) setState((previous) => ({ ...previous, follow: false }));
    if (movement) {
      if ("to" in movement) {
        if (movement.to === "first") setState((previous) => ({ ...previous, top: undefined, cursor: 0, message: null }));
        else showEnd();
        return;
      }
      const target = cursor + movement.by;
      if (target >= 0 && target < page.length) {
        setState((previous) => ({ ...previous, cursor: target, message: null }));
      } else if (target >= page.length && page.length > 0) {
        // Past the bottom: read on from the page's first line and slide so the cursor row is the last one.
        const window = readLogPage(database, filter, { from: positionOf(page[0]), limit: target + 1 });
        const reached = Math.min(target, window.length - 1);
        const first = Math.max(0, reached - (pageHeight - 1));
        setState((previous) => ({ ...previous, top: positionOf(window[first]), cursor: reached - first, message: null }));
      } else if (target < 0 && page.length > 0) {
        const before = readLogLinesBefore(database, filter, positionOf(page[0]), -target);
        setState((previous) => ({ ...previous, top: before.length > 0 ? positionOf(before[0]) : previous.top, cursor: 0, message: null }));
      }
      return;
    }
    if (key.rightArrow) setState((previous) => ({ ...previous, shift: previous.shift + 20 }));
    else if (key.leftArrow) setState((previous) => ({ ...previous, shift: Math.max(previous.shift - 20, 0) }));
    else if (input === "n") seek("forward", "search");
    else if (input === "N") seek("backward", "search");
    else if (input === "e") seek("forward", "error");
    else if (input === "E") seek("backward", "error");
    else if (input === "s") setFilter({ ...state.filter, level: logLevels[(logLevels.indexOf(state.filter.level) + 1) % logLevels.length] });
    else if (input === "h") setFilter({ ...state.filter, host: cycle(facets.hosts, state.filter.host) });
    else if (input === "p") setFilter({ ...state.filter, package: cycle(facets.packages, state.filter.package) });
    else if (input === "c") setFilter({ ...state.filter, configuration: !state.filter.configuration });
    else if (input === "x") setState((previous) => ({ ...previous, filter: { level: "all" }, search: null, message: "filters and search cleared" }));
  }, { isActive: active, owner: "logs" });

  const hostWidth = Math.min(Math.max(4, ...page.map((line) => (line.host ?? "").length)), 12);
  const searchTerms = state.search?.toLowerCase().split(/\s+/).filter(Boolean).map((term) => term.replace(/\*$/, "")) ?? [];
  const matches = (line: LogLine): boolean => searchTerms.length > 0 && searchTerms.every((term) => line.text.toLowerCase().includes(term));
  const described = describeFilter(state.filter);
  const head = `${described ? `filter: ${described}` : "all lines"}${state.search ? `   search: ${state.search}` : ""}${state.follow ? "   following new lines" : ""}`;
  const rows: Row[] = [plain(fit(head, width), { bold: true })];
  page.forEach((line, index) => {
    const row = lineRow(line, width, state.shift, hostWidth, theme, matches(line), index === cursor);
    rows.push(index === cursor ? highlighted(row) : row);
  });
  if (page.length === 0) rows.push(plain(described ? "No line passes these filters (x clears them)." : "No log lines stored yet."));
  while (rows.length < pageHeight + 1) rows.push([]);
  if (paneHeight > 0) {
    const pane = current ? wrap(current.text, width) : [];
    for (let index = 0; index < paneHeight; index++) {
      const text = index === paneHeight - 1 && pane.length > paneHeight ? fit(`${pane[index]}…`, width) : pane[index] ?? "";
      rows.push(plain(text, { color: tone(theme, "gray") }));
    }
  }
  const where = current ? `${displayPath(current.file, bundles?.length === 1 ? bundles[0] : undefined)}:${current.lineNo}` : "";
  const status = state.message ?? where;
  rows.push(plain(fit(`${status}`, width), { color: tone(theme, state.message ? "yellow" : "cyan") }));
  return <Rows rows={rows} height={height} />;
}
