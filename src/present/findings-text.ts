import { relative } from "node:path";
import type { StoredFinding } from "../store/read.js";
import type { InputTotals } from "../store/read.js";
import { formatIso } from "../ingest/year.js";
import { sanitizeForTerminal } from "./sanitize.js";
import { numberedSteps, stepLabel } from "./steps.js";
import { describeAcknowledgement } from "../model/acknowledgement.js";

export interface TextOptions {
  readonly timeZone?: string;
  /** Paths are shown relative to this folder. */
  readonly cwd?: string;
  readonly version: string;
}

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === "" ? "." : shown.startsWith("..") ? path : shown;
}

/** "; 1 acknowledged" when acknowledgements quiet open findings (counted above, left out of the exit status). */
function acknowledgedCount(open: readonly StoredFinding[]): string {
  const count = open.filter((finding) => finding.acknowledgement?.active === true).length;
  return count === 0 ? "" : `; ${count} of the open acknowledged`;
}

/** The report for people: most severe and oldest open findings first, each with its steps and evidence. */
export function renderFindingsText(findings: readonly StoredFinding[], totals: InputTotals, problems: readonly string[], options: TextOptions): string {
  const cwd = options.cwd ?? process.cwd();
  const out: string[] = [];
  const clean = sanitizeForTerminal;
  const open = findings.filter((finding) => finding.status === "open");
  const count = (severity: string): number => open.filter((finding) => finding.severity === severity).length;
  out.push(
    `mcadvisor ${options.version}: ${totals.files} files, ${totals.lines} lines, ${totals.events} events, ${totals.unparsed} unparsed lines`,
    `findings: ${count("critical")} critical, ${count("warning")} warning, ${count("info")} info open; ${findings.length - open.length} resolved${acknowledgedCount(open)}`,
  );
  for (const problem of problems) out.push(`warning: ${clean(problem)}`);

  const byBundle = new Map<string, StoredFinding[]>();
  for (const finding of findings) {
    const list = byBundle.get(finding.bundle) ?? [];
    list.push(finding);
    byBundle.set(finding.bundle, list);
  }
  if (findings.length === 0) out.push("", "No findings: nothing in these logs needs a manual procedure.");
  for (const [bundle, list] of byBundle) {
    out.push("", `== ${clean(displayPath(bundle, cwd))} ==`);
    for (const finding of list) {
      const scope = [finding.package, finding.deviceGroup].filter(Boolean).join(" / ");
      const when = finding.status === "resolved" && finding.resolvedAt !== null
        ? `${formatIso(finding.firstSeen, options.timeZone)} .. resolved ${formatIso(finding.resolvedAt, options.timeZone)}`
        : `since ${formatIso(finding.firstSeen, options.timeZone)}`;
      out.push("");
      out.push(`${finding.severity.toUpperCase()} ${finding.status}${finding.acknowledgement?.active ? " acknowledged" : ""} [${finding.action}] ${clean(finding.title)}`);
      out.push(`  ${[scope, finding.node ? `node ${finding.node}` : "", finding.site ? `site ${finding.site}` : "", when, `id ${finding.id.slice(0, 8)}`].filter(Boolean).map(clean).join("  ")}`);
      out.push(`  ${clean(finding.summary)}`);
      if (finding.acknowledgement) out.push(`  ${clean(describeAcknowledgement(finding.acknowledgement))}`);
      if (finding.status === "open") {
        if (finding.checkFirst.length > 0) {
          out.push("  Check first:");
          for (const check of finding.checkFirst) out.push(`    - ${clean(check)}`);
        }
        if (finding.steps.length > 0) out.push("  Steps:");
        for (const entry of numberedSteps(finding.steps)) {
          // An alternative sits under the step it replaces, indented by its label (commands stay aligned within it).
          const label = entry.alternative ? `   ${stepLabel(entry)}` : stepLabel(entry);
          const indent = " ".repeat(4 + label.length + 1);
          out.push(`    ${label} ${clean(entry.step.where)}:`);
          out.push(`${indent}  ${clean(entry.step.command)}`);
          if (entry.step.why) out.push(`${indent}why: ${clean(entry.step.why)}`);
        }
      }
      if (finding.evidence.length > 0) out.push("  Evidence:");
      for (const evidence of finding.evidence) {
        out.push(`    ${clean(displayPath(evidence.file, cwd))}:${evidence.line}  ${clean(evidence.text.trim())}`);
      }
    }
  }
  return `${out.join("\n")}\n`;
}
