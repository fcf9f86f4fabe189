/**
View 2: one finding as an operator acts on it: what happened, what to check first, the ordered steps
(where to run each, then the command alone on its own line so it can be copied as is), and the
evidence lines, each a jump into the Logs view.
*/
import { basename } from "node:path";
import { useRef, useState } from "react";
import { useViewInput } from "./view-input.js";
import type { Evidence } from "../../model/findings.js";
import type { StoredFinding } from "../../store/read.js";
import { describeSite } from "../site-text.js";
import { displayPath, fit, formatDateTime, scrollTop, wrap } from "./text.js";
import { highlighted, plain, Rows, type Row } from "./rows.js";
import { moveCursor, movementOf } from "./movement.js";
import { severityColor, tone, type Theme } from "./theme.js";
import { numberedSteps, stepLabel } from "../steps.js";
import { supersededNote } from "../set-aside.js";
import { describeAcknowledgement } from "../../model/acknowledgement.js";

export interface DetailLine {
  readonly row: Row;
  /** Set on evidence rows: Enter shows this line in the Logs view. */
  readonly evidence?: Evidence;
  /** Set on a section's heading: the key that jumps to it (s steps, e evidence, c check first). */
  readonly section?: DetailSection;
}

export type DetailSection = "steps" | "evidence" | "check";

/** The key that jumps to each section of the detail. */
export const sectionKeys: Readonly<Record<string, DetailSection>> = { s: "steps", e: "evidence", c: "check" };

const indent = (rows: readonly string[], by: string): string[] => rows.map((row) => `${by}${row}`);

/** Pure: the whole detail as rows of `width` columns (the view scrolls through them). */
export function detailLines(finding: StoredFinding, width: number, theme: Theme): DetailLine[] {
  const lines: DetailLine[] = [];
  const text = (value: string, style: Parameters<typeof plain>[1] = {}): void => {
    lines.push({ row: plain(value, style) });
  };
  const heading = (value: string, section?: DetailSection): void => {
    text("");
    lines.push({ row: plain(value, { bold: true, color: tone(theme, "magenta") }), section });
  };
  const when =
    finding.status === "resolved" && finding.resolvedAt !== null
      ? `${formatDateTime(finding.firstSeen)} .. resolved ${formatDateTime(finding.resolvedAt)}`
      : `since ${formatDateTime(finding.firstSeen)}`;
  lines.push({
    row: [
      { text: finding.severity.toUpperCase(), bold: true, color: severityColor(theme, finding.severity) },
      {
        text: fit(
          ` ${finding.status}${finding.acknowledgement?.active ? ", acknowledged" : ""}  action ${finding.action}`,
          Math.max(width - finding.severity.length, 0),
        ),
      },
    ],
  });
  for (const row of wrap(finding.title, width)) text(row, { bold: true });
  // Each "name value" pair stays on one row (no-break spaces inside it).
  const scope = [
    finding.cluster && `cluster ${finding.cluster}`,
    finding.package && `package ${finding.package}`,
    finding.deviceGroup && `device group ${finding.deviceGroup}`,
    finding.node && `node ${finding.node}`,
    !finding.siteInfo && finding.site && `site ${finding.site}`,
    `incident ${basename(finding.bundle)}`,
    when,
    `id ${finding.id}`,
  ]
    .filter((item): item is string => Boolean(item))
    .map((item) => item.replace(/ /g, "\u00a0"))
    .join(", ");
  for (const row of wrap(scope, width)) text(row, { color: tone(theme, "gray") });
  if (finding.siteInfo)
    for (const row of wrap(
      describeSite(finding.siteInfo, (source) => displayPath(source, finding.bundle)),
      width,
    ))
      text(row, { color: tone(theme, "gray") });
  if (finding.acknowledgement) {
    // Known, being handled: said before anything else, with who and until when (a: take it back).
    const active = finding.acknowledgement.active;
    text("");
    wrap(`${active ? "ACKNOWLEDGED" : "NO LONGER ACKNOWLEDGED"}: ${describeAcknowledgement(finding.acknowledgement)}`, width).forEach((row) =>
      text(row, { bold: active, color: tone(theme, "yellow") }),
    );
  }

  heading("What happened");
  for (const row of indent(wrap(finding.summary, width - 2), "  ")) text(row);

  if (finding.status === "resolved") {
    heading("Nothing to do");
    for (const row of indent(wrap("The logs show this condition cleared; the steps below are what applied while it was open.", width - 2), "  "))
      text(row, { color: tone(theme, "gray") });
  }
  if (finding.status === "superseded") {
    heading("Set aside: do not follow these steps now");
    for (const row of indent(wrap(supersededNote(finding), width - 2), "  ")) text(row, { color: tone(theme, "yellow") });
  }

  if (finding.checkFirst.length > 0) {
    heading("Check first", "check");
    for (const check of finding.checkFirst) {
      wrap(check, width - 4).forEach((row, index) => text(`${index === 0 ? "  - " : "    "}${row}`));
    }
  }

  if (finding.steps.length > 0) {
    heading("Steps, in order", "steps");
    for (const entry of numberedSteps(finding.steps)) {
      const { step } = entry;
      // An alternative (instead of the step above) has no number: it is indented under that step, led by "or:".
      const label = entry.alternative ? `     ${stepLabel(entry)} ` : `  ${stepLabel(entry)} `;
      const pad = " ".repeat(entry.alternative ? label.length : 5);
      if (!entry.alternative || entry.first) text("");
      wrap(`${step.where}:`, width - label.length).forEach((row, part) => text(`${part === 0 ? label : " ".repeat(label.length)}${row}`, { bold: true }));
      // The command alone on its line, no bullet or quotes: it is copied as it stands.
      for (const row of wrap(step.command, width - pad.length)) text(`${pad}${row}`, { color: tone(theme, "green") });
      if (step.why) for (const row of indent(wrap(`why: ${step.why}`, width - pad.length), pad)) text(row, { color: tone(theme, "gray") });
    }
  }

  if (finding.evidence.length > 0) {
    heading("Evidence (Enter opens the line in Logs)", "evidence");
    for (const evidence of finding.evidence) {
      const place = `${displayPath(evidence.file, finding.bundle)}:${evidence.line}`;
      lines.push({ evidence, row: plain(fit(`  ${place}`, width), { color: tone(theme, "cyan") }) });
      for (const row of wrap(evidence.text.trim(), width - 4)) lines.push({ evidence, row: plain(`    ${row}`) });
    }
  }
  return lines;
}

