/** View 1: every finding, most severe and oldest open first (the order of listFindings). */
import { basename } from "node:path";
import { useRef } from "react";
import { useViewInput } from "./view-input.js";
import type { StoredFinding } from "../../store/read.js";
import { cell, fit, formatShortTime, scrollTop, wrap } from "./text.js";
import { highlighted, plain, Rows, type Row, type Segment } from "./rows.js";
import { moveCursor, movementOf } from "./movement.js";
import { severityColor, tone, type Theme } from "./theme.js";
import { numberedSteps, stepLabel } from "../steps.js";
import { describeAcknowledgement } from "../../model/acknowledgement.js";

const severityLabel = { critical: "CRIT", warning: "WARN", info: "INFO" } as const;

interface Columns {
  readonly action: number;
  readonly scope: number;
  readonly title: number;
}

const fixedWidth = 2 + 4 + 1 + 8 + 1 + 1 + 1 + 14;

function scopeOf(finding: StoredFinding): string {
  return [finding.package, finding.deviceGroup].filter(Boolean).join(" / ") || (finding.node ? `node ${finding.node}` : "-");
}

function columnsFor(findings: readonly StoredFinding[], width: number): Columns {
  const room = Math.max(width - fixedWidth, 10);
  const longestAction = Math.max(6, ...findings.map((finding) => finding.action.length));
  const longestScope = Math.max(5, ...findings.map((finding) => scopeOf(finding).length));
  const action = Math.min(longestAction, Math.floor(room / 2));
  const scope = Math.min(longestScope, room - action);
  const left = room - action - scope - 2;
  return { action, scope, title: left >= 24 ? left : 0 };
}

function findingRow(finding: StoredFinding, columns: Columns, theme: Theme): Row {
  const segments: Segment[] = [
    { text: "  " },
    { text: severityLabel[finding.severity], color: severityColor(theme, finding.severity), bold: finding.status === "open" },
    // An acknowledgement in effect replaces "open": known, being handled (the detail says by whom).
    // "superseded" does not fit the column: "aside" (set aside; the detail and the preview say by which finding).
    {
      text: ` ${cell(finding.acknowledgement?.active ? "acked" : finding.status === "superseded" ? "aside" : finding.status, 8)} `,
      dim: finding.acknowledgement?.active === true || finding.status === "superseded",
    },
    { text: cell(finding.action, columns.action), bold: true },
    { text: ` ${cell(scopeOf(finding), columns.scope)} ` },
    { text: formatShortTime(finding.firstSeen) },
  ];
  if (columns.title > 0) segments.push({ text: `  ${fit(finding.title, columns.title)}`, dim: finding.status !== "open" });
  return segments;
}

/** What the selected finding is about, under the list: title, summary, where. */
function previewRows(finding: StoredFinding, width: number, height: number, theme: Theme): Row[] {
  const rows: Row[] = [plain("─".repeat(width), { color: tone(theme, "gray") })];
  for (const line of wrap(finding.title, width)) rows.push(plain(line, { bold: true }));
  if (finding.acknowledgement) {
    for (const line of wrap(describeAcknowledgement(finding.acknowledgement), width)) rows.push(plain(line, { color: tone(theme, "yellow") }));
  }
  for (const line of wrap(finding.summary, width)) rows.push(plain(line));
  // What to type first, at a glance; the detail (Enter) has where, why and what to check before.
  if (finding.status === "open" && finding.steps.length > 0) {
    rows.push(plain(fit(`Steps (Enter for where, why and what to check first):`, width), { bold: true }));
    // Where each runs matters (two steps can be alternatives, one per site): on its own row when there is room.
    const roomy = height - rows.length - 1 >= finding.steps.length * 2;
    for (const entry of numberedSteps(finding.steps)) {
      // An alternative (instead of the step above) is indented under it, led by "or:", with no number of its own.
      const number = entry.alternative ? `     ${stepLabel(entry)} ` : `  ${stepLabel(entry)} `;
      const { step } = entry;
      if (roomy) {
        rows.push(plain(fit(`${number}${step.where}:`, width)));
        rows.push(plain(fit(`${" ".repeat(number.length)}${step.command}`, width), { color: tone(theme, "green") }));
      } else {
        rows.push(plain(fit(`${number}${step.command}   (${step.where})`, width), { color: tone(theme, "green") }));
      }
    }
  }
  const where = [
    `incident ${basename(finding.bundle)}`,
    finding.cluster && `cluster ${finding.cluster}`,
    finding.node && `node ${finding.node}`,
    finding.site && `site ${finding.site}`,
    finding.status === "resolved" && finding.resolvedAt !== null ? `resolved ${formatShortTime(finding.resolvedAt)}` : null,
    finding.supersededBy ? `set aside by ${finding.supersededBy.slice(0, 8)}` : null,
  ]
    .filter(Boolean)
    .join("  ");
  const tail = plain(fit(where, width), { color: tone(theme, "gray") });
  return [rows[0], tail, ...rows.slice(1)].slice(0, height);
}

