/**
The periodic review report as data: what the Markdown, HTML and JSON renderers draw. Everything is read
from the database (analyze or watch wrote it); nothing here parses logs. Times are naive wall-clock ms
(docs/architecture.md "Time"); the window is half-open, since <= ts < until, so consecutive reports that
continue each other (since = previous until) count no line twice.
*/
import { clockDisagreements, describeClockDisagreement } from "../../correlate/clocks.js";
import { relative } from "node:path";
import type { SqliteDatabase } from "../../store/db.js";
import { listFindings, unfinishedAnalyses, type StoredFinding } from "../../store/read.js";
import { withAcknowledgements } from "../../store/acknowledgements.js";
import { readTimeline, type Timeline } from "../../store/timeline.js";
import { isTroubleLine, listBundles } from "../../store/logs.js";
import {
  bundlePaths,
  clockAnchors,
  lastStartBefore,
  packagesWithoutLog,
  syslogHostsBefore,
  timedSpan,
  windowEvents,
  windowEventsOfKinds,
  windowLines,
  windowLinesWhere,
  windowUnreadLines,
  type WindowLines,
} from "../../store/report.js";
import { severityRank, type Severity } from "../../model/findings.js";
import { exitStatusFor } from "../findings-json.js";
import { formatIso, knownTime } from "../../model/time.js";
import { compareText } from "../../util/compare.js";
import { EVENT_DISPLAY, type PackageActivityKind } from "../../catalogue/vocabulary.js";
import type { ReportWindow } from "./window.js";
import { readabilityVerdict, runExitStatus, type BundleReading, type UnfinishedAnalysis } from "../../model/readability.js";

export interface ReportFinding extends StoredFinding {
  /** First seen inside the window: new since the previous review. */
  readonly isNew: boolean;
}

export interface SourceLine {
  readonly file: string;
  readonly line: number;
  readonly ts: number | null;
  readonly host: string | null;
  readonly text: string;
}

export interface ReportSummary {
  readonly bundles: readonly string[];
  /** Cluster names the logs, configuration files and saved status tables state (CLUSTER_NAME, cmviewcl's cluster rows, Continentalclusters notices). */
  readonly clusters: readonly string[];
  /** Hosts that logged in the window. */
  readonly nodes: readonly string[];
  /** Hosts that logged before the window but not in it (a node that went quiet deserves a look). */
  readonly silentNodes: readonly string[];
  /** Hosts that logged in the window and then fell silent while the rest of their bundle went on (a stale feed). */
  readonly staleNodes: readonly StaleNode[];
  /** Nodes whose clocks read hours apart (src/correlate/clocks.ts), in words, per bundle. */
  readonly clockNotes: readonly { readonly bundle: string; readonly message: string; readonly hint: string }[];
  readonly packages: readonly string[];
  readonly deviceGroups: readonly string[];
  /** Worst severity among the open findings; null when none is open. */
  readonly worstSeverity: Severity | null;
  readonly openCounts: Readonly<Record<Severity, number>>;
  /** Open findings an acknowledgement quiets now (counted in openCounts too, left out of the exit status). */
  readonly acknowledged: number;
  /** Timed lines in the window, and those no header grammar recognised. */
  readonly lines: number;
  readonly unparsed: number;
  readonly events: number;
  /** Oldest and newest timed line stored for the scope (any time), to explain an empty window. */
  readonly dataStart: number | null;
  readonly dataEnd: number | null;
}

export interface StaleNode {
  readonly bundle: string;
  readonly node: string;
  /** Its last line in the window, and the newest line of the bundle's other nodes. */
  readonly lastSeen: number;
  readonly bundleLast: number;
}

/**
A node is a stale feed when its last line in the window is at least this long before the newest line of
the other nodes of its bundle: an hour, or a twelfth of the window (two hours of a daily report), as
nodes that log only every few minutes must not be flagged by chance.
*/
export function staleAfterMs(window: { since: number; until: number }): number {
  return Math.max(3_600_000, Math.floor((window.until - window.since) / 12));
}

export type { PackageActivityKind };

export interface PackageActivity {
  readonly ts: number;
  readonly bundle: string;
  readonly package: string;
  readonly node: string | null;
  readonly activity: PackageActivityKind;
  readonly source: SourceLine;
}

