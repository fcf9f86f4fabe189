/** `?`: every key, grouped; any key closes it. */
import { keyGroups } from "./keys.js";
import { cell, fit } from "./text.js";
import { plain, Rows, type Row } from "./rows.js";

/** Pure: the help rows; on a narrow or short terminal the groups flow into as many rows as needed. */
export function helpRows(width: number): Row[] {
  const rows: Row[] = [];
  for (const group of keyGroups) {
    rows.push(plain(fit(group.title, width), { bold: true }));
    for (const key of group.keys) rows.push(plain(fit(`  ${cell(key.keys, 14)} ${key.does}`, width)));
  }
  rows.push(plain(fit("Any key closes this help.", width)));
  return rows;
}

export function HelpView({ width, height }: { readonly width: number; readonly height: number }) {
  const columnWidth = Math.floor(width / 2);
  const full = helpRows(width);
  if (full.length <= height) return <Rows rows={full} height={height} />;
  // Two columns when the list is taller than the screen (80x24).
  const rows = helpRows(columnWidth - 1);
  const half = Math.ceil(rows.length / 2);
  const paired: Row[] = [];
  for (let index = 0; index < half; index++) {
    const left = rows[index].map((segment) => segment.text).join("");
    const right = rows[index + half]?.map((segment) => segment.text).join("") ?? "";
    paired.push(plain(`${cell(left, columnWidth)}${fit(right, width - columnWidth)}`));
  }
  return <Rows rows={paired} height={height} />;
}
