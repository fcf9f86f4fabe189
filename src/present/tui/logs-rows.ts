/** The Logs view's drawing, pure: the filter line, one row per log line, the selected line in full, and where it is. */
import type { LogLine } from "../../store/logs.js";
import { describeFilter } from "./logs-filter.js";
import type { LogsState } from "./logs-state.js";
import { cell, displayPath, fit, formatShortTime, wrap } from "./text.js";
import { highlighted, plain, type Row, type Segment } from "./rows.js";
import { tone, type Theme } from "./theme.js";

// A BSD syslog stamp and host (or a package log's `- Node "host":`) at the start of the text repeat the
// time and host columns: the list shows them once; the pane under the list shows the line as stored.
const syslogStamp = /^[A-Z][a-z]{2} [ 0-9]\d \d{2}:\d{2}:\d{2} (?:- Node "([^"]+)": |(\S+) )/;

/** Splits shown text into plain and matching parts, so search words stand out (bold, and yellow with colour). */
export function markTerms(text: string, terms: readonly string[], theme: Theme): Segment[] {
  if (terms.length === 0 || text === "") return [{ text }];
  const lower = text.toLowerCase();
  const hit = Array.from({ length: text.length }, () => false);
  for (const term of terms) {
    for (let at = lower.indexOf(term); at >= 0 && term !== ""; at = lower.indexOf(term, at + term.length)) {
      for (let index = at; index < at + term.length; index++) hit[index] = true;
    }
  }
  const segments: Segment[] = [];
  for (let index = 0; index < text.length; index++) {
    const last = segments[segments.length - 1];
    const isHit = hit[index];
    if (last && (last.bold === true) === isHit) segments[segments.length - 1] = { ...last, text: last.text + text[index] };
    else segments.push(isHit ? { text: text[index], bold: true, color: tone(theme, "yellow") } : { text: text[index] });
  }
  return segments;
}

function lineRow(line: LogLine, width: number, shift: number, hostWidth: number, theme: Theme, terms: readonly string[], isCursor: boolean): Row {
  const time = line.ts === null ? "" : formatShortTime(line.ts);
  const stamp = syslogStamp.exec(line.text);
  const body = stamp && (stamp[1] ?? stamp[2]) === line.host ? line.text.slice(stamp[0].length) : line.text;
  const matched = terms.length > 0 && terms.every((term) => line.text.toLowerCase().includes(term));
  const mark = isCursor ? ">" : matched ? "+" : line.eventCount > 0 ? "*" : " ";
  const prefix = `${mark}${cell(time, 14)} ${cell(line.host ?? "", hostWidth)} `;
  // Only what can show is made inert and cut: a stored line can be a megabyte long.
  const shown = fit(body.slice(shift, shift + width + 1), Math.max(width - prefix.length, 0));
  return [
    { text: prefix.slice(0, 1), color: tone(theme, "cyan") },
    { text: prefix.slice(1), color: tone(theme, "gray") },
    ...markTerms(shown, matched ? terms : [], theme),
  ];
}

export interface LogsLayout {
  readonly page: readonly LogLine[];
  readonly cursor: number;
  readonly pageHeight: number;
  readonly paneHeight: number;
  /** The incident(s) in scope: paths are shown relative to a single one. */
  readonly bundles: readonly string[] | undefined;
  /** Where the lines come from, in words ("incident x", "all incidents"). */
  readonly scope: string;
  readonly width: number;
}

export function logsRows(state: LogsState, layout: LogsLayout, theme: Theme): Row[] {
  const { page, cursor, pageHeight, paneHeight, bundles, scope, width } = layout;
  const current = page[cursor];
  const hostWidth = Math.min(Math.max(4, ...page.map((line) => (line.host ?? "").length)), 12);
  const searchTerms =
    state.search
      ?.toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .map((term) => term.replace(/\*$/, "")) ?? [];
  const described = describeFilter(state.filter);
  const head = `${described ? `filter: ${described}` : "all lines"}${state.search ? `   search: ${state.search}` : ""}${state.follow ? "   following new lines" : ""}   (${scope})`;
  const rows: Row[] = [plain(fit(head, width), { bold: true })];
  page.forEach((line, index) => {
    const row = lineRow(line, width, state.shift, hostWidth, theme, searchTerms, index === cursor);
    rows.push(index === cursor ? highlighted(row) : row);
  });
  if (page.length === 0) rows.push(plain(described ? "No line passes these filters (x clears them)." : "No log lines stored yet."));
  while (rows.length < pageHeight + 1) rows.push([]);
  if (paneHeight > 0) {
    const pane = current ? wrap(current.text.slice(0, width * (paneHeight + 1)), width) : [];
    for (let index = 0; index < paneHeight; index++) {
      const text = index === paneHeight - 1 && pane.length > paneHeight ? fit(`${pane[index]}…`, width) : (pane[index] ?? "");
      rows.push(plain(text, { color: tone(theme, "gray") }));
    }
  }
  const where = current ? `${displayPath(current.file, bundles?.length === 1 ? bundles[0] : undefined)}:${current.lineNo}` : "";
  const status = state.message ?? where;
  rows.push(plain(fit(`${status}`, width), { color: tone(theme, state.message ? "yellow" : "cyan") }));
  return rows;
}