export interface PackageSummary {
  readonly bundle: string;
  readonly package: string;
  /** Nodes it started on in the window, in order. */
  readonly startedOn: readonly string[];
  readonly failures: number;
  readonly halts: number;
  /** Node changes: the node it ran on before (possibly before the window) and the one after. */
  readonly moves: ReadonlyArray<{ readonly from: string; readonly to: string; readonly ts: number }>;
}

export interface SuspiciousGroup {
  /** The message with numbers, hosts and times replaced, so repeats of one problem count together. */
  readonly shape: string;
  readonly count: number;
  readonly hosts: readonly string[];
  readonly first: number | null;
  readonly last: number | null;
  readonly sample: SourceLine;
}

/** A line about replication from which no grammar read an event (line.unread). */
export interface UnreadLine extends SourceLine {
  readonly bundle: string;
  readonly package: string | null;
  /** The replication words that made it count. */
  readonly terms: string;
}

export interface MissingLog {
  readonly bundle: string;
  readonly package: string;
  /** Nodes the syslog says ran or tried to run it: where its log should have come from. */
  readonly nodes: readonly string[];
  /** The first syslog line naming it. */
  readonly seenAt: SourceLine;
  /** Where its package log would be in this bundle's layout (HP-UX or Linux), as the hint shows it. */
  readonly expectedPath: string;
}

export interface BundleTimeline {
  readonly bundle: string;
  readonly timeline: Timeline;
}

export interface ReportModel {
  readonly version: string;
  readonly timeZone?: string;
  readonly window: ReportWindow;
  readonly summary: ReportSummary;
  readonly openFindings: readonly ReportFinding[];
  readonly resolvedFindings: readonly ReportFinding[];
  /** Open problems whose advice another open finding forbids for now (status superseded): listed under the open ones. */
  readonly supersededFindings: readonly ReportFinding[];
  readonly timelines: readonly BundleTimeline[];
  readonly packageActivity: readonly PackageActivity[];
  readonly packages: readonly PackageSummary[];
  readonly suspicious: readonly SuspiciousGroup[];
  /** Suspicious lines in all, and how many groups were left out of `suspicious` (the largest are kept). */
  readonly suspiciousLines: number;
  readonly suspiciousGroupsOmitted: number;
  readonly missingLogs: readonly MissingLog[];
  /** Unread replication lines in the window (the first UNREAD_SHOWN), and how many there were in all. */
  readonly unreadLines: readonly UnreadLine[];
  readonly unreadTotal: number;
  /**
  What was read of each bundle: the analysis's counts when the report analysed PATHs, else the window's lines.
  A bundle mcadvisor could not read enough of (src/model/readability.ts) makes the report UNKNOWN.
  */
  readonly readings: readonly BundleReading[];
  /** 0 nothing open above info, 1 warning, 2 critical, 3 input it could not read: the same as analyze. */
  readonly exitStatus: number;
}

export interface GatherOptions {
  readonly window: ReportWindow;
  /** Only these bundles (all in the database when absent: the watch case). */
  readonly bundles?: readonly string[];
  readonly version: string;
  readonly timeZone?: string;
  /** The real time (epoch ms) acknowledgements are judged at (default: now). */
  readonly now?: number;
  /** At most this many suspicious-line groups (default 25). */
  readonly suspiciousLimit?: number;
  /** What the analysis that came before read of each bundle (report PATH...); without it, judged on the window's lines. */
  readonly readings?: readonly BundleReading[];
}

/** Unread replication lines listed in the report (the JSON and the view unread_lines have all of them). */
const UNREAD_SHOWN = 50;

// Package activity, failures and the kinds through which syslog names a package that ran: src/catalogue/vocabulary.ts.
const ACTIVITY_KINDS = Object.keys(EVENT_DISPLAY).filter((kind) => EVENT_DISPLAY[kind].activity !== undefined);
const RAN_KINDS = Object.keys(EVENT_DISPLAY).filter((kind) => EVENT_DISPLAY[kind].ran === true);
const FAILURES: ReadonlySet<PackageActivityKind> = new Set(
  Object.values(EVENT_DISPLAY).flatMap((shown) => (shown.level === "error" && shown.activity ? [shown.activity] : [])),
);