export interface DetailViewProps {
  readonly finding: StoredFinding | undefined;
  /** The incident `i` went to when it has no finding to show. */
  readonly incident?: string | null;
  readonly onJump: (evidence: Evidence) => void;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
  readonly active: boolean;
}

export function DetailView({ finding, incident, onJump, width, height, theme, active }: DetailViewProps) {
  const [cursor, setCursor] = useState(0);
  const topRef = useRef(0);
  const lines = finding ? detailLines(finding, width - 1, theme) : [];
  const at = Math.min(cursor, Math.max(lines.length - 1, 0));
  useViewInput(
    (input, key) => {
      const movement = movementOf(input, key, height);
      if (movement) {
        const next = moveCursor(at, movement, lines.length);
        // A page key turns the page (as less does); a line key scrolls only when the cursor leaves the screen.
        if ("by" in movement && Math.abs(movement.by) > 1) topRef.current = Math.max(0, Math.min(topRef.current + (next - at), lines.length - height));
        setCursor(next);
        return;
      }
      const section = sectionKeys[input];
      if (section) {
        // The heading goes to the top of the screen, the cursor on it: what follows fills the page.
        const heading = lines.findIndex((line) => line.section === section);
        if (heading >= 0) {
          topRef.current = Math.max(0, Math.min(heading, lines.length - height));
          setCursor(heading);
        }
        return;
      }
      if (key.return) {
        const target = lines[at]?.evidence;
        if (target) onJump(target);
        else {
          // Enter elsewhere brings the cursor to the first evidence line below, so a second Enter opens it.
          const next = lines.findIndex((line, index) => index > at && line.evidence !== undefined);
          if (next >= 0) setCursor(next);
        }
      }
    },
    { isActive: active, owner: "detail" },
  );
  if (!finding) {
    const why = incident
      ? `Incident ${basename(incident)} has no findings: its lines are in Logs (4), i: next incident.`
      : "No finding selected: pick one in Findings (1) and press Enter.";
    return <Rows rows={[plain(fit(why, width))]} height={height} />;
  }
  const top = scrollTop(at, topRef.current, height);
  topRef.current = top;
  // A one-column gutter shows the cursor without touching the text (commands stay copyable as they are).
  const rows = lines
    .slice(top, top + height)
    .map((line, index) =>
      top + index === at
        ? [{ text: ">", bold: true }, ...highlighted(line.row.length > 0 && line.row[0].text !== "" ? line.row : plain(" "))]
        : [{ text: " " }, ...line.row],
    );
  return <Rows rows={rows} height={height} />;
}
