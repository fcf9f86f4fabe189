/**
The Timeline view's drawing, pure: pair-state spans per device group and reporting node/side, and the
package/node/replication marks per node, all on one time axis across the terminal's width.

The axis is compressed: each stretch between two consecutive moments gets a width that grows with the
logarithm of its length, so the seconds of a failover are not squeezed into one column next to a quiet
day. Stretches longer than an hour are marked with ≈ on the axis; the exact times are in the list.
*/
import type { StateSpan, Timeline, TimelineMark } from "../../store/timeline.js";
import { cell, fit, formatShortTime } from "./text.js";
import { sanitizeForTerminal } from "../sanitize.js";
import { plain, type Row, type Segment } from "./rows.js";
import { tone, type Theme } from "./theme.js";
import { EVENT_DISPLAY, pairStateClass, type PairStateClass } from "../../catalogue/vocabulary.js";

/** The one-character mark of each drawn event kind (src/catalogue/vocabulary.ts). */
const glyphOf = (kind: string): string => EVENT_DISPLAY[kind]?.glyph ?? "*";

const glyphMeaning: Readonly<Record<string, string>> = {
  S: "start",
  H: "halt",
  F: "failed",
  N: "node timeout",
  C: "cluster formed",
  D: "daemon died",
  T: "takeover",
  R: "resync",
  P: "paircreate",
  X: "pairsplit",
  L: "link down",
  l: "link up",
  A: "alert/alarm",
  V: "recover",
  M: "maintenance mode",
  K: "clock stepped",
  "*": "several",
};

/** The meaning of the glyphs that appear in these marks (only those: the line must fit 80 columns). */
export function markLegend(marks: readonly TimelineMark[]): string {
  const glyphs = [...new Set(marks.map((mark) => glyphOf(mark.kind)))];
  return glyphs.map((glyph) => `${glyph} ${glyphMeaning[glyph] ?? glyph}`).join("  ");
}

/** How a state reads without colour: the fill character says healthy, copying, suspended or simplex. */
export function stateFill(state: string): "=" | "~" | "#" | "." {
  return STATE_FILLS[pairStateClass(state)];
}

const STATE_FILLS: Readonly<Record<PairStateClass, "=" | "~" | "#" | ".">> = {
  synced: "=",
  copying: "~",
  suspended: "#",
  swapped: "#",
  failed: "#",
  simplex: ".",
};

function stateColor(theme: Theme, state: string): Segment["color"] {
  const fill = stateFill(state);
  return tone(theme, fill === "=" ? "green" : fill === "~" ? "yellow" : fill === "." ? "gray" : "red");
}

const hour = 3_600_000;

export interface Axis {
  readonly start: number;
  readonly end: number;
  readonly width: number;
  readonly column: (time: number) => number;
  /** Columns where a stretch over an hour was shortened. */
  readonly breaks: readonly number[];
}

/** The compressed axis over the moments that matter (span changes and marks). */
export function makeAxis(times: readonly number[], width: number): Axis {
  const moments = [...new Set(times)].sort((left, right) => left - right);
  const start = moments[0] ?? 0;
  const end = moments[moments.length - 1] ?? start;
  const weights = moments.slice(1).map((time, index) => Math.log2(2 + (time - moments[index]) / 1000));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  // Room after the last moment, so a state that begins there is still drawn with its name.
  const tail = Math.min(12, Math.floor(width / 6));
  const last = Math.max(width - 1 - tail, 0);
  const positions = [0];
  let sum = 0;
  for (const weight of weights) {
    sum += weight;
    positions.push(total > 0 ? (sum / total) * last : 0);
  }
  const column = (time: number): number => {
    if (moments.length < 2 || time <= start) return 0;
    if (time >= end) return time > end ? width - 1 : last;
    let low = 0;
    let high = moments.length - 1;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (moments[middle] <= time) low = middle;
      else high = middle;
    }
    const fraction = (time - moments[low]) / (moments[high] - moments[low]);
    return Math.round(positions[low] + fraction * (positions[high] - positions[low]));
  };
  const breaks: number[] = [];
  moments.slice(1).forEach((time, index) => {
    if (time - moments[index] > hour) breaks.push(Math.round((positions[index] + positions[index + 1]) / 2));
  });
  return { start, end, width, column, breaks };
}

/** `SVOL_SSWS`: role and state as Raid Manager prints them (from the logs, so made inert). */
function spanLabel(span: StateSpan): string {
  return sanitizeForTerminal(span.role ? `${span.role}_${span.state}` : span.state);
}

/** One row's spans: `|LABEL=====` from each change to the next, blank before the first report. */
function spanCells(spans: readonly StateSpan[], axis: Axis, theme: Theme): Segment[] {
  const characters: string[] = Array.from({ length: axis.width }, () => " ");
  const colors: Array<Segment["color"]> = Array.from({ length: axis.width }, () => undefined);
  for (const span of spans) {
    const from = axis.column(Math.max(span.from, axis.start));
    const to = span.to === null ? axis.width : Math.max(axis.column(span.to), from + 1);
    const label = `|${spanLabel(span)}`;
    const fill = stateFill(span.state);
    for (let column = from; column < Math.min(to, axis.width); column++) {
      const offset = column - from;
      characters[column] = offset < label.length && to - from > label.length ? label[offset] : offset === 0 ? "|" : fill;
      colors[column] = stateColor(theme, span.state);
    }
  }
  return runs(characters, colors);
}