const byText = (left: string, right: string): number => compareText(left, right);

/** The oldest and newest timed line stored for these bundles (null when none has a time). */
export function dataSpan(database: SqliteDatabase, bundles: readonly string[]): { first: number | null; last: number | null } {
  return timedSpan(database, bundles);
}

export function gatherReport(database: SqliteDatabase, options: GatherOptions): ReportModel {
  const { since, until } = options.window;
  const bundles = options.bundles ? [...options.bundles].sort(byText) : listBundles(database);

  // Findings: open ones are the current to-do list whatever the window (an old unresolved problem stays on it);
  // one first seen after the window's end did not exist yet for this review.
  const findings = withAcknowledgements(database, listFindings(database, { bundles }), options.now);
  const mark = (finding: StoredFinding): ReportFinding => ({ ...finding, isNew: finding.firstSeen >= since });
  const openFindings = findings.filter((finding) => finding.status === "open" && finding.firstSeen < until).map(mark);
  const supersededFindings = findings.filter((finding) => finding.status === "superseded" && finding.firstSeen < until).map(mark);
  const resolvedFindings = findings
    .filter((finding) => finding.status === "resolved" && finding.resolvedAt !== null && finding.resolvedAt >= since && finding.resolvedAt < until)
    .map(mark);

  const lineTotals = windowLines(database, bundles, since, until);
  const eventFacts = windowEvents(database, bundles, since, until);
  const span = dataSpan(database, bundles);
  const sorted = (values: readonly string[]): string[] => [...new Set(values)].filter((value) => value !== "").sort(byText);
  // Each node's last line per bundle in the window gives the nodes and the stale feeds.
  const nodes = sorted(lineTotals.lastLines.map((row) => row.host));
  const staleNodes = staleFeeds(lineTotals.lastLines, staleAfterMs(options.window));
  const clockNotes = bundles.flatMap((bundle) =>
    clockDisagreements(clockAnchors(database, bundle)).map((disagreement) => ({ bundle, ...describeClockDisagreement(disagreement) })),
  );
  const earlierNodes = sorted(syslogHostsBefore(database, bundles, since));
  const silentNodes = nodes.length === 0 ? [] : earlierNodes.filter((node) => !nodes.includes(node));
  const packages = sorted(eventFacts.packages);
  const deviceGroups = sorted(eventFacts.deviceGroups);
  const clusters = sorted(eventFacts.clusters);

  const openCounts: Record<Severity, number> = { critical: 0, warning: 0, info: 0 };
  for (const finding of openFindings) openCounts[finding.severity]++;
  const worstSeverity = openFindings.reduce<Severity | null>(
    (worst, finding) => (worst === null || severityRank[finding.severity] > severityRank[worst] ? finding.severity : worst),
    null,
  );

  const timelines = bundles
    .map((bundle) => ({ bundle, timeline: readTimeline(database, { bundles: [bundle], since, until }) }))
    .filter((entry) => entry.timeline.rows.length > 0 || entry.timeline.marks.length > 0);

  const { activity, summaries } = packageActivity(database, bundles, since, until);
  const unread = { lines: windowUnreadLines(database, bundles, since, until) };
  const suspicious = suspiciousLines(database, bundles, since, until, findings, unread.lines, options.suspiciousLimit ?? 25);
  const readings = options.readings
    ? options.readings.filter((reading) => bundles.includes(reading.bundle))
    : windowReadings(lineTotals, countUnread(unread.lines), unfinishedAnalyses(database, bundles));

  return {
    version: options.version,
    timeZone: options.timeZone,
    window: options.window,
    summary: {
      bundles,
      clusters,
      nodes,
      silentNodes,
      staleNodes,
      clockNotes,
      packages,
      deviceGroups,
      worstSeverity,
      openCounts,
      acknowledged: openFindings.filter((finding) => finding.acknowledgement?.active === true).length,
      lines: lineTotals.lines,
      unparsed: lineTotals.unparsed,
      events: eventFacts.events,
      dataStart: span.first,
      dataEnd: span.last,
    },
    openFindings,
    resolvedFindings,
    supersededFindings,
    timelines,
    packageActivity: activity,
    packages: summaries,
    suspicious: suspicious.groups,
    suspiciousLines: suspicious.total,
    suspiciousGroupsOmitted: suspicious.omitted,
    missingLogs: missingLogs(database, bundles, until),
    unreadLines: unread.lines.slice(0, UNREAD_SHOWN),
    unreadTotal: unread.lines.length,
    readings,
    exitStatus: runExitStatus(exitStatusFor([...openFindings, ...resolvedFindings]), readings),
  };
}

