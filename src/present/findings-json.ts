import type { StoredFinding, InputTotals } from "../store/read.js";
import { formatIso, knownTime } from "../model/time.js";
import { describeReadability, readabilityVerdict, type BundleReading } from "../model/readability.js";
import type { FindingAcknowledgement } from "../model/acknowledgement.js";

/** One bundle's reading in the JSON documents: `readable` false makes the run UNKNOWN (exit 3). */
export function bundleDocument(reading: BundleReading) {
  const verdict = readabilityVerdict(reading);
  return {
    bundle: reading.bundle,
    files: reading.files,
    lines: reading.lines,
    unreadable: reading.unreadable,
    unread: reading.unread,
    partial: reading.partial ?? 0,
    // Log files that could not be read as lines, or look binary: each makes the bundle UNKNOWN (verdict files-unreadable).
    unreadableFiles: (reading.unreadableFiles ?? []).map((file) => ({ path: file.path, why: file.why })),
    // Its last analysis began and has not finished (a reader of the database: report): its findings are provisional.
    ...(reading.unfinished !== undefined
      ? {
          unfinished: {
            command: reading.unfinished.command,
            pid: reading.unfinished.pid,
            host: reading.unfinished.host,
            startedAt: new Date(reading.unfinished.startedAt).toISOString(),
            running: reading.unfinished.running,
          },
        }
      : {}),
    readable: verdict === null,
    verdict,
    message: describeReadability(reading),
  };
}

/** A finding's acknowledgement in JSON (null when none): real instants as ISO UTC, and whether it quiets the exit status now. */
function acknowledgedJson(acknowledgement: FindingAcknowledgement | undefined) {
  if (!acknowledgement) return null;
  return {
    by: acknowledgement.by,
    at: new Date(acknowledgement.at).toISOString(),
    note: acknowledgement.note,
    until: acknowledgement.until === null ? null : new Date(acknowledgement.until).toISOString(),
    severity: acknowledgement.severity,
    active: acknowledgement.active,
    lapsed: acknowledgement.lapsed,
  };
}

/** The JSON document of `analyze --format json` (a contract: scripts and monitoring read it). */
export function findingsDocument(
  findings: readonly StoredFinding[],
  totals: InputTotals,
  problems: readonly string[],
  options: { version: string; timeZone?: string; readings?: readonly BundleReading[]; notRead?: readonly string[] },
) {
  const iso = (ms: number | null): string | null => {
    const known = knownTime(ms);
    return known === null ? null : formatIso(known, options.timeZone);
  };
  return {
    tool: "mcadvisor",
    version: options.version,
    // notRead: files found in the folders given that are in no layout mcadvisor reads (analyze only).
    inputs: {
      files: totals.files,
      lines: totals.lines,
      events: totals.events,
      unparsed: totals.unparsed,
      unread: totals.unread,
      ...(options.notRead ? { notRead: options.notRead } : {}),
    },
    problems,
    // Per bundle: its log lines, those in no known layout, the unread replication lines, and whether it could be judged.
    ...(options.readings ? { bundles: options.readings.map(bundleDocument) } : {}),
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
      // The cluster the finding is about when the bundle holds several, each correlated on its own; null otherwise.
      cluster: finding.cluster ?? null,
      firstSeen: iso(finding.firstSeen),
      lastSeen: iso(finding.lastSeen),
      resolvedAt: iso(finding.resolvedAt),
      // The open finding whose situation forbids this one's advice (status "superseded"); null otherwise.
      supersededBy: finding.supersededBy ?? null,
      bundle: finding.bundle,
      checkFirst: finding.checkFirst,
      steps: finding.steps.map((step) => ({ where: step.where, command: step.command, why: step.why, alternative: step.alternative === true })),
      evidence: finding.evidence.map((evidence) => ({ file: evidence.file, line: evidence.line, text: evidence.text })),
      acknowledged: acknowledgedJson(finding.acknowledgement),
    })),
  };
}

/**
Exit status as a monitoring plugin: 0 nothing open above info, 1 warning, 2 critical. A finding an
acknowledgement quiets (in effect: not expired, severity not risen) does not count.
*/
export function exitStatusFor(findings: readonly StoredFinding[]): number {
  const open = findings.filter((finding) => finding.status === "open" && finding.acknowledgement?.active !== true);
  if (open.some((finding) => finding.severity === "critical")) return 2;
  if (open.some((finding) => finding.severity === "warning")) return 1;
  return 0;
}