/** Joins characters of one colour into segments (fewer ink nodes). */
function runs(characters: readonly string[], colors: ReadonlyArray<Segment["color"]>): Segment[] {
  const segments: Segment[] = [];
  characters.forEach((character, index) => {
    const previous = segments[segments.length - 1];
    if (previous && previous.color === colors[index]) segments[segments.length - 1] = { ...previous, text: previous.text + character };
    else segments.push({ text: character, color: colors[index] });
  });
  return segments;
}

export interface TimelineChart {
  readonly rows: readonly Row[];
  /** The marks in time order, as the list under the chart shows them. */
  readonly marks: readonly TimelineMark[];
  readonly axis: Axis;
}

/** Pure: the chart rows for `width` columns; `selected` (a mark index) is pointed at under the axis. */
export function timelineChart(timeline: Timeline, width: number, selected: number | null, theme: Theme): TimelineChart {
  const nodes = [...new Set(timeline.marks.map((mark) => mark.node ?? "cluster"))].sort();
  const labels = [...timeline.rows.map((row) => `${row.node} ${row.side}`), ...nodes.map((node) => `${node} events`)];
  const labelWidth = Math.min(Math.max(8, ...labels.map((label) => label.length)) + 2, 18);
  const axisWidth = Math.max(width - labelWidth, 10);
  const times = [
    ...timeline.rows.flatMap((row) => row.spans.flatMap((span) => (span.to === null ? [span.from] : [span.from, span.to]))),
    ...timeline.marks.map((mark) => mark.ts),
    ...(timeline.start !== null ? [timeline.start] : []),
    ...(timeline.end !== null ? [timeline.end] : []),
  ];
  const axis = makeAxis(times, axisWidth);
  const rows: Row[] = [];
  let group: string | null = null;
  for (const row of timeline.rows) {
    if (row.deviceGroup !== group) {
      group = row.deviceGroup;
      rows.push(plain(fit(`device group ${group}: pair state as each node reported it (local = its own array)`, width), { bold: true }));
    }
    rows.push([{ text: cell(` ${row.node} ${row.side}`, labelWidth) }, ...spanCells(row.spans, axis, theme)]);
  }
  if (timeline.rows.length === 0) rows.push(plain("No pair state in these logs (no pairdisplay or Metrocluster state lines)."));
  for (const node of nodes) {
    const characters: string[] = Array.from({ length: axisWidth }, () => " ");
    for (const mark of timeline.marks) {
      if ((mark.node ?? "cluster") !== node) continue;
      const column = axis.column(mark.ts);
      const glyph = glyphOf(mark.kind);
      characters[column] = characters[column] === " " || characters[column] === glyph ? glyph : "*";
    }
    rows.push([{ text: cell(` ${node} events`, labelWidth) }, { text: characters.join(""), color: tone(theme, "cyan") }]);
  }
  const rule = Array.from({ length: axisWidth }, () => "─");
  for (const column of axis.breaks) rule[column] = "≈";
  // Under the axis: where the selected event is, with its time beside the caret.
  let pointer = "";
  const chosen = selected !== null ? timeline.marks[selected] : undefined;
  if (chosen) {
    const column = axis.column(chosen.ts);
    const label = formatShortTime(chosen.ts);
    pointer = column + 2 + label.length <= axisWidth ? `${" ".repeat(column)}^ ${label}` : `${" ".repeat(Math.max(column - label.length - 1, 0))}${label} ^`;
  }
  rows.push([{ text: " ".repeat(labelWidth) }, { text: rule.join(""), color: tone(theme, "gray") }]);
  rows.push([{ text: " ".repeat(labelWidth) }, { text: pointer, bold: true }]);
  const startLabel = formatShortTime(axis.start);
  const endLabel = formatShortTime(axis.end);
  const gap = Math.max(axisWidth - startLabel.length - endLabel.length, 1);
  rows.push([{ text: " ".repeat(labelWidth) }, { text: fit(`${startLabel}${" ".repeat(gap)}${endLabel}`, axisWidth), color: tone(theme, "gray") }]);
  rows.push(plain(fit("= PAIR  ~ COPY  # suspended or swapped (PSUE PSUS SSWS)  . SMPL  ≈ over 1 h cut", width), { color: tone(theme, "gray") }));
  if (timeline.marks.length > 0) rows.push(plain(fit(markLegend(timeline.marks), width), { color: tone(theme, "gray") }));
  return { rows, marks: timeline.marks, axis };
}

/** One row of the event list: time, glyph, the reporting node and what happened. */
export function markRow(mark: TimelineMark, width: number): string {
  return fit(` ${formatShortTime(mark.ts)} ${glyphOf(mark.kind)} ${mark.label}`, width);
}