/**
Without an analysis (the database watch keeps), each bundle is judged on its log lines in the window. A
window without lines is not judged here: the report says it is empty (a quiet window, or a stopped watch).
*/
function windowReadings(
  lineTotals: WindowLines,
  unreadCounts: ReadonlyMap<string, number>,
  unfinished: ReadonlyMap<string, UnfinishedAnalysis>,
): BundleReading[] {
  const readings: BundleReading[] = lineTotals.perBundle
    .map((row) => ({ bundle: row.bundle, files: row.files, lines: row.lines, unreadable: row.unreadable, unread: unreadCounts.get(row.bundle) ?? 0 }))
    .filter((reading) => reading.lines > 0 || unfinished.has(reading.bundle))
    .map((reading) => (unfinished.has(reading.bundle) ? { ...reading, unfinished: unfinished.get(reading.bundle) } : reading));
  // A bundle whose analysis has not finished is said so even with no line in the window (its findings are still open).
  for (const [bundle, analysis] of unfinished) {
    if (!readings.some((reading) => reading.bundle === bundle)) readings.push({ bundle, files: 0, lines: 0, unreadable: 0, unread: 0, unfinished: analysis });
  }
  return readings.sort((left, right) => byText(left.bundle, right.bundle));
}

function countUnread(lines: readonly UnreadLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.bundle, (counts.get(line.bundle) ?? 0) + 1);
  return counts;
}

/** The bundles mcadvisor could not read enough of to judge them (an analysis not finished aside: unfinishedBundles). */
export function unreadableBundles(model: ReportModel): BundleReading[] {
  return model.readings.filter((reading) => readabilityVerdict(reading) !== null && reading.unfinished === undefined);
}

/** What an empty list of open findings says: nothing pending, unless an analysis has not finished (then: nothing so far). */
export function nothingOpen(model: ReportModel): string {
  return unfinishedBundles(model).length === 0
    ? "Nothing open: no manual procedure is pending."
    : "Nothing open so far: an analysis has not finished (above), so this is no all-clear.";
}

/** The bundles whose last analysis began and has not finished: their findings are what was read until then. */
export function unfinishedBundles(model: ReportModel): BundleReading[] {
  return model.readings.filter((reading) => reading.unfinished !== undefined);
}

function staleFeeds(lastLines: ReadonlyArray<{ bundle: string; host: string; last: number }>, afterMs: number): StaleNode[] {
  const stale: StaleNode[] = [];
  for (const row of lastLines) {
    // The newest line of the bundle's other nodes: a bundle of one node has no one to compare with.
    const others = lastLines.filter((other) => other.bundle === row.bundle && other.host !== row.host).map((other) => other.last);
    if (others.length === 0) continue;
    const bundleLast = Math.max(...others);
    if (bundleLast - row.last >= afterMs) stale.push({ bundle: row.bundle, node: row.host, lastSeen: row.last, bundleLast });
  }
  return stale.sort((left, right) => byText(left.bundle, right.bundle) || left.lastSeen - right.lastSeen || byText(left.node, right.node));
}

