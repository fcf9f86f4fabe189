import { relative } from "node:path";
import type { StoredFinding } from "../store/read.js";
import type { InputTotals } from "../store/read.js";
import { formatIso } from "../ingest/year.js";
import { sanitizeForTerminal } from "./sanitize.js";
import { describeReadability, type BundleReading } from "../model/readability.js";

export interface TextOptions {
  readonly timeZone?: string;
  /** Paths are shown relative to this folder. */
  readonly cwd?: string;
  readonly version: string;
  /** What was read of each bundle: its unread replication lines are counted, an unreadable bundle is said so. */
  readonly readings?: readonly BundleReading[];
}

/** A SQL text literal (a bundle path may hold a quote). */
function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === "" ? "." : shown.startsWith("..") ? path : shown;
}

/** The report for people: most severe and oldest open findings first, each with its steps and evidence. */
export function renderFindingsText(findings: readonly StoredFinding[], totals: InputTotals, problems: readonly string[], options: TextOptions): string {
  const cwd = options.cwd ?? process.cwd();
  const out: string[] = [];
  const clean = sanitizeForTerminal;
  const open = findings.filter((finding) => finding.status === "open");
  const count = (severity: string): number => open.filter((finding) => finding.severity === severity).length;
  out.push(
    `mcadvisor ${options.version}: ${totals.files} files, ${totals.lines} lines, ${totals.events} events, ${totals.unparsed} unparsed lines, ${totals.unread} unread replication lines`,
    `findings: ${count("critical")} critical, ${count("warning")} warning, ${count("info")} info open; ${findings.length - open.length} resolved`,
  );
  for (const problem of problems) out.push(`warning: ${clean(problem)}`);

  const readings = new Map((options.readings ?? []).map((reading) => [reading.bundle, reading]));
  const unreadable = [...readings.values()].filter((reading) => describeReadability(reading) !== null);
  if (unreadable.length > 0) {
    out.push(`UNKNOWN: mcadvisor could not read enough of ${unreadable.length === 1 ? "one bundle" : `${unreadable.length} bundles`} to judge ${unreadable.length === 1 ? "it" : "them"} (below): this is no all-clear.`);
  }
  const byBundle = new Map<string, StoredFinding[]>();
  for (const finding of findings) {
    const list = byBundle.get(finding.bundle) ?? [];
    list.push(finding);
    byBundle.set(finding.bundle, list);
  }
  // Bundles without findings still get a section when something in them could not be read.
  for (const reading of readings.values()) {
    if (!byBundle.has(reading.bundle) && (reading.unread > 0 || describeReadability(reading) !== null)) byBundle.set(reading.bundle, []);
  }
  if (findings.length === 0 && unreadable.length === 0) out.push("", "No findings: nothing in these logs needs a manual procedure.");
  for (const [bundle, list] of byBundle) {
    out.push("", `== ${clean(displayPath(bundle, cwd))} ==`);
    const reading = readings.get(bundle);
    const cannotRead = reading ? describeReadability(reading) : null;
    if (cannotRead !== null) out.push(`UNKNOWN: mcadvisor could not read this bundle: ${cannotRead}.`);
    if (reading && reading.unread > 0) {
      out.push(`${reading.unread} replication line${reading.unread === 1 ? "" : "s"} mcadvisor could not read (the evidence of the findings below shows those near them): `
        + `mcadvisor query "SELECT file, line_no, terms, text FROM unread_lines WHERE bundle = ${clean(sqlText(bundle))}"`);
    }
    if (list.length === 0) out.push(cannotRead !== null ? "No findings from what could be read." : "No findings.");
    for (const finding of list) {
      const scope = [finding.package, finding.deviceGroup].filter(Boolean).join(" / ");
      const when = finding.status === "resolved" && finding.resolvedAt !== null
        ? `${formatIso(finding.firstSeen, options.timeZone)} .. resolved ${formatIso(finding.resolvedAt, options.timeZone)}`
        : `since ${formatIso(finding.firstSeen, options.timeZone)}`;
      out.push("");
      out.push(`${finding.severity.toUpperCase()} ${finding.status} [${finding.action}] ${clean(finding.title)}`);
      out.push(`  ${[scope, finding.node ? `node ${finding.node}` : "", finding.site ? `site ${finding.site}` : "", when].filter(Boolean).map(clean).join("  ")}`);
      out.push(`  ${clean(finding.summary)}`);
      if (finding.status === "open") {
        if (finding.checkFirst.length > 0) {
          out.push("  Check first:");
          for (const check of finding.checkFirst) out.push(`    - ${clean(check)}`);
        }
        if (finding.steps.length > 0) out.push("  Steps:");
        finding.steps.forEach((step, index) => {
          out.push(`    ${index + 1}. ${clean(step.where)}:`);
          out.push(`         ${clean(step.command)}`);
          if (step.why) out.push(`       why: ${clean(step.why)}`);
        });
      }
      if (finding.evidence.length > 0) out.push("  Evidence:");
      for (const evidence of finding.evidence) {
        out.push(`    ${clean(displayPath(evidence.file, cwd))}:${evidence.line}  ${clean(evidence.text.trim())}`);
      }
    }
  }
  return `${out.join("\n")}\n`;
}