export interface FindingsLayout {
  readonly rows: readonly Row[];
  readonly top: number;
}

/**
Pure: the rows of the Findings view for a cursor, a previous scroll position and a size. Cursor -1: no
finding selected (`i` went to an incident without findings, named by `incident`).
*/
export function findingsRows(
  findings: readonly StoredFinding[],
  cursor: number,
  previousTop: number,
  width: number,
  height: number,
  theme: Theme,
  incident: string | null = null,
): FindingsLayout {
  if (findings.length === 0) {
    return {
      top: 0,
      rows: [
        plain("No findings: nothing in these logs needs a manual procedure."),
        plain(""),
        plain(fit("New findings appear here as soon as `mcadvisor watch` or `analyze` stores them.", width), { color: tone(theme, "gray") }),
        plain(fit("4 or Tab: the logs themselves.  ?: every key.", width), { color: tone(theme, "gray") }),
      ],
    };
  }
  const columns = columnsFor(findings, width);
  // The list takes what it needs (at least half when long); the rest tells what the selected finding is about.
  const previewHeight = height >= 10 ? Math.max(height - 1 - findings.length, Math.min(6, Math.floor(height / 2))) : 0;
  const listHeight = Math.max(height - 1 - previewHeight, 1);
  const top = cursor < 0 ? previousTop : scrollTop(cursor, previousTop, listHeight);
  const open = findings.filter((finding) => finding.status === "open").length;
  const header = `  ${cell("SEV", 4)} ${cell("STATUS", 8)} ${cell("ACTION", columns.action)} ${cell("PACKAGE / DG", columns.scope)} ${cell("SINCE", 14)}${columns.title > 0 ? `  TITLE (${open} open of ${findings.length})` : ""}`;
  const rows: Row[] = [plain(fit(header, width), { bold: true })];
  findings.slice(top, top + listHeight).forEach((finding, index) => {
    const row = findingRow(finding, columns, theme);
    rows.push(top + index === cursor ? highlighted([{ text: "> " }, ...row.slice(1)]) : row);
  });
  while (rows.length < 1 + listHeight) rows.push([]);
  if (previewHeight > 0 && cursor >= 0) rows.push(...previewRows(findings[cursor], width, previewHeight, theme));
  else if (previewHeight > 0) {
    rows.push(plain("─".repeat(width), { color: tone(theme, "gray") }));
    rows.push(plain(fit(`incident ${basename(incident ?? "")}: no findings, nothing in its logs needs a manual procedure.`, width), { bold: true }));
    rows.push(plain(fit("Timeline (3) and Logs (4) show it.  i: next incident  j/k: pick a finding", width), { color: tone(theme, "gray") }));
  }
  return { rows, top };
}

export interface FindingsViewProps {
  readonly findings: readonly StoredFinding[];
  /** Selection by id, so a live refresh that reorders the list keeps the operator's place. */
  readonly selectedId: string | null;
  /** The incident `i` went to when none of its findings is selected (it has none). */
  readonly incident: string | null;
  readonly onSelect: (id: string) => void;
  readonly onOpen: (id: string) => void;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
  readonly active: boolean;
}

export function FindingsView({ findings, selectedId, incident, onSelect, onOpen, width, height, theme, active }: FindingsViewProps) {
  const index = findings.findIndex((finding) => finding.id === selectedId);
  const cursor = index >= 0 || selectedId !== null || incident === null ? Math.max(0, index) : -1;
  const topRef = useRef(0);
  const layout = findingsRows(findings, cursor, topRef.current, width, height, theme, incident);
  topRef.current = layout.top;
  useViewInput(
    (input, key) => {
      if (findings.length === 0) return;
      const movement = movementOf(input, key, height - 7);
      if (movement) onSelect(findings[cursor < 0 ? 0 : moveCursor(cursor, movement, findings.length)].id);
      else if (key.return && cursor >= 0) onOpen(findings[cursor].id);
    },
    { isActive: active, owner: "findings" },
  );
  return <Rows rows={layout.rows} height={height} />;
}
