/**
View 4: every stored line merged by time across files and nodes. The view holds a key (the first line
shown) and a cursor row; each frame reads one page from that key (logs-state.ts), so scrolling costs
the same on a million lines as on a hundred.
*/
import { useEffect, useMemo, useRef } from "react";
import { useViewInput } from "./view-input.js";
import type { SqliteDatabase } from "../../store/db.js";
import { findLogLine, lineMatchesFilter, logFacets, logLevels, readLogPage, seekLogLine, type LogFilter } from "../../store/logs.js";
import { describeFilter, type LogsFilter } from "./logs-filter.js";
import { centreOn, positionOf, scrollBy, showEnd, type LogsState, type LogsUpdate, type Pager } from "./logs-state.js";
import { logsRows } from "./logs-rows.js";
import { Rows } from "./rows.js";
import { movementOf } from "./movement.js";
import type { Theme } from "./theme.js";
import type { LogJump } from "./navigation.js";

export interface LogsViewProps {
  readonly database: SqliteDatabase;
  /** The incident(s) in scope. */
  readonly bundles: readonly string[] | undefined;
  /** The scope in words ("incident x", "all incidents"): every search says where it looked. */
  readonly scope: string;
  /** All incidents, when the scope is narrower (I widens it); null when it already holds them all. */
  readonly widerScope: { readonly bundles: readonly string[] | undefined } | null;
  readonly state: LogsState;
  readonly setState: (update: LogsUpdate) => void;
  readonly jump: LogJump | null;
  /** Grows when the database changed: the page is read again. */
  readonly version: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
  readonly active: boolean;
}

/** The next value of a cycle through `values`, then none (no filter), then the first again. */
function cycle<T>(values: readonly T[], current: T | undefined): T | undefined {
  const index = current === undefined ? -1 : values.indexOf(current);
  return index + 1 < values.length ? values[index + 1] : undefined;
}

export function LogsView({ database, bundles, scope: scopeName, widerScope, state, setState, jump, version, width, height, theme, active }: LogsViewProps) {
  const paneHeight = height >= 12 ? 2 : 0;
  const pageHeight = Math.max(height - 2 - paneHeight, 1);
  const scope = bundles?.join("\u0000");
  const filter: LogFilter = useMemo(() => ({ ...state.filter, bundles }), [state.filter, scope]);
  const page = useMemo(() => readLogPage(database, filter, { from: state.top, limit: pageHeight }), [database, filter, state.top, pageHeight, version]);
  const facets = useMemo(() => logFacets(database, bundles), [database, scope, version]);
  const cursor = Math.min(state.cursor, Math.max(page.length - 1, 0));
  const current = page[cursor];
  const pager: Pager = { database, filter, page, pageHeight };
  const say = (message: string): void => setState((previous) => ({ ...previous, message }));

  // Following: when the database changed, show its new end.
  const seenVersion = useRef(version);
  useEffect(() => {
    if (version === seenVersion.current) return;
    seenVersion.current = version;
    if (state.follow) setState(showEnd(pager));
  });

  // An evidence or timeline jump: show that line, clearing filters that would hide it.
  useEffect(() => {
    if (!jump || jump.serial === state.jumpShown) return;
    setState((previous) => ({ ...previous, jumpShown: jump.serial }));
    const line = findLogLine(database, jump.file, jump.line);
    if (!line) say(`line ${jump.line} of ${jump.file} is not in this database`);
    else if (lineMatchesFilter(database, filter, line)) setState(centreOn(pager, line, null));
    else {
      const cleared: LogsFilter = { level: "all", configuration: line.format === "config" };
      setState((previous) => ({ ...previous, filter: cleared }));
      setState(centreOn(pager, line, "filters cleared to show the line", { ...cleared, bundles }));
    }
  });

  // Searched one incident in vain: say whether the others hold it, and how to look there.
  const elsewhere = (search: string): string => {
    if (!widerScope) return "";
    const other = seekLogLine(database, { ...filter, bundles: widerScope.bundles }, { from: undefined, direction: "forward", search });
    return other ? "; other incidents have it: I searches all incidents" : "; nor has any other incident";
  };

  // A search just typed after `/`: its first match below the cursor, else from the top.
  useEffect(() => {
    if (!state.pendingSearch) return;
    setState((previous) => ({ ...previous, pendingSearch: false }));
    if (state.search === null) return;
    const search = state.search;
    const below = seekLogLine(database, filter, { from: current ? positionOf(current) : undefined, direction: "forward", search });
    const found = below ?? seekLogLine(database, filter, { from: undefined, direction: "forward", search });
    if (found) setState(centreOn(pager, found, below ? null : `search went on from the top of ${scopeName}`));
    else say(`no line matches "${search}" in ${scopeName}${describeFilter(state.filter) ? " with these filters" : ""}${elsewhere(search)}`);
  });

  const seek = (direction: "forward" | "backward", kind: "search" | "error"): void => {
    if (kind === "search" && state.search === null) return say("no search yet: press / and type words to find");
    const found = seekLogLine(database, filter, {
      from: current ? positionOf(current) : undefined,
      direction,
      ...(kind === "search" ? { search: state.search as string } : { level: "error" as const }),
    });
    const what = kind === "search" ? `"${state.search as string}"` : "error line";
    if (found) setState(centreOn(pager, found, null));
    else
      say(`no ${what} ${direction === "forward" ? "below" : "above"} the cursor in ${scopeName}${kind === "search" ? elsewhere(state.search as string) : ""}`);
  };

  // Keep the place: the new page starts at the line under the cursor (or the next one that passes).
  const setFilter = (next: LogsFilter): void => {
    setState((previous) => ({ ...previous, filter: next, top: current ? positionOf(current) : previous.top, cursor: 0, message: null }));
  };

  useViewInput(
    (input, key) => {
      const movement = movementOf(input, key, pageHeight);
      // Any key but G (which starts it) stops following the end.
      if (state.follow && !(movement && "to" in movement && movement.to === "last")) setState((previous) => ({ ...previous, follow: false }));
      if (movement) {
        if (!("to" in movement)) {
          const update = scrollBy(pager, cursor, movement.by);
          if (update) setState(update);
        } else if (movement.to === "first") setState((previous) => ({ ...previous, top: undefined, cursor: 0, message: null }));
        else setState(showEnd(pager));
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
      else if (input === "I") {
        // The same line stays under the cursor; a search is run again in the new scope.
        setState((previous) => ({
          ...previous,
          allIncidents: !previous.allIncidents,
          top: current ? positionOf(current) : previous.top,
          cursor: 0,
          pendingSearch: previous.search !== null,
          message: previous.allIncidents ? "back to the incident on screen" : "all incidents, merged by time",
        }));
      } else if (input === "x") setState((previous) => ({ ...previous, filter: { level: "all" }, search: null, message: "filters and search cleared" }));
    },
    { isActive: active, owner: "logs" },
  );

  return <Rows rows={logsRows(state, { page, cursor, pageHeight, paneHeight, bundles, scope: scopeName, width }, theme)} height={height} />;
}
