import type { StoredFinding, InputTotals } from "../store/read.js";
import { formatIso } from "../ingest/year.js";

/** The JSON document of `analyze --format json` (a contract: scripts and monitoring read it). */
export function findingsDocument(findings: readonly StoredFinding[], totals: InputTotals, problems: readonly string[], options: { version: string; timeZone?: string }) {
  const iso = (ms: number | null): string | null => (ms === null ? null : formatIso(ms, options.timeZone));
  return {
    tool: "mcadvisor",
    version: options.version,
    inputs: { files: totals.files, lines: totals.lines, events: totals.events, unparsed: totals.unparsed },
    problems,
    findings: findings.map((finding) => ({
      id: finding.id,
      rule: finding.rule,
      action: finding.action,
      severity: finding.severity,
      status: finding.status,
      title: finding.title,
      summary: finding.summary,
      package: finding.package,
      deviceGroup: finding.deviceGroup,
      node: finding.node,
      site: finding.site,
      siteInfo: finding.siteInfo ?? null,
      firstSeen: iso(finding.firstSeen),
      lastSeen: iso(finding.lastSeen),
      resolvedAt: iso(finding.resolvedAt),
      bundle: finding.bundle,
      checkFirst: finding.checkFirst,
      steps: finding.steps.map((step) => ({ where: step.where, command: step.command, why: step.why })),
      evidence: finding.evidence.map((evidence) => ({ file: evidence.file, line: evidence.line, text: evidence.text })),
    })),
  };
}

/** Exit status as a monitoring plugin: 0 nothing open above info, 1 warning, 2 critical. */
export function exitStatusFor(findings: readonly StoredFinding[]): number {
  const open = findings.filter((finding) => finding.status === "open");
  if (open.some((finding) => finding.severity === "critical")) return 2;
  if (open.some((finding) => finding.severity === "warning")) return 1;
  return 0;
}