function packageActivity(database: SqliteDatabase, bundles: readonly string[], since: number, until: number) {
  const rows = windowEventsOfKinds(database, bundles, ACTIVITY_KINDS, since, until);
  // Every node's cmcld logs the same start: one fact is shown once.
  const seen = new Set<string>();
  const activity: PackageActivity[] = [];
  for (const row of rows) {
    if (row.package === null || row.ts === null) continue;
    const node = row.node ?? row.host;
    const key = [row.bundle, row.ts, row.kind, row.package, node].join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    activity.push({
      ts: row.ts,
      bundle: row.bundle,
      package: row.package,
      node,
      activity: EVENT_DISPLAY[row.kind].activity as PackageActivityKind,
      source: { file: row.file, line: row.line, ts: row.ts, host: row.host, text: row.text },
    });
  }

  // Where each package ran last before the window, so a restart elsewhere right after it opens counts as a move.
  const byPackage = new Map<string, PackageActivity[]>();
  for (const entry of activity) {
    const key = `${entry.bundle}\u0000${entry.package}`;
    byPackage.set(key, [...(byPackage.get(key) ?? []), entry]);
  }
  const summaries: PackageSummary[] = [];
  for (const entries of byPackage.values()) {
    const { bundle, package: packageName } = entries[0];
    let ranOn = lastStartBefore(database, bundle, packageName, since) ?? null;
    const startedOn: string[] = [];
    const moves: Array<{ from: string; to: string; ts: number }> = [];
    for (const entry of entries) {
      if (entry.activity !== "started" || entry.node === null) continue;
      startedOn.push(entry.node);
      if (ranOn !== null && ranOn !== entry.node) moves.push({ from: ranOn, to: entry.node, ts: entry.ts });
      ranOn = entry.node;
    }
    summaries.push({
      bundle,
      package: packageName,
      startedOn,
      moves,
      failures: entries.filter((entry) => FAILURES.has(entry.activity)).length,
      halts: entries.filter((entry) => entry.activity === "halted").length,
    });
  }
  summaries.sort((left, right) => byText(left.bundle, right.bundle) || byText(left.package, right.package));
  return { activity, summaries };
}

const SYSLOG_PREFIX = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d (\S+) /;
const STEP_PREFIX = /^\s*[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d - /;

/** The message without its time and host, with the parts that vary between repeats of one problem replaced. */
export function lineShape(text: string, host: string | null): string {
  let body = text.replace(SYSLOG_PREFIX, "").replace(STEP_PREFIX, "");
  if (host) body = body.split(host).join("<host>");
  // Placeholders hold no digit, so the last step (digits to #) leaves them alone.
  return body
    .replace(/\b0x[0-9a-fA-F]+\b/g, "<hex>")
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?\b/g, "<time>")
    .replace(/\d+/g, "#")
    .replace(/\s+/g, " ")
    .trim();
}

function suspiciousLines(
  database: SqliteDatabase,
  bundles: readonly string[],
  since: number,
  until: number,
  findings: readonly StoredFinding[],
  unread: readonly SourceLine[],
  limit: number,
) {
  // Lines that are evidence of a finding are explained already, whatever the finding's status; unread replication
  // lines have their own section.
  const evidence = new Set<string>();
  for (const finding of findings) for (const item of finding.evidence) evidence.add(`${item.file}\u0000${item.line}`);
  for (const line of unread) evidence.add(`${line.file}\u0000${line.line}`);
  const rows = windowLinesWhere(database, bundles, since, until, (line) => (line.format === "unknown" || line.eventCount === 0) && isTroubleLine(line.text));
  const groups = new Map<string, { shape: string; count: number; hosts: Set<string>; first: number | null; last: number | null; sample: SourceLine }>();
  let total = 0;
  for (const row of rows) {
    if (evidence.has(`${row.file}\u0000${row.line}`)) continue;
    total++;
    const shape = lineShape(row.text, row.host);
    let group = groups.get(shape);
    if (!group) {
      group = {
        shape,
        count: 0,
        hosts: new Set(),
        first: row.ts,
        last: row.ts,
        sample: { file: row.file, line: row.line, ts: row.ts, host: row.host, text: row.text },
      };
      groups.set(shape, group);
    }
    group.count++;
    if (row.host) group.hosts.add(row.host);
    group.last = row.ts;
  }
  const sorted = [...groups.values()]
    .sort((left, right) => right.count - left.count || (left.first ?? 0) - (right.first ?? 0) || byText(left.shape, right.shape))
    .map((group) => ({ ...group, hosts: [...group.hosts].sort(byText) }));
  return { groups: sorted.slice(0, limit), total, omitted: Math.max(sorted.length - limit, 0) };
}

