/**
One line that says how things stand, in the shape monitoring plugins print (Nagios, Icinga: status text,
then `|` and performance data). `report --out FILE` prints it on stdout, so the same command that
writes the HTML for people is a check for the monitoring system.
*/
import { sanitizeForTerminal } from "../sanitize.js";
import { unfinishedBundles, unreadableBundles, type ReportModel } from "./model.js";

const STATE = ["OK", "WARNING", "CRITICAL", "UNKNOWN"] as const;

export function renderStatusLine(model: ReportModel): string {
  const { openCounts, lines, unparsed, acknowledged } = model.summary;
  const state = STATE[model.exitStatus] ?? "UNKNOWN";
  // The first finding named is the worst one that decides the state: an acknowledged one does not.
  const counting = model.openFindings.filter((finding) => finding.severity !== "info" && finding.acknowledgement?.active !== true);
  const worst = counting.find((finding) => finding.severity === "critical") ?? counting[0];
  // A `|` would start the performance data early; log-derived text has it replaced.
  const title = worst ? `; first: ${sanitizeForTerminal(worst.title).replace(/\|/g, "/")}` : "";
  const unreadable = unreadableBundles(model).length;
  const unfinished = unfinishedBundles(model).length;
  const cannotRead =
    (unfinished > 0 ? `; analysis of ${unfinished === 1 ? "one bundle" : `${unfinished} bundles`} not finished (see the report)` : "") +
    (unreadable > 0 ? `; could not read ${unreadable === 1 ? "one bundle" : `${unreadable} bundles`} (see the report)` : "");
  const quieted = acknowledged > 0 ? `, ${acknowledged} of them acknowledged` : "";
  return (
    `MCADVISOR ${state} - ${openCounts.critical} critical, ${openCounts.warning} warning, ${openCounts.info} info open${quieted}; ` +
    `${model.resolvedFindings.length} resolved in the window${cannotRead}${title}` +
    ` | critical=${openCounts.critical} warning=${openCounts.warning} info=${openCounts.info} lines=${lines} unparsed=${unparsed} suspicious=${model.suspiciousLines} unread=${model.unreadTotal}` +
    // Only when there are some: the line stays exactly as it was for every check that never acknowledges.
    `${acknowledged > 0 ? ` acknowledged=${acknowledged}` : ""}\n`
  );
}
