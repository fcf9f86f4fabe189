/**
The report as JSON for scripts and monitoring. Findings have exactly the shape of `analyze --format json`
(findingsDocument) plus `isNew`; times are ISO text (with the --tz offset when given).
*/
import { bundleDocument, findingsDocument } from "../findings-json.js";
import type { ReportFinding, ReportModel } from "./model.js";
import { dataOutsideWindow, reportTime } from "./model.js";

const NO_TOTALS = { files: 0, lines: 0, events: 0, unparsed: 0, unread: 0 };

export function reportDocument(model: ReportModel) {
  const iso = (ms: number | null): string | null => (ms === null ? null : reportTime(ms, model.timeZone));
  const findings = (list: readonly ReportFinding[]) =>
    findingsDocument(list, NO_TOTALS, [], { version: model.version, timeZone: model.timeZone }).findings.map((finding, index) => ({
      ...finding,
      isNew: list[index].isNew,
    }));
  const source = (line: { file: string; line: number; text?: string }) => ({
    file: line.file,
    line: line.line,
    ...(line.text === undefined ? {} : { text: line.text }),
  });
  const { summary, window } = model;
  return {
    tool: "mcadvisor",
    version: model.version,
    report: "review",
    window: {
      since: iso(window.since),
      until: iso(window.until),
      sinceSource: window.sinceSource,
      untilSource: window.untilSource,
      timeZone: model.timeZone ?? null,
      dataOutside: dataOutsideWindow(model),
    },
    summary: {
      bundles: summary.bundles,
      clusters: summary.clusters,
      nodes: summary.nodes,
      silentNodes: summary.silentNodes,
      staleNodes: summary.staleNodes.map((stale) => ({
        bundle: stale.bundle,
        node: stale.node,
        lastSeen: iso(stale.lastSeen),
        bundleLast: iso(stale.bundleLast),
      })),
      clockNotes: summary.clockNotes,
      packages: summary.packages,
      deviceGroups: summary.deviceGroups,
      worstSeverity: summary.worstSeverity,
      open: summary.openCounts,
      acknowledged: summary.acknowledged,
      resolvedInWindow: model.resolvedFindings.length,
      lines: summary.lines,
      unparsed: summary.unparsed,
      events: summary.events,
      dataStart: iso(summary.dataStart),
      dataEnd: iso(summary.dataEnd),
    },
    openFindings: findings(model.openFindings),
    resolvedFindings: findings(model.resolvedFindings),
    supersededFindings: findings(model.supersededFindings),
    timelines: model.timelines.map(({ bundle, timeline }) => ({
      bundle,
      start: iso(timeline.start),
      end: iso(timeline.end),
      rows: timeline.rows.map((row) => ({
        deviceGroup: row.deviceGroup,
        node: row.node,
        side: row.side,
        spans: row.spans.map((span) => ({ state: span.state, role: span.role, from: iso(span.from), to: iso(span.to), source: source(span.source) })),
      })),
      marks: timeline.marks.map((mark) => ({
        ts: iso(mark.ts),
        kind: mark.kind,
        node: mark.node,
        package: mark.package,
        deviceGroup: mark.deviceGroup,
        label: mark.label,
        source: source(mark.source),
      })),
    })),
    packages: model.packages.map((entry) => ({ ...entry, moves: entry.moves.map((move) => ({ ...move, ts: iso(move.ts) })) })),
    packageActivity: model.packageActivity.map((entry) => ({
      ts: iso(entry.ts),
      bundle: entry.bundle,
      package: entry.package,
      node: entry.node,
      activity: entry.activity,
      source: source(entry.source),
    })),
    suspicious: {
      lines: model.suspiciousLines,
      groupsOmitted: model.suspiciousGroupsOmitted,
      groups: model.suspicious.map((group) => ({
        shape: group.shape,
        count: group.count,
        hosts: group.hosts,
        first: iso(group.first),
        last: iso(group.last),
        sample: source(group.sample),
      })),
    },
    missingLogs: model.missingLogs.map((entry) => ({
      bundle: entry.bundle,
      package: entry.package,
      nodes: entry.nodes,
      seenAt: source(entry.seenAt),
      expectedPath: entry.expectedPath,
    })),
    // What was read of each bundle (readable false: the report is UNKNOWN), and the replication lines no grammar read.
    bundles: model.readings.map(bundleDocument),
    unreadLines: {
      lines: model.unreadTotal,
      shown: model.unreadLines.map((line) => ({
        ts: iso(line.ts),
        bundle: line.bundle,
        host: line.host,
        package: line.package,
        terms: line.terms,
        source: source(line),
      })),
    },
    exitStatus: model.exitStatus,
  };
}

/**
JSON text. `<`, `>` and `&` are written as \u escapes (the same JSON to a parser) so a log line holding
`<script>` stays inert even when someone pastes the document into a web page; JSON.stringify already
escapes the control characters (ESC, BEL) of hostile lines.
*/
export function renderReportJson(model: ReportModel): string {
  const text = JSON.stringify(reportDocument(model), null, 2).replace(/[<>&]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `${text}\n`;
}