/**
Where a package's log is in a bundle's layout. HP-UX keeps $SGCONF in /etc/cmcluster and the legacy run script's
log beside it (<pkg>/<pkg>.log); Serviceguard for Linux keeps $SGCONF/$SGRUN under /usr/local/cmcluster (Red Hat) or
/opt/cmcluster (SUSE), and a modular package logs to $SGRUN/log/<pkg>.log (the script_log_file default). The bundle's
own paths say which: a Linux tree (var/log, usr/local/cmcluster, opt/cmcluster) and no /etc/cmcluster.
*/
export function packageLogLayout(paths: readonly string[]): (packageName: string) => string {
  const has = (marker: RegExp) => paths.some((path) => marker.test(path.replace(/\\/g, "/")));
  if (has(/(?:^|\/)etc\/cmcluster\//) || has(/(?:^|\/)var\/adm\//)) return (name) => `/etc/cmcluster/${name}/${name}.log`;
  if (has(/(?:^|\/)opt\/cmcluster\//)) return (name) => `/opt/cmcluster/run/log/${name}.log`;
  if (has(/(?:^|\/)usr\/local\/cmcluster\//) || has(/(?:^|\/)var\/log\//)) return (name) => `/usr/local/cmcluster/run/log/${name}.log`;
  return (name) => `/etc/cmcluster/${name}/${name}.log`;
}

/** Packages syslog names (up to the window's end) for which the inputs hold no package log at all. */
function missingLogs(database: SqliteDatabase, bundles: readonly string[], until: number): MissingLog[] {
  const rows = packagesWithoutLog(database, bundles, until);
  const missing = new Map<string, { bundle: string; package: string; nodes: Set<string>; seenAt: SourceLine }>();
  const ranKinds = new Set(RAN_KINDS);
  for (const row of rows) {
    if (row.package === null) continue;
    const key = `${row.bundle}\u0000${row.package}`;
    let entry = missing.get(key);
    if (!entry) {
      entry = {
        bundle: row.bundle,
        package: row.package,
        nodes: new Set(),
        seenAt: { file: row.file, line: row.line, ts: row.ts, host: row.host, text: row.text },
      };
      missing.set(key, entry);
    }
    if (ranKinds.has(row.kind) && row.node) entry.nodes.add(row.node);
  }
  const layouts = new Map<string, (packageName: string) => string>();
  const layoutOf = (bundle: string) => layouts.get(bundle) ?? layouts.set(bundle, packageLogLayout(bundlePaths(database, bundle))).get(bundle)!;
  return [...missing.values()]
    .map((entry) => ({ ...entry, nodes: [...entry.nodes].sort(byText), expectedPath: layoutOf(entry.bundle)(entry.package) }))
    .sort((left, right) => byText(left.bundle, right.bundle) || byText(left.package, right.package));
}

/** `6 h 10 min`: how long a stale node has been silent. */
export function silence(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours === 0 ? `${minutes} min` : minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** The stale-feed warning in words (stderr, Markdown, HTML, JSON): plain text, escaped by each medium. */
export function staleWarning(stale: StaleNode, time: (ms: number) => string, bundle: string | null): string {
  return (
    `${stale.node}${bundle === null ? "" : ` (${bundle})`} logged last at ${time(stale.lastSeen)}, ${silence(stale.bundleLast - stale.lastSeen)} before ` +
    `its bundle's other nodes (${time(stale.bundleLast)}): a stale feed? Check that the node is up, that syslogd runs there and that its logs ` +
    "still reach this database (watch, the copy job); findings about it may be missing."
  );
}

/** Paths shown relative to `cwd` when inside it (as analyze's text output does). */
export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === "" ? "." : shown.startsWith("..") ? path : shown;
}

/** ISO time of a naive ms, with the zone's offset when --tz was given. */
export function reportTime(ms: number | null, timeZone?: string): string {
  const known = knownTime(ms);
  return known === null ? "?" : formatIso(known, timeZone);
}

/** A short time for tables and charts: `11-16 03:12` (the year and zone are in the report header). */
export function shortTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}

/** Says in words why a window is empty when the stored data lies entirely before or after it. */
export function dataOutsideWindow(model: ReportModel): "before" | "after" | null {
  const { summary, window } = model;
  if (summary.lines > 0 || summary.dataEnd === null || summary.dataStart === null) return null;
  if (summary.dataEnd < window.since) return "before";
  if (summary.dataStart >= window.until) return "after";
  return null;
}
