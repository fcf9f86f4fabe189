/** `?`: every key, grouped; any key closes it. */
import { keyGroups, type KeyGroup } from "./keys.js";
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

function groupRows(group: KeyGroup, width: number): Row[] {
  return [plain(fit(group.title, width), { bold: true }), ...group.keys.map((key) => plain(fit(`  ${cell(key.keys, 14)} ${key.does}`, width)))];
}

export function HelpView({ width, height }: { readonly width: number; readonly height: number }) {
  const full = helpRows(width);
  if (full.length <= height) return <Rows rows={full} height={height} />;
  // Two columns when one is taller than the screen (80x24); a group never splits across them.
  const columnWidth = Math.floor(width / 2);
  const left: Row[] = [];
  const right: Row[] = [];
  const total = full.length;
  for (const group of keyGroups) {
    const target = left.length + group.keys.length + 1 <= Math.ceil(total / 2) + 2 && right.length === 0 ? left : right;
    target.push(...groupRows(group, columnWidth - 1));
  }
  right.push(plain("Any key closes this help."));
  const paired: Row[] = [];
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const leftText = left[index]?.map((segment) => segment.text).join("") ?? "";
    const rightText = right[index]?.map((segment) => segment.text).join("") ?? "";
    paired.push(plain(`${cell(leftText, columnWidth)}${fit(rightText, width - columnWidth)}`));
  }
  return <Rows rows={paired} height={height} />;
}
