/**
Pure text helpers for the TUI: every row is cut to the terminal width here, so ink never wraps a
row on its own and each view knows exactly how many rows it draws.
*/
import { basename } from "node:path";
import { knownTime, UNKNOWN_TIME_TEXT } from "../../model/time.js";
import { sanitizeForTerminal } from "../sanitize.js";

/** Log-derived text made inert (control characters in caret notation), then cut to `width` columns. */
export function fit(text: string, width: number): string {
  const clean = sanitizeForTerminal(text);
  if (width <= 0) return "";
  return clean.length <= width ? clean : `${clean.slice(0, Math.max(width - 1, 0))}…`;
}

/** `fit`, then padded with spaces to exactly `width` columns. */
export function cell(text: string, width: number): string {
  return fit(text, width).padEnd(Math.max(width, 0));
}

/** Word-wraps (already sanitised) text to `width`; words longer than a row are cut into pieces. */
export function wrap(text: string, width: number): string[] {
  const clean = sanitizeForTerminal(text);
  if (width <= 0) return [];
  const rows: string[] = [];
  let row = "";
  for (const word of clean.split(/ +/)) {
    let rest = word;
    while (rest.length > width) {
      if (row !== "") {
        rows.push(row);
        row = "";
      }
      rows.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (row === "") row = rest;
    else if (row.length + 1 + rest.length <= width) row = `${row} ${rest}`;
    else {
      rows.push(row);
      row = rest;
    }
  }
  if (row !== "" || rows.length === 0) rows.push(row);
  return rows;
}

const pad2 = (value: number): string => String(value).padStart(2, "0");

/** Naive wall-clock ms as `2026-11-20 16:31:05` (the logs' own clock; docs/architecture.md "Time"). */
export function formatDateTime(ms: number): string {
  if (knownTime(ms) === null) return UNKNOWN_TIME_TEXT;
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
}

/** Short form for columns: `11-20 16:31:05`. */
export function formatShortTime(ms: number): string {
  return knownTime(ms) === null ? "no time" : formatDateTime(ms).slice(5);
}

/**
A stored file path shown relative to its incident bundle (`nodeB1/var/adm/syslog/syslog.log`): the
bundle folder is what the operator opened, the rest says which node and which log.
*/
export function displayPath(file: string, bundle: string | undefined): string {
  if (!bundle) return file;
  const name = basename(bundle);
  const segments = file.split("/");
  const at = segments.lastIndexOf(name);
  return at >= 0 && at < segments.length - 1 ? segments.slice(at + 1).join("/") : file;
}

/** Keeps index within [0, count - 1] (0 when empty). */
export function clamp(index: number, count: number): number {
  return Math.max(0, Math.min(index, count - 1));
}

/** First row to draw so that `cursor` stays visible in a window of `height` rows. */
export function scrollTop(cursor: number, currentTop: number, height: number): number {
  if (height <= 0) return 0;
  if (cursor < currentTop) return cursor;
  if (cursor >= currentTop + height) return cursor - height + 1;
  return currentTop;
}
